#!/usr/bin/env bash
# build-app.sh [MODULE MARKER] — builds app/target/sluice-app.jar (and its lib/) in the reactor, or
# MODULE with the modules it needs, when the jar or MARKER (a file that build writes) is missing or
# older than any module's main sources or resources, or any pom.xml. Used by bin/sluice and
# scripts/demo.sh, and by benchmarks/run.sh for the harness. Nothing is installed into ~/.m2:
# `package` resolves the sibling modules in the reactor.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/app/target/sluice-app.jar"
module=${1:-app}
marker=${2:-$jar}
exec 9<"${BASH_SOURCE[0]}"
flock 9
if [ -f "$jar" ] && [ -f "$marker" ]; then
  changed=$(find "$root" \( -name .git -o -name target -o -name node_modules -o -path "$root/benchmarks/reports" \) \
    -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -newer "$marker" -print -quit 2>/dev/null || true)
  [ -n "$changed" ] || exit 0
  echo "sluice: rebuilding $module, ${changed#"$root"/} is newer than ${marker#"$root"/}..." >&2
else
  echo "sluice: building $module (a few minutes on a first run)..." >&2
fi
mvn -B -q -f "$root/pom.xml" -DskipTests -Dcheckstyle.skip -Dspotless.check.skip=true -pl "$module" -am package >&2
# The jar plugin leaves an unchanged jar as it was; touch the marker, or an edit that does not reach it
# (a comment in another module's pom) would rebuild on every run.
touch "$marker"
