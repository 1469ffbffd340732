"""Fault injection: the appliance as real processes (``cyberorigen serve`` under gunicorn,
``cyberorigen worker``, ``cyberorigen scheduler``) while its dependencies and its own
processes are broken under it, on private PostgreSQL and Redis servers the test starts on
ports of their own (tests/support/private_services.py).

- PostgreSQL stopped during traffic: 503 in the error envelope (never a 500, a traceback or
  the driver's words), health ``degraded``, and recovery in the same API processes;
- Redis stopped, then restarted with its data or empty: health ``degraded`` while it is down,
  authenticated requests 503 (README, "Errors": the rate limiter and the token checks need
  it), and afterwards every queued scan and delivery runs, re-queued from the database when
  Redis lost them;
- a worker killed (SIGKILL) mid-scan and mid-delivery; the API killed mid-request, with Redis
  and in embedded mode (SQLite): nothing half-written, and everything resumes.

Each scenario prints what it counted, and asserts each is 0: scans that did not reach a final
state, events never delivered, and events delivered more than once under different
``webhook-id``s (the same id on a retry is correct: deliveries are at least once).

test_recovery.py (scans through Redis and PostgreSQL lost mid-scan) and test_worker.py (one
worker killed mid-scan, in both modes) cover the cases these do not repeat.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import sqlite3
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest
import redis
import requests
from support import private_services
from support.processes import Stack, admin_session, descendants_of, wait_until
from support.servers import HttpServer, QuietHandler

from tests.support.policy import TEST_FORBIDDEN_NETWORKS

pytestmark = pytest.mark.slow

#: The private servers' fixtures (tests/support/private_services.py).
private_postgres = private_services.private_postgres
private_redis = private_services.private_redis
persistent_redis = private_services.persistent_redis

ON_POSTGRES = os.environ.get("CYBERORIGEN_TEST_DATABASE_URL", "").startswith(
    ("postgresql://", "postgres://")
)
ADMIN_EMAIL = "admin@faults.example"
ADMIN_PASSWORD = "fault injection password " + "f" * 12
SECRET_KEY = "fault-injection-secret-key-" + "s" * 32
FINAL = ("completed", "failed", "cancelled")
#: One real scanner, cheap: the http scanner looks at the test's own site.
PROFILES = {"cheap": ["http"]}
#: Short enough that the reaper and the lease expiry act within seconds.
HEARTBEAT_TIMEOUT = 4
LEASE_SECONDS = 8
#: What a 503 must never show: the driver's or the server's own words.
LEAKS = ("Traceback", "psycopg2", "OperationalError", "InterfaceError", "redis.exceptions")


# --- the pieces ---------------------------------------------------------------------------


class Site(HttpServer):
    """The scans' target: a page without security headers, answered late while ``slow`` is
    set (at most 30 s), so a scan can be caught running."""

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
                self.reply(200, b"<html><body>site</body></html>", {"Content-Type": "text/html"})

            do_HEAD = do_GET  # noqa: N815

        super().__init__(Handler, quiet=True)

    def close(self) -> None:
        self.slow.clear()
        super().close()


class Receiver(HttpServer):
    """A webhook receiver that keeps every delivery it read (``webhook-id``, body). While
    ``hold`` is set it answers nothing for up to 20 s after reading a delivery, so that a
    worker can be killed while it waits for the answer."""

    def __init__(self) -> None:
        self.received: list[tuple[str, dict]] = []
        self.hold = threading.Event()
        self.holding = threading.Event()  # set once a delivery is being held
        receiver = self

        class Handler(QuietHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.received.append((self.headers["webhook-id"], json.loads(body)))
                deadline = time.monotonic() + 20
                while receiver.hold.is_set() and time.monotonic() < deadline:
                    receiver.holding.set()
                    time.sleep(0.05)
                self.reply(200, b"ok")

        super().__init__(Handler, quiet=True)

    def ids(self) -> set[str]:
        return {message_id for message_id, _ in list(self.received)}

    def close(self) -> None:
        self.hold.clear()
        super().close()


def environment(tmp_path: Path, database_url: str, redis_url: str = "", **settings) -> dict:
    """The environment of every process of one appliance: its database and Redis (empty:
    embedded mode), queues and key prefixes of its own, short heartbeat and lease."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    run = secrets.token_hex(4)
    env.update(
        CYBERORIGEN_SECRET_KEY=SECRET_KEY,
        CYBERORIGEN_INSTANCE_DIR=str(tmp_path / "instance"),
        CYBERORIGEN_DATABASE_URL=database_url,
        CYBERORIGEN_REDIS_URL=redis_url,
        CYBERORIGEN_SCOPE_FORBIDDEN_NETWORKS=",".join(TEST_FORBIDDEN_NETWORKS),
        CYBERORIGEN_SCANS_PROFILES=json.dumps(PROFILES),
        CYBERORIGEN_SCANS_SCANNER_TIMEOUT="40",
        CYBERORIGEN_SCANS_HEARTBEAT_TIMEOUT=str(HEARTBEAT_TIMEOUT),
        CYBERORIGEN_SCANS_QUEUE=f"faults-scans-{run}",
        CYBERORIGEN_WEBHOOKS_QUEUE=f"faults-webhooks-{run}",
        CYBERORIGEN_RATELIMIT_KEY_PREFIX=f"faults-{run}",
        CYBERORIGEN_WEBHOOKS_ALLOWED_NETWORKS="127.0.0.0/8",
        CYBERORIGEN_WEBHOOKS_LEASE_SECONDS=str(LEASE_SECONDS),
        CYBERORIGEN_WEBHOOKS_CONNECT_TIMEOUT="1",
        CYBERORIGEN_WEBHOOKS_READ_TIMEOUT="3",
        CYBERORIGEN_WEBHOOKS_RETRY_DELAYS="1,1,1,1,1",
        **settings,
    )
    return env


