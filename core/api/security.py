"""Who is calling: bearer access tokens (JWT) and API keys, resolved once per request.

``load_principal`` runs before the rate limiter so limits can be counted per organization. A
request that carries no credential is left anonymous here and refused by ``require_role``
on every endpoint that is not public; a credential that is present but bad is refused at once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import Flask, current_app, g, request
from flask_jwt_extended import JWTManager, get_jwt, verify_jwt_in_request

from cyberorigen.api.errors import ApiError, error_response
from cyberorigen.appliance import appliance_of
from cyberorigen.services import audit
from cyberorigen.services.api_keys import looks_like_api_key, resolve_api_key
from cyberorigen.services.identity import Identity, IdentityCache
from cyberorigen.services.roles import role_at_least
from cyberorigen.services.token_blocklist import TokenBlocklist
from cyberorigen.settings import Settings

_BEARER_HINT = {"WWW-Authenticate": 'Bearer realm="cyberorigen"'}
INVALID_TOKEN_DETAIL = "The access token is not valid."

#: Claims every access token this API issues carries, with their type. A signed token without
#: them (made with a leaked or test secret, or by another issuer sharing it) cannot be revoked
#: (no ``jti``) or never expires (no ``exp``): it is not one of ours.
_REQUIRED_CLAIMS: dict[str, type] = {"jti": str, "exp": int, "org": str}


@dataclass(frozen=True)
class Principal:
    """The authenticated caller: who (a snapshot), with which role, by which credential."""

    identity: Identity
    role: str
    via: str  # "token" or "api_key"
    jti: str | None = None
    expires_at: int | None = None

    @property
    def user_id(self) -> int:
        return self.identity.user_id

    @property
    def organization_id(self) -> int:
        return self.identity.organization_id


def public(view: Callable) -> Callable:
    """Mark a view (function or MethodView class) as reachable without credentials."""
    view.public = True
    return view


def is_public_endpoint(endpoint: str | None) -> bool:
    view = current_app.view_functions.get(endpoint or "")
    if view is None:
        return True
    return bool(
        getattr(view, "public", False)
        or getattr(getattr(view, "view_class", None), "public", False)
    )


def current_principal() -> Principal | None:
    return g.get("principal")


def principal() -> Principal:
    """The authenticated caller; only valid inside views guarded by ``require_role``."""
    found = current_principal()
    if found is None:
        raise ApiError(401, "Authentication required.", "NOT_AUTHENTICATED", headers=_BEARER_HINT)
    return found


def require_role(minimum: str) -> Callable:
    """Decorator: the caller must be authenticated with at least ``minimum`` role."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def guarded(*args: Any, **kwargs: Any):
            caller = current_principal()
            if caller is None:
                raise ApiError(
                    401,
                    "Authentication required: send "
                    "'Authorization: Bearer <access token or API key>'.",
                    "NOT_AUTHENTICATED",
                    headers=_BEARER_HINT,
                )
            if not role_at_least(caller.role, minimum):
                raise ApiError(
                    403,
                    f"This action needs the {minimum} role or higher; you are {caller.role}.",
                    "PERMISSION_DENIED",
                )
            return view(*args, **kwargs)

        # Recorded so that tests generated from the URL map (tests/test_security_matrix.py)
        # find each operation's minimum role without a list kept by hand.
        guarded.minimum_role = minimum
        return guarded

    return decorate


def _principal_from_api_key(key: str) -> Principal:
    row = resolve_api_key(key)
    if row is None:
        raise ApiError(
            401,
            "The API key is unknown, expired or revoked.",
            "INVALID_TOKEN",
            headers=_BEARER_HINT,
        )
    role = row.role if role_at_least(row.user.role, row.role) else row.user.role
    g.api_key_id = row.public_id  # for the audit log (see _audit_as)
    return Principal(identity=Identity.of(row.user), role=role, via="api_key")


def _required_claims(claims: dict[str, Any]) -> dict[str, Any]:
    """``claims`` if each required claim is there with its type; a 401 otherwise.

    Runs first among the checks of a decoded token (it is the blocklist's callback)."""
    for name, kind in _REQUIRED_CLAIMS.items():
        value = claims.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ApiError(401, INVALID_TOKEN_DETAIL, "INVALID_TOKEN", headers=_BEARER_HINT)
    return claims


def _principal_from_jwt() -> Principal:
    verify_jwt_in_request()
    claims = get_jwt()
    identity = identities().get(claims.get("sub", ""))
    if (
        identity is None
        or identity.organization_public_id != claims.get("org")
        or identity.password_stamp != claims.get("pwd")
    ):
        raise ApiError(
            401,
            "The token's user no longer exists, is disabled or has changed password: log in again.",
            "INVALID_TOKEN",
            headers=_BEARER_HINT,
        )
    return Principal(
        identity=identity,
        role=identity.role,
        via="token",
        jti=claims["jti"],
        expires_at=claims["exp"],
    )


