"""Rate limits per organization plan, counted in Redis across every API process."""

from __future__ import annotations

import secrets
import time

import pytest
import requests

from cyberorigen.db import database
from cyberorigen.services.organizations import create_organization
from cyberorigen.services.users import create_user

LIMIT = "X-RateLimit-Limit"
REMAINING = "X-RateLimit-Remaining"
RESET = "X-RateLimit-Reset"
RATE_HEADERS = (LIMIT, REMAINING, RESET)
PASSWORD = "correct horse battery staple"


def assert_rate_limited(response, limit: int) -> None:
    assert response.status_code == 429, response.get_json()
    body = response.get_json()
    assert body["error_code"] == "RATE_LIMITED"
    assert body["field"] is None
    assert response.headers[LIMIT] == str(limit)
    assert response.headers[REMAINING] == "0"
    retry_after = int(response.headers["Retry-After"])
    assert 0 < retry_after <= 3600
    assert_reset_within_the_hour(response)


def assert_reset_within_the_hour(response) -> None:
    reset = int(response.headers[RESET])
    now = time.time()
    assert now - 1 <= reset <= now + 3600 + 1


def use_up(client, headers, limit: int, path: str = "/api/v1/scans") -> None:
    """Spend ``limit`` requests, checking the countdown; the next one is over the limit."""
    for expected_remaining in range(limit - 1, -1, -1):
        response = client.get(path, headers=headers)
        assert response.status_code == 200, response.get_json()
        assert response.headers[LIMIT] == str(limit)
        assert response.headers[REMAINING] == str(expected_remaining)


# --- plans ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "hourly", "daily"), [("startup", 100, 1000), ("professional", 500, 5000)]
)
def test_plan_limits_come_from_plans_toml(client, make_account, plan, hourly, daily):
    account = make_account("viewer", plan=plan)

    first = client.get("/api/v1/scans", headers=account.headers)
    second = client.get("/api/v1/organizations/current", headers=account.headers)

    assert first.status_code == 200
    assert first.headers[LIMIT] == str(hourly)
    assert first.headers[REMAINING] == str(hourly - 1)
    assert_reset_within_the_hour(first)
    assert second.headers[REMAINING] == str(hourly - 2)
    assert second.get_json()["plan"] == plan
    assert second.get_json()["rate_limits"] == {"hourly": hourly, "daily": daily}
    assert "Retry-After" not in first.headers


def test_custom_hourly_limit_of_the_organization(client, make_account):
    account = make_account("viewer", plan="professional", hourly_limit=5)

    use_up(client, account.headers, 5)
    over = client.get("/api/v1/scans", headers=account.headers)

    assert_rate_limited(over, 5)
    assert "Rate limit exceeded" in over.get_json()["detail"]
    # it stays refused, whatever the endpoint
    assert_rate_limited(client.get("/api/v1/controls", headers=account.headers), 5)


def test_admin_sets_a_custom_limit_through_the_api(client, make_account):
    admin = make_account("admin", plan="professional")

    patched = client.patch(
        "/api/v1/organizations/current", json={"hourly_limit": 5}, headers=admin.headers
    )
    assert patched.status_code == 200
    assert patched.get_json()["hourly_limit"] == 5
    assert patched.get_json()["rate_limits"] == {"hourly": 5, "daily": 5000}
    responses = [client.get("/api/v1/scans", headers=admin.headers) for _ in range(6)]

    assert responses[0].headers[LIMIT] == "5"
    remaining = [int(r.headers[REMAINING]) for r in responses]
    assert remaining == sorted(remaining, reverse=True)
    first_refused = next(i for i, r in enumerate(responses) if r.status_code == 429)
    assert all(r.status_code == 200 for r in responses[:first_refused])
    assert responses[first_refused - 1].headers[REMAINING] == "0"
    assert_rate_limited(responses[-1], 5)


def test_null_restores_the_plans_limit(client, make_account):
    admin = make_account("admin", plan="startup", hourly_limit=3)
    assert client.get("/api/v1/scans", headers=admin.headers).headers[LIMIT] == "3"

    patched = client.patch(
        "/api/v1/organizations/current", json={"hourly_limit": None}, headers=admin.headers
    )
    after = client.get("/api/v1/scans", headers=admin.headers)

    assert patched.get_json()["rate_limits"] == {"hourly": 100, "daily": 1000}
    assert after.headers[LIMIT] == "100"


@pytest.mark.parametrize("value", [0, -5, "many"])
def test_custom_limit_must_be_a_positive_integer(client, make_account, value):
    admin = make_account("admin")

    response = client.patch(
        "/api/v1/organizations/current", json={"hourly_limit": value}, headers=admin.headers
    )

    assert response.status_code == 422
    assert response.get_json()["field"] == "hourly_limit"


def test_custom_daily_limit_applies_too(client, make_account):
    account = make_account("viewer", plan="startup", daily_limit=3)

    answers = [client.get("/api/v1/scans", headers=account.headers) for _ in range(4)]

    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert answers[-1].get_json()["error_code"] == "RATE_LIMITED"
    assert int(answers[-1].headers["Retry-After"]) > 0


