"""Access tokens (POST /api/v1/auth/token, /me, /revoke) and API keys (/api/v1/api-keys)."""

from __future__ import annotations

import hashlib
import secrets
import statistics
import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from cyberorigen.appliance import appliance_of
from cyberorigen.db import database
from cyberorigen.db.models import ApiKey, RevokedToken, User
from cyberorigen.services.organizations import create_organization
from cyberorigen.services.users import create_user

TOKEN_URL = "/api/v1/auth/token"
PASSWORD = "correct horse battery staple"
TIMESTAMP = "%Y-%m-%dT%H:%M:%SZ"


def login(client, email: str, password: str = PASSWORD, address: str | None = None):
    environ = {"REMOTE_ADDR": address} if address else None
    return client.post(
        TOKEN_URL, data={"username": email, "password": password}, environ_overrides=environ
    )


def bearer(credential: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {credential}"}


def connect() -> None:
    database.connect(reuse_if_open=True)


def timestamp(moment: datetime) -> str:
    return moment.strftime(TIMESTAMP)


# --- the token endpoint --------------------------------------------------------------------


def test_token_response_has_the_documented_shape(client, make_account):
    account = make_account("analyst")

    response = login(client, account.email)

    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert body["access_token"].count(".") == 2


def test_token_claims(app, client, make_account):
    account = make_account("analyst")

    token = login(client, account.email).get_json()["access_token"]

    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["iss"] == "cyberorigen"
    assert claims["aud"] == "cyberorigen-api"
    assert claims["sub"] == account.user_id
    assert claims["org"] == account.org_id
    assert claims["role"] == "analyst"
    assert claims["jti"]
    assert claims["exp"] == claims["iat"] + 3600
    assert abs(claims["iat"] - time.time()) < 60
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    # and it is really signed with the instance secret
    jwt.decode(
        token,
        appliance_of(app).settings.secret_key,
        algorithms=["HS256"],
        audience="cyberorigen-api",
        issuer="cyberorigen",
    )


def test_every_token_has_its_own_jti(client, make_account):
    account = make_account("viewer")

    first = login(client, account.email).get_json()["access_token"]
    second = login(client, account.email).get_json()["access_token"]

    jtis = {jwt.decode(t, options={"verify_signature": False})["jti"] for t in (first, second)}
    assert len(jtis) == 2


def test_token_lifetime_setting_is_respected(make_app, make_account, unique_address):
    account = make_account("viewer")
    short = make_app(**{"auth.token_lifetime": 120}).test_client()

    response = login(short, account.email, address=unique_address())

    assert response.status_code == 200
    body = response.get_json()
    assert body["expires_in"] == 120
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 120
    me = short.get("/api/v1/auth/me", headers=bearer(body["access_token"])).get_json()
    expires = datetime.strptime(me["token_expires_at"], TIMESTAMP).replace(tzinfo=UTC)
    assert int(expires.timestamp()) == claims["exp"]


def test_unknown_email_and_wrong_password_get_the_same_answer(client, make_account, unique_address):
    account = make_account("viewer")

    unknown = login(client, "nobody-" + account.email, address=unique_address())
    wrong = login(client, account.email, "not the password at all", address=unique_address())

    assert unknown.status_code == wrong.status_code == 401
    assert unknown.get_json() == wrong.get_json()
    assert wrong.get_json()["error_code"] == "INVALID_CREDENTIALS"
    assert wrong.get_json()["field"] is None


def test_unknown_email_takes_as_long_as_a_wrong_password(client, make_account, unique_address):
    account = make_account("viewer")

    def timed(email: str, password: str) -> float:
        started = time.perf_counter()
        response = login(client, email, password, address=unique_address())
        elapsed = time.perf_counter() - started
        assert response.status_code == 401
        return elapsed

    login(client, account.email, "warm up the hasher", address=unique_address())
    unknown, wrong = [], []
    for attempt in range(5):
        unknown.append(timed(f"nobody-{attempt}@nowhere.example", "not the password"))
        wrong.append(timed(account.email, "not the password"))

    assert statistics.median(unknown) >= 0.5 * statistics.median(wrong)


def test_email_is_matched_case_insensitively(client, make_account):
    account = make_account("viewer")

    response = login(client, account.email.upper())

    assert response.status_code == 200


def test_inactive_user_cannot_log_in(client, make_account):
    account = make_account("viewer")
    connect()
    User.update(is_active=False).where(User.public_id == account.user_id).execute()

    response = login(client, account.email)

    assert response.status_code == 401
    assert response.get_json()["error_code"] == "INVALID_CREDENTIALS"
    assert "access_token" not in response.get_json()


def test_token_endpoint_needs_username_and_password(client):
    response = client.post(TOKEN_URL, data={"username": "someone@example.com"})

    assert response.status_code == 422
    assert response.get_json()["error_code"] == "VALIDATION_ERROR"
    assert response.get_json()["field"] == "password"


def test_token_endpoint_limits_attempts_per_client_address(client, make_account, unique_address):
    account = make_account("viewer")
    address = unique_address()

    answers = [
        login(client, account.email, "guessing the password", address=address).status_code
        for _ in range(10)
    ]
    limited = login(client, account.email, address=address)

    assert answers == [401] * 10
    assert limited.status_code == 429
    assert limited.get_json()["error_code"] == "RATE_LIMITED"
    assert 0 < int(limited.headers["Retry-After"]) <= 60
    # another address is not affected
    assert login(client, account.email, address=unique_address()).status_code == 200


# --- inspecting and revoking a token -------------------------------------------------------


def test_me_describes_the_caller(client, make_account):
    account = make_account("auditor", org="Globex", plan="startup")

    response = client.get("/api/v1/auth/me", headers=account.headers)

    assert response.status_code == 200
    body = response.get_json()
    assert body["id"] == account.user_id
    assert body["email"] == account.email
    assert body["role"] == "auditor"
    assert body["authenticated_by"] == "token"
    assert body["organization"] == {"id": account.org_id, "name": "Globex", "plan": "startup"}
    claims = jwt.decode(account.token, options={"verify_signature": False})
    assert body["token_expires_at"] == timestamp(datetime.fromtimestamp(claims["exp"], UTC))


def test_me_without_credentials_is_401(client):
    response = client.get("/api/v1/auth/me")

    assert response.status_code == 401
    assert response.get_json()["error_code"] == "NOT_AUTHENTICATED"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    ["Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer ", "Bearer co_unknown-key"],
)
def test_bad_credentials_are_401(client, header):
    response = client.get("/api/v1/auth/me", headers={"Authorization": header})

    assert response.status_code == 401
    assert response.get_json()["error_code"] in {"INVALID_TOKEN", "NOT_AUTHENTICATED"}


