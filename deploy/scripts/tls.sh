#!/usr/bin/env bash
# A self-signed certificate for nginx in /etc/cyberorigen/tls, made on the first run only.
# Replace cyberorigen.crt (full chain) and cyberorigen.key with your own at any time and run
# `systemctl reload nginx`: this script never overwrites either file.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

cert="$TLS_DIR/cyberorigen.crt"
key="$TLS_DIR/cyberorigen.key"
install -d -m 0750 -o root -g root "$TLS_DIR"

if [ -e "$cert" ] || [ -e "$key" ]; then
  if [ ! -s "$cert" ] || [ ! -s "$key" ]; then
    die "only one of $cert and $key exists: add the other (nothing was overwritten)"
  fi
  log "TLS certificate exists; kept ($cert)"
  exit 0
fi

host=$(hostname -f 2>/dev/null || hostname)
log "generating a self-signed certificate for $host"
tmp=$(mktemp -d "$TLS_DIR/.new.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(
  umask 077
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 \
    -days 825 -subj "/CN=${host}" \
    -addext "subjectAltName=DNS:${host},DNS:localhost,IP:127.0.0.1" \
    -addext "keyUsage=critical,digitalSignature" \
    -addext "extendedKeyUsage=serverAuth" \
    -keyout "$tmp/key" -out "$tmp/crt" 2>/dev/null
)
chmod 0600 "$tmp/key"
chmod 0644 "$tmp/crt"
# -n: should either file have appeared meanwhile, keep it rather than replace it.
mv -n "$tmp/key" "$key"
mv -n "$tmp/crt" "$cert"
openssl x509 -in "$cert" -noout -fingerprint -sha256
