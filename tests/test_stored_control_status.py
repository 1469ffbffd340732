"""Control status is stored when it changes and read from there: after any sequence of scans,
evidence, review decisions on it, overrides, applicability, finding statuses and scope changes,
what the API shows equals a fresh re-assessment of every control from the facts.

Real pieces: an embedded appliance, a plain HTTP site on 127.0.0.1 whose missing headers fail
checks that controls map, the API for every change; random sequences from fixed seeds (so a
failure names its seed and replays).
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta

import pytest
from support.embedded import EmbeddedScans
from support.servers import HttpServer, QuietHandler

from cyberorigen.compliance.controls import current_views, refresh
from cyberorigen.db import database
from cyberorigen.db.models import ControlState, Organization

PROFILES = {"web": ["http"]}
CONTROLS = (
    "ctrl_encryption_in_transit",
    "ctrl_secure_web_configuration",
    "ctrl_access_control_policy",
)


class Site(QuietHandler):
    """No security header, a cookie without flags: http's checks fail here."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.reply(200, b"<html><body>site</body></html>", {"Set-Cookie": "sid=1"})

    do_HEAD = do_GET  # noqa: N815


@pytest.fixture
def site():
    server = HttpServer(Site)
    yield server
    server.close()


@pytest.fixture
def appliance(make_app, make_account, unique_address):
    admin = make_account(role="admin")
    return EmbeddedScans(make_app, admin, unique_address, **{"scans.profiles": PROFILES}), admin


@pytest.fixture
def reviewer(make_account):
    """An auditor of the same organization: evidence the admin adds counts once they accept it."""
    return make_account(role="auditor")


def _review(client, reviewer, control: str, evidence_id: str, decision: str = "accept"):
    body = {"decision": decision, "comment": "looked at it"}
    return client.post(
        f"/api/v1/controls/{control}/evidence/{evidence_id}/review",
        json=body,
        headers=reviewer.headers,
    )


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _shown(scans) -> dict[str, tuple]:
    page = scans.get("/api/v1/controls?per_page=100")
    detail = {key: scans.get(f"/api/v1/controls/{key}") for key in CONTROLS}
    shown = {item["id"]: (item["status"], item["evidence_count"]) for item in page["items"]}
    for key, item in detail.items():
        shown[key] = (item["status"], item["evidence_count"], item["reason"])
    return shown