def test_headers_never_promise_more_than_the_tightest_limit_allows(client, make_account):
    """A client that trusts X-RateLimit-Remaining must not meet a 429 it was not warned of:
    with 3 requests left today and 100 this hour, 3 remain."""
    account = make_account("viewer", plan="startup", daily_limit=3)

    answers = [client.get("/api/v1/scans", headers=account.headers) for _ in range(4)]

    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert [r.headers[REMAINING] for r in answers] == ["2", "1", "0", "0"]
    assert {r.headers[LIMIT] for r in answers} == {"3"}


def test_limits_count_per_organization(client, make_account):
    first = make_account("admin", org="Acme", hourly_limit=4)
    second = make_account("viewer", org="Acme")
    other = make_account("viewer", org="Globex", hourly_limit=4)

    answers = [
        client.get("/api/v1/scans", headers=user.headers)
        for user in (first, second, first, second, first, second)
    ]
    elsewhere = client.get("/api/v1/scans", headers=other.headers)

    assert [r.status_code for r in answers] == [200, 200, 200, 200, 429, 429]
    assert [r.headers[REMAINING] for r in answers[:4]] == ["3", "2", "1", "0"]
    assert elsewhere.status_code == 200
    assert elsewhere.headers[REMAINING] == "3"


def test_api_keys_count_against_their_organization(client, make_account):
    account = make_account("analyst", hourly_limit=3)
    created = client.post("/api/v1/api-keys", json={"name": "ci"}, headers=account.headers)
    key_headers = {"Authorization": f"Bearer {created.get_json()['key']}"}

    answers = [client.get("/api/v1/scans", headers=h) for h in (key_headers, account.headers)]

    assert created.headers[REMAINING] == "2"
    assert [r.headers[REMAINING] for r in answers] == ["1", "0"]
    assert client.get("/api/v1/scans", headers=key_headers).status_code == 429


def test_rate_limit_headers_on_client_errors(client, make_account):
    account = make_account("viewer", hourly_limit=10)

    missing = client.get("/api/v1/scans/scan_0000000000000000", headers=account.headers)
    denied = client.post("/api/v1/scans", json={"target": "example.com"}, headers=account.headers)
    invalid = client.get("/api/v1/scans?per_page=1000", headers=account.headers)

    assert missing.status_code == 404
    assert denied.status_code == 403
    assert invalid.status_code == 422
    for response, remaining in ((missing, 9), (denied, 8), (invalid, 7)):
        assert response.headers[LIMIT] == "10"
        assert response.headers[REMAINING] == str(remaining)
        assert_reset_within_the_hour(response)
        assert "Retry-After" not in response.headers


def test_anonymous_requests_count_per_address_against_the_smallest_plan(client, unique_address):
    address = unique_address()

    first = client.get("/api/v1/scans", environ_overrides={"REMOTE_ADDR": address})
    second = client.get("/api/v1/scans", environ_overrides={"REMOTE_ADDR": address})
    elsewhere = client.get("/api/v1/scans", environ_overrides={"REMOTE_ADDR": unique_address()})

    assert first.status_code == 401
    assert first.headers[LIMIT] == "100"
    assert [first.headers[REMAINING], second.headers[REMAINING]] == ["99", "98"]
    assert elsewhere.headers[REMAINING] == "99"


def test_health_and_docs_are_never_limited(client, make_account):
    account = make_account("viewer", hourly_limit=2)
    use_up(client, account.headers, 2)
    assert client.get("/api/v1/scans", headers=account.headers).status_code == 429

    for _ in range(3):
        for path in ("/api/health", "/docs"):
            for headers in (account.headers, {}):
                response = client.get(path, headers=headers)
                assert response.status_code == 200, path
                for name in RATE_HEADERS + ("Retry-After",):
                    assert name not in response.headers, (path, name)


def test_enterprise_without_custom_limits_is_unlimited(client, make_account):
    account = make_account("viewer", plan="enterprise")

    answers = [client.get("/api/v1/scans", headers=account.headers) for _ in range(25)]
    org = client.get("/api/v1/organizations/current", headers=account.headers).get_json()

    assert {r.status_code for r in answers} == {200}
    for response in answers:
        for name in RATE_HEADERS:
            assert name not in response.headers
    assert org["rate_limits"] == {"hourly": None, "daily": None}


def test_enterprise_with_a_custom_limit_is_limited(client, make_account):
    account = make_account("viewer", plan="enterprise", hourly_limit=3)

    use_up(client, account.headers, 3)

    assert_rate_limited(client.get("/api/v1/scans", headers=account.headers), 3)


def test_limits_are_counted_in_redis(client, make_account, redis_client):
    account = make_account("viewer", hourly_limit=7)

    client.get("/api/v1/scans", headers=account.headers)
    client.get("/api/v1/scans", headers=account.headers)

    counters = {
        key: int(redis_client.get(key)) for key in redis_client.scan_iter(f"*{account.org_id}*")
    }
    assert counters  # shared storage, not the process's memory
    assert set(counters.values()) == {2}  # one counter per limit (hourly, daily)
    assert all(0 < redis_client.ttl(key) <= 86400 for key in counters)


