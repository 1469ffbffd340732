"""Versioned schema migrations (peewee-migrate), applied by ``cyberorigen db upgrade``.

Migration files live in ``cyberorigen/db/migrations`` as package data; each is applied once
and recorded in the ``schema_migrations`` table.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from peewee import Database
from peewee_migrate import Router

MIGRATIONS_TABLE = "schema_migrations"


def migrations_dir() -> Path:
    return Path(str(resources.files("cyberorigen.db.migrations")))


def _router(db: Database) -> Router:
    return Router(
        db,
        migrate_dir=migrations_dir(),
        migrate_table=MIGRATIONS_TABLE,
        logger=logging.getLogger("cyberorigen.migrations"),
    )


def pending_migrations(db: Database) -> list[str]:
    return list(_router(db).diff)


def upgrade(db: Database, until: str | None = None) -> list[str]:
    """Apply every pending migration (up to and including ``until``, when given: a test
    fills an older schema); return the names applied."""
    router = _router(db)
    todo = list(router.diff)
    if until is not None:
        todo = todo[: todo.index(until) + 1]
    if todo:
        router.run(until)
    return todo
