"""Credentials and roles (issue 11): what a credential may do is its own role's, and tokens
this API did not issue, or that a user's password change outdated, are refused."""

from __future__ import annotations

import secrets

import jwt
import pytest

from cyberorigen.appliance import appliance_of

ME = "/api/v1/auth/me"


def bearer(credential: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {credential}"}


def mint_key(client, credential: str, **fields):
    return client.post("/api/v1/api-keys", json={"name": "x", **fields}, headers=bearer(credential))


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert body["error_code"] == code
    assert set(body) >= {"detail", "error_code"}
    return body


# --- 1. an API key mints keys of at most its own role --------------------------------------


@pytest.mark.parametrize("key_role", ["viewer", "auditor", "analyst"])
def test_a_limited_key_of_an_admin_cannot_mint_an_admin_key(client, make_account, key_role):
    admin = make_account("admin")
    limited = mint_key(client, admin.token, role=key_role).get_json()["key"]

    asked_admin = mint_key(client, limited, role="admin")
    defaulted = mint_key(client, limited)

    body = assert_error(asked_admin, 403, "PERMISSION_DENIED")
    assert body["field"] == "role"
    assert key_role in body["detail"]
    assert defaulted.status_code == 201
    assert defaulted.get_json()["role"] == key_role
    minted = defaulted.get_json()["key"]
    assert client.get(ME, headers=bearer(minted)).get_json()["role"] == key_role
    made_admin = client.post(
        "/api/v1/users",
        json={"email": "new-admin@acme.example", "password": "x" * 16, "role": "admin"},
        headers=bearer(minted),
    )
    assert_error(made_admin, 403, "PERMISSION_DENIED")


def test_a_key_may_mint_keys_up_to_its_own_role(client, make_account):
    admin = make_account("admin")
    analyst_key = mint_key(client, admin.token, role="analyst").get_json()["key"]

    lower = mint_key(client, analyst_key, role="viewer")
    same = mint_key(client, analyst_key, role="analyst")

    assert (lower.status_code, lower.get_json()["role"]) == (201, "viewer")
    assert (same.status_code, same.get_json()["role"]) == (201, "analyst")


def test_a_key_of_a_demoted_owner_mints_at_most_the_owners_role(client, make_account):
    admin = make_account("admin")
    owner = make_account("analyst")
    key = mint_key(client, owner.token).get_json()["key"]
    client.patch(f"/api/v1/users/{owner.user_id}", json={"role": "viewer"}, headers=admin.headers)

    assert_error(mint_key(client, key, role="analyst"), 403, "PERMISSION_DENIED")
    assert mint_key(client, key).get_json()["role"] == "viewer"


# --- 2. tokens the API did not issue --------------------------------------------------------


def _resigned(app, token: str, drop: tuple[str, ...] = (), **changes) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    for name in drop:
        claims.pop(name)
    claims.update(changes)
    return jwt.encode(claims, appliance_of(app).settings.secret_key, algorithm="HS256")


@pytest.mark.parametrize(
    "drop, changes",
    [
        (("exp",), {}),
        (("jti",), {}),
        (("exp", "jti"), {}),
        (("org",), {}),
        ((), {"jti": 12345}),
        ((), {"jti": None}),
        ((), {"org": ["a"]}),
        (("sub",), {}),
        ((), {"sub": 7}),
    ],
    ids=[
        "no-exp",
        "no-jti",
        "neither",
        "no-org",
        "int-jti",
        "null-jti",
        "list-org",
        "no-sub",
        "int-sub",
    ],
)
def test_a_signed_token_missing_a_claim_is_401_not_500(app, client, make_account, drop, changes):
    account = make_account("viewer")
    token = _resigned(app, account.token, drop, **changes)

    body = assert_error(client.get(ME, headers=bearer(token)), 401, "INVALID_TOKEN")
    assert body["detail"] == "The access token is not valid."


@pytest.mark.parametrize(
    "token",
    [
        "eyJhbGciOiJIUzI1NiJ9.t7e.x",  # a payload that is not UTF-8 once decoded
        "a.b.c",
        "not-a-token",
        "eyJhbGciOiJIUzI1NiJ9.e30",
    ],
)
def test_a_malformed_token_gets_a_fixed_message(client, token):
    body = assert_error(client.get(ME, headers=bearer(token)), 401, "INVALID_TOKEN")

    assert body["detail"] == "The access token is not valid."


# --- 6b. a webhook URL that is a credential is write-only -----------------------------------

SLACK_URL = "https://127.0.0.1:9/services/T0123/B4567/slack-credential-part"


@pytest.fixture
def webhook_client(make_app, unique_address):
    """A client of an appliance whose webhook receivers may be on loopback."""
    client = make_app(**{"webhooks.allowed_networks": "127.0.0.0/8"}).test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    return client


def test_a_slack_webhook_url_is_shown_to_no_role(webhook_client, make_account):
    analyst, viewer, admin = make_account("analyst"), make_account("viewer"), make_account("admin")
    created = webhook_client.post(
        "/api/v1/webhooks",
        json={"transport": "slack", "url": SLACK_URL, "events": ["scan.completed"]},
        headers=analyst.headers,
    )
    assert created.status_code == 201, created.get_json()
    webhook_id = created.get_json()["id"]
    changed = webhook_client.patch(
        f"/api/v1/webhooks/{webhook_id}", json={"events": ["*"]}, headers=analyst.headers
    )

    answers = [created, changed]
    for account in (viewer, analyst, admin):
        answers.append(
            webhook_client.get(f"/api/v1/webhooks/{webhook_id}", headers=account.headers)
        )
        answers.append(webhook_client.get("/api/v1/webhooks", headers=account.headers))
    for answer in answers:
        assert answer.status_code == 200 or answer is created
        assert "slack-credential-part" not in answer.get_data(as_text=True)
        assert "T0123" not in answer.get_data(as_text=True)
    assert answers[2].get_json()["url"] == "https://127.0.0.1:9/***"


def test_a_password_in_an_http_webhook_url_is_masked(webhook_client, make_account):
    analyst, viewer = make_account("analyst"), make_account("viewer")
    created = webhook_client.post(
        "/api/v1/webhooks",
        json={"url": "https://bot:hunter2-secret@127.0.0.1:9/hook", "events": ["scan.completed"]},
        headers=analyst.headers,
    )
    assert created.status_code == 201, created.get_json()

    shown = webhook_client.get(
        f"/api/v1/webhooks/{created.get_json()['id']}", headers=viewer.headers
    )

    assert shown.get_json()["url"] == "https://bot:***@127.0.0.1:9/hook"
    assert "hunter2" not in created.get_data(as_text=True)


# --- 6c. a conflict says nothing about another tenant -------------------------------------


def test_a_taken_e_mail_is_refused_alike_in_any_tenant(client, make_account):
    admin = make_account("admin")
    colleague = make_account("viewer")
    stranger = make_account("viewer", org="Globex")

    def create(email: str):
        return client.post(
            "/api/v1/users",
            json={"email": email, "password": "a long enough password"},
            headers=admin.headers,
        )

    own, other = create(colleague.email), create(stranger.email.upper())

    bodies = [assert_error(own, 409, "CONFLICT"), assert_error(other, 409, "CONFLICT")]
    assert bodies[0] == bodies[1]
    for body in bodies:
        assert body["field"] == "email"
        for revealing in (stranger.email, colleague.email, "Globex", "exists"):
            assert revealing.lower() not in body["detail"].lower()


def test_a_taken_organization_name_is_refused_without_naming_it(client, make_account):
    acme = make_account("admin")
    make_account("admin", org="Globex Secret Projects")

    renamed = client.patch(
        "/api/v1/organizations/current",
        json={"name": "Globex Secret Projects"},
        headers=acme.headers,
    )

    body = assert_error(renamed, 409, "CONFLICT")
    assert body["field"] == "name"
    assert "globex" not in body["detail"].lower() and "exists" not in body["detail"]


# --- 6a. a change to a user is seen at once, by every process --------------------------------


@pytest.fixture
def two_processes(make_app, unique_address):
    """Two API applications as two processes of one appliance: one database, one Redis (same
    key prefix), each with its own identity cache, kept far longer than any test lasts."""
    shared = {"ratelimit.key_prefix": f"cyberorigen-test-{secrets.token_hex(4)}"}
    clients = []
    for _ in range(2):
        client = make_app(**shared, **{"auth.identity_cache_seconds": 3600}).test_client()
        client.environ_base["REMOTE_ADDR"] = unique_address()
        clients.append(client)
    return clients


def test_a_demotion_made_in_one_process_applies_at_once_in_another(two_processes, make_account):
    first, second = two_processes
    admin, analyst = make_account("admin"), make_account("analyst")
    assert second.get(ME, headers=analyst.headers).get_json()["role"] == "analyst"  # cached

    demoted = first.patch(
        f"/api/v1/users/{analyst.user_id}", json={"role": "viewer"}, headers=admin.headers
    )

    assert demoted.status_code == 200
    assert second.get(ME, headers=analyst.headers).get_json()["role"] == "viewer"
    refused = second.post("/api/v1/scans", json={"target": "example.com"}, headers=analyst.headers)
    assert_error(refused, 403, "PERMISSION_DENIED")


def test_a_user_deleted_in_one_process_is_refused_at_once_in_another(two_processes, make_account):
    first, second = two_processes
    admin, analyst = make_account("admin"), make_account("analyst")
    assert second.get(ME, headers=analyst.headers).status_code == 200  # cached

    assert (
        first.delete(f"/api/v1/users/{analyst.user_id}", headers=admin.headers).status_code == 204
    )

    assert_error(second.get(ME, headers=analyst.headers), 401, "INVALID_TOKEN")


def test_a_plan_change_in_one_process_applies_at_once_in_another(two_processes, make_account):
    first, second = two_processes
    admin = make_account("admin")
    assert second.get(ME, headers=admin.headers).get_json()["organization"]["plan"] != "startup"

    changed = first.patch(
        "/api/v1/organizations/current", json={"plan": "startup"}, headers=admin.headers
    )

    assert changed.status_code == 200
    assert second.get(ME, headers=admin.headers).get_json()["organization"]["plan"] == "startup"


def test_changing_a_password_refuses_the_tokens_issued_before(two_processes, make_account):
    first, second = two_processes
    admin, analyst = make_account("admin"), make_account("analyst")
    for client in two_processes:
        assert client.get(ME, headers=analyst.headers).status_code == 200  # cached in both

    changed = first.patch(
        f"/api/v1/users/{analyst.user_id}",
        json={"password": "a brand new long password"},
        headers=admin.headers,
    )

    assert changed.status_code == 200
    for client in two_processes:
        body = assert_error(client.get(ME, headers=analyst.headers), 401, "INVALID_TOKEN")
        assert "password" in body["detail"]
    fresh = second.post(
        "/api/v1/auth/token",
        data={"username": analyst.email, "password": "a brand new long password"},
    )
    token = fresh.get_json()["access_token"]
    assert first.get(ME, headers=bearer(token)).status_code == 200
    # The admin's own token, and the analyst's API keys, are other credentials: they stay.
    assert first.get(ME, headers=admin.headers).status_code == 200


def test_in_embedded_mode_a_password_change_refuses_older_tokens(make_app, make_account):
    client = make_app(redis=False, **{"auth.identity_cache_seconds": 3600}).test_client()
    admin, analyst = make_account("admin"), make_account("analyst")
    assert client.get(ME, headers=analyst.headers).status_code == 200

    client.patch(
        f"/api/v1/users/{analyst.user_id}",
        json={"password": "a brand new long password"},
        headers=admin.headers,
    )

    assert_error(client.get(ME, headers=analyst.headers), 401, "INVALID_TOKEN")


# --- 6d. failed logins are limited per account, across addresses ----------------------------

TOKEN = "/api/v1/auth/token"
ACCOUNT_LIMIT = {"auth.account_failure_limit": "5/hour"}


def login(client, email: str, password: str, address: str):
    return client.post(
        TOKEN,
        data={"username": email, "password": password},
        environ_overrides={"REMOTE_ADDR": address},
    )


@pytest.fixture
def login_processes(make_app):
    """Two API processes of one appliance (one Redis, one key prefix), the account limit low."""
    shared = {"ratelimit.key_prefix": f"cyberorigen-test-{secrets.token_hex(4)}", **ACCOUNT_LIMIT}
    return [make_app(**shared).test_client() for _ in range(2)]


def spend_account_limit(clients, email: str, addresses) -> None:
    """Five wrong passwords for ``email``, spread over the addresses and processes."""
    for attempt in range(5):
        client = clients[attempt % len(clients)]
        address = addresses[attempt % len(addresses)]
        assert login(client, email, "a wrong password!", address).status_code == 401


def test_failed_logins_from_many_addresses_are_limited_per_account(
    login_processes, make_account, unique_address
):
    owner, other = make_account("admin"), make_account("viewer")
    attackers = [unique_address() for _ in range(3)]
    spend_account_limit(login_processes, owner.email, attackers)

    fresh = unique_address()
    right = login(login_processes[1], owner.email, owner.password, fresh)
    wrong = login(login_processes[0], owner.email, "another wrong one", attackers[0])

    for refused in (right, wrong):
        body = assert_error(refused, 429, "RATE_LIMITED")
        assert "access_token" not in body
        assert int(refused.headers["Retry-After"]) > 0
    assert login(login_processes[0], other.email, other.password, fresh).status_code == 200
    assert login(login_processes[1], other.email, "wrong again!!", fresh).status_code == 401


def test_an_address_that_logged_in_before_is_not_locked_out(
    login_processes, make_account, unique_address
):
    owner = make_account("admin")
    home = unique_address()
    assert login(login_processes[0], owner.email, owner.password, home).status_code == 200
    spend_account_limit(login_processes, owner.email, [unique_address() for _ in range(3)])

    assert login(login_processes[1], owner.email, owner.password, home).status_code == 200
    assert login(login_processes[1], owner.email, "a typo password", home).status_code == 401
    assert login(login_processes[0], owner.email, owner.password, home).status_code == 200
    stranger = login(login_processes[0], owner.email, owner.password, unique_address())
    assert_error(stranger, 429, "RATE_LIMITED")


def test_the_account_limit_does_not_tell_which_accounts_exist(
    login_processes, make_account, unique_address
):
    owner = make_account("admin")
    nobody = "nobody-here@acme.example"
    spend_account_limit(login_processes, owner.email, [unique_address()])
    spend_account_limit(login_processes, nobody, [unique_address()])

    address = unique_address()
    existing = login(login_processes[0], owner.email, "x" * 12, address)
    missing = login(login_processes[0], nobody, "x" * 12, address)

    assert existing.get_json() == missing.get_json()
    assert existing.status_code == missing.status_code == 429


def test_in_embedded_mode_the_account_limit_holds_too(make_app, make_account, unique_address):
    client = make_app(redis=False, **ACCOUNT_LIMIT).test_client()
    owner = make_account("admin")
    spend_account_limit([client], owner.email, [unique_address() for _ in range(5)])

    assert_error(login(client, owner.email, owner.password, unique_address()), 429, "RATE_LIMITED")


def test_without_an_account_limit_only_the_address_limit_applies(
    make_app, make_account, unique_address
):
    client = make_app(**{"auth.account_failure_limit": ""}).test_client()
    owner = make_account("admin")
    spend_account_limit([client], owner.email, [unique_address() for _ in range(5)])

    assert login(client, owner.email, owner.password, unique_address()).status_code == 200


def test_by_default_three_addresses_get_twenty_guesses_not_thirty(
    client, make_account, unique_address
):
    owner = make_account("admin")
    addresses = [unique_address() for _ in range(3)]

    answers = [
        login(client, owner.email, f"guess number {attempt:02}", addresses[attempt % 3]).status_code
        for attempt in range(30)
    ]

    assert answers == [401] * 20 + [429] * 10
