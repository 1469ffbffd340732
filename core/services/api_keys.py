"""API keys for automation: a prefixed random key, shown once, stored as its SHA-256.

A key has 256 bits of randomness, so a fast hash is enough (unlike a password, it cannot
be guessed from a dictionary); the hash is looked up through a unique index.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from cyberorigen.db import database
from cyberorigen.db.models import ApiKey, Organization, User, utcnow
from cyberorigen.errors import Forbidden, Invalid
from cyberorigen.services import audit
from cyberorigen.services.identity import Identity
from cyberorigen.services.listing import newest_first
from cyberorigen.services.roles import role_at_least
from cyberorigen.services.tenancy import owned

KEY_PREFIX = "co_"
SHOWN_PREFIX_LENGTH = 11
LAST_USED_RESOLUTION = timedelta(minutes=1)


def looks_like_api_key(credential: str) -> bool:
    return credential.startswith(KEY_PREFIX)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_key(
    owner: Identity,
    caller_role: str,
    name: str,
    role: str | None,
    expires_at: datetime | None,
) -> tuple[ApiKey, str]:
    """Create a key for ``owner``; returns the row and the only copy of the key itself.

    ``caller_role`` is the effective role of the credential asking (an API key's role, capped
    by its owner's current role), not the owner's own: a viewer key of an admin mints at most
    viewer keys. The key's role defaults to it.
    """
    role = role or caller_role
    if not role_at_least(caller_role, role):
        raise Forbidden(f"role: cannot exceed your own role ({caller_role})", "role")
    if expires_at is not None and expires_at <= utcnow():
        raise Invalid("expires_at", "must be in the future")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with database.atomic():
        row = ApiKey.create(
            organization=owner.organization_id,
            user=owner.user_id,
            name=name,
            prefix=key[:SHOWN_PREFIX_LENGTH],
            key_hash=_digest(key),
            role=role,
            expires_at=expires_at,
        )
        audit.record(
            "api_key.created",
            organization_id=owner.organization_id,
            object_type="api_key",
            object_id=row.public_id,
            after=_shown(row, owner.user_public_id),
        )
    return row, key


def _shown(row: ApiKey, owner_public_id: str) -> dict:
    """What the audit log keeps of a key: never the key, nor its hash."""
    return {
        "name": row.name,
        "prefix": row.prefix,
        "role": row.role,
        "owner": owner_public_id,
        "expires_at": row.expires_at,
    }


def resolve_api_key(key: str) -> ApiKey | None:
    """The live key row (with its user and organization) for ``key``, or None."""
    row = (
        ApiKey.select(ApiKey, User, Organization)
        .join(User)
        .join(Organization)
        .where(ApiKey.key_hash == _digest(key))
        .first()
    )
    if row is None or not row.user.is_active:
        return None
    now = utcnow()
    if row.expires_at is not None and row.expires_at <= now:
        return None
    if row.last_used_at is None or now - row.last_used_at >= LAST_USED_RESOLUTION:
        ApiKey.update(last_used_at=now).where(ApiKey.id == row.id).execute()
        row.last_used_at = now
    return row


def api_keys_query(org_id: int, user_id: int | None):
    """Keys of the organization, newest first; of one user only when ``user_id`` is given."""
    query = ApiKey.select(ApiKey, User).join(User).where(ApiKey.organization == org_id)
    if user_id is not None:
        query = query.where(ApiKey.user == user_id)
    return newest_first(query)


def revoke_api_key(org_id: int, public_id: str, user_id: int | None) -> None:
    with database.atomic():
        row = get_api_key(org_id, public_id, user_id)
        row.delete_instance()
        audit.record(
            "api_key.revoked",
            organization_id=org_id,
            object_type="api_key",
            object_id=row.public_id,
            before=_shown(row, row.user.public_id),
        )


def get_api_key(org_id: int, public_id: str, user_id: int | None) -> ApiKey:
    return owned(ApiKey, org_id, public_id, "API key", query=api_keys_query(org_id, user_id))
