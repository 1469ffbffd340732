"""An unfiltered list's ``total`` comes from a per-organization counter, kept in the
transaction of each insert and delete: it must equal COUNT(*) after scans are created and
deleted at once through two API processes (real ``cyberorigen serve`` processes on the test
database), and a filtered list still counts its rows; findings also have a counter per
severity and per status, which must equal COUNT(*) after scans and concurrent changes."""

from __future__ import annotations

import random
import secrets
from concurrent.futures import ThreadPoolExecutor

import requests
from peewee import fn
from support.embedded import EmbeddedScans
from support.servers import HttpServer, QuietHandler

from cyberorigen.db import database
from cyberorigen.db.models import Finding, Organization, RowCount, Scan

STATUSES = ("open", "fixed", "accepted_risk", "false_positive")
NEED_REASON = ("accepted_risk", "false_positive")


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


class Site(QuietHandler):
    """A page without security headers and a cookie without flags (http's checks fail
    there); once ``flagged``, the cookie has its flags (those findings are fixed)."""

    flagged = False

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        cookie = "sid=1; Secure; HttpOnly; SameSite=Lax" if self.flagged else "sid=1"
        self.reply(200, b"<html><body>site</body></html>", {"Set-Cookie": cookie})

    do_HEAD = do_GET  # noqa: N815


def test_findings_by_severity_and_status_are_counted_through_scans_and_concurrent_changes(
    serve_process, cli_env, make_app, make_account, unique_address
):
    """The per-value counters (``findings.severity=high``, ``findings.status=open``,
    ``findings.check_id=...``) equal COUNT(*) after a scan, status changes made at once
    through two API processes, and a second scan that fixes some findings and reopens
    others; a list filtered on one severity, status or check shows that total."""
    admin = make_account(role="admin", org="Counted findings")
    scans = EmbeddedScans(make_app, admin, unique_address, **{"scans.profiles": {"web": ["http"]}})
    site = HttpServer(Site)
    try:
        target = f"http://127.0.0.1:{site.port}/"
        scans.scan({"target": target, "scan_type": "web", "options": {}})
        findings = scans.get("/api/v1/findings?per_page=100")["items"]
        assert len(findings) >= 3
        servers = [serve_process(cli_env), serve_process(cli_env)]
        chance = random.Random(7)
        changes = [
            (chance.choice(servers), chance.choice(findings)["id"], chance.choice(STATUSES))
            for _ in range(60)
        ]

        def change(item) -> None:
            base, finding_id, status = item
            body = {"status": status, **({"reason": "test"} if status in NEED_REASON else {})}
            answer = requests.patch(
                f"{base}/api/v1/findings/{finding_id}", json=body, headers=admin.headers, timeout=30
            )
            assert answer.status_code == 200, answer.text

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(change, changes))
        # Which status each finding ended in depends on the threads' order: the cookie's
        # findings are made open again, so that the next scan has some to fix.
        cookies = [item for item in findings if "cookie" in item["check_id"]]
        assert cookies, [item["check_id"] for item in findings]
        for item in cookies:
            change((servers[0], item["id"], "open"))
        Site.flagged = True  # the cookie's findings are not seen again: fixed
        scans.scan({"target": target, "scan_type": "web", "options": {}})
    finally:
        Site.flagged = False
        site.close()

    database.connect(reuse_if_open=True)
    org_id = Organization.get(Organization.public_id == admin.org_id).id
    mine = Finding.organization == org_id
    assert Finding.select().where(mine & (Finding.status == "fixed")).exists()
    for column in ("severity", "status", "check_id"):
        field = getattr(Finding, column)
        counted = dict(
            Finding.select(field, fn.COUNT(Finding.id)).where(mine).group_by(field).tuples()
        )
        kept = {
            row.name.split("=", 1)[1]: row.count
            for row in RowCount.select().where(
                (RowCount.organization == org_id)
                & RowCount.name.startswith(f"findings.{column}=")
                & (RowCount.count != 0)
            )
        }
        assert kept == counted, column
        for value, count in counted.items():
            page = requests.get(
                f"{servers[0]}/api/v1/findings?{column}={value}&per_page=1",
                headers=admin.headers,
                timeout=30,
            ).json()
            assert page["total"] == count, (column, value)
