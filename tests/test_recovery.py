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
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from support.processes import Stack, admin_session, wait_until
from support.servers import HttpServer, QuietHandler
from support.services import PrivatePostgres, PrivateRedis

from cyberorigen.appliance import appliance_of
from cyberorigen.db.models import Organization, OutboxEvent, Scan, ScannerRun, utcnow
from cyberorigen.services.scan_runner import reap_lost_scans
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
    """A small web page without security headers (several findings per scan), answered after
    ``delay`` seconds (so that scans are still running when a test breaks something), and a
    webhook receiver (``POST``: the body is kept)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.posts: list[bytes] = []
        posts = self.posts

        class Handler(QuietHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                time.sleep(delay)
                self.reply(200, b"<html><body>target</body></html>", {"Content-Type": "text/html"})

            def do_POST(self):  # noqa: N802
                posts.append(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                self.reply(200, b"ok")

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


def _start_api(
    stack: Stack, free_port, wait_for_port, workers: int = 1
) -> tuple[str, requests.Session]:
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
    stack.start(
        "serve", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)
    )
    try:
        wait_for_port(port, timeout=60, process=stack.processes["serve"])
    except (RuntimeError, TimeoutError) as exc:
        raise AssertionError(f"the API did not start: {exc}\n{stack.report()}") from None
    base = f"http://127.0.0.1:{port}"
    session = admin_session(base, ADMIN_EMAIL, ADMIN_PASSWORD)
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
        scan_id: session.get(f"{base}/api/v1/scans/{scan_id}", timeout=30).json() for scan_id in ids
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


def test_a_scan_request_answered_503_leaves_no_scan_behind(make_app, make_account):
    """Redis stops while ``POST /scans`` runs, after the request's own checks (credential,
    rate limit) and before its job is enqueued: the answer is 503 in the error format, and no
    scan stays queued that no job would ever run."""
    analyst = make_account(role="analyst")
    with PrivateRedis() as redis_server:
        app = make_app(redis_url=redis_server.url)
        jobs = appliance_of(app).jobs
        enqueue = jobs.enqueue_scan

        def enqueue_after_redis_stopped(scan):
            redis_server.stop()
            enqueue(scan)

        jobs.enqueue_scan = enqueue_after_redis_stopped
        answered = app.test_client().post(
            "/api/v1/scans", json={"target": "example.com"}, headers=analyst.headers
        )
        redis_server.start()

    assert answered.status_code == 503, answered.get_json()
    assert answered.get_json()["error_code"] == "SERVICE_UNAVAILABLE"
    assert Scan.select().count() == 0


def test_a_scan_whose_worker_died_after_its_scanners_ended_is_concluded_not_failed(
    make_app, make_account
):
    """Its second attempt's worker stopped answering once every scanner had ended (7
    findings): the reaper does not fail it as "its worker stopped answering" beside scanners
    that completed; it hands the scan to a job that only concludes it."""
    make_account(role="analyst")
    app = make_app(redis=False)
    jobs = appliance_of(app).jobs
    organization = Organization.get()
    silent_since = utcnow() - timedelta(seconds=120)
    scan = Scan.create(
        organization=organization,
        target="example.com",
        scan_type="quick",
        status="running",
        attempts=2,
        started_at=silent_since,
        heartbeat_at=silent_since,
    )
    ScannerRun.create(scan=scan, scanner="http", position=0, status="completed", findings_count=7)

    handled = reap_lost_scans(60, jobs.requeue_scan, jobs.has_scan_job)
    jobs.shutdown()

    concluded = Scan.get_by_id(scan.id)
    assert handled == [scan.public_id]
    assert (concluded.status, concluded.error) == ("completed", None)
    events = [row.type for row in OutboxEvent.select().order_by(OutboxEvent.id)]
    assert "scan.completed" in events and "scan.failed" not in events


def test_a_queued_scan_without_a_job_is_enqueued_again(make_app, make_account):
    """Redis lost the job of a queued scan (or a worker dropped it): once it has waited
    longer than the heartbeat timeout without a live job, the reaper enqueues it again."""
    make_account(role="analyst")
    app = make_app(redis=False)
    jobs = appliance_of(app).jobs
    scan = Scan.create(
        organization=Organization.get(),
        target="example.com",
        scan_type="nothing",
        status="queued",
        created_at=utcnow() - timedelta(seconds=120),
    )
    fresh = Scan.create(
        organization=Organization.get(), target="example.com", scan_type="nothing", status="queued"
    )

    handled = reap_lost_scans(60, jobs.requeue_scan, jobs.has_scan_job)
    jobs.shutdown()

    assert handled == [scan.public_id]
    assert Scan.get_by_id(scan.id).status == "failed"  # it ran: its profile has no scanner
    assert Scan.get_by_id(fresh.id).status == "queued"  # its job may still be on its way


def _create_scans(base: str, session: requests.Session, body: dict, count: int) -> list[str]:
    ids = []
    for _ in range(count):
        created = session.post(f"{base}/api/v1/scans", json=body, timeout=60)
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    return ids


def _wait_running(base: str, session: requests.Session, ids: list[str]) -> None:
    """Until some scan of ``ids`` runs (the fault must hit scans in flight)."""
    running = wait_until(
        lambda: any(scan["status"] == "running" for scan in _scans(base, session, ids).values()),
        timeout=60,
        interval=0.2,
    )
    assert running, "no scan started running"


def _sql(url: str, statement: str, *args) -> list[tuple]:
    import psycopg2

    connection = psycopg2.connect(url)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(statement, args)
            return cursor.fetchall() if cursor.description else []
    finally:
        connection.close()


@pytest.mark.skipif(not ON_POSTGRES, reason="the production stack: the PostgreSQL run's test")
def test_scans_schedules_and_deliveries_survive_losing_redis_and_postgres(
    tmp_path, free_port, wait_for_port
):
    """The production stack on a private PostgreSQL and Redis. 20 scans, then Redis restarted
    empty while they run (every queued job is gone); 20 more, a schedule made due, then
    PostgreSQL stopped for 8 s while they run. Every scan completes, consistent with its
    scanners, within a bounded time; the schedule's scan runs; every ``scan.completed`` is
    delivered to the webhook."""
    with PrivateRedis() as redis_server, PrivatePostgres() as postgres:
        database_url = postgres.create_database("recovery")
        env = _environment(
            tmp_path,
            CYBERORIGEN_DATABASE_URL=database_url,
            CYBERORIGEN_REDIS_URL=redis_server.url,
            CYBERORIGEN_SCANS_HEARTBEAT_TIMEOUT="6",
            CYBERORIGEN_WEBHOOKS_LEASE_SECONDS="15",
            CYBERORIGEN_WEBHOOKS_ALLOWED_NETWORKS="127.0.0.0/8",
        )
        logs = tmp_path / "logs"
        logs.mkdir()
        stack = Stack(logs, env)
        target = Target(delay=0.3)
        try:
            base, session = _start_api(stack, free_port, wait_for_port, workers=2)
            for name in ("worker-1", "worker-2"):
                stack.start(name, "worker")
            stack.start("scheduler", "scheduler")
            hook = session.post(
                f"{base}/api/v1/webhooks",
                json={"url": f"http://127.0.0.1:{target.port}/hook", "events": ["scan.completed"]},
                timeout=30,
            )
            assert hook.status_code == 201, hook.text
            body = _scan_body(target, free_port())

            # 1. Redis restarted without its data while scans run and wait.
            first = _create_scans(base, session, body, 20)
            _wait_running(base, session, first)
            redis_server.restart_empty()

            # 2. PostgreSQL stopped for 8 s while scans run and a schedule is due.
            second = wait_until(lambda: _try_create(base, session, body, 20), timeout=60)
            assert second, f"scans could not be created after Redis came back\n{stack.report()}"
            schedule = session.post(
                f"{base}/api/v1/schedules",
                json={**body, "interval_seconds": 3600},
                timeout=30,
            )
            assert schedule.status_code == 201, schedule.text
            _sql(database_url, "UPDATE schedule SET next_run_at = now() - interval '1 minute'")
            _wait_running(base, session, second)
            postgres.stop()
            time.sleep(8)
            postgres.start()

            ids = first + second
            scans = _wait_final(base, session, ids, timeout=240)
            problems = _inconsistencies(scans)
            assert not problems, "\n".join(problems) + "\n" + stack.report()
            assert sorted({scan["status"] for scan in scans.values()}) == ["completed"], [
                (scan_id, scan["status"], scan["error"]) for scan_id, scan in scans.items()
            ]
            assert not stack.dead(), f"{stack.dead()}\n{stack.report()}"

            scheduled = _sql(
                database_url,
                "SELECT scan.public_id FROM schedule JOIN scan ON scan.id = schedule.last_scan_id",
            )
            assert scheduled, f"the due schedule started no scan\n{stack.report()}"
            scheduled_scans = _wait_final(base, session, [scheduled[0][0]], timeout=120)
            assert not _inconsistencies(scheduled_scans), scheduled_scans

            def delivered() -> set[str]:
                return {json.loads(post)["data"]["scan_id"] for post in list(target.posts)}

            wait_until(lambda: set(ids) <= delivered(), timeout=120, interval=1.0)
            missing = set(ids) - delivered()
            assert not missing, f"scan.completed never delivered for {sorted(missing)}"
        finally:
            stack.stop()
            stack.kill()
            target.close()


def _try_create(base: str, session: requests.Session, body: dict, count: int) -> list[str]:
    """``count`` new scans, or [] while the API cannot take them yet (it answers 503)."""
    ids = []
    for _ in range(count):
        try:
            created = session.post(f"{base}/api/v1/scans", json=body, timeout=60)
        except requests.RequestException:
            return []
        if created.status_code == 503:
            return []
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    return ids