def test_token_signed_with_another_secret_is_refused(client, make_account):
    account = make_account("viewer")
    claims = jwt.decode(account.token, options={"verify_signature": False})
    forged = jwt.encode(claims, "another-secret-" + "y" * 32, algorithm="HS256")

    response = client.get("/api/v1/auth/me", headers=bearer(forged))

    assert response.status_code == 401
    assert response.get_json()["error_code"] == "INVALID_TOKEN"


def test_expired_token_is_refused(app, client, make_account):
    account = make_account("viewer")
    claims = jwt.decode(account.token, options={"verify_signature": False})
    claims.update(iat=claims["iat"] - 7200, nbf=claims["iat"] - 7200, exp=claims["iat"] - 3600)
    expired = jwt.encode(claims, appliance_of(app).settings.secret_key, algorithm="HS256")

    response = client.get("/api/v1/auth/me", headers=bearer(expired))

    assert response.status_code == 401
    assert response.get_json()["error_code"] == "TOKEN_EXPIRED"


def test_revoked_token_is_refused(client, make_account):
    account = make_account("analyst")
    other = login(client, account.email).get_json()["access_token"]

    revoked = client.post("/api/v1/auth/revoke", headers=account.headers)
    again = client.get("/api/v1/scans", headers=account.headers)

    assert revoked.status_code == 204
    assert again.status_code == 401
    assert again.get_json()["error_code"] == "TOKEN_REVOKED"
    # only that token: the user's other tokens still work
    assert client.get("/api/v1/scans", headers=bearer(other)).status_code == 200


def test_revocation_is_shared_by_every_process(make_app, make_account, redis_client):
    account = make_account("viewer")
    # two API processes of one deployment: same settings, same Redis
    prefix = f"cyberorigen-test-{secrets.token_hex(4)}"
    first = make_app(**{"ratelimit.key_prefix": prefix}).test_client()
    second = make_app(**{"ratelimit.key_prefix": prefix}).test_client()
    assert second.get("/api/v1/auth/me", headers=account.headers).status_code == 200

    assert first.post("/api/v1/auth/revoke", headers=account.headers).status_code == 204
    response = second.get("/api/v1/auth/me", headers=account.headers)

    assert response.status_code == 401
    assert response.get_json()["error_code"] == "TOKEN_REVOKED"
    # kept in Redis only until the token would have expired anyway
    jti = jwt.decode(account.token, options={"verify_signature": False})["jti"]
    ttl = redis_client.ttl(f"{prefix}:revoked-jti:{jti}")
    assert 0 < ttl <= 3600


