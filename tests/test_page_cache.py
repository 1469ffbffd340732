"""Pages of ``/scans`` and ``/findings`` kept in Redis (``services/page_cache.py``): a page
found there is served without the database, and never after a committed write has made it
untrue, whichever process wrote: a request of this process, another API process, or a
worker-like process that writes through the models."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time

import requests
from playhouse.db_url import connect

from cyberorigen.appliance import appliance_of
from cyberorigen.db import database, on_committed_change
from cyberorigen.db.models import Organization, Scan
from cyberorigen.services.page_cache import PageCache


@contextlib.contextmanager
def statements():
    """The SQL this process runs inside the block."""
    seen: list[str] = []
    hook = lambda event: seen.append(event.sql)  # noqa: E731
    database.obj.query_hooks.append(hook)
    try:
        yield seen
    finally:
        database.obj.query_hooks.remove(hook)


def _scan(client, account, target: str = "127.0.0.1") -> str:
    answer = client.post(
        "/api/v1/scans", json={"target": target, "scan_type": "quick"}, headers=account.headers
    )
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()["id"]


def _ids(answer) -> list[str]:
    assert answer.status_code == 200, answer.get_json()
    return [item["id"] for item in answer.get_json()["items"]]


def test_a_repeated_page_is_served_without_the_database(client, make_account):
    analyst = make_account("analyst")
    made = [_scan(client, analyst) for _ in range(3)]
    first = client.get("/api/v1/scans?per_page=2", headers=analyst.headers)
    with statements() as ran:
        again = client.get("/api/v1/scans?per_page=2", headers=analyst.headers)
    assert again.get_json() == first.get_json()
    assert _ids(again) == made[::-1][:2]
    assert ran == []
    assert again.headers["Content-Type"] == "application/json"
    assert again.headers["X-RateLimit-Remaining"] != first.headers["X-RateLimit-Remaining"]
    # Another query is another page, read from the database.
    with statements() as ran:
        other = client.get("/api/v1/scans?per_page=2&page=2", headers=analyst.headers)
    assert _ids(other) == made[:1]
    assert any("scan" in sql for sql in ran)


def test_every_write_through_the_api_shows_in_the_next_read(client, make_account):
    analyst = make_account("analyst")
    path = "/api/v1/scans?per_page=5"
    assert client.get(path, headers=analyst.headers).get_json()["total"] == 0
    scan_id = _scan(client, analyst)
    listed = client.get(path, headers=analyst.headers).get_json()
    assert listed["total"] == 1 and listed["items"][0]["status"] == "queued"
    cancelled = client.post(f"/api/v1/scans/{scan_id}/cancel", headers=analyst.headers)
    assert cancelled.status_code == 202
    assert client.get(path, headers=analyst.headers).get_json()["items"][0]["status"] == (
        "cancelled"
    )
    assert client.delete(f"/api/v1/scans/{scan_id}", headers=analyst.headers).status_code == 204
    assert client.get(path, headers=analyst.headers).get_json()["total"] == 0


def test_pages_are_kept_per_caller(client, make_account):
    acme = make_account("analyst", org="Acme")
    globex = make_account("analyst", org="Globex")
    _scan(client, acme)
    assert client.get("/api/v1/scans", headers=acme.headers).get_json()["total"] == 1
    assert client.get("/api/v1/scans", headers=globex.headers).get_json()["total"] == 0
    assert client.get("/api/v1/findings", headers=globex.headers).get_json()["total"] == 0


def test_a_refused_query_is_never_kept(client, make_account):
    viewer = make_account("viewer")
    for _ in range(2):
        answer = client.get("/api/v1/scans?per_page=1000", headers=viewer.headers)
        assert answer.status_code == 422
        assert answer.get_json()["error_code"] == "VALIDATION_ERROR"


def test_a_change_from_another_process_makes_the_pages_stale(client, make_account, app):
    """A process that writes through the models (as a worker does) with the same Redis."""
    analyst = make_account("analyst")
    scan_id = _scan(client, analyst)
    path = "/api/v1/scans"
    assert client.get(path, headers=analyst.headers).get_json()["items"][0]["status"] == "queued"
    settings = appliance_of(app).settings
    script = (
        "import sys\n"
        "from cyberorigen.appliance import build_appliance\n"
        "from cyberorigen.db import bind_database\n"
        "from cyberorigen.db.models import Scan\n"
        "from cyberorigen.settings import load_settings\n"
        "appliance = build_appliance(load_settings())\n"
        "bind_database(appliance.settings.database_url)\n"
        "Scan.update(status='failed').where(Scan.public_id == sys.argv[1]).execute()\n"
    )
    env = {
        "CYBERORIGEN_DATABASE_URL": settings.database_url,
        "CYBERORIGEN_REDIS_URL": settings.redis_url,
        "CYBERORIGEN_RATELIMIT_KEY_PREFIX": settings.ratelimit_key_prefix,
        "CYBERORIGEN_SECRET_KEY": settings.secret_key,
        "CYBERORIGEN_INSTANCE_DIR": str(settings.instance_dir),
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run([sys.executable, "-c", script, scan_id], env=env, check=True, timeout=60)
    assert client.get(path, headers=analyst.headers).get_json()["items"][0]["status"] == "failed"


def test_two_api_processes_never_serve_a_page_a_write_has_made_untrue(
    serve_process, cli_env, make_account
):
    reader, writer = serve_process(cli_env), serve_process(cli_env)
    account = make_account("analyst")
    headers = account.headers
    made = []
    for round_ in range(6):
        before = requests.get(f"{reader}/api/v1/scans", headers=headers, timeout=30).json()
        assert before["total"] == len(made)
        answer = requests.post(
            f"{writer}/api/v1/scans",
            json={"target": "127.0.0.1", "scan_type": "quick"},
            headers=headers,
            timeout=30,
        )
        assert answer.status_code == 201, answer.text
        made.append(answer.json()["id"])
        after = requests.get(f"{reader}/api/v1/scans", headers=headers, timeout=30).json()
        assert (after["total"], after["items"][0]["id"]) == (len(made), made[-1]), round_


def test_a_change_behind_the_appliance_shows_once_the_page_expires(
    make_app, make_account, unique_address, database_url
):
    app = make_app(**{"api.page_cache_seconds": 1})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    analyst = make_account("analyst")
    scan_id = _scan(client, analyst)
    path = "/api/v1/scans"
    headers = analyst.headers
    assert client.get(path, headers=headers).get_json()["items"][0]["status"] == "queued"
    by_hand = connect(database_url)  # SQL by hand: not the appliance's database, nothing told
    try:
        by_hand.execute_sql(
            "UPDATE scan SET status = 'failed' WHERE public_id = " + by_hand.param,
            (scan_id,),
        )
    finally:
        by_hand.close()
    assert client.get(path, headers=headers).get_json()["items"][0]["status"] == "queued"
    time.sleep(1.2)
    assert client.get(path, headers=headers).get_json()["items"][0]["status"] == "failed"


class _Changes:
    def __init__(self) -> None:
        self.count = 0

    def changed(self) -> None:
        self.count += 1


def test_a_committed_change_is_reported_once_and_a_rolled_back_one_never(app):
    changes = _Changes()
    on_committed_change("test-changes", changes.changed)
    database.connect(reuse_if_open=True)
    org = Organization.create(name="Reported", plan="startup")
    assert changes.count == 1  # a statement outside a transaction
    with database.atomic():
        Organization.select().count()
    assert changes.count == 1  # reads report nothing
    with database.atomic():
        Organization.update(name="Reported 2").where(Organization.id == org.id).execute()
        with database.atomic():  # a savepoint
            Organization.update(name="Reported 3").where(Organization.id == org.id).execute()
        assert changes.count == 1  # not before the commit
    assert changes.count == 2  # once for the transaction
    with contextlib.suppress(RuntimeError), database.atomic():
        Organization.update(name="Never").where(Organization.id == org.id).execute()
        raise RuntimeError
    assert changes.count == 2
    assert Organization.get_by_id(org.id).name == "Reported 3"
    assert Scan.select().count() == 0
    assert changes.count == 2
    del changes  # held weakly: a listener that is gone is forgotten
    Organization.update(name="Gone").where(Organization.id == org.id).execute()


def test_a_missing_version_starts_afresh_and_never_revives_an_old_page(redis_client):
    prefix = f"cyberorigen-test-pages-{time.monotonic_ns()}"
    pages = PageCache(redis_client, prefix, 30)
    try:
        version, page = pages.lookup("d")
        assert page is None and int(version) >= 1 << 40
        pages.keep(version, "d", b'{"old": true}')
        assert pages.lookup("d") == (version, b'{"old": true}')
        pages.changed()
        newer, page = pages.lookup("d")
        assert page is None and int(newer) == int(version) + 1
        # Redis lost the version (evicted, restarted): a write must not restart it at 1, and
        # neither may a read; the page of the old life stays unreachable.
        redis_client.delete(f"{prefix}:pages:version")
        pages.changed()
        restarted, page = pages.lookup("d")
        assert page is None and int(restarted) >= 1 << 40 and restarted != version
        redis_client.delete(f"{prefix}:pages:version")
        fresh, page = pages.lookup("d")
        assert page is None and int(fresh) >= 1 << 40
    finally:
        for key in redis_client.scan_iter(f"{prefix}:*"):
            redis_client.delete(key)


def test_a_walk_through_deep_pages_starts_each_page_where_the_last_one_ended(
    client, make_account, monkeypatch
):
    """Past ``DEEP_OFFSET`` a page read after the page before it (and no write between)
    starts from that page's last row (keyset), and is the same page as OFFSET would give."""
    from cyberorigen.api import pagination

    analyst = make_account("analyst")
    made = [_scan(client, analyst) for _ in range(14)]
    newest_first = made[::-1]
    monkeypatch.setattr(pagination, "DEEP_OFFSET", 4)
    walked = []
    offsets = []
    for page in range(1, 7):
        with statements() as ran:
            walked.append(
                _ids(client.get(f"/api/v1/scans?per_page=3&page={page}", headers=analyst.headers))
            )
        offsets.append(any("OFFSET" in sql.upper() for sql in ran))
    assert walked == [newest_first[n : n + 3] for n in range(0, 18, 3)]
    # Pages 1-2 are shallow (OFFSET is cheap there); page 3 is the first deep one, reached
    # after page 2: no deep page walks its offset.
    assert offsets == [True, True, False, False, False, False]
    # A page jumped to walks its offset; a write makes every kept end stale.
    with statements() as ran:
        jumped = _ids(client.get("/api/v1/scans?per_page=2&page=4", headers=analyst.headers))
    assert jumped == newest_first[6:8] and any("OFFSET" in sql.upper() for sql in ran)
    newer = _scan(client, analyst)
    with statements() as ran:
        after_write = _ids(client.get("/api/v1/scans?per_page=3&page=4", headers=analyst.headers))
    assert after_write == [newer, *newest_first][9:12]
    assert any("OFFSET" in sql.upper() for sql in ran)


