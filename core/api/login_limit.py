"""The limit on failed logins per account, across all client addresses.

The token endpoint's per-address limit (``auth.token_rate_limit``) does not stop guessing
from many addresses; this one counts the failed logins (401) naming one e-mail address,
wherever they come from (``auth.account_failure_limit``). Once it is spent, further attempts
at that account are answered 429 before the password is even checked, so no guess is tried.

So that an attacker cannot lock the owner out this way, an address that logged in to the
account successfully within ``auth.known_address_days`` is exempt: its attempts are neither
refused nor counted by this limit (its own per-address limit still applies). Attempts are
counted per e-mail as sent, whether or not such a user exists, so the limit tells nothing about
which accounts exist. Counters live in the rate-limit storage (Redis, shared by every API
process; memory in embedded mode), keyed by a digest of the e-mail, never the e-mail itself.
"""

from __future__ import annotations

import hashlib

from flask import Blueprint, Flask, Response, current_app, request
from flask_limiter import Limiter

from cyberorigen.api.security import current_principal
from cyberorigen.appliance import appliance_of
from cyberorigen.services.users import normalize_email
from cyberorigen.settings import Settings

_FAILED = 401
_MESSAGE = "too many failed logins for this account; try again later"


def _settings() -> Settings:
    return appliance_of(current_app).settings


def _account() -> str:
    """A digest of the e-mail address this login attempt names ("" without one)."""
    username = request.form.get("username", "")
    if not username.strip():
        return ""
    return hashlib.sha256(normalize_email(username).encode("utf-8")).hexdigest()[:32]


def _address() -> str:
    return request.remote_addr or "unknown"


class KnownAddresses:
    """Addresses that logged in to an account successfully, each remembered for some days."""

    def __init__(self, limiter: Limiter, key_prefix: str, blueprint: str) -> None:
        self._limiter = limiter
        self.blueprint = blueprint
        self._prefix = f"{key_prefix}:known-login"

    def _key(self, account: str, address: str) -> str:
        return f"{self._prefix}:{account}:{address}"

    def is_known(self) -> bool:
        account = _account()
        return bool(account) and self._limiter.storage.get(self._key(account, _address())) > 0

    def remember(self, response: Response) -> Response:
        """After a successful login: (re)start the days this address stays known."""
        if request.blueprint != self.blueprint or response.status_code != 200:
            return response
        days = _settings().known_address_days
        account = _account()
        if days and account:
            key = self._key(account, _address())
            self._limiter.storage.clear(key)
            self._limiter.storage.incr(key, days * 86400)
        return response


def init_app(app: Flask, limiter: Limiter, settings: Settings, token_blueprint: Blueprint) -> None:
    """Put the per-account limit on ``token_blueprint`` (the token endpoint alone)."""
    if not settings.account_failure_limit:
        return
    known = KnownAddresses(limiter, settings.ratelimit_key_prefix, token_blueprint.name)
    limiter.limit(
        lambda: _settings().account_failure_limit,
        key_func=lambda: f"account:{_account()}" if _account() else "",
        deduct_when=lambda response: response.status_code == _FAILED,
        exempt_when=known.is_known,
        error_message=_MESSAGE,
    )(token_blueprint)
    app.after_request(known.remember)


def _caller() -> str:
    caller = current_principal()
    return f"password:{caller.identity.user_public_id}" if caller else ""


def limit_password_changes(limiter: Limiter, settings: Settings, blueprint: Blueprint) -> None:
    """Count a user's wrong current passwords (403) on ``blueprint`` against the same
    ``auth.account_failure_limit`` as failed logins: once spent, the change is refused
    (429) before the password is checked."""
    if not settings.account_failure_limit:
        return
    limiter.limit(
        lambda: _settings().account_failure_limit,
        key_func=_caller,
        deduct_when=lambda response: response.status_code == 403,
        error_message="too many wrong current passwords; try again later",
    )(blueprint)
