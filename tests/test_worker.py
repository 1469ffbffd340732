"""Scans on real `cyberorigen worker` processes through Redis, with the built-in http scanner
looking at an HTTP server this test runs on 127.0.0.1 (and the ``stuck`` scanner of
tests/plugin_fixtures, which ignores its deadline)."""

from __future__ import annotations

import json
import os
import secrets
import signal
import threading
import time

import pytest
from rq.job import Job
from rq.serializers import JSONSerializer
from support.processes import alive, children_of, descendants_of
from support.servers import HttpServer, QuietHandler

from cyberorigen.db.models import Scan

HEARTBEAT_TIMEOUT = 3
#: The http scanner looks at the test's site; "absent" is a scanner no plugin provides;
#: "stuck" (a test plugin) sleeps a minute past its 1 s timeout.
PROFILES = {"quick": ["http", "absent"], "stuck": ["stuck", "http"]}


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
    """``start(*options, plugins=())``: a ``cyberorigen worker`` on this test's queues."""
    env = dict(
        cli_env,
        CYBERORIGEN_SCANS_QUEUE=queue_name,
        CYBERORIGEN_WEBHOOKS_QUEUE=f"{queue_name}-webhooks",
        CYBERORIGEN_SCANS_HEARTBEAT_TIMEOUT=str(HEARTBEAT_TIMEOUT),
        CYBERORIGEN_SCANS_PROFILES=json.dumps(PROFILES),
    )
    return lambda *options, plugins=(): worker_processes(env, *options, plugins=plugins)


