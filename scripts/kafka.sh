#!/usr/bin/env bash
# kafka.sh start|stop|status|env
#
# Runs a single-node Kafka broker (KRaft, broker and controller in one JVM) on 127.0.0.1 only, for
# Sluice's tests and demos, without Docker. The broker's jars come from Maven Central through
# scripts/kafka/pom.xml and live in the state directory, never on Sluice's classpath.
# Idempotent: jars already copied are not copied again, a formatted log directory is kept (the
# cluster id is fixed, so formatting again is a no-op), a running broker is left alone.
# State lives under $KAFKA_STATE_DIR (default $SLUICE_SERVICES_DIR/kafka, i.e.
# /tmp/sluice-services/kafka); `env` writes and prints the variables the tests read (KAFKA_BOOTSTRAP,
# KAFKA_LIB_DIR).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONF=$HERE/kafka
SERVICES=${SLUICE_SERVICES_DIR:-/tmp/sluice-services}
STATE=${KAFKA_STATE_DIR:-$SERVICES/kafka}
KAFKA_PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
HEAP=${KAFKA_HEAP:--Xms256m -Xmx512m}
# "sluice-kafka-001" in base64url: a fixed id makes `format --ignore-formatted` idempotent (a new
# random id against an existing log directory fails with "Invalid cluster.id").
CLUSTER_ID=c2x1aWNlLWthZmthLTAwMQ
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

log() { echo "kafka: $*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
broker_pid() { local p; p=$(cat "$STATE/kafka.pid" 2>/dev/null) && kill -0 "$p" 2>/dev/null && echo "$p"; }

copy_libs() {
  local stamp
  stamp=$(sha1sum "$CONF/pom.xml" | cut -d' ' -f1)
  if [ "$(cat "$STATE/lib/.pom.sha1" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  log "copying the broker's jars into $STATE/lib"
  rm -rf "$STATE/lib"
  if ! mvn -B -f "$CONF/pom.xml" dependency:copy-dependencies -DoutputDirectory="$STATE/lib" \
    >"$STATE/maven.log" 2>&1; then
    log "could not resolve the broker's jars; last lines of $STATE/maven.log:"
    tail -n 30 "$STATE/maven.log" >&2
    exit 1
  fi
  echo "$stamp" >"$STATE/lib/.pom.sha1"
}

render_config() {
  sed -e "s|@DATA_DIR@|$STATE/data|" -e "s|@PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$CONTROLLER_PORT|g" \
    "$CONF/server.properties" >"$STATE/server.properties"
  cp "$CONF/log4j2.properties" "$STATE/log4j2.properties"
}

format_storage() {
  [ -s "$STATE/data/meta.properties" ] && return 0
  log "formatting $STATE/data with cluster id $CLUSTER_ID"
  "$JAVA" -Dlog4j2.configurationFile="$STATE/log4j2.properties" -cp "$STATE/lib/*" kafka.tools.StorageTool \
    format -t "$CLUSTER_ID" -c "$STATE/server.properties" --ignore-formatted >"$STATE/format.log" 2>&1 || {
    log "formatting failed:"
    cat "$STATE/format.log" >&2
    exit 1
  }
}

start_broker() {
  if [ -z "$(broker_pid || true)" ]; then
    if port_open "$KAFKA_PORT"; then
      log "port $KAFKA_PORT is taken by a process this script did not start; stop it or set KAFKA_PORT"
      exit 1
    fi
    # shellcheck disable=SC2086 # HEAP holds several JVM options
    setsid nohup "$JAVA" $HEAP -Dlog4j2.configurationFile="$STATE/log4j2.properties" -cp "$STATE/lib/*" \
      kafka.Kafka "$STATE/server.properties" </dev/null >"$STATE/kafka.log" 2>&1 &
    echo $! >"$STATE/kafka.pid"
  fi
  local pid
  pid=$(cat "$STATE/kafka.pid")
  for _ in $(seq 1 600); do
    if port_open "$KAFKA_PORT"; then
      log "broker ready on 127.0.0.1:$KAFKA_PORT (pid $pid)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "broker exited during start-up; last lines of $STATE/kafka.log:"
      tail -n 30 "$STATE/kafka.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  log "broker did not open port $KAFKA_PORT within 60 s; see $STATE/kafka.log"
  exit 1
}

stop_broker() {
  local pid
  pid=$(broker_pid) || return 0
  kill -TERM "$pid"
  # A clean shutdown takes ~2.5 s; after 30 s the broker is killed (its log recovers on next start).
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "broker (pid $pid) ignored TERM for 30 s; killing it"
    kill -KILL "$pid"
  fi
  rm -f "$STATE/kafka.pid"
  log "broker stopped"
}

write_env() {
  mkdir -p "$SERVICES"
  # KAFKA_LIB_DIR: the broker's jars, for a test that runs a private broker of its own.
  printf 'export KAFKA_BOOTSTRAP=127.0.0.1:%s\nexport KAFKA_LIB_DIR=%s\n' "$KAFKA_PORT" "$STATE/lib" \
    >"$SERVICES/kafka.env"
}

case "${1:-start}" in
  start)
    mkdir -p "$STATE"
    copy_libs
    render_config
    format_storage
    start_broker
    write_env
    log "environment: source $SERVICES/kafka.env"
    ;;
  stop)
    stop_broker
    ;;
  status)
    echo "kafka: $(broker_pid || echo stopped)"
    ;;
  env)
    write_env
    cat "$SERVICES/kafka.env"
    ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