class Appliance:
    """The processes of one appliance (a :class:`Stack`), its API's base URL and an admin
    session whose organization may scan 127.0.0.1, with limits that this test's traffic stays
    within (so that a limit is never a reason for an error)."""

    def __init__(self, tmp_path: Path, env: dict, free_port, wait_for_port) -> None:
        self.env, self.free_port, self.wait_for_port = env, free_port, wait_for_port
        logs = tmp_path / f"logs-{secrets.token_hex(2)}"
        logs.mkdir()
        self.stack = Stack(logs, env)
        for arguments, stdin in (
            (("db", "upgrade"), ""),
            (
                ("users", "create", ADMIN_EMAIL, "--password-stdin", "--org", "Faults")
                + ("--plan", "professional", "--role", "admin"),
                ADMIN_PASSWORD + "\n",
            ),
        ):
            done = self.stack.run(*arguments, stdin=stdin)
            assert done.returncode == 0, f"{arguments}:\n{done.stdout}\n{done.stderr}"
        self.base = ""
        self.session: requests.Session | None = None

    def serve(self, workers: int = 2, name: str = "serve") -> str:
        port = self.free_port()
        self.stack.start(
            name,
            "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        )  # fmt: skip
        try:
            self.wait_for_port(port, timeout=60, process=self.stack.processes[name])
        except (RuntimeError, TimeoutError) as exc:
            raise AssertionError(f"the API did not start: {exc}\n{self.stack.report()}") from None
        self.base = f"http://127.0.0.1:{port}"
        if self.session is None:
            self.session = admin_session(self.base, ADMIN_EMAIL, ADMIN_PASSWORD)
            limits = {"hourly_limit": 100_000, "daily_limit": 1_000_000}
            changed = self.session.patch(
                self.url("/api/v1/organizations/current"), json=limits, timeout=30
            )
            assert changed.status_code == 200, changed.text
        return self.base

    def url(self, path: str) -> str:
        return self.base + path

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.session.get(self.url(path), timeout=30, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.session.post(self.url(path), timeout=30, **kwargs)

    def hook(self, receiver: Receiver, events=("scan.completed",)) -> str:
        created = self.post(
            "/api/v1/webhooks",
            json={"url": f"http://127.0.0.1:{receiver.port}/hook", "events": list(events)},
        )
        assert created.status_code == 201, created.text
        return created.json()["id"]

    def ping(self, webhook_id: str) -> str:
        """A ``ping`` through the webhook; the id of its event (its ``webhook-id``)."""
        sent = self.post(f"/api/v1/webhooks/{webhook_id}/test")
        assert sent.status_code == 202, sent.text
        return sent.json()["event_id"]

    def scan(self, site: Site) -> requests.Response:
        return self.post("/api/v1/scans", json=scan_body(site))

    def statuses(self) -> dict[str, str]:
        """Every scan's status, by id (through the API; empty while it cannot answer)."""
        found: dict[str, str] = {}
        page = 1
        while True:
            try:
                answer = self.get(f"/api/v1/scans?per_page=100&page={page}")
            except requests.RequestException:
                return {}
            if answer.status_code != 200:
                return {}
            items = answer.json()["items"]
            found.update({item["id"]: item["status"] for item in items})
            if len(items) < 100:
                return found
            page += 1

    def close(self) -> None:
        self.stack.stop()
        self.stack.kill()


def scan_body(site: Site) -> dict:
    closed = site.port + 1 if site.port < 65535 else site.port - 1
    return {
        "target": "127.0.0.1",
        "scan_type": "cheap",
        "options": {"http": {"http_port": site.port, "https_port": closed, "timeout": 40}},
    }


def wait_final(appliance: Appliance, ids, timeout: float) -> dict[str, str]:
    """The statuses of the scans ``ids``, once every one is final (or ``timeout`` passed)."""
    seen: dict[str, str] = {}

    def all_final() -> bool:
        seen.update(appliance.statuses())
        return all(seen.get(scan_id) in FINAL for scan_id in ids)

    wait_until(all_final, timeout=timeout, interval=0.5)
    return {scan_id: seen.get(scan_id, "missing") for scan_id in ids}


def wait_delivered(receiver: Receiver, pings, scan_ids, timeout: float) -> None:
    def arrived() -> bool:
        completed = {body["data"].get("scan_id") for _, body in list(receiver.received)}
        return set(pings) <= receiver.ids() and set(scan_ids) <= completed

    wait_until(arrived, timeout=timeout, interval=0.5)


def counted(scenario: str, statuses: dict[str, str], receiver=None, pings=(), completed=()):
    """Print and return what a scenario counts: scans not final, events lost (a ping or a
    completed scan's ``scan.completed`` never received), and events received under more than
    one ``webhook-id`` (a retry keeps its id; a second event for one scan would not)."""
    not_final = sorted(scan_id for scan_id, status in statuses.items() if status not in FINAL)
    lost, twice = [], []
    if receiver is not None:
        ids_by_scan: dict[str, set[str]] = defaultdict(set)
        for message_id, body in list(receiver.received):
            if body.get("type") == "scan.completed":
                ids_by_scan[body["data"]["scan_id"]].add(message_id)
        lost = sorted(set(pings) - receiver.ids()) + sorted(set(completed) - set(ids_by_scan))
        twice = sorted(scan_id for scan_id, ids in ids_by_scan.items() if len(ids) > 1)
    counts = {
        "scans not final": len(not_final),
        "events lost": len(lost),
        "delivered twice with different ids": len(twice),
    }
    received = len(receiver.received) if receiver is not None else 0
    print(
        f"\n[{scenario}] {len(statuses)} scans, {received} deliveries received: "
        + ", ".join(f"{name} {value}" for name, value in counts.items())
    )
    details = {"not final": not_final, "lost": lost, "twice": twice}
    return counts, details


def assert_nothing_lost(counts, details, appliance: Appliance) -> None:
    assert set(counts.values()) == {0}, f"{counts} {details}\n{appliance.stack.report()}"


def assert_unavailable(response: requests.Response, which: str) -> None:
    """503 in the error envelope, naming the dependency in general words only."""
    assert response.status_code == 503, (response.status_code, response.text)
    body = response.json()
    assert body["error_code"] == "SERVICE_UNAVAILABLE", body
    assert body["field"] is None
    assert which in body["detail"], body
    assert body["request_id"] == response.headers["X-Request-ID"]
    for leak in LEAKS:
        assert leak not in response.text, response.text


@pytest.fixture
def site():
    running = Site()
    yield running
    running.close()


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.close()


@pytest.fixture
def run_database(fresh_database_url):
    """A new empty database of the kind under test (SQLite file or PostgreSQL)."""
    return fresh_database_url()


# --- PostgreSQL -----------------------------------------------------------------------------


class Traffic:
    """Threads sending a mix of reads and scan creations until stopped, keeping every answer
    (or the exception) with the phase it was sent in."""

    def __init__(self, appliance: Appliance, site: Site, threads: int = 4) -> None:
        self.appliance, self.site = appliance, site
        self.phase = "before"
        self.answers: list[tuple[str, str, int, str]] = []  # phase, what, status, text
        self.created: list[str] = []
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(number,), daemon=True)
            for number in range(threads)
        ]

    def _run(self, number: int) -> None:
        session = requests.Session()
        session.headers.update(self.appliance.session.headers)
        calls = [
            ("GET", "/api/v1/scans?per_page=5"),
            ("GET", "/api/v1/organizations/current"),
            ("GET", "/api/v1/findings?per_page=5"),
            ("POST", "/api/v1/scans"),
        ]
        turn = number
        while not self._stop.is_set():
            method, path = calls[turn % len(calls)]
            turn += 1
            phase = self.phase
            try:
                if method == "POST":
                    answer = session.post(
                        self.appliance.url(path), json=scan_body(self.site), timeout=30
                    )
                    if answer.status_code == 201:
                        self.created.append(answer.json()["id"])
                else:
                    answer = session.get(self.appliance.url(path), timeout=30)
                self.answers.append((phase, f"{method} {path}", answer.status_code, answer.text))
            except requests.RequestException as exc:
                self.answers.append((phase, f"{method} {path}", 0, repr(exc)))
            time.sleep(0.05)

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=40)


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL faults: the PostgreSQL run's test")
def test_postgres_stopped_during_traffic_is_503_and_the_same_processes_recover(
    tmp_path, private_postgres, private_redis, site, free_port, wait_for_port
):
    """Reads and scan creations from four threads; PostgreSQL stopped for 4 s, then started
    again. Every answer is 2xx or a 503 envelope naming the database; health reports it; then
    the same gunicorn processes answer again, and every scan created reaches a final state."""
    postgres, redis_server = private_postgres(), private_redis()
    env = environment(tmp_path, postgres.create_database("faults"), redis_server.url)
    appliance = Appliance(tmp_path, env, free_port, wait_for_port)
    try:
        appliance.serve(workers=2)
        appliance.stack.start("worker", "worker")
        processes = sorted(descendants_of(appliance.stack.processes["serve"].pid))
        with Traffic(appliance, site) as traffic:
            time.sleep(1.5)
            traffic.phase = "down"
            postgres.stop(mode="fast")
            seen = []  # a Response is false when it is not 2xx: keep it in a list

            def health_down() -> bool:
                seen.append(requests.get(appliance.url("/api/health"), timeout=10))
                return seen[-1].status_code == 503

            down = wait_until(health_down, timeout=10)
            time.sleep(4)
            traffic.phase = "recovering"
            postgres.start()
            recovered = wait_until(
                lambda: (
                    appliance.scan(site).status_code == 201
                    and appliance.get("/api/v1/organizations/current").status_code == 200
                ),
                timeout=30,
            )
            traffic.phase = "after"
            time.sleep(2)

        assert recovered, (
            f"requests still fail after PostgreSQL started\n{appliance.stack.report()}"
        )
        assert down, "health never reported the database down"
        health = seen[-1]
        body = health.json()
        assert body["status"] == "degraded", body
        assert body["checks"]["database"].startswith("unreachable"), body
        assert body["checks"]["redis"] == "ok", body
        assert "127.0.0.1" not in health.text and str(postgres.port) not in health.text

        wrong = [answer for answer in traffic.answers if answer[2] not in (200, 201, 503)]
        assert not wrong, wrong[:5]
        refused = [answer for answer in traffic.answers if answer[2] == 503]
        assert any(phase == "down" for phase, *_ in refused), "no request noticed the outage"
        for _, _, _, text in refused:
            body = json.loads(text)
            assert body["error_code"] == "SERVICE_UNAVAILABLE", body
            assert "database" in body["detail"], body
            assert not any(leak in text for leak in LEAKS), text
            assert str(postgres.port) not in text, text
        after = [answer for answer in traffic.answers if answer[0] == "after"]
        assert after and all(answer[2] in (200, 201) for answer in after), after[:5]
        assert appliance.stack.processes["serve"].poll() is None
        assert sorted(descendants_of(appliance.stack.processes["serve"].pid)) == processes, (
            "the API's processes were replaced, not recovered"
        )

        statuses = wait_final(appliance, traffic.created, timeout=90)
        counts, details = counted("postgres stopped", statuses)
        assert_nothing_lost(counts, details, appliance)
        print(
            f"[postgres stopped] {len(traffic.answers)} requests, {len(refused)} answered 503, "
            f"{len(traffic.created)} scans created"
        )
    finally:
        appliance.close()


