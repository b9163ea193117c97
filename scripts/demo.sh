#!/usr/bin/env bash
# demo.sh — Sluice's main job on a real example, from a fresh Debian 12 machine with Java 17 and Maven:
# starts NATS with JetStream (installing it if absent), builds Sluice, runs it with
# examples/openfaas-async.yaml next to a stand-in gateway with two functions, sends async invocations
# with callback URLs through /async-function, prints what the callbacks received and a few metrics,
# then stops what it started.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export SLUICE_HTTP_PORT=${SLUICE_HTTP_PORT:-8090} SLUICE_ADMIN_PORT=${SLUICE_ADMIN_PORT:-8091}
export DEMO_GATEWAY_PORT=${DEMO_GATEWAY_PORT:-18080}
export GATEWAY_URL=http://127.0.0.1:$DEMO_GATEWAY_PORT SLUICE_INITIAL_RETRY_WAIT=1s
export SLUICE_CALLBACK_ALLOWED=127.0.0.0/8
log=${TMPDIR:-/tmp}/sluice-demo.log

bash scripts/services.sh start
# shellcheck disable=SC1091
source "${SLUICE_SERVICES_DIR:-/tmp/sluice-services}/env"

if [ ! -f app/target/sluice-app.jar ] || [ -n "$(find . -path ./app/target -prune -o -name '*.java' -newer app/target/sluice-app.jar -print -quit)" ]; then
  echo "demo: building Sluice (mvn install -DskipTests; a few minutes on a first run)"
  mvn -B -q -DskipTests -Dcheckstyle.skip -Dspotless.check.skip=true -pl app -am install
fi

echo "demo: starting Sluice (log: $log)"
bin/sluice run --config examples/openfaas-async.yaml >"$log" 2>&1 &
sluice_pid=$!
stop() {
  if kill -0 "$sluice_pid" 2>/dev/null; then
    kill -TERM "$sluice_pid"
    wait "$sluice_pid" 2>/dev/null || true
    echo "demo: Sluice stopped"
  fi
}
trap stop EXIT

status=0
java examples/demo/DemoGateway.java || status=$?
if [ "$status" != 0 ]; then
  echo "demo: failed; the last lines of the Sluice log:" >&2
  tail -n 30 "$log" >&2
fi
exit "$status"
