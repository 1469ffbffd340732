"""The one error envelope ``{"detail", "error_code", "field"}``, from every producer.

Each test drives a real request through the real app (real database, real Redis) and checks the
status, the ``error_code``, the ``field`` and that nothing but the envelope reaches the client.
"""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import jwt as pyjwt
import marshmallow as ma
import pytest
from flask_jwt_extended import create_access_token
from marshmallow import fields, validate
from webargs.flaskparser import use_args

from cyberorigen.api.security import public

ENVELOPE_KEYS = {"detail", "error_code", "field"}
OPTIONAL_KEYS = {"errors", "request_id"}
VALID_SCAN = {"target": "example.com", "scan_type": "full", "frameworks": ["soc2", "pci-dss"]}





def assert_envelope(response, status: int, error_code: str, field=None) -> dict:
    """The response is exactly the contract's error body, as JSON, and returns it."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert ENVELOPE_KEYS <= set(body) <= ENVELOPE_KEYS | OPTIONAL_KEYS, body
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["error_code"] == error_code, body
    assert body["field"] == field, body
    return body


def assert_unauthorized(response, error_code: str) -> dict:
    body = assert_envelope(response, 401, error_code)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    return body


def _b64(data: dict) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --- 422: marshmallow / webargs validation --------------------------------------------------------


def test_validation_error_names_the_field_and_lists_every_error(client, make_account):
    account = make_account(role="analyst")

    response = client.post(
        "/api/v1/scans", json={"target": "not a host!", "scan_type": "full"},
        headers=account.headers,
    )

    body = assert_envelope(response, 422, "VALIDATION_ERROR", field="target")
    assert body["detail"].startswith("target:")
    assert list(body["errors"]) == ["target"]
    assert all(isinstance(message, str) for message in body["errors"]["target"])


def test_missing_required_field_is_a_validation_error(client, make_account):
    account = make_account(role="analyst")

    response = client.post("/api/v1/scans", json={"scan_type": "full"}, headers=account.headers)

    body = assert_envelope(response, 422, "VALIDATION_ERROR", field="target")
    assert body["errors"] == {"target": ["Missing data for required field."]}


def test_field_is_the_first_offending_field_in_declaration_order(client, make_account):
    """Three bad fields, sent in the schema's order: ``field`` is the first of them."""
    account = make_account(role="analyst")

    response = client.post(
        "/api/v1/scans",
        json={"target": "", "scan_type": "bogus", "frameworks": ["SOC 2"]},
        headers=account.headers,
    )

    body = assert_envelope(response, 422, "VALIDATION_ERROR", field="target")
    assert set(body["errors"]) == {"target", "scan_type", "frameworks"}
    assert body["detail"].startswith("target:")


def test_an_item_of_a_list_is_named_by_its_index(client, make_account):
    account = make_account(role="analyst")

    response = client.post(
        "/api/v1/webhooks",
        json={"url": "https://hooks.example.com/in", "events": ["scan.completed", 7]},
        headers=account.headers,
    )

    body = assert_envelope(response, 422, "VALIDATION_ERROR", field="events.1")
    assert list(body["errors"]) == ["events.1"]


def test_a_body_that_is_not_an_object_has_no_field(client, make_account):
    account = make_account(role="analyst")

    response = client.post("/api/v1/scans", json=["example.com"], headers=account.headers)

    body = assert_envelope(response, 422, "VALIDATION_ERROR", field=None)
    assert body["errors"] == {"_schema": ["Invalid input type."]}


class _OwnerSchema(ma.Schema):
    email = fields.Email(required=True)


class _ItemSchema(ma.Schema):
    name = fields.String(required=True, validate=validate.Length(min=1))


class _NestedBodySchema(ma.Schema):
    owner = fields.Nested(_OwnerSchema, required=True)
    items = fields.List(fields.Nested(_ItemSchema))


@pytest.fixture
def nested_app(make_app):
    """The appliance plus one public route whose body schema nests objects and lists of them."""
    app = make_app()

    @public
    @use_args(_NestedBodySchema(), location="json")
    def nested(args):
        return {"ok": True}

    app.add_url_rule("/api/v1/test-nested", "test_nested", nested, methods=["POST"])
    return app


@pytest.mark.parametrize(
    ("body", "field", "errors"),
    [
        (
            {"owner": {"email": "not-an-address"}},
            "owner.email",
            {"owner.email": ["Not a valid email address."]},
        ),
        (
            {"owner": {"email": "a@example.com"}, "items": [{"name": "ok"}, {"name": ""}]},
            "items.1.name",
            {"items.1.name": ["Shorter than minimum length 1."]},
        ),
        ({"owner": "a@example.com"}, "owner", {"owner": ["Invalid input type."]}),
    ],
)
def test_nested_errors_are_named_by_dotted_path(nested_app, body, field, errors):
    response = nested_app.test_client().post("/api/v1/test-nested", json=body)

    result = assert_envelope(response, 422, "VALIDATION_ERROR", field=field)
    assert result["errors"] == errors


