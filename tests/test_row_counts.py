"""An unfiltered list's ``total`` comes from a per-organization counter, kept in the
transaction of each insert and delete: it must equal COUNT(*) after scans are created and
deleted at once through two API processes (real ``cyberorigen serve`` processes on the test
database), and a filtered list still counts its rows."""

from __future__ import annotations

import secrets
from concurrent.futures import ThreadPoolExecutor

import requests

from cyberorigen.db import database
from cyberorigen.db.models import Organization, RowCount, Scan


def test_counters_equal_count_after_concurrent_creates_and_deletes(
    serve_process, cli_env, make_account
):
    env = dict(cli_env, CYBERORIGEN_SCANS_QUEUE=f"cyberorigen-test-{secrets.token_hex(4)}")
    servers = [serve_process(env), serve_process(env)]
    account = make_account(role="analyst")
    headers = account.headers

    def create(number: int) -> str:
        answer = requests.post(
            f"{servers[number % 2]}/api/v1/scans",
            json={"target": "127.0.0.1", "scan_type": "quick"},
            headers=headers,
            timeout=30,
        )
        assert answer.status_code == 201, answer.text
        return answer.json()["id"]

    def cancel_and_delete(pair: tuple[int, str]) -> None:
        number, scan_id = pair
        base = servers[number % 2]
        cancelled = requests.post(
            f"{base}/api/v1/scans/{scan_id}/cancel", headers=headers, timeout=30
        )
        assert cancelled.status_code == 202, cancelled.text
        deleted = requests.delete(
            f"{servers[(number + 1) % 2]}/api/v1/scans/{scan_id}", headers=headers, timeout=30
        )
        assert deleted.status_code == 204, deleted.text

    with ThreadPoolExecutor(8) as pool:
        created = list(pool.map(create, range(40)))
        # Deleting half while more are created, each through either process.
        deletions = pool.map(cancel_and_delete, enumerate(created[:20]))
        more = pool.map(create, range(40, 52))
        list(deletions), list(more)

    database.connect(reuse_if_open=True)
    org_id = Organization.get(Organization.public_id == account.org_id).id
    counted = Scan.select().where(Scan.organization == org_id).count()
    kept = RowCount.get((RowCount.organization == org_id) & (RowCount.name == "scans")).count
    assert counted == kept == 40 - 20 + 12
    for base in servers:
        page = requests.get(f"{base}/api/v1/scans?per_page=5", headers=headers, timeout=30).json()
        assert page["total"] == counted and page["pages"] == -(-counted // 5)
        # A filtered list counts its own rows.
        cancelled = requests.get(
            f"{base}/api/v1/scans?status=cancelled", headers=headers, timeout=30
        ).json()
        assert cancelled["total"] == 0  # each cancelled one was deleted
        queued = requests.get(f"{base}/api/v1/scans?status=queued", headers=headers, timeout=30)
        assert queued.json()["total"] == counted