# --- Redis ----------------------------------------------------------------------------------


@pytest.mark.parametrize("persistent", [True, False], ids=["persistent", "empty"])
def test_redis_restarted_queued_scans_and_deliveries_run_afterwards(
    tmp_path,
    persistent,
    private_redis,
    persistent_redis,
    run_database,
    site,
    receiver,
    free_port,
    wait_for_port,
):
    """Scans and pings queued while no worker runs; Redis stopped: health ``degraded``,
    authenticated requests (limited, their count in Redis) 503, a scan refused leaves no row.
    Redis started again, with its data or empty: a worker then runs every queued scan (the
    reaper re-queues those Redis lost) and every delivery arrives (their leases expire and the
    dispatcher leases them again), each event under one ``webhook-id``."""
    redis_server = persistent_redis() if persistent else private_redis()
    env = environment(tmp_path, run_database, redis_server.url)
    appliance = Appliance(tmp_path, env, free_port, wait_for_port)
    try:
        appliance.serve(workers=2)
        appliance.stack.start("scheduler", "scheduler")  # the dispatcher
        webhook = appliance.hook(receiver)
        created = [appliance.scan(site) for _ in range(4)]
        assert all(answer.status_code == 201 for answer in created), created[0].text
        ids = [answer.json()["id"] for answer in created]
        pings = [appliance.ping(webhook) for _ in range(2)]
        queues = redis.Redis.from_url(redis_server.url)
        assert queues.llen(f"rq:queue:{env['CYBERORIGEN_SCANS_QUEUE']}") == 4

        redis_server.stop()
        health = requests.get(appliance.url("/api/health"), timeout=10)
        read = appliance.get("/api/v1/organizations/current")
        refused = appliance.scan(site)
        redis_server.start()

        assert health.status_code == 503
        assert health.json()["status"] == "degraded"
        assert health.json()["checks"] == {
            "database": "ok",
            "redis": health.json()["checks"]["redis"],
        }
        assert health.json()["checks"]["redis"].startswith("unreachable")
        assert_unavailable(read, "Redis")
        assert_unavailable(refused, "Redis")
        jobs_left = queues.llen(f"rq:queue:{env['CYBERORIGEN_SCANS_QUEUE']}")
        assert jobs_left == (4 if persistent else 0)

        healthy = wait_until(
            lambda: requests.get(appliance.url("/api/health"), timeout=10).status_code == 200,
            timeout=20,
        )
        assert healthy, appliance.stack.report()
        again = appliance.get("/api/v1/organizations/current")
        assert again.status_code == 200, again.text
        assert int(again.headers["X-RateLimit-Remaining"]) < 100_000
        assert set(appliance.statuses()) == set(ids)  # the refused scan left nothing behind

        appliance.stack.start("worker", "worker", "--jobs", "2")
        statuses = wait_final(appliance, ids, timeout=60)
        wait_delivered(receiver, pings, ids, timeout=60)
        counts, details = counted(
            f"redis restarted {'persistent' if persistent else 'empty'}",
            statuses,
            receiver,
            pings,
            [scan_id for scan_id, status in statuses.items() if status == "completed"],
        )
        assert_nothing_lost(counts, details, appliance)
        assert set(statuses.values()) == {"completed"}, statuses
    finally:
        appliance.close()


