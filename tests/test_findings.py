"""Finding status, scan rescan/delete and list filters, on scans run in embedded mode."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from cyberorigen.db.models import Finding, OutboxEvent, Scan

PROFILES = {"quick": ["http"], "probe": ["banner"], "slow": ["slow"]}


@pytest.fixture
def setup(with_plugins, make_app, unique_address, make_account, banner_port):
    with_plugins("fixtures")
    app = make_app(redis=False, **{"scans.profiles": PROFILES})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    return client, make_account(role="analyst"), banner_port


def run_probe(client, account, port):
    created = client.post(
        "/api/v1/scans",
        json={"target": "127.0.0.1", "scan_type": "probe", "options": {"banner": {"port": port}}},
        headers=account.headers,
    )
    assert created.status_code == 201, created.get_json()
    return wait_until_finished(client, account, created.get_json()["id"])


def wait_until_finished(client, account, scan_id, wait=20.0):
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        scan = client.get(f"/api/v1/scans/{scan_id}", headers=account.headers).get_json()
        if scan["status"] in ("completed", "failed", "cancelled"):
            return scan
        time.sleep(0.1)
    raise AssertionError(f"scan {scan_id} did not finish")


def only_finding(client, account):
    items = client.get("/api/v1/findings", headers=account.headers).get_json()["items"]
    assert len(items) == 1
    return items[0]


def test_finding_status_changes_need_reasons_and_are_events(setup, make_account):
    client, analyst, port = setup
    run_probe(client, analyst, port)
    finding = only_finding(client, analyst)
    url = f"/api/v1/findings/{finding['id']}"
    viewer = make_account(role="viewer")

    no_reason = client.patch(url, json={"status": "accepted_risk"}, headers=analyst.headers)
    by_viewer = client.patch(url, json={"status": "fixed"}, headers=viewer.headers)
    past = client.patch(
        url,
        json={
            "status": "accepted_risk",
            "reason": "legacy box",
            "accepted_until": "2001-01-01T00:00:00Z",
        },
        headers=analyst.headers,
    )
    accepted = client.patch(
        url,
        json={
            "status": "accepted_risk",
            "reason": "legacy box, retired in Q3",
            "accepted_until": "2099-01-01T00:00:00Z",
        },
        headers=analyst.headers,
    )

    assert no_reason.status_code == 422 and no_reason.get_json()["field"] == "reason"
    assert by_viewer.status_code == 403
    assert past.status_code == 422 and past.get_json()["field"] == "accepted_until"
    assert accepted.status_code == 200
    body = accepted.get_json()
    assert body["status"] == "accepted_risk"
    assert body["status_reason"] == "legacy box, retired in Q3"
    assert body["accepted_until"] == "2099-01-01T00:00:00Z"
    event = OutboxEvent.select().where(OutboxEvent.type == "finding.status_changed").get()
    assert event.payload["from"] == "open" and event.payload["to"] == "accepted_risk"
    assert event.payload["changed_by"] == analyst.email


def test_a_fixed_finding_seen_again_is_reopened(setup):
    client, analyst, port = setup
    run_probe(client, analyst, port)
    finding = only_finding(client, analyst)
    fixed = client.patch(
        f"/api/v1/findings/{finding['id']}", json={"status": "fixed"}, headers=analyst.headers
    )
    assert fixed.get_json()["status"] == "fixed"

    second = run_probe(client, analyst, port)

    again = only_finding(client, analyst)
    assert again["id"] == finding["id"]
    assert again["status"] == "open" and again["status_reason"] == "seen again by a scan"
    found = OutboxEvent.select().where(OutboxEvent.type == "vulnerability.found")
    assert [event.payload["scan_id"] for event in found][-1] == second["id"]


def test_an_expired_risk_acceptance_reopens_the_finding(setup):
    client, analyst, port = setup
    run_probe(client, analyst, port)
    finding = only_finding(client, analyst)
    client.patch(
        f"/api/v1/findings/{finding['id']}",
        json={
            "status": "accepted_risk",
            "reason": "until the patch window",
            "accepted_until": "2099-01-01T00:00:00Z",
        },
        headers=analyst.headers,
    )
    yesterday = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=1)
    Finding.update(accepted_until=yesterday).execute()

    run_probe(client, analyst, port)

    again = only_finding(client, analyst)
    assert again["status"] == "open"
    assert again["status_reason"] == "the risk acceptance expired"


def test_an_accepted_risk_still_valid_stays_accepted(setup):
    client, analyst, port = setup
    run_probe(client, analyst, port)
    finding = only_finding(client, analyst)
    client.patch(
        f"/api/v1/findings/{finding['id']}",
        json={"status": "false_positive", "reason": "the banner is a honeypot"},
        headers=analyst.headers,
    )

    run_probe(client, analyst, port)

    assert only_finding(client, analyst)["status"] == "false_positive"


def test_rescan_delete_and_list_filters(setup):
    client, analyst, port = setup
    first = run_probe(client, analyst, port)

    rescanned = client.post(f"/api/v1/scans/{first['id']}/rescan", headers=analyst.headers)
    assert rescanned.status_code == 201
    second_id = rescanned.get_json()["id"]
    assert wait_until_finished(client, analyst, second_id)["status"] == "completed"
    assert rescanned.get_json()["options"] == {"banner": {"port": port}}
    Scan.update(created_at=datetime(2020, 1, 1)).where(Scan.public_id == first["id"]).execute()

    recent = client.get(
        "/api/v1/scans?created_after=2021-01-01T00:00:00Z", headers=analyst.headers
    ).get_json()
    old = client.get(
        "/api/v1/scans?created_before=2021-01-01T00:00:00Z", headers=analyst.headers
    ).get_json()
    oldest_first = client.get("/api/v1/scans?sort=created_at", headers=analyst.headers).get_json()
    bad_sort = client.get("/api/v1/scans?sort=target", headers=analyst.headers)

    assert [item["id"] for item in recent["items"]] == [second_id]
    assert [item["id"] for item in old["items"]] == [first["id"]]
    assert [item["id"] for item in oldest_first["items"]] == [first["id"], second_id]
    assert bad_sort.status_code == 422 and bad_sort.get_json()["field"] == "sort"

    deleted = client.delete(f"/api/v1/scans/{first['id']}", headers=analyst.headers)
    assert deleted.status_code == 204
    assert client.get(f"/api/v1/scans/{first['id']}", headers=analyst.headers).status_code == 404
    assert Finding.select().count() == 1  # the finding belongs to the target, not the scan


def test_a_queued_or_running_scan_cannot_be_deleted(setup):
    client, analyst, _ = setup
    created = client.post(
        "/api/v1/scans",
        json={"target": "127.0.0.1", "scan_type": "slow", "options": {"slow": {"seconds": 30}}},
        headers=analyst.headers,
    ).get_json()

    refused = client.delete(f"/api/v1/scans/{created['id']}", headers=analyst.headers)
    client.post(f"/api/v1/scans/{created['id']}/cancel", headers=analyst.headers)

    assert refused.status_code == 409
    assert "cancel it first" in refused.get_json()["detail"]
