#!/usr/bin/env bash
# Two builds of Passages side by side under the same HTTP load: what a change does to a fresh
# search, read from neighbouring runs. Figures only.
#   bench/compare.sh DIR_A DIR_B [ROUNDS] [SECONDS]
#   DIR_A, DIR_B: two checkouts (a git worktree of the old commit, say: git worktree add
#   /tmp/before HEAD~1); default 6 rounds of 10 s.
# Starts `passages serve --result-cache 0` from each checkout on a free port of 127.0.0.1 over its
# own corpus/ (index in a temporary folder), warms both for 30 s at full load, then runs wrk with
# bench/search.lua (the query mix) on A and B in turn, B first in every second round, so that a
# machine whose speed drifts moves both alike; /health last, on each twice. For each run it prints
# requests/s and the server's CPU µs per request (from /proc, as load.sh), and at the end the
# median of each and of B's ratio to A round by round.
# Needs wrk (apt-get install wrk). Every run is bounded by SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bench/compare.sh DIR_A DIR_B [ROUNDS] [SECONDS]" >&2; exit 2; }
dir_a=$(cd "$1" && pwd)
dir_b=$(cd "$2" && pwd)
rounds=${3:-6}
seconds=${4:-10}
command -v wrk >/dev/null || { echo "compare.sh: wrk is missing: apt-get install wrk" >&2; exit 1; }

work=$(mktemp -d)
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap 'stop; rm -rf "$work"' EXIT
ticks_per_second=$(getconf CLK_TCK)

# Starts checkout $1's server on port $2 (logging to $work/$3.log); the launcher execs java.
start() {
  (cd "$1" && PASSAGES_JAVA_OPTS="-Xmx1g" exec ./passages serve --port "$2" \
    --index "$work/index-$3" --result-cache 0 >"$work/$3.log" 2>&1) &
  pids+=($!)
}
port_a=$(( 30000 + RANDOM % 10000 ))
port_b=$(( 40000 + RANDOM % 10000 ))
start "$dir_a" "$port_a" a
start "$dir_b" "$port_b" b
for side in a b; do
  port=$([ $side = a ] && echo "$port_a" || echo "$port_b")
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/health" >/dev/null \
    || { echo "compare.sh: server $side did not start:" >&2; cat "$work/$side.log" >&2; exit 1; }
done
pid_a=${pids[0]}
pid_b=${pids[1]}
for port in "$port_a" "$port_b"; do
  wrk -t2 -c64 -d30s -s bench/search.lua "http://127.0.0.1:$port" >/dev/null
done

# Runs wrk on side $1 ($2: pid, $3: port) against path $4 with wrk arguments after; prints
# "SIDE rps cpu_us" and appends the same to $work/runs.
run() {
  local side=$1 pid=$2 port=$3 path=$4 before after rps
  shift 4
  before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  rps=$(wrk -t2 -c64 -d"${seconds}s" "$@" "http://127.0.0.1:$port$path" | awk '/^Requests\/sec/ { print $2 }')
  after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  awk -v s="$side" -v r="$rps" -v t=$((after - before)) -v hz="$ticks_per_second" -v d="$seconds" \
    'BEGIN { printf "%-8s rps=%.0f cpu_us_per_request=%.0f\n", s, r, t * 1e6 / hz / (r * d > 0 ? r * d : 1) }' \
    | tee -a "$work/runs"
}
echo "A: $dir_a ($(git -C "$dir_a" log -1 --format=%h 2>/dev/null || echo ?)), B: $dir_b ($(git -C "$dir_b" log -1 --format=%h 2>/dev/null || echo ?)); $rounds rounds of ${seconds}s, 64 connections, after 30 s warm-up each"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    run A "$pid_a" "$port_a" "" -s bench/search.lua
    run B "$pid_b" "$port_b" "" -s bench/search.lua
  else
    run B "$pid_b" "$port_b" "" -s bench/search.lua
    run A "$pid_a" "$port_a" "" -s bench/search.lua
  fi
done
for side in A B B A; do
  if [ $side = A ]; then run A-health "$pid_a" "$port_a" /health; else run B-health "$pid_b" "$port_b" /health; fi
done
python3 - "$work/runs" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    side, rps, cpu = re.match(r"(\S+)\s+rps=(\d+) cpu_us_per_request=(\d+)", line).groups()
    runs.setdefault(side, []).append((int(rps), int(cpu)))
for side in ("A", "B", "A-health", "B-health"):
    rps = statistics.median(r for r, _ in runs[side])
    cpu = statistics.median(c for _, c in runs[side])
    print(f"median {side:8} rps={rps:.0f} cpu_us_per_request={cpu:.0f}")
ratios = [b[0] / a[0] for a, b in zip(runs["A"], runs["B"])]
print("B/A requests/s, round by round: " + " ".join(f"{r:.2f}" for r in ratios)
      + f"; median {statistics.median(ratios):.2f}")
for side in ("A", "B"):
    share = statistics.median(r for r, _ in runs[side]) / statistics.median(r for r, _ in runs[side + "-health"])
    print(f"{side}: fresh search at {100 * share:.0f} % of /health")
PY
