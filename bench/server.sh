# Sourced by the start-up benchmarks (startup.sh, first-searches.sh): a temporary folder $work,
# the server's $pid and stop(), which stops it cleanly (SIGTERM: the shutdown hook commits and
# closes the index), both undone when the script exits, and free_port.
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
