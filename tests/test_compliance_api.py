"""The controls, evidence and frameworks API: shapes, filters, edits with their history,
evidence storage and serving, and the framework reports."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest

from cyberorigen.appliance import appliance_of
from cyberorigen.db import database
from cyberorigen.db.models import ControlStatusChange, Evidence, OutboxEvent

POLICY = "ctrl_access_control_policy"
TRANSIT = "ctrl_encryption_in_transit"


def _upload(client, headers, control=POLICY, content=b"%PDF-1.7 policy", name="policy.pdf", **form):
    return client.post(
        f"/api/v1/controls/{control}/evidence",
        data={"file": (io.BytesIO(content), name), **form},
        headers=headers,
        content_type="multipart/form-data",
    )


def _note(client, headers, control=POLICY, **extra):
    body = {"kind": "note", "note": "Reviewed by the CISO on 2026-11-02.", **extra}
    return client.post(f"/api/v1/controls/{control}/evidence", json=body, headers=headers)


def _accept(client, headers, evidence_id, control=POLICY):
    """Accept evidence as a reviewer other than its uploader (four eyes): it counts from now."""
    response = client.post(
        f"/api/v1/controls/{control}/evidence/{evidence_id}/review",
        json={"decision": "accept", "comment": "Checked against the signed original."},
        headers=headers,
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["review_status"] == "accepted"
    return response.get_json()


# --- controls ------------------------------------------------------------------------------


def test_controls_can_be_filtered_by_framework_and_status(client, make_account):
    viewer = make_account(role="viewer")

    by_alias = client.get("/api/v1/controls?framework=soc2&per_page=100", headers=viewer.headers)
    by_id = client.get("/api/v1/controls?framework=soc2-2017&per_page=100", headers=viewer.headers)
    hipaa = client.get("/api/v1/controls?framework=hipaa&per_page=100", headers=viewer.headers)
    everything = client.get("/api/v1/controls?per_page=100", headers=viewer.headers).get_json()

    assert by_alias.status_code == 200
    assert by_alias.get_json() == by_id.get_json()
    assert all("SOC 2" in item["frameworks"] for item in by_alias.get_json()["items"])
    assert all("HIPAA" in item["frameworks"] for item in hipaa.get_json()["items"])
    without_hipaa = [i for i in everything["items"] if "HIPAA" not in i["frameworks"]]
    assert hipaa.get_json()["total"] == everything["total"] - len(without_hipaa)
    none_yet = client.get("/api/v1/controls?status=implemented", headers=viewer.headers)
    assert none_yet.get_json()["total"] == 0


def test_control_filters_and_ids_are_validated(client, make_account):
    viewer = make_account(role="viewer")

    unknown_framework = client.get("/api/v1/controls?framework=sox", headers=viewer.headers)
    bad_status = client.get("/api/v1/controls?status=great", headers=viewer.headers)
    unknown_control = client.get("/api/v1/controls/ctrl_nope", headers=viewer.headers)

    assert unknown_framework.status_code == 422
    assert unknown_framework.get_json()["field"] == "framework"
    assert bad_status.status_code == 422
    assert bad_status.get_json()["field"] == "status"
    assert unknown_control.status_code == 404


def test_controls_paginate(client, make_account):
    viewer = make_account(role="viewer")
    total = client.get("/api/v1/controls", headers=viewer.headers).get_json()["total"]

    second = client.get("/api/v1/controls?page=2&per_page=10", headers=viewer.headers).get_json()
    past = client.get("/api/v1/controls?page=99&per_page=10", headers=viewer.headers).get_json()

    assert (second["page"], second["per_page"], second["pages"]) == (2, 10, -(-total // 10))
    assert len(second["items"]) == 10
    assert past["items"] == [] and past["total"] == total


def test_control_detail_explains_the_status(client, make_account):
    viewer = make_account(role="viewer")

    body = client.get(f"/api/v1/controls/{TRANSIT}", headers=viewer.headers).get_json()

    assert body["id"] == TRANSIT and body["name"] == "Encryption in Transit"
    assert body["status"] == "not_assessed"
    assert body["reason"].startswith("no evidence yet")
    mapped = {(item["framework"], item["requirement"]) for item in body["requirements"]}
    assert {("soc2-2017", "CC6.7"), ("pci-dss-4.0.1", "4.2.1"), ("iso27001-2022", "A.8.24")} <= (
        mapped
    )
    for item in body["requirements"]:
        assert item["relationship"] in ("equal", "subset", "intersect")
        assert item["coverage"] in ("full", "partial")
    checks = {item["id"] for item in body["checks"]}
    assert {"tls.protocol.sslv3_enabled", "tls.cert.expired", "http.no_https"} <= checks
    assert body["basis"] == {
        "findings": [],
        "checks": [],
        "evidence": [],
        "parts": {"checks": False, "documents": False},
    }
    assert body["history"] == []


def test_override_needs_an_auditor_and_a_reason_and_is_kept_in_history(client, make_account):
    auditor = make_account(role="auditor")
    viewer = make_account(role="viewer")
    url = f"/api/v1/controls/{POLICY}"

    refused = client.patch(
        url, json={"override": {"status": "implemented", "reason": "x"}}, headers=viewer.headers
    )
    no_reason = client.patch(
        url, json={"override": {"status": "implemented"}}, headers=auditor.headers
    )
    bad_status = client.patch(
        url, json={"override": {"status": "done", "reason": "x"}}, headers=auditor.headers
    )
    empty = client.patch(url, json={}, headers=auditor.headers)
    done = client.patch(
        url,
        json={"override": {"status": "implemented", "reason": "Policy approved by the board"}},
        headers=auditor.headers,
    )

    assert refused.status_code == 403
    assert no_reason.status_code == 422 and no_reason.get_json()["field"] == "override.reason"
    assert bad_status.status_code == 422 and bad_status.get_json()["field"] == "override.status"
    assert empty.status_code == 422
    body = done.get_json()
    assert done.status_code == 200, body
    assert body["status"] == "implemented"
    assert body["override"]["set_by"] == auditor.email
    assert body["reason"] == f"set by {auditor.email}: Policy approved by the board"
    assert [
        (h["from_status"], h["to_status"], h["cause"], h["changed_by"]) for h in body["history"]
    ] == [("not_assessed", "implemented", "override", auditor.email)]

    cleared = client.patch(url, json={"override": None}, headers=auditor.headers).get_json()
    assert cleared["status"] == "not_assessed" and cleared["override"] is None
    assert [h["to_status"] for h in cleared["history"]] == ["not_assessed", "implemented"]
    events = [
        e.payload
        for e in OutboxEvent.select().where(OutboxEvent.type == "control.status_changed")
        if e.payload["control_id"] == POLICY
    ]
    assert [(e["previous_status"], e["status"]) for e in events] == [
        ("not_assessed", "implemented"),
        ("implemented", "not_assessed"),
    ]


def test_applicability_and_owner(client, make_account):
    admin = make_account(role="admin")
    owner = make_account(role="auditor")
    stranger = make_account(role="admin", org="Other Co")
    url = "/api/v1/controls/ctrl_physical_security"

    no_reason = client.patch(url, json={"applicable": False}, headers=admin.headers)
    outsider = client.patch(url, json={"owner_id": stranger.user_id}, headers=admin.headers)
    done = client.patch(
        url,
        json={
            "applicable": False,
            "applicability_reason": "Fully remote company, no premises",
            "owner_id": owner.user_id,
        },
        headers=admin.headers,
    )

    assert no_reason.status_code == 422 and no_reason.get_json()["field"] == "applicability_reason"
    assert outsider.status_code == 422 and outsider.get_json()["field"] == "owner_id"
    body = done.get_json()
    assert body["status"] == "not_applicable"
    assert body["reason"] == "marked not applicable: Fully remote company, no premises"
    assert (body["owner"], body["owner_id"]) == (owner.email, owner.user_id)
    # the other organization's control is untouched
    theirs = client.get(url, headers=stranger.headers).get_json()
    assert theirs["status"] == "not_assessed" and theirs["owner"] is None


# --- evidence --------------------------------------------------------------------------------


def test_a_file_is_stored_by_its_sha256_and_moves_the_status(app, client, make_account):
    auditor = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    content = b"%PDF-1.7 access control policy v3"

    response = _upload(client, auditor.headers, content=content, title="Access policy v3")

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    digest = hashlib.sha256(content).hexdigest()
    assert body["id"].startswith("evd_")
    assert (body["kind"], body["sha256"], body["size"]) == ("file", digest, len(content))
    assert (body["title"], body["filename"], body["collected_by"]) == (
        "Access policy v3",
        "policy.pdf",
        auditor.email,
    )
    stored = appliance_of(app).settings.instance_dir / "evidence" / digest[:2] / digest
    assert stored.read_bytes() == content
    assert not list(stored.parent.parent.rglob("policy.pdf"))
    assert body["review_status"] == "submitted"
    waiting = client.get(f"/api/v1/controls/{POLICY}", headers=auditor.headers).get_json()
    assert (waiting["status"], waiting["evidence_count"]) == ("not_assessed", 0)
    assert waiting["reason"].endswith("; 1 evidence file awaiting review"), waiting["reason"]
    assert waiting["evidence_awaiting_review"] == 1

    _accept(client, reviewer.headers, body["id"])

    control = client.get(f"/api/v1/controls/{POLICY}", headers=auditor.headers).get_json()
    assert control["evidence_count"] == 1
    # the policy control has no automated check: current documents are all of it
    assert control["status"] == "implemented", control["reason"]
    assert control["basis"]["evidence"] == [body["id"]]
    assert control["evidence_awaiting_review"] == 0
    assert (control["history"][0]["cause"], control["history"][0]["changed_by"]) == (
        "review",
        reviewer.email,
    )


def test_download_is_always_an_attachment_never_rendered(client, make_account):
    auditor = make_account(role="auditor")
    page = b"<html><script>alert(document.cookie)</script></html>"
    created = _upload(client, auditor.headers, content=page, name="../../etc/passwd.html")
    evidence_id = created.get_json()["id"]

    response = client.get(
        f"/api/v1/controls/{POLICY}/evidence/{evidence_id}/download", headers=auditor.headers
    )

    assert created.get_json()["filename"] == "passwd.html"
    assert response.status_code == 200
    assert response.data == page
    assert response.mimetype == "application/octet-stream"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "passwd.html" in response.headers["Content-Disposition"]
    assert ".." not in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "name, shown",
    [
        ("../../../../tmp/evil.sh", "evil.sh"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("/etc/shadow", "shadow"),
        ("..", "evidence"),
        ("report\x00.pdf", "report.pdf"),
    ],
)
def test_uploaded_names_never_reach_the_file_system(app, client, make_account, name, shown):
    auditor = make_account(role="auditor")
    response = _upload(client, auditor.headers, content=name.encode() + b" data", name=name)

    assert response.status_code == 201, response.get_json()
    filename = response.get_json()["filename"]
    assert filename.endswith(shown)  # the test client's multipart drops backslashes itself
    assert "/" not in filename and "\\" not in filename and not filename.startswith(".")
    root = appliance_of(app).settings.instance_dir / "evidence"
    files = [p for p in root.rglob("*") if p.is_file()]
    assert [p.name for p in files] == [response.get_json()["sha256"]]


def test_the_same_content_is_stored_once_and_deletion_is_recorded(app, client, make_account):
    auditor = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    first = _upload(client, auditor.headers, content=b"same bytes").get_json()
    second = _upload(client, auditor.headers, content=b"same bytes", name="copy.pdf").get_json()
    _accept(client, reviewer.headers, first["id"])
    root = appliance_of(app).settings.instance_dir / "evidence"
    stored = root / first["sha256"][:2] / first["sha256"]

    one = client.delete(
        f"/api/v1/controls/{POLICY}/evidence/{first['id']}?reason=superseded",
        headers=auditor.headers,
    )
    assert one.status_code == 204
    assert stored.exists()  # still used by the second
    client.delete(f"/api/v1/controls/{POLICY}/evidence/{second['id']}", headers=auditor.headers)
    assert not stored.exists()

    listed = client.get(f"/api/v1/controls/{POLICY}/evidence", headers=auditor.headers).get_json()
    audit = client.get(
        f"/api/v1/controls/{POLICY}/evidence?include_deleted=true", headers=auditor.headers
    ).get_json()
    gone = client.get(f"/api/v1/controls/{POLICY}/evidence/{first['id']}", headers=auditor.headers)
    assert listed["total"] == 0
    assert audit["total"] == 2
    deleted = next(item for item in audit["items"] if item["id"] == first["id"])
    assert (deleted["deleted_by"], deleted["deletion_reason"]) == (auditor.email, "superseded")
    assert deleted["deleted_at"] is not None
    assert gone.status_code == 404
    control = client.get(f"/api/v1/controls/{POLICY}", headers=auditor.headers).get_json()
    assert control["status"] == "not_assessed"
    assert [h["to_status"] for h in control["history"]] == ["not_assessed", "implemented"]


def test_a_file_over_the_limit_is_refused_and_nothing_is_kept(
    make_app, make_account, unique_address
):
    auditor = make_account(role="auditor")
    small = make_app(**{"evidence.max_upload_bytes": 1000})
    client = small.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()

    too_big = _upload(client, auditor.headers, content=b"x" * 1001)
    way_too_big = _upload(client, auditor.headers, content=b"x" * 200_000)
    fits = _upload(client, auditor.headers, content=b"x" * 1000)

    for response in (too_big, way_too_big):
        assert response.status_code == 413
        assert response.get_json()["error_code"] == "PAYLOAD_TOO_LARGE"
    assert fits.status_code == 201
    root = appliance_of(small).settings.instance_dir / "evidence"
    assert [p.name for p in root.rglob("*") if p.is_file()] == [fits.get_json()["sha256"]]
    database.connect(reuse_if_open=True)
    assert Evidence.select().count() == 1


def test_links_and_notes_and_their_validation(client, make_account):
    auditor = make_account(role="auditor")
    viewer = make_account(role="viewer")
    url = f"/api/v1/controls/{POLICY}/evidence"

    link = client.post(
        url,
        json={"kind": "link", "url": "https://wiki.example.com/policies/access", "title": "Wiki"},
        headers=auditor.headers,
    )
    note = _note(client, auditor.headers, effective_until="2099-01-01T00:00:00Z")
    bad_url = client.post(
        url, json={"kind": "link", "url": "javascript:alert(1)"}, headers=auditor.headers
    )
    no_url = client.post(url, json={"kind": "link"}, headers=auditor.headers)
    bad_kind = client.post(url, json={"kind": "scan", "note": "x"}, headers=auditor.headers)
    backwards = _note(
        client,
        auditor.headers,
        effective_from="2026-06-01T00:00:00Z",
        effective_until="2026-01-01T00:00:00Z",
    )
    by_viewer = _note(client, viewer.headers)
    no_file = client.post(
        url, data={"title": "x"}, headers=auditor.headers, content_type="multipart/form-data"
    )
    as_form = client.post(url, data={"title": "x"}, headers=auditor.headers)

    assert link.status_code == 201 and link.get_json()["url"].endswith("/access")
    assert note.status_code == 201 and note.get_json()["effective_until"] == "2099-01-01T00:00:00Z"
    assert bad_url.status_code == 422 and bad_url.get_json()["field"] == "url"
    assert no_url.status_code == 422 and no_url.get_json()["field"] == "url"
    assert bad_kind.status_code == 422 and bad_kind.get_json()["field"] == "kind"
    assert backwards.status_code == 422 and backwards.get_json()["field"] == "effective_until"
    assert by_viewer.status_code == 403
    assert no_file.status_code == 422 and no_file.get_json()["field"] == "file"
    assert as_form.status_code == 415
    listed = client.get(url, headers=viewer.headers).get_json()
    assert listed["total"] == 2
    downloading_a_note = client.get(
        f"{url}/{note.get_json()['id']}/download", headers=viewer.headers
    )
    assert downloading_a_note.status_code == 409


def test_another_organizations_evidence_is_not_found(client, make_account):
    ours = make_account(role="auditor")
    theirs = make_account(role="admin", org="Globex")
    created = _upload(client, ours.headers).get_json()
    base = f"/api/v1/controls/{POLICY}/evidence/{created['id']}"

    assert client.get(base, headers=theirs.headers).status_code == 404
    assert client.get(f"{base}/download", headers=theirs.headers).status_code == 404
    assert client.delete(base, headers=theirs.headers).status_code == 404
    assert (
        client.get(f"/api/v1/controls/{POLICY}/evidence", headers=theirs.headers).get_json()[
            "total"
        ]
        == 0
    )
    assert client.get(base, headers=ours.headers).status_code == 200


def test_evidence_under_the_wrong_control_is_not_found(client, make_account):
    auditor = make_account(role="auditor")
    created = _upload(client, auditor.headers).get_json()

    wrong = client.get(
        f"/api/v1/controls/{TRANSIT}/evidence/{created['id']}", headers=auditor.headers
    )
    unknown_control = _upload(client, auditor.headers, control="ctrl_unknown")

    assert wrong.status_code == 404
    assert unknown_control.status_code == 404


def test_old_evidence_leaves_the_control_needing_evidence(client, make_account):
    auditor = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    note = _note(
        client,
        auditor.headers,
        effective_from="2020-01-01T00:00:00Z",
        effective_until="2020-12-31T00:00:00Z",
    ).get_json()
    _accept(client, reviewer.headers, note["id"])

    control = client.get(f"/api/v1/controls/{POLICY}", headers=auditor.headers).get_json()

    assert control["status"] == "not_assessed"
    assert control["reason"].startswith("needs evidence")


# --- frameworks --------------------------------------------------------------------------------


def test_frameworks_list_the_five_built_in_catalogues(client, make_account):
    viewer = make_account(role="viewer")

    body = client.get("/api/v1/frameworks", headers=viewer.headers).get_json()

    frameworks = {item["id"]: item for item in body["items"]}
    assert {
        "soc2-2017",
        "pci-dss-4.0.1",
        "iso27001-2022",
        "nist-csf-2.0",
        "hipaa-security-2013",
    } <= set(frameworks)
    counts = {key: frameworks[key]["counts"]["requirements"] for key in frameworks}
    assert counts["soc2-2017"] == 61
    assert counts["iso27001-2022"] == 93
    assert counts["nist-csf-2.0"] == 106
    assert counts["pci-dss-4.0.1"] == 280
    assert counts["hipaa-security-2013"] == 22 + 46
    assert frameworks["soc2-2017"]["display_name"] == "SOC 2"
    assert "soc2" in frameworks["soc2-2017"]["aliases"]
    assert frameworks["pci-dss-4.0.1"]["counts"]["by_level"]["principal_requirement"] == 12
    for item in frameworks.values():
        assert item["version"] and item["publisher"] and item["licence_note"]
    one = client.get("/api/v1/frameworks/pci-dss", headers=viewer.headers).get_json()
    assert one["id"] == "pci-dss-4.0.1"
    assert client.get("/api/v1/frameworks/sox", headers=viewer.headers).status_code == 404


def test_a_report_gives_three_separate_numbers(client, make_account):
    auditor = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    uploaded = _upload(client, auditor.headers).get_json()
    _accept(client, reviewer.headers, uploaded["id"])  # Access Control Policy is now implemented

    report = client.get("/api/v1/frameworks/soc2/report", headers=auditor.headers).get_json()

    summary = report["summary"]
    assert report["framework"]["id"] == "soc2-2017"
    assert summary["requirements"] == len(report["requirements"]) == 61
    statuses = [item["status"] for item in report["requirements"]]
    assert (
        sum(
            summary[key]
            for key in (
                "compliant",
                "partially_compliant",
                "non_compliant",
                "not_applicable",
                "not_assessed",
            )
        )
        == 61
    )
    assert summary["readiness"]["applicable"] == 61
    assert summary["readiness"]["compliant"] == statuses.count("compliant")
    assert summary["technical_posture"]["value"] is None  # no scan has run
    automated = summary["automation_coverage"]["automated"]
    assert 0 < automated < 61
    assert summary["automation_coverage"]["value"] == round(automated / 61, 4)
    touched = [
        item
        for item in report["requirements"]
        if any(control["id"] == POLICY for control in item["controls"])
    ]
    assert touched and all(item["status"] != "not_assessed" for item in touched)
    cc67 = next(item for item in report["requirements"] if item["id"] == "CC6.7")
    assert "tls.cert.expired" in cc67["automated_checks"]
    assert cc67["status"] == "not_assessed"


def test_the_report_exports_as_csv(client, make_account):
    auditor = make_account(role="auditor")
    client.patch(
        f"/api/v1/controls/{POLICY}",
        json={"override": {"status": "implemented", "reason": '=HYPERLINK("http://x")'}},
        headers=auditor.headers,
    )

    response = client.get("/api/v1/frameworks/iso27001/report.csv", headers=auditor.headers)

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "iso27001-2022-report.csv" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 93
    assert {row["framework"] for row in rows} == {"iso27001-2022"}
    assert all(not row["reason"].startswith("=") for row in rows)
    a8_24 = next(row for row in rows if row["requirement"] == "A.8.24")
    assert "ctrl_encryption_in_transit=not_assessed" in a8_24["controls"]


def test_status_history_has_no_half_written_rows(client, make_account):
    auditor = make_account(role="auditor")
    reviewer = make_account(role="auditor")
    note = _note(client, auditor.headers).get_json()
    _accept(client, reviewer.headers, note["id"])

    database.connect(reuse_if_open=True)
    changes = list(ControlStatusChange.select())
    events = list(OutboxEvent.select().where(OutboxEvent.type == "control.status_changed"))
    assert len(changes) == len(events) == 1
    assert events[0].payload["frameworks"] and events[0].payload["cause"] == "review"


def test_a_requirement_can_be_declared_out_of_scope(client, make_account):
    auditor = make_account(role="auditor")
    viewer = make_account(role="viewer")
    other = make_account(role="admin", org="Initech")
    url = "/api/v1/frameworks/pci-dss/requirements/A3.1.1"
    before = client.get("/api/v1/frameworks/pci-dss/report", headers=auditor.headers).get_json()

    refused = client.patch(url, json={"applicable": False, "reason": "x"}, headers=viewer.headers)
    no_reason = client.patch(url, json={"applicable": False}, headers=auditor.headers)
    unknown = client.patch(
        "/api/v1/frameworks/pci-dss/requirements/99.9.9",
        json={"applicable": False, "reason": "x"},
        headers=auditor.headers,
    )
    grouping = client.patch(
        "/api/v1/frameworks/pci-dss/requirements/A3",
        json={"applicable": False, "reason": "x"},
        headers=auditor.headers,
    )
    done = client.patch(
        url,
        json={"applicable": False, "reason": "We are not a designated entity"},
        headers=auditor.headers,
    )
    hipaa = client.patch(
        "/api/v1/frameworks/hipaa/requirements/164.314(b)(1)",
        json={"applicable": False, "reason": "No group health plan"},
        headers=auditor.headers,
    )

    assert refused.status_code == 403
    assert no_reason.status_code == 422 and no_reason.get_json()["field"] == "reason"
    assert unknown.status_code == 404 and grouping.status_code == 404
    entry = done.get_json()
    assert done.status_code == 200, entry
    assert (entry["id"], entry["status"], entry["in_scope"]) == ("A3.1.1", "not_applicable", False)
    assert (
        entry["reason"] == f"out of scope, set by {auditor.email}: We are not a designated entity"
    )
    assert entry["attributes"]["applicability"] == "designated_entities"
    assert hipaa.status_code == 200 and hipaa.get_json()["status"] == "not_applicable"
    after = client.get("/api/v1/frameworks/pci-dss/report", headers=auditor.headers).get_json()
    assert after["summary"]["not_applicable"] == before["summary"]["not_applicable"] + 1
    assert after["summary"]["readiness"]["applicable"] == (
        before["summary"]["readiness"]["applicable"] - 1
    )
    theirs = client.get("/api/v1/frameworks/pci-dss/report", headers=other.headers).get_json()
    assert theirs["summary"]["not_applicable"] == before["summary"]["not_applicable"]

    back = client.patch(url, json={"applicable": True}, headers=auditor.headers).get_json()
    assert back["in_scope"] is True and back["status"] != "not_applicable"


def test_old_scan_results_alone_leave_the_control_needing_evidence(client, make_account):
    from datetime import timedelta

    from cyberorigen.db.models import Organization, utcnow

    viewer = make_account(role="viewer")
    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == viewer.org_id)
    old = utcnow() - timedelta(days=100)
    rows = [
        Evidence.create(
            organization=org,
            control_id=TRANSIT,
            kind="scan",
            title=f"Scan {n}",
            details={"checks_passed": ["tls.cert.expired"]},
            collected_at=old + timedelta(days=n),
            effective_from=old + timedelta(days=n),
            review_status="accepted",  # as a scan attaches its results: never reviewed
        )
        for n in range(3)
    ]

    body = client.get(f"/api/v1/controls/{TRANSIT}", headers=viewer.headers).get_json()

    assert body["status"] == "not_assessed"
    assert body["reason"].startswith("needs evidence")
    assert body["basis"]["evidence"] == [rows[-1].public_id]  # the newest of them
    assert body["evidence_count"] == 3
