"""The scan job, run by an RQ worker (production) or a thread of the API process (embedded)."""

from __future__ import annotations

from cyberorigen.db import bind_database, database
from cyberorigen.jobs import runtime
from cyberorigen.services.scan_runner import run_scan


def run_scan_job(scan_id: str) -> str | None:
    """RQ entry point. Opens its own database connection: RQ runs it in a forked work horse,
    which must not reuse a connection of the parent process."""
    current = runtime.current()
    db = bind_database(current.settings.database_url)
    try:
        return run_scan(scan_id, current.registry, current.runner_settings)
    finally:
        db.close()


def run_scan_in_process(scan_id: str) -> str | None:
    """Embedded mode: the API process's database binding is shared; close this thread's
    connection when done."""
    current = runtime.current()
    try:
        return run_scan(scan_id, current.registry, current.runner_settings)
    finally:
        if not database.is_closed():
            database.close()
