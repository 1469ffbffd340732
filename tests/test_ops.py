"""Operations: `cyberorigen doctor`, `backup` and `restore` (SQLite, or PostgreSQL in the
PostgreSQL run), `/metrics`, and client addresses behind a trusted proxy."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import subprocess
import sys
import tarfile
from datetime import timedelta
from pathlib import Path

import pytest

from cyberorigen.appliance import appliance_of
from cyberorigen.db import bind_database, database
from cyberorigen.db.models import ALL_MODELS, Organization, OutboxEvent, utcnow

CLI = [sys.executable, "-m", "cyberorigen.cli"]


def run(env: dict, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def counts(url: str) -> dict[str, int]:
    db = bind_database(url)
    db.connect(reuse_if_open=True)
    try:
        return {
            model._meta.table_name: db.execute_sql(
                f'SELECT COUNT(*) FROM "{model._meta.table_name}"'  # noqa: S608
            ).fetchone()[0]
            for model in ALL_MODELS
        }
    finally:
        db.close()


def evidence_hashes(instance: Path) -> dict[str, str]:
    root = instance / "evidence"
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def populated(app, client, make_account):
    """An organization with users, a scope, a webhook and two evidence files."""
    auditor = make_account(role="auditor")
    admin = make_account(role="admin")
    for content in (b"%PDF access policy", b"%PDF training records"):
        response = client.post(
            "/api/v1/controls/ctrl_access_control_policy/evidence",
            data={"file": (io.BytesIO(content), "policy.pdf")},
            headers=auditor.headers,
            content_type="multipart/form-data",
        )
        assert response.status_code == 201, response.get_json()
    client.post(
        "/api/v1/webhooks",
        json={"url": "https://example.com/hook", "events": ["*"]},
        headers=admin.headers,
    )
    return app


# --- doctor --------------------------------------------------------------------------------


def test_doctor_passes_on_a_healthy_embedded_appliance(cli_env, make_settings, database_url):
    env = dict(cli_env, CYBERORIGEN_REDIS_URL="")

    done = run(env, "doctor")

    assert done.returncode == 0, done.stdout + done.stderr
    assert "All checks passed." in done.stdout
    for name in ("configuration", "database", "redis", "plugins", "disk", "webhook dispatcher"):
        assert f"ok    {name}" in done.stdout, done.stdout


def test_doctor_names_each_problem_and_its_fix(cli_env, fresh_database_url):
    unmigrated = fresh_database_url()
    env = dict(
        cli_env,
        CYBERORIGEN_DATABASE_URL=unmigrated,
        CYBERORIGEN_REDIS_URL="redis://127.0.0.1:1/0",
    )

    done = run(env, "doctor")

    assert done.returncode == 1
    assert "FAIL  database:" in done.stdout and "cyberorigen db upgrade" in done.stdout
    assert "FAIL  redis:" in done.stdout and "fix:" in done.stdout
    assert "problem(s) found." in done.stdout


def test_doctor_sees_no_worker_and_a_stalled_dispatcher(cli_env, app, make_account):
    settings = appliance_of(app).settings
    env = dict(  # queues of this test only: no other test's worker listens there
        cli_env,
        CYBERORIGEN_SCANS_QUEUE=settings.scan_queue,
        CYBERORIGEN_WEBHOOKS_QUEUE=settings.webhooks.queue,
    )
    make_account(role="admin")
    database.connect(reuse_if_open=True)
    org = Organization.select().first()
    OutboxEvent.create(
        organization=org, type="scan.started", payload={}, created_at=utcnow() - timedelta(hours=1)
    )

    done = run(env, "doctor")

    assert done.returncode == 1, done.stdout
    assert "FAIL  workers: no live worker" in done.stdout
    assert "FAIL  scheduler: no scheduler is running" in done.stdout
    assert "FAIL  webhook dispatcher: 1 event(s) waiting" in done.stdout
    assert "cyberorigen scheduler" in done.stdout


def test_doctor_sees_a_running_dispatcher(cli_env, make_settings, redis_client):
    from cyberorigen.jobs.queue import RedisJobQueue

    queue = RedisJobQueue(redis_client, "cyberorigen-scans", 60)  # cli_env's default queues
    queue.announce_dispatcher(ttl=30)
    try:
        done = run(cli_env, "doctor")
    finally:
        for key in redis_client.scan_iter("cyberorigen-webhooks:dispatcher:*"):
            redis_client.delete(key)

    assert "ok    scheduler: 1 scheduler/dispatcher process(es) alive" in done.stdout, done.stdout


def test_doctor_reports_a_bad_setting_without_a_traceback(cli_env):
    done = run(dict(cli_env, CYBERORIGEN_WEBHOOKS_ALLOWED_NETWORKS="not-a-network"), "doctor")

    assert done.returncode == 1
    assert "FAIL  configuration: webhooks.allowed_networks" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


# --- backup and restore --------------------------------------------------------------------


def test_backup_and_restore_round_trip(populated, cli_env, fresh_database_url, tmp_path):
    source = appliance_of(populated).settings
    archive = tmp_path / "backup.tgz"

    made = run(cli_env, "backup", str(archive))

    assert made.returncode == 0, made.stderr
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert "manifest.json" in names and "config/secret_key" in names
    assert manifest["tables"]["evidence"] == 2 and manifest["format"] == 1
    assert len([name for name in names if name.startswith("evidence/")]) == 2

    target_url = fresh_database_url()
    instance = tmp_path / "restored"
    env = dict(cli_env, CYBERORIGEN_DATABASE_URL=target_url, CYBERORIGEN_INSTANCE_DIR=str(instance))
    restored = run(env, "restore", str(archive))

    assert restored.returncode == 0, restored.stderr
    assert counts(target_url) == counts(source.database_url)
    assert evidence_hashes(instance) == evidence_hashes(source.instance_dir)
    again = run(env, "restore", str(archive))
    assert again.returncode == 1 and "already holds data" in again.stderr


def _rewrite(archive: Path, target: Path, change) -> None:
    """Copy ``archive`` member by member through ``change(name, data) -> data | None``."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            if data is None:
                continue
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda n, d: d[:-1] + bytes([d[-1] ^ 1]) if n.startswith("evidence/") else d, "corrupt"),
        (lambda n, d: None if n.startswith("evidence/") else d, "does not match its manifest"),
        (
            lambda n, d: (
                json.dumps({**json.loads(d), "format": 99}).encode() if n == "manifest.json" else d
            ),
            "format 99",
        ),
        (
            lambda n, d: (
                json.dumps(
                    {**json.loads(d), "database": {**json.loads(d)["database"], "kind": "oracle"}}
                ).encode()
                if n == "manifest.json"
                else d
            ),
            "holds a oracle database",
        ),
    ],
    ids=["flipped-bit", "missing-member", "unknown-format", "other-database-kind"],
)
def test_restore_refuses_a_damaged_or_mismatched_archive(
    populated, cli_env, fresh_database_url, tmp_path, damage, message
):
    archive, broken = tmp_path / "good.tgz", tmp_path / "broken.tgz"
    assert run(cli_env, "backup", str(archive)).returncode == 0
    _rewrite(archive, broken, damage)
    target_url = fresh_database_url()
    env = dict(
        cli_env,
        CYBERORIGEN_DATABASE_URL=target_url,
        CYBERORIGEN_INSTANCE_DIR=str(tmp_path / "target"),
    )

    refused = run(env, "restore", str(broken))

    assert refused.returncode == 1
    assert message in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "target" / "evidence").exists()


