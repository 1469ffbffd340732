"""A scan of many hosts, shared by many workers: its hosts in parts, each run by one job.

At the scan's first claim, a target of more than ``hosts_per_job`` units (hosts) is cut into
parts of that many; a job is enqueued per part. Every job (the scan's own included) takes
any part still ``queued`` (a conditional update: each part is run by one job at a time),
runs its hosts, marks it ``done`` and takes the next; the job that finds every part done
concludes the scan (``scan_runner``). A part whose runner stopped moving its heartbeat is
queued again while attempts remain, else ended with its unfinished runs failed; cancelling
the scan stops every part at its next step (each reads the scan's ``cancel_requested``).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from datetime import timedelta

from peewee import fn

from cyberorigen.db import database
from cyberorigen.db.models import Scan, ScannerRun, ScanPart, utcnow
from cyberorigen.services.scan_plan import unit_of
from cyberorigen.services.targets import parse_targets

#: Times a part is started before it is given up (its worker died each time).
MAX_PART_ATTEMPTS = 2
#: The run statuses that end a run (the others are left to a part's next attempt).
RUN_DONE = ("completed", "failed", "timed_out", "skipped", "not_applicable", "cancelled")


#: Who this process runs parts as (a worker names itself: its forked work horses run the
#: jobs); None: ``host:pid`` of this process.
_runner: str | None = None


def name_runner(name: str) -> None:
    global _runner  # noqa: PLW0603 - one name per process, set where the worker starts
    _runner = name[:200]


def runner_name() -> str:
    """Who runs a part: the worker's name, or ``host:pid``."""
    return _runner or f"{socket.gethostname()}:{os.getpid()}"[:200]


def plan_parts(scan: Scan, units: int, hosts_per_job: int) -> list[ScanPart]:
    """The parts of a scan of ``units`` hosts: none when one job is enough."""
    if hosts_per_job <= 0 or units <= hosts_per_job:
        return []
    return [
        ScanPart.create(scan=scan, index=index, first=first, stop=min(first + hosts_per_job, units))
        for index, first in enumerate(range(0, units, hosts_per_job))
    ]


def has_parts(scan: Scan) -> bool:
    return ScanPart.select().where(ScanPart.scan == scan).exists()


def queued_parts(scan: Scan) -> list[ScanPart]:
    return list(
        ScanPart.select()
        .where((ScanPart.scan == scan) & (ScanPart.status == "queued"))
        .order_by(ScanPart.index)
    )


def claim_part(scan: Scan) -> ScanPart | None:
    """Take the first queued part of ``scan`` for this process; None when none is left."""
    for part in queued_parts(scan):
        now = utcnow()
        with database.atomic():
            claimed = (
                ScanPart.update(
                    status="running",
                    attempts=ScanPart.attempts + 1,
                    worker=runner_name(),
                    heartbeat_at=now,
                )
                .where((ScanPart.id == part.id) & (ScanPart.status == "queued"))
                .execute()
            )
        if claimed:
            return ScanPart.get_by_id(part.id)
    return None


def beat_part(part: ScanPart, progress: int) -> int:
    """Move ``part``'s heartbeat and progress; the scan's progress (the parts' mean)."""
    ScanPart.update(heartbeat_at=utcnow(), progress=progress).where(
        ScanPart.id == part.id
    ).execute()
    sizes = ScanPart.stop - ScanPart.first
    done, total = (
        ScanPart.select(fn.SUM(ScanPart.progress * sizes), fn.SUM(sizes))
        .where(ScanPart.scan == part.scan_id)
        .tuples()
        .get()
    )
    return min(99, int((done or 0) / max(total or 1, 1)))


def finish_part(part: ScanPart) -> None:
    ScanPart.update(status="done", progress=100, finished_at=utcnow()).where(
        (ScanPart.id == part.id) & (ScanPart.status == "running")
    ).execute()


def all_parts_done(scan: Scan) -> bool:
    return not (
        ScanPart.select().where((ScanPart.scan == scan) & (ScanPart.status != "done")).exists()
    )


