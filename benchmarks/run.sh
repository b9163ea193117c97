#!/usr/bin/env bash
# run.sh [--smoke] [scenario…|all]   load scenarios (queue, async, stall, startup, webhook, cdc, kafka; default all), each a
#                                    ratio against a same-run baseline → benchmarks/reports/<timestamp>/report.md
# run.sh jmh [--smoke] [regex]       JMH micro-benchmarks of the hot paths → benchmarks/reports/<timestamp>/jmh.md
#
# Starts NATS and PostgreSQL (scripts/services.sh), and the Kafka broker (scripts/kafka.sh) for the kafka
# scenario, when they are not running, builds what is missing or stale, and runs
# on 127.0.0.1 only. BENCH_JAVA_OPTS overrides the harness JVM's options (default -Xms1g -Xmx1g).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

bash scripts/services.sh start >&2
# shellcheck disable=SC1091
source "${SLUICE_SERVICES_DIR:-/tmp/sluice-services}/env"
# The broker costs a JVM of its own: start it only when the kafka scenario runs (named, `all`, or no
# scenario named at all).
needs_kafka() {
  local named=no
  while [ $# -gt 0 ]; do
    case $1 in
      jmh) return 1 ;;
      kafka|all) return 0 ;;
      --out) shift ;;
      -*) ;;
      *) named=yes ;;
    esac
    shift
  done
  [ "$named" = no ]
}
if needs_kafka "$@"; then
  bash scripts/kafka.sh start >&2
  # shellcheck disable=SC1091
  source "${SLUICE_SERVICES_DIR:-/tmp/sluice-services}/kafka.env"
fi

# Built in the reactor, so the harness runs against this checkout's modules rather than whatever an
# earlier `mvn install` left in ~/.m2 (or nothing, on a fresh machine).
bash "$root/scripts/build-app.sh" benchmarks "$here/target/classpath.txt"

# A private copy of the dependency jars: other builds may rebuild the module jars while a run of
# many minutes loads classes lazily, and a jar replaced under a running JVM breaks it.
lib="$here/target/bench-lib"
mkdir -p "$lib"
IFS=: read -r -a jars < "$here/target/classpath.txt" || true  # no trailing newline
cp -u "${jars[@]}" "$lib/"
classpath="$here/target/classes:$lib/*"
out="$here/reports/$(date +%Y%m%d-%H%M%S)"
java_opts=(${BENCH_JAVA_OPTS:--Xms1g -Xmx1g})
common=(-cp "$classpath" -Dlogback.configurationFile=logback-bench.xml -Dsluice.app.jar="$root/app/target/sluice-app.jar")

if [ "${1:-}" = jmh ]; then
  shift
  exec java "${java_opts[@]}" "${common[@]}" io.sluice.benchmarks.jmh.MicroBenchmarks --out "$out" "$@"
fi
exec java "${java_opts[@]}" "${common[@]}" io.sluice.benchmarks.Harness --out "$out" "$@"
