"""The import rules of docs/architecture.md, read from every module's imports.

Imports under ``if TYPE_CHECKING:`` are annotations only and do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE, PLUGINS = ROOT / "core", ROOT / "plugins"

_DOMAIN = {"db", "errors", "vocab", "events", "settings", "plugin_api", "plugin_registry"}
_SERVICES = _DOMAIN | {"services"}
_COMPLIANCE = _SERVICES | {"compliance"}
_WEBHOOKS = _COMPLIANCE | {"webhooks"}
_JOBS = _WEBHOOKS | {"jobs"}
_APPLIANCE = _JOBS | {"appliance"}

#: The rooms of core/ (a package or a module), and the rooms each may import. A room may
#: always import itself and ``cyberorigen`` (its version). Rooms not listed (app, server, cli)
#: sit on top and may import anything.
ALLOWED: dict[str, set[str]] = {
    "plugin_api": set(),
    "vocab": {"plugin_api"},
    "errors": set(),
    "events": {"vocab"},
    "settings": set(),
    "db": {"vocab"},
    "plugin_registry": {"plugin_api"},
    "checks_catalog": {"plugin_registry"},
    "logging_setup": {"vocab"},
    "services": _DOMAIN,
    "compliance": _SERVICES,
    "webhooks": _COMPLIANCE,
    # Background exports render reports (jobs/export_kinds.py).
    "jobs": _WEBHOOKS | {"reports"},
    "appliance": _JOBS,
    "exports": {"plugin_api"},
    "reports": _COMPLIANCE,
    "api": (_APPLIANCE | {"ops", "exports", "reports"}) - {"db", "jobs"},
    "ops": {"db", "settings", "jobs", "plugin_registry", "vocab"},
}

#: Single modules allowed more than their room, and why.
EXCEPTIONS: dict[str, set[str]] = {
    # The authors' harness builds a whole appliance with its app, as the tests do.
    "plugin_api/harness.py": {"api", "app", "appliance", "db", "jobs", "services", "webhooks"}
    | _DOMAIN,
    # Where an RQ job finds (and in a new worker process builds) its process's appliance.
    "jobs/process.py": {"appliance"},
}

#: Rooms that know no HTTP.
NO_HTTP = (
    "services",
    "compliance",
    "webhooks",
    "jobs",
    "db",
    "errors",
    "vocab",
    "events",
    "exports",
    "reports",
)
HTTP_PACKAGES = ("flask", "flask_smorest", "flask_jwt_extended", "flask_limiter", "werkzeug")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in ``path`` outside ``if TYPE_CHECKING:`` blocks;
    relative imports resolved against the module's package."""
    tree = ast.parse(path.read_text(), str(path))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skipped.update(id(inner) for inner in ast.walk(child))
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError(f"{path}:{node.lineno}: use absolute imports")
            found.append((node.lineno, node.module or ""))
    return found


def _room(path: Path) -> str:
    return path.relative_to(CORE).parts[0].removesuffix(".py")


def _core_modules():
    return sorted(path for path in CORE.rglob("*.py") if "migrations" not in path.parts)


def _violations(paths, allowed_for) -> list[str]:
    problems = []
    for path in paths:
        allowed = allowed_for(path)
        if allowed is None:
            continue
        for line, module in _imports(path):
            parts = module.split(".")
            if parts[0] != "cyberorigen" or len(parts) == 1:
                continue
            if not allowed(parts):
                problems.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return problems


def test_each_room_of_core_imports_only_what_docs_architecture_allows():
    def allowed_for(path: Path):
        room = _room(path)
        if room not in ALLOWED:
            return None
        rooms = ALLOWED[room] | {room} | EXCEPTIONS.get(str(path.relative_to(CORE)), set())
        return lambda parts: parts[1] in rooms

    assert _violations(_core_modules(), allowed_for) == []


def test_no_module_of_core_api_imports_the_database():
    api = [path for path in _core_modules() if _room(path) == "api"]
    assert api, "core/api/ has modules"
    assert _violations(api, lambda path: lambda parts: parts[1] != "db") == []


def test_plugins_import_only_the_plugin_api_and_their_own_package():
    def allowed_for(path: Path):
        own = path.relative_to(PLUGINS).parts[0]
        if own.endswith(".py"):
            return lambda parts: parts[1] == "plugin_api"
        return lambda parts: parts[1] == "plugin_api" or parts[1:3] == ["plugins", own]

    plugins = sorted(PLUGINS.rglob("*.py"))
    assert len(plugins) > 10
    assert _violations(plugins, allowed_for) == []


@pytest.mark.parametrize("room", NO_HTTP)
def test_the_domain_knows_no_http(room):
    paths = [path for path in _core_modules() if _room(path) == room]
    assert paths
    problems = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in paths
        for line, module in _imports(path)
        if module.split(".")[0] in HTTP_PACKAGES or module.startswith("cyberorigen.api")
    ]
    assert problems == []


def test_the_rules_catch_a_breach(tmp_path):
    """The checker itself: a module that imports the database from core/api/ is reported."""
    breach = tmp_path / "routes.py"
    breach.write_text("from cyberorigen.db.models import Scan\nimport cyberorigen.vocab\n")
    found = [module for _, module in _imports(breach)]
    assert found == ["cyberorigen.db.models", "cyberorigen.vocab"]
    guarded = tmp_path / "typed.py"
    guarded.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from cyberorigen.db import x\n"
    )
    assert [module for _, module in _imports(guarded)] == ["typing"]
