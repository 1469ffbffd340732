#!/usr/bin/env bash
# Install the Debian packages the appliance needs (only those missing). npm is optional: it
# fetches ReDoc for /redoc; set INSTALL_NPM=0 to skip it (/docs works without it).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

packages=(
  ca-certificates openssl curl
  python3 python3-venv
  postgresql redis-server nginx nmap logrotate
  # PDF reports: WeasyPrint's text layout (Pango, HarfBuzz subsetting) and a font
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
)

missing() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
      || printf '%s\n' "$pkg"
  done
}

export DEBIAN_FRONTEND=noninteractive
mapfile -t needed < <(missing "${packages[@]}")
if [ "${#needed[@]}" -gt 0 ]; then
  log "installing ${needed[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${needed[@]}"
else
  log "packages already installed"
fi

if [ "${INSTALL_NPM:-1}" = 1 ] && [ -n "$(missing npm)" ]; then
  log "installing npm (optional, for ReDoc)"
  apt-get install -y -qq --no-install-recommends npm \
    || warn "npm could not be installed: /redoc will say how to add ReDoc"
fi
