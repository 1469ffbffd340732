"""Small holes an outside probe found (issue 11, 6g): each answered as the README says."""

from __future__ import annotations

import os
import re
import stat
from datetime import datetime

import pytest

from cyberorigen.db import database, open_database
from cyberorigen.db.models import Evidence
from cyberorigen.vocab import TIMESTAMP_PATTERN


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


# --- timestamps stay within four-digit years from the epoch -------------------------------------


@pytest.mark.parametrize("moment", ["0525-06-18T12:51:26Z", "1969-12-31T23:59:59Z"])
def test_evidence_dates_out_of_range_are_refused(client, admin, moment):
    for field in ("effective_from", "effective_until"):
        response = client.post(
            "/api/v1/controls/ctrl_access_control_policy/evidence",
            json={"kind": "note", "note": "policy", field: moment},
            headers=admin.headers,
        )

        assert response.status_code == 422, response.get_json()
        body = response.get_json()
        assert body["field"] == field
        assert body["errors"][field] == [
            "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"
        ]


@pytest.mark.parametrize(
    "method, path, field, body_or_query",
    [
        (
            "post",
            "/api/v1/api-keys",
            "expires_at",
            {"name": "k", "expires_at": "0525-06-18T12:51:26Z"},
        ),
        ("get", "/api/v1/scans", "created_after", {"created_after": "0525-06-18T12:51:26Z"}),
        ("get", "/api/v1/scans", "created_before", {"created_before": "0001-01-01T00:00:00Z"}),
    ],
)
def test_every_timestamp_input_is_bounded(client, admin, method, path, field, body_or_query):
    if method == "get":
        response = client.get(path, query_string=body_or_query, headers=admin.headers)
    else:
        response = client.post(path, json=body_or_query, headers=admin.headers)

    assert response.status_code == 422, response.get_json()
    assert response.get_json()["field"] == field
    assert response.get_json()["errors"][field][0].startswith("must be between 1970")


def test_the_earliest_and_latest_dates_are_kept_as_sent(client, admin):
    response = client.post(
        "/api/v1/controls/ctrl_access_control_policy/evidence",
        json={
            "kind": "note",
            "note": "policy",
            "effective_from": "1970-01-01T00:00:00Z",
            "effective_until": "9999-12-31T23:59:59Z",
        },
        headers=admin.headers,
    )

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["effective_from"], body["effective_until"]) == (
        "1970-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
    )


def test_a_date_stored_before_the_bound_still_renders_in_the_schema(client, admin):
    """A row written by an older version (year 525) is sent with its four-digit year."""
    created = client.post(
        "/api/v1/controls/ctrl_access_control_policy/evidence",
        json={"kind": "note", "note": "policy"},
        headers=admin.headers,
    ).get_json()
    database.connect(reuse_if_open=True)
    Evidence.update(effective_from=datetime(525, 6, 18, 12, 51, 26)).where(
        Evidence.public_id == created["id"]
    ).execute()

    shown = client.get(
        f"/api/v1/controls/ctrl_access_control_policy/evidence/{created['id']}",
        headers=admin.headers,
    ).get_json()

    assert shown["effective_from"] == "0525-06-18T12:51:26Z"
    assert re.fullmatch(TIMESTAMP_PATTERN, shown["effective_from"])


# --- the SQLite database is private, like the secret key ---------------------------------------


def test_the_sqlite_database_and_its_wal_files_are_created_0600(tmp_path):
    path = tmp_path / "instance" / "cyberorigen.db"
    previous = os.umask(0o022)  # the usual umask, which gives SQLite's own files 0644
    try:
        db = open_database(f"sqlite:///{path}")
        db.connect()
        db.execute_sql("CREATE TABLE t (x INTEGER)")
        db.execute_sql("INSERT INTO t VALUES (1)")
        modes = {
            name: stat.S_IMODE(os.stat(f"{path}{name}").st_mode) for name in ("", "-wal", "-shm")
        }
        db.close()
    finally:
        os.umask(previous)

    assert modes == {"": 0o600, "-wal": 0o600, "-shm": 0o600}
