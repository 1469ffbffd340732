"""Exports made in the background (``/api/v1/exports``): a job with progress, a file with its
SHA-256, a download link that works without a token and then expires, and, first of them,
the evidence bundle: a ZIP whose manifest matches its files."""

from __future__ import annotations

import hashlib
import io
import json
import time
import zipfile
from datetime import timedelta

from cyberorigen.appliance import appliance_of
from cyberorigen.db.models import ExportJob, Organization, utcnow
from cyberorigen.services.export_jobs import settle

POLICY = "ctrl_access_control_policy"
TRANSIT = "ctrl_encryption_in_transit"


def _upload(client, account, control, content, name, title):
    answer = client.post(
        f"/api/v1/controls/{control}/evidence",
        data={"file": (io.BytesIO(content), name), "title": title},
        headers=account.headers,
        content_type="multipart/form-data",
    )
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()["id"]


def _accept(client, account, control, evidence_id):
    answer = client.post(
        f"/api/v1/controls/{control}/evidence/{evidence_id}/review",
        json={"decision": "accept", "comment": "read it"},
        headers=account.headers,
    )
    assert answer.status_code == 200, answer.get_json()


def _finished(client, account, export_id, timeout=30.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/api/v1/exports/{export_id}", headers=account.headers).get_json()
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.05)
    raise AssertionError(f"export {export_id} did not finish: {body}")


def _bundle(client, account, **params) -> dict:
    answer = client.post(
        "/api/v1/exports",
        json={"kind": "evidence_bundle", "params": params},
        headers=account.headers,
    )
    assert answer.status_code == 202, answer.get_json()
    assert answer.get_json()["status"] == "queued"
    return _finished(client, account, answer.get_json()["id"])


def test_an_evidence_bundle_holds_the_accepted_files_with_a_manifest_that_matches(
    client, make_account
):
    analyst, auditor = make_account(role="analyst"), make_account(role="auditor")
    policy = b"%PDF-1.7 access control policy v3"
    hostile = b"certificate inventory"
    accepted = _upload(client, analyst, POLICY, policy, "policy.pdf", "Access policy v3")
    _accept(client, auditor, POLICY, accepted)
    # A name that would climb out of the folder it is unpacked into, if it were used.
    other = _upload(client, analyst, TRANSIT, hostile, "../../etc/passwd", "Cert inventory")
    _accept(client, auditor, TRANSIT, other)
    _upload(client, analyst, POLICY, b"draft, not reviewed", "draft.pdf", "Draft")

    done = _bundle(client, auditor)
    assert done["status"] == "done", done
    assert done["filename"].endswith(".zip") and done["media_type"] == "application/zip"
    download = client.get(done["download_url"])  # no Authorization header: the link is enough
    assert download.status_code == 200
    content = download.get_data()
    assert (
        hashlib.sha256(content).hexdigest() == done["sha256"] == download.headers["X-Export-SHA256"]
    )
    assert len(content) == done["size"]

    archive = zipfile.ZipFile(io.BytesIO(content))
    names = archive.namelist()
    assert all(not name.startswith("/") and ".." not in name.split("/") for name in names)
    manifest = json.loads(archive.read("manifest.json"))
    entries = {item["id"]: item for item in manifest["evidence"]}
    assert set(entries) == {accepted, other}  # the unreviewed draft is not in it
    for entry in entries.values():
        data = archive.read(entry["path"])
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert len(data) == entry["size"]
        assert entry["review_status"] == "accepted"
        assert entry["reviewed_by"] == auditor.email
        assert entry["collected_by"] == analyst.email
        assert entry["current"] is True and entry["effective_from"]
        assert entry["review_history"][0]["decision"] == "accept"
    assert entries[accepted]["control"] == POLICY
    assert any(item["framework"].startswith("soc2") for item in entries[accepted]["requirements"])
    assert archive.read(entries[accepted]["path"]) == policy

    everything = _bundle(client, auditor, include="all", framework="soc2")
    manifest = json.loads(
        zipfile.ZipFile(io.BytesIO(client.get(everything["download_url"]).get_data())).read(
            "manifest.json"
        )
    )
    statuses = sorted(item["review_status"] for item in manifest["evidence"])
    assert "submitted" in statuses
    assert all(
        item["framework"].startswith("soc2")
        for entry in manifest["evidence"]
        for item in entry["requirements"]
    )


