"""Evidence review, four eyes: a file, link or note counts toward its control only once a user
with the auditor role or above, other than the one who added it, accepts it. Every decision is
kept and announced, the setting ``evidence.self_review`` relaxes the rule for a team of one,
scan results are the appliance's own (accepted, never reviewed), and evidence on file before
the upgrade stays counted.

Real pieces: the API through Flask's test client on the test database (SQLite, or PostgreSQL
with ``CYBERORIGEN_TEST_DATABASE_URL``), and the real migrations on a fresh database.
"""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from peewee_migrate import Router

from cyberorigen.appliance import appliance_of
from cyberorigen.compliance.controls import refresh
from cyberorigen.compliance.evidence import attach_scan_results
from cyberorigen.compliance.status import EvidenceItem, Facts, Override, assess, awaiting_review
from cyberorigen.db import bind_database, database
from cyberorigen.db.migrate import MIGRATIONS_TABLE, migrations_dir, upgrade
from cyberorigen.db.models import (
    ControlStatusChange,
    Evidence,
    EvidenceReview,
    Organization,
    OutboxEvent,
    Scan,
    utcnow,
)
from cyberorigen.plugin_api.interfaces import Control, Severity

POLICY = "ctrl_access_control_policy"  # no automated check: accepted documents are all of it
TRANSIT = "ctrl_encryption_in_transit"
ENVELOPE = {"detail", "error_code", "field"}


