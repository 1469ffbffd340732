"""The OCSF importer (plugins/importers/ocsf.py) through POST /api/v1/imports: Prowler's
json-ocsf output and other products' OCSF 1.x Detection, Vulnerability and Compliance
Findings become findings of the ``ocsf`` importer; passed results never do.

Golden files (tests/data/imports/ocsf-*): a Prowler AWS run with PASS, MANUAL and muted
results mixed in; a Prowler Azure run with a duplicate, missing optional fields, an unknown
severity and unicode; one Prowler GCP finding as a single object; JSON Lines of other
products (vulnerabilities, compliance checks, EDR detections); an empty run."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest

from cyberorigen.appliance import appliance_of
from cyberorigen.db.models import Finding, OutboxEvent, Scan
from cyberorigen.plugin_api import stable_fingerprint
from cyberorigen.plugins.importers.ocsf import OcsfImporter
from cyberorigen.plugins.importers.sarif import SarifImporter

DATA = Path(__file__).parent / "data" / "imports"
AWS = DATA / "ocsf-prowler-aws.ocsf.json"
AZURE = DATA / "ocsf-prowler-azure-edge.ocsf.json"
GCP = DATA / "ocsf-prowler-gcp-single.ocsf.json"
LINES = DATA / "ocsf-findings.jsonl"
EMPTY = DATA / "ocsf-empty.ocsf.json"
OCSF_FILES = (AWS, AZURE, GCP, LINES, EMPTY)
ACCOUNT = "aws://123456789012"
SUBSCRIPTION = "azure://0f2a7c55-3c1e-4b8e-9a51-2d6f9e8b1c44"


def post_file(client, account, content: bytes, name: str = "prowler.ocsf.json", **form):
    body = {"file": (io.BytesIO(content), name), **form}
    return client.post(
        "/api/v1/imports", data=body, headers=account.headers, content_type="multipart/form-data"
    )


def imported(client, account, content: bytes, **form) -> dict:
    answer = post_file(client, account, content, **form)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def aws_run() -> list[dict]:
    return json.loads(AWS.read_text(encoding="utf-8"))


def encoded(document) -> bytes:
    return json.dumps(document, indent=4, ensure_ascii=False).encode()


def newer(document: list[dict]) -> list[dict]:
    """The same account checked again a week later by a newer Prowler: every volatile field
    changed (times, versions, scan id, finding uids, the account's display name)."""
    document = copy.deepcopy(document)
    for number, item in enumerate(document):
        item["time"] = item["finding_info"]["created_time"] = 1748512800 + number
        item["time_dt"] = item["finding_info"]["created_time_dt"] = "2025-05-29T10:00:00.1"
        item["metadata"]["product"]["version"] = "5.9.0"
        item["metadata"]["version"] = "1.5.0"
        item["finding_info"]["uid"] = f"prowler-aws-run-2-{number}"
        item.setdefault("unmapped", {})["scan_id"] = "019c2c86-3b2e-7c39-98fb-2f88643c246e"
        if "cloud" in item:
            item["cloud"]["account"]["name"] = "acme-production (renamed)"
    return document


def passed(item: dict) -> dict:
    item["status_code"] = "PASS"
    item["status_detail"] = item["message"] = "Fixed."
    return item


def findings_of(client, account, **filters) -> list[dict]:
    query = "&".join(f"{name}={value}" for name, value in {"scanner": "ocsf", **filters}.items())
    answer = client.get(f"/api/v1/findings?{query}&per_page=100", headers=account.headers)
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()["items"]


def outcomes_of(client, account, scan_id: str) -> list[dict]:
    answer = client.get(f"/api/v1/scans/{scan_id}/checks", headers=account.headers)
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()["items"]


def test_a_prowler_run_becomes_findings_on_its_cloud_account(client, make_account):
    analyst = make_account(role="analyst")
    body = imported(client, analyst, AWS.read_bytes())  # no format: detected
    # Ten results: six FAIL, two PASS, one MANUAL, one muted FAIL (status Suppressed).
    assert (body["format"], body["findings"], body["new"], body["merged"]) == ("ocsf", 6, 6, 0)
    assert body["targets"] == [ACCOUNT]
    scan = body["scan"]
    assert (scan["scan_type"], scan["status"], scan["vulnerabilities_found"]) == (
        "import",
        "completed",
        6,
    )
    assert scan["target"] == ACCOUNT

    rows = findings_of(client, analyst)
    by_check = {}
    for row in rows:
        by_check.setdefault(row["evidence"]["check_id"], []).append(row)
    assert sorted(by_check) == [
        "accessanalyzer_enabled",
        "ec2_ebs_volume_encryption",
        "ec2_elastic_ip_unassigned",
        "iam_root_mfa_enabled",
        "s3_bucket_level_public_access_block",
    ]
    assert {row["check_id"] for row in rows} == {"ocsf.detection"}
    assert {row["target"] for row in rows} == {ACCOUNT}
    root = by_check["iam_root_mfa_enabled"][0]
    assert (root["severity"], root["location"]) == ("critical", "arn:aws:iam::123456789012:root")
    assert root["title"] == "MFA is not enabled for root account. (Prowler iam_root_mfa_enabled)"
    assert root["evidence"]["check_title"] == "Root account has MFA enabled"
    assert root["evidence"]["compliance"]["CIS-4.0"] == ["1.5"]
    assert root["evidence"]["cloud"]["account_uid"] == "123456789012"
    assert root["evidence"]["cloud"]["account_name"] == "acme-production — Zürich"
    assert "MFA device" in root["remediation"]
    assert root["references"] == [
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_mfa.html"
    ]
    buckets = sorted(row["location"] for row in by_check["s3_bucket_level_public_access_block"])
    assert buckets == ["arn:aws:s3:::acme-assets", "arn:aws:s3:::acme-logs"]
    assert {row["severity"] for row in by_check["s3_bucket_level_public_access_block"]} == {
        "medium"
    }
    logs = next(
        row
        for row in by_check["s3_bucket_level_public_access_block"]
        if row["location"].endswith("acme-logs")
    )
    assert "Zoë Müller" in logs["title"]
    assert by_check["accessanalyzer_enabled"][0]["severity"] == "low"
    assert by_check["ec2_elastic_ip_unassigned"][0]["severity"] == "info"

    # What passed, needs a manual check or is muted is no finding.
    everything = json.dumps(rows)
    for left_out in (
        "cloudtrail_multi_region_enabled",
        "guardduty_is_enabled",
        "account_maintain_current_contact_details",
        "ec2_instance_imdsv2_enabled",
    ):
        assert left_out not in everything

    outcomes = {
        item["check_id"]: item["outcome"] for item in outcomes_of(client, analyst, scan["id"])
    }
    assert outcomes["ocsf.detection"] == "failed"
    assert set(outcomes.values()) <= {"failed", "inconclusive"}  # an import never passes
    types = [row.type for row in OutboxEvent.select()]
    assert types.count("vulnerability.found") == 6


def test_fingerprints_are_stable_across_a_newer_run_that_resolves_what_passes_now(
    client, make_account
):
    analyst = make_account(role="analyst")
    first = imported(client, analyst, AWS.read_bytes())
    again = imported(client, analyst, AWS.read_bytes())
    assert (again["findings"], again["new"], again["resolved"]) == (6, 0, 0)
    assert Finding.select().where(Finding.scanner == "ocsf").count() == 6
    before = {row.fingerprint for row in Finding.select()}

    # A week later, Prowler 5.9: times, versions, finding uids, the account name changed.
    later = imported(client, analyst, encoded(newer(aws_run())))
    assert (later["findings"], later["new"], later["resolved"]) == (6, 0, 0)
    assert later["targets"] == [ACCOUNT]
    assert {row.fingerprint for row in Finding.select()} == before
    assert Finding.select().count() == 6

    # The root user has MFA now: that result is a PASS, the finding is resolved.
    document = newer(aws_run())
    passed(document[0])
    fixed = imported(client, analyst, encoded(document))
    assert (fixed["findings"], fixed["new"], fixed["resolved"]) == (5, 0, 1)
    root = Finding.get(Finding.location == "arn:aws:iam::123456789012:root")
    assert root.status == "fixed"
    assert Finding.select().where(Finding.status == "open").count() == 5

    # Everything passes: no FAIL is left to name the account, the file still does.
    clean = [passed(item) for item in newer(aws_run())]
    cleared = imported(client, analyst, encoded(clean))
    assert (cleared["findings"], cleared["new"], cleared["resolved"]) == (0, 0, 5)
    assert cleared["targets"] == [ACCOUNT]
    assert Finding.select().where(Finding.status == "open").count() == 0
    assert first["scan"]["id"] != cleared["scan"]["id"]


def test_the_edge_run_merges_duplicates_and_takes_missing_fields_and_unicode(client, make_account):
    analyst = make_account(role="analyst")
    body = imported(client, analyst, AZURE.read_bytes())
    # Five results: the Key Vault FAIL twice (counted once), two other FAILs, one PASS.
    assert (body["findings"], body["merged"], body["new"]) == (3, 1, 3)
    assert body["targets"] == [SUBSCRIPTION]
    rows = {row.evidence["check_id"]: row for row in Finding.select()}
    assert rows["keyvault_rbac_enabled"].severity == "high"
    sql = rows["sqlserver_auditing_enabled"]
    assert "rg-zürich-données" in sql.location
    assert "auditoría activada ✗" in sql.title
    # An Azure resource id names no region: the region is part of the fingerprint.
    assert sql.fingerprint == stable_fingerprint(
        "ocsf",
        "Detection Finding",
        "prowler",
        "sqlserver_auditing_enabled",
        sql.location,
        "switzerlandnorth",
    )
    # Missing optional fields (no remediation, risk, unmapped, region, status detail) and an
    # Unknown severity: the check's defaults, medium.
    storage = rows["storage_secure_transfer_required_is_enabled"]
    assert storage.severity == "medium"
    assert storage.title == (
        "Storage account requires secure transfer "
        "(Prowler storage_secure_transfer_required_is_enabled)"
    )
    assert storage.remediation == OcsfImporter().check("ocsf.detection").remediation
    assert storage.fingerprint == stable_fingerprint(
        "ocsf",
        "Detection Finding",
        "prowler",
        "storage_secure_transfer_required_is_enabled",
        storage.location,
    )
    again = imported(client, analyst, AZURE.read_bytes())
    assert (again["findings"], again["merged"], again["new"], again["resolved"]) == (3, 1, 0, 0)
    assert Finding.select().count() == 3


def test_an_arn_with_its_region_is_fingerprinted_without_it(client, make_account):
    analyst = make_account(role="analyst")
    imported(client, analyst, AWS.read_bytes())
    volume = Finding.get(Finding.location.contains("volume/vol-"))
    assert volume.fingerprint == stable_fingerprint(
        "ocsf", "Detection Finding", "prowler", "ec2_ebs_volume_encryption", volume.location
    )
    root = Finding.get(Finding.location == "arn:aws:iam::123456789012:root")
    assert root.fingerprint == stable_fingerprint(
        "ocsf", "Detection Finding", "prowler", "iam_root_mfa_enabled", root.location, "us-east-1"
    )


def test_a_single_finding_object_is_read(client, make_account):
    analyst = make_account(role="analyst")
    body = imported(client, analyst, GCP.read_bytes(), name="gcp.json")
    assert (body["format"], body["findings"], body["targets"]) == (
        "ocsf",
        1,
        ["gcp://acme-analytics-prod"],
    )
    (row,) = findings_of(client, analyst)
    assert row["severity"] == "high"
    assert row["location"] == "etl-worker-1 (4183627490187364511)"  # a GCP uid is a number
    assert row["evidence"]["resource"]["service"] == "compute"


def test_json_lines_of_other_products(client, make_account):
    analyst = make_account(role="analyst")
    body = imported(client, analyst, LINES.read_bytes(), name="findings.jsonl")
    # Two vulnerability events (1 + 2 packages + 1), a failed CIS control, two detections;
    # left out: a passed and a "warning" (no result) control, a closed detection.
    assert (body["format"], body["findings"], body["new"]) == ("ocsf", 7, 7)
    assert body["targets"] == ["db1.example.com", "ws-042.example.com"]
    rows = findings_of(client, analyst)
    by_check: dict[str, list[dict]] = {}
    for row in rows:
        by_check.setdefault(row["check_id"], []).append(row)
    assert {name: len(items) for name, items in by_check.items()} == {
        "ocsf.vulnerability": 4,
        "ocsf.compliance": 1,
        "ocsf.detection": 2,
    }
    vulns = {
        (row["evidence"]["cve"], row["evidence"]["package"]["name"]): row
        for row in rows
        if row["check_id"] == "ocsf.vulnerability"
    }
    ssh = vulns[("CVE-2024-6387", "openssh-server")]
    assert (ssh["severity"], ssh["target"]) == ("high", "db1.example.com")
    assert ssh["location"] == "db1.example.com: openssh-server 1:9.2p1-2"
    assert ssh["cvss_vector"] == "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"
    assert ssh["evidence"]["package"]["fixed_in_version"] == "1:9.2p1-2+deb12u3"
    assert "https://nvd.nist.gov/vuln/detail/CVE-2024-6387" in ssh["references"]
    assert vulns[("CVE-2023-38545", "curl")]["severity"] == "critical"  # its severity word
    assert vulns[("CVE-2023-38545", "libcurl4")]["severity"] == "critical"
    terrapin = vulns[("CVE-2023-48795", "openssh-client")]  # OCSF 1.1's 'packages'
    assert terrapin["severity"] == "medium"  # no word: CVSS 5.9
    assert terrapin["remediation"] == OcsfImporter().check("ocsf.vulnerability").remediation
    assert ssh["remediation"] == "Update openssh-server to 1:9.2p1-2+deb12u3 or later."
    control = by_check["ocsf.compliance"][0]
    assert control["severity"] == "medium"
    assert control["evidence"]["compliance"]["control"] == "5.2.10"
    assert "PermitRootLogin no" in control["remediation"]
    detections = {row["evidence"]["analytic"]["uid"]: row for row in by_check["ocsf.detection"]}
    assert detections["rule-4412"]["severity"] == "high"
    assert detections["rule-4412"]["target"] == "ws-042.example.com"
    assert detections["rule-1001"]["severity"] == "critical"  # severity_id 6, Fatal
    assert "🔒" in detections["rule-1001"]["title"]
    assert "rule-0932" not in json.dumps(rows)  # closed (activity Close, status Resolved)

    # The next day's export: times and the scanner's per-run finding uids changed.
    lines = []
    for line in LINES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            item["time"] += 86_400_000
            if item["class_uid"] == 2002:
                item["finding_info"]["uid"] += "-next"
                item["metadata"]["product"]["version"] = "3.3.0"
            line = json.dumps(item, ensure_ascii=False)
        lines.append(line)
    later = imported(client, analyst, "\n".join(lines).encode(), name="findings.jsonl")
    assert (later["findings"], later["new"], later["resolved"]) == (7, 0, 0)
    assert Finding.select().count() == 7


def test_an_empty_run_is_valid_and_resolves_on_the_target_named(client, make_account):
    analyst = make_account(role="analyst")
    for content in (EMPTY.read_bytes(), b"", b" \n", b"\xef\xbb\xbf[]"):
        body = imported(client, analyst, content, format="ocsf")
        assert (body["findings"], body["new"], body["resolved"], body["targets"]) == (0, 0, 0, [])
        assert body["scan"]["status"] == "completed"
    first = imported(client, analyst, AWS.read_bytes(), target="example.com")
    assert (first["findings"], first["targets"]) == (6, ["example.com"])
    cleared = imported(client, analyst, EMPTY.read_bytes(), format="ocsf", target="example.com")
    assert (cleared["findings"], cleared["resolved"]) == (0, 6)


def test_pass_results_never_become_findings(client, make_account):
    analyst = make_account(role="analyst")
    document = [item for item in aws_run() if item["status_code"] in ("PASS", "MANUAL")]
    assert len(document) == 3
    body = imported(client, analyst, encoded(document))
    assert (body["findings"], body["targets"]) == (0, [ACCOUNT])
    assert Finding.select().count() == 0
    outcomes = outcomes_of(client, analyst, body["scan"]["id"])
    assert outcomes and {item["outcome"] for item in outcomes} == {"inconclusive"}


def test_findings_count_against_the_control_only_on_a_target_in_scope(client, make_account):
    analyst = make_account(role="analyst")
    url = "/api/v1/controls/ctrl_vulnerability_management"
    before = client.get(url, headers=analyst.headers).get_json()
    assert before["status"] != "not_implemented"
    # On the cloud account (not a host of the organization's scope): its findings do not
    # count against the control.
    imported(client, analyst, AWS.read_bytes(), frameworks="soc2")
    outside = client.get(url, headers=analyst.headers).get_json()
    assert outside["status"] != "not_implemented", outside
    assert outside["basis"]["findings"] == []

    body = imported(client, analyst, AWS.read_bytes(), target="example.com", frameworks="soc2")
    assert body["targets"] == ["example.com"]
    control = client.get(url, headers=analyst.headers).get_json()
    assert control["status"] == "not_implemented", control
    assert "ocsf.detection" in json.dumps(control)
    summary = body["scan"]["compliance"]
    assert any(item["failed"] for item in summary.values()), summary


def test_the_format_is_told_apart_from_the_others(app):
    ocsf, sarif = OcsfImporter(), SarifImporter()
    others = [path for path in DATA.iterdir() if path.is_file() and path not in OCSF_FILES]
    assert any(path.name == "semgrep.sarif" for path in others)
    for path in others:
        assert not ocsf.detect(path.read_bytes()[:65536]), path.name
    importers = appliance_of(app).registry.importers
    assert importers["ocsf"].name == "ocsf"
    for path in (AWS, AZURE, GCP, LINES):
        head = path.read_bytes()[:65536]
        assert ocsf.detect(head), path.name
        assert not sarif.detect(head), path.name
        claimed = [name for name, item in importers.items() if item.detect(head)]
        assert claimed == ["ocsf"], (path.name, claimed)
    for head in (b"", b"[]", b"hello", b"\xff\xfe", b'{"runs": [], "version": "2.1.0"}'):
        assert not ocsf.detect(head)


def test_formats_lists_the_importer(client, make_account):
    analyst = make_account(role="analyst")
    formats = client.get("/api/v1/imports/formats", headers=analyst.headers).get_json()
    ocsf = next(item for item in formats if item["name"] == "ocsf")
    assert ocsf["checks"] == ["ocsf.detection", "ocsf.vulnerability", "ocsf.compliance"]
    assert "event_code" in ocsf["fingerprint"] or "check id" in ocsf["fingerprint"]
    for check in OcsfImporter.checks:
        assert check.controls == ("ctrl_vulnerability_management",)
        assert check.fingerprint and "time" not in check.fingerprint


def _with(index: int, **changes) -> bytes:
    document = aws_run()
    for name, value in changes.items():
        if value is None:
            document[index].pop(name, None)
        else:
            document[index][name] = value
    return encoded(document)


def test_bad_files_are_refused_and_leave_nothing_behind(client, make_account):
    analyst = make_account(role="analyst")
    unnamed = aws_run()[0]
    unnamed.pop("cloud")
    cases = {
        b"[{not json": "not JSON",
        b'{"class_uid": 2004,\n': "not JSON",
        b'"just a string"': "JSON array",
        b"[1]": "[0] must be an object",
        b'[{"severity_id": 3}]': "'class_uid'",
        json.dumps([{"class_uid": 4001}]).encode(): "class_uid 4001",
        json.dumps([{"class_uid": 2001}]).encode(): "Security Finding",
        _with(2, finding_info=None): "[2].finding_info must be an object",
        _with(1, metadata=None): "[1].metadata must be an object",
        _with(3, resources="arn:aws:s3:::x"): "[3].resources must be an array",
        _with(0, status_code="WARNING"): "status_code 'WARNING'",
        _with(4, status_code=None): "status_code None",
        _with(0, metadata={"version": "2.0.0", "product": {"name": "Prowler"}}): "1.x",
        _with(0, metadata={"version": "1.4.0", "product": {}}): "names no product",
        json.dumps([unnamed]).encode(): "'target'",
        json.dumps(
            [
                {
                    "class_uid": 2002,
                    "metadata": {"product": {"name": "x"}},
                    "finding_info": {},
                    "device": {"ip": "192.0.2.10"},
                }
            ]
        ).encode(): "needs 'vulnerabilities'",
        json.dumps(
            [
                {
                    "class_uid": 2002,
                    "metadata": {"product": {"name": "x"}},
                    "finding_info": {},
                    "device": {"hostname": "db1.example.com"},
                    "vulnerabilities": [{"affected_packages": [{"version": "1"}]}],
                }
            ]
        ).encode(): "[0].vulnerabilities[0] names no CVE",
        json.dumps(
            [
                {
                    "class_uid": 2003,
                    "metadata": {"product": {"name": "x"}},
                    "finding_info": {"title": "t"},
                }
            ]
        ).encode(): "needs 'compliance'",
        b"\xff\xfe\x00garbage": "UTF-8",
    }
    jsonl = LINES.read_text(encoding="utf-8").splitlines()
    jsonl[1] = jsonl[1][:40]
    cases["\n".join(jsonl).encode()] = "line 2 is not JSON"
    for content, said in cases.items():
        answer = post_file(client, analyst, content, format="ocsf")
        assert answer.status_code == 422, (content[:60], answer.get_json())
        detail = answer.get_json()["detail"]
        assert said in detail, (said, detail)
        assert "Traceback" not in detail
    assert Scan.select().count() == 0
    assert Finding.select().count() == 0


def test_the_golden_prowler_files_are_what_prowler_models_accept():
    models = pytest.importorskip("py_ocsf_models.events.findings.detection_finding")
    compliance = pytest.importorskip("py_ocsf_models.events.findings.compliance_finding")
    for path in (AWS, AZURE):
        for item in json.loads(path.read_text(encoding="utf-8")):
            models.DetectionFinding.model_validate(item)
    models.DetectionFinding.model_validate(json.loads(GCP.read_text(encoding="utf-8")))
    for line in LINES.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item["class_uid"] == 2004:
            models.DetectionFinding.model_validate(item)
        elif item["class_uid"] == 2003:
            compliance.ComplianceFinding.model_validate(item)


def test_an_import_outside_the_scope_claims_no_automated_pass(client, make_account):
    analyst = make_account(role="analyst")
    url = "/api/v1/controls/ctrl_vulnerability_management"
    before = client.get(url, headers=analyst.headers).get_json()
    imported(client, analyst, AWS.read_bytes(), frameworks="soc2")
    after = client.get(url, headers=analyst.headers).get_json()
    assert after["status"] == before["status"], after["reason"]
    assert "automated checks passed" not in after["reason"]
