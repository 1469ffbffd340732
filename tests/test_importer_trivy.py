"""The Trivy JSON importer, through POST /api/v1/imports: an image report's findings land on
the image's name without tag or digest, stay the same findings when the image is rebuilt
with a package upgraded but still vulnerable, and are resolved by a newer clean report; a
filesystem report needs a target; a file that is not a Trivy report leaves nothing behind."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest

from cyberorigen.db.models import Finding, Scan
from cyberorigen.plugin_registry import build_registry
from cyberorigen.plugins.importers.trivy import (
    TrivyImporter,
    image_name,
    repository_url,
    without_version,
)
from cyberorigen.services.imports import choose_importer

DATA = Path(__file__).parent / "data" / "imports"
IMAGE = "ghcr.io/acme/shop"


def post_file(client, account, content: bytes, name: str = "trivy.json", **form):
    body = {"file": (io.BytesIO(content), name), **form}
    return client.post(
        "/api/v1/imports", data=body, headers=account.headers, content_type="multipart/form-data"
    )


def golden(name: str = "trivy-image.json") -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def encoded(document: dict) -> bytes:
    return json.dumps(document).encode()


def findings_of(client, account) -> list[dict]:
    return client.get(
        "/api/v1/findings?scanner=trivy&limit=100", headers=account.headers
    ).get_json()["items"]


def by_key(items: list[dict]) -> dict[tuple, dict]:
    keyed = {}
    for item in items:
        evidence = item["evidence"]
        key = evidence.get("vulnerability_id") or evidence.get("check_id") or evidence["rule_id"]
        keyed[(key, evidence.get("package") or evidence.get("resource") or "")] = item
    return keyed


def newer_build(document: dict) -> dict:
    """The same image rebuilt a week later: new tag and digest, new layers, a later Alpine
    point release, libcrypto3/libssl3 and requests upgraded yet still vulnerable, the secret
    two lines further down."""
    newer = copy.deepcopy(document)
    newer["CreatedAt"] = "2026-12-07T08:00:00Z"
    newer["ArtifactName"] = "ghcr.io/acme/shop:1.4.3@sha256:" + "ab" * 32
    newer["Metadata"]["RepoTags"] = ["ghcr.io/acme/shop:1.4.3"]
    newer["Metadata"]["ImageID"] = "sha256:" + "cd" * 32
    os_result, python, java, _node, secrets, _licenses = newer["Results"]
    os_result["Target"] = "ghcr.io/acme/shop:1.4.3 (alpine 3.19.2)"
    for item in os_result["Vulnerabilities"]:
        if item["PkgName"] in ("libcrypto3", "libssl3"):
            item["InstalledVersion"] = "3.1.4-r3"
            item["PkgID"] = f"{item['PkgName']}@3.1.4-r3"
        item.pop("Layer", None)
    requests = python["Vulnerabilities"][0]
    requests["InstalledVersion"] = "2.31.1"
    requests["PkgPath"] = requests["PkgPath"].replace("2.31.0", "2.31.1")
    java["Vulnerabilities"][0]["InstalledVersion"] = "2.14.2"
    java["Vulnerabilities"][0]["PkgPath"] = "app/lib/log4j-core-2.14.2.jar"
    secret = secrets["Secrets"][0]
    secret["StartLine"] = secret["EndLine"] = 5
    secret["Layer"]["DiffID"] = "sha256:" + "ef" * 32
    return newer


def test_an_image_report_becomes_findings_on_the_image_without_its_tag(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "trivy-image.json").read_bytes())
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    # Nine vulnerabilities (one not_affected, left out; log4j-core twice in one folder, one
    # finding) and a secret; the license result is not read.
    assert (body["format"], body["findings"], body["new"], body["merged"]) == ("trivy", 8, 8, 0)
    assert body["targets"] == [IMAGE]
    assert body["scan"]["target"] == IMAGE

    items = findings_of(client, analyst)
    assert len(items) == 8
    assert {item["target"] for item in items} == {IMAGE}
    found = by_key(items)
    crypto = found[("CVE-2024-0727", "libcrypto3")]
    assert (crypto["check_id"], crypto["severity"]) == ("trivy.vulnerability", "medium")
    assert crypto["location"] == "libcrypto3 3.1.4-r2 in ghcr.io/acme/shop:1.4.2 (alpine 3.19.1)"
    assert crypto["cvss_vector"] == "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H"
    assert crypto["evidence"]["fixed_version"] == "3.1.4-r5"
    assert crypto["evidence"]["artifact"] == "ghcr.io/acme/shop:1.4.2"
    assert crypto["evidence"]["cwe"] == ["CWE-476"]
    assert "3.1.4-r5" in crypto["remediation"]
    assert crypto["references"][0] == "https://avd.aquasec.com/nvd/cve-2024-0727"
    assert ("CVE-2024-0727", "libssl3") in found  # another package: another finding
    assert ("CVE-2023-5678", "libssl3") not in found  # not_affected
    # UNKNOWN: the band of the CVSS score, else low.
    assert found[("CVE-2024-2511", "libcrypto3")]["severity"] == "high"
    unrated = found[("CVE-2024-4741", "libssl3")]
    assert unrated["severity"] == "low"
    assert "No fixed version" in unrated["remediation"]
    log4j = found[("CVE-2021-44228", "org.apache.logging.log4j:log4j-core")]
    assert log4j["severity"] == "critical"
    assert log4j["evidence"]["installed_versions"] == ["2.14.1", "2.14.0"]
    assert log4j["location"].endswith("in app/lib/log4j-core-2.14.1.jar")
    assert "“next_token”" in found[("CVE-2023-42366", "busybox")]["title"]
    secret = found[("aws-access-key-id", "")]
    assert (secret["check_id"], secret["severity"], secret["location"]) == (
        "trivy.secret",
        "critical",
        "/app/.env:3",
    )
    assert secret["evidence"]["match"] == "AWS_ACCESS_KEY_ID=********************"

    checks = client.get(
        f"/api/v1/scans/{body['scan']['id']}/checks", headers=analyst.headers
    ).get_json()["items"]
    outcomes = {item["check_id"]: item["outcome"] for item in checks}
    assert outcomes == {
        "trivy.vulnerability": "failed",
        "trivy.secret": "failed",
        "trivy.misconfiguration": "inconclusive",  # no misconfiguration found: not a pass
    }


def test_a_rebuilt_image_still_vulnerable_keeps_its_findings(client, make_account):
    analyst = make_account(role="analyst")
    first = post_file(client, analyst, (DATA / "trivy-image.json").read_bytes()).get_json()
    again = post_file(client, analyst, (DATA / "trivy-image.json").read_bytes()).get_json()
    assert (again["findings"], again["new"], again["resolved"]) == (8, 0, 0)

    newer = newer_build(golden())
    rebuilt = post_file(client, analyst, encoded(newer))
    assert rebuilt.status_code == 201, rebuilt.get_json()
    body = rebuilt.get_json()
    assert (body["findings"], body["new"], body["resolved"]) == (8, 0, 0)
    assert body["targets"] == [IMAGE]
    assert Finding.select().where(Finding.scanner == "trivy").count() == 8
    found = by_key(findings_of(client, analyst))
    crypto = found[("CVE-2024-0727", "libcrypto3")]
    assert crypto["location"] == "libcrypto3 3.1.4-r3 in ghcr.io/acme/shop:1.4.3 (alpine 3.19.2)"
    assert crypto["evidence"]["installed_version"] == "3.1.4-r3"
    assert found[("aws-access-key-id", "")]["location"] == "/app/.env:5"
    requests = found[("CVE-2024-35195", "requests")]
    assert "2.31.1" in requests["location"]

    # Busybox upgraded to the fixed version: that finding is resolved, the others stay.
    fixed = copy.deepcopy(newer)
    fixed["Results"][0]["Vulnerabilities"] = [
        item for item in fixed["Results"][0]["Vulnerabilities"] if item["PkgName"] != "busybox"
    ]
    third = post_file(client, analyst, encoded(fixed)).get_json()
    assert (third["findings"], third["new"], third["resolved"]) == (7, 0, 1)
    rows = {(row.evidence.get("vulnerability_id"), row.status) for row in Finding.select()}
    assert ("CVE-2023-42366", "fixed") in rows
    assert first["scan"]["id"] != third["scan"]["id"]


def test_a_clean_report_of_the_image_resolves_everything(client, make_account):
    analyst = make_account(role="analyst")
    post_file(client, analyst, (DATA / "trivy-image.json").read_bytes())
    # The clean report names the image by digest only (and its repo tag in Metadata).
    clean = post_file(client, analyst, (DATA / "trivy-clean.json").read_bytes())
    assert clean.status_code == 201, clean.get_json()
    body = clean.get_json()
    assert (body["findings"], body["new"], body["resolved"]) == (0, 0, 8)
    assert body["targets"] == [IMAGE]
    assert body["scan"]["status"] == "completed"
    assert {row.status for row in Finding.select()} == {"fixed"}
    checks = client.get(
        f"/api/v1/scans/{body['scan']['id']}/checks", headers=analyst.headers
    ).get_json()["items"]
    assert {item["outcome"] for item in checks} == {"inconclusive"}  # never passed


def test_a_filesystem_report_needs_a_target_and_counts_against_its_controls(client, make_account):
    analyst = make_account(role="analyst")
    content = (DATA / "trivy-fs.json").read_bytes()
    refused = post_file(client, analyst, content)
    assert refused.status_code == 422, refused.get_json()
    assert "'target'" in refused.get_json()["detail"]
    assert "'.'" in refused.get_json()["detail"]
    assert Scan.select().count() == 0

    before = client.get(
        "/api/v1/controls/ctrl_secure_development", headers=analyst.headers
    ).get_json()
    answer = post_file(client, analyst, content, target="shop.example.com", frameworks="soc2")
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    # Two Dockerfile checks failed (the PASS is left out), the S3 check on two buckets (and
    # again on the first: merged), one secret.
    assert (body["findings"], body["new"], body["merged"]) == (5, 5, 1)
    assert body["targets"] == ["shop.example.com"]
    found = by_key(findings_of(client, analyst))
    root = found[("DS002", "")]
    assert (root["check_id"], root["severity"], root["location"]) == (
        "trivy.misconfiguration",
        "high",
        "Dockerfile",
    )
    assert root["remediation"] == "Add 'USER <non root user name>' line to the Dockerfile"
    assert root["evidence"]["avd_id"] == "AVD-DS-0002"
    assert found[("DS026", "")]["severity"] == "low"
    assert ("DS001", "") not in found
    logs = found[("AVD-AWS-0088", "aws_s3_bucket.logs")]
    assert logs["location"] == "deploy/main.tf:12"  # the first of the two
    assert ("AVD-AWS-0088", "aws_s3_bucket.assets") in found
    token = found[("github-pat", "")]
    assert token["location"] == "shop/settings.py:41"
    assert "é ☃" in token["evidence"]["match"]

    control = client.get(
        "/api/v1/controls/ctrl_secure_development", headers=analyst.headers
    ).get_json()
    assert before["status"] != "not_implemented"
    assert control["status"] == "not_implemented", control
    assert "trivy.misconfiguration" in json.dumps(control)

    # The same files scanned again, the lines moved: the same findings.
    moved = golden("trivy-fs.json")
    for result in moved["Results"]:
        for item in result.get("Misconfigurations", []):
            cause = item.setdefault("CauseMetadata", {})
            cause["StartLine"] = cause.get("StartLine", 1) + 3
        for item in result.get("Secrets", []):
            item["StartLine"] += 3
    again = post_file(client, analyst, encoded(moved), target="shop.example.com").get_json()
    assert (again["findings"], again["new"], again["resolved"]) == (5, 0, 0)


def test_a_repository_report_lands_on_the_repository_url(client, make_account):
    analyst = make_account(role="analyst")
    document = golden("trivy-fs.json")
    document["ArtifactType"] = "repository"
    document["ArtifactName"] = "https://ci:s3cret@github.com/acme/shop.git"
    answer = post_file(client, analyst, encoded(document))
    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json()["targets"] == ["https://github.com/acme/shop"]
    assert "s3cret" not in json.dumps(findings_of(client, analyst)[0]["target"])


def test_the_format_is_detected_and_other_formats_are_not_claimed(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "trivy-image.json").read_bytes())
    assert answer.status_code == 201
    assert answer.get_json()["format"] == "trivy"

    importers = build_registry().importers
    for name in ("trivy-image.json", "trivy-clean.json", "trivy-fs.json"):
        head = (DATA / name).read_bytes()
        assert choose_importer(importers, None, head).name == "trivy", name
    trivy = TrivyImporter()
    others = [path for path in DATA.iterdir() if not path.name.startswith("trivy-")]
    assert others  # the SARIF golden file at least
    for path in others:
        assert not trivy.detect(path.read_bytes()[: 64 * 1024]), path.name

    formats = client.get("/api/v1/imports/formats", headers=analyst.headers).get_json()
    described = next(item for item in formats if item["name"] == "trivy")
    assert described["checks"] == [
        "trivy.vulnerability",
        "trivy.misconfiguration",
        "trivy.secret",
    ]
    assert "never the installed version" in described["fingerprint"].lower()


def _broken() -> dict[str, tuple[bytes, str]]:
    no_id = golden()
    del no_id["Results"][0]["Vulnerabilities"][2]["VulnerabilityID"]
    bad_severity = golden()
    bad_severity["Results"][1]["Vulnerabilities"][0]["Severity"] = "SEVERE"
    not_a_list = golden()
    not_a_list["Results"][0]["Vulnerabilities"] = {"VulnerabilityID": "CVE-2024-0727"}
    no_rule = golden()
    del no_rule["Results"][4]["Secrets"][0]["RuleID"]
    old_schema = golden()
    old_schema["SchemaVersion"] = 1
    return {
        "no id": (encoded(no_id), "Results[0].Vulnerabilities[2] has no 'VulnerabilityID'"),
        "severity": (encoded(bad_severity), "severity 'SEVERE'"),
        "not a list": (encoded(not_a_list), "Results[0].Vulnerabilities must be an array"),
        "no rule": (encoded(no_rule), "Results[4].Secrets[0] has no 'RuleID'"),
        "schema": (encoded(old_schema), "'SchemaVersion' is 1"),
        "bare array": (encoded([{"Target": "x", "Vulnerabilities": []}]), "before v0.20"),
        "k8s": (encoded({"ClusterName": "prod", "Resources": []}), "trivy k8s"),
        "results": (encoded({"SchemaVersion": 2, "Results": {}}), "'Results' must be an array"),
        "truncated": ((DATA / "trivy-image.json").read_bytes()[:700], "not JSON"),
    }


@pytest.mark.parametrize("case", sorted(_broken()))
def test_malformed_reports_are_refused_and_leave_nothing_behind(client, make_account, case):
    analyst = make_account(role="analyst")
    content, said = _broken()[case]
    answer = post_file(client, analyst, content, format="trivy")
    assert answer.status_code == 422, answer.get_json()
    body = answer.get_json()
    assert said in body["detail"], body
    assert "Traceback" not in json.dumps(body)
    assert Scan.select().count() == 0
    assert Finding.select().count() == 0


def test_stable_names_of_images_repositories_and_package_paths():
    assert image_name("ghcr.io/acme/shop:1.4.2") == "ghcr.io/acme/shop"
    assert image_name("ghcr.io/acme/shop:1.4.2@sha256:" + "0" * 64) == "ghcr.io/acme/shop"
    assert image_name("docker.io/library/alpine:3.19") == "alpine"
    assert image_name("index.docker.io/acme/shop") == "acme/shop"
    assert image_name("localhost:5000/shop:1.0") == "localhost:5000/shop"
    assert image_name("sha256:" + "a" * 64) == ""
    assert repository_url("git@github.com:acme/shop.git") == "https://github.com/acme/shop"
    assert repository_url("https://u:p@GitHub.com/acme/shop.git/") == "https://github.com/acme/shop"
    assert repository_url("./shop") == ""
    assert without_version("app/lib/log4j-core-2.14.1.jar", "2.14.1") == "app/lib/log4j-core-*.jar"
    assert without_version("lib1/foo-1.jar", "1") == "lib1/foo-*.jar"
    # An image archive (--input) is named by its repo tag.
    document = golden()
    document["ArtifactName"] = "images/shop.tar"
    targets = {item.target for item in TrivyImporter().parse(encoded(document), None)}
    assert targets == {IMAGE}