def release_parts(scan_id: str) -> int:
    """Hand back the parts this process runs of a scan whose job lost the database (they
    are queued again, the attempt not counted)."""
    scan = Scan.get_or_none(Scan.public_id == scan_id)
    if scan is None:
        return 0
    return (
        ScanPart.update(status="queued", attempts=ScanPart.attempts - 1, heartbeat_at=utcnow())
        .where(
            (ScanPart.scan == scan)
            & (ScanPart.status == "running")
            & (ScanPart.worker == runner_name())
        )
        .execute()
    )


def reap_lost_parts(silence: float, requeue_part: Callable[[Scan, ScanPart], None]) -> list[str]:
    """The parts of running scans no job will finish, handed to ``requeue_part(scan, part)``:

    - ``running`` with a heartbeat older than ``silence`` seconds (its worker died): queued
      again while attempts remain, else ``done`` with its unfinished runs failed;
    - ``queued`` for longer than ``silence`` seconds while no part of its scan is running
      with a live heartbeat (its job was lost, or its runners died): another job is enqueued
      (a live runner takes the queued parts after its own, so none is needed then);
    - a silent scan whose parts are all done but which nobody concluded (its concluder died,
      or its last part was given up): a job is enqueued to conclude it.

    Safe in several processes at once: each part is claimed by a conditional update."""
    cutoff = utcnow() - timedelta(seconds=silence)
    handled = []
    alive = ScanPart.alias()
    runner_alive = fn.EXISTS(
        alive.select().where(
            (alive.scan == ScanPart.scan)
            & (alive.status == "running")
            & (alive.heartbeat_at >= cutoff)
        )
    )
    stale = (
        ScanPart.select(ScanPart, Scan)
        .join(Scan)
        .where(
            (Scan.status == "running")
            & (ScanPart.heartbeat_at < cutoff)
            & ((ScanPart.status == "running") | ((ScanPart.status == "queued") & ~runner_alive))
        )
    )
    for part in stale:
        handled += _reap(part, cutoff, requeue_part)
    unconcluded = Scan.select().where(
        (Scan.status == "running")
        & (Scan.heartbeat_at < cutoff)
        & fn.EXISTS(ScanPart.select().where(ScanPart.scan == Scan.id))
        & ~fn.EXISTS(
            ScanPart.select().where((ScanPart.scan == Scan.id) & (ScanPart.status != "done"))
        )
    )
    for scan in unconcluded:
        moved = (
            Scan.update(heartbeat_at=utcnow())
            .where((Scan.id == scan.id) & (Scan.heartbeat_at == scan.heartbeat_at))
            .execute()
        )
        if moved:
            last = ScanPart.select().where(ScanPart.scan == scan).order_by(ScanPart.index).get()
            requeue_part(scan, last)
            handled.append(f"{scan.public_id}: conclude")
    return handled


def _reap(part: ScanPart, cutoff, requeue_part) -> list[str]:
    scan, now = part.scan, utcnow()
    lost_runner = part.status == "running"
    if lost_runner and part.attempts >= MAX_PART_ATTEMPTS:
        change = {"status": "done", "finished_at": now, "heartbeat_at": now}
    else:
        change = {"status": "queued", "heartbeat_at": now}
    with database.atomic():
        claimed = (
            ScanPart.update(**change)
            .where(
                (ScanPart.id == part.id)
                & (ScanPart.status == part.status)
                & (ScanPart.heartbeat_at < cutoff)
            )
            .execute()
        )
        if claimed and change["status"] == "done":
            _fail_unfinished_runs(scan, part)
    if not claimed:
        return []
    if change["status"] == "queued":  # given up: the scan's conclusion is asked for below
        requeue_part(scan, ScanPart.get_by_id(part.id))
    return [f"{scan.public_id} part {part.index}: {change['status']}"]


def _fail_unfinished_runs(scan: Scan, part: ScanPart) -> None:
    why = f"its worker stopped answering (tried {part.attempts} times)"
    units = parse_targets(scan.target).units()[part.first : part.stop]
    by_host = {unit.host: unit.value for unit in units}
    for run in ScannerRun.select().where(
        (ScannerRun.scan == scan) & ScannerRun.status.not_in(RUN_DONE)
    ):
        if unit_of(run, by_host, scan.target) in by_host.values():
            run.status, run.error = "failed", why
            run.save()