def test_query_string_validation_uses_the_same_envelope(client, make_account):
    account = make_account()

    response = client.get("/api/v1/scans?status=exploded", headers=account.headers)

    body = assert_envelope(response, 422, "VALIDATION_ERROR", field="status")
    assert "status" in body["errors"]


# --- 400: a body that is not JSON -----------------------------------------------------------------


def test_malformed_json_body_is_a_bad_request(client, make_account):
    account = make_account(role="analyst")

    response = client.post(
        "/api/v1/scans",
        data='{"target": "example.com",',
        content_type="application/json",
        headers=account.headers,
    )

    assert_envelope(response, 400, "BAD_REQUEST")


# --- 401: credentials (flask-jwt-extended and our own checks) -------------------------------------


def test_missing_token_is_not_authenticated(client, make_account):
    make_account()

    response = client.get("/api/v1/scans")

    assert_unauthorized(response, "NOT_AUTHENTICATED")


def test_a_token_with_a_changed_signature_is_invalid(client, make_account):
    account = make_account()
    header, payload, signature = account.token.split(".")
    # The first character of the signature carries six bits of it (the last carries padding).
    changed = ("B" if signature[0] == "A" else "A") + signature[1:]

    response = client.get("/api/v1/scans", headers=_bearer(f"{header}.{payload}.{changed}"))

    assert_unauthorized(response, "INVALID_TOKEN")


def test_a_token_with_a_changed_payload_is_invalid(client, make_account):
    account = make_account(role="viewer")
    header, _, signature = account.token.split(".")
    claims = dict(_claims(account.token), role="admin")

    response = client.get(
        "/api/v1/users", headers=_bearer(f"{header}.{_b64(claims)}.{signature}")
    )

    assert_unauthorized(response, "INVALID_TOKEN")


def test_an_expired_token_is_refused_as_expired(app, client, make_account):
    account = make_account()
    with app.app_context():
        expired = create_access_token(
            identity=account.user_id,
            additional_claims={"org": account.org_id, "role": account.role},
            expires_delta=timedelta(seconds=-10),
        )

    response = client.get("/api/v1/scans", headers=_bearer(expired))

    assert_unauthorized(response, "TOKEN_EXPIRED")


def test_an_unsigned_alg_none_token_is_invalid(client, make_account):
    account = make_account()
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(account.token))}."

    response = client.get("/api/v1/scans", headers=_bearer(unsigned))

    assert_unauthorized(response, "INVALID_TOKEN")


def test_a_token_signed_with_another_secret_is_invalid(client, make_account):
    account = make_account()
    forged = pyjwt.encode(_claims(account.token), "another-secret-" + "y" * 32, algorithm="HS256")

    response = client.get("/api/v1/scans", headers=_bearer(forged))

    assert_unauthorized(response, "INVALID_TOKEN")


def test_a_revoked_token_is_refused_as_revoked(client, make_account):
    account = make_account()
    assert client.get("/api/v1/scans", headers=account.headers).status_code == 200

    assert client.post("/api/v1/auth/revoke", headers=account.headers).status_code == 204
    response = client.get("/api/v1/scans", headers=account.headers)

    assert_unauthorized(response, "TOKEN_REVOKED")


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Token abc.def.ghi", "Bearer"])
def test_an_authorization_header_that_is_not_bearer_is_refused(client, make_account, header):
    account = make_account()

    response = client.get("/api/v1/scans", headers={"Authorization": header})

    assert_unauthorized(response, "INVALID_TOKEN")
    # The same caller, with the right scheme, gets in: the refusal was about the header.
    assert client.get("/api/v1/scans", headers=account.headers).status_code == 200


def test_without_credentials_the_answer_is_401_even_for_an_invalid_body(client, make_account):
    """Authentication comes first: a caller who forgot the token is told so, not that the
    body it sent is incomplete."""
    make_account()

    response = client.post("/api/v1/scans", json={"scan_type": "bogus"})

    assert_unauthorized(response, "NOT_AUTHENTICATED")


# --- 403 ------------------------------------------------------------------------------------------


def test_a_viewer_may_not_create_a_scan(client, make_account):
    viewer = make_account(role="viewer")

    response = client.post("/api/v1/scans", json=VALID_SCAN, headers=viewer.headers)

    body = assert_envelope(response, 403, "PERMISSION_DENIED")
    assert "analyst" in body["detail"]
    listed = client.get("/api/v1/scans", headers=viewer.headers).get_json()
    assert listed["total"] == 0


def test_permission_is_checked_before_the_body_is_validated(client, make_account):
    viewer = make_account(role="viewer")

    response = client.post("/api/v1/scans", json={"target": ""}, headers=viewer.headers)

    assert_envelope(response, 403, "PERMISSION_DENIED")


