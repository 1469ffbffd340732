"""Access tokens: issue (OAuth2 password grant), inspect, revoke."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app
from flask_jwt_extended import create_access_token
from flask_smorest import Blueprint

from cyberorigen.api.auth.schemas import (
    MeSchema,
    PasswordChangeSchema,
    TokenRequestSchema,
    TokenSchema,
)
from cyberorigen.api.errors import ApiError
from cyberorigen.api.security import blocklist, identities, principal, public, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.services.identity import password_stamp
from cyberorigen.services.users import authenticate, change_own_password

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Access tokens.")

#: The token endpoint alone, so it can carry its own per-address rate limit.
token_blp = Blueprint(
    "auth_token", __name__, url_prefix="/api/v1/auth", description="Access tokens."
)

#: The password change alone, so that wrong current passwords have a limit of their own.
password_blp = Blueprint(
    "auth_password", __name__, url_prefix="/api/v1/auth", description="Access tokens."
)


@token_blp.route("/token", methods=["POST"])
@token_blp.doc(security=[], tags=["auth"])
@token_blp.arguments(TokenRequestSchema, location="form")
@token_blp.response(200, TokenSchema)
@public
def issue_token(form):
    """Exchange an e-mail and password for a bearer access token.

    Unknown e-mail and wrong password get the same answer, in the same time.
    """
    user = authenticate(form["username"], form["password"])
    if user is None:
        raise ApiError(401, "Incorrect e-mail or password.", "INVALID_CREDENTIALS")
    token = create_access_token(
        identity=user.public_id,
        additional_claims={
            "org": user.organization.public_id,
            "role": user.role,
            "pwd": password_stamp(user.password_hash),
        },
    )
    lifetime = appliance_of(current_app).settings.token_lifetime
    return {"access_token": token, "token_type": "bearer", "expires_in": lifetime}


@blp.route("/me")
@require_role("viewer")
@blp.response(200, MeSchema)
def me():
    """Who the current credential belongs to."""
    caller = principal()
    expires = (
        datetime.fromtimestamp(caller.expires_at, UTC).replace(tzinfo=None)
        if caller.expires_at
        else None
    )
    identity = caller.identity
    return {
        "id": identity.user_public_id,
        "email": identity.email,
        "role": caller.role,
        "via": caller.via,
        "organization": {
            "id": identity.organization_public_id,
            "name": identity.organization_name,
            "plan": identity.plan,
        },
        "token_expires_at": expires,
    }


@blp.route("/revoke", methods=["POST"])
@require_role("viewer")
@blp.response(204)
def revoke():
    """Revoke the access token of this request; it is refused from now on, by every process."""
    caller = principal()
    if caller.via != "token":
        raise ApiError(
            400,
            "API keys are revoked with DELETE /api/v1/api-keys/{id}, not here.",
            "BAD_REQUEST",
        )
    blocklist().revoke(caller.jti, caller.expires_at)


@password_blp.route("/password", methods=["POST"])
@password_blp.doc(tags=["auth"])
@require_role("viewer")
@password_blp.arguments(PasswordChangeSchema)
@password_blp.response(204)
def change_password(data):
    """Change your own password, giving the current one. Every access token issued before
    (this one too) stops working: log in again. Your API keys keep working.

    Wrong current passwords count against ``auth.account_failure_limit`` for your user, as
    failed logins do for an e-mail address."""
    caller = principal()
    change_own_password(caller.user_id, data["current_password"], data["new_password"])
    identities().forget(caller.identity.user_public_id)
