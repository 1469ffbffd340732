#!/usr/bin/env bash
# Install the systemd units of deploy/systemd, then enable and (re)start the API, the
# scheduler and workers 1..N, N = $1 or CYBERORIGEN_WORKERS (default 2). Workers above N that
# an earlier run enabled are stopped and disabled.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

workers=${1:-${CYBERORIGEN_WORKERS:-2}}
case "$workers" in
  '' | *[!0-9]*) die "the number of workers must be a whole number, got '$workers'" ;;
esac
if [ "$workers" -lt 1 ] || [ "$workers" -gt 64 ]; then
  die "the number of workers must be 1..64"
fi

for unit in "$DEPLOY_DIR"/systemd/*.service "$DEPLOY_DIR"/systemd/*.target; do
  install_if_changed "$unit" "/etc/systemd/system/$(basename "$unit")" 0644 root root >/dev/null
done
systemctl daemon-reload

# Workers beyond the wanted number, enabled by an earlier run.
for link in /etc/systemd/system/*.wants/cyberorigen-worker@*.service; do
  [ -e "$link" ] || [ -L "$link" ] || continue
  name=$(basename "$link")
  number=${name#cyberorigen-worker@}
  number=${number%.service}
  if ! [[ "$number" =~ ^[0-9]+$ ]] || [ "$number" -gt "$workers" ]; then
    log "disabling $name"
    systemctl disable --now "$name" >/dev/null 2>&1 || true
  fi
done

units=(cyberorigen-api.service cyberorigen-scheduler.service cyberorigen-workers.target)
for i in $(seq 1 "$workers"); do
  units+=("cyberorigen-worker@${i}.service")
done
systemctl enable "${units[@]}" >/dev/null 2>&1
# Restart: provisioning may have installed new code or changed the configuration.
log "starting ${units[*]}"
systemctl restart "${units[@]}"
