#!/usr/bin/env bash
# Load test on loopback: wrk against /api/search (bench/queries.txt in turn) and against /health
# (the framework's floor), with the server's heap after each search run. Prints figures only.
#   bench/load.sh [SECONDS] [CONNECTIONS]      default 30 s at 64 connections
# Two servers in turn: as `passages serve` runs by default (repeated searches answered from the
# kept results), then with --result-cache 0, so every search is searched and highlighted afresh.
# Each gets two rounds (round 1 warms the JIT up; compare round 2).
# Needs wrk (apt-get install wrk). Starts its own server on a free port with the seed corpus;
# traffic goes to 127.0.0.1 only, and every run is bounded by SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-64}
command -v wrk >/dev/null || { echo "load.sh: wrk is missing: apt-get install wrk" >&2; exit 1; }

index=$(mktemp -d)
log=$(mktemp)
pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; pid=; }
trap 'stop; rm -rf "$index" "$log"' EXIT

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
  "$jcmd" "$pid" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -n 1
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; ${seconds}s at ${connections} connections, 2 threads"
for cache in 256 0; do
  start --result-cache "$cache"
  echo "server with --result-cache $cache; heap after start: $(heap)"
  for run in 1 2; do
    s=$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/search.lua "http://127.0.0.1:$port" | grep RESULT)
    echo "run $run /api/search  $s  heap after: $(heap)"
    h=$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/health.lua "http://127.0.0.1:$port/health" | grep RESULT)
    echo "run $run /health      $h"
  done
  stop
done
