"""The Python SDK (clients/python) and its command line, against a live appliance.

As a pipeline would use them: ``cyberorigen init`` and ``serve`` in an empty folder (embedded
mode, SQLite), a test lab's settings (loopback may be scanned and receive webhooks; a login
limit of a few per seconds so a 429 comes soon and passes soon), and real HTTP from the SDK
and from the ``cyberorigen-client`` command. Also: the committed generated code is what the
current OpenAPI document generates. The SDK is installed by `make install-dev`
(``pip install -e './clients/python[generate]'``).
"""

from __future__ import annotations

import csv
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import cyberorigen_client as client_sdk
import httpx
import pytest
from cyberorigen_client import (
    ApiError,
    CyberOrigen,
    RateLimitRetry,
    WebhookVerificationError,
    verify_webhook,
)
from cyberorigen_client.session import retry_delay
from support.policy import TEST_FORBIDDEN_NETWORKS
from support.processes import served
from support.servers import HttpServer, QuietHandler

from cyberorigen import __version__

REPO = Path(__file__).resolve().parent.parent
CLIENT_DIR = REPO / "clients" / "python"
LOGIN_LIMIT = "4 per 5 seconds"
LAB = {
    "CYBERORIGEN_SCOPE_FORBIDDEN_NETWORKS": ",".join(TEST_FORBIDDEN_NETWORKS),
    "CYBERORIGEN_WEBHOOKS_ALLOWED_NETWORKS": "127.0.0.0/8",
    "CYBERORIGEN_AUTH_TOKEN_RATE_LIMIT": LOGIN_LIMIT,
}
CLI = [sys.executable, "-m", "cyberorigen_client.cli"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Appliance:
    def __init__(self, base: str, email: str, password: str, folder: Path, env: dict) -> None:
        self.base, self.email, self.password = base, email, password
        self.folder, self.env = folder, env
        self.session = CyberOrigen.login(base, email, password)
        self.api_key = self.session.post("/api/v1/api-keys", json={"name": "ci"})["key"]
        self.session.add_scope("127.0.0.1")


@pytest.fixture(scope="module")
def appliance(tmp_path_factory):
    folder = tmp_path_factory.mktemp("appliance")
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env.update(LAB)
    server_cli = [sys.executable, "-m", "cyberorigen.cli"]
    init = subprocess.run(
        [*server_cli, "init"], cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )
    assert init.returncode == 0, init.stderr
    email = re.search(r"Log in as:\s+(\S+)", init.stdout).group(1)
    password = re.search(r"Password:\s+(\S+)", init.stdout).group(1)
    with served(folder, env) as base:
        yield Appliance(base, email, password, folder, env)


class Misconfigured(QuietHandler):
    """A plain-HTTP site without any security header."""

    def do_GET(self) -> None:
        self.reply(200, b"<html><body>hello</body></html>", {"Content-Type": "text/html"})

    do_HEAD = do_GET


@pytest.fixture(scope="module")
def site():
    server = HttpServer(Misconfigured)
    yield f"http://127.0.0.1:{server.port}"
    server.close()


@pytest.fixture(scope="module")
def finished_scan(appliance, site):
    """A completed web scan of the misconfigured site, and what its progress callback saw."""
    seen: list[dict] = []
    created = appliance.session.create_scan(site, "web")
    done = appliance.session.wait_for_scan(
        created["id"], interval=0.5, timeout=120, on_progress=seen.append
    )
    return done, seen


def run_cli(appliance, *args: str, env: dict | None = None, timeout: float = 180):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CYBERORIGEN_")}
    environment.update(CYBERORIGEN_URL=appliance.base, CYBERORIGEN_API_KEY=appliance.api_key)
    environment.update(env or {})
    return subprocess.run(
        [*CLI, *args], env=environment, capture_output=True, text=True, timeout=timeout
    )


# --- generation ----------------------------------------------------------------------------


def test_committed_sdk_is_what_the_current_document_generates():
    check = subprocess.run(
        [sys.executable, str(CLIENT_DIR / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_package_version_is_the_api_version():
    document = json.loads((CLIENT_DIR / "openapi.json").read_text(encoding="utf-8"))
    assert document["info"]["version"] == __version__ == client_sdk.__version__
    text = (CLIENT_DIR / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{__version__}"' in text


# --- the SDK -------------------------------------------------------------------------------


def test_login_with_password_and_with_api_key(appliance):
    me = appliance.session.get("/api/v1/auth/me")
    assert (me["email"], me["role"]) == (appliance.email, "admin")
    with CyberOrigen(appliance.base, appliance.api_key) as by_key:
        assert by_key.get("/api/v1/auth/me")["email"] == appliance.email


def test_401_for_a_wrong_password_and_a_wrong_key(appliance):
    with pytest.raises(ApiError) as wrong_password:
        CyberOrigen.login(appliance.base, appliance.email, "not the password")
    assert wrong_password.value.status_code == 401
    with (
        CyberOrigen(appliance.base, "co_not_a_key") as wrong_key,
        pytest.raises(ApiError) as refused,
    ):
        wrong_key.get("/api/v1/scans")
    assert refused.value.status_code == 401
    assert refused.value.error_code


def test_422_names_the_field(appliance):
    with pytest.raises(ApiError) as invalid:
        appliance.session.get("/api/v1/scans", per_page=1000)
    assert invalid.value.status_code == 422
    assert invalid.value.field == "per_page"
    with pytest.raises(ApiError) as no_target:
        appliance.session.post("/api/v1/scans", json={"scan_type": "web"})
    assert no_target.value.status_code == 422
    assert no_target.value.field == "target"
    with pytest.raises(ApiError) as not_a_host:  # the README's example
        appliance.session.create_scan("not a host!")
    assert (not_a_host.value.status_code, not_a_host.value.field) == (422, "target")
    assert not_a_host.value.error_code == "VALIDATION_ERROR"


def test_scan_waits_with_progress_and_findings_come_page_by_page(appliance, finished_scan):
    done, seen = finished_scan
    assert done["status"] == "completed", done
    assert seen and seen[-1]["status"] == "completed"
    assert all(0 <= scan["progress"] <= 100 for scan in seen)
    first = appliance.session.get(f"/api/v1/scans/{done['id']}/findings", per_page=1)
    assert first["total"] >= 2, "the http scanner reports each missing header"
    walked = list(appliance.session.findings(done["id"], per_page=1))
    assert len(walked) == first["total"] == first["pages"]
    assert len({finding["id"] for finding in walked}) == len(walked)
    assert {finding["scanner"] for finding in walked} >= {"http"}


def test_generated_client_shares_the_session(appliance, finished_scan):
    from cyberorigen_client.generated.api.scans import get_scan

    answer = get_scan.sync_detailed(finished_scan[0]["id"], client=appliance.session.generated)
    assert answer.status_code == 200
    assert answer.parsed.id == finished_scan[0]["id"]


def test_429_is_retried_after_retry_after(appliance):
    """The login limiter allows a few tokens per 5 seconds: the next login is refused with
    Retry-After, waited out and repeated, and succeeds."""
    waits: list[tuple[float, dict]] = []
    retry = RateLimitRetry(attempts=5, on_wait=lambda s, r: waits.append((s, dict(r.headers))))
    started = time.monotonic()
    for _ in range(6):
        CyberOrigen.login(appliance.base, appliance.email, appliance.password, retry=retry)
    assert waits, "no login was refused"
    seconds, headers = waits[0]
    assert int(headers["retry-after"]) == seconds
    assert 0 < seconds <= 5
    assert time.monotonic() - started >= seconds
    without_retry = RateLimitRetry(attempts=0)
    refused = None
    for _ in range(6):
        try:
            CyberOrigen.login(
                appliance.base, appliance.email, appliance.password, retry=without_retry
            )
        except ApiError as exc:
            refused = exc
            break
    assert refused is not None and refused.status_code == 429
    assert refused.error_code == "RATE_LIMITED"


def test_a_429_longer_than_max_wait_is_raised_with_when_to_come_back(appliance):
    """An organization over its hourly limit is told to come back in up to an hour: the SDK
    does not sleep that long, it raises the 429 at once (X-RateLimit-Reset says when)."""
    password = "correct horse battery staple"
    created = subprocess.run(
        [
            sys.executable,
            "-m",
            "cyberorigen.cli",
            "users",
            "create",
            "tiny@example.com",
            "--org",
            "Tiny",
            "--role",
            "admin",
            "--password-stdin",
        ],
        input=password + "\n",
        cwd=appliance.folder,
        env=appliance.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert created.returncode == 0, created.stderr
    tiny = CyberOrigen.login(
        appliance.base, "tiny@example.com", password, retry=RateLimitRetry(max_wait=30)
    )
    tiny.request("PATCH", "/api/v1/organizations/current", json={"hourly_limit": 3})
    started = time.monotonic()
    with pytest.raises(ApiError) as refused:
        for _ in range(5):
            tiny.get("/api/v1/scans")
    assert time.monotonic() - started < 10
    assert (refused.value.status_code, refused.value.error_code) == (429, "RATE_LIMITED")
    headers = refused.value.response.headers
    wait = retry_delay(refused.value.response)
    assert 30 < wait <= 3600 and wait == int(headers["Retry-After"])
    assert abs(int(headers["X-RateLimit-Reset"]) - time.time() - wait) <= 2
    # without Retry-After, the reset time decides
    reset_only = httpx.Response(429, headers={"X-RateLimit-Reset": headers["X-RateLimit-Reset"]})
    assert abs(retry_delay(reset_only) - wait) <= 2
    tiny.close()


class Receiver(QuietHandler):
    deliveries: list[tuple[dict, bytes]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).deliveries.append(({k.lower(): v for k, v in self.headers.items()}, body))
        self.reply(200, b"ok")


def test_webhook_signature_of_a_real_delivery(appliance, tmp_path):
    receiver = HttpServer(Receiver)
    try:
        secret = "a-secret-of-the-receiver-0123456789"
        webhook = appliance.session.post(
            "/api/v1/webhooks",
            json={
                "url": f"http://127.0.0.1:{receiver.port}/hook",
                "events": ["scan.completed"],
                "secret": secret,
            },
        )
        appliance.session.post(f"/api/v1/webhooks/{webhook['id']}/test")
        deadline = time.monotonic() + 30
        while not any(b'"ping"' in body for _, body in Receiver.deliveries):
            assert time.monotonic() < deadline, "the appliance sent no ping"
            time.sleep(0.1)
    finally:
        receiver.close()
    headers, body = next(
        (h, b) for h, b in Receiver.deliveries if json.loads(b).get("type") == "ping"
    )

    event = verify_webhook(body, headers, secret)
    assert event["type"] == "ping"
    assert event["id"] == headers["webhook-id"]
    with pytest.raises(WebhookVerificationError):
        verify_webhook(body + b" ", headers, secret)
    with pytest.raises(WebhookVerificationError):
        verify_webhook(body, headers, "another-secret-0123456789")
    with pytest.raises(WebhookVerificationError):
        verify_webhook(body, headers, secret, now=int(headers["webhook-timestamp"]) + 3600)

    # the command line, on the same delivery
    (tmp_path / "body.json").write_bytes(body)
    lines = "\n".join(f"{name}: {headers[name]}" for name in headers if name.startswith("webhook"))
    (tmp_path / "headers.txt").write_text(lines, encoding="utf-8")
    common = ["webhooks", "verify", "--body", str(tmp_path / "body.json")]
    good = run_cli(
        appliance,
        *common,
        "--headers-file",
        str(tmp_path / "headers.txt"),
        env={"CYBERORIGEN_WEBHOOK_SECRET": secret},
    )
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["type"] == "ping"
    bad = run_cli(
        appliance,
        *common,
        "--headers-file",
        str(tmp_path / "headers.txt"),
        "--secret",
        "another-secret-0123456789",
    )
    assert bad.returncode == 1, bad.stderr
    missing = run_cli(appliance, *common, "--secret", secret)
    assert missing.returncode == 1 and "webhook-id" in missing.stderr


# --- the command line ----------------------------------------------------------------------


def test_every_command_has_help(appliance):
    for command in (
        [],
        ["scan"],
        ["findings"],
        ["controls"],
        ["report"],
        ["import"],
        ["webhooks"],
        ["webhooks", "verify"],
    ):
        answer = run_cli(appliance, *command, "--help")
        assert answer.returncode == 0, (command, answer.stderr)
        assert "Usage:" in answer.stdout


def test_cli_gates_on_severity_and_writes_sarif(appliance, site, tmp_path):
    sarif = tmp_path / "findings.sarif"
    csv_file = tmp_path / "findings.csv"
    failing = run_cli(
        appliance,
        "scan",
        site,
        "--profile",
        "web",
        "--frameworks",
        "soc2,pci-dss",
        "--fail-on",
        "info",
        "--output",
        "sarif",
        str(sarif),
        "--output",
        "csv",
        str(csv_file),
        "--interval",
        "0.5",
    )
    assert failing.returncode == 1, failing.stderr
    assert "FAIL:" in failing.stderr
    scan_id = failing.stdout.strip()
    assert scan_id.startswith("scan_")
    # not a terminal: plain progress lines, no bar
    assert re.search(rf"^{scan_id} completed 100%", failing.stderr, re.M), failing.stderr
    assert "\r" not in failing.stderr

    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert any(result["ruleId"].startswith("http.") for result in results), results
    with csv_file.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(results)
    assert {row["check_id"] for row in rows} == {result["ruleId"] for result in results}

    worst = max(
        ("info", "low", "medium", "high", "critical").index(f["severity"])
        for f in CyberOrigen(appliance.base, appliance.api_key).findings(scan_id, status="open")
    )
    above = ("info", "low", "medium", "high", "critical")[worst + 1] if worst < 4 else None
    if above:
        passing = run_cli(
            appliance, "scan", site, "--profile", "web", "--fail-on", above, "--interval", "0.5"
        )
        assert passing.returncode == 0, passing.stderr
        assert f"PASS: no open finding at or above {above}" in passing.stderr


def test_cli_exit_2_on_usage_and_connection_errors(appliance):
    bad_choice = run_cli(appliance, "scan", "127.0.0.1", "--fail-on", "severe")
    assert bad_choice.returncode == 2
    no_key = run_cli(appliance, "findings", env={"CYBERORIGEN_API_KEY": ""})
    assert no_key.returncode == 2 and "API key" in no_key.stderr
    nobody = run_cli(
        appliance, "findings", env={"CYBERORIGEN_URL": f"http://127.0.0.1:{_free_port()}"}
    )
    assert nobody.returncode == 2 and "cannot reach" in nobody.stderr
    refused = run_cli(appliance, "findings", env={"CYBERORIGEN_API_KEY": "co_wrong"})
    assert refused.returncode == 2 and "401" in refused.stderr
    out_of_scope = run_cli(appliance, "scan", "203.0.113.7", "--wait")
    assert out_of_scope.returncode == 2


def test_cli_findings_controls_report_and_import(appliance, finished_scan, tmp_path):
    scan_id = finished_scan[0]["id"]
    listed = run_cli(appliance, "findings", "--scan", scan_id, "--json")
    assert listed.returncode == 0, listed.stderr
    total = appliance.session.get(f"/api/v1/scans/{scan_id}/findings")["total"]
    assert len(json.loads(listed.stdout)) == total > 0
    table = run_cli(appliance, "controls", "--framework", "soc2")
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[0].startswith("id\tstatus")
    assert len(table.stdout.splitlines()) > 1
    pdf = tmp_path / "soc2.pdf"
    report = run_cli(appliance, "report", "soc2", "--pdf", str(pdf))
    assert report.returncode == 0, report.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    results = tmp_path / "tool.sarif"
    results.write_text(
        json.dumps(
            {
                "version": "2.1.0",
                "runs": [
                    {
                        "tool": {"driver": {"name": "semgrep", "rules": [{"id": "py.eval"}]}},
                        "results": [
                            {
                                "ruleId": "py.eval",
                                "level": "error",
                                "message": {"text": "eval of input"},
                                "locations": [
                                    {
                                        "physicalLocation": {
                                            "artifactLocation": {"uri": "app.py"},
                                            "region": {"startLine": 3},
                                        }
                                    }
                                ],
                            }
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    imported = run_cli(
        appliance,
        "import",
        str(results),
        "--format",
        "sarif",
        "--target",
        "https://github.com/acme/app",
    )
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)


def test_cli_draws_a_progress_bar_on_a_terminal(appliance, site):
    """stderr on a terminal (a pseudo-terminal here): one redrawn bar, not a line per poll."""
    import pty

    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CYBERORIGEN_")}
    environment.update(CYBERORIGEN_URL=appliance.base, CYBERORIGEN_API_KEY=appliance.api_key)
    process = subprocess.Popen(
        [*CLI, "scan", site, "--profile", "web", "--wait", "--interval", "0.5"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=follower,
    )
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command ended and closed its end
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    assert process.wait(timeout=120) == 0
    text = drawn.decode("utf-8", "replace")
    assert re.search(r"\r\[#{30}\] 100% completed", text), text
    assert process.stdout.read().decode().strip().startswith("scan_")
