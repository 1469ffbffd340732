"""Who a token's subject is: an immutable snapshot of the user and their organization.

Looking the user up is a database query on every request; the snapshot is therefore kept for a
few seconds per process (``auth.identity_cache_seconds``). Changes made through this process's
API are forgotten at once; changes made elsewhere (another API process, the CLI) are seen
within that many seconds. Token revocation does not depend on it: the blocklist is asked on
every request.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from cachetools import TTLCache

from cyberorigen.db.models import Organization, User


@dataclass(frozen=True)
class Identity:
    user_id: int
    user_public_id: str
    email: str
    role: str
    organization_id: int
    organization_public_id: str
    organization_name: str
    plan: str
    hourly_limit: int | None
    daily_limit: int | None

    @classmethod
    def of(cls, user: User) -> Identity:
        org = user.organization
        return cls(
            user_id=user.id,
            user_public_id=user.public_id,
            email=user.email,
            role=user.role,
            organization_id=org.id,
            organization_public_id=org.public_id,
            organization_name=org.name,
            plan=org.plan,
            hourly_limit=org.hourly_limit,
            daily_limit=org.daily_limit,
        )


def load_identity(user_public_id: str) -> Identity | None:
    """The active user's identity, read from the database; None if gone or disabled."""
    user = (
        User.select(User, Organization)
        .join(Organization)
        .where((User.public_id == user_public_id) & User.is_active)
        .first()
    )
    return Identity.of(user) if user else None


class IdentityCache:
    """Identities by user public id, each kept for ``seconds`` (0: not kept)."""

    def __init__(self, seconds: int, max_entries: int = 10_000, clock=time.monotonic) -> None:
        self._entries: TTLCache | None = (
            TTLCache(max_entries, seconds, timer=clock) if seconds else None
        )
        self._lock = threading.Lock()

    def get(self, user_public_id: str) -> Identity | None:
        if self._entries is None:
            return load_identity(user_public_id)
        with self._lock:
            found = self._entries.get(user_public_id)
        if found is None:
            found = load_identity(user_public_id)
            if found is not None:
                with self._lock:
                    self._entries[user_public_id] = found
        return found

    def forget(self, user_public_id: str | None = None) -> None:
        """Forget one user, or everyone (after a change to an organization)."""
        if self._entries is None:
            return
        with self._lock:
            if user_public_id is None:
                self._entries.clear()
            else:
                self._entries.pop(user_public_id, None)
