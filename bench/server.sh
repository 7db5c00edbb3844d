# Sourced by the start-up benchmarks (startup.sh, startup-compare.sh, first-searches.sh): a
# temporary folder $work, the server's $pid and stop(), which stops it cleanly (SIGTERM: the
# shutdown hook commits and closes the index), both undone when the script exits; free_port;
# and what the start-up scripts time a start with: now_ms, await_answer, await_vectors, summary.
work=$(mktemp -d)
pid=""
stop() {
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
  fi
}
trap 'stop; rm -rf "$work"' EXIT

# A port nothing listens on: connecting to it fails.
free_port() {
  local port
  while :; do
    port=$((30000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

now_ms() { # bash's clock, no process started
  local t=${EPOCHREALTIME/[.,]/}
  echo $((t / 1000))
}

# Polls GET /api/search?q=uranium on port $1 about every 10 ms until it answers 200, then sets
# $elapsed to the ms since $2 (now_ms at launch). If the server ($pid, logging to $3) stops first,
# or after 300 s, says so with its log and exits.
# The poll starts no process (bash's /dev/tcp, read -t as the pause, its own clock): a curl every
# 10 ms cost ~26 ms of CPU each here, ~0.7 s of CPU during a one-second start, taken from the
# server being timed on a machine of two cores (it added ~250 ms to the start measured).
await_answer() {
  local port=$1 start=$2 log=$3 conn nap status now
  exec {nap}<> <(:) # a pipe no one writes to: read -t on it is a pause
  while :; do
    status=""
    if { exec {conn}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET /api/search?q=uranium HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' \
        "$port" >&"$conn" 2>/dev/null || true
      read -r -t 5 status <&"$conn" 2>/dev/null || true
      exec {conn}<&-
    fi
    case $status in "HTTP/1.1 200"*) break ;; esac
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$(basename "$0"): the server stopped before answering:" >&2
      cat "$log" >&2
      exit 1
    fi
    now=${EPOCHREALTIME/[.,]/}
    if [ $((now / 1000 - start)) -gt 300000 ]; then
      stop
      echo "$(basename "$0"): no answer after 300 s:" >&2
      cat "$log" >&2
      exit 1
    fi
    read -r -t 0.01 -u "$nap" || true
  done
  exec {nap}<&-
  now=${EPOCHREALTIME/[.,]/}
  elapsed=$((now / 1000 - start))
}

# Waits (at most 120 s) until the server on port $1 has every passage's vector: an index that
# serve has run over before has them, and a start that finds some missing loads the model and
# embeds them meanwhile, which timed starts should not.
await_vectors() {
  for _ in $(seq 1 1200); do
    curl -s --max-time 5 "http://127.0.0.1:$1/health" 2>/dev/null |
      grep -Eq '"state":"off"|"state":"ready","embedded":([0-9]+),"passages":\1[,}]' && return 0
    sleep 0.1
  done
}

# min / median / max of the numbers on stdin.
summary() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%6d %9d %6d\n", v[1], m, v[NR] }'
}
