#!/usr/bin/env bash
# After provisioning: is the API answering through nginx, and what does `cyberorigen doctor`
# say? Problems are reported, not fatal: provisioning has done its part.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

status=0
for _ in $(seq 1 30); do
  if curl -fsS -k -o /dev/null https://127.0.0.1/api/health; then
    log "https://127.0.0.1/api/health answers"
    break
  fi
  sleep 2
done
curl -fsS -k -o /dev/null https://127.0.0.1/api/health \
  || { warn "the API does not answer: journalctl -u cyberorigen-api"; status=1; }

if as_app cyberorigen doctor --help >/dev/null 2>&1; then
  as_app cyberorigen doctor || { warn "cyberorigen doctor reported problems"; status=1; }
else
  log "this version has no \`cyberorigen doctor\`; skipped"
fi
if [ "$status" -eq 0 ]; then
  log "appliance ready"
else
  warn "see the warnings above"
fi
exit 0