def all_gone(pids: list[int], within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while any(alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def pool_of(master, count=1, within=30.0, other_than=()) -> list[int]:
    """The ``count`` worker processes of a ``cyberorigen worker`` (its pool's children), once
    that many run that are not in ``other_than``."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        assert master.poll() is None, f"the worker exited: {master.log_path.read_text()}"
        pool = children_of(master.pid)
        if len(pool) == count and not set(pool) & set(other_than):
            return pool
        time.sleep(0.1)
    raise AssertionError(f"no pool of {count} new worker process(es) within {within}s: {pool}")


def pid_that_ran(redis_client, scan_id: str) -> int:
    """The pid of the RQ worker that took the job of a scan (RQ keeps a dead worker's record
    for a minute)."""
    job = Job.fetch(f"scan-{scan_id}", connection=redis_client, serializer=JSONSerializer)
    return int(redis_client.hget(f"rq:worker:{job.worker_name}", "pid"))


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


@pytest.mark.parametrize("options", [(), ("--fork",)], ids=["in-process", "fork"])
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


@pytest.mark.parametrize("options", [(), ("--fork",)], ids=["in-process", "fork"])
def test_a_scan_runs_in_the_worker_process_or_with_fork_in_a_horse(
    api, workers, site, make_account, options
):
    """By default the worker process (a child of ``cyberorigen worker``, which keeps the
    reaper) runs the scan itself; with ``--fork`` a work horse forked from it does."""
    analyst = make_account(role="analyst")
    site.slow.set()
    master = workers(*options)
    (worker_process,) = pool_of(master)
    created = api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()
    wait_for(api, analyst, created["id"], ("running",))
    deadline = time.monotonic() + 20
    while site.requests == 0 and time.monotonic() < deadline:
        time.sleep(0.05)

    horses = children_of(worker_process)
    site.slow.clear()

    assert len(horses) == (1 if options else 0), horses
    scan = wait_for(api, analyst, created["id"], ("completed", "failed"))
    assert scan["status"] == "completed", scan
    assert children_of(master.pid) == [worker_process]  # a scan that ends clean: no retiring


@pytest.fixture
def api_with_stuck_scanner(with_plugins, make_app, unique_address, queue_name):
    with_plugins("fixtures")
    app = make_app(
        **{
            "scans.queue": queue_name,
            "scans.heartbeat_timeout": HEARTBEAT_TIMEOUT,
            "scans.profiles": PROFILES,
        }
    )
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    return client


def test_a_scanner_left_running_retires_its_worker_process_and_a_fresh_one_goes_on(
    api_with_stuck_scanner, workers, site, make_account, redis_client
):
    """The stuck scanner overruns its 1 s timeout by a minute: the scan completes without it,
    and the worker process that ran it, its thread still sleeping, takes no other job. The
    pool starts a fresh process, which runs the next scan."""
    api = api_with_stuck_scanner
    analyst = make_account(role="analyst")
    master = workers(plugins=("fixtures",))
    (first,) = pool_of(master)

    stuck = api.post(
        "/api/v1/scans", json={**scan_of(site), "scan_type": "stuck"}, headers=analyst.headers
    ).get_json()
    scan = wait_for(api, analyst, stuck["id"], ("completed", "failed"))
    assert scan["status"] == "completed", scan
    runs = {run["scanner"]: run["status"] for run in scan["scanners"]}
    assert runs == {"stuck": "timed_out", "http": "completed"}

    (second,) = pool_of(master, other_than=[first])  # well before the sleeping thread ends
    assert all_gone([first], within=0)
    created = api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()
    after = wait_for(api, analyst, created["id"], ("completed", "failed"))

    assert after["status"] == "completed", after
    assert pid_that_ran(redis_client, stuck["id"]) == first
    assert pid_that_ran(redis_client, created["id"]) == second
    log = master.log_path.read_text()
    assert f"worker process {first} retires after job scan-{stuck['id']}" in log
    assert "its last job left 1 thread(s) running (stuck)" in log


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


@pytest.mark.parametrize("options", [(), ("--fork",)], ids=["in-process", "fork"])
def test_a_worker_killed_mid_scan_does_not_leave_it_running(
    api, workers, site, make_account, kill_hard, options
):
    analyst = make_account(role="analyst")
    site.slow.set()
    first = workers(*options)
    created = api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()
    wait_for(api, analyst, created["id"], ("running",))
    deadline = time.monotonic() + 20
    while site.requests == 0 and time.monotonic() < deadline:
        time.sleep(0.05)

    running = descendants_of(first.pid)  # the worker process (and with --fork its horse)
    assert len(running) == (2 if options else 1), running

    kill_hard(first)  # the pool's master and all below it, mid-request
    site.slow.clear()
    assert all_gone(running)
    workers(*options)  # another worker notices the silent scan and runs it again

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


@pytest.mark.parametrize("options", [(), ("--fork",)], ids=["in-process", "fork"])
def test_one_worker_with_two_jobs_runs_two_scans_at_once(api, workers, site, make_account, options):
    """Two scans of a site that keeps them waiting: a worker started with ``--jobs 2`` runs
    both at the same time (neither waits for the other's idle sockets); with one job the
    second waits its turn."""
    analyst = make_account(role="analyst")
    site.slow.set()
    single = workers(*options)
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
    workers(*options, "--jobs", "2")
    ids = [
        api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()["id"]
        for _ in range(2)
    ]
    assert _both_running(api, analyst, ids), "both scans should run at once"
    site.slow.clear()
    for scan_id in ids:
        assert wait_for(api, analyst, scan_id, ("completed", "failed"))["status"] == "completed"


def test_a_worker_process_retires_after_max_jobs_and_a_burst_still_empties_the_queue(
    api, workers, site, make_account, redis_client
):
    """``--max-jobs 1``: each scan runs in a fresh worker process. In burst mode RQ's pool
    replaces no worker process; a retired one is replaced all the same, and the pool exits
    once the queue is empty."""
    analyst = make_account(role="analyst")
    ids = [
        api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()["id"]
        for _ in range(2)
    ]
    master = workers("--burst", "--max-jobs", "1")

    assert master.wait(timeout=60) == 0
    for scan_id in ids:
        assert wait_for(api, analyst, scan_id, ("completed", "failed"))["status"] == "completed"
    first, second = (pid_that_ran(redis_client, scan_id) for scan_id in ids)
    assert first != second
    assert "it has run 1 jobs (--max-jobs)" in master.log_path.read_text()


@pytest.mark.parametrize("options", [(), ("--fork",)], ids=["in-process", "fork"])
def test_sigterm_mid_scan_lets_the_scan_finish_then_the_worker_ends(
    api, workers, site, make_account, options
):
    """A stop request mid-scan is a warm shutdown: the scan the worker process runs ends
    first, then it and the main process exit. (tests/test_load.py stops a worker busy with
    many short jobs, where a stop request that landed inside a job once left it waiting for
    jobs forever.)"""
    analyst = make_account(role="analyst")
    site.slow.set()
    master = workers(*options)
    pool_of(master)
    created = api.post("/api/v1/scans", json=scan_of(site), headers=analyst.headers).get_json()
    wait_for(api, analyst, created["id"], ("running",))
    deadline = time.monotonic() + 20
    while site.requests == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(master.pid, signal.SIGTERM)  # as a terminal's Ctrl-C: every process at once
    time.sleep(0.5)
    site.slow.clear()
    assert master.wait(timeout=30) == 0, master.log_path.read_text()[-3000:]
    scan = wait_for(api, analyst, created["id"], ("completed", "failed"))
    assert scan["status"] == "completed", scan
