"""The Go client (clients/go): its generated code is current, it builds and vets, and its
``go test`` suite passes against a live appliance this test starts.

The appliance runs as a new user runs it (``cyberorigen init`` and ``serve`` in an empty
folder, embedded on SQLite) with the test lab's settings, plus: webhook receivers may be on
127.0.0.1 (the Go test's own receiver), and the rate-limit counters are kept in this run's
Redis under a prefix of their own, so that the 429 test can empty them (through a small
HTTP endpoint this test serves on 127.0.0.1) instead of waiting for the hour to pass.
Skipped when Go is not installed (``.ci/services`` installs Debian's golang-go).
"""

from __future__ import annotations

import contextlib
import http.server
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import redis as redis_lib
from support.processes import served
from test_readme_tour import LAB_SETTINGS

GO_CLIENT = Path(__file__).resolve().parent.parent / "clients" / "go"
GO = shutil.which("go")
needs_go = pytest.mark.skipif(
    GO is None, reason="Go is not installed (apt-get install golang-go; .ci/services does)"
)
LIMITED_PASSWORD = "limited-org-password-" + "x" * 8


def _go_env(home: Path) -> dict[str, str]:
    """Offline Go: no module proxy (the client has no dependencies), caches in ``home``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env.update(
        GOPROXY="off",
        GOTOOLCHAIN="local",
        CGO_ENABLED="0",
        GOCACHE=os.environ.get("GOCACHE") or str(Path.home() / ".cache" / "go-build"),
        GOPATH=os.environ.get("GOPATH") or str(home / "gopath"),
    )
    return env


@pytest.mark.skipif(shutil.which("gofmt") is None, reason="gofmt is not installed (golang-go)")
def test_generated_go_is_what_the_current_document_generates():
    done = subprocess.run(
        [sys.executable, str(GO_CLIENT / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr + done.stdout


@needs_go
def test_go_client_builds_and_vets(tmp_path):
    env = _go_env(tmp_path)
    for command in (["build", "./..."], ["vet", "./..."]):
        done = subprocess.run(
            [GO, *command], cwd=GO_CLIENT, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr


@pytest.fixture
def live_appliance(tmp_path, redis_url):
    """A fresh appliance, and a second organization (for the rate-limit test): the
    environment the Go tests read."""
    prefix = f"cyberorigen-go-test-{secrets.token_hex(4)}"
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env.update(LAB_SETTINGS)
    env.update(
        CYBERORIGEN_WEBHOOKS_ALLOWED_NETWORKS="127.0.0.1/32",
        CYBERORIGEN_RATELIMIT_STORAGE_URL=redis_url,
        CYBERORIGEN_RATELIMIT_KEY_PREFIX=prefix,
    )
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    folder = tmp_path / "appliance"
    folder.mkdir()
    cli = [sys.executable, "-m", "cyberorigen.cli"]

    def run(*args: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            [*cli, *args],
            cwd=folder,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    printed = run("init")
    email = re.search(r"Log in as:\s+(\S+)", printed).group(1)
    password = re.search(r"Password:\s+(\S+)", printed).group(1)
    limited = "admin@limited.example"
    run(
        "users", "create", limited, "--password-stdin", "--org", "Limited", "--role", "admin",
        stdin=LIMITED_PASSWORD + "\n",
    )  # fmt: skip

    # POST here empties this appliance's rate-limit counters (the Go test's stand-in clock)
    store = redis_lib.Redis.from_url(redis_url)

    class Reset(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the handler's name is http.server's
            keys = list(store.scan_iter(match=f"*{prefix}*"))
            if keys:
                store.delete(*keys)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    reset_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Reset)
    threading.Thread(target=reset_server.serve_forever, daemon=True).start()

    try:
        with served(folder, env) as base:
            yield {
                "CYBERORIGEN_GO_TEST_URL": base,
                "CYBERORIGEN_GO_TEST_EMAIL": email,
                "CYBERORIGEN_GO_TEST_PASSWORD": password,
                "CYBERORIGEN_GO_TEST_LIMITED_EMAIL": limited,
                "CYBERORIGEN_GO_TEST_LIMITED_PASSWORD": LIMITED_PASSWORD,
                "CYBERORIGEN_GO_TEST_RESET_URL": f"http://127.0.0.1:{reset_server.server_port}/",
            }
    finally:
        reset_server.shutdown()
        with contextlib.suppress(redis_lib.ConnectionError):
            keys = list(store.scan_iter(match=f"*{prefix}*"))
            if keys:
                store.delete(*keys)


@needs_go
@pytest.mark.skipif(
    bool(os.environ.get("CYBERORIGEN_TEST_DATABASE_URL")),
    reason="the Go client's live tests run once, in the SQLite run (the appliance they start "
    "is embedded on SQLite in any case)",
)
def test_go_client_against_a_live_appliance(live_appliance, tmp_path):
    env = _go_env(tmp_path)
    env.update(live_appliance)
    done = subprocess.run(
        [GO, "test", "-count=1", "-v", "./..."],
        cwd=GO_CLIENT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-20000:] + done.stderr[-5000:]
    # every test ran (none skipped for a missing variable)
    for name in (
        "TestLoginAndAPIKey",
        "TestUnauthorized",
        "TestValidationErrorNamesTheField",
        "TestScanWaitAndPageThroughFindings",
        "TestRateLimitedCallIsRetriedAfterRetryAfter",
        "TestWebhookDeliveryVerifies",
        "TestImportControlsAndFrameworkReport",
    ):
        assert f"--- PASS: {name}" in done.stdout, done.stdout[-20000:]