def test_a_walk_through_deep_pages_of_findings_gives_the_offset_pages(
    make_app, make_account, unique_address, monkeypatch
):
    """The same walk on a list ordered by a timestamp (findings: last seen, then id), with
    rows that share a timestamp, against the pages of an appliance that keeps none."""
    from datetime import datetime

    from cyberorigen.api import pagination
    from cyberorigen.db.models import Finding, Organization
    from cyberorigen.services.row_counts import FINDINGS, count_change

    kept = make_app()
    plain = make_app(**{"api.page_cache_seconds": 0})
    clients = []
    for app in (kept, plain):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = unique_address()
        clients.append(client)
    viewer = make_account("viewer", org="Walked")
    database.connect(reuse_if_open=True)
    org_id = Organization.get(Organization.public_id == viewer.org_id).id
    Finding.insert_many(
        {
            "public_id": f"fnd_walk{n:04d}",
            "organization": org_id,
            "target": "127.0.0.1",
            "fingerprint": f"walk{n:012x}",
            "scanner": "http",
            "check_id": "http.walk",
            "title": "walk",
            "severity": "low",
            "location": "",
            "evidence": {},
            "remediation": "",
            "references": [],
            "first_seen": datetime(2026, 12, 1),
            "last_seen": datetime(2026, 12, 1, 10, n // 3, 0, 500 * (n % 2)),
        }
        for n in range(17)
    ).execute()
    count_change(org_id, FINDINGS, 17)  # as store_finding counts them
    monkeypatch.setattr(pagination, "DEEP_OFFSET", 2)
    for client in clients:
        pages = [
            _ids(client.get(f"/api/v1/findings?per_page=2&page={n}", headers=viewer.headers))
            for n in range(1, 11)
        ]
        client.walked = pages
    assert clients[0].walked == clients[1].walked
    assert sum(len(page) for page in clients[0].walked) == 17
