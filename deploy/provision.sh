#!/usr/bin/env bash
# Provision the CyberOrigen appliance on Debian 12: run as root, as often as you like.
#
#   sudo CYBERORIGEN_WORKERS=4 /vagrant/deploy/provision.sh [SOURCE_DIR]
#
# SOURCE_DIR is the CyberOrigen source to install (default: the repository holding this
# script). Each step is a script of deploy/scripts/ that can also be run alone; secrets are
# generated once and kept, and no existing configuration or certificate is overwritten.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$here/lib/common.sh"
require_root

source_dir=$(cd "${1:-$here/..}" && pwd)
workers=${CYBERORIGEN_WORKERS:-2}
# Not a setting of the application: keep it out of the services' environment.
unset CYBERORIGEN_WORKERS

step() {
  local name=$1
  shift
  log "[$name]"
  bash "$here/scripts/$name.sh" "$@"
}

step packages
step user
step postgresql
step redis
step app "$source_dir"
step redoc "$source_dir"
step config
step migrate
step admin
step journald
step services "$workers"
step tls
step nginx
step check
