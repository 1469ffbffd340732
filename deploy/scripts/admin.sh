#!/usr/bin/env bash
# The first organization and its admin, created once by `cyberorigen init`. The credentials
# are printed once, here, and kept in /root/cyberorigen-admin.txt (0600). Once that file
# exists this script does nothing; `cyberorigen init` itself never creates a second admin.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

if [ -s "$ADMIN_FILE" ]; then
  log "first admin already created (credentials in $ADMIN_FILE)"
  exit 0
fi

org=${ADMIN_ORG:-Default}
email=${ADMIN_EMAIL:-admin@localhost}
output=$(as_app cyberorigen init --org "$org" --email "$email")
password=$(sed -n 's/^ *Password: *//p' <<<"$output")
if [ -z "$password" ]; then
  # Users existed already (e.g. a restored database): nothing was created.
  printf '%s\n' "$output"
  warn "no admin was created; $ADMIN_FILE not written"
  exit 0
fi
login=$(sed -n 's/^ *Log in as: *//p' <<<"$output")
(
  umask 077
  printf 'CyberOrigen first admin (created %s)\nE-mail:   %s\nPassword: %s\n' \
    "$(date -u +%FT%TZ)" "$login" "$password" >"$ADMIN_FILE"
)
chmod 0600 "$ADMIN_FILE"
cat <<MSG

================================================================
 CyberOrigen first admin (shown once; kept in $ADMIN_FILE)
   E-mail:   $login
   Password: $password
================================================================

MSG