def test_revocation_in_embedded_mode_lives_in_the_database(make_app, unique_address):
    first = make_app(redis=False).test_client()
    second = make_app(redis=False).test_client()
    connect()
    org = create_organization("Embedded Co", "startup")
    create_user(org.id, "solo@embedded.example", PASSWORD, "admin")
    token = login(first, "solo@embedded.example", address=unique_address()).get_json()[
        "access_token"
    ]

    assert first.post("/api/v1/auth/revoke", headers=bearer(token)).status_code == 204
    response = second.get("/api/v1/auth/me", headers=bearer(token))

    assert response.status_code == 401
    assert response.get_json()["error_code"] == "TOKEN_REVOKED"
    jti = jwt.decode(token, options={"verify_signature": False})["jti"]
    connect()
    assert RevokedToken.select().where(RevokedToken.jti == jti).exists()


def test_token_of_a_deleted_user_is_refused(client, make_account):
    admin = make_account("admin")
    gone = make_account("analyst")
    assert client.get("/api/v1/auth/me", headers=gone.headers).status_code == 200

    assert client.delete(f"/api/v1/users/{gone.user_id}", headers=admin.headers).status_code == 204
    response = client.get("/api/v1/auth/me", headers=gone.headers)

    assert response.status_code == 401
    assert response.get_json()["error_code"] == "INVALID_TOKEN"


def test_token_of_a_deactivated_user_is_refused(client, make_account):
    admin = make_account("admin")
    user = make_account("analyst")

    deactivated = client.patch(
        f"/api/v1/users/{user.user_id}", json={"is_active": False}, headers=admin.headers
    )
    response = client.get("/api/v1/scans", headers=user.headers)

    assert deactivated.status_code == 200
    assert response.status_code == 401
    assert response.get_json()["error_code"] == "INVALID_TOKEN"


def test_token_uses_the_users_current_role(client, make_account):
    admin = make_account("admin")
    user = make_account("analyst")
    client.patch(f"/api/v1/users/{user.user_id}", json={"role": "viewer"}, headers=admin.headers)

    response = client.post("/api/v1/scans", json={"target": "example.com"}, headers=user.headers)

    assert response.status_code == 403
    assert response.get_json()["error_code"] == "PERMISSION_DENIED"


# --- API keys ------------------------------------------------------------------------------


def create_key(client, account, **fields):
    return client.post("/api/v1/api-keys", json={"name": "ci", **fields}, headers=account.headers)


def test_api_key_is_shown_once(client, make_account):
    account = make_account("analyst")

    created = create_key(client, account, name="deploy pipeline")

    assert created.status_code == 201
    body = created.get_json()
    key = body["key"]
    assert key.startswith("co_")
    assert len(key) >= 40
    assert body["id"].startswith("key_")
    assert body["name"] == "deploy pipeline"
    assert body["role"] == "analyst"
    assert body["owner"] == account.email
    assert key.startswith(body["prefix"])
    assert body["prefix"] != key
    assert body["last_used_at"] is None
    assert body["expires_at"] is None
    listed = client.get("/api/v1/api-keys", headers=account.headers)
    detail = client.get(f"/api/v1/api-keys/{body['id']}", headers=account.headers)
    assert listed.status_code == detail.status_code == 200
    assert [item["id"] for item in listed.get_json()["items"]] == [body["id"]]
    assert "key" not in listed.get_json()["items"][0]
    assert "key" not in detail.get_json()
    assert key not in listed.get_data(as_text=True)
    assert key not in detail.get_data(as_text=True)


def test_api_key_authenticates_as_bearer_and_records_its_use(client, make_account):
    account = make_account("analyst")
    created = create_key(client, account).get_json()

    me = client.get("/api/v1/auth/me", headers=bearer(created["key"]))
    scan = client.post(
        "/api/v1/scans", json={"target": "example.com"}, headers=bearer(created["key"])
    )

    assert me.status_code == 200
    assert me.get_json()["id"] == account.user_id
    assert me.get_json()["authenticated_by"] == "api_key"
    assert me.get_json()["role"] == "analyst"
    assert scan.status_code == 201
    detail = client.get(f"/api/v1/api-keys/{created['id']}", headers=account.headers).get_json()
    assert detail["last_used_at"] is not None
    used = datetime.strptime(detail["last_used_at"], TIMESTAMP).replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - used) < timedelta(minutes=1)


def test_api_key_cannot_revoke_itself_through_the_token_endpoint(client, make_account):
    account = make_account("analyst")
    key = create_key(client, account).get_json()["key"]

    response = client.post("/api/v1/auth/revoke", headers=bearer(key))

    assert response.status_code == 400
    assert client.get("/api/v1/auth/me", headers=bearer(key)).status_code == 200


def test_deleted_api_key_is_refused_at_once(client, make_account):
    account = make_account("analyst")
    created = create_key(client, account).get_json()
    assert client.get("/api/v1/scans", headers=bearer(created["key"])).status_code == 200

    deleted = client.delete(f"/api/v1/api-keys/{created['id']}", headers=account.headers)
    response = client.get("/api/v1/scans", headers=bearer(created["key"]))

    assert deleted.status_code == 204
    assert response.status_code == 401
    assert response.get_json()["error_code"] == "INVALID_TOKEN"
    gone = client.get(f"/api/v1/api-keys/{created['id']}", headers=account.headers)
    assert gone.status_code == 404