def _upload(client, account, control=POLICY, content=b"%PDF-1.7 access policy, 23 B"):
    response = client.post(
        f"/api/v1/controls/{control}/evidence",
        data={"file": (io.BytesIO(content), "policy.pdf"), "title": "Access policy v3"},
        headers=account.headers,
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _review(client, account, evidence_id, decision="accept", comment=None, control=POLICY):
    body = {"decision": decision}
    if comment is not None:
        body["comment"] = comment
    return client.post(
        f"/api/v1/controls/{control}/evidence/{evidence_id}/review",
        json=body,
        headers=account.headers,
    )


def _control(client, account, control=POLICY) -> dict:
    response = client.get(f"/api/v1/controls/{control}", headers=account.headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _events(event_type: str) -> list[dict]:
    database.connect(reuse_if_open=True)
    rows = OutboxEvent.select().where(OutboxEvent.type == event_type).order_by(OutboxEvent.id)
    return [row.payload for row in rows]


def _refused(response, status: int, code: str) -> dict:
    body = response.get_json()
    assert response.status_code == status, body
    assert set(body) >= ENVELOPE and body["error_code"] == code, body
    return body


# --- the rules, as a pure function -------------------------------------------------------------

RULES_CONTROL = Control(
    id="ctrl_x",
    name="X",
    description="d",
    severity_threshold=Severity.MEDIUM,
    freshness_days=30,
    evidence_guidance="a policy",
)
NOW = datetime(2026, 6, 1, 12, 0)


@pytest.mark.parametrize(
    ("waiting", "said"),
    [
        ({}, None),
        ({"file": 0}, None),
        ({"file": 1}, "1 evidence file awaiting review"),
        ({"note": 2}, "2 evidence notes awaiting review"),
        ({"file": 0, "link": 1}, "1 evidence link awaiting review"),
        ({"file": 1, "link": 2}, "3 evidence items awaiting review"),
    ],
)
def test_evidence_awaiting_review_in_words(waiting, said):
    assert awaiting_review(waiting) == said


@pytest.mark.parametrize(
    ("facts", "status", "reason"),
    [
        ({}, "not_assessed", "no evidence yet: no current documentary evidence (a policy)"),
        (
            {"awaiting_review": {"file": 1}},
            "not_assessed",
            "no evidence yet: no current documentary evidence (a policy); "
            "1 evidence file awaiting review",
        ),
        (
            {
                "awaiting_review": {"note": 1},
                "evidence": [EvidenceItem("d", "file", "p", NOW, NOW)],
            },
            "implemented",
            "1 current evidence item(s); 1 evidence note awaiting review",
        ),
        (
            {
                "awaiting_review": {"file": 1},
                "override": Override("implemented", "by hand", "a@b.example"),
            },
            "implemented",
            "set by a@b.example: by hand",
        ),
        (
            {"awaiting_review": {"file": 1}, "applicable": False, "applicability_reason": "no"},
            "not_applicable",
            "marked not applicable: no",
        ),
    ],
    ids=["nothing", "waiting-only", "accepted-and-waiting", "override", "not-applicable"],
)
def test_only_accepted_evidence_gives_credit_and_waiting_evidence_is_told(facts, status, reason):
    assessment = assess(Facts(control=RULES_CONTROL, **facts), NOW)

    assert (assessment.status, assessment.reason) == (status, reason)


# --- who may decide --------------------------------------------------------------------------


def test_evidence_awaiting_review_gives_no_credit_and_the_reason_says_so(client, make_account):
    uploader = make_account(role="auditor")

    created = _upload(client, uploader)

    assert (created["review_status"], created["reviewed_by"], created["reviewed_at"]) == (
        "submitted",
        None,
        None,
    )
    assert created["review_history"] == []
    control = _control(client, uploader)
    assert control["status"] == "not_assessed"
    assert control["evidence_count"] == 0
    assert control["evidence_awaiting_review"] == 1
    assert control["basis"]["evidence"] == []
    assert control["reason"].startswith("no evidence yet")
    assert control["reason"].endswith("; 1 evidence file awaiting review")
    listed = client.get("/api/v1/controls?per_page=100", headers=uploader.headers).get_json()
    assert next(i for i in listed["items"] if i["id"] == POLICY)["evidence_count"] == 0


def test_the_uploader_cannot_accept_their_own_evidence(client, make_account):
    uploader = make_account(role="admin")  # even an admin: four eyes, not rank
    created = _upload(client, uploader)

    refused = _refused(_review(client, uploader, created["id"]), 403, "PERMISSION_DENIED")

    assert "other than the person who added it" in refused["detail"]
    shown = client.get(
        f"/api/v1/controls/{POLICY}/evidence/{created['id']}", headers=uploader.headers
    ).get_json()
    assert (shown["review_status"], shown["review_history"]) == ("submitted", [])
    assert _control(client, uploader)["status"] == "not_assessed"
    assert _events("evidence.reviewed") == []


def test_a_viewer_cannot_review_nor_can_an_api_key_with_the_viewer_role(client, make_account):
    uploader = make_account(role="auditor")
    viewer = make_account(role="viewer")
    admin = make_account(role="admin")
    created = _upload(client, uploader)
    key = client.post(
        "/api/v1/api-keys", json={"name": "read only", "role": "viewer"}, headers=admin.headers
    ).get_json()["key"]

    by_viewer = _review(client, viewer, created["id"])
    by_key = client.post(
        f"/api/v1/controls/{POLICY}/evidence/{created['id']}/review",
        json={"decision": "accept"},
        headers={"Authorization": f"Bearer {key}"},
    )

    _refused(by_viewer, 403, "PERMISSION_DENIED")
    _refused(by_key, 403, "PERMISSION_DENIED")
    assert _control(client, viewer)["status"] == "not_assessed"


def test_another_auditor_accepts_it_and_the_control_gets_its_credit(client, make_account):
    uploader = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    created = _upload(client, uploader)

    response = _review(client, reviewer, created["id"], comment="  Signed by the CISO.  ")

    body = response.get_json()
    assert response.status_code == 200, body
    assert (body["review_status"], body["reviewed_by"], body["review_comment"]) == (
        "accepted",
        reviewer.email,
        "Signed by the CISO.",
    )
    assert datetime.strptime(body["reviewed_at"], "%Y-%m-%dT%H:%M:%SZ")
    [decision] = body["review_history"]
    assert decision["decision"] == "accept"
    assert (decision["previous_status"], decision["status"]) == ("submitted", "accepted")
    assert (decision["reviewer"], decision["comment"]) == (reviewer.email, "Signed by the CISO.")
    assert decision["self_review"] is False and decision["decided_at"] == body["reviewed_at"]
    control = _control(client, uploader)
    assert control["status"] == "implemented", control["reason"]
    assert control["reason"] == "1 current evidence item(s)"
    assert (control["evidence_count"], control["evidence_awaiting_review"]) == (1, 0)
    assert control["basis"]["evidence"] == [created["id"]]
    [change] = control["history"]
    assert (change["from_status"], change["to_status"]) == ("not_assessed", "implemented")
    assert (change["cause"], change["changed_by"]) == ("review", reviewer.email)


def test_an_analyst_or_admin_may_review_too(client, make_account):
    """Each role has every right of those before it: auditor and above review."""
    uploader = make_account(role="auditor")
    first, second = _upload(client, uploader), _upload(client, uploader, content=b"other bytes")

    assert _review(client, make_account(role="analyst"), first["id"]).status_code == 200
    assert _review(client, make_account(role="admin"), second["id"]).status_code == 200
    assert _control(client, uploader)["evidence_count"] == 2


# --- what each decision does -----------------------------------------------------------------


def test_rejected_evidence_gives_no_credit_and_a_rejection_needs_a_comment(client, make_account):
    uploader = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    created = _upload(client, uploader)

    silent = _review(client, reviewer, created["id"], decision="reject")
    blank = _review(client, reviewer, created["id"], decision="reject", comment="   ")
    unknown = _review(client, reviewer, created["id"], decision="approve")
    rejected = _review(
        client, reviewer, created["id"], decision="reject", comment="Unsigned draft."
    )

    assert _refused(silent, 422, "VALIDATION_ERROR")["field"] == "comment"
    assert _refused(blank, 422, "VALIDATION_ERROR")["field"] == "comment"
    assert _refused(unknown, 422, "VALIDATION_ERROR")["field"] == "decision"
    body = rejected.get_json()
    assert rejected.status_code == 200, body
    assert (body["review_status"], body["review_comment"]) == ("rejected", "Unsigned draft.")
    assert [item["decision"] for item in body["review_history"]] == ["reject"]
    control = _control(client, uploader)
    assert (control["status"], control["evidence_count"]) == ("not_assessed", 0)
    assert control["evidence_awaiting_review"] == 0
    assert "awaiting review" not in control["reason"]
    assert control["history"] == []  # it never counted: nothing changed


def test_a_decision_is_never_repeated_but_may_be_changed_with_history(client, make_account):
    uploader = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    second_reviewer = make_account(role="analyst")
    created = _upload(client, uploader)

    accepted = _review(client, reviewer, created["id"], comment="Looks right.")
    again = _review(client, second_reviewer, created["id"])
    withdrawn = _review(
        client, second_reviewer, created["id"], decision="reject", comment="Wrong version."
    )
    still = _review(client, reviewer, created["id"], decision="reject", comment="Agreed.")

    assert accepted.status_code == 200
    assert "already accepted" in _refused(again, 409, "CONFLICT")["detail"]
    assert withdrawn.status_code == 200, withdrawn.get_json()
    assert "already rejected" in _refused(still, 409, "CONFLICT")["detail"]
    history = withdrawn.get_json()["review_history"]
    assert [
        (item["decision"], item["previous_status"], item["status"], item["reviewer"])
        for item in history
    ] == [
        ("accept", "submitted", "accepted", reviewer.email),
        ("reject", "accepted", "rejected", second_reviewer.email),
    ]
    assert withdrawn.get_json()["reviewed_by"] == second_reviewer.email
    control = _control(client, uploader)
    assert control["status"] == "not_assessed"
    assert [(h["to_status"], h["cause"]) for h in control["history"]] == [
        ("not_assessed", "review"),
        ("implemented", "review"),
    ]
    assert [(e["decision"], e["status"]) for e in _events("evidence.reviewed")] == [
        ("accept", "accepted"),
        ("reject", "rejected"),
    ]


def test_each_decision_is_an_event_with_its_published_fields(app, client, make_account):
    uploader = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    note = client.post(
        f"/api/v1/controls/{POLICY}/evidence",
        json={"kind": "note", "note": "Policy approved by the board.", "title": "Board minutes"},
        headers=uploader.headers,
    ).get_json()

    reviewed = _review(client, reviewer, note["id"], comment="Minutes are signed.").get_json()

    [event] = _events("evidence.reviewed")
    frameworks = appliance_of(app).catalogue.display_names(POLICY)
    assert event == {
        "evidence_id": note["id"],
        "control_id": POLICY,
        "control_name": "Access Control Policy",
        "frameworks": frameworks,
        "kind": "note",
        "title": "Board minutes",
        "decision": "accept",
        "previous_status": "submitted",
        "status": "accepted",
        "comment": "Minutes are signed.",
        "reviewer": reviewer.email,
        "uploaded_by": uploader.email,
        "self_review": False,
        "reviewed_at": reviewed["reviewed_at"],
    }
    assert "SOC 2" in frameworks
    [changed] = _events("control.status_changed")
    assert (changed["status"], changed["cause"]) == ("implemented", "review")


def test_the_setting_lets_a_team_of_one_review_its_own_evidence(
    make_app, make_account, unique_address
):
    solo = make_account(role="auditor")
    app = make_app(**{"evidence.self_review": True})
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    created = _upload(client, solo)

    response = _review(client, solo, created["id"], comment="Only one of us here.")

    body = response.get_json()
    assert response.status_code == 200, body
    assert body["review_status"] == "accepted" and body["reviewed_by"] == solo.email
    assert body["review_history"][0]["self_review"] is True
    assert _events("evidence.reviewed")[0]["self_review"] is True
    assert _control(client, solo)["status"] == "implemented"


def test_self_review_is_off_unless_the_operator_turns_it_on(make_settings):
    assert make_settings().evidence_self_review is False
    assert make_settings(**{"evidence.self_review": "true"}).evidence_self_review is True


# --- what cannot be reviewed -----------------------------------------------------------------


def test_scan_results_are_accepted_as_attached_and_never_reviewed(app, client, make_account):
    reviewer = make_account(role="auditor")
    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == reviewer.org_id)
    scan = Scan.create(
        organization=org,
        target="example.com",
        scan_type="tls",
        status="completed",
        finished_at=utcnow(),
    )
    catalogue = appliance_of(app).catalogue
    credited = attach_scan_results(
        scan, catalogue, {"tls.cert.expired": ("tls", ["example.com:443"])}, failed_checks=()
    )
    refresh(org.id, catalogue, "scan", control_ids=credited)
    assert TRANSIT in credited

    listed = client.get(
        f"/api/v1/controls/{TRANSIT}/evidence?kind=scan", headers=reviewer.headers
    ).get_json()
    [item] = listed["items"]
    attempt = _review(client, reviewer, item["id"], control=TRANSIT)

    assert (item["review_status"], item["reviewed_by"], item["review_history"]) == (
        "accepted",
        None,
        [],
    )
    assert item["reviewed_at"] is not None
    assert "not reviewed" in _refused(attempt, 409, "CONFLICT")["detail"]
    control = _control(client, reviewer, TRANSIT)
    assert control["status"] == "partially_implemented", control["reason"]
    assert control["evidence_count"] == 1


def test_deleted_foreign_and_misplaced_evidence_is_not_found(client, make_account):
    uploader = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    outsider = make_account(role="admin", org="Globex")
    gone, kept = _upload(client, uploader), _upload(client, uploader, content=b"kept")
    client.delete(f"/api/v1/controls/{POLICY}/evidence/{gone['id']}", headers=uploader.headers)

    assert _refused(_review(client, reviewer, gone["id"]), 404, "NOT_FOUND")
    assert _refused(_review(client, outsider, kept["id"]), 404, "NOT_FOUND")
    assert _refused(_review(client, reviewer, kept["id"], control=TRANSIT), 404, "NOT_FOUND")
    assert _refused(_review(client, reviewer, kept["id"], control="ctrl_unknown"), 404, "NOT_FOUND")
    assert _control(client, reviewer)["evidence_awaiting_review"] == 1


def test_the_list_filters_by_review_status(client, make_account):
    uploader = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    items = [_upload(client, uploader, content=bytes([n]) * 10) for n in range(3)]
    _review(client, reviewer, items[0]["id"])
    _review(client, reviewer, items[1]["id"], decision="reject", comment="Blurry scan.")
    url = f"/api/v1/controls/{POLICY}/evidence"

    def ids(status: str) -> list[str]:
        page = client.get(f"{url}?review_status={status}", headers=uploader.headers).get_json()
        return [item["id"] for item in page["items"]]

    bad = client.get(f"{url}?review_status=approved", headers=uploader.headers)

    assert ids("submitted") == [items[2]["id"]]
    assert ids("accepted") == [items[0]["id"]]
    assert ids("rejected") == [items[1]["id"]]
    assert _refused(bad, 422, "VALIDATION_ERROR")["field"] == "review_status"
    everything = client.get(url, headers=uploader.headers).get_json()["items"]
    rejected = next(item for item in everything if item["id"] == items[1]["id"])
    assert rejected["review_history"][0]["comment"] == "Blurry scan."


# --- stored status, documents ------------------------------------------------------------------


def test_stored_status_equals_a_fresh_assessment_after_every_decision(app, client, make_account):
    uploader = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    catalogue = appliance_of(app).catalogue
    database.connect(reuse_if_open=True)
    org_id = Organization.get(Organization.public_id == uploader.org_id).id
    first, second = _upload(client, uploader), _upload(client, uploader, content=b"second")
    steps = [
        lambda: _review(client, reviewer, first["id"], decision="reject", comment="no"),
        lambda: _review(client, reviewer, second["id"]),
        lambda: _review(client, reviewer, first["id"]),
        lambda: _review(client, reviewer, second["id"], decision="reject", comment="old"),
        lambda: client.delete(
            f"/api/v1/controls/{POLICY}/evidence/{first['id']}", headers=uploader.headers
        ),
    ]
    seen = []
    for step in steps:
        assert step().status_code in (200, 204)
        shown = _control(client, uploader)
        fresh = refresh(org_id, catalogue, "assessment", control_ids=[POLICY])[POLICY]
        assert (shown["status"], shown["reason"], shown["evidence_count"]) == (
            fresh.assessment.status,
            fresh.assessment.reason,
            fresh.evidence_count,
        )
        seen.append(shown["status"])
    assert seen == [
        "not_assessed",
        "implemented",
        "implemented",
        "implemented",
        "not_assessed",
    ]
    assert ControlStatusChange.select().where(ControlStatusChange.cause == "review").count() == 1


def test_the_openapi_document_shows_the_review(client):
    spec = client.get("/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/controls/{control_id}/evidence/{evidence_id}/review"]["post"]
    schemas = spec["components"]["schemas"]

    body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    request = schemas[body.rsplit("/", 1)[-1]]
    assert set(request["properties"]) == {"decision", "comment"}
    assert request["required"] == ["decision"]
    assert {"200", "403", "409", "422"} <= set(operation["responses"])
    evidence = schemas["Evidence"]["properties"]
    assert {"review_status", "reviewed_by", "reviewed_at", "review_comment", "review_history"} <= (
        set(evidence)
    )
    assert evidence["review_status"]["enum"] == ["submitted", "accepted", "rejected"]
    assert "WebhookEventEvidenceReviewed" in schemas


# --- the upgrade -------------------------------------------------------------------------------


def test_the_upgrade_keeps_evidence_on_file_counted(fresh_database_url):
    """Evidence added before review existed counted then: after migration 016 it is accepted,
    by no one, with a comment and a history entry saying why; scan results as the appliance's."""
    db = bind_database(fresh_database_url())
    try:
        router = Router(db, migrate_dir=migrations_dir(), migrate_table=MIGRATIONS_TABLE)
        router.run("015_finding_value_counts")
        mark, now = db.param, "2026-11-01 09:00:00"
        db.execute_sql(
            "INSERT INTO organization (public_id, name, plan, created_at) "
            f"VALUES ('org_old', 'Old Co', 'startup', {mark})",
            (now,),
        )
        (org_id,) = db.execute_sql("SELECT id FROM organization").fetchone()
        for public_id, kind in (("evd_file", "file"), ("evd_note", "note"), ("evd_scan", "scan")):
            db.execute_sql(
                "INSERT INTO evidence (public_id, organization_id, control_id, kind, title, "
                "description, details, collected_at, effective_from, created_at) "
                f"VALUES ({mark}, {mark}, {mark}, {mark}, 'old', '', '{{}}', "
                f"{mark}, {mark}, {mark})",
                (public_id, org_id, POLICY, kind, now, now, now),
            )

        assert upgrade(db)[0] == "016_evidence_review"  # and any later ones

        rows = {row.public_id: row for row in Evidence.select()}
        for public_id in ("evd_file", "evd_note"):
            row = rows[public_id]
            assert (row.review_status, row.reviewed_by_id, row.reviewed_at) == (
                "accepted",
                None,
                None,
            )
            assert row.review_comment == "accepted before evidence review existed"
            [entry] = EvidenceReview.select().where(EvidenceReview.evidence == row.id)
            assert (entry.decision, entry.previous_status, entry.reviewer_id) == (
                "accept",
                "submitted",
                None,
            )
            assert entry.comment == row.review_comment and entry.self_review is False
            assert entry.decided_at is not None
        scan = rows["evd_scan"]
        assert (scan.review_status, scan.review_comment) == ("accepted", None)
        assert scan.reviewed_at == datetime(2026, 11, 1, 9, 0)
        assert EvidenceReview.select().count() == 2
    finally:
        db.close()
