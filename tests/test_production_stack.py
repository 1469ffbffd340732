"""A smoke test of the production stack on one machine.

gunicorn with 2 workers (`cyberorigen serve`), 2 `cyberorigen worker` processes and a
`cyberorigen scheduler`, against PostgreSQL and Redis, each a real process in a session of its
own. Through the API: an admin adds loopback to the scope, subscribes a webhook, uploads
evidence and runs a `full` scan of 127.0.0.1 (a local HTTP and HTTPS server); the signed
`scan.completed` delivery is verified independently; then `/metrics`, `cyberorigen doctor`,
`cyberorigen backup`, `cyberorigen restore` into a fresh database (row counts and evidence
hashes compared), and every process is stopped with SIGTERM and must exit on its own.

This test always needs PostgreSQL (backup and restore of the production database): it uses the
server of CYBERORIGEN_TEST_DATABASE_URL, or the one of the CI services
(postgresql://postgres@127.0.0.1:5432/postgres) when that names none (the SQLite run), and
creates and drops its own databases.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import ssl
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis as redis_lib
import requests
from support.pki import server_context, write_leaf
from support.processes import Stack, admin_session, wait_until
from support.servers import HttpServer, QuietHandler
from support.webhooks import verify

from cyberorigen.db.models import ALL_MODELS
from tests.support.policy import TEST_FORBIDDEN_NETWORKS

pytestmark = pytest.mark.slow

CI_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
SECRET_KEY = "smoke-secret-key-" + "y" * 32
ADMIN_EMAIL = "admin@smoke.example"
ADMIN_PASSWORD = "smoke test password " + "z" * 12
EVIDENCE_BYTES = bytes(range(256)) * 16 + b"CyberOrigen smoke-test evidence\n"  # ~4 KB, known
EVIDENCE_CONTROL = "ctrl_access_control_policy"


# --- PostgreSQL ---------------------------------------------------------------------------


def _postgres_server_url() -> str:
    url = os.environ.get("CYBERORIGEN_TEST_DATABASE_URL", "")
    return url if url.startswith(("postgresql://", "postgres://")) else CI_POSTGRES


def _admin_sql(server_url: str, statement: str) -> None:
    import psycopg2

    connection = psycopg2.connect(server_url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


def _row_counts(url: str) -> dict[str, int]:
    import psycopg2

    connection = psycopg2.connect(url)
    try:
        with connection.cursor() as cursor:
            counts = {}
            for model in ALL_MODELS:
                table = model._meta.table_name
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
                counts[table] = cursor.fetchone()[0]
            return counts
    finally:
        connection.close()


@pytest.fixture
def postgres_databases():
    """``make()`` -> the URL of a new empty PostgreSQL database; all are dropped afterwards."""
    import psycopg2

    server_url = _postgres_server_url()
    try:
        psycopg2.connect(server_url, connect_timeout=5).close()
    except psycopg2.OperationalError as exc:  # pragma: no cover - environment problem
        pytest.fail(f"PostgreSQL is not reachable at {server_url}: {exc}. Run `make services`.")
    created: list[str] = []

    def make() -> str:
        name = f"cyberorigen_smoke_{secrets.token_hex(4)}"
        _admin_sql(server_url, f'CREATE DATABASE "{name}"')
        created.append(name)
        return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))

    yield make
    for name in created:
        _admin_sql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the scan target and the webhook receiver --------------------------------------------


def _tls_context(folder: Path) -> ssl.SSLContext:
    """A self-signed certificate for 127.0.0.1 (the scan reports it; it only has to finish)."""
    return server_context(*write_leaf(folder, "target", days_after=30))


class Server(HttpServer):
    """A threaded HTTP(S) server on 127.0.0.1: GET answers a small page, POST is recorded."""

    def __init__(self, context: ssl.SSLContext | None = None) -> None:
        self.posts: list[tuple[str, dict[str, str], bytes]] = []
        self.received = threading.Event()
        posts, received = self.posts, self.received

        class Handler(QuietHandler):
            server_version = "smoke"
            sys_version = ""

            def _answer(self, status: int, body: bytes) -> None:
                self.reply(status, body, {"Content-Type": "text/html; charset=utf-8"})

            def do_GET(self):  # noqa: N802 - http.server's naming
                self._answer(200, b"<html><body>smoke target</body></html>")

            do_HEAD = do_GET  # noqa: N815

            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = {key.lower(): value for key, value in self.headers.items()}
                posts.append((self.path, headers, body))
                received.set()
                self._answer(200, b"ok")

        super().__init__(Handler, context, quiet=True)


# --- processes -----------------------------------------------------------------------------


def _metric_values(text: str, name: str) -> dict[str, float]:
    """``{labels: value}`` of the samples of ``name`` in Prometheus text."""
    values = {}
    for line in text.splitlines():
        if line.startswith(name) and line[len(name) : len(name) + 1] in ("{", " "):
            sample, _, value = line.rpartition(" ")
            values[sample[len(name) :]] = float(value)
    return values


def _evidence_hashes(instance_dir: Path) -> dict[str, str]:
    folder = instance_dir / "evidence"
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _forget_run(connection: redis_lib.Redis, run_id: str) -> None:
    """Delete the Redis keys of this run: its queues, their registries and jobs, its rate-limit
    counters."""
    with contextlib.suppress(redis_lib.RedisError):
        keys = list(connection.scan_iter(f"*{run_id}*"))
        jobs = []
        for key in keys:
            if key.startswith(b"rq:") and connection.type(key) == b"zset":
                jobs += connection.zrange(key, 0, -1)
            elif key.startswith(b"rq:queue:"):
                jobs += connection.lrange(key, 0, -1)
        for job in jobs:
            keys += [b"rq:job:" + job, b"rq:results:" + job]
        if keys:
            connection.delete(*keys)


# --- the test -------------------------------------------------------------------------------


def test_the_production_stack_end_to_end(
    tmp_path, postgres_databases, redis_url, free_port, wait_for_port
):
    run_id = secrets.token_hex(4)
    database_a = postgres_databases()
    instance_a = tmp_path / "instance-a"
    metrics_token = secrets.token_urlsafe(24)
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.update(
        CYBERORIGEN_DATABASE_URL=database_a,
        CYBERORIGEN_REDIS_URL=redis_url,
        CYBERORIGEN_SECRET_KEY=SECRET_KEY,
        CYBERORIGEN_INSTANCE_DIR=str(instance_a),
        CYBERORIGEN_SCANS_QUEUE=f"cyberorigen-smoke-scans-{run_id}",
        CYBERORIGEN_WEBHOOKS_QUEUE=f"cyberorigen-smoke-webhooks-{run_id}",
        CYBERORIGEN_RATELIMIT_KEY_PREFIX=f"cyberorigen-smoke-{run_id}",
        CYBERORIGEN_WEBHOOKS_ALLOWED_NETWORKS="127.0.0.0/8",
        CYBERORIGEN_SCOPE_FORBIDDEN_NETWORKS=",".join(TEST_FORBIDDEN_NETWORKS),
        CYBERORIGEN_METRICS_ENABLED="true",
        CYBERORIGEN_METRICS_TOKEN=metrics_token,
        CYBERORIGEN_LOG_JSON="true",
        CYBERORIGEN_SCANS_SCANNER_TIMEOUT="60",
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    stack = Stack(logs, env)
    restored = Stack(logs, env)  # step 8: the API on the restored database
    receiver = Server()
    https = Server(_tls_context(tmp_path))
    http = Server()
    started = time.monotonic()
    timings: dict[str, float] = {}

    def lap(step: str) -> None:
        timings[step] = round(time.monotonic() - started, 1)

    try:
        # 1. Database A, an admin, and the stack.
        done = stack.run("db", "upgrade")
        assert done.returncode == 0, f"db upgrade failed:\n{done.stdout}\n{done.stderr}"
        done = stack.run(
            "users",
            "create",
            ADMIN_EMAIL,
            "--password-stdin",
            "--org",
            "Smoke",
            "--plan",
            "enterprise",
            "--role",
            "admin",
            stdin=ADMIN_PASSWORD + "\n",
        )
        assert done.returncode == 0, f"users create failed:\n{done.stdout}\n{done.stderr}"

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        stack.start("serve", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2")
        stack.start("worker-1", "worker")
        stack.start("worker-2", "worker")
        stack.start("scheduler", "scheduler")
        try:
            wait_for_port(port, timeout=60, process=stack.processes["serve"])
        except (RuntimeError, TimeoutError) as exc:
            raise AssertionError(f"the API did not start: {exc}\n{stack.report()}") from None
        health = wait_until(
            lambda: (
                response
                if (response := requests.get(f"{base}/api/health", timeout=5)).status_code == 200
                else None
            ),
            timeout=30,
        )
        assert health is not None, f"/api/health never answered 200\n{stack.report()}"
        assert health.json()["status"] == "healthy", health.text
        assert not stack.dead(), f"{stack.dead()}\n{stack.report()}"
        lap("stack up")

        # 2. Token, scope, webhook, evidence, and a full scan.
        session = admin_session(base, ADMIN_EMAIL, ADMIN_PASSWORD)

        hook = session.post(
            f"{base}/api/v1/webhooks",
            json={"url": f"http://127.0.0.1:{receiver.port}/hook", "events": ["scan.completed"]},
            timeout=10,
        )
        assert hook.status_code == 201, hook.text
        secret = hook.json()["secret"]
        assert secret.startswith("whsec_"), hook.json()

        evidence = session.post(
            f"{base}/api/v1/controls/{EVIDENCE_CONTROL}/evidence",
            files={"file": ("access-policy.pdf", EVIDENCE_BYTES, "application/pdf")},
            data={"title": "Access policy (smoke test)"},
            timeout=10,
        )
        assert evidence.status_code == 201, evidence.text
        evidence_id = evidence.json()["id"]
        evidence_sha = hashlib.sha256(EVIDENCE_BYTES).hexdigest()

        closed = free_port()  # no HTTPS site: the http scanner reports it and completes
        created = session.post(
            f"{base}/api/v1/scans",
            json={
                "target": "127.0.0.1",
                "scan_type": "full",
                "frameworks": ["soc2", "pci-dss"],
                "options": {
                    "http": {"http_port": http.port, "https_port": closed},
                    "tls": {"ports": [https.port]},
                    "ports": {"ports": [http.port, https.port, closed], "use_nmap": False},
                },
            },
            timeout=10,
        )
        assert created.status_code == 201, created.text
        scan_id = created.json()["id"]
        assert created.json()["status"] == "queued", created.json()

        def finished():
            body = session.get(f"{base}/api/v1/scans/{scan_id}", timeout=10).json()
            if body["status"] in ("failed", "cancelled"):
                return body
            return body if body["status"] == "completed" and body["compliance"] else None

        scan = wait_until(finished, timeout=120, interval=0.5)
        assert scan, f"the scan did not complete in 120 s\n{stack.report()}"
        assert scan["status"] == "completed", f"{scan}\n{stack.report()}"
        runs = {run["scanner"]: run["status"] for run in scan["scanners"]}
        assert runs == {
            "http": "completed",
            "tls": "completed",
            "ports": "completed",
            "dns": "not_applicable",
            "smtp": "not_applicable",
            "ssh": "not_applicable",  # discovery found no SSH service
            "vulns": "not_applicable",  # no service announced its product and version
        }, scan["scanners"]
        assert {"soc2-2017", "pci-dss-4.0.1"} <= set(scan["compliance"]), scan["compliance"]
        lap("scan completed")

        assert receiver.received.wait(30), f"no webhook delivery in 30 s\n{stack.report()}"
        path, headers, body = receiver.posts[0]
        assert path == "/hook"
        assert headers["content-type"].startswith("application/json"), headers
        assert verify(secret, headers, body), (headers, body)
        assert not verify("whsec_" + base64.b64encode(b"x" * 24).decode(), headers, body)
        event = json.loads(body)
        assert event["type"] == "scan.completed", event
        assert headers["webhook-id"] == event["id"], (headers, event)
        assert event["data"]["scan_id"] == scan_id, event
        assert event["data"]["status"] == "completed", event
        lap("webhook received")

        # 3. /metrics: with the token, and refused without it.
        def scraped():
            response = requests.get(
                f"{base}/metrics",
                headers={"Authorization": f"Bearer {metrics_token}"},
                timeout=10,
            )
            assert response.status_code == 200, response.text
            delivered = _metric_values(response.text, "cyberorigen_webhook_deliveries")
            return response.text if delivered.get('{status="delivered"}', 0) >= 1 else None

        metrics = wait_until(scraped, timeout=15)
        assert metrics, 'cyberorigen_webhook_deliveries{status="delivered"} never reached 1'
        requests_total = _metric_values(metrics, "cyberorigen_http_requests_total")
        assert sum(requests_total.values()) >= 5, requests_total
        assert _metric_values(metrics, "cyberorigen_scans").get('{status="completed"}') == 1
        depth = _metric_values(metrics, "cyberorigen_queue_depth")
        assert f'{{queue="{env["CYBERORIGEN_SCANS_QUEUE"]}"}}' in depth, depth
        assert f'{{queue="{env["CYBERORIGEN_WEBHOOKS_QUEUE"]}"}}' in depth, depth
        assert _metric_values(metrics, "cyberorigen_workers").get("", 0) >= 2, metrics
        anonymous = requests.get(f"{base}/metrics", timeout=10)
        assert anonymous.status_code == 401, anonymous.text
        wrong = requests.get(
            f"{base}/metrics", headers={"Authorization": "Bearer not-the-token"}, timeout=10
        )
        assert wrong.status_code == 401, wrong.text
        lap("metrics")

        # 4. doctor: everything healthy, workers live, the dispatcher keeping up.
        doctor = stack.run("doctor")
        assert doctor.returncode == 0, f"doctor:\n{doctor.stdout}\n{doctor.stderr}"
        assert "All checks passed." in doctor.stdout, doctor.stdout
        assert "FAIL" not in doctor.stdout, doctor.stdout
        assert "live worker(s)" in doctor.stdout, doctor.stdout
        lap("doctor")

        # 5. Backup.
        archive = tmp_path / "backup.tgz"
        done = stack.run("backup", str(archive))
        assert done.returncode == 0, f"backup failed:\n{done.stdout}\n{done.stderr}"
        assert archive.stat().st_mode & 0o777 == 0o600, oct(archive.stat().st_mode)
        lap("backup")

        # 6. Restore into database B (empty, not migrated) and a new instance folder.
        database_b = postgres_databases()
        instance_b = tmp_path / "instance-b"
        restore_env = {
            **env,
            "CYBERORIGEN_DATABASE_URL": database_b,
            "CYBERORIGEN_INSTANCE_DIR": str(instance_b),
        }
        done = stack.run("restore", str(archive), env=restore_env)
        assert done.returncode == 0, f"restore failed:\n{done.stdout}\n{done.stderr}"
        assert "Restored " in done.stdout, done.stdout
        assert "warning" not in done.stdout, done.stdout  # same secret key
        lap("restore")

        counts_a, counts_b = _row_counts(database_a), _row_counts(database_b)
        assert counts_b == counts_a, {
            table: (counts_a[table], counts_b[table])
            for table in counts_a
            if counts_a[table] != counts_b[table]
        }
        for table in ("organizations", "users", "scans", "webhooks", "evidence"):
            if table in counts_a:
                assert counts_a[table] >= 1, (table, counts_a)
        hashes_a, hashes_b = _evidence_hashes(instance_a), _evidence_hashes(instance_b)
        assert hashes_a, f"no evidence file under {instance_a / 'evidence'}"
        assert hashes_b == hashes_a
        assert evidence_sha in hashes_a.values(), hashes_a
        for name, digest in hashes_a.items():
            assert Path(name).name == digest, f"{name} is not named by its SHA-256"
        doctor_b = stack.run("doctor", env=restore_env)
        assert "database: reachable, schema up to date" in doctor_b.stdout, doctor_b.stdout

        # 7. Stop everything with SIGTERM: each process must exit on its own, cleanly.
        assert not stack.dead(), f"{stack.dead()}\n{stack.report()}"
        codes = stack.stop()
        lap("stopped")
        assert codes == dict.fromkeys(stack.processes, 0), f"{codes}\n{stack.report()}"
        assert stack.leftovers() == [], f"processes left in the sessions: {stack.leftovers()}"
        from rq import Queue, Worker

        connection = redis_lib.Redis.from_url(redis_url)
        registered = [
            worker.name
            for name in (env["CYBERORIGEN_SCANS_QUEUE"], env["CYBERORIGEN_WEBHOOKS_QUEUE"])
            for worker in Worker.all(queue=Queue(name, connection=connection))
        ]
        assert registered == [], f"workers still registered in Redis after SIGTERM: {registered}"

        # 8. The restored appliance serves what was backed up: the evidence file, the scan, the
        # webhook (its secret decrypts with the same secret key).
        restored.env = restore_env
        port_b = free_port()
        base_b = f"http://127.0.0.1:{port_b}"
        restored.start("restored-serve", "serve", "--port", str(port_b), "--workers", "1")
        try:
            wait_for_port(port_b, timeout=60, process=restored.processes["restored-serve"])
        except (RuntimeError, TimeoutError) as exc:
            report = restored.report()
            raise AssertionError(f"the restored API did not start: {exc}\n{report}") from None
        session_b = requests.Session()
        token_b = session_b.post(
            f"{base_b}/api/v1/auth/token",
            data={"username": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
            timeout=10,
        )
        assert token_b.status_code == 200, f"{token_b.text}\n{restored.report()}"
        session_b.headers["Authorization"] = f"Bearer {token_b.json()['access_token']}"
        download = session_b.get(
            f"{base_b}/api/v1/controls/{EVIDENCE_CONTROL}/evidence/{evidence_id}/download",
            timeout=10,
        )
        assert download.status_code == 200, download.text
        assert download.content == EVIDENCE_BYTES
        scan_b = session_b.get(f"{base_b}/api/v1/scans/{scan_id}", timeout=10).json()
        assert scan_b["status"] == "completed", scan_b
        assert scan_b["compliance"] == scan["compliance"]
        ping = session_b.post(f"{base_b}/api/v1/webhooks/{hook.json()['id']}/test", timeout=10)
        assert ping.status_code == 202, ping.text
        codes_b = restored.stop()
        assert codes_b == {"restored-serve": 0}, f"{codes_b}\n{restored.report()}"
        lap("restored API checked")
    finally:
        stack.kill()
        restored.kill()
        for server in (receiver, https, http):
            server.close()
        _forget_run(redis_lib.Redis.from_url(redis_url), run_id)
        print(f"run {run_id}: timings (s since start): {timings}")  # shown with -s, or on failure
