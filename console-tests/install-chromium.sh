#!/usr/bin/env bash
# install-chromium.sh - installs Debian's chromium for the console test (ConsoleInChromiumIT), once.
#
# Idempotent: does nothing when /usr/bin/chromium already exists. Needs root (CI runs as root) and
# Debian's package lists, which it fetches only when the install cannot find the package.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

log() { echo "install-chromium: $*" >&2; }

if [ -x "$CHROMIUM" ]; then
  log "$("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") already installed"
  exit 0
fi
[ "$(id -u)" = 0 ] || { log "FAILED: run as root to apt-get install chromium"; exit 1; }

export DEBIAN_FRONTEND=noninteractive
log "installing chromium from Debian"
# A fresh machine may have no package lists yet; update only when the install cannot find it.
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null 2>&1 ||
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; } ||
  { log "FAILED: apt-get install chromium"; exit 1; }
[ -x "$CHROMIUM" ] || { log "FAILED: $CHROMIUM missing after install"; exit 1; }
log "installed $("$CHROMIUM" --version 2>/dev/null)"
