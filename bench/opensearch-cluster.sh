#!/usr/bin/env bash
# A local OpenSearch cluster to try Passages on: three nodes of OpenSearch 3.9 in one JVM, from
# Maven Central's jars (cluster/), on 127.0.0.1, data in a temporary folder. The test suite starts
# the same cluster.
#   bench/opensearch-cluster.sh start    start it; the last line printed is its HTTP URLs,
#                                        comma-separated, for --opensearch
#   bench/opensearch-cluster.sh stop     stop it and remove its data
#   bench/opensearch-cluster.sh status   the URLs when it runs
# Needs a JDK 21+ (found as ./passages finds one) and about 600 MB of memory (OPENSEARCH_HEAP,
# default 512m, is the heap of the three nodes together: 2g for the million-paragraph corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
state=target/opensearch-cluster
mkdir -p "$state"

jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'; }
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "$dir/bin/javac" ] && [ "$(jdk_major "${dir%/}")" -ge 21 ] 2>/dev/null; then
      echo "${dir%/}"; return
    fi
  done
  echo "opensearch-cluster.sh: no JDK 21 or newer found; set JAVA_HOME" >&2
  exit 1
}

running() { [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; }

case "${1:-}" in
  start)
    if running; then
      echo "a cluster already runs (bench/opensearch-cluster.sh stop stops it)"
      cat "$state/urls"
      exit 0
    fi
    JAVA_HOME=$(find_jdk)
    export JAVA_HOME
    classpath=cluster/target/classpath.txt
    if [ ! -s "$classpath" ] || [ cluster/pom.xml -nt "$classpath" ]; then
      echo "resolving OpenSearch's jars (once) ..."
      ./mvnw -B -ntp -q -f cluster/pom.xml dependency:build-classpath \
        -Dmdep.outputFile=target/classpath.txt >&2
    fi
    data=$(mktemp -d -t passages-opensearch-XXXXXX)
    echo "$data" > "$state/data"
    rm -f "$state/control"
    mkfifo "$state/control"
    # Holds the control pipe open: the cluster stops when its input ends.
    # Its own output goes nowhere, so that `start | tail -1` ends when start does.
    sleep infinity > "$state/control" 2>/dev/null < /dev/null &
    echo $! > "$state/holder"
    "$JAVA_HOME/bin/java" "-Xmx${OPENSEARCH_HEAP:-512m}" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
      -cp "$(cat "$classpath")" cluster/TestCluster.java "$data" 3 \
      < "$state/control" > "$state/log" 2>&1 &
    echo $! > "$state/pid"
    for _ in $(seq 1 120); do
      if grep -q "^cluster of .* green" "$state/log"; then
        break
      fi
      if ! running; then
        echo "the cluster did not start:" >&2
        tail -20 "$state/log" >&2
        exit 1
      fi
      sleep 0.5
    done
    if ! grep "^cluster of .* green" "$state/log"; then
      echo "the cluster was not green within 60 s; its log is $state/log" >&2
      exit 1
    fi
    tail -1 "$state/log" | tee "$state/urls"
    ;;
  stop)
    if running; then
      pid=$(cat "$state/pid")
      kill -TERM "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    [ -f "$state/holder" ] && kill "$(cat "$state/holder")" 2>/dev/null || true
    [ -f "$state/data" ] && rm -rf "$(cat "$state/data")"
    rm -rf "$state"
    echo "stopped"
    ;;
  status)
    if running; then cat "$state/urls"; else echo "not running"; exit 1; fi
    ;;
  *)
    echo "usage: bench/opensearch-cluster.sh start|stop|status" >&2
    exit 2
    ;;
esac