def _recomputed(catalogue, org_id: int) -> dict[str, tuple]:
    database.connect(reuse_if_open=True)
    views = refresh(org_id, catalogue, "assessment")
    recomputed = {key: (view.assessment.status, view.evidence_count) for key, view in views.items()}
    for key in CONTROLS:
        view = views[key]
        recomputed[key] = (view.assessment.status, view.evidence_count, view.assessment.reason)
    return recomputed


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_what_the_api_shows_equals_a_fresh_assessment_after_random_changes(
    appliance, reviewer, site, seed
):
    scans, admin = appliance
    chance = random.Random(seed)
    client = scans.client()
    catalogue = scans.catalogue
    headers = admin.headers
    target = f"http://127.0.0.1:{site.port}/"
    database.connect(reuse_if_open=True)
    org_id = Organization.get(Organization.public_id == admin.org_id).id
    evidence: list[tuple[str, str]] = []
    log: list[str] = []

    def scan() -> None:
        scans.scan({"target": target, "scan_type": "web", "options": {}})

    def findings() -> list[dict]:
        return scans.get("/api/v1/findings?per_page=100")["items"]

    def set_finding_status() -> None:
        items = findings()
        if not items:
            return
        item = chance.choice(items)
        status = chance.choice(["accepted_risk", "false_positive", "open", "fixed"])
        body = {"status": status}
        if status in ("accepted_risk", "false_positive"):
            body["reason"] = "test"
        answer = client.patch(f"/api/v1/findings/{item['id']}", json=body, headers=headers)
        assert answer.status_code == 200, answer.get_json()

    def add_note() -> None:
        control = chance.choice(CONTROLS)
        now = datetime.now(UTC)
        body = {"kind": "note", "title": "a note", "note": "done"}
        if chance.random() < 0.5:  # one that stops counting, or starts, within seconds
            if chance.random() < 0.5:
                body["effective_until"] = _stamp(now + timedelta(seconds=2))
            else:
                body["effective_from"] = _stamp(now + timedelta(seconds=2))
        answer = client.post(f"/api/v1/controls/{control}/evidence", json=body, headers=headers)
        assert answer.status_code == 201, answer.get_json()
        evidence.append((control, answer.get_json()["id"]))

    def review() -> None:
        """Accept or reject one of the notes (again, perhaps: then the decision is a 409)."""
        if not evidence:
            return
        control, item = chance.choice(evidence)
        decision = chance.choice(["accept", "accept", "reject"])
        answer = _review(client, reviewer, control, item, decision)
        assert answer.status_code in (200, 409), answer.get_json()

    def delete_note() -> None:
        if not evidence:
            return
        control, item = evidence.pop(chance.randrange(len(evidence)))
        answer = client.delete(f"/api/v1/controls/{control}/evidence/{item}", headers=headers)
        assert answer.status_code == 204, answer.get_json()

    def override() -> None:
        control = chance.choice(CONTROLS)
        if chance.random() < 0.5:
            body = {"override": {"status": "implemented", "reason": "checked by hand"}}
        else:
            body = {"override": None}
        answer = client.patch(f"/api/v1/controls/{control}", json=body, headers=headers)
        assert answer.status_code == 200, answer.get_json()

    def applicability() -> None:
        control = chance.choice(CONTROLS)
        applicable = chance.random() < 0.5
        body = {"applicable": applicable}
        if not applicable:
            body["applicability_reason"] = "not here"
        answer = client.patch(f"/api/v1/controls/{control}", json=body, headers=headers)
        assert answer.status_code == 200, answer.get_json()

    def scope() -> None:
        entries = scans.get("/api/v1/scope?per_page=100")["items"]
        loopback = [item for item in entries if item["value"] == "127.0.0.1"]
        if loopback:
            answer = client.delete(f"/api/v1/scope/{loopback[0]['id']}", headers=headers)
            assert answer.status_code == 204
        else:
            answer = client.post("/api/v1/scope", json={"value": "127.0.0.1"}, headers=headers)
            assert answer.status_code == 201, answer.get_json()

    def wait() -> None:
        time.sleep(2.1)  # evidence of add_note takes effect or stops counting

    operations = [set_finding_status, add_note, add_note, review, review, delete_note]
    operations += [override, applicability, wait]
    scan()
    log.append("scan")
    for step in range(14):
        operation = scope if step == 6 else chance.choice(operations)
        if step == 10:
            operation = scope  # in scope again, before the last scan
        if step == 11:
            operation = scan
        operation()
        log.append(operation.__name__)
        shown = _shown(scans)
        assert shown == _recomputed(catalogue, org_id), (seed, log)
    # The stored assessment is what the reads used: every control was assessed and stored.
    assert (
        ControlState.select()
        .where((ControlState.organization == org_id) & ControlState.assessed_at.is_null())
        .count()
        == 0
    )


