"""Who a token's subject is: an immutable snapshot of the user and their organization.

Looking the user up is a database query on every request; the snapshot is therefore kept for a
few seconds per process (``auth.identity_cache_seconds``). A change to a user or organization
(role, password, deactivation, deletion, plan) through the API is seen at once by every
process: with Redis, the change bumps a shared epoch that each process compares on every
request (one GET, like the blocklist's) before trusting its snapshots; in embedded mode there
is one API process, which forgets its own snapshots. Changes made behind the API's back (SQL,
a restore) are seen within the cache time. Token revocation does not depend on it: the
blocklist is asked on every request.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass

import redis
from cachetools import TTLCache

from cyberorigen.db.models import Organization, User


def password_stamp(password_hash: str) -> str:
    """What an access token carries of its user's password (claim ``pwd``): a digest of the
    salted hash, so that changing the password refuses every token issued before."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Identity:
    """The user as stored. ``role`` is the user's own; what a request may do is its
    credential's role (``Principal.role``), which an API key may lower."""

    user_id: int
    user_public_id: str
    email: str
    role: str
    password_stamp: str
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
            password_stamp=password_stamp(user.password_hash),
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


class SharedEpoch:
    """A counter in Redis that every API process reads: bumped by any change to a user or an
    organization, it tells each process that its identity snapshots may be out of date."""

    def __init__(self, redis_client: redis.Redis, key_prefix: str) -> None:
        self._redis = redis_client
        self._key = f"{key_prefix}:identity-epoch"

    def current(self) -> bytes | None:
        return self._redis.get(self._key)

    def bump(self) -> None:
        self._redis.incr(self._key)


class IdentityCache:
    """Identities by user public id, each kept for ``seconds`` (0: not kept) and, with an
    ``epoch``, only while nobody changed a user or organization since it was read."""

    def __init__(
        self,
        seconds: int,
        max_entries: int = 10_000,
        clock=time.monotonic,
        epoch: SharedEpoch | None = None,
    ) -> None:
        self._entries: TTLCache | None = (
            TTLCache(max_entries, seconds, timer=clock) if seconds else None
        )
        self._epoch = epoch
        self._lock = threading.Lock()

    def get(self, user_public_id: str) -> Identity | None:
        if self._entries is None:
            return load_identity(user_public_id)
        # Read before the database: a change committed after this read bumps past it.
        epoch = self._epoch.current() if self._epoch else None
        with self._lock:
            found = self._entries.get(user_public_id)
        if found is not None and found[0] == epoch:
            return found[1]
        identity = load_identity(user_public_id)
        with self._lock:
            if identity is None:
                self._entries.pop(user_public_id, None)
            else:
                self._entries[user_public_id] = (epoch, identity)
        return identity

    def forget(self, user_public_id: str | None = None) -> None:
        """After a change to one user, or to an organization (everyone): forget the
        snapshots here, and tell every other process (with Redis) to re-read theirs."""
        if self._epoch is not None:
            self._epoch.bump()
        if self._entries is None:
            return
        with self._lock:
            if user_public_id is None:
                self._entries.clear()
            else:
                self._entries.pop(user_public_id, None)
