#!/usr/bin/env bash
# Load test on loopback: wrk against /api/search (bench/queries.txt in turn) and against /health
# (the framework's floor), twice, with the server's heap after each run. Prints figures only.
#   bench/load.sh [SECONDS] [CONNECTIONS]      default 30 s at 64 connections
# Needs wrk (apt-get install wrk). Starts its own server on a free port with the seed corpus;
# traffic goes to 127.0.0.1 only, and every run is bounded by SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-64}
command -v wrk >/dev/null || { echo "load.sh: wrk is missing: apt-get install wrk" >&2; exit 1; }

index=$(mktemp -d)
port=$(( 30000 + RANDOM % 20000 ))
log=$(mktemp)
PASSAGES_JAVA_OPTS="-Xmx1g" ./passages serve --port "$port" --index "$index" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$index" "$log"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "load.sh: the server did not start:" >&2; cat "$log" >&2; exit 1; }

# The launcher execs java, so $pid is the JVM; its own jcmd reads the heap after a full GC.
jcmd="$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd"
heap() {
  "$jcmd" "$pid" GC.run >/dev/null 2>&1 || true
  "$jcmd" "$pid" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -n 1
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; ${seconds}s at ${connections} connections, 2 threads"
echo "heap after start: $(heap)"
for run in 1 2; do
  s=$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/search.lua "http://127.0.0.1:$port" | grep RESULT)
  echo "run $run /api/search  $s  heap after: $(heap)"
  h=$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/health.lua "http://127.0.0.1:$port/health" | grep RESULT)
  echo "run $run /health      $h"
done