# --- 404 and 405 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/nothing-here", "/api/v2/scans", "/nowhere"])
def test_an_unknown_route_is_not_found(client, make_account, path):
    account = make_account()

    assert_envelope(client.get(path), 404, "NOT_FOUND")
    assert_envelope(client.get(path, headers=account.headers), 404, "NOT_FOUND")


@pytest.mark.parametrize(
    "path", ["/api/v1/scans/scan_0000000000000000", "/api/v1/webhooks/wh_0000000000000000"]
)
def test_an_unknown_object_id_is_not_found(client, make_account, path):
    account = make_account()

    body = assert_envelope(client.get(path, headers=account.headers), 404, "NOT_FOUND")
    assert "not found" in body["detail"]


def test_a_wrong_method_is_405_and_keeps_the_allow_header(client, make_account):
    account = make_account()

    response = client.delete("/api/v1/scans", headers=account.headers)

    assert_envelope(response, 405, "METHOD_NOT_ALLOWED")
    allowed = {method.strip() for method in response.headers["Allow"].split(",")}
    assert {"GET", "POST"} <= allowed
    assert "DELETE" not in allowed


# --- 429 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/scans", "/api/v1/controls", "/api/v1/webhooks"])
def test_options_with_a_token_lists_the_methods(client, make_account, path):
    account = make_account(role="viewer")

    response = client.options(path, headers=account.headers)

    assert response.status_code == 200
    assert "GET" in response.headers["Allow"]


def test_exceeding_the_rate_limit_is_429_with_retry_after(client, make_account):
    account = make_account(plan="startup", hourly_limit=3)
    for _ in range(3):
        assert client.get("/api/v1/scans", headers=account.headers).status_code == 200

    response = client.get("/api/v1/scans", headers=account.headers)

    assert_envelope(response, 429, "RATE_LIMITED")
    retry_after = int(response.headers["Retry-After"])
    assert 0 < retry_after <= 3600
    assert response.headers["X-RateLimit-Remaining"] == "0"


# --- 413 ------------------------------------------------------------------------------------------


def test_a_body_over_the_configured_maximum_is_413(make_app, make_account):
    account = make_account(role="analyst")
    small = make_app(**{"api.max_content_length": 100}).test_client()

    accepted = small.post("/api/v1/scans", json={"target": "example.com"}, headers=account.headers)
    refused = small.post(
        "/api/v1/scans", json={"target": "a" * 60 + ".example.com", "scan_type": "full",
                               "frameworks": ["soc2", "pci-dss", "iso27001"]},
        headers=account.headers,
    )

    assert accepted.status_code == 201
    assert_envelope(refused, 413, "PAYLOAD_TOO_LARGE")


# --- 500 ------------------------------------------------------------------------------------------


@pytest.fixture
def failing_app(make_app):
    app = make_app()

    @public
    def explode():
        raise RuntimeError("database password is hunter2 (internal detail)")

    app.add_url_rule("/api/v1/test-explode", "test_explode", explode)
    return app


def test_an_uncaught_exception_is_500_with_a_request_id_and_no_traceback(failing_app):
    response = failing_app.test_client().get("/api/v1/test-explode")

    body = assert_envelope(response, 500, "INTERNAL_ERROR")
    assert body["request_id"]
    assert response.headers["X-Request-ID"] == body["request_id"]
    assert body["request_id"] in body["detail"]
    text = response.get_data(as_text=True)
    for leak in ("Traceback", "RuntimeError", "hunter2", "File \"", ".py"):
        assert leak not in text


def test_the_500_quotes_the_request_id_the_client_sent(failing_app):
    response = failing_app.test_client().get(
        "/api/v1/test-explode", headers={"X-Request-ID": "client-req-0001"}
    )

    body = assert_envelope(response, 500, "INTERNAL_ERROR")
    assert body["request_id"] == "client-req-0001"
    assert response.headers["X-Request-ID"] == "client-req-0001"


# --- 503 ------------------------------------------------------------------------------------------


def test_a_database_that_is_down_is_503_not_500(make_app):
    app = make_app(redis=False, database_url="postgresql://nobody@127.0.0.1:1/none")
    with app.app_context():
        # Well signed and unexpired: only the user lookup, in the database, can fail.
        token = create_access_token(
            identity="usr_0123456789abcdef", additional_claims={"org": "org_0123456789abcdef"}
        )

    response = app.test_client().get("/api/v1/scans", headers=_bearer(token))

    body = assert_envelope(response, 503, "SERVICE_UNAVAILABLE")
    assert "database" in body["detail"]
    assert body["request_id"] == response.headers["X-Request-ID"]
    assert "127.0.0.1" not in body["detail"]


def test_a_body_that_is_not_json_is_415(client, make_account):
    account = make_account(role="analyst")

    response = client.post(
        "/api/v1/scans",
        headers=account.headers,
        data="target=example.com",
        content_type="text/plain",
    )

    assert response.status_code == 415
    body = response.get_json()
    assert body["error_code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert "application/json" in body["detail"]