# --- killed processes -------------------------------------------------------------------------


def test_a_worker_killed_mid_scan_and_mid_delivery(
    tmp_path, private_redis, run_database, site, receiver, kill_hard, free_port, wait_for_port
):
    """One worker with two worker processes: one runs a scan of a site that keeps it
    waiting, the other is delivering a ping the receiver does not answer. All of it SIGKILLed
    at once; another worker then runs the scan again to completion (the reaper) and delivers
    the ping again under the same ``webhook-id`` (its lease expired)."""
    env = environment(tmp_path, run_database, private_redis().url)
    appliance = Appliance(tmp_path, env, free_port, wait_for_port)
    try:
        appliance.serve(workers=1)
        appliance.stack.start("scheduler", "scheduler")
        first = appliance.stack.start("worker-1", "worker", "--jobs", "2")
        webhook = appliance.hook(receiver)
        site.slow.set()
        scan_id = appliance.scan(site).json()["id"]
        running = wait_until(
            lambda: appliance.statuses().get(scan_id) == "running" and site.requests > 0,
            timeout=30,
        )
        assert running, appliance.stack.report()
        receiver.hold.set()
        ping = appliance.ping(webhook)
        assert receiver.holding.wait(timeout=20), appliance.stack.report()

        kill_hard(first)
        site.slow.clear()
        receiver.hold.clear()
        appliance.stack.start("worker-2", "worker", "--jobs", "2")

        statuses = wait_final(appliance, [scan_id], timeout=60)
        wait_delivered(receiver, [ping], [scan_id], timeout=60)

        def sent_again() -> bool:  # once its lease (8 s) is over
            return [message_id for message_id, _ in receiver.received].count(ping) >= 2

        assert wait_until(sent_again, timeout=LEASE_SECONDS + 30, interval=0.5), (
            f"the ping was held once and never sent again\n{appliance.stack.report()}"
        )
        counts, details = counted("worker killed", statuses, receiver, [ping], [scan_id])
        assert_nothing_lost(counts, details, appliance)
        assert statuses[scan_id] == "completed", appliance.stack.report()
        log = appliance.get(f"/api/v1/webhooks/{webhook}/deliveries?event_type=ping").json()
        assert [item["status"] for item in log["items"]] == ["delivered"], log
        scan = appliance.get(f"/api/v1/scans/{scan_id}").json()
        assert scan["scanners"][0]["status"] == "completed", scan
    finally:
        appliance.close()


