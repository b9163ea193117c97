#!/usr/bin/env bash
# build-app.sh — builds app/target/sluice-app.jar (and its lib/) in the reactor when the jar is missing
# or older than any module's main sources or resources, or any pom.xml. Used by bin/sluice and
# scripts/demo.sh. Nothing is installed into ~/.m2: `package` resolves the sibling modules in the
# reactor.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar="$root/app/target/sluice-app.jar"
# Replicas started together (README, "More replicas") would otherwise run two builds into one target/.
exec 9<"${BASH_SOURCE[0]}"
flock 9
if [ -f "$jar" ]; then
  changed=$(find "$root" \( -name .git -o -name target -o -name node_modules -o -path "$root/benchmarks/reports" \) \
    -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -print -quit 2>/dev/null || true)
  [ -n "$changed" ] || exit 0
  echo "sluice: rebuilding, ${changed#"$root"/} is newer than app/target/sluice-app.jar..." >&2
else
  echo "sluice: building app/target/sluice-app.jar (a few minutes on a first run)..." >&2
fi
mvn -B -q -f "$root/pom.xml" -DskipTests -Dcheckstyle.skip -Dspotless.check.skip=true -pl app -am package >&2
# The jar plugin leaves an unchanged jar as it was; touch it, or an edit that does not reach the jar
# (a comment in another module's pom) would rebuild on every run.
touch "$jar"
