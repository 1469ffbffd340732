#!/usr/bin/env bash
# nginx: HTTPS on 443 in front of the API (deploy/nginx/cyberorigen.conf), HTTP redirected.
# Replaces Debian's default site. Reloads nginx only when the site changed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

site=/etc/nginx/sites-available/cyberorigen.conf
changed=$(install_if_changed "$DEPLOY_DIR/nginx/cyberorigen.conf" "$site" 0644 root root)
ln -sfn "$site" /etc/nginx/sites-enabled/cyberorigen.conf
if [ -L /etc/nginx/sites-enabled/default ]; then
  rm -f /etc/nginx/sites-enabled/default
  changed=changed
fi

nginx -t -q || die "nginx refuses the configuration (nginx -t)"
systemctl enable nginx >/dev/null 2>&1
if ! systemctl is-active --quiet nginx; then
  systemctl start nginx
elif [ -n "$changed" ]; then
  log "reloading nginx"
  systemctl reload nginx
fi
log "nginx serving https://$(hostname -f 2>/dev/null || hostname)/"