def test_links_are_signed_expire_and_stay_in_their_organization(client, make_account, app):
    auditor = make_account(role="auditor")
    stranger = make_account(role="admin", org="Other Org")
    done = _bundle(client, auditor)
    url = done["download_url"]
    forged = url[:-4] + ("AAAA" if not url.endswith("AAAA") else "BBBB")
    assert client.get(forged).status_code == 422
    assert client.get(url.split("?")[0]).status_code == 422  # no token at all
    assert client.get(f"/api/v1/exports/{done['id']}", headers=stranger.headers).status_code == 404
    other = client.get("/api/v1/exports", headers=stranger.headers).get_json()
    assert other["total"] == 0

    # Its time is up: the file goes, the row says expired, the link answers 404.
    ExportJob.update(expires_at=utcnow() - timedelta(seconds=1)).where(
        ExportJob.public_id == done["id"]
    ).execute()
    store = appliance_of(app).exports.store
    assert (store.root / done["id"]).is_file()
    assert client.get(url).status_code == 404
    settle(store)
    assert not (store.root / done["id"]).exists()
    body = client.get(f"/api/v1/exports/{done['id']}", headers=auditor.headers).get_json()
    assert body["status"] == "expired" and body["download_url"] is None


def test_bad_requests_and_lost_runners(client, make_account, app):
    viewer = make_account(role="viewer")
    for body, field in (
        ({"kind": "everything"}, "kind"),
        ({"kind": "evidence_bundle", "params": {"framework": "nope"}}, "params"),
        ({"kind": "evidence_bundle", "params": {"include": "some"}}, "params"),
    ):
        answer = client.post("/api/v1/exports", json=body, headers=viewer.headers)
        assert answer.status_code == 422, answer.get_json()
        assert field in json.dumps(answer.get_json()["errors"])
    assert ExportJob.select().count() == 0

    # A job that was running when its process stopped is failed when read.
    job = ExportJob.create(
        organization=Organization.get(Organization.public_id == viewer.org_id),
        kind="evidence_bundle",
        status="running",
        heartbeat_at=utcnow() - timedelta(minutes=10),
    )
    settle(appliance_of(app).exports.store)
    job = ExportJob.get_by_id(job.id)
    assert job.status == "failed" and "restarted" in job.error


def test_a_download_link_stops_working_after_its_time(make_app, make_account):
    app = make_app(**{"exports.link_seconds": 1})
    client = app.test_client()
    auditor = make_account(role="auditor")
    done = _bundle(client, auditor)
    assert client.get(done["download_url"]).status_code == 200
    time.sleep(2.1)
    expired = client.get(done["download_url"])
    assert expired.status_code == 403
    assert "expired" in expired.get_json()["detail"]
    fresh = client.get(f"/api/v1/exports/{done['id']}", headers=auditor.headers).get_json()
    assert client.get(fresh["download_url"]).status_code == 200  # a new link works again


def test_reports_are_made_in_the_background_too(client, make_account):
    from pypdf import PdfReader

    viewer = make_account(role="viewer")
    made = {}
    for kind, params in (
        ("framework_report", {"framework": "soc2"}),
        ("executive_summary", {"frameworks": ["soc2", "pci-dss"]}),
        ("statement_of_applicability", {"format": "xlsx"}),
    ):
        answer = client.post(
            "/api/v1/exports", json={"kind": kind, "params": params}, headers=viewer.headers
        )
        assert answer.status_code == 202, answer.get_json()
        made[kind] = _finished(client, viewer, answer.get_json()["id"])
        assert made[kind]["status"] == "done", made[kind]
    report = client.get(made["framework_report"]["download_url"]).get_data()
    pdf = PdfReader(io.BytesIO(report))
    assert len(pdf.pages) > 1 and "SOC 2" in pdf.pages[0].extract_text()
    assert made["framework_report"]["filename"].endswith(".pdf")
    assert made["statement_of_applicability"]["filename"].endswith(".xlsx")
    refused = client.post(
        "/api/v1/exports",
        json={"kind": "statement_of_applicability", "params": {"framework": "soc2"}},
        headers=viewer.headers,
    )
    assert refused.status_code == 422
    assert "ISO 27001" in json.dumps(refused.get_json())
