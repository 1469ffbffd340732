"""The scan job, run by an RQ worker (production) or a thread of the API process (embedded).

A job that loses the database (PostgreSQL restarted, stopped a while) does not drop its scan:
it waits for the database, hands the scan back to the queue without counting the attempt, and
runs it again. If the database stays away longer than that, the scan is left to the reaper,
which re-queues it from its row once the database is back.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from cyberorigen.db import DATABASE_LOST, database, wait_for_database
from cyberorigen.jobs.process import job_appliance
from cyberorigen.services.scan_parts import release_parts
from cyberorigen.services.scan_runner import release_scan, run_scan, run_scan_part

if TYPE_CHECKING:
    from cyberorigen.appliance import Appliance

log = logging.getLogger("cyberorigen.jobs")

#: Times a job runs its scan again after losing the database, and how long it waits for it.
DATABASE_RERUNS = 3
DATABASE_WAIT_SECONDS = 120.0


def run_scan_job(scan_id: str) -> str | None:
    """RQ entry point."""
    appliance = job_appliance()
    try:
        return _run_through_database_loss(appliance, scan_id)
    finally:
        if not database.is_closed():
            database.close()


def run_scan_part_job(scan_id: str) -> str | None:
    """RQ entry point of a part job: the queued parts of a scan of many hosts."""
    appliance = job_appliance()
    try:
        return _run_through_database_loss(appliance, scan_id, part=True)
    finally:
        if not database.is_closed():
            database.close()


def _run_through_database_loss(
    appliance: Appliance, scan_id: str, part: bool = False
) -> str | None:
    run = run_scan_part if part else run_scan
    for rerun in range(DATABASE_RERUNS + 1):
        try:
            return run(scan_id, appliance.registry, appliance.runner_settings)
        except DATABASE_LOST as exc:
            if rerun == DATABASE_RERUNS:
                raise
            log.warning("scan %s lost the database (%s); waiting for it", scan_id, exc)
            if not wait_for_database(DATABASE_WAIT_SECONDS):
                raise
            release_parts(scan_id)
            if not part:
                release_scan(scan_id, "the database was unavailable")
            log.warning("scan %s: the database is back; running it again", scan_id)
    return None


def run_scan_in_process(appliance: Appliance, scan_id: str) -> str | None:
    """Embedded mode: the API process's database binding is shared; close this thread's
    connection when done."""
    try:
        return _run_through_database_loss(appliance, scan_id)
    finally:
        if not database.is_closed():
            database.close()
