"""Pages of lists kept in Redis until the next committed write, for any API process to serve.

A page is stored under the **version** current when it was read. Every committed write made
through the appliance, by any of its processes (API, workers, scheduler), bumps the version
once its transaction commits (``cyberorigen.db.on_committed_change``): from then on no
process finds a page read before the write, so a list never shows what a committed change
has made untrue, and the writer's next read already sees its change. A page read while a
write was committing is stored under the version it read first, which the write's bump has
left behind, so it is never served. Pages also expire after ``seconds``: that bounds changes
made behind the appliance's back (SQL by hand, a restore), which bump nothing.

Beside pages, it keeps under the same version where a deep page of a list ended (the sort
key of its last row), so that the next page of that list starts there until the next write.

The version starts at a random number whenever its key is missing (Redis restarted empty,
or the key evicted), so a page kept from an earlier life of the key is never taken for a
page of the new one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from datetime import datetime

import redis

log = logging.getLogger("cyberorigen.pages")

#: Pages larger than this are served but not kept.
MAX_PAGE_BYTES = 1 << 20

_FRESH_VERSION = (1 << 40, 1 << 41)

# KEYS[1] the version; ARGV: a fresh version, the pages' key prefix, the page's digest.
# One round trip: the current version (set to the fresh one if missing) and the page.
_LOOKUP = """
local version = redis.call('GET', KEYS[1])
if not version then
  redis.call('SET', KEYS[1], ARGV[1], 'NX')
  version = redis.call('GET', KEYS[1])
end
return {version, redis.call('GET', ARGV[2] .. version .. ':' .. ARGV[3])}
"""

# KEYS[1] the version; ARGV[1] a fresh version, taken if the key was missing.
_BUMP = """
local version = redis.call('INCR', KEYS[1])
if version == 1 then
  redis.call('SET', KEYS[1], ARGV[1])
end
return version
"""


def _encoded(value: object) -> dict:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    raise TypeError(f"a sort key of type {type(value).__name__} is not kept")


def _decoded(value: dict) -> object:
    if set(value) == {"datetime"}:
        return datetime.fromisoformat(value["datetime"])
    return value


def page_digest(*parts: object) -> str:
    """The key of a page: a digest of what its content depends on (organization, role,
    endpoint, path and query arguments), so no caller's input becomes a Redis key."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _fresh_version() -> str:
    low, high = _FRESH_VERSION
    return str(low + secrets.randbelow(high - low))


class PageCache:
    """Versioned pages in Redis under ``key_prefix:pages:``, kept ``seconds``."""

    def __init__(self, client: redis.Redis, key_prefix: str, seconds: int) -> None:
        self._redis = client
        self._version_key = f"{key_prefix}:pages:version"
        self._page_prefix = f"{key_prefix}:pages:"
        self.seconds = seconds
        self._lookup = client.register_script(_LOOKUP)
        self._bump = client.register_script(_BUMP)

    def lookup(self, digest: str) -> tuple[bytes | None, bytes | None]:
        """(the current version, the page kept under it or None); (None, None) when Redis
        does not answer: the caller reads the page itself and keeps nothing."""
        try:
            version, page = self._lookup(
                keys=[self._version_key], args=[_fresh_version(), self._page_prefix, digest]
            )
        except redis.RedisError as exc:
            log.warning("page cache unavailable: %s", exc)
            return None, None
        return version, page

    def keep(self, version: bytes, digest: str, page: bytes) -> None:
        """Keep ``page``, read after ``version`` was looked up, under that version."""
        if len(page) > MAX_PAGE_BYTES:
            return
        key = f"{self._page_prefix}{version.decode()}:{digest}"
        try:
            self._redis.set(key, page, ex=self.seconds)
        except redis.RedisError as exc:
            log.warning("page cache unavailable: %s", exc)

    def keep_boundary(self, version: bytes, digest: str, page: int, key: list) -> None:
        """Keep the sort key of the last row of ``page`` of the list ``digest`` (its query
        without the page number), read after ``version`` was looked up: until the next write,
        page ``page + 1`` starts right after it (``boundary``)."""
        name = f"{self._page_prefix}{version.decode()}:{digest}:after:{page}"
        try:
            self._redis.set(name, json.dumps(key, default=_encoded), ex=self.seconds)
        except redis.RedisError as exc:
            log.warning("page cache unavailable: %s", exc)

    def boundary(self, version: bytes, digest: str, page: int) -> list | None:
        """The sort key kept by ``keep_boundary`` for ``page`` under ``version``, or None."""
        name = f"{self._page_prefix}{version.decode()}:{digest}:after:{page}"
        try:
            kept = self._redis.get(name)
        except redis.RedisError as exc:
            log.warning("page cache unavailable: %s", exc)
            return None
        return None if kept is None else json.loads(kept, object_hook=_decoded)

    def changed(self) -> None:
        """A write committed: no page kept so far may be served. If Redis does not answer,
        the pages kept there expire within ``seconds``."""
        try:
            self._bump(keys=[self._version_key], args=[_fresh_version()])
        except redis.RedisError as exc:
            log.warning("page cache not told of a change: %s", exc)
