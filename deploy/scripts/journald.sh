#!/usr/bin/env bash
# The services log to the journal (one JSON object per line: log_json = true), not to files:
# keep it on disk across reboots, bounded in size. Read with journalctl -u 'cyberorigen-*'.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

install -d -m 0755 /etc/systemd/journald.conf.d
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cat >"$tmp" <<'CONF'
# Written by deploy/scripts/journald.sh
[Journal]
Storage=persistent
SystemMaxUse=1G
MaxRetentionSec=90day
CONF
changed=$(install_if_changed "$tmp" /etc/systemd/journald.conf.d/cyberorigen.conf 0644 root root)
if [ -n "$changed" ]; then
  install -d -m 2755 -g systemd-journal /var/log/journal
  systemctl restart systemd-journald
fi
