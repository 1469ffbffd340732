"""Every example of the published API reference, as a contract test of request and response.

The reference (shared/seed/api-reference.txt) is what integrators code against: each test sends
the request the reference shows and checks the response has the shape it shows.
"""

from __future__ import annotations

import base64
import json
import re
import time
from datetime import UTC, datetime, timedelta

from cyberorigen import __version__
from cyberorigen.db.models import Organization, Scan
from cyberorigen.services.row_counts import SCANS, count_change

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
REFERENCE_SCAN = {"target": "example.com", "scan_type": "full", "frameworks": ["soc2", "pci-dss"]}
REFERENCE_WEBHOOK = {
    "url": "https://your-server.com/webhook",
    "events": ["scan.completed", "vulnerability.found"],
    "secret": "your-webhook-secret",
}
PAGE_KEYS = {"items", "total", "page", "per_page", "pages"}


def _organization(account) -> Organization:
    return Organization.get(Organization.public_id == account.org_id)


# --- Authentication -------------------------------------------------------------------------------


def test_token_endpoint_takes_form_urlencoded_credentials(client, make_account):
    account = make_account()

    response = client.post(
        "/api/v1/auth/token",
        data=f"username={account.email}&password={account.password.replace(' ', '+')}",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    header = body["access_token"].split(".")[0]
    assert json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))["alg"] == "HS256"


def test_the_issued_token_is_used_as_a_bearer_token(client, make_account):
    account = make_account()
    token = client.post(
        "/api/v1/auth/token", data={"username": account.email, "password": account.password}
    ).get_json()["access_token"]

    with_token = client.get("/api/v1/scans", headers={"Authorization": f"Bearer {token}"})
    without = client.get("/api/v1/scans")

    assert with_token.status_code == 200
    assert without.status_code == 401


# --- Scans ----------------------------------------------------------------------------------------


def test_create_scan_with_the_reference_body(client, make_account):
    account = make_account(role="analyst")

    response = client.post("/api/v1/scans", json=REFERENCE_SCAN, headers=account.headers)

    assert response.status_code == 201
    body = response.get_json()
    assert body["id"].startswith("scan_")
    assert body["status"] == "queued"
    assert body["target"] == "example.com"
    assert body["scan_type"] == "full"
    assert body["frameworks"] == ["soc2", "pci-dss"]
    assert body["vulnerabilities_found"] == 0
    assert TIMESTAMP.match(body["created_at"])


def test_list_scans_has_the_reference_shape(client, make_account):
    account = make_account(role="analyst")
    created = client.post("/api/v1/scans", json=REFERENCE_SCAN, headers=account.headers)
    scan_id = created.get_json()["id"]
    # The reference's example is a completed scan with five findings.
    Scan.update(status="completed", vulnerabilities_found=5).where(
        Scan.public_id == scan_id
    ).execute()

    response = client.get("/api/v1/scans", headers=account.headers)

    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == PAGE_KEYS
    assert (body["total"], body["page"], body["per_page"], body["pages"]) == (1, 1, 20, 1)
    [item] = body["items"]
    assert {"id", "target", "status", "created_at", "vulnerabilities_found"} <= set(item)
    assert item["id"] == scan_id
    assert item["target"] == "example.com"
    assert item["status"] == "completed"
    assert item["vulnerabilities_found"] == 5
    assert TIMESTAMP.match(item["created_at"])


def test_get_one_scan_by_its_id(client, make_account):
    account = make_account(role="analyst")
    created = client.post("/api/v1/scans", json=REFERENCE_SCAN, headers=account.headers)

    response = client.get(f"/api/v1/scans/{created.get_json()['id']}", headers=account.headers)

    assert response.status_code == 200
    assert response.get_json() == created.get_json()


def test_scan_timestamps_are_utc_with_a_z(client, make_account):
    account = make_account(role="analyst")
    before = datetime.now(UTC).replace(tzinfo=None, microsecond=0)

    body = client.post("/api/v1/scans", json=REFERENCE_SCAN, headers=account.headers).get_json()

    created = datetime.strptime(body["created_at"], "%Y-%m-%dT%H:%M:%SZ")
    # UTC, not local time: an offset would be hours off, a slow machine only seconds.
    assert before - timedelta(seconds=1) <= created <= before + timedelta(seconds=60)


# --- Controls -------------------------------------------------------------------------------------


def test_controls_list_has_the_reference_shape_with_real_controls(client, make_account):
    account = make_account(role="viewer")

    response = client.get("/api/v1/controls?per_page=100", headers=account.headers)

    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == PAGE_KEYS
    assert body["total"] == len(body["items"]) > 30
    assert (body["page"], body["per_page"], body["pages"]) == (1, 100, 1)
    for item in body["items"]:
        assert list(item) == ["id", "name", "status", "frameworks", "evidence_count"]
        assert item["id"].startswith("ctrl_")
        assert item["status"] == "not_assessed"  # a new organization has no evidence yet
        assert item["evidence_count"] == 0
    policy = next(item for item in body["items"] if item["name"] == "Access Control Policy")
    assert {"SOC 2", "ISO 27001"} <= set(policy["frameworks"])


