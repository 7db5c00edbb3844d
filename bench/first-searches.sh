#!/usr/bin/env bash
# The first searches a reader meets: starts `./passages serve` over a corpus (index kept in a
# temporary folder and built by a first, uncounted start), waits for /health, then sends 20
# distinct searches one after the other (bench/queries.txt, with --result-cache 0) and prints each
# one's wall time (curl) and the server's own tookMs. Repeats for RUNS fresh starts and prints the
# median per position.
#   bench/first-searches.sh [RUNS] [CORPUS]     default 3 runs over corpus/
# Extra JVM options (an AOT cache, say) go in PASSAGES_JAVA_OPTS as for the launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
corpus=${2:-corpus}
command -v curl >/dev/null || { echo "first-searches.sh: curl is missing" >&2; exit 1; }
# shellcheck source=bench/server.sh
source bench/server.sh
port=$(free_port)
mapfile -t queries < <(grep -v '^$' bench/queries.txt | head -20)

start() {
  ./passages serve --port "$port" --corpus "$corpus" --index "$work/index" --result-cache 0 \
    >"$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/health" && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.01
  done
  echo "first-searches.sh: no answer from the server" >&2
  exit 1
}

start # builds the index (and the launcher's archives); not counted
stop
for run in $(seq 1 "$runs"); do
  start
  i=0
  for q in "${queries[@]}"; do
    i=$((i + 1))
    out=$(curl -s -G -w ' %{time_total}' --data-urlencode "q=$q" \
      "http://127.0.0.1:$port/api/search")
    wall=${out##* }
    took=$(sed -n 's/.*"tookMs":\([0-9.]*\).*/\1/p' <<<"${out% *}")
    echo "$i $wall $took" >>"$work/times"
  done
  stop
done
echo "search  wall_ms  server_ms   (median of $runs fresh starts, $corpus)"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for i in $(seq 1 "${#queries[@]}"); do
  wall=$(awk -v i="$i" '$1 == i { print $2 * 1000 }' "$work/times" | median)
  took=$(awk -v i="$i" '$1 == i { print $3 }' "$work/times" | median)
  printf "%6d %8.1f %9.1f   %s\n" "$i" "$wall" "$took" "${queries[$((i - 1))]}"
done
