"""How long an API process may keep who a token's user is (auth.identity_cache_seconds)."""

from __future__ import annotations

from cyberorigen.db.models import User
from cyberorigen.services.identity import IdentityCache


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_change_made_elsewhere_is_seen_once_the_cache_time_is_over(make_account):
    account = make_account(role="analyst")
    clock = FakeClock()
    cache = IdentityCache(10, clock=clock)
    assert cache.get(account.user_id).role == "analyst"

    User.update(role="viewer").where(User.public_id == account.user_id).execute()

    clock.now += 9
    assert cache.get(account.user_id).role == "analyst"
    clock.now += 2
    assert cache.get(account.user_id).role == "viewer"


def test_forget_drops_one_user_or_everyone(make_account):
    first, second = make_account(role="analyst"), make_account(role="analyst")
    cache = IdentityCache(3600, clock=FakeClock())
    cache.get(first.user_id), cache.get(second.user_id)
    User.update(is_active=False).where(User.public_id == first.user_id).execute()
    User.update(role="admin").where(User.public_id == second.user_id).execute()

    cache.forget(first.user_id)
    assert cache.get(first.user_id) is None
    assert cache.get(second.user_id).role == "analyst"
    cache.forget()
    assert cache.get(second.user_id).role == "admin"


def test_zero_seconds_asks_the_database_every_time(make_app, make_account, client):
    app = make_app(**{"auth.identity_cache_seconds": 0})
    account = make_account(role="analyst")
    other = app.test_client()
    assert other.get("/api/v1/auth/me", headers=account.headers).status_code == 200

    User.update(is_active=False).where(User.public_id == account.user_id).execute()

    refused = other.get("/api/v1/auth/me", headers=account.headers)
    assert refused.status_code == 401
    assert refused.get_json()["error_code"] == "INVALID_TOKEN"


def test_changes_through_the_api_apply_at_once_despite_the_cache(client, make_account):
    admin = make_account(role="admin")
    analyst = make_account(role="analyst")
    assert client.get("/api/v1/auth/me", headers=analyst.headers).get_json()["role"] == "analyst"

    changed = client.patch(
        f"/api/v1/users/{analyst.user_id}", headers=admin.headers, json={"is_active": False}
    )

    assert changed.status_code == 200
    assert client.get("/api/v1/auth/me", headers=analyst.headers).status_code == 401
