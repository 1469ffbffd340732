#!/usr/bin/env bash
# Shared by every deploy script (sourced, never run). Paths and small helpers; no side effects.

# Where things live on the appliance. Override any of them in the environment.
: "${APP_USER:=cyberorigen}"
: "${APP_HOME:=/opt/cyberorigen}"
: "${VENV:=${APP_HOME}/venv}"
: "${CONF_DIR:=/etc/cyberorigen}"
: "${CONFIG_FILE:=${CONF_DIR}/appliance.toml}"
: "${SECRETS_DIR:=${CONF_DIR}/secrets}"
: "${TLS_DIR:=${CONF_DIR}/tls}"
: "${STATE_DIR:=/var/lib/cyberorigen}"
: "${ADMIN_FILE:=/root/cyberorigen-admin.txt}"
: "${DB_NAME:=cyberorigen}"
: "${DB_USER:=cyberorigen}"
: "${API_PORT:=8000}"
export APP_USER APP_HOME VENV CONF_DIR CONFIG_FILE SECRETS_DIR TLS_DIR STATE_DIR ADMIN_FILE
export DB_NAME DB_USER API_PORT

# The deploy/ folder (this file is deploy/lib/common.sh).
DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DEPLOY_DIR

log() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

require_root() {
  [ "$(id -u)" -eq 0 ] || die "run as root (sudo $0)"
}

# secret NAME: print the secret kept in $SECRETS_DIR/NAME, generating it on first use only.
# Hex, so it is safe in URLs, TOML strings, SQL literals and redis.conf without quoting.
secret() {
  local file="${SECRETS_DIR}/$1"
  install -d -m 0700 -o root -g root "$SECRETS_DIR"
  if [ ! -s "$file" ]; then
    (umask 077 && openssl rand -hex 32 >"$file")
  fi
  cat "$file"
}

# install_if_changed SRC DEST MODE OWNER GROUP: copy SRC to DEST unless identical; prints
# "changed" when it wrote DEST, so callers know whether to reload a service.
install_if_changed() {
  local src=$1 dest=$2 mode=$3 owner=$4 group=$5
  if [ -f "$dest" ] && cmp -s "$src" "$dest"; then
    chmod "$mode" "$dest"
    chown "$owner:$group" "$dest"
    return 0
  fi
  install -m "$mode" -o "$owner" -g "$group" "$src" "$dest"
  echo changed
}

# as_app CMD...: run CMD as the service user with only the appliance's configuration in the
# environment (nothing of the provisioner's, e.g. CYBERORIGEN_WORKERS, leaks in).
as_app() {
  runuser -u "$APP_USER" -- env -i \
    PATH="${VENV}/bin:/usr/local/bin:/usr/bin:/bin" \
    HOME="$STATE_DIR" \
    LANG=C.UTF-8 \
    CYBERORIGEN_CONFIG="$CONFIG_FILE" \
    "$@"
}
