#!/usr/bin/env bash
# The virtual environment at $VENV with CyberOrigen and its PostgreSQL driver, installed from
# the source tree given as $1 (default: the repository this script belongs to, /vagrant in
# the VM). Re-running installs the current source again (an upgrade).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

source_dir=${1:-$(cd "$DEPLOY_DIR/.." && pwd)}
[ -f "$source_dir/setup.cfg" ] || die "$source_dir does not look like the CyberOrigen source"

if [ ! -x "$VENV/bin/python" ]; then
  log "creating the virtual environment $VENV"
  python3 -m venv "$VENV"
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
"$VENV/bin/pip" install -q --upgrade pip
# Build from a copy: pip would otherwise leave build/ and *.egg-info in the source tree.
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
tar -C "$source_dir" --exclude=.git --exclude=.venv --exclude=var --exclude=build \
  --exclude='*.egg-info' -cf - . | tar -C "$build" -xf -
log "installing CyberOrigen from $source_dir"
"$VENV/bin/pip" install -q "${build}[postgres]"
chown -R root:root "$APP_HOME"
log "installed: cyberorigen $("$VENV/bin/cyberorigen" version)"
