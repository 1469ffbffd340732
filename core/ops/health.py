"""Whether the appliance's dependencies answer: the database, and Redis when configured."""

from __future__ import annotations

import redis

from cyberorigen.db import ping


def dependency_checks(redis_client: redis.Redis | None) -> dict[str, str]:
    """``{"database": "ok", "redis": "unreachable: ConnectionError"}``: each dependency, and
    the kind of failure when it does not answer (never its message, which may hold a DSN)."""
    checks = {}
    try:
        ping()
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means the database is unusable
        checks["database"] = f"unreachable: {type(exc).__name__}"
    if redis_client is not None:
        try:
            redis_client.ping()
            checks["redis"] = "ok"
        except Exception as exc:  # noqa: BLE001
            checks["redis"] = f"unreachable: {type(exc).__name__}"
    return checks
