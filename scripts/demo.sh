#!/usr/bin/env bash
# demo.sh [async|events] — Sluice on a real example, from a fresh Debian 12 machine with Java 17 and
# Maven. Starts NATS with JetStream and PostgreSQL (installing them if absent) and builds Sluice, then:
#   async  (default) examples/openfaas-async.yaml next to a stand-in gateway: async invocations with
#          callback URLs through /async-function; prints what the callbacks received and a few metrics.
#   events examples/events.yaml: a row inserted in PostgreSQL reaches a function, is summarised by a
#          stand-in chat-completions API and emailed; a signed GitHub webhook reaches another function.
# Stops what it started.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export SLUICE_HTTP_PORT=${SLUICE_HTTP_PORT:-8090} SLUICE_ADMIN_PORT=${SLUICE_ADMIN_PORT:-8091}
export DEMO_GATEWAY_PORT=${DEMO_GATEWAY_PORT:-18080}
export GATEWAY_URL=http://127.0.0.1:$DEMO_GATEWAY_PORT SLUICE_INITIAL_RETRY_WAIT=1s
export SLUICE_CALLBACK_ALLOWED=127.0.0.0/8
scenario=${1:-async}
case "$scenario" in
  async) config=examples/openfaas-async.yaml driver=examples/demo/DemoGateway.java ;;
  events) config=examples/events.yaml driver=examples/demo/EventsDemo.java ;;
  *) echo "usage: $0 [async|events]" >&2; exit 2 ;;
esac
log=${TMPDIR:-/tmp}/sluice-demo.log

bash scripts/services.sh start
# shellcheck disable=SC1091
source "${SLUICE_SERVICES_DIR:-/tmp/sluice-services}/env"

bash scripts/build-app.sh

if [ "$scenario" = events ]; then
  export PG_URL=$TEST_PG_URL AI_BASE_URL=http://127.0.0.1:$DEMO_GATEWAY_PORT SMTP_PORT=${SMTP_PORT:-2525}
  export GITHUB_WEBHOOK_SECRET=demo-secret
  psql -q -v ON_ERROR_STOP=1 -c "create table if not exists demo_orders(id serial primary key, customer text, total numeric(10,2))"
fi

echo "demo: starting Sluice with $config (log: $log)"
bin/sluice run --config "$config" >"$log" 2>&1 &
sluice_pid=$!
stop() {
  if kill -0 "$sluice_pid" 2>/dev/null; then
    kill -TERM "$sluice_pid"
    wait "$sluice_pid" 2>/dev/null || true
    echo "demo: Sluice stopped"
  fi
  if [ "$scenario" = events ]; then
    # A slot nobody reads holds WAL back: drop the demo's.
    psql -q -c "select pg_drop_replication_slot('sluice_demo_orders')" >/dev/null 2>&1 || true
  fi
}
trap stop EXIT

status=0
java "$driver" || status=$?
if [ "$status" != 0 ]; then
  echo "demo: failed; the last lines of the Sluice log:" >&2
  tail -n 30 "$log" >&2
fi
exit "$status"
