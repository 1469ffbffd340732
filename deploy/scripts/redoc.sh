#!/usr/bin/env bash
# ReDoc's script for /redoc, fetched with npm by the repository's .ci/fetch-redoc into
# <instance_dir>/assets/redoc. Optional: without npm, /redoc explains how to add it.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

source_dir=${1:-$(cd "$DEPLOY_DIR/.." && pwd)}
dest="$STATE_DIR/assets/redoc"
if [ -f "$dest/redoc.standalone.js" ]; then
  log "ReDoc already in $dest"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  warn "npm is not installed: /redoc will explain how to add ReDoc (/docs works)"
  exit 0
fi
install -d -m 0750 -o "$APP_USER" -g "$APP_USER" "$STATE_DIR/assets"
if HOME=/root bash "$source_dir/.ci/fetch-redoc" 2 "$dest"; then
  chown -R "$APP_USER:$APP_USER" "$STATE_DIR/assets"
else
  warn "ReDoc could not be fetched (no internet?): /redoc will explain how to add it"
fi
