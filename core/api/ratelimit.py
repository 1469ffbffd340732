"""Rate limits per organization plan (flask-limiter), counted in shared storage.

Every authenticated API request counts against its organization's hourly and daily limits,
whichever process or host serves it (Redis storage; ``memory://`` only in embedded mode).
Anonymous requests count per client address against the smallest plan. Public endpoints
(health, docs, the token endpoint) are outside these limits; the token endpoint has its own,
stricter limit per address against password guessing.
"""

from __future__ import annotations

import logging
import math
import time

import redis
from flask import Blueprint, Flask, current_app, g, has_request_context, request
from flask_limiter import Limiter
from limits import RateLimitItem
from limits.strategies import FixedWindowRateLimiter
from limits.util import WindowStats

from cyberorigen.api import login_limit
from cyberorigen.api.security import current_principal, is_public_endpoint
from cyberorigen.appliance import appliance_of
from cyberorigen.services.organizations import effective_limits, limit_string
from cyberorigen.settings import Settings

log = logging.getLogger("cyberorigen.ratelimit")

STRATEGY = "fixed-window"
ANONYMOUS_PLAN = "startup"
#: flask-smorest serves /openapi.json (its view cannot be marked public): a document like /docs.
OPENAPI_ENDPOINT = "api-docs.openapi_json"


def _settings() -> Settings:
    return appliance_of(current_app).settings


def client_address() -> str:
    return request.remote_addr or "unknown"


def rate_limit_key() -> str:
    caller = current_principal()
    if caller is not None:
        return f"org:{caller.identity.organization_public_id}"
    return f"addr:{client_address()}"


def plan_limits() -> str:
    settings = _settings()
    caller = current_principal()
    if caller is None:
        plan = settings.plans.get(ANONYMOUS_PLAN)
        return limit_string(plan.hourly, plan.daily) if plan else ""
    return limit_string(*effective_limits(caller.identity, settings.plans))


def token_endpoint_limit() -> str:
    return _settings().token_rate_limit


#: Where a request keeps what each of its hits counted, by limit key.
_COUNTED = "cyberorigen_rate_counts"
#: Window resets a process remembers before it forgets the ones past.
_KEPT_RESETS = 10_000


class CountedFixedWindow(FixedWindowRateLimiter):
    """limits' fixed window, which remembers what each hit of a request counted, and, in
    this process, when each window resets: the X-RateLimit headers then need no second round
    of storage reads (limits would GET and TTL every limit again after the hit).

    A fixed window's reset does not move while it lasts: it is learned from the hit that opens
    the window (its count is its cost), or read once (TTL) and kept until it has passed."""

    def __init__(self, storage) -> None:
        super().__init__(storage)
        self._resets: dict[str, float] = {}

    def hit(self, item: RateLimitItem, *identifiers: str, cost: int = 1) -> bool:
        key = item.key_for(*identifiers)
        expiry = item.get_expiry()
        count = self.storage.incr(key, expiry, amount=cost)
        if count == cost:  # this hit opened the window
            self._remember(key, time.time() + expiry)
        if has_request_context():
            g.setdefault(_COUNTED, {})[key] = count
        return count <= item.amount

    def get_window_stats(self, item: RateLimitItem, *identifiers: str) -> WindowStats:
        key = item.key_for(*identifiers)
        counted = g.get(_COUNTED, {}) if has_request_context() else {}
        if key not in counted:
            return super().get_window_stats(item, *identifiers)
        reset = self._resets.get(key)
        if reset is None or reset <= time.time():
            reset = self.storage.get_expiry(key)
            self._remember(key, reset)
        return WindowStats(reset, max(0, item.amount - counted[key]))

    def _remember(self, key: str, reset: float) -> None:
        if len(self._resets) >= _KEPT_RESETS:
            now = time.time()
            self._resets = {name: at for name, at in self._resets.items() if at > now}
        self._resets[key] = reset


def _add_headers(response, limits) -> None:
    if not limits:
        return
    tightest = min(limits, key=lambda item: (item.remaining, item.limit.get_expiry()))
    response.headers["X-RateLimit-Limit"] = str(tightest.limit.amount)
    response.headers["X-RateLimit-Remaining"] = str(tightest.remaining)
    response.headers["X-RateLimit-Reset"] = str(tightest.reset_at)
    if response.status_code == 429:
        spent = [item for item in limits if item.remaining == 0] or [tightest]
        wait = max(item.window.reset_time for item in spent) - time.time()
        response.headers["Retry-After"] = str(max(math.ceil(wait), 1))


def _tightest_limit_headers(limiter: Limiter):
    """X-RateLimit-* describe the limit closest to running out (flask-limiter would report the
    shortest window, promising 99 left of an hourly limit while the daily one is spent)."""

    def add_headers(response):
        try:
            _add_headers(response, limiter.current_limits)
        except redis.RedisError as exc:  # Redis went away mid-request: answer without them
            log.warning("rate-limit headers left out: Redis did not answer (%s)", exc)
        return response

    return add_headers


def init_app(
    app: Flask, settings: Settings, token_blueprint: Blueprint, password_blueprint: Blueprint
) -> Limiter:
    """Give ``app`` its own limiter (storage and key prefix are per application).

    ``token_blueprint`` gets the stricter per-address limit against password guessing, and
    ``password_blueprint`` (a user changing their own password) a limit on wrong current
    passwords per user, so that a stolen token cannot be used to guess the password.
    """
    limiter = Limiter(
        key_func=rate_limit_key,
        application_limits=[plan_limits],
        application_limits_exempt_when=lambda: (
            request.endpoint == OPENAPI_ENDPOINT or is_public_endpoint(request.endpoint)
        ),
        # A new strategy stores keys of another type: keep them apart by prefix.
        key_prefix=f"{settings.ratelimit_key_prefix}:{STRATEGY}",
    )
    limiter.limit(token_endpoint_limit, key_func=client_address)(token_blueprint)
    login_limit.init_app(app, limiter, settings, token_blueprint)
    login_limit.limit_password_changes(limiter, settings, password_blueprint)
    app.config.update(
        RATELIMIT_STORAGE_URI=settings.ratelimit_storage_url,
        RATELIMIT_STRATEGY=STRATEGY,
        RATELIMIT_HEADERS_ENABLED=False,  # see _tightest_limit_headers
        RATELIMIT_STORAGE_OPTIONS={"socket_connect_timeout": 2, "socket_timeout": 2},
    )
    if settings.ratelimit_storage_url.startswith("memory"):
        app.config["RATELIMIT_STORAGE_OPTIONS"] = {}
    limiter.init_app(app)
    # flask-limiter takes a strategy by name only: the counting one replaces the fixed window
    # it built on the same storage (the headers then cost no Redis round trip of their own).
    limiter._limiter = CountedFixedWindow(limiter._limiter.storage)  # noqa: SLF001
    app.after_request(_tightest_limit_headers(limiter))
    return limiter