# --- Errors ---------------------------------------------------------------------------------------


def test_error_body_is_exactly_detail_error_code_field(client, make_account):
    """The reference's own example: a validation error naming the ``email`` field."""
    admin = make_account(role="admin")

    response = client.post(
        "/api/v1/users",
        json={"email": "not-an-email", "password": "a long enough password", "role": "viewer"},
        headers=admin.headers,
    )

    assert response.status_code == 422
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert (
        {"detail", "error_code", "field"}
        <= set(body)
        <= {"detail", "error_code", "field", "errors"}
    )
    assert body["error_code"] == "VALIDATION_ERROR"
    assert body["field"] == "email"
    assert isinstance(body["detail"], str) and body["detail"]


def test_error_without_a_field_still_has_field_null(client, make_account):
    account = make_account()

    response = client.get("/api/v1/scans/scan_doesnotexist00", headers=account.headers)

    assert response.status_code == 404
    assert response.get_json() == {
        "detail": response.get_json()["detail"],
        "error_code": "NOT_FOUND",
        "field": None,
    }


# --- Pagination -----------------------------------------------------------------------------------


def test_page_two_of_150_scans_by_50(client, make_account):
    account = make_account()
    org = _organization(account)
    start = datetime(2025, 12, 21, 10, 0, 0)
    Scan.insert_many(
        [
            {
                "organization": org.id,
                "target": f"host{number}.example.com",
                "scan_type": "quick",
                "frameworks": [],
                "created_at": start - timedelta(minutes=number),
            }
            for number in range(150)
        ]
    ).execute()
    count_change(org.id, SCANS, 150)  # as the scans service does

    response = client.get("/api/v1/scans?page=2&per_page=50", headers=account.headers)

    assert response.status_code == 200
    body = response.get_json()
    assert (body["total"], body["page"], body["per_page"], body["pages"]) == (150, 2, 50, 3)
    assert len(body["items"]) == 50
    # Newest first: page 2 holds the 51st to the 100th newest.
    assert [item["target"] for item in body["items"]] == [
        f"host{number}.example.com" for number in range(50, 100)
    ]


# --- Webhooks -------------------------------------------------------------------------------------


def test_create_webhook_with_the_reference_body_never_shows_the_secret(client, make_account):
    account = make_account(role="analyst")
    secret = REFERENCE_WEBHOOK["secret"]

    created = client.post("/api/v1/webhooks", json=REFERENCE_WEBHOOK, headers=account.headers)

    assert created.status_code == 201
    body = created.get_json()
    assert body["id"].startswith("wh_")
    assert body["url"] == REFERENCE_WEBHOOK["url"]
    assert body["events"] == REFERENCE_WEBHOOK["events"]
    listed = client.get("/api/v1/webhooks", headers=account.headers)
    detail = client.get(f"/api/v1/webhooks/{body['id']}", headers=account.headers)
    assert listed.status_code == 200 and detail.status_code == 200
    assert [item["id"] for item in listed.get_json()["items"]] == [body["id"]]
    assert detail.get_json()["id"] == body["id"]
    for response in (created, listed, detail):
        assert secret not in response.get_data(as_text=True)
        assert "secret" not in json.dumps(response.get_json())


# --- Health ---------------------------------------------------------------------------------------


def test_health_has_the_reference_shape(client):
    response = client.get("/api/health")

    assert response.status_code == 200
    body = response.get_json()
    assert list(body) == ["status", "version", "timestamp"]
    assert body["status"] == "healthy"
    assert body["version"] == __version__
    assert TIMESTAMP.match(body["timestamp"])
    stamp = datetime.strptime(body["timestamp"], "%Y-%m-%dT%H:%M:%SZ")
    now = datetime.now(UTC).replace(tzinfo=None)
    assert abs((now - stamp).total_seconds()) < 60


# --- Rate-limit headers ---------------------------------------------------------------------------


def test_rate_limit_headers_on_authenticated_responses(client, make_account):
    account = make_account(plan="startup")

    first = client.get("/api/v1/scans", headers=account.headers)
    second = client.post("/api/v1/scans", json=REFERENCE_SCAN, headers=account.headers)

    assert first.status_code == 200 and second.status_code == 201
    now = time.time()
    for response in (first, second):
        # The reference's table: Startup allows 100 requests an hour.
        assert response.headers["X-RateLimit-Limit"] == "100"
        reset = int(response.headers["X-RateLimit-Reset"])
        assert now < reset <= now + 3600 + 5
    assert int(first.headers["X-RateLimit-Remaining"]) == 99
    assert int(second.headers["X-RateLimit-Remaining"]) == 98
