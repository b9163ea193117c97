#!/usr/bin/env bash
# services.sh start|stop|status|env
#
# Installs (Debian 12, as root) and starts the real services Sluice's tests and demos talk to, on
# 127.0.0.1 only: NATS with JetStream, and PostgreSQL 15 with wal_level=logical and wal2json.
# Idempotent: a package already installed is not reinstalled, a service already running is left
# alone. State lives under $SLUICE_SERVICES_DIR (default /tmp/sluice-services); `env` prints the
# variables the tests read (NATS_URL, TEST_PG_URL, PG*).
set -euo pipefail

DIR=${SLUICE_SERVICES_DIR:-/tmp/sluice-services}
NATS_PORT=${NATS_PORT:-4222}
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-sluice}
PGBIN=/usr/lib/postgresql/15/bin
PGDATA=$DIR/pg/data
if [ "$(id -u)" = 0 ]; then AS_PG=(runuser -u postgres --); else AS_PG=(); fi

log() { echo "services: $*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
nats_pid() { local p; p=$(cat "$DIR/nats.pid" 2>/dev/null) && kill -0 "$p" 2>/dev/null && echo "$p"; }

install_packages() {
  local missing=()
  for p in nats-server postgresql-15 postgresql-15-wal2json; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages: ${missing[*]}; run this script as root once to install them"
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The package enables a systemd unit without JetStream on our port; where systemd runs, stop it.
  if command -v systemctl >/dev/null && systemctl is-active --quiet nats-server 2>/dev/null; then
    systemctl disable --now nats-server
  fi
}

start_nats() {
  if [ -z "$(nats_pid || true)" ]; then
    if port_open "$NATS_PORT"; then
      log "port $NATS_PORT is taken by a process this script did not start; stop it or set NATS_PORT"
      exit 1
    fi
    mkdir -p "$DIR/nats-store"
    setsid nohup /usr/sbin/nats-server -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$DIR/nats-store" \
      -P "$DIR/nats.pid" -l "$DIR/nats.log" </dev/null >/dev/null 2>&1 &
  fi
  # Ready means the INFO line on the client port announces JetStream.
  for _ in $(seq 1 100); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$NATS_PORT"; } 2>/dev/null; then
      local info=""
      read -r -t 2 info <&3 || true
      exec 3<&- 3>&-
      if [[ $info == *'"jetstream":true'* ]]; then
        log "nats ready on 127.0.0.1:$NATS_PORT (pid $(nats_pid))"
        return 0
      fi
    fi
    sleep 0.1
  done
  log "nats did not become ready; see $DIR/nats.log"
  exit 1
}

start_pg() {
  # A Debian cluster that apt auto-started on our port would clash with the private one: stop it.
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h | awk -v p="$PG_PORT" '$3==p && $4 ~ /online/ {print $1, $2}' |
      while read -r v c; do pg_ctlcluster "$v" "$c" stop; done
  fi
  install -d -m 755 "$DIR/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR/pg"; fi
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    "${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    if port_open "$PG_PORT"; then
      log "port $PG_PORT is taken by a process this script did not start; stop it or set PG_PORT"
      exit 1
    fi
    # fsync=off is fine for throwaway test data; synchronous_commit stays on, or a slot read right
    # after a commit can miss it (decoding only sees flushed WAL).
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$DIR/pg/pg.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$DIR/pg \
       -c wal_level=logical -c max_replication_slots=20 -c max_wal_senders=20 \
       -c fsync=off -c full_page_writes=off" >/dev/null
  fi
  for _ in $(seq 1 100); do "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 0.1; done
  local q=("$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
  if [ "$("${q[@]}" -c "select 1 from pg_database where datname='$PG_DB'")" != 1 ]; then
    "${q[@]}" -c "create database \"$PG_DB\"" >/dev/null
  fi
  # A temporary slot proves wal2json loads, and disappears with the session.
  "${q[@]}" -c "select 1 from pg_create_logical_replication_slot('sluice_smoke', 'wal2json', true)" >/dev/null
  log "postgres ready on 127.0.0.1:$PG_PORT ($("${q[@]}" -c 'show wal_level'), wal2json loads)"
}

write_env() {
  cat >"$DIR/env" <<ENV
export NATS_URL=nats://127.0.0.1:$NATS_PORT
export TEST_PG_URL=postgresql://postgres@127.0.0.1:$PG_PORT/$PG_DB
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=$PG_DB
ENV
}

case "${1:-start}" in
  start)
    install_packages
    mkdir -p "$DIR"
    start_nats
    start_pg
    write_env
    log "environment: source $DIR/env"
    ;;
  stop)
    if p=$(nats_pid); then
      kill -INT "$p"
      while kill -0 "$p" 2>/dev/null; do sleep 0.1; done
      log "nats stopped"
    fi
    if [ -s "$PGDATA/PG_VERSION" ] && "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
      log "postgres stopped"
    fi
    ;;
  status)
    echo "nats: $(nats_pid || echo stopped)"
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" status 2>/dev/null | head -1 || echo "postgres: stopped"
    ;;
  env)
    write_env
    cat "$DIR/env"
    ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
