#!/usr/bin/env bash
# Apply the database migrations (safe to run any time; nothing to do when up to date).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
require_root

as_app cyberorigen db upgrade
