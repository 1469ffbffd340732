"""The scan job, run by an RQ worker (production) or a thread of the API process (embedded)."""

from __future__ import annotations

import os

from cyberorigen.db import bind_database, database
from cyberorigen.jobs import runtime
from cyberorigen.services.scan_runner import run_scan

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
        return run_scan(scan_id, current.registry, current.runner_settings)
    finally:
        if not database.is_closed():
            database.close()


def run_scan_in_process(scan_id: str) -> str | None:
    """Embedded mode: the API process's database binding is shared; close this thread's
    connection when done."""
    current = runtime.current()
    try:
        return run_scan(scan_id, current.registry, current.runner_settings)
    finally:
        if not database.is_closed():
            database.close()
