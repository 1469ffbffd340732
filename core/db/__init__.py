"""The database: one peewee proxy, bound at start-up from the configured URL.

SQLite (the embedded default) runs in WAL mode with foreign keys on, and every transaction
begins IMMEDIATE (see :class:`ImmediateSqliteDatabase`); PostgreSQL uses a connection pool so a
gunicorn worker does not reconnect on every request.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from peewee import Database, DatabaseProxy, InterfaceError, OperationalError, SqliteDatabase
from playhouse.pool import PooledDatabase, PooledPostgresqlDatabase

database = DatabaseProxy()

log = logging.getLogger("cyberorigen.db")

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


#: What a statement that changes nothing begins with; any other statement may change rows.
_READ_ONLY_STATEMENTS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "PRAGMA")

#: Called, by name, after each commit of a change: see :func:`on_committed_change`.
_change_listeners: dict[str, weakref.WeakMethod] = {}


def on_committed_change(name: str, listener: Callable[[], None]) -> None:
    """Call ``listener()`` (a bound method) after every commit that may have changed rows
    through a database of this process: a transaction that ran a statement other than a
    read, once it commits (not if it rolls back), or such a statement outside any
    transaction, once it ran.

    One listener per ``name`` (the last one given), held weakly: the listener of an object
    that is gone is forgotten. A listener that raises is logged; the change it reports is
    committed already."""
    _change_listeners[name] = weakref.WeakMethod(listener)


def _report_change() -> None:
    for name, reference in list(_change_listeners.items()):
        listener = reference()
        if listener is None:
            _change_listeners.pop(name, None)
            continue
        try:
            listener()
        except Exception:
            log.warning("the change listener %r failed", name, exc_info=True)


def _watch_changes(db: Database) -> None:
    """Have ``db`` report each committed change once (peewee's query hooks see every
    statement it executes; its commit callbacks run after the outermost commit)."""

    def watch(event) -> None:
        if event.exception is not None or event.sql.lstrip().upper().startswith(
            _READ_ONLY_STATEMENTS
        ):
            return
        if not _change_listeners:
            return
        pending = getattr(db._state, "commit_callbacks", None)
        if pending is not None and _report_change in pending:
            return  # this transaction reports its commit already
        db.after_commit(_report_change)

    db.query_hooks.append(watch)


def open_database(url: str) -> Database:
    """Make (but do not connect) a peewee database for ``url``; it reports its committed
    changes to the listeners of :func:`on_committed_change`."""
    db = _open_database(url)
    _watch_changes(db)
    return db


def _open_database(url: str) -> Database:
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
