#!/usr/bin/env bash
# Load test on loopback: wrk against /api/search (bench/queries.txt in turn), plain, with
# `Accept-Encoding: gzip` (answered gzipped, as clients that take nothing better get it), with
# Accept-Encoding as Safari sends it over HTTPS (answered in brotli), and as Chrome and Firefox do
# (in zstd), and against /health (the framework's floor, in every round), with the server's CPU per
# request (from /proc) and its heap after the plain search and /health runs of each round. Figures
# only.
#   bench/load.sh [SECONDS] [CONNECTIONS] [WARM_SECONDS] [ROUNDS]
#   default 30 s at 64 connections, 20 s warm, 1 round. With ROUNDS > 1 the runs (plain search,
#   /health, then search in gzip, br and zstd) repeat in turn, so that what compression adds, and
#   a search's ratio to /health, are read from neighbouring runs: a server still warming, or a
#   machine whose speed drifts, moves them all alike. Each round prints the fresh search's ratio to
#   /health (requests/s of the two neighbouring runs); several rounds, their median.
# Two servers in turn: as `passages serve` runs by default (repeated searches answered from the
# kept results), then with --result-cache 0, so every search is searched and highlighted afresh.
# Each is first warmed at full load for WARM_SECONDS, then 5 s in each coding (not counted: the
# JIT compiles the hot paths meanwhile), then measured. CPU per request is the server's own (user +
# system time of its process over the run, divided by the requests answered): wrk shares the
# machine, so requests/s alone would let a busy machine pass for a slow server.
# Needs wrk (apt-get install wrk). Starts its own server on a free port with the seed corpus;
# traffic goes to 127.0.0.1 only, and every run is bounded by SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-64}
warm=${3:-20}
rounds=${4:-1}
command -v wrk >/dev/null || { echo "load.sh: wrk is missing: apt-get install wrk" >&2; exit 1; }

index=$(mktemp -d)
log=$(mktemp)
pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap 'stop; rm -rf "$index" "$log"' EXIT
ticks_per_second=$(getconf CLK_TCK)

# Starts `passages serve` with extra arguments "$@" on a free port; sets $pid and $port.
start() {
  port=$(( 30000 + RANDOM % 20000 ))
  PASSAGES_JAVA_OPTS="-Xmx1g" ./passages serve --port "$port" --index "$index" "$@" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "load.sh: the server did not start:" >&2; cat "$log" >&2; exit 1; }
}

# The launcher execs java, so $pid is the JVM; its own jcmd reads the heap after a full GC.
heap() {
  local jcmd
  jcmd="$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd"
  "$jcmd" "$pid" GC.run >/dev/null 2>&1 || true
  # The heap's generations (G1: one line; the parallel collector: young and old), not Metaspace.
  "$jcmd" "$pid" GC.heap_info 2>/dev/null | awk '/heap|Gen|generation/ && !/Metaspace|class space/ {
      if (match($0, /used [0-9]+K/)) { used += substr($0, RSTART + 5, RLENGTH - 6) } }
    END { printf "used %dK\n", used }'
}

# CPU ticks (user + system, all threads) the server has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }

# Runs wrk with script $1 against path $2, extra wrk arguments after; prints its RESULT line
# with the server's CPU µs per request appended.
measure() {
  local script=$1 path=$2 before after result requests
  shift 2
  before=$(cpu_ticks)
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$script" "$@" "http://127.0.0.1:$port$path" | grep RESULT)
  after=$(cpu_ticks)
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result")
  echo "$result cpu_us_per_request=$(( (after - before) * 1000000 / ticks_per_second / (requests > 0 ? requests : 1) ))"
}

# The requests/s of a RESULT line.
rps() { sed -n 's/.*rps=\([0-9]*\).*/\1/p' <<<"$1"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; ${seconds}s per run at ${connections} connections, 2 threads; ${warm}s warm-up per server"
for cache in 256 0; do
  start --result-cache "$cache"
  echo "server with --result-cache $cache; heap after start: $(heap)"
  wrk -t2 -c"$connections" -d"${warm}s" -s bench/search.lua "http://127.0.0.1:$port" >/dev/null
  # Then each coding's path for a few seconds, so that no measured run is the first to take it
  # (the JIT compiling it meanwhile).
  for accepted in gzip "gzip, deflate, br" "gzip, deflate, br, zstd"; do
    wrk -t2 -c"$connections" -d5s -s bench/search.lua -H "Accept-Encoding: $accepted" \
      "http://127.0.0.1:$port" >/dev/null
  done
  echo "warmed: ${warm}s of /api/search at full load, then 5 s in each coding"
  ratios=()
  for round in $(seq 1 "$rounds"); do
    [ "$rounds" = 1 ] || echo "round $round"
    search=$(measure bench/search.lua "")
    # In every round, right after the plain searches: the machine's speed drifts within minutes
    # (/health measured once at the end answered 40,686/s for one server and 22,501/s for the next;
    # one build's searches, 11,118/s and then 8,975/s in two 10 s runs back to back), so the ratio
    # is read from neighbouring runs. The heap is read after both.
    health=$(measure bench/health.lua /health)
    echo "/api/search        $search  heap after: $(heap)"
    echo "/health            $health"
    echo "/api/search gzip   $(measure bench/search.lua "" -H 'Accept-Encoding: gzip')"
    echo "/api/search br     $(measure bench/search.lua "" -H 'Accept-Encoding: gzip, deflate, br')"
    echo "/api/search zstd   $(measure bench/search.lua "" -H 'Accept-Encoding: gzip, deflate, br, zstd')"
    ratios+=("$(rps "$search") $(rps "$health")")
    echo "search at $(printf '%s\n' "${ratios[-1]}" | awk '{ printf "%.1f", 100 * $1 / $2 }') % of /health's requests/s"
  done
  if [ "$rounds" -gt 1 ]; then
    echo "search at $(printf '%s\n' "${ratios[@]}" | awk '{ print 100 * $1 / $2 }' | sort -n | awk '{ v[NR] = $1 } END {
      printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }') % of /health's requests/s, the median of $rounds rounds"
  fi
  stop
done
