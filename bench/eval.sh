#!/usr/bin/env bash
# Ranking quality on the public question collections of ../shared/eval (CISI, MED; see its README):
# each collection served as a reader would use it and scored with its score.py, in three ways:
#   fused    `passages serve` as it runs by default: words and meaning (after the passages are
#            embedded: /health says "ready")
#   lexical  `passages serve --semantic off`: words alone
#   meaning  meaning alone, in-process (bench's EvalRuns; built here with -Pbench)
# and one table per collection beside the plain BM25 reference run, with score.py's paired
# randomization test (p) against it. CISI is scored with its queries cut to 1,000 characters, as
# the reference runs are, and whole.
#   bench/eval.sh [EVAL_DIR]      default ../shared/eval; runs go to target/eval/
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${1:-../shared/eval}
out=target/eval
mkdir -p "$out"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

free_port() {
  local port
  while :; do
    port=$((30000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

serve_and_score() { # collection tag [serve options...]
  local c=$1 tag=$2; shift 2
  local index port pid health
  index=$(mktemp -d)
  port=$(free_port)
  ./passages serve --corpus "$eval_dir/$c/corpus" --index "$index" --port "$port" "$@" \
    > "$out/$tag-$c-serve.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 900); do
    if health=$(curl -sf "http://127.0.0.1:$port/health") \
        && ! grep -q '"state":"\(embedding\|loading\)"' <<< "$health"; then
      break
    fi
    sleep 1
  done
  python3 "$eval_dir/score.py" "$eval_dir/$c" --http "http://127.0.0.1:$port" \
    --max-query-chars 1000 --save-run "$out/$tag-$c.trec" > /dev/null
  if [ "$c" = cisi ]; then
    python3 "$eval_dir/score.py" "$eval_dir/$c" --http "http://127.0.0.1:$port" \
      --save-run "$out/$tag-$c-whole-queries.trec" > /dev/null
  fi
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$index"
}

# A JDK 21+ for Maven and the in-process run, as the launcher finds one: JAVA_HOME, else the newest.
jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(jdk_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "$dir/bin/javac" ] && [ "$(jdk_major "${dir%/}")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME=${dir%/}
      break
    fi
  done
fi
export JAVA_HOME
./mvnw -B -ntp -q -Pbench -DskipTests -Dspotless.check.skip=true package >&2
java=$JAVA_HOME/bin/java
for c in cisi med; do
  serve_and_score "$c" fused
  serve_and_score "$c" lexical --semantic off
  "$java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -cp target/benchmarks.jar dev.passages.bench.EvalRuns "$eval_dir/$c/corpus" \
    "$eval_dir/$c/queries.tsv" "$out/in-process-$c" --max-query-chars 1000 2> /dev/null
  runs=(--run "$eval_dir/$c/runs/bm25-or.trec" --run "$out/lexical-$c.trec"
    --run "$out/in-process-$c-meaning.trec" --run "$out/fused-$c.trec")
  [ "$c" = cisi ] && runs+=(--run "$out/fused-$c-whole-queries.trec")
  echo "## $c"
  python3 "$eval_dir/score.py" "$eval_dir/$c" "${runs[@]}" | sed -n '/^| run/,/^$/p'
done
# A fresh build for ./passages, which would otherwise run the benchmark jar.
./mvnw -B -ntp -q -DskipTests -Dspotless.check.skip=true package >&2
