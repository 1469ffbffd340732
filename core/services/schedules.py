"""Scheduled scans: by cron expression (UTC) or every N seconds.

Any number of scheduler processes may run: each due schedule is claimed by a conditional
update of its ``next_run_at``, so a run starts once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from cronsim import CronSim, CronSimError

from cyberorigen.db import database
from cyberorigen.db.models import Scan, Schedule, utcnow
from cyberorigen.errors import Invalid, OutOfScope
from cyberorigen.services.listing import newest_first
from cyberorigen.services.scans import ScanRules, check_scan_scope, checked_options, create_scan
from cyberorigen.services.scope import in_scope
from cyberorigen.services.tenancy import of_organization, owned

log = logging.getLogger("cyberorigen.schedules")

MIN_INTERVAL_SECONDS = 300


def cron_problem(expression: str) -> str | None:
    try:
        CronSim(expression, datetime(2000, 1, 1))
    except CronSimError as exc:
        return f"not a cron expression: {exc}"
    return None


def next_run(schedule: Schedule, after: datetime) -> datetime:
    if schedule.cron:
        return next(CronSim(schedule.cron, after)).replace(microsecond=0)
    return after + timedelta(seconds=schedule.interval_seconds)


def _check_timing(cron: str | None, interval: int | None) -> None:
    if bool(cron) == bool(interval):
        raise Invalid("cron", "give exactly one of cron and interval_seconds")
    if cron and (problem := cron_problem(cron)):
        raise Invalid("cron", f"{problem}")
    if interval is not None and interval < MIN_INTERVAL_SECONDS:
        raise Invalid("interval_seconds", f"at least {MIN_INTERVAL_SECONDS}")


def create_schedule(
    org_id: int, user_id: int | None, data: Mapping[str, Any], rules: ScanRules
) -> Schedule:
    """A schedule of the scan ``data`` describes: its options checked now (and again at every
    run), its target in scope, its timing valid."""
    options = checked_options(org_id, rules, data["scan_type"], data.get("options") or {})
    if not in_scope(org_id, data["target"], rules.policy):
        raise OutOfScope(f"{data['target']} is outside your organization's scan scope.")
    _check_timing(data.get("cron"), data.get("interval_seconds"))
    with database.atomic():
        schedule = Schedule(
            organization=org_id,
            created_by=user_id,
            target=data["target"],
            scan_type=data["scan_type"],
            frameworks=list(data.get("frameworks") or []),
            options=options,
            cron=data.get("cron"),
            interval_seconds=data.get("interval_seconds"),
            enabled=data.get("enabled", True),
        )
        schedule.next_run_at = next_run(schedule, utcnow())
        schedule.save()
    return schedule


def update_schedule(schedule: Schedule, changes: Mapping[str, Any]) -> Schedule:
    timing = {key: changes[key] for key in ("cron", "interval_seconds") if key in changes}
    if timing:
        schedule.cron = timing.get("cron")
        schedule.interval_seconds = timing.get("interval_seconds")
        _check_timing(schedule.cron, schedule.interval_seconds)
    for name in ("target", "scan_type", "frameworks", "options", "enabled"):
        if name in changes:
            setattr(schedule, name, changes[name])
    if timing or changes.get("enabled"):
        schedule.next_run_at = next_run(schedule, utcnow())
    schedule.save()
    return schedule


def schedules_query(org_id: int):
    """The organization's schedules, newest first."""
    return newest_first(of_organization(Schedule, org_id))


def delete_schedule(org_id: int, public_id: str) -> None:
    get_schedule(org_id, public_id).delete_instance()


def get_schedule(org_id: int, public_id: str) -> Schedule:
    return owned(Schedule, org_id, public_id, "schedule")


def run_due_schedules(
    enqueue: Callable[[Scan], None],
    now: datetime | None = None,
    rules: ScanRules | None = None,
) -> list[str]:
    """Start a scan for every enabled schedule that is due; return the scans' ids. Under the
    appliance's ``rules`` each run checks its scope and options again (a scanner removed, an
    option no longer valid, a target the policy now forbids): a refused run records why.

    A schedule's claim and its scan (or the reason it did not start) are one transaction: a
    run is neither lost (claimed, no scan) nor doubled. The scan is handed to ``enqueue`` after
    the commit; if that fails (Redis is down), the scan stays queued and the reaper enqueues it
    once Redis is back."""
    now = now or utcnow()
    started = []
    due = Schedule.select().where(Schedule.enabled & (Schedule.next_run_at <= now))
    for schedule in due:
        options = schedule.options
        try:
            if rules is not None:
                options = checked_options(
                    schedule.organization_id, rules, schedule.scan_type, schedule.options
                )
            check_scan_scope(
                schedule.organization_id, schedule.target, rules.policy if rules else None
            )
            refused = None
        except (Invalid, OutOfScope) as exc:
            refused = exc.detail
        with database.atomic():
            claimed = (
                Schedule.update(next_run_at=next_run(schedule, now), last_run_at=now)
                .where(
                    (Schedule.id == schedule.id) & (Schedule.next_run_at == schedule.next_run_at)
                )
                .execute()
            )
            if not claimed:
                continue  # another scheduler took it
            if refused:
                Schedule.update(last_error=refused).where(Schedule.id == schedule.id).execute()
                log.warning("schedule %s did not start: %s", schedule.public_id, refused)
                continue
            scan = create_scan(
                schedule.organization_id,
                schedule.created_by_id,
                schedule.target,
                schedule.scan_type,
                schedule.frameworks,
                options,
            )
            Schedule.update(last_scan=scan, last_error=None).where(
                Schedule.id == schedule.id
            ).execute()
        started.append(scan.public_id)
        try:
            enqueue(scan)
        except Exception:  # noqa: BLE001 - the scan is recorded; the reaper enqueues it later
            log.exception("scheduled scan %s is queued but could not be enqueued", scan.public_id)
    return started