# --- processes -----------------------------------------------------------------------------


def test_two_processes_share_one_limit(make_account, serve_process):
    account = make_account("viewer", hourly_limit=6)
    servers = [serve_process(), serve_process()]
    assert servers[0] != servers[1]

    answers = []
    with requests.Session() as session:
        for number in range(8):
            base = servers[number % 2]
            answers.append(session.get(f"{base}/api/v1/scans", headers=account.headers, timeout=10))

    assert [r.status_code for r in answers[:6]] == [200] * 6
    assert [r.headers[REMAINING] for r in answers[:6]] == ["5", "4", "3", "2", "1", "0"]
    for refused in answers[6:]:
        assert refused.status_code == 429
        assert refused.json()["error_code"] == "RATE_LIMITED"
        assert refused.headers[REMAINING] == "0"
        assert int(refused.headers["Retry-After"]) > 0


def test_embedded_mode_limits_in_memory(make_app, redis_client, unique_address):
    embedded = make_app(redis=False)
    database.connect(reuse_if_open=True)
    org = create_organization("Embedded Co", "startup")
    org.hourly_limit = 3
    org.save()
    create_user(org.id, "solo@embedded.example", PASSWORD, "admin")
    client = embedded.test_client()
    token = client.post(
        "/api/v1/auth/token",
        data={"username": "solo@embedded.example", "password": PASSWORD},
        environ_overrides={"REMOTE_ADDR": unique_address()},
    ).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}

    use_up(client, headers, 3)
    over = client.get("/api/v1/scans", headers=headers)

    assert_rate_limited(over, 3)
    assert not list(redis_client.scan_iter(f"*{org.public_id}*"))


# --- one process, several applications -----------------------------------------------------


def test_each_application_counts_under_its_own_key_prefix(make_app, make_account):
    """Two deployments sharing one Redis are kept apart by ``ratelimit.key_prefix``."""
    account = make_account("viewer", hourly_limit=2)
    first = make_app(**{"ratelimit.key_prefix": f"deploy-a-{secrets.token_hex(4)}"})
    second = make_app(**{"ratelimit.key_prefix": f"deploy-b-{secrets.token_hex(4)}"})
    first_client, second_client = first.test_client(), second.test_client()

    use_up(first_client, account.headers, 2)
    assert first_client.get("/api/v1/scans", headers=account.headers).status_code == 429
    other_deployment = second_client.get("/api/v1/scans", headers=account.headers)

    assert other_deployment.status_code == 200
    assert other_deployment.headers[REMAINING] == "1"


def test_an_application_keeps_its_redis_counters_when_another_is_created(
    make_app, make_account, redis_client
):
    account = make_account("viewer", hourly_limit=5)
    prefix = f"deploy-{secrets.token_hex(4)}"
    shared = make_app(**{"ratelimit.key_prefix": prefix})
    make_app(redis=False)  # an embedded application in the same process

    shared.test_client().get("/api/v1/scans", headers=account.headers)

    assert list(redis_client.scan_iter(f"*{account.org_id}*"))


# --- the cost of the headers -----------------------------------------------------------------


def test_the_headers_come_from_the_hits_without_a_second_round_of_reads(app, client, make_account):
    """The hourly and daily hits tell how much is left; each window's reset is learned once.
    After the first request of a window, a request reads nothing more from Redis for its
    X-RateLimit headers (limits' own get_window_stats would GET and TTL each limit again),
    and the figures are those of Redis."""
    account = make_account("viewer")
    (limiter,) = app.extensions["limiter"]
    strategy = limiter.limiter
    storage = strategy.storage
    reads: list[str] = []
    real_get, real_expiry = storage.get, storage.get_expiry

    def counted_get(key):
        reads.append(f"GET {key}")
        return real_get(key)

    def counted_expiry(key):
        reads.append(f"TTL {key}")
        return real_expiry(key)

    storage.get, storage.get_expiry = counted_get, counted_expiry
    try:
        first = client.get("/api/v1/scans", headers=account.headers)
        before = len(reads)
        answers = [client.get("/api/v1/scans", headers=account.headers) for _ in range(5)]
    finally:
        storage.get, storage.get_expiry = real_get, real_expiry

    assert first.status_code == 200
    assert reads[before:] == [], reads  # the later requests read nothing for their headers
    limit = int(first.headers[LIMIT])
    assert [int(answer.headers[REMAINING]) for answer in answers] == [
        limit - 2 - n for n in range(5)
    ]
    # The figures are those of the counters: a new organization's first request leaves all
    # of its hourly limit but one.
    assert int(first.headers[REMAINING]) == limit - 1
    assert_reset_within_the_hour(answers[-1])
    assert abs(int(answers[-1].headers[RESET]) - int(first.headers[RESET])) <= 1