def test_api_key_expiry_in_the_past_is_refused(client, make_account):
    account = make_account("analyst")
    yesterday = datetime.now(UTC) - timedelta(days=1)

    response = create_key(client, account, expires_at=timestamp(yesterday))

    assert response.status_code == 422
    assert response.get_json()["error_code"] == "VALIDATION_ERROR"
    assert response.get_json()["field"] == "expires_at"
    assert client.get("/api/v1/api-keys", headers=account.headers).get_json()["total"] == 0


def test_expired_api_key_is_refused(client, make_account):
    account = make_account("analyst")
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    created = create_key(client, account, expires_at=timestamp(tomorrow))
    assert created.status_code == 201
    assert created.get_json()["expires_at"] == timestamp(tomorrow)
    key = created.get_json()["key"]
    assert client.get("/api/v1/scans", headers=bearer(key)).status_code == 200

    connect()
    past = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=5)
    ApiKey.update(expires_at=past).where(ApiKey.public_id == created.get_json()["id"]).execute()
    response = client.get("/api/v1/scans", headers=bearer(key))

    assert response.status_code == 401
    assert response.get_json()["error_code"] == "INVALID_TOKEN"


def test_api_key_role_cannot_exceed_its_creators(client, make_account):
    account = make_account("analyst")

    response = create_key(client, account, role="admin")

    assert response.status_code == 403
    assert response.get_json()["error_code"] == "PERMISSION_DENIED"
    assert response.get_json()["field"] == "role"


def test_viewer_key_of_an_admin_is_only_a_viewer(client, make_account):
    admin = make_account("admin")
    created = create_key(client, admin, role="viewer")
    assert created.status_code == 201
    key = created.get_json()["key"]

    read = client.get("/api/v1/scans", headers=bearer(key))
    write = client.post("/api/v1/scans", json={"target": "example.com"}, headers=bearer(key))
    manage = client.get("/api/v1/users", headers=bearer(key))

    assert read.status_code == 200
    assert write.status_code == 403
    assert write.get_json()["error_code"] == "PERMISSION_DENIED"
    assert manage.status_code == 403


def test_api_key_never_exceeds_its_owners_current_role(client, make_account):
    admin = make_account("admin")
    owner = make_account("analyst")
    key = create_key(client, owner).get_json()["key"]
    client.patch(f"/api/v1/users/{owner.user_id}", json={"role": "viewer"}, headers=admin.headers)

    response = client.post("/api/v1/scans", json={"target": "example.com"}, headers=bearer(key))

    assert response.status_code == 403
    assert response.get_json()["error_code"] == "PERMISSION_DENIED"


def test_api_key_of_a_deactivated_user_is_refused(client, make_account):
    admin = make_account("admin")
    owner = make_account("analyst")
    key = create_key(client, owner).get_json()["key"]

    client.patch(f"/api/v1/users/{owner.user_id}", json={"is_active": False}, headers=admin.headers)
    response = client.get("/api/v1/scans", headers=bearer(key))

    assert response.status_code == 401


def test_api_keys_are_stored_hashed(client, make_account):
    account = make_account("analyst")
    created = create_key(client, account).get_json()
    key = created["key"]

    connect()
    row = ApiKey.get(ApiKey.public_id == created["id"])

    assert row.key_hash != key
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    for column, value in row.__data__.items():
        assert key not in str(value), column
    assert row.prefix == key[: len(row.prefix)]
    assert len(row.prefix) < len(key) // 2


def test_only_admins_see_other_users_keys(client, make_account):
    admin = make_account("admin")
    analyst = make_account("analyst")
    admins_key = create_key(client, admin, name="admin key").get_json()
    analysts_key = create_key(client, analyst, name="analyst key").get_json()

    seen_by_admin = client.get("/api/v1/api-keys", headers=admin.headers).get_json()
    seen_by_analyst = client.get("/api/v1/api-keys", headers=analyst.headers).get_json()
    peek = client.get(f"/api/v1/api-keys/{admins_key['id']}", headers=analyst.headers)
    revoke = client.delete(f"/api/v1/api-keys/{admins_key['id']}", headers=analyst.headers)

    assert {item["id"] for item in seen_by_admin["items"]} == {
        admins_key["id"],
        analysts_key["id"],
    }
    assert [item["id"] for item in seen_by_analyst["items"]] == [analysts_key["id"]]
    assert peek.status_code == revoke.status_code == 404
    assert client.get("/api/v1/auth/me", headers=bearer(admins_key["key"])).status_code == 200
