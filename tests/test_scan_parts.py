"""The parts of a shared scan (a range in batches of hosts, one job each) when their workers
die: on the real database, with the reaper and the part job as the workers run them."""

from __future__ import annotations

from datetime import timedelta

from cyberorigen.appliance import appliance_of
from cyberorigen.db.models import Organization, OutboxEvent, Scan, ScannerRun, ScanPart, utcnow
from cyberorigen.services.scan_parts import (
    MAX_PART_ATTEMPTS,
    claim_part,
    plan_parts,
    reap_lost_parts,
)
from cyberorigen.services.scan_runner import run_scan_part

TARGET = "127.0.3.1-127.0.3.4"


def _running_scan(silent_since) -> Scan:
    return Scan.create(
        organization=Organization.get(),
        target=TARGET,
        scan_type="nothing",
        status="running",
        attempts=1,
        started_at=silent_since,
        heartbeat_at=silent_since,
    )


def test_parts_cover_every_host_once_and_only_beyond_the_limit(make_account):
    make_account(role="analyst")
    scan = _running_scan(utcnow())
    assert plan_parts(scan, 4, 4) == [] and plan_parts(scan, 4, 0) == []
    parts = plan_parts(scan, 7, 3)
    assert [(part.first, part.stop) for part in parts] == [(0, 3), (3, 6), (6, 7)]
    first, second = claim_part(scan), claim_part(scan)
    assert (first.index, first.status, first.attempts) == (0, "running", 1)
    assert second.index == 1  # a part is run by one job at a time
    assert claim_part(scan).index == 2 and claim_part(scan) is None


def test_a_part_whose_worker_died_is_queued_again_then_given_up(make_app, make_account):
    """Its worker stopped answering: the part is queued again (a job is enqueued for it);
    after its last attempt it is given up, its unfinished runs fail with why, and the job
    enqueued then concludes the scan from what the other parts did."""
    make_account(role="analyst")
    app = make_app(redis=False)
    settings = appliance_of(app).runner_settings
    registry = appliance_of(app).registry
    silent_since = utcnow() - timedelta(seconds=120)
    scan = _running_scan(silent_since)
    done, lost = plan_parts(scan, 4, 2)
    ScanPart.update(status="done", progress=100).where(ScanPart.id == done.id).execute()
    ScanPart.update(status="running", attempts=1, heartbeat_at=silent_since).where(
        ScanPart.id == lost.id
    ).execute()
    ScannerRun.create(scan=scan, scanner="http", target="127.0.3.1", position=0, status="completed")
    cut_short = ScannerRun.create(
        scan=scan, scanner="http", target="127.0.3.3", position=200000, status="running"
    )
    asked: list[tuple[str, int]] = []

    def requeue(scan_row, part) -> None:
        asked.append((scan_row.public_id, part.index))

    assert reap_lost_parts(60, requeue) == [f"{scan.public_id} part 1: queued"]
    assert asked == [(scan.public_id, 1)]
    assert ScanPart.get_by_id(lost.id).status == "queued"

    # Its second attempt's worker dies too.
    ScanPart.update(status="running", attempts=MAX_PART_ATTEMPTS, heartbeat_at=silent_since).where(
        ScanPart.id == lost.id
    ).execute()
    assert reap_lost_parts(60, requeue) == [
        f"{scan.public_id} part 1: done",
        f"{scan.public_id}: conclude",
    ]
    assert asked == [(scan.public_id, 1), (scan.public_id, 0)]
    given_up = ScannerRun.get_by_id(cut_short.id)
    assert (given_up.status, given_up.error) == (
        "failed",
        f"its worker stopped answering (tried {MAX_PART_ATTEMPTS} times)",
    )
    assert ScanPart.get_by_id(lost.id).status == "done"

    # The job enqueued for it finds every part done and concludes the scan, once.
    assert run_scan_part(scan.public_id, registry, settings) == "completed"
    assert run_scan_part(scan.public_id, registry, settings) is None
    concluded = Scan.get_by_id(scan.id)
    assert concluded.status == "completed"
    assert "http 127.0.3.3: failed (its worker stopped answering" in concluded.error
    events = [
        row.type for row in OutboxEvent.select() if row.payload.get("scan_id") == scan.public_id
    ]
    assert events.count("scan.completed") == 1


def test_a_scan_whose_parts_all_ended_but_nobody_concluded_is_handed_to_a_job(
    make_app, make_account
):
    make_account(role="analyst")
    make_app(redis=False)
    silent_since = utcnow() - timedelta(seconds=120)
    scan = _running_scan(silent_since)
    for part in plan_parts(scan, 4, 2):
        ScanPart.update(status="done").where(ScanPart.id == part.id).execute()
    fresh = _running_scan(utcnow())  # its concluder may still be at work
    for part in plan_parts(fresh, 4, 2):
        ScanPart.update(status="done").where(ScanPart.id == part.id).execute()
    asked = []
    handled = reap_lost_parts(60, lambda scan_row, part: asked.append(scan_row.public_id))
    assert handled == [f"{scan.public_id}: conclude"] and asked == [scan.public_id]
    assert reap_lost_parts(60, lambda *args: asked.append("again")) == []  # claimed once


def test_queued_parts_wait_for_a_live_runner_and_get_a_job_once_none_is_left(
    make_app, make_account
):
    """A part queued for long while another part of its scan runs with a live heartbeat is
    left to that runner (it takes the queued parts after its own); once no runner is alive,
    a job is enqueued for it."""
    make_account(role="analyst")
    make_app(redis=False)
    silent_since = utcnow() - timedelta(seconds=120)
    scan = _running_scan(utcnow())
    running, waiting = plan_parts(scan, 4, 2)
    ScanPart.update(status="running", attempts=1, heartbeat_at=utcnow()).where(
        ScanPart.id == running.id
    ).execute()
    ScanPart.update(heartbeat_at=silent_since).where(ScanPart.id == waiting.id).execute()
    asked = []
    assert reap_lost_parts(60, lambda scan_row, part: asked.append(part.index)) == []
    assert asked == []

    ScanPart.update(heartbeat_at=silent_since).where(ScanPart.id == running.id).execute()
    handled = reap_lost_parts(60, lambda scan_row, part: asked.append(part.index))
    assert sorted(handled) == sorted(
        [f"{scan.public_id} part 0: queued", f"{scan.public_id} part 1: queued"]
    )
    assert sorted(asked) == [0, 1]