def test_evidence_that_stops_or_starts_counting_is_noticed_on_the_next_read(appliance, reviewer):
    """No write happens in between: the stored assessment knows when it is due again."""
    scans, admin = appliance
    client = scans.client()
    catalogue = scans.catalogue
    database.connect(reuse_if_open=True)
    org_id = Organization.get(Organization.public_id == admin.org_id).id
    now = datetime.now(UTC)
    stops, starts = "ctrl_access_control_policy", "ctrl_risk_assessment"
    for control, period in (
        (stops, {"effective_until": _stamp(now + timedelta(seconds=2))}),
        (starts, {"effective_from": _stamp(now + timedelta(seconds=2))}),
    ):
        answer = client.post(
            f"/api/v1/controls/{control}/evidence",
            json={"kind": "note", "title": "policy", "note": "v3", **period},
            headers=admin.headers,
        )
        assert answer.status_code == 201, answer.get_json()
        accepted = _review(client, reviewer, control, answer.get_json()["id"])
        assert accepted.status_code == 200, accepted.get_json()
    before = {key: scans.get(f"/api/v1/controls/{key}") for key in (stops, starts)}
    time.sleep(2.5)
    after = {key: scans.get(f"/api/v1/controls/{key}") for key in (stops, starts)}

    assert "1 current evidence item(s)" in before[stops]["reason"]
    assert after[stops]["reason"].startswith("needs evidence"), after[stops]
    assert before[starts]["reason"].startswith("needs evidence: the evidence on file takes")
    assert "1 current evidence item(s)" in after[starts]["reason"], after[starts]
    fresh = refresh(org_id, catalogue, "assessment", control_ids=[stops, starts])
    for key in (stops, starts):
        assert (after[key]["status"], after[key]["reason"]) == (
            fresh[key].assessment.status,
            fresh[key].assessment.reason,
        )


def test_no_control_asked_for_is_no_control(appliance):
    """A framework that maps no control lists none (not every control)."""
    scans, admin = appliance
    catalogue = scans.catalogue
    database.connect(reuse_if_open=True)
    org_id = Organization.get(Organization.public_id == admin.org_id).id
    assert current_views(org_id, catalogue, []) == {}
    assert set(current_views(org_id, catalogue, None)) == set(catalogue.controls)


def test_counted_in_sql_or_judged_one_by_one_the_assessments_agree(make_account, app, monkeypatch):
    """Open findings past the hundred a basis lists, some on targets out of scope: the
    database's counts (a NOT IN list of the targets out) and a finding-by-finding judgement
    give the same status, reason and basis, and the reason counts every finding in scope."""
    from peewee import chunked

    from cyberorigen.appliance import appliance_of
    from cyberorigen.compliance import controls
    from cyberorigen.db.models import Finding

    admin = make_account(role="admin", org="Many findings")
    catalogue = appliance_of(app).catalogue
    database.connect(reuse_if_open=True)
    org_id = Organization.get(Organization.public_id == admin.org_id).id
    control_id = "ctrl_secure_web_configuration"
    control = catalogue.controls[control_id]
    check = sorted(item.id for item in catalogue.checks_by_control[control_id])[0]
    targets = ("127.0.0.1", "example.com", "www.example.org", "outside.test", "192.0.2.7")
    rows = [
        {
            "organization": org_id,
            "target": targets[index % len(targets)],
            "fingerprint": f"f{index:04d}",
            "scanner": check.split(".")[0],
            "check_id": check,
            "title": f"finding {index}",
            "severity": ("critical", "high", "medium", "low", "info")[index % 5],
            "location": "",
            "status": "open" if index % 7 else "fixed",
            "last_seen": datetime(2026, 1, 1) + timedelta(minutes=index),
        }
        for index in range(400)
    ]
    with database.atomic():
        for batch in chunked(rows, 100):
            Finding.insert_many(batch).execute()
    counted = controls.refresh(org_id, catalogue, "assessment", control_ids=[control_id])
    monkeypatch.setattr(controls, "OUT_OF_SCOPE_IN_SQL", 0)
    judged = controls.refresh(org_id, catalogue, "assessment", control_ids=[control_id])

    assert counted[control_id].assessment == judged[control_id].assessment
    assessment = counted[control_id].assessment
    failing = [
        row
        for row in rows
        if row["status"] == "open"
        and row["target"] in targets[:3]
        and controls.counts_against(row["severity"], control.severity_threshold)
    ]
    assert 100 < len(failing) < 400
    assert assessment.status == "not_implemented"
    assert assessment.reason.startswith(f"{len(failing)} open finding(s)")
    newest = sorted(failing, key=lambda row: row["last_seen"], reverse=True)[:100]
    shown = Finding.select(Finding.public_id, Finding.fingerprint).where(
        Finding.public_id.in_(list(assessment.findings))
    )
    assert {row.fingerprint for row in shown} == {row["fingerprint"] for row in newest}
    assert len(assessment.findings) == 100
