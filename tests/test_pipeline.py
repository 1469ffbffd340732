"""The scan pipeline, in embedded mode (jobs on threads of the API process, no Redis).

The scanners are test fixtures (tests/plugin_fixtures) that look at TCP ports this test opens
on 127.0.0.1; the worker-process pipeline on Redis is tested in test_worker.py.
"""

from __future__ import annotations

import time

import pytest

from cyberorigen.db.models import Finding, Organization, OutboxEvent
from cyberorigen.services.scope import in_scope

PROFILES = {
    "quick": ["http"],
    "full": ["http"],
    "probe": ["banner"],
    "mixed": ["crashing", "banner"],
    "broken": ["crashing"],
    "slow": ["slow"],
    "stuck": ["stuck", "banner"],
    "absent": ["absent"],
}


@pytest.fixture
def embedded(with_plugins, make_app, unique_address, make_account):
    with_plugins("fixtures")
    app = make_app(redis=False, **{"scans.profiles": PROFILES})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    return client, make_account(role="analyst")


def start_scan(client, account, **body):
    response = client.post("/api/v1/scans", json=body, headers=account.headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def wait_for(client, account, scan_id, statuses=("completed", "failed", "cancelled"), within=20):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        scan = client.get(f"/api/v1/scans/{scan_id}", headers=account.headers).get_json()
        if scan["status"] in statuses:
            return scan
        time.sleep(0.1)
    raise AssertionError(f"scan {scan_id} still {scan['status']} after {within}s: {scan}")


def events_of(scan_id):
    return [
        event.type
        for event in OutboxEvent.select().order_by(OutboxEvent.id)
        if event.payload.get("scan_id") == scan_id
    ]


def test_a_scan_runs_and_stores_its_findings_with_events(embedded, banner_port):
    client, analyst = embedded

    created = start_scan(
        client,
        analyst,
        target="127.0.0.1",
        scan_type="probe",
        options={"banner": {"port": banner_port}},
    )
    assert created["status"] == "queued"
    scan = wait_for(client, analyst, created["id"])

    assert scan["status"] == "completed", scan
    assert scan["progress"] == 100
    assert scan["vulnerabilities_found"] == 1
    assert scan["started_at"] and scan["finished_at"]
    assert [(run["scanner"], run["status"], run["findings_count"]) for run in scan["scanners"]] == [
        ("banner", "completed", 1)
    ]
    findings = client.get(f"/api/v1/scans/{scan['id']}/findings", headers=analyst.headers)
    item = findings.get_json()["items"][0]
    assert item["check_id"] == "banner.service_seen"
    assert item["evidence"] == {"banner": "220 fixture-service ready"}
    assert item["location"] == f"127.0.0.1:{banner_port}"
    assert item["severity"] == "low" and item["status"] == "open"
    assert item["remediation"]
    # The finding is announced on its own, and once more with the scan's batch at its end.
    assert events_of(scan["id"]) == [
        "scan.started",
        "vulnerability.found",
        "scan.completed",
        "scan.findings",
    ]


def test_the_same_finding_in_two_scans_is_one_fingerprint(embedded, banner_port):
    client, analyst = embedded
    body = {
        "target": "127.0.0.1",
        "scan_type": "probe",
        "options": {"banner": {"port": banner_port}},
    }
    first = wait_for(client, analyst, start_scan(client, analyst, **body)["id"])
    before = Finding.get()
    Finding.update(last_seen=before.first_seen.replace(year=2020)).execute()

    second = wait_for(client, analyst, start_scan(client, analyst, **body)["id"])

    assert first["status"] == second["status"] == "completed"
    assert Finding.select().count() == 1
    after = Finding.get()
    assert after.fingerprint == before.fingerprint
    assert after.last_seen.year != 2020 and after.first_seen == before.first_seen
    assert after.first_scan.public_id == first["id"] and after.last_scan.public_id == second["id"]
    assert "vulnerability.found" not in events_of(second["id"])
    listed = client.get("/api/v1/findings", headers=analyst.headers).get_json()
    assert listed["total"] == 1


def test_a_crashing_scanner_is_recorded_and_the_others_still_run(embedded, banner_port):
    client, analyst = embedded

    scan = wait_for(
        client,
        analyst,
        start_scan(
            client,
            analyst,
            target="127.0.0.1",
            scan_type="mixed",
            options={"banner": {"port": banner_port}},
        )["id"],
    )

    assert scan["status"] == "completed"
    runs = {run["scanner"]: run for run in scan["scanners"]}
    assert runs["crashing"]["status"] == "failed"
    assert "ConnectionRefusedError" in runs["crashing"]["error"]
    assert runs["banner"]["status"] == "completed"
    assert "crashing: failed" in scan["error"]


def test_a_scan_whose_every_scanner_fails_is_failed(embedded):
    client, analyst = embedded

    scan = wait_for(
        client, analyst, start_scan(client, analyst, target="127.0.0.1", scan_type="broken")["id"]
    )

    assert scan["status"] == "failed"
    assert "connection refused" in scan["error"]
    assert events_of(scan["id"])[-1] == "scan.failed"


def test_a_scanner_past_its_timeout_is_stopped_and_the_scan_goes_on(embedded, banner_port):
    client, analyst = embedded

    scan = wait_for(
        client,
        analyst,
        start_scan(
            client,
            analyst,
            target="127.0.0.1",
            scan_type="stuck",
            options={"banner": {"port": banner_port}},
        )["id"],
    )

    runs = {run["scanner"]: run for run in scan["scanners"]}
    assert runs["stuck"]["status"] == "timed_out"
    assert "1 s timeout" in runs["stuck"]["error"]
    assert runs["banner"]["status"] == "completed"
    assert scan["status"] == "completed"


def test_cancel_while_running(embedded):
    client, analyst = embedded
    created = start_scan(
        client, analyst, target="127.0.0.1", scan_type="slow", options={"slow": {"seconds": 60}}
    )
    wait_for(client, analyst, created["id"], statuses=("running",))

    cancelled = client.post(f"/api/v1/scans/{created['id']}/cancel", headers=analyst.headers)

    assert cancelled.status_code == 202
    scan = wait_for(client, analyst, created["id"], within=10)
    assert scan["status"] == "cancelled"
    assert scan["scanners"][0]["status"] == "cancelled"
    again = client.post(f"/api/v1/scans/{created['id']}/cancel", headers=analyst.headers)
    assert again.status_code == 409


def test_targets_outside_the_scope_are_refused(embedded, make_account):
    client, analyst = embedded

    response = client.post(
        "/api/v1/scans",
        json={"target": "10.1.2.3", "scan_type": "probe", "options": {"banner": {"port": 22}}},
        headers=analyst.headers,
    )

    assert response.status_code == 403
    body = response.get_json()
    assert body["error_code"] == "TARGET_OUT_OF_SCOPE"
    assert body["field"] == "target"
    assert "POST /api/v1/scope" in body["detail"]


def test_scope_entries_cover_subdomains_addresses_and_networks(embedded, make_account):
    client, analyst = embedded
    admin = make_account(role="admin", org="Scoped", scope=())

    for value in ("corp.example.net", "192.0.2.7", "198.51.100.0/24"):
        added = client.post("/api/v1/scope", json={"value": value}, headers=admin.headers)
        assert added.status_code == 201, added.get_json()
    duplicate = client.post(
        "/api/v1/scope", json={"value": "CORP.example.net."}, headers=admin.headers
    )
    bad = client.post("/api/v1/scope", json={"value": "not a domain"}, headers=admin.headers)
    by_analyst = client.post("/api/v1/scope", json={"value": "x.example"}, headers=analyst.headers)

    assert duplicate.status_code == 409
    assert bad.status_code == 422 and bad.get_json()["field"] == "value"
    assert by_analyst.status_code == 403

    org = Organization.get(Organization.public_id == admin.org_id).id
    assert in_scope(org, "vpn.corp.example.net") and in_scope(org, "https://corp.example.net/x")
    assert not in_scope(org, "example.net") and not in_scope(org, "evilcorp.example.net")
    assert in_scope(org, "192.0.2.7") and not in_scope(org, "192.0.2.8")
    assert in_scope(org, "198.51.100.200") and not in_scope(org, "198.51.101.1")
    listed = client.get("/api/v1/scope", headers=admin.headers).get_json()
    assert listed["total"] == 3
    entry = listed["items"][0]["id"]
    assert client.delete(f"/api/v1/scope/{entry}", headers=admin.headers).status_code == 204
    assert client.get("/api/v1/scope", headers=admin.headers).get_json()["total"] == 2


def test_scan_options_are_checked_by_each_scanner(embedded):
    client, analyst = embedded

    bad_port = client.post(
        "/api/v1/scans",
        json={"target": "127.0.0.1", "scan_type": "probe", "options": {"banner": {"port": 0}}},
        headers=analyst.headers,
    )
    unknown = client.post(
        "/api/v1/scans",
        json={
            "target": "127.0.0.1",
            "scan_type": "probe",
            "options": {"banner": {"port": 22}, "nmapx": {}},
        },
        headers=analyst.headers,
    )

    assert bad_port.status_code == 422
    assert bad_port.get_json()["field"] == "options.banner.port"
    assert unknown.status_code == 422
    assert unknown.get_json()["field"] == "options.nmapx"
    missing = client.post(
        "/api/v1/scans", json={"target": "127.0.0.1", "scan_type": "probe"}, headers=analyst.headers
    )
    assert missing.status_code == 422
    assert missing.get_json()["field"] == "options.banner.port"


def test_frameworks_and_scan_types_are_checked(embedded):
    client, analyst = embedded

    unknown_framework = client.post(
        "/api/v1/scans",
        json={"target": "127.0.0.1", "scan_type": "probe", "frameworks": ["soc3"]},
        headers=analyst.headers,
    )
    nothing_installed = client.post(
        "/api/v1/scans",
        json={"target": "127.0.0.1", "scan_type": "absent"},
        headers=analyst.headers,
    )

    assert unknown_framework.status_code == 422
    assert unknown_framework.get_json()["field"] == "frameworks"
    assert nothing_installed.status_code == 422
    assert nothing_installed.get_json()["field"] == "scan_type"
    assert "none of these scanners is installed" in nothing_installed.get_json()["detail"]
