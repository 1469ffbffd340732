#!/usr/bin/env bash
# The system user the services run as (no login shell) and the folders it owns.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

if ! getent group "$APP_USER" >/dev/null; then
  groupadd --system "$APP_USER"
fi
if ! id -u "$APP_USER" >/dev/null 2>&1; then
  log "creating system user $APP_USER"
  useradd --system --gid "$APP_USER" --home-dir "$STATE_DIR" --no-create-home \
    --shell /usr/sbin/nologin --comment "CyberOrigen appliance" "$APP_USER"
fi

# State (database files, evidence, assets, metrics): the only place the services write.
install -d -m 0750 -o "$APP_USER" -g "$APP_USER" "$STATE_DIR"
# Code and configuration: root's, readable by the service user, never writable by it.
install -d -m 0755 -o root -g root "$APP_HOME"
install -d -m 0750 -o root -g "$APP_USER" "$CONF_DIR"
install -d -m 0700 -o root -g root "$SECRETS_DIR"
