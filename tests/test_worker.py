"""Scans on real `cyberorigen worker` processes through Redis, with the built-in http scanner
looking at an HTTP server this test runs on 127.0.0.1."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time

import pytest
from support.servers import HttpServer, QuietHandler

from cyberorigen.db.models import Scan

HEARTBEAT_TIMEOUT = 3
#: The http scanner looks at the test's site; "absent" is a scanner no plugin provides.
PROFILES = {"quick": ["http", "absent"]}


class Site(HttpServer):
    """A plain-HTTP site without any security header; slow to answer while ``slow`` is set."""

    def __init__(self) -> None:
        self.slow = threading.Event()
        self.requests = 0
        site = self

        class Handler(QuietHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                site.requests += 1
                deadline = time.monotonic() + 30
                while site.slow.is_set() and time.monotonic() < deadline:
                    time.sleep(0.05)
                body = b"<html><head><title>plain</title></head><body>hi</body></html>"
                self.reply(200, body, {"Content-Type": "text/html"})

        super().__init__(Handler)

    def close(self) -> None:
        self.slow.clear()
        super().close()


@pytest.fixture
def site():
    running = Site()
    yield running
    running.close()


@pytest.fixture
def queue_name():
    return f"cyberorigen-test-scans-{secrets.token_hex(4)}"


@pytest.fixture
def api(make_app, unique_address, queue_name):
    app = make_app(**{"scans.queue": queue_name, "scans.heartbeat_timeout": HEARTBEAT_TIMEOUT})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    return client


@pytest.fixture
def workers(cli_env, queue_name, worker_processes):
    """``start(*options)``: a ``cyberorigen worker`` on this test's queues."""
    env = dict(
        cli_env,
        CYBERORIGEN_SCANS_QUEUE=queue_name,
        CYBERORIGEN_WEBHOOKS_QUEUE=f"{queue_name}-webhooks",
        CYBERORIGEN_SCANS_HEARTBEAT_TIMEOUT=str(HEARTBEAT_TIMEOUT),
        CYBERORIGEN_SCANS_PROFILES=json.dumps(PROFILES),
    )
    return lambda *options: worker_processes(env, *options)


def scan_of(site: Site) -> dict:
    closed_port = site.port + 1 if site.port < 65535 else site.port - 1
    return {
        "target": "127.0.0.1",
        "scan_type": "quick",
        "options": {"http": {"http_port": site.port, "https_port": closed_port, "timeout": 40}},
    }


def wait_for(client, account, scan_id, statuses, within=60.0) -> dict:
    deadline = time.monotonic() + within
    scan = {}
    while time.monotonic() < deadline:
        scan = client.get(f"/api/v1/scans/{scan_id}", headers=account.headers).get_json()
        if scan["status"] in statuses:
            return scan
        time.sleep(0.2)
    raise AssertionError(f"scan still {scan.get('status')} after {within}s: {scan}")


@pytest.mark.parametrize("options", [(), ("--in-process",)], ids=["forked", "in-process"])
def test_a_scan_runs_on_a_worker_process_and_completes_with_findings(
    api, workers, site, make_account, options
):
    analyst = make_account(role="analyst")
    workers(*options)

    created = api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers)
    assert created.status_code == 201, created.get_json()
    scan = wait_for(api, analyst, created.get_json()["id"], ("completed", "failed"))

    assert scan["status"] == "completed", scan
    runs = {run["scanner"]: run for run in scan["scanners"]}
    assert runs["http"]["status"] == "completed"
    assert runs["absent"]["status"] == "skipped" and "not installed" in runs["absent"]["error"]
    assert scan["vulnerabilities_found"] >= 1
    findings = api.get(
        f"/api/v1/scans/{scan['id']}/findings?per_page=100", headers=analyst.headers
    ).get_json()["items"]
    assert "http.no_https" in {item["check_id"] for item in findings}
    assert site.requests > 0


def test_cancel_a_scan_running_on_a_worker(api, workers, site, make_account):
    analyst = make_account(role="analyst")
    site.slow.set()
    workers()
    created = api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()
    wait_for(api, analyst, created["id"], ("running",))

    response = api.post(f"/api/v1/scans/{created['id']}/cancel", headers=analyst.headers)

    assert response.status_code == 202
    scan = wait_for(api, analyst, created["id"], ("cancelled", "completed", "failed"), within=20)
    assert scan["status"] == "cancelled"


def test_a_worker_killed_mid_scan_does_not_leave_it_running(
    api, workers, site, make_account, kill_hard
):
    analyst = make_account(role="analyst")
    site.slow.set()
    first = workers()
    created = api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()
    wait_for(api, analyst, created["id"], ("running",))
    deadline = time.monotonic() + 20
    while site.requests == 0 and time.monotonic() < deadline:
        time.sleep(0.05)

    kill_hard(first)  # the worker and its work horse, mid-request
    site.slow.clear()
    workers()  # another worker notices the silent scan and runs it again

    scan = wait_for(api, analyst, created["id"], ("completed", "failed"), within=60)
    assert scan["status"] == "completed", scan
    assert Scan.get(Scan.public_id == created["id"]).attempts == 2


def _both_running(api, analyst, scan_ids, within=30.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        statuses = [
            api.get(f"/api/v1/scans/{scan_id}", headers=analyst.headers).get_json()["status"]
            for scan_id in scan_ids
        ]
        if statuses == ["running", "running"]:
            return True
        time.sleep(0.1)
    return False


def test_one_worker_with_two_jobs_runs_two_scans_at_once(api, workers, site, make_account):
    """Two scans of a site that keeps them waiting: a worker started with ``--jobs 2`` runs
    both at the same time (neither waits for the other's idle sockets); with one job the
    second waits its turn."""
    analyst = make_account(role="analyst")
    site.slow.set()
    single = workers()
    ids = [
        api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()["id"]
        for _ in range(2)
    ]
    assert not _both_running(api, analyst, ids, within=3), "one job at a time: one waits"
    site.slow.clear()
    for scan_id in ids:
        wait_for(api, analyst, scan_id, ("completed", "failed"))
    os.killpg(single.pid, signal.SIGTERM)
    single.wait(timeout=30)

    site.slow.set()
    workers("--jobs", "2")
    ids = [
        api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()["id"]
        for _ in range(2)
    ]
    assert _both_running(api, analyst, ids), "both scans should run at once"
    site.slow.clear()
    for scan_id in ids:
        assert wait_for(api, analyst, scan_id, ("completed", "failed"))["status"] == "completed"


def test_in_process_and_several_jobs_are_refused_together(cli_env) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cyberorigen.cli", "worker", "--in-process", "--jobs", "2"],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result
    assert "--in-process runs one job at a time" in result.stderr
