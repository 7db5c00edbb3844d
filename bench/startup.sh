#!/usr/bin/env bash
# Start-up time: wall time from launching `./passages serve` (the real launcher) until the first
# GET /api/search?q=uranium answers 200, polled about every 10 ms without starting a process
# (curl is heavy enough to slow the start it times: bench/server.sh). Three cases, interleaved: an
# existing index (built by an earlier start), none (an empty temporary index folder), and the
# existing index started by the java command the launcher runs, without the launcher: the
# difference is the launcher's own time (finding the JDK, checking the jar is up to date).
#   bench/startup.sh [RUNS]      default 5 runs per case
# Serves the project's corpus/ on a free port of 127.0.0.1; the index lives in temporary folders.
# Prints figures only: min / median / max ms per case.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
command -v curl >/dev/null || { echo "startup.sh: curl is missing: apt-get install curl" >&2; exit 1; }

# shellcheck source=bench/server.sh
source bench/server.sh

# Starts the server on $1 (index folder), waits for the first 200 from /api/search, stops it
# cleanly (SIGTERM: the shutdown hook commits and closes the index) and sets $elapsed (ms). With
# $2 = settle, it first waits until every passage has its vector.
# Not run in a subshell, so that the EXIT trap always knows the server's $pid.
start_once() {
  local index=$1 how=${2:-launcher} port log start
  port=$(free_port)
  log="$work/serve-$port.log"
  start=$(now_ms)
  if [ "$how" = direct ]; then
    "${java_command[@]}" serve --port "$port" --index "$index" >"$log" 2>&1 &
  else
    ./passages serve --port "$port" --index "$index" >"$log" 2>&1 &
  fi
  pid=$!
  await_answer "$port" "$start" "$log"
  if [ "$how" = settle ]; then
    await_vectors "$port"
  fi
  # The launcher execs java, so $pid is the JVM: note which one and its command line, once.
  [ -s "$work/java" ] || readlink -f "/proc/$pid/exe" >"$work/java" 2>/dev/null || true
  [ -s "$work/cmdline" ] || cp "/proc/$pid/cmdline" "$work/cmdline" 2>/dev/null || true
  stop
}

# Build first, so that no run includes a build: the launcher builds target/passages.jar when it is
# missing or older than the sources (`--help` builds as `serve` would, then exits at once).
# A jar built with -Pbench holds JMH and the benchmarks too: rebuild the plain one, as the launcher
# builds it, so the figures are for the jar users run.
# (grep reads the whole listing: with -q it would stop at the first match, and unzip, cut off,
# would fail the pipeline under pipefail, so the bench jar was kept.)
if [ -f target/passages.jar ] && unzip -l target/passages.jar 2>/dev/null | grep 'org/openjdk/jmh/' >/dev/null; then
  echo "startup.sh: target/passages.jar was built with -Pbench (it holds JMH); rebuilding it plainly" >&2
  rm target/passages.jar
fi
./passages --help >/dev/null

# Warm-up start: records the launcher's start-up cache (on JDK 25+ the AOT cache
# target/passages-serve.aot, from a training run before the start; before that the CDS archive
# target/passages-serve.jsa, written when the JVM exits) and builds the index the "existing
# index" runs start from, every passage with its vector, as a server leaves it.
existing="$work/existing-index"
mkdir -p "$existing"
start_once "$existing" settle
warm=$elapsed
java=$(cat "$work/java" 2>/dev/null || echo unknown)
mapfile -d '' java_command <"$work/cmdline"
# The command line ends with the launcher's arguments: keep what comes before "serve".
for i in "${!java_command[@]}"; do
  if [ "${java_command[$i]}" = serve ]; then java_command=("${java_command[@]:0:$i}"); break; fi
done
echo "JDK: $java ($("$java" -version 2>&1 | head -n 1)); $(nproc) cores"
echo "corpus: corpus/; $runs runs per case, interleaved; the first GET /api/search?q=uranium answering 200 ends a run"
echo "warm-up start: $warm ms (index built, start-up cache recorded if it was missing; not counted)"
cache=$(ls target/passages-serve.aot target/passages-serve.jsa 2>/dev/null | head -n 1 || true)
echo "start-up cache: ${cache:-none}; java command: ${java_command[*]}"

: >"$work/with"
: >"$work/without"
: >"$work/direct"
for run in $(seq 1 "$runs"); do
  start_once "$existing"
  with=$elapsed
  empty="$work/empty-$run"
  mkdir -p "$empty"
  start_once "$empty"
  without=$elapsed
  rm -rf "$empty"
  start_once "$existing" direct
  direct=$elapsed
  echo "$with" >>"$work/with"
  echo "$without" >>"$work/without"
  echo "$direct" >>"$work/direct"
  echo "run $run: existing index $with ms, no index $without ms, existing index without the launcher $direct ms"
done

printf '\n%-32s %6s %9s %6s\n' case min_ms median_ms max_ms
printf '%-32s %s\n' "existing index" "$(summary <"$work/with")"
printf '%-32s %s\n' "no index" "$(summary <"$work/without")"
printf '%-32s %s\n' "existing index, java directly" "$(summary <"$work/direct")"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "launcher's own time (median difference): $(( $(median <"$work/with") - $(median <"$work/direct") )) ms"
