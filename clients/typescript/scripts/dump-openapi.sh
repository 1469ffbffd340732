#!/usr/bin/env bash
# Write the appliance's OpenAPI document to FILE (default: openapi.json beside package.json)
# without starting a server or touching a database of the user's: the app is built with its
# factory (cyberorigen.app.create_app) on default settings in a scratch folder, and asked for
# /openapi.json, as the Python and Go clients' generators do. Only the built-in plugins are
# loaded, so that plugins installed on this machine do not change the committed types.
# PYTHON names the interpreter with cyberorigen installed (default: the repo's .venv).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$here/openapi.json}"
python="${PYTHON:-$repo/.venv/bin/python}"
[ -x "$python" ] || python="$(command -v python3)"

"$python" - "$out" <<'PY'
import json
import logging
import sys
import tempfile

from cyberorigen.app import create_app
from cyberorigen.appliance import build_appliance
from cyberorigen.plugin_registry import builtin_points
from cyberorigen.settings import load_settings

logging.disable(logging.CRITICAL)
with tempfile.TemporaryDirectory() as folder:
    settings = load_settings(
        {
            "instance_dir": folder,
            "secret_key": "openapi-dump-" + "x" * 32,
            "database_url": f"sqlite:///{folder}/openapi.db",
            "redis_url": "",
        },
        env={},
    )
    appliance = build_appliance(settings, entry_points=builtin_points())
    try:
        answer = create_app(appliance).test_client().get("/openapi.json")
        assert answer.status_code == 200, answer.status_code
        document = answer.get_json()
    finally:
        appliance.close()
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(document, out, indent=2, sort_keys=True)
    out.write("\n")
PY
