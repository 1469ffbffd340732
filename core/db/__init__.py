"""The database: one peewee proxy, bound at start-up from the configured URL.

SQLite (the embedded default) runs in WAL mode with foreign keys on, and every transaction
begins IMMEDIATE (see :class:`ImmediateSqliteDatabase`); PostgreSQL uses a connection pool so a
gunicorn worker does not reconnect on every request.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from peewee import Database, DatabaseProxy, InterfaceError, OperationalError, SqliteDatabase
from playhouse.pool import PooledDatabase, PooledPostgresqlDatabase

database = DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 15000,
    "synchronous": "normal",
}


class ImmediateSqliteDatabase(SqliteDatabase):
    """SQLite whose transactions take the write lock when they begin.

    In WAL mode a deferred transaction that has read and then writes cannot wait for another
    writer (its snapshot would be stale): SQLite answers ``database is locked`` at once,
    whatever ``busy_timeout`` says. A transaction that begins IMMEDIATE waits its turn instead,
    so overlapping scans and requests queue for the lock rather than fail."""

    def begin(self, lock_type: str | None = None) -> None:
        super().begin(lock_type or "IMMEDIATE")


def open_database(url: str) -> Database:
    """Make (but do not connect) a peewee database for ``url``."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = parts.path
        if path in ("", "/:memory:"):
            raise ValueError("an in-memory SQLite database cannot be shared; give a file path")
        _create_private(Path(path))
        return ImmediateSqliteDatabase(path, pragmas=SQLITE_PRAGMAS)
    if parts.scheme in ("postgresql", "postgres"):
        options = dict(parse_qsl(parts.query))
        return PooledPostgresqlDatabase(
            parts.path.lstrip("/"),
            user=parts.username,
            password=parts.password,
            host=parts.hostname,
            port=parts.port or 5432,
            max_connections=int(options.pop("max_connections", 20)),
            stale_timeout=300,
            timeout=10,
            **options,
        )
    raise ValueError(f"unsupported database URL scheme: {parts.scheme!r}")


def _create_private(path: Path) -> None:
    """Create the SQLite file 0600 before SQLite would (0644 under the usual umask): it holds
    password hashes and encrypted secrets. SQLite gives its -wal and -shm the file's mode."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def locked(query):
    """``query`` reading rows the caller's transaction is about to change, locked until it
    ends (``FOR UPDATE`` on PostgreSQL; a SQLite transaction holds the write lock already)."""
    return query.for_update() if database.obj is not None and database.obj.for_update else query


def bind_database(url: str) -> Database:
    """Point the shared proxy at the database for ``url`` and return it."""
    db = open_database(url)
    database.initialize(db)
    return db


def ping() -> None:
    """Raise if the database cannot answer a trivial query."""
    database.execute_sql("SELECT 1").fetchone()


#: What a lost (stopped, restarted, unreachable) database raises.
DATABASE_LOST = (OperationalError, InterfaceError)


def forget_connections() -> None:
    """Drop this thread's connection and the pool's idle ones: after the database restarted
    they are dead, and the next query would fail on them."""
    with contextlib.suppress(*DATABASE_LOST):
        if not database.is_closed():
            database.close()
    if isinstance(database.obj, PooledDatabase):
        with contextlib.suppress(*DATABASE_LOST):
            database.obj.close_idle()


def wait_for_database(timeout: float) -> bool:
    """Wait (backing off from 0.5 s to 5 s) until the database answers; False if it did not
    within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    pause = 0.5
    while True:
        forget_connections()
        try:
            ping()
            return True
        except DATABASE_LOST:
            if time.monotonic() + pause > deadline:
                return False
            time.sleep(pause)
            pause = min(pause * 2, 5.0)
