#!/usr/bin/env bash
# Two builds' start-up, interleaved: what a change does to launch-to-first-answer, read from pairs
# of neighbouring starts, since this kind of machine's speed drifts by a fifth within an hour.
#   bench/startup-compare.sh DIR_A DIR_B [PAIRS]
#   DIR_A, DIR_B: two checkouts (a git worktree of the old commit, say: git worktree add
#   /tmp/before HEAD~1); default 16 pairs.
# Each side is started by its own launcher (`./passages serve`) over its own corpus/ and an index
# in a temporary folder: first once to build it (the jar, the start-up cache, the index with every
# vector), not counted; then PAIRS times each, A first in odd pairs and B first in even ones. A
# start ends when GET /api/search?q=uranium answers 200 (polled about every 10 ms without starting
# a process), as in startup.sh.
# Prints each pair, each side's min / median / max, and in how many pairs B was the faster.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bench/startup-compare.sh DIR_A DIR_B [PAIRS]" >&2; exit 2; }
dir_a=$(cd "$1" && pwd)
dir_b=$(cd "$2" && pwd)
pairs=${3:-16}
command -v curl >/dev/null || { echo "startup-compare.sh: curl is missing: apt-get install curl" >&2; exit 1; }

# shellcheck source=bench/server.sh
source bench/server.sh

# Starts checkout $1 over index folder $2, waits for the first 200 from /api/search, stops it
# cleanly and sets $elapsed (ms). With $3 = settle, it first waits (at most 120 s) until every
# passage has its vector, so that the counted starts do not load the model and embed meanwhile.
start_once() {
  local dir=$1 index=$2 how=${3:-} port log start
  port=$(free_port)
  log="$work/serve-$port.log"
  start=$(now_ms)
  (cd "$dir" && exec ./passages serve --port "$port" --index "$index" >"$log" 2>&1) &
  pid=$!
  await_answer "$port" "$start" "$log"
  if [ "$how" = settle ]; then
    await_vectors "$port"
  fi
  stop
}

for side in a b; do
  dir=$([ $side = a ] && echo "$dir_a" || echo "$dir_b")
  (cd "$dir" && ./passages --help >/dev/null)
  mkdir -p "$work/index-$side"
  start_once "$dir" "$work/index-$side" settle
  echo "$side: $dir at $(git -C "$dir" rev-parse --short HEAD 2>/dev/null || echo '?'); warm-up start $elapsed ms (not counted)"
done

: >"$work/a"
: >"$work/b"
faster=0
for pair in $(seq 1 "$pairs"); do
  for side in $( ((pair % 2)) && echo "a b" || echo "b a"); do
    dir=$([ $side = a ] && echo "$dir_a" || echo "$dir_b")
    start_once "$dir" "$work/index-$side"
    echo "$elapsed" >>"$work/$side"
    declare "ms_$side=$elapsed"
  done
  [ "$ms_b" -lt "$ms_a" ] && faster=$((faster + 1))
  echo "pair $pair: A $ms_a ms, B $ms_b ms"
done

printf '\n%-4s %6s %9s %6s\n' side min_ms median_ms max_ms
printf '%-4s %s\n' A "$(summary <"$work/a")"
printf '%-4s %s\n' B "$(summary <"$work/b")"
echo "B was the faster in $faster of $pairs pairs"
