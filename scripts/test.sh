#!/usr/bin/env bash
# test.sh — every test, against real services: starts NATS with JetStream and PostgreSQL 15 with
# wal2json (installing them if absent), a single-node Kafka broker in its own JVM and headless
# Chromium for the console test, then runs the unit and integration tests of every module, the
# formatter check and the static checks. Extra arguments go to Maven (e.g. -pl event-bus).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/services.sh start
bash scripts/kafka.sh start
bash console-tests/install-chromium.sh
# shellcheck disable=SC1091
source "${SLUICE_SERVICES_DIR:-/tmp/sluice-services}/env"
# shellcheck disable=SC1091
source "${SLUICE_SERVICES_DIR:-/tmp/sluice-services}/kafka.env"
mvn -B verify "$@"
