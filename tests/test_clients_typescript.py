"""The TypeScript SDK (clients/typescript): its committed generated types and build match the
current OpenAPI document and sources, and its own test suite (``npm test``) passes against a
live appliance this test starts (``cyberorigen init`` and ``serve``, embedded, on a fresh
database of the kind under test), over real HTTP on 127.0.0.1.

The appliance's settings for the SDK's tests: loopback may be scanned and receive webhooks,
and the token endpoint allows one login per 2 seconds per address, so that a 429 whose
``Retry-After`` is a second or two is met and retried for real (an organization's hourly limit
asks to wait up to an hour; the SDK's tests check that it refuses to wait that long).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.processes import served

from tests.support.policy import TEST_FORBIDDEN_NETWORKS

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE = REPO_ROOT / "clients" / "typescript"
DUMP = PACKAGE / "scripts" / "dump-openapi.sh"
LIMITED_EMAIL = "limited@example.com"
LIMITED_PASSWORD = "a tiny hourly limit of its own"
APPLIANCE_SETTINGS = {
    "CYBERORIGEN_SCOPE_FORBIDDEN_NETWORKS": ",".join(TEST_FORBIDDEN_NETWORKS),
    "CYBERORIGEN_WEBHOOKS_ALLOWED_NETWORKS": "127.0.0.0/8",
    "CYBERORIGEN_AUTH_TOKEN_RATE_LIMIT": "1/2 seconds",
}

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or shutil.which("npm") is None,
    reason="node and npm are needed for the TypeScript SDK's tests (Node 20 or later)",
)


def _run(*command: str, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=PACKAGE, capture_output=True, text=True, timeout=timeout, **kwargs
    )


@pytest.fixture(scope="module")
def node_modules() -> None:
    """The package's pinned dependencies (package-lock.json), installed with ``npm ci``."""
    done = _run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
    assert done.returncode == 0, done.stdout + done.stderr


def _python_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHON"] = sys.executable
    return env


def test_committed_types_and_version_are_what_the_document_generates(node_modules, tmp_path):
    document = tmp_path / "openapi.json"
    dumped = subprocess.run(
        ["bash", str(DUMP), str(document)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_python_env(),
    )
    assert dumped.returncode == 0, dumped.stderr

    checked = _run("node", "scripts/generate.mjs", "--check", str(document))

    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_committed_build_is_what_the_sources_compile_to(node_modules):
    checked = _run("node", "scripts/check-dist.mjs")

    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_public_types_accept_the_readme_calls_and_refuse_wrong_ones(node_modules):
    # test/types.ts: the README's calls compile; each wrong one is marked @ts-expect-error
    checked = _run("node", "node_modules/typescript/bin/tsc", "-p", "test/tsconfig.json")

    assert checked.returncode == 0, checked.stdout + checked.stderr


def _copy_package(destination: Path) -> None:
    shutil.copytree(
        PACKAGE, destination, ignore=shutil.ignore_patterns("node_modules", "openapi.json")
    )


def test_npm_installs_the_package_from_a_checkout_and_from_elsewhere(node_modules, tmp_path):
    """``npm install ./clients/typescript`` at a checkout's root, and ``--install-links`` from a
    project elsewhere: nothing is built, the library imports and its dependency is there."""
    checkout, elsewhere = tmp_path / "checkout", tmp_path / "elsewhere"
    _copy_package(checkout / "clients" / "typescript")
    elsewhere.mkdir()
    for project in (checkout, elsewhere):  # else npm would look for a project further up
        (project / "package.json").write_text('{"name": "probe", "private": true}\n')
    probe = (
        "import('@cyberorigen/client').then((sdk) => console.log(sdk.API_VERSION,"
        " typeof new sdk.CyberOrigenClient({baseUrl: 'http://127.0.0.1:1'}).api.GET,"
        " typeof sdk.verifyWebhook))"
    )
    version = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    for project, source in (
        (checkout, ["./clients/typescript"]),
        (elsewhere, ["--install-links", str(checkout / "clients" / "typescript")]),
    ):
        quiet = ["--no-audit", "--no-fund", "--loglevel=error"]
        installed = subprocess.run(
            ["npm", "install", *quiet, *source],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert installed.returncode == 0, installed.stdout + installed.stderr
        imported = subprocess.run(
            ["node", "-e", probe], cwd=project, capture_output=True, text=True, timeout=60
        )
        assert imported.stdout.split() == [version, "function", "function"], imported.stderr


@pytest.fixture
def live_appliance(tmp_path, fresh_database_url):
    """``cyberorigen init`` and ``serve`` (embedded: no Redis) in an empty folder, on a fresh
    database, with a second organization's admin for the rate-limit tests:
    ``(base URL, admin e-mail, admin password)``."""
    env = _python_env()
    env.update(APPLIANCE_SETTINGS, CYBERORIGEN_DATABASE_URL=fresh_database_url())
    cli = [sys.executable, "-m", "cyberorigen.cli"]

    def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [*cli, *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            **kwargs,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    init = run("init")
    email = re.search(r"Log in as:\s+(\S+)", init.stdout).group(1)
    password = re.search(r"Password:\s+(\S+)", init.stdout).group(1)
    run(
        "users", "create", LIMITED_EMAIL, "--org", "Limited", "--role", "admin",
        "--password-stdin", input=LIMITED_PASSWORD + "\n",
    )  # fmt: skip
    with served(tmp_path, env) as base:
        yield base, email, password


def test_the_sdk_suite_passes_against_a_live_appliance(node_modules, live_appliance):
    base, email, password = live_appliance
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env.update(
        CYBERORIGEN_SDK_TEST_URL=base,
        CYBERORIGEN_SDK_TEST_EMAIL=email,
        CYBERORIGEN_SDK_TEST_PASSWORD=password,
        CYBERORIGEN_SDK_TEST_LIMITED_EMAIL=LIMITED_EMAIL,
        CYBERORIGEN_SDK_TEST_LIMITED_PASSWORD=LIMITED_PASSWORD,
    )

    done = _run("npm", "test", "--silent", env=env, timeout=600)

    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    # every test ran: none was skipped for want of the appliance, and there were some
    assert re.search(r"^# skipped 0$", output, re.MULTILINE), output
    assert re.search(r"^# fail 0$", output, re.MULTILINE), output
    passed = int(re.search(r"^# pass (\d+)$", output, re.MULTILINE).group(1))
    assert passed >= 8, output
