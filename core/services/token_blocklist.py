"""Revoked access tokens, by ``jti``, until they would have expired anyway.

With Redis configured the blocklist lives there (one key per token, expiring with it), shared
by every API process; in embedded mode it is a database table.
"""

from __future__ import annotations

from datetime import UTC, datetime

import redis

from cyberorigen.db.models import RevokedToken, utcnow


class TokenBlocklist:
    def __init__(self, redis_client: redis.Redis | None, key_prefix: str) -> None:
        self._redis = redis_client
        self._prefix = f"{key_prefix}:revoked-jti:"

    def revoke(self, jti: str, expires_at: int) -> None:
        """Block ``jti`` until the unix time ``expires_at``."""
        if self._redis is not None:
            self._redis.set(self._prefix + jti, "1", exat=max(expires_at, 1))
            return
        expiry = datetime.fromtimestamp(expires_at, UTC).replace(tzinfo=None)
        RevokedToken.insert(jti=jti, expires_at=expiry).on_conflict_ignore().execute()
        RevokedToken.delete().where(RevokedToken.expires_at < utcnow()).execute()

    def is_revoked(self, jti: str) -> bool:
        if self._redis is not None:
            return bool(self._redis.exists(self._prefix + jti))
        return RevokedToken.select().where(RevokedToken.jti == jti).exists()