def _rows(database_url: str, statement: str) -> list[tuple]:
    """Rows of ``statement`` on the appliance's database, read behind its back."""
    if database_url.startswith("sqlite:///"):
        connection = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=30)
        try:
            return connection.execute(statement).fetchall()
        finally:
            connection.close()
    import psycopg2

    connection = psycopg2.connect(database_url)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(statement)
            return cursor.fetchall()
    finally:
        connection.close()


def _burst(appliance: Appliance, site: Site, threads: int, answered: list, stop) -> list:
    """Threads creating scans until ``stop``; each 201's scan id goes to ``answered``."""

    def run() -> None:
        session = requests.Session()
        session.headers.update(appliance.session.headers)
        while not stop.is_set():
            try:
                answer = session.post(
                    appliance.url("/api/v1/scans"), json=scan_body(site), timeout=10
                )
            except requests.RequestException:
                continue  # the server died under this request
            if answer.status_code == 201:
                answered.append(answer.json()["id"])

    started = [threading.Thread(target=run, daemon=True) for _ in range(threads)]
    for thread in started:
        thread.start()
    return started


def _kill_api(appliance: Appliance, name: str = "serve") -> None:
    """SIGKILL the API's whole process group (gunicorn's master and workers) at once."""
    process = appliance.stack.processes[name]
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def test_the_api_killed_mid_request_leaves_no_half_written_scan(
    tmp_path, private_redis, run_database, site, free_port, wait_for_port
):
    """Eight threads creating scans; gunicorn (master and both workers) SIGKILLed among
    them. Every scan answered 201 exists, each queued one has its job or is re-queued by the
    reaper, and once the API and a worker run again every scan completes."""
    redis_server = private_redis()
    env = environment(tmp_path, run_database, redis_server.url)
    appliance = Appliance(tmp_path, env, free_port, wait_for_port)
    try:
        appliance.serve(workers=2)
        answered: list[str] = []
        stop = threading.Event()
        threads = _burst(appliance, site, 8, answered, stop)
        wait_until(lambda: len(answered) >= 10, timeout=30, interval=0.05)
        _kill_api(appliance)
        stop.set()
        for thread in threads:
            thread.join(timeout=15)

        rows = dict(_rows(run_database, "SELECT public_id, status FROM scan"))
        queued_jobs = {
            job.decode().removeprefix("scan-")
            for job in redis.Redis.from_url(redis_server.url).lrange(
                f"rq:queue:{env['CYBERORIGEN_SCANS_QUEUE']}", 0, -1
            )
        }
        missing = sorted(set(answered) - set(rows))
        without_job = sorted(
            scan_id
            for scan_id, status in rows.items()
            if status == "queued" and scan_id not in queued_jobs
        )
        print(
            f"\n[api killed] {len(answered)} scans answered 201, {len(rows)} rows, "
            f"{len(missing)} answered but missing, {len(without_job)} queued without a job "
            "(the reaper's to re-queue)"
        )
        assert not missing, missing
        assert set(rows.values()) == {"queued"}, rows  # no worker ran yet

        appliance.serve(workers=2, name="serve-again")
        appliance.stack.start("worker", "worker", "--jobs", "2")
        statuses = wait_final(appliance, list(rows), timeout=90)
        counts, details = counted("api killed", statuses)
        assert_nothing_lost(counts, details, appliance)
        assert set(statuses.values()) == {"completed"}, statuses
    finally:
        appliance.close()


