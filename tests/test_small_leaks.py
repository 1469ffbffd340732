"""Small holes an outside probe found (issue 11, 6g): each answered as the README says."""

from __future__ import annotations

import pytest


@pytest.fixture
def admin(make_account):
    return make_account(role="admin")


# --- every 422 naming a field lists it in ``errors`` ------------------------------------------


def test_the_ssrf_guard_names_the_field_in_errors(client, admin):
    """A webhook to loopback (no allowed networks) is refused like any other bad field."""
    response = client.post(
        "/api/v1/webhooks",
        json={"url": "http://127.0.0.1:8080/hook", "events": ["scan.completed"]},
        headers=admin.headers,
    )

    assert response.status_code == 422, response.get_json()
    body = response.get_json()
    assert body["error_code"] == "VALIDATION_ERROR"
    assert body["field"] == "url"
    assert list(body["errors"]) == ["url"]
    assert body["detail"] == f"url: {body['errors']['url'][0]}"


def test_a_service_validation_error_lists_its_field(client, admin):
    """The same for any check a service makes after the schema (here: an expiry in the past)."""
    response = client.post(
        "/api/v1/api-keys",
        json={"name": "old", "expires_at": "2020-01-01T00:00:00Z"},
        headers=admin.headers,
    )

    assert response.status_code == 422, response.get_json()
    assert response.get_json()["errors"] == {"expires_at": ["must be in the future"]}


# --- /openapi.json is outside the rate limits, like /docs ---------------------------------------


def test_the_openapi_document_is_not_rate_limited(client, make_account, unique_address):
    address = {"REMOTE_ADDR": unique_address()}
    spent = make_account(role="viewer", org="Spent", hourly_limit=1)
    assert client.get("/api/v1/scans", headers=spent.headers).status_code == 200
    assert client.get("/api/v1/scans", headers=spent.headers).status_code == 429

    for headers in ({}, spent.headers):
        for _ in range(3):
            response = client.get("/openapi.json", headers=headers, environ_overrides=address)
            assert response.status_code == 200
            assert "X-RateLimit-Remaining" not in response.headers
    counted = client.get("/api/v1/scans", environ_overrides=address)

    assert counted.status_code == 401
    assert counted.headers["X-RateLimit-Remaining"] == "99"  # the first request that counted
