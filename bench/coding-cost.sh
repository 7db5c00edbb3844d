#!/usr/bin/env bash
# What compressing a fresh search answer costs the server, read pair by pair: for each coding
# (gzip, brotli as Safari gets it, zstd as Chrome, Edge and Firefox get it), PAIRS pairs of short
# wrk runs, one plain and one in that coding, which goes first swapped at every pair; the cost is
# the server's CPU per request (from /proc) in the coding minus in the plain run next to it.
# load.sh measures each coding once a round, its runs tens of seconds apart, and this machine's
# speed drifts by a fifth within minutes: a difference of 30 µs in 200 drowns in that. Runs a few
# seconds apart see the same machine; the median of the pairs is the figure.
#   bench/coding-cost.sh [PAIRS] [SECONDS] [CONNECTIONS] [WARM_SECONDS]
#   default 8 pairs of 3 s runs at 64 connections, after 30 s of warm-up: about 5 minutes.
# One server, `passages serve --result-cache 0` on the seed corpus (every search searched and
# written afresh), on a free port of 127.0.0.1. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-8}
seconds=${2:-3}
connections=${3:-64}
warm=${4:-30}
command -v wrk >/dev/null || { echo "coding-cost.sh: wrk is missing: apt-get install wrk" >&2; exit 1; }
. bench/server.sh # $work, $pid, stop() and free_port, all undone at exit
ticks_per_second=$(getconf CLK_TCK)

port=$(free_port)
PASSAGES_JAVA_OPTS="-Xmx1g" ./passages serve --port "$port" --index "$work/index" --result-cache 0 \
  >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "coding-cost.sh: the server did not start:" >&2; cat "$work/log" >&2; exit 1; }

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }

# The server's CPU µs per request over one wrk run, with Accept-Encoding $1 ("" sends none).
cost() {
  local header=() before after requests
  [ -n "$1" ] && header=(-H "Accept-Encoding: $1")
  before=$(cpu_ticks)
  requests=$(wrk -t2 -c"$connections" -d"${seconds}s" -s bench/search.lua "${header[@]}" \
    "http://127.0.0.1:$port" | sed -n 's/^RESULT.*requests=\([0-9]*\).*/\1/p')
  after=$(cpu_ticks)
  echo $(( (after - before) * 1000000 / ticks_per_second / (requests > 0 ? requests : 1) ))
}

# The median and the middle half of the numbers on stdin.
spread() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %+.0f µs (middle half %+d to %+d, all %+d to %+d)", m,
      v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)], v[1], v[NR] }'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $pairs pairs of ${seconds} s runs per coding at $connections connections, after ${warm} s of warm-up"
wrk -t2 -c"$connections" -d"${warm}s" -s bench/search.lua "http://127.0.0.1:$port" >/dev/null
for accepted in gzip "gzip, deflate, br" "gzip, deflate, br, zstd"; do
  wrk -t2 -c"$connections" -d5s -s bench/search.lua -H "Accept-Encoding: $accepted" \
    "http://127.0.0.1:$port" >/dev/null
done
for coding in gzip br zstd; do
  case $coding in
    gzip) accepted=gzip ;;
    br) accepted="gzip, deflate, br" ;;
    zstd) accepted="gzip, deflate, br, zstd" ;;
  esac
  deltas=()
  line=""
  for pair in $(seq 1 "$pairs"); do
    if (( pair % 2 )); then
      plain=$(cost ""); coded=$(cost "$accepted")
    else
      coded=$(cost "$accepted"); plain=$(cost "")
    fi
    deltas+=($(( coded - plain )))
    line+=" $plain/$coded"
  done
  echo "$coding: plain/$coding µs per request, pair by pair:$line"
  echo "$coding: $(printf '%s\n' "${deltas[@]}" | spread) more than plain"
done