def load_principal() -> None:
    # OPTIONS is answered by Flask itself (the Allow header) and flask-jwt-extended never
    # verifies a token on it: nothing to authenticate.
    if request.method == "OPTIONS" or is_public_endpoint(request.endpoint):
        return
    header = request.headers.get("Authorization")
    if not header:
        return
    scheme, _, credential = header.strip().partition(" ")
    credential = credential.strip()
    if scheme.lower() != "bearer" or not credential:
        raise ApiError(
            401,
            "The Authorization header must be 'Bearer <token>'.",
            "INVALID_TOKEN",
            headers=_BEARER_HINT,
        )
    if looks_like_api_key(credential):
        g.principal, key_id = _principal_from_api_key(credential), g.pop("api_key_id", None)
    else:
        g.principal, key_id = _principal_from_jwt(), None
    _audit_as(g.principal, key_id)


def _audit_as(caller: Principal, key_id: str | None) -> None:
    """What this request does is recorded in the audit log as done by ``caller`` (by its
    API key when ``key_id``), from the address and with the request id the app noted."""
    where = audit.current_actor()
    audit.set_actor(
        audit.Actor(
            type="api_key" if key_id else "user",
            id=key_id or caller.identity.user_public_id,
            label=caller.identity.email,
            source_address=where.source_address,
            request_id=where.request_id,
        )
    )


def blocklist() -> TokenBlocklist:
    return appliance_of(current_app).blocklist


def identities() -> IdentityCache:
    return appliance_of(current_app).identities


def _jwt_manager(app: Flask, settings: Settings) -> JWTManager:
    """flask-jwt-extended for ``app``, its failures answered in the error envelope."""
    app.config.update(
        JWT_SECRET_KEY=settings.secret_key,
        JWT_ALGORITHM="HS256",
        JWT_DECODE_ALGORITHMS=["HS256"],
        JWT_TOKEN_LOCATION=["headers"],
        JWT_ACCESS_TOKEN_EXPIRES=timedelta(seconds=settings.token_lifetime),
        JWT_ENCODE_ISSUER=settings.jwt_issuer,
        JWT_DECODE_ISSUER=settings.jwt_issuer,
        JWT_ENCODE_AUDIENCE=settings.jwt_audience,
        JWT_DECODE_AUDIENCE=settings.jwt_audience,
        JWT_ERROR_MESSAGE_KEY="detail",
        JWT_COOKIE_CSRF_PROTECT=False,
    )

    def fail(detail: str, code: str):
        return error_response(401, detail, code, headers=_BEARER_HINT)

    jwt = JWTManager()
    jwt.expired_token_loader(
        lambda header, payload: fail("The access token has expired.", "TOKEN_EXPIRED")
    )
    # The decoder's reason ("'utf-8' codec can't decode byte 0xb7 …") describes its internals,
    # not anything the caller can act on: every undecodable token gets the same answer.
    jwt.invalid_token_loader(lambda reason: fail(INVALID_TOKEN_DETAIL, "INVALID_TOKEN"))
    jwt.unauthorized_loader(
        lambda reason: fail(f"Authentication required: {reason}.", "NOT_AUTHENTICATED")
    )
    jwt.revoked_token_loader(
        lambda header, payload: fail("The access token has been revoked.", "TOKEN_REVOKED")
    )
    jwt.needs_fresh_token_loader(
        lambda header, payload: fail("A fresh token is required.", "INVALID_TOKEN")
    )
    jwt.user_lookup_error_loader(
        lambda header, payload: fail("Unknown token user.", "INVALID_TOKEN")
    )
    jwt.token_verification_failed_loader(
        lambda header, payload: fail("The token failed verification.", "INVALID_TOKEN")
    )
    jwt.token_in_blocklist_loader(
        lambda header, payload: blocklist().is_revoked(_required_claims(payload)["jti"])
    )
    return jwt


#: Blueprints whose answers are about a credential (a new token, whose a token is).
_CREDENTIAL_BLUEPRINTS = ("auth", "auth_token")


def security_headers(response):
    """Every answer is of the media type it says (``nosniff``: a browser never runs a JSON
    error or an uploaded file as a script it guessed), and an answer about a credential is
    kept by no cache on the way (RFC 6749, section 5.1)."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if request.blueprint in _CREDENTIAL_BLUEPRINTS:
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response


def init_app(app: Flask, settings: Settings) -> None:
    _jwt_manager(app, settings).init_app(app)
    app.before_request(load_principal)
    app.after_request(security_headers)
