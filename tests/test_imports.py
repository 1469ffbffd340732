"""POST /api/v1/imports: a result file becomes a completed scan of type ``import`` whose
findings live like a scanner's (fingerprints, lifecycle, assets, controls, events), and a
file that is not valid leaves nothing behind. The format-specific golden files are read in
tests/test_importers.py."""

from __future__ import annotations

import io
import json
from pathlib import Path

from cyberorigen.db.models import Finding, OutboxEvent, Scan

DATA = Path(__file__).parent / "data" / "imports"


def post_file(client, account, content: bytes, name: str = "results.sarif", **form):
    body = {"file": (io.BytesIO(content), name), **form}
    return client.post(
        "/api/v1/imports", data=body, headers=account.headers, content_type="multipart/form-data"
    )


def sarif(**changes) -> dict:
    document = json.loads((DATA / "semgrep.sarif").read_text())
    run = document["runs"][0]
    for name, value in changes.items():
        run[name] = value
    return document


def test_a_sarif_file_becomes_a_completed_import_scan_with_its_findings(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "semgrep.sarif").read_bytes())
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    # Four results: one suppressed (left out), two of one rule in one file (counted once).
    assert (body["format"], body["findings"], body["merged"], body["new"]) == ("sarif", 2, 1, 2)
    assert body["targets"] == ["https://github.com/acme/shop"]
    scan = body["scan"]
    assert (scan["scan_type"], scan["status"], scan["progress"]) == ("import", "completed", 100)
    assert scan["vulnerabilities_found"] == 2
    assert scan["options"]["import"]["format"] == "sarif"
    assert scan["options"]["import"]["file"] == "results.sarif"
    assert scan["coverage"]["targets"] == 1
    assert [run["scanner"] for run in scan["scanners"]] == ["sarif"]

    findings = client.get("/api/v1/findings?scanner=sarif", headers=analyst.headers).get_json()[
        "items"
    ]
    by_rule = {item["evidence"]["rule_id"]: item for item in findings}
    sql = by_rule["python.flask.security.injection.tainted-sql-string"]
    assert (sql["severity"], sql["check_id"], sql["location"]) == (
        "high",  # security-severity 8.1
        "sarif.result",
        "shop/views.py:42",
    )
    assert sql["evidence"]["cwe"] == ["CWE-89"]
    assert "parameterised" in sql["remediation"]
    md5 = by_rule["python.lang.security.audit.md5-used"]
    assert md5["severity"] == "medium"  # level warning, no score
    assert md5["location"] == "shop/tokens.py:7"  # the first of the two
    assert "café ☕" in md5["evidence"]["message"]

    checks = client.get(f"/api/v1/scans/{scan['id']}/checks", headers=analyst.headers).get_json()[
        "items"
    ]
    assert {item["outcome"] for item in checks} == {"failed"}  # an import never passes


def test_reimporting_updates_and_a_newer_run_resolves_what_it_no_longer_reports(
    client, make_account
):
    analyst = make_account(role="analyst")
    content = (DATA / "semgrep.sarif").read_bytes()
    first = post_file(client, analyst, content).get_json()
    again = post_file(client, analyst, content).get_json()
    assert (again["findings"], again["new"], again["resolved"]) == (2, 0, 0)
    assert Finding.select().where(Finding.scanner == "sarif").count() == 2

    # A newer run of the tool: the SQL result moved 30 lines down (same partial
    # fingerprint), the MD5 one is gone.
    newer = sarif()
    results = newer["runs"][0]["results"]
    results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 72
    newer["runs"][0]["results"] = [results[0]]
    third = post_file(client, analyst, json.dumps(newer).encode()).get_json()
    assert (third["findings"], third["new"], third["resolved"]) == (1, 0, 1)
    rows = {row.evidence["rule_id"]: row for row in Finding.select()}
    assert rows["python.flask.security.injection.tainted-sql-string"].status == "open"
    assert rows["python.flask.security.injection.tainted-sql-string"].location.endswith(":72")
    assert rows["python.lang.security.audit.md5-used"].status == "fixed"
    assert first["scan"]["id"] != third["scan"]["id"]

    clean = post_file(client, analyst, json.dumps(sarif(results=[])).encode()).get_json()
    assert (clean["findings"], clean["new"], clean["resolved"]) == (0, 0, 1)
    assert clean["targets"] == ["https://github.com/acme/shop"]
    assert Finding.select().where(Finding.status == "open").count() == 0