def test_restore_refuses_what_is_not_an_archive(cli_env, tmp_path):
    junk = tmp_path / "junk.tgz"
    junk.write_bytes(gzip.compress(b"not a tar"))

    refused = run(cli_env, "restore", str(junk))

    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "backup archive" in refused.stderr or "damaged" in refused.stderr


def test_backup_refuses_to_overwrite(cli_env, tmp_path):
    existing = tmp_path / "there.tgz"
    existing.write_bytes(b"keep me")

    refused = run(cli_env, "backup", str(existing))

    assert refused.returncode == 1 and "exists" in refused.stderr
    assert existing.read_bytes() == b"keep me"


# --- /metrics ----------------------------------------------------------------------------------


def test_metrics_are_off_by_default(client):
    assert client.get("/metrics").status_code == 404


def test_metrics_need_the_token_and_count_requests_by_route(make_app, make_account, unique_address):
    app = make_app(**{"metrics.enabled": True, "metrics.token": "scrape-token-123"})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    viewer = make_account(role="viewer")
    client.get("/api/v1/scans", headers=viewer.headers)
    client.get("/api/v1/scans/scan_nope", headers=viewer.headers)

    anonymous = client.get("/metrics")
    wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
    scraped = client.get("/metrics", headers={"Authorization": "Bearer scrape-token-123"})

    assert anonymous.status_code == 401 and wrong.status_code == 401
    assert scraped.status_code == 200 and scraped.mimetype == "text/plain"
    text = scraped.get_data(as_text=True)
    assert (
        'cyberorigen_http_requests_total{method="GET",route="/api/v1/scans",status="200"}' in text
    )
    assert 'route="/api/v1/scans/<string:scan_id>",status="404"' in text
    assert "cyberorigen_http_request_duration_seconds_bucket" in text
    for name in ("cyberorigen_queue_depth", "cyberorigen_workers", "cyberorigen_scans"):
        assert name in text
    assert "scrape-token-123" not in text


# --- behind a proxy ------------------------------------------------------------------------


def test_a_trusted_proxy_gives_each_client_its_own_token_limit(make_app, make_account):
    make_account(role="viewer")  # the account's own login happens through another app
    proxied = make_app(**{"api.trusted_proxies": 1}).test_client()
    proxied.environ_base["REMOTE_ADDR"] = "127.0.0.1"  # every request comes from nginx

    def attempt(client_address: str) -> int:
        return proxied.post(
            "/api/v1/auth/token",
            data={"username": "nobody@example.com", "password": "wrong"},
            headers={"X-Forwarded-For": client_address},
        ).status_code

    statuses = [attempt("203.0.113.7") for _ in range(11)]

    assert statuses[:10] == [401] * 10 and statuses[10] == 429
    assert attempt("198.51.100.9") == 401  # another client is not locked out
