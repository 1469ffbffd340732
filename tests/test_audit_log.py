"""The audit log: every security-relevant action leaves one record, with who, from where and
the request's id, in a hash chain per organization that `cyberorigen audit verify` checks.

Real pieces: the API through Flask's test client and through `cyberorigen serve` processes,
the `cyberorigen` command as a subprocess, the test database (SQLite, or PostgreSQL with
``CYBERORIGEN_TEST_DATABASE_URL``) and Redis. Tampering is done by hand SQL through a
connection of its own, as an intruder with database access would.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
import subprocess
import sys
import threading
import urllib.request
from datetime import timedelta

import pytest

from cyberorigen.appliance import appliance_of
from cyberorigen.db import database, open_database
from cyberorigen.db.models import AuditChain, AuditEvent, Organization, User, utcnow
from cyberorigen.jobs.background import purge_audit
from cyberorigen.jobs.rounds import add_chore, background_round, remove_chore
from cyberorigen.services import audit
from cyberorigen.services.scope import add_scope_entry
from cyberorigen.services.users import update_user

LOOPBACK = {"webhooks.allowed_networks": "127.0.0.0/8"}
POLICY = "ctrl_access_control_policy"
NEW_PASSWORD = "a-new-password-of-some-length-42"


@pytest.fixture
def app(make_app):
    return make_app(**LOOPBACK)


def _request_id() -> str:
    return secrets.token_hex(8)


def _records(org_public_id: str, action: str | None = None) -> list[AuditEvent]:
    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == org_public_id)
    query = AuditEvent.select().where(AuditEvent.organization == org.id)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(query.order_by(AuditEvent.sequence))


def _one(org_public_id: str, action: str, object_id: str | None = None) -> AuditEvent:
    rows = [
        row
        for row in _records(org_public_id, action)
        if object_id is None or row.object_id == object_id
    ]
    assert len(rows) == 1, [(row.action, row.object_id) for row in rows]
    return rows[0]


def _assert_by(row: AuditEvent, account, client, request_id: str) -> None:
    assert row.actor_type == "user"
    assert row.actor_id == account.user_id
    assert row.actor_label == account.email
    assert row.source_address == client.environ_base["REMOTE_ADDR"]
    assert row.request_id == request_id


def _no_secret_in(row: AuditEvent, *secrets_: str) -> None:
    text = json.dumps([row.before, row.after])
    for secret in secrets_:
        assert secret not in text


def _intact(org_public_id: str) -> audit.ChainReport:
    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == org_public_id)
    report = audit.verify_chain(org.id)
    assert report.intact, report.problem
    return report


# --- what is recorded ---------------------------------------------------------------------------


def test_logins_and_failed_logins_are_recorded_with_address_and_request_id(client, make_account):
    admin = make_account("admin")
    rid = _request_id()

    ok = client.post(
        "/api/v1/auth/token",
        data={"username": admin.email, "password": admin.password},
        headers={"X-Request-ID": rid},
    )
    wrong = client.post(
        "/api/v1/auth/token",
        data={"username": admin.email, "password": "not-the-password-at-all"},
        headers={"X-Request-ID": rid + "ff"},
    )
    stranger = f"nobody-{secrets.token_hex(3)}@nowhere.example"
    unknown = client.post(
        "/api/v1/auth/token", data={"username": stranger, "password": "whatever-it-is-123"}
    )

    assert ok.status_code == 200 and wrong.status_code == unknown.status_code == 401
    login = [row for row in _records(admin.org_id, "auth.login") if row.request_id == rid]
    assert len(login) == 1
    _assert_by(login[0], admin, client, rid)
    failed = _one(admin.org_id, "auth.login_failed")
    assert failed.actor_type == "anonymous" and failed.actor_label == admin.email
    assert failed.request_id == rid + "ff" and failed.after == {"reason": "wrong password"}
    assert failed.source_address == client.environ_base["REMOTE_ADDR"]
    _no_secret_in(failed, "not-the-password-at-all")
    # An unknown address belongs to no tenant: its chain is the one of no organization.
    database.connect(reuse_if_open=True)
    orphan = AuditEvent.get(
        AuditEvent.organization.is_null() & (AuditEvent.actor_label == stranger)
    )
    assert orphan.action == "auth.login_failed" and orphan.after == {"reason": "unknown e-mail"}
    assert audit.verify_chain(None).intact
    _intact(admin.org_id)


def test_user_changes_record_what_changed_and_never_the_password(client, make_account):
    admin = make_account("admin")
    rid = _request_id()
    headers = {**admin.headers, "X-Request-ID": rid}
    email = f"new-{secrets.token_hex(3)}@acme.example"

    created = client.post(
        "/api/v1/users",
        json={"email": email, "password": NEW_PASSWORD, "role": "viewer"},
        headers=headers,
    )
    assert created.status_code == 201, created.get_json()
    user_id = created.get_json()["id"]
    changed = client.patch(
        f"/api/v1/users/{user_id}",
        json={"role": "analyst", "password": NEW_PASSWORD + "x"},
        headers=headers,
    )
    deleted = client.delete(f"/api/v1/users/{user_id}", headers=headers)

    assert changed.status_code == 200 and deleted.status_code == 204
    row = _one(admin.org_id, "user.created", user_id)
    _assert_by(row, admin, client, rid)
    assert row.after == {"email": email, "role": "viewer", "is_active": True}
    row = _one(admin.org_id, "user.updated", user_id)
    _assert_by(row, admin, client, rid)
    assert row.before == {"role": "viewer"}
    assert row.after == {"role": "analyst", "changed": ["password", "role"]}
    row = _one(admin.org_id, "user.deleted", user_id)
    assert row.before["email"] == email and row.before["role"] == "analyst"
    for row in _records(admin.org_id):
        _no_secret_in(row, NEW_PASSWORD, "$argon2", "$2b$")
    _intact(admin.org_id)


def test_keys_organization_scope_scans_and_webhooks_are_recorded(client, make_account):
    admin = make_account("admin")
    rid = _request_id()
    headers = {**admin.headers, "X-Request-ID": rid}

    key = client.post("/api/v1/api-keys", json={"name": "ci"}, headers=headers).get_json()
    revoked = client.delete(f"/api/v1/api-keys/{key['id']}", headers=headers)
    renamed = client.patch(
        "/api/v1/organizations/current", json={"name": f"Acme {rid}"}, headers=headers
    )
    entry = client.post(
        "/api/v1/scope", json={"value": "audit.example.net"}, headers=headers
    ).get_json()
    removed = client.delete(f"/api/v1/scope/{entry['id']}", headers=headers)
    scan = client.post(
        "/api/v1/scans", json={"target": "example.com", "scan_type": "quick"}, headers=headers
    ).get_json()
    cancelled = client.post(f"/api/v1/scans/{scan['id']}/cancel", headers=headers)
    hook = client.post(
        "/api/v1/webhooks",
        json={"url": "http://127.0.0.1:9/hook?token=t0ps3cr3t", "events": ["scan.completed"]},
        headers=headers,
    ).get_json()
    updated = client.patch(
        f"/api/v1/webhooks/{hook['id']}", json={"active": False}, headers=headers
    )
    rotated = client.post(f"/api/v1/webhooks/{hook['id']}/rotate-secret", headers=headers)
    gone = client.delete(f"/api/v1/webhooks/{hook['id']}", headers=headers)

    assert revoked.status_code == removed.status_code == gone.status_code == 204
    assert renamed.status_code == updated.status_code == 200
    assert cancelled.status_code in (200, 202), cancelled.get_json()
    assert rotated.status_code == 200, rotated.get_json()
    expected = {
        "api_key.created": key["id"],
        "api_key.revoked": key["id"],
        "organization.updated": admin.org_id,
        "scope.added": entry["id"],
        "scope.removed": entry["id"],
        "scan.created": scan["id"],
        "scan.cancelled": scan["id"],
        "webhook.created": hook["id"],
        "webhook.updated": hook["id"],
        "webhook.secret_rotated": hook["id"],
        "webhook.deleted": hook["id"],
    }
    for action, object_id in expected.items():
        _assert_by(_one(admin.org_id, action, object_id), admin, client, rid)
    created_key = _one(admin.org_id, "api_key.created")
    assert created_key.after["name"] == "ci" and created_key.after["prefix"] == key["prefix"]
    assert _one(admin.org_id, "organization.updated").after == {"name": f"Acme {rid}"}
    assert _one(admin.org_id, "scope.removed").before == {
        "value": "audit.example.net",
        "kind": "domain",
    }
    assert _one(admin.org_id, "scan.cancelled").before == {"status": "queued"}
    assert _one(admin.org_id, "webhook.updated").before == {"active": True}
    for row in _records(admin.org_id):
        _no_secret_in(row, key["key"], hook["secret"], rotated.get_json()["secret"], "t0ps3cr3t")
    _intact(admin.org_id)


def test_a_request_by_api_key_is_recorded_as_the_key(client, make_account):
    admin = make_account("admin")
    key = client.post("/api/v1/api-keys", json={"name": "bot"}, headers=admin.headers).get_json()
    rid = _request_id()

    response = client.post(
        "/api/v1/scope",
        json={"value": "bot.example.net"},
        headers={"Authorization": f"Bearer {key['key']}", "X-Request-ID": rid},
    )

    assert response.status_code == 201
    row = _one(admin.org_id, "scope.added", response.get_json()["id"])
    assert (row.actor_type, row.actor_id, row.actor_label) == ("api_key", key["id"], admin.email)
    assert row.request_id == rid


def test_evidence_controls_exports_and_reports_are_recorded(client, make_account):
    admin = make_account("admin")
    auditor = make_account("auditor")
    rid = _request_id()
    headers = {**admin.headers, "X-Request-ID": rid}

    upload = client.post(
        f"/api/v1/controls/{POLICY}/evidence",
        data={"file": (io.BytesIO(b"%PDF-1.7 policy"), "policy.pdf"), "title": "Policy"},
        headers=headers,
        content_type="multipart/form-data",
    )
    evidence_id = upload.get_json()["id"]
    reviewed = client.post(
        f"/api/v1/controls/{POLICY}/evidence/{evidence_id}/review",
        json={"decision": "accept"},
        headers=auditor.headers,
    )
    override = client.patch(
        f"/api/v1/controls/{POLICY}",
        json={"override": {"status": "implemented", "reason": "audited by hand"}},
        headers=headers,
    )
    deleted = client.delete(f"/api/v1/controls/{POLICY}/evidence/{evidence_id}", headers=headers)
    exported = client.get("/api/v1/findings/export?format=csv", headers=headers)
    report = client.get("/api/v1/frameworks/soc2/report.html", headers=headers)

    assert upload.status_code == 201 and reviewed.status_code == 200, reviewed.get_json()
    assert override.status_code == 200, override.get_json()
    assert deleted.status_code == 204 and exported.status_code == report.status_code == 200
    _assert_by(_one(admin.org_id, "evidence.added", evidence_id), admin, client, rid)
    row = _one(admin.org_id, "evidence.reviewed", evidence_id)
    assert row.actor_id == auditor.user_id
    assert row.before == {"review_status": "submitted"}
    assert row.after["review_status"] == "accepted"
    row = _one(admin.org_id, "control.overridden", POLICY)
    _assert_by(row, admin, client, rid)
    assert row.before["override_status"] is None and row.after["override_status"] == "implemented"
    _assert_by(_one(admin.org_id, "evidence.deleted", evidence_id), admin, client, rid)
    assert _one(admin.org_id, "findings.exported").after["format"] == "csv"
    assert _one(admin.org_id, "report.downloaded").object_id.startswith("soc2")
    _intact(admin.org_id)


def test_a_rolled_back_change_leaves_no_record(client, make_account):
    admin = make_account("admin")
    before = len(_records(admin.org_id))

    refused = client.patch(  # the organization's only admin may not step down
        f"/api/v1/users/{admin.user_id}", json={"role": "viewer"}, headers=admin.headers
    )
    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == admin.org_id)
    head = AuditChain.get_by_id(org.id).last_sequence
    with database.atomic() as transaction:
        add_scope_entry(org.id, "rolled-back.example.net", _policy(client))
        transaction.rollback()

    assert refused.status_code == 409
    assert len(_records(admin.org_id)) == before
    assert not _records(admin.org_id, "user.updated")
    assert AuditChain.get_by_id(org.id).last_sequence == head
    _intact(admin.org_id)


def _policy(client):
    return appliance_of(client.application).settings.scope


# --- reading it -----------------------------------------------------------------------------------


def test_the_list_filters_pages_and_is_for_auditors_and_above(client, make_account):
    admin = make_account("admin")
    auditor = make_account("auditor")
    already = len(_records(admin.org_id, "scope.added"))
    for n in range(3):
        client.post("/api/v1/scope", json={"value": f"s{n}.example.net"}, headers=admin.headers)

    everything = client.get("/api/v1/audit-events?per_page=100", headers=auditor.headers)
    scopes = client.get("/api/v1/audit-events?action=scope.added&per_page=2", headers=admin.headers)
    family = client.get("/api/v1/audit-events?action=scope", headers=admin.headers)
    by_actor = client.get(f"/api/v1/audit-events?actor={admin.email}", headers=admin.headers)
    by_id = client.get(f"/api/v1/audit-events?actor={admin.user_id}", headers=admin.headers)
    later = (utcnow() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    none_since = client.get(f"/api/v1/audit-events?since={later}", headers=admin.headers)
    all_until = client.get(f"/api/v1/audit-events?until={later}", headers=admin.headers)
    bad = client.get("/api/v1/audit-events?action=nonsense.action", headers=admin.headers)

    assert everything.status_code == 200
    items = everything.get_json()["items"]
    sequences = [item["sequence"] for item in items]
    assert sequences == sorted(sequences, reverse=True)  # newest first
    assert sorted(sequences) == list(range(1, len(sequences) + 1))  # gap-free
    page = scopes.get_json()
    assert page["total"] == already + 3 and len(page["items"]) == 2
    assert page["pages"] == (already + 4) // 2
    assert {item["action"] for item in family.get_json()["items"]} == {"scope.added"}
    mine = by_actor.get_json()["items"]
    assert mine and all(item["actor"]["label"] == admin.email for item in mine)
    assert by_id.get_json()["total"] == by_actor.get_json()["total"]
    assert none_since.get_json()["total"] == 0
    assert all_until.get_json()["total"] == everything.get_json()["total"]
    assert bad.status_code == 422
    item = items[0]
    assert set(item) >= {"id", "sequence", "occurred_at", "action", "actor", "hash"}
    assert item["id"].startswith("aud_")
    viewer = make_account("viewer")
    for path in ("/api/v1/audit-events", "/api/v1/audit-events/export"):
        denied = client.get(path, headers=viewer.headers)
        assert denied.status_code == 403
        assert denied.get_json()["error_code"] == "PERMISSION_DENIED"
    # Each role has the rights of the ones before it: an analyst reads the log too.
    analyst = make_account("analyst")
    assert client.get("/api/v1/audit-events", headers=analyst.headers).status_code == 200


def test_another_organizations_records_are_never_shown(client, make_account):
    acme = make_account("admin", org="Acme")
    globex = make_account("admin", org="Globex")
    client.post("/api/v1/scope", json={"value": "acme-only.example.net"}, headers=acme.headers)
    acme_ids = {row.public_id for row in _records(acme.org_id)}

    listed = client.get("/api/v1/audit-events?per_page=100", headers=globex.headers)
    exported = client.get("/api/v1/audit-events/export", headers=globex.headers)
    exported_text = exported.get_data(as_text=True)
    by_object = client.get(
        f"/api/v1/audit-events?object_id={_records(acme.org_id)[-1].object_id}",
        headers=globex.headers,
    )

    shown = {item["id"] for item in listed.get_json()["items"]}
    assert shown and not shown & acme_ids
    assert exported.status_code == 200 and exported_text.startswith("id,sequence")
    assert not any(public_id in exported_text for public_id in acme_ids)
    assert by_object.get_json()["total"] == 0
    assert "acme-only" not in listed.get_data(as_text=True)


def test_the_csv_export_has_the_filtered_records_and_neutralises_formulas(client, make_account):
    admin = make_account("admin")
    client.post(  # an attacker's "e-mail" lands in the log as the label tried
        "/api/v1/auth/token", data={"username": admin.email, "password": "=cmd|' /C calc'!A0"}
    )
    client.post("/api/v1/scope", json={"value": "csv.example.net"}, headers=admin.headers)

    response = client.get("/api/v1/audit-events/export?action=scope.added", headers=admin.headers)
    text = response.get_data(as_text=True)
    everything = client.get("/api/v1/audit-events/export", headers=admin.headers)
    all_text = everything.get_data(as_text=True)

    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["action"] for row in rows} == {"scope.added"}
    assert any("csv.example.net" in row["after"] for row in rows)
    listed = client.get("/api/v1/audit-events?action=scope.added", headers=admin.headers)
    assert [row["id"] for row in rows] == [item["id"] for item in listed.get_json()["items"]]
    assert admin.email in all_text and "'=cmd" not in all_text  # the password is not kept
    for row in csv.DictReader(io.StringIO(all_text)):
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@")), cell
    # The export is itself recorded, with its filters.
    exports = _records(admin.org_id, "audit.exported")
    assert exports[0].after == {"filters": {"action": "scope.added"}}


# --- the chain ------------------------------------------------------------------------------------


def test_two_api_processes_writing_at_once_keep_one_gap_free_chain(serve_process, make_account):
    admin = make_account("admin")
    already = len(_records(admin.org_id, "scope.added"))
    urls = [serve_process(), serve_process()]
    failures: list[str] = []

    def add(url: str, worker: int) -> None:
        for n in range(8):
            body = json.dumps({"value": f"p{worker}-{n}.example.net"}).encode()
            request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1
                f"{url}/api/v1/scope",
                data=body,
                method="POST",
                headers={**admin.headers, "Content-Type": "application/json"},
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - http://127.0.0.1
                    if response.status != 201:
                        failures.append(str(response.status))
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                failures.append(repr(exc))

    threads = [threading.Thread(target=add, args=(urls[n % 2], n)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    assert failures == []
    rows = _records(admin.org_id)
    assert len(_records(admin.org_id, "scope.added")) == already + 32
    assert [row.sequence for row in rows] == list(range(1, len(rows) + 1))
    for previous, row in zip(rows, rows[1:], strict=False):
        assert row.previous_hash == previous.hash
    report = _intact(admin.org_id)
    assert report.checked == len(rows)


def _run_cli(cli_env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cyberorigen.cli", *args],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def by_hand(database_url):
    """Run SQL (``?`` for parameters) through a database connection of its own."""

    def run(sql: str, *params) -> None:
        db = open_database(database_url)
        db.connect()
        try:
            with db.atomic():
                db.execute_sql(sql.replace("?", db.param), params)
        finally:
            db.close()

    return run


def test_verify_passes_then_names_an_altered_record(cli_env, make_account, client, by_hand):
    admin = make_account("admin", org="Verified")
    for n in range(3):
        client.post("/api/v1/scope", json={"value": f"v{n}.example.net"}, headers=admin.headers)
    rows = _records(admin.org_id)
    victim = rows[len(rows) // 2]

    intact = _run_cli(cli_env, "audit", "verify", "--org", "Verified")
    by_hand(
        "UPDATE audit_event SET action = ? WHERE public_id = ?", "scope.removed", victim.public_id
    )
    altered = _run_cli(cli_env, "audit", "verify")
    listed = _run_cli(cli_env, "audit", "list", "--org", "Verified", "--limit", "3")

    assert intact.returncode == 0, intact.stdout + intact.stderr
    assert f"{len(rows)} record(s) checked, sequence 1 to {len(rows)}" in intact.stdout
    assert altered.returncode == 1, altered.stdout + altered.stderr
    assert victim.public_id in altered.stdout and "hash mismatch" in altered.stdout
    assert f"sequence {victim.sequence}" in altered.stdout
    assert listed.returncode == 0 and len(listed.stdout.strip().splitlines()) == 3


def test_verify_names_where_a_record_was_deleted(cli_env, make_account, client, by_hand):
    admin = make_account("admin", org="Pruned")
    for n in range(3):
        client.post("/api/v1/scope", json={"value": f"d{n}.example.net"}, headers=admin.headers)
    rows = _records(admin.org_id)
    victim, after = rows[2], rows[3]

    by_hand("DELETE FROM audit_event WHERE public_id = ?", victim.public_id)
    deleted = _run_cli(cli_env, "audit", "verify", "--org", "Pruned")
    by_hand("DELETE FROM audit_event WHERE public_id = ?", rows[-1].public_id)
    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == admin.org_id)
    tail = audit.verify_chain(org.id)

    assert deleted.returncode == 1, deleted.stdout + deleted.stderr
    assert after.public_id in deleted.stdout and "sequence gap" in deleted.stdout
    assert tail.problem is not None and "sequence gap" in tail.problem.reason


def test_removing_the_newest_record_is_seen_too(make_account, by_hand):
    admin = make_account("admin", org="Tail")
    rows = _records(admin.org_id)

    by_hand("DELETE FROM audit_event WHERE public_id = ?", rows[-1].public_id)
    database.connect(reuse_if_open=True)
    org = Organization.get(Organization.public_id == admin.org_id)
    report = audit.verify_chain(org.id)

    assert report.problem is not None and "missing" in report.problem.reason
    assert report.problem.public_id == rows[-2].public_id


def test_retention_purges_the_oldest_and_the_chain_stays_verifiable(
    make_account, client, cli_env, monkeypatch
):
    long_ago = utcnow() - timedelta(days=400)
    monkeypatch.setattr(audit, "utcnow", lambda: long_ago)  # records written 400 days ago
    admin = make_account("admin", org="Retained")
    for n in range(3):
        client.post("/api/v1/scope", json={"value": f"old{n}.example.net"}, headers=admin.headers)
    monkeypatch.undo()
    client.post("/api/v1/scope", json={"value": "new.example.net"}, headers=admin.headers)
    rows = _records(admin.org_id)
    old = [row for row in rows if row.occurred_at <= long_ago]
    kept = [row for row in rows if row.occurred_at > long_ago]

    assert purge_audit(0) == 0  # 0 keeps every record
    removed = purge_audit(365)

    assert old and kept and removed == len(old)
    now = _records(admin.org_id)
    assert [row.public_id for row in now[: len(kept)]] == [row.public_id for row in kept]
    purged = now[-1]
    assert purged.action == "audit.purged" and purged.actor_type == "system"
    assert purged.after["through_sequence"] == old[-1].sequence
    report = _intact(admin.org_id)
    assert report.first_sequence == old[-1].sequence + 1
    verified = _run_cli(cli_env, "audit", "verify", "--org", "Retained")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert f"sequence {old[-1].sequence + 1} to {purged.sequence}" in verified.stdout


def test_a_background_round_runs_a_due_chore_once_per_interval():
    ran = []
    add_chore("test-chore", 3600.0, lambda: ran.append(1))
    try:
        with background_round():
            pass
        with background_round():
            pass
    finally:
        remove_chore("test-chore")
    assert ran == [1]


def test_a_cli_change_is_recorded_as_the_cli(app, cli_env):
    email = f"cli-{secrets.token_hex(3)}@cli.example"
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "cyberorigen.cli",
            "users",
            "create",
            email,
            "--password-stdin",
            "--org",
            "From the CLI",
            "--role",
            "admin",
        ],
        env=cli_env,
        input=NEW_PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert made.returncode == 0, made.stderr
    database.connect(reuse_if_open=True)
    user = User.get(User.email == email)
    row = AuditEvent.get(
        AuditEvent.action == "user.created", AuditEvent.object_id == user.public_id
    )
    assert row.actor_type == "cli" and row.actor_id and row.source_address is None
    assert row.after["email"] == email
    made_org = AuditEvent.get(
        AuditEvent.action == "organization.created",
        AuditEvent.organization == user.organization_id,
    )
    assert made_org.actor_type == "cli"


def test_update_user_records_nothing_when_nothing_changed(make_account):
    admin = make_account("admin")
    database.connect(reuse_if_open=True)
    user = User.get(User.public_id == admin.user_id)
    before = len(_records(admin.org_id))
    update_user(user, {"role": "admin"})
    assert len(_records(admin.org_id)) == before