def test_imported_findings_count_against_controls_of_a_target_in_scope(client, make_account):
    analyst = make_account(role="analyst")
    before = client.get(
        "/api/v1/controls/ctrl_secure_development", headers=analyst.headers
    ).get_json()
    answer = post_file(
        client,
        analyst,
        (DATA / "semgrep.sarif").read_bytes(),
        target="https://shop.example.com",
        frameworks="soc2",
    )
    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json()["targets"] == ["https://shop.example.com"]
    control = client.get(
        "/api/v1/controls/ctrl_secure_development", headers=analyst.headers
    ).get_json()
    assert before["status"] != "not_implemented"
    assert control["status"] == "not_implemented", control
    assert "sarif.result" in json.dumps(control)
    summary = answer.get_json()["scan"]["compliance"]
    assert any(item["failed"] for item in summary.values()), summary

    # Its findings fixed, the import is no evidence that the checks pass: an import
    # attaches no automated evidence, so nothing reads as "automated checks passed".
    for finding in client.get("/api/v1/findings?scanner=sarif", headers=analyst.headers).get_json()[
        "items"
    ]:
        changed = client.patch(
            f"/api/v1/findings/{finding['id']}", json={"status": "fixed"}, headers=analyst.headers
        )
        assert changed.status_code == 200, changed.get_json()
    control = client.get(
        "/api/v1/controls/ctrl_secure_development", headers=analyst.headers
    ).get_json()
    assert control["status"] == before["status"], control
    assert "automated checks passed" not in control["reason"]


def test_import_events_are_those_of_a_scan(client, make_account):
    analyst = make_account(role="analyst")
    post_file(client, analyst, (DATA / "semgrep.sarif").read_bytes())
    types = [row.type for row in OutboxEvent.select().order_by(OutboxEvent.id)]
    assert types.count("vulnerability.found") == 2
    assert "scan.started" in types and "scan.completed" in types and "scan.findings" in types


def test_bad_files_are_refused_and_leave_nothing_behind(client, make_account):
    analyst = make_account(role="analyst")
    cases = {
        b"{not json": "not JSON",
        json.dumps({"version": "2.0.0", "runs": []}).encode(): "'version'",
        json.dumps(sarif(results=[{"message": {"text": "x"}}])).encode(): "names no rule",
        json.dumps(sarif(versionControlProvenance=[])).encode(): "'target'",
        b"\xff\xfe\x00garbage": "UTF-8",
    }
    for content, said in cases.items():
        answer = post_file(client, analyst, content, format="sarif")
        assert answer.status_code == 422, (content[:40], answer.get_json())
        body = answer.get_json()
        assert said in body["detail"], body
        assert "Traceback" not in json.dumps(body)
    assert Scan.select().count() == 0
    assert Finding.select().count() == 0


def test_format_is_detected_or_named(client, make_account):
    analyst = make_account(role="analyst")
    unknown = post_file(client, analyst, b"hello", name="notes.txt")
    assert unknown.status_code == 422
    assert "not recognised" in unknown.get_json()["detail"]
    named_wrong = post_file(client, analyst, b"{}", format="excel")
    assert named_wrong.status_code == 422
    assert "unknown format" in named_wrong.get_json()["detail"]
    formats = client.get("/api/v1/imports/formats", headers=analyst.headers).get_json()
    sarif_format = next(item for item in formats if item["name"] == "sarif")
    assert sarif_format["checks"] == ["sarif.result"]
    assert "rule id" in sarif_format["fingerprint"]


def test_limits_roles_and_reruns(client, make_account, make_app):
    viewer = make_account(role="viewer")
    refused = post_file(client, viewer, (DATA / "semgrep.sarif").read_bytes())
    assert refused.status_code == 403
    analyst = make_account(role="analyst")
    scan = post_file(client, analyst, (DATA / "semgrep.sarif").read_bytes()).get_json()["scan"]
    rerun = client.post(f"/api/v1/scans/{scan['id']}/rescan", headers=analyst.headers)
    assert rerun.status_code == 409
    assert "import a newer file" in rerun.get_json()["detail"]
    both = post_file(
        client, analyst, b"{}", format="sarif", target="example.com", asset="ast_nothing"
    )
    assert both.status_code == 422


def test_a_file_over_the_limit_is_refused(make_app, make_account):
    app = make_app(**{"imports.max_upload_bytes": 1000})
    client = app.test_client()
    analyst = make_account(role="analyst")
    big = json.dumps(sarif()).encode() + b" " * 2000
    answer = post_file(client, analyst, big)
    assert answer.status_code == 413, answer.get_json()
    assert "imports.max_upload_bytes" in answer.get_json()["detail"]
    assert Scan.select().count() == 0


def test_too_many_items_are_refused(make_app, make_account):
    app = make_app(**{"imports.max_items": 2})
    client = app.test_client()
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "semgrep.sarif").read_bytes())
    assert answer.status_code == 422
    assert "more than 2 items" in answer.get_json()["detail"]
    assert Scan.select().count() == 0


def test_a_100_mb_file_is_refused_cleanly(client, make_account):
    """At the default limit (25 MiB): 413 in the error envelope, nothing stored."""
    analyst = make_account(role="analyst")
    huge = b'{"version": "2.1.0", "runs": [' + b" " * (100 * 1024 * 1024) + b"]}"
    answer = post_file(client, analyst, huge)
    assert answer.status_code == 413, answer.get_data()[:300]
    body = answer.get_json()
    assert body["error_code"] == "PAYLOAD_TOO_LARGE"
    assert "Traceback" not in json.dumps(body)
    assert Scan.select().count() == 0