@pytest.mark.skipif(ON_POSTGRES, reason="embedded mode on SQLite: the SQLite run's test")
def test_the_embedded_api_killed_mid_scan_leaves_a_consistent_database_and_resumes(
    tmp_path, site, free_port, wait_for_port
):
    """Embedded mode (SQLite, no Redis): scans running and queued in the API process, more
    being created, when it is SIGKILLed. The database is intact (``integrity_check``), every
    scan answered 201 is there, and the restarted API runs every one to a final state."""
    database_url = f"sqlite:///{tmp_path / 'embedded.db'}"
    appliance = Appliance(tmp_path, environment(tmp_path, database_url), free_port, wait_for_port)
    try:
        appliance.serve(workers=1)
        site.slow.set()
        first = [appliance.scan(site).json()["id"] for _ in range(4)]
        wait_until(lambda: "running" in appliance.statuses().values(), timeout=30)
        answered: list[str] = list(first)
        stop = threading.Event()
        threads = _burst(appliance, site, 4, answered, stop)
        wait_until(lambda: len(answered) >= len(first) + 4, timeout=30, interval=0.05)
        _kill_api(appliance)
        stop.set()
        for thread in threads:
            thread.join(timeout=15)
        site.slow.clear()

        assert _rows(database_url, "PRAGMA integrity_check") == [("ok",)]
        rows = dict(_rows(database_url, "SELECT public_id, status FROM scan"))
        assert not set(answered) - set(rows), sorted(set(answered) - set(rows))
        states = sorted(set(rows.values()))
        print(f"\n[embedded api killed] {len(rows)} scans at the kill: {states}")
        assert "running" in states, states

        appliance.serve(workers=1, name="serve-again")
        statuses = wait_final(appliance, list(rows), timeout=90)
        counts, details = counted("embedded api killed", statuses)
        assert_nothing_lost(counts, details, appliance)
        assert set(statuses.values()) == {"completed"}, statuses
    finally:
        appliance.close()
