"""The scan job, run by an RQ worker (production) or a thread of the API process (embedded).

A job that loses the database (PostgreSQL restarted, stopped a while) does not drop its scan:
it waits for the database, hands the scan back to the queue without counting the attempt, and
runs it again. If the database stays away longer than that, the scan is left to the reaper,
which re-queues it from its row once the database is back.
"""

from __future__ import annotations

import logging
import os

from cyberorigen.db import DATABASE_LOST, bind_database, database, wait_for_database
from cyberorigen.jobs import runtime
from cyberorigen.services.scan_runner import release_scan, run_scan

log = logging.getLogger("cyberorigen.jobs")

#: Times a job runs its scan again after losing the database, and how long it waits for it.
DATABASE_RERUNS = 3
DATABASE_WAIT_SECONDS = 120.0

_bound_in: int | None = None
_inherited: list = []


def bind_for_this_process(url: str) -> None:
    """Bind the database once per process. A work horse forked for one job gets a binding
    (and connections) of its own, never the parent's; a worker that runs jobs in its own
    process keeps its binding, and its connection pool, from job to job.

    The binding inherited from the parent is kept referenced, never closed or collected: its
    connections' sockets belong to the parent, and closing them here would end the parent's
    sessions. (RQ ends a work horse with os._exit, which runs no finalizer.)"""
    global _bound_in
    if _bound_in != os.getpid():
        if database.obj is not None:
            _inherited.append(database.obj)
        bind_database(url)
        _bound_in = os.getpid()


def run_scan_job(scan_id: str) -> str | None:
    """RQ entry point."""
    current = runtime.current()
    bind_for_this_process(current.settings.database_url)
    try:
        return _run_through_database_loss(scan_id, current)
    finally:
        if not database.is_closed():
            database.close()


def _run_through_database_loss(scan_id: str, current: runtime.Runtime) -> str | None:
    for rerun in range(DATABASE_RERUNS + 1):
        try:
            return run_scan(scan_id, current.registry, current.runner_settings)
        except DATABASE_LOST as exc:
            if rerun == DATABASE_RERUNS:
                raise
            log.warning("scan %s lost the database (%s); waiting for it", scan_id, exc)
            if not wait_for_database(DATABASE_WAIT_SECONDS):
                raise
            release_scan(scan_id, "the database was unavailable")
            log.warning("scan %s: the database is back; running it again", scan_id)
    return None


def run_scan_in_process(scan_id: str) -> str | None:
    """Embedded mode: the API process's database binding is shared; close this thread's
    connection when done."""
    current = runtime.current()
    try:
        return _run_through_database_loss(scan_id, current)
    finally:
        if not database.is_closed():
            database.close()
