#!/usr/bin/env bash
# Redis on loopback only, with a password generated once ($SECRETS_DIR/redis_password).
# Our settings live in /etc/redis/cyberorigen.conf, included at the end of redis.conf.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

main_conf=/etc/redis/redis.conf
our_conf=/etc/redis/cyberorigen.conf
[ -f "$main_conf" ] || die "$main_conf is missing: is redis-server installed?"
password=$(secret redis_password)

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cat >"$tmp" <<CONF
# Written by deploy/scripts/redis.sh; regenerated on every provisioning run.
bind 127.0.0.1 -::1
protected-mode yes
port 6379
requirepass ${password}
CONF
changed=$(install_if_changed "$tmp" "$our_conf" 0640 redis redis)

include_line="include ${our_conf}"
if ! grep -qxF "$include_line" "$main_conf"; then
  printf '\n# CyberOrigen appliance (deploy/scripts/redis.sh)\n%s\n' "$include_line" >>"$main_conf"
  changed=changed
fi

systemctl enable redis-server >/dev/null
if [ -n "$changed" ] || ! systemctl is-active --quiet redis-server; then
  log "restarting Redis"
  systemctl restart redis-server
fi
log "Redis listening on 127.0.0.1:6379 with a password"
