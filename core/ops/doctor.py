"""``cyberorigen doctor``: is this appliance healthy, and if not, what to do about it.

Each check returns a :class:`Finding` with ``ok``, ``warn`` or ``fail``, what was seen, and
for a problem what to do. The command exits non-zero when any check fails.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cyberorigen.db import bind_database
from cyberorigen.db.migrate import pending_migrations
from cyberorigen.db.models import OutboxEvent, WebhookDelivery, utcnow
from cyberorigen.jobs.queue import dispatcher_key
from cyberorigen.plugin_registry import build_registry
from cyberorigen.settings import Settings

MIN_FREE_BYTES = 1 << 30
MIN_FREE_RATIO = 0.05
MAX_CLOCK_SKEW = timedelta(seconds=5)
STALLED_AFTER = timedelta(minutes=2)


@dataclass(frozen=True)
class Result:
    name: str
    status: str  # ok | warn | fail
    detail: str
    fix: str = ""


def _configuration(settings: Settings) -> Iterator[Result]:
    mode = "embedded (SQLite, no Redis)" if settings.embedded else "production (Redis)"
    yield Result("configuration", "ok", f"settings valid; {mode}; instance {settings.instance_dir}")
    if settings.database_url.startswith("sqlite") and not settings.embedded:
        yield Result(
            "configuration",
            "warn",
            "Redis is configured but the database is SQLite: workers on other hosts cannot "
            "reach it",
            "use PostgreSQL (database_url = postgresql://...) when workers run elsewhere",
        )


def _database(settings: Settings) -> Iterator[Result]:
    try:
        db = bind_database(settings.database_url)
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT 1").fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure is the finding
        yield Result(
            "database",
            "fail",
            f"cannot connect: {type(exc).__name__}: {exc}",
            "check database_url and that the server runs and accepts this user",
        )
        return
    pending = pending_migrations(db)
    if pending:
        yield Result(
            "database",
            "fail",
            f"{len(pending)} migration(s) not applied: {', '.join(pending)}",
            "run: cyberorigen db upgrade",
        )
    else:
        yield Result("database", "ok", f"reachable, schema up to date ({db.__class__.__name__})")
    if settings.database_url.startswith("postgres"):
        server_now = db.execute_sql("SELECT now()").fetchone()[0]
        skew = abs(datetime.now(UTC) - server_now.astimezone(UTC))
        yield _clock("clock (database)", skew)


def _clock(name: str, skew: timedelta) -> Result:
    if skew > MAX_CLOCK_SKEW:
        return Result(
            name,
            "fail",
            f"this host and the server differ by {skew.total_seconds():.1f} s",
            "synchronise clocks with NTP (timedatectl set-ntp true): tokens, leases and "
            "schedules depend on them",
        )
    return Result(name, "ok", f"in step ({skew.total_seconds():.2f} s apart)")


def _redis_and_workers(settings: Settings) -> Iterator[Result]:
    if settings.embedded:
        yield Result(
            "redis", "ok", "embedded mode: no Redis; scans and deliveries run in the API process"
        )
        return
    import redis
    from rq import Queue, Worker

    connection = redis.Redis.from_url(settings.redis_url, socket_timeout=5)
    try:
        connection.ping()
        seconds, micros = connection.time()
    except redis.RedisError as exc:
        yield Result(
            "redis",
            "fail",
            f"cannot reach {settings.redis_url.split('@')[-1]}: {exc}",
            "check redis_url (password included) and that Redis runs",
        )
        return
    yield Result("redis", "ok", "reachable")
    redis_now = datetime.fromtimestamp(seconds + micros / 1e6, UTC)
    yield _clock("clock (redis)", abs(datetime.now(UTC) - redis_now))
    queues = (settings.scan_queue, settings.webhooks.queue)
    workers = [
        worker
        for worker in Worker.all(connection=connection)
        if set(worker.queue_names()) & set(queues)
    ]
    dispatchers = list(connection.scan_iter(dispatcher_key(settings.webhooks.queue)))
    if dispatchers:
        yield Result(
            "scheduler", "ok", f"{len(dispatchers)} scheduler/dispatcher process(es) alive"
        )
    else:
        yield Result(
            "scheduler",
            "fail",
            "no scheduler is running: scheduled scans do not start and webhooks are not sent",
            "start one: systemctl start cyberorigen-scheduler (or: cyberorigen scheduler, or a "
            "worker with --with-scheduler)",
        )
    depth = {name: Queue(name, connection=connection).count for name in queues}
    waiting = ", ".join(f"{name}: {count}" for name, count in depth.items())
    if not workers:
        yield Result(
            "workers",
            "fail",
            f"no live worker listens on {', '.join(queues)} (waiting jobs: {waiting})",
            "start workers: systemctl start cyberorigen-worker@1 (or: cyberorigen worker)",
        )
    else:
        yield Result("workers", "ok", f"{len(workers)} live worker(s); waiting jobs: {waiting}")


def _pipeline() -> Iterator[Result]:
    """A dispatcher must run somewhere: old undispatched events or overdue deliveries say it
    does not."""
    stale = utcnow() - STALLED_AFTER
    undispatched = (
        OutboxEvent.select()
        .where(OutboxEvent.dispatched_at.is_null() & (OutboxEvent.created_at < stale))
        .count()
    )
    overdue = (
        WebhookDelivery.select()
        .where(
            (WebhookDelivery.status == "pending")
            & (WebhookDelivery.next_attempt_at < stale)
            & WebhookDelivery.locked_until.is_null()
        )
        .count()
    )
    if undispatched or overdue:
        yield Result(
            "webhook dispatcher",
            "fail",
            f"{undispatched} event(s) waiting for more than 2 minutes, {overdue} overdue "
            "deliveries",
            "run the dispatcher: systemctl start cyberorigen-scheduler (or: cyberorigen "
            "scheduler, or a worker with --with-scheduler)",
        )
    else:
        yield Result("webhook dispatcher", "ok", "no event or delivery is overdue")


def _plugins(settings: Settings) -> Iterator[Result]:
    registry = build_registry(settings.disabled_plugins)
    loaded = [record.name for record in registry.records if record.status == "loaded"]
    broken = [record for record in registry.records if record.status in ("failed", "incompatible")]
    for record in broken:
        yield Result(
            f"plugin {record.name}",
            "fail",
            f"{record.status}: {record.reason}",
            "fix or update the plugin, or list it in plugins.disabled",
        )
    for record in registry.records:
        for problem in record.problems:
            yield Result(f"plugin {record.name}", "warn", problem)
    if not broken:
        yield Result("plugins", "ok", f"{len(loaded)} loaded: {', '.join(loaded)}")


def _disk(settings: Settings) -> Iterator[Result]:
    folder = settings.instance_dir
    folder.mkdir(parents=True, exist_ok=True)
    usage = shutil.disk_usage(folder)
    free_gib = usage.free / (1 << 30)
    if usage.free < MIN_FREE_BYTES or usage.free / usage.total < MIN_FREE_RATIO:
        yield Result(
            "disk",
            "fail",
            f"{free_gib:.1f} GiB free under {folder} ({usage.free / usage.total:.0%})",
            "free space or move instance_dir: evidence files and the SQLite database live there",
        )
    else:
        yield Result("disk", "ok", f"{free_gib:.1f} GiB free under {folder}")


CHECKS: tuple[Callable[[Settings], Iterator[Result]], ...] = (
    _configuration,
    _database,
    _redis_and_workers,
    _plugins,
    _disk,
)


def diagnose(settings: Settings) -> list[Result]:
    results: list[Result] = []
    for check in CHECKS:
        results.extend(check(settings))
    if any(item.name == "database" and item.status == "ok" for item in results):
        results.extend(_pipeline())
    return results
