"""Scheduled scans: the API, the claim-once rule, and a real `cyberorigen scheduler` process."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timedelta

from rq import Queue
from rq.serializers import JSONSerializer

from cyberorigen.appliance import appliance_of
from cyberorigen.db.models import Scan, Schedule, ScopeEntry, utcnow
from cyberorigen.services.schedules import run_due_schedules

WEEKLY = {"target": "example.com", "scan_type": "quick", "cron": "0 3 * * 1"}


def create(client, account, **body):
    return client.post("/api/v1/schedules", json=body, headers=account.headers)


def test_a_cron_schedule_gets_its_next_run_in_utc(client, make_account):
    analyst = make_account(role="analyst")

    response = create(client, analyst, **WEEKLY)

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["id"].startswith("sch_") and body["enabled"] is True
    next_run = datetime.strptime(body["next_run_at"], "%Y-%m-%dT%H:%M:%SZ")
    assert next_run.weekday() == 0 and (next_run.hour, next_run.minute) == (3, 0)
    assert utcnow() < next_run <= utcnow() + timedelta(days=7)
    assert body["options"]["http"]["timeout"] == 10.0  # the scanner's defaults, filled in


def test_schedule_bodies_are_checked(client, make_account):
    analyst = make_account(role="analyst")
    viewer = make_account(role="viewer")

    bad_cron = create(client, analyst, target="example.com", cron="every monday")
    both = create(client, analyst, target="example.com", cron="0 3 * * *", interval_seconds=900)
    neither = create(client, analyst, target="example.com")
    too_often = create(client, analyst, target="example.com", interval_seconds=60)
    outside = create(client, analyst, target="example.net", interval_seconds=3600)
    by_viewer = create(client, viewer, **WEEKLY)

    assert bad_cron.status_code == 422 and bad_cron.get_json()["field"] == "cron"
    assert both.status_code == 422 and neither.status_code == 422
    assert too_often.status_code == 422 and too_often.get_json()["field"] == "interval_seconds"
    assert outside.status_code == 403
    assert outside.get_json()["error_code"] == "TARGET_OUT_OF_SCOPE"
    assert by_viewer.status_code == 403


def test_a_due_schedule_starts_one_scan_and_moves_on(client, make_account):
    analyst = make_account(role="analyst")
    schedule_id = create(client, analyst, target="example.com", interval_seconds=3600).get_json()[
        "id"
    ]
    Schedule.update(next_run_at=utcnow() - timedelta(seconds=5)).execute()
    enqueued = []

    started = run_due_schedules(enqueued.append)
    again = run_due_schedules(enqueued.append)

    assert len(started) == 1 and again == []
    assert [scan.public_id for scan in enqueued] == started
    scan = Scan.get(Scan.public_id == started[0])
    assert scan.target == "example.com" and scan.status == "queued"
    detail = client.get(f"/api/v1/schedules/{schedule_id}", headers=analyst.headers).get_json()
    assert detail["last_scan_id"] == started[0]
    next_run = datetime.strptime(detail["next_run_at"], "%Y-%m-%dT%H:%M:%SZ")
    assert next_run > utcnow() + timedelta(minutes=55)


def test_a_schedule_out_of_scope_records_why_it_did_not_run(client, make_account):
    analyst = make_account(role="analyst")
    schedule_id = create(client, analyst, target="example.com", interval_seconds=3600).get_json()[
        "id"
    ]
    ScopeEntry.delete().where(ScopeEntry.value == "example.com").execute()
    Schedule.update(next_run_at=utcnow() - timedelta(seconds=5)).execute()

    assert run_due_schedules(lambda scan: None) == []

    detail = client.get(f"/api/v1/schedules/{schedule_id}", headers=analyst.headers).get_json()
    assert "outside your organization's scan scope" in detail["last_error"]
    assert Scan.select().count() == 0


def test_a_paused_schedule_does_not_run(client, make_account):
    analyst = make_account(role="analyst")
    schedule_id = create(client, analyst, **WEEKLY).get_json()["id"]
    paused = client.patch(
        f"/api/v1/schedules/{schedule_id}", json={"enabled": False}, headers=analyst.headers
    )
    Schedule.update(next_run_at=utcnow() - timedelta(seconds=5)).execute()

    assert paused.status_code == 200 and paused.get_json()["enabled"] is False
    assert run_due_schedules(lambda scan: None) == []
    deleted = client.delete(f"/api/v1/schedules/{schedule_id}", headers=analyst.headers)
    assert deleted.status_code == 204


def test_the_scheduler_process_starts_due_scans(client, make_account, cli_env, app):
    analyst = make_account(role="analyst")
    create(client, analyst, target="example.com", interval_seconds=3600)
    Schedule.update(next_run_at=utcnow() - timedelta(seconds=5)).execute()
    env = dict(cli_env, CYBERORIGEN_SCANS_QUEUE=appliance_of(app).settings.scan_queue)
    process = subprocess.Popen(
        [sys.executable, "-m", "cyberorigen.cli", "scheduler"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while Scan.select().count() == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert process.poll() is None, process.stderr.read().decode()
    finally:
        process.terminate()
        process.wait(timeout=15)

    scan = Scan.get()
    assert scan.target == "example.com" and scan.status == "queued"
    queue = Queue(
        env["CYBERORIGEN_SCANS_QUEUE"],
        connection=appliance_of(app).redis,
        serializer=JSONSerializer,
    )
    assert f"scan-{scan.public_id}" in queue.job_ids
