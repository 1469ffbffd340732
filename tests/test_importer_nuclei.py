"""The Nuclei importer, through POST /api/v1/imports: each result lands on the origin (or
host:port, or host) it matched, keeps its identity across runs whose timestamps, extracted
results, IP addresses and query values differ, and a newer run resolves on a target what it
no longer reports there and nothing elsewhere; JSON Lines and the JSON array export are the
same results; a file that is not Nuclei's output leaves nothing behind."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cyberorigen.db.models import Finding, Scan
from cyberorigen.plugin_registry import build_registry
from cyberorigen.plugins.importers.nuclei import NucleiImporter, split_match
from cyberorigen.services.imports import choose_importer

DATA = Path(__file__).parent / "data" / "imports"
SHOP = "https://shop.example.com"


def post_file(client, account, content: bytes, name: str = "nuclei.jsonl", **form):
    body = {"file": (io.BytesIO(content), name), **form}
    return client.post(
        "/api/v1/imports", data=body, headers=account.headers, content_type="multipart/form-data"
    )


def results(name: str = "nuclei-scan.jsonl") -> list[dict]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def as_lines(items: list[dict]) -> bytes:
    return "\n".join(json.dumps(item, ensure_ascii=False) for item in items).encode()


def findings_of(client, account) -> list[dict]:
    return client.get(
        "/api/v1/findings?scanner=nuclei&limit=100", headers=account.headers
    ).get_json()["items"]


def by_template(items: list[dict]) -> dict[str, dict]:
    return {item["evidence"]["template_id"]: item for item in items}


def next_week(items: list[dict]) -> list[dict]:
    """The same scan a week later: new timestamps, another IP address, other extracted
    results, another XSS payload and page number, the default port spelled out."""
    newer = json.loads(json.dumps(items))
    for number, item in enumerate(newer):
        item["timestamp"] = f"2026-12-08T09:00:{number:02d}.5Z"
        if "ip" in item:
            item["ip"] = "203.0.113.77"
        if "extracted-results" in item:
            item["extracted-results"] = [f"changed {number}"]
        if item["template-id"] == "reflected-xss":
            item["matched-at"] = "https://shop.example.com/search?page=7&q=%3Csvg%2Fonload%3D1%3E"
        if item["template-id"] == "git-config":
            item["matched-at"] = "https://SHOP.example.com:443/.git/config"
    return newer


def test_a_nuclei_run_becomes_findings_on_the_origins_it_matched(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "nuclei-scan.jsonl").read_bytes())
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    # Nine results: one did not match (matcher-status false), git-config twice (merged).
    assert (body["format"], body["findings"], body["new"], body["merged"]) == (
        "nuclei",
        7,
        7,
        1,
    )
    assert body["targets"] == [
        SHOP,
        "http://127.0.0.1:8080",
        "shop.example.com:443",
        "shop.example.com",
        "127.0.0.1:6379",
    ]

    found = by_template(findings_of(client, analyst))
    assert set(found) == {
        "tech-detect",
        "git-config",
        "CVE-2021-41773",
        "deprecated-tls",
        "spf-record-detect",
        "reflected-xss",
        "redis-unauth",
    }
    cve = found["CVE-2021-41773"]
    assert (cve["check_id"], cve["severity"], cve["target"]) == (
        "nuclei.known_vulnerability",
        "high",
        "http://127.0.0.1:8080",
    )
    assert cve["location"] == "http://127.0.0.1:8080/cgi-bin/.%2e/.%2e/.%2e/.%2e/etc/passwd"
    assert cve["evidence"]["cve"] == ["CVE-2021-41773"]
    assert cve["evidence"]["cwe"] == ["CWE-22"]
    assert cve["evidence"]["cvss_score"] == 7.5
    assert cve["cvss_vector"] == "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"
    assert cve["remediation"] == "Update to Apache HTTP Server 2.4.51 or later."
    assert cve["references"].count("https://nvd.nist.gov/vuln/detail/CVE-2021-41773") == 1
    tech = found["tech-detect"]
    assert (tech["check_id"], tech["severity"], tech["title"]) == (
        "nuclei.template_match",
        "info",
        "Wappalyzer Technology Detection [nginx]",
    )
    git = found["git-config"]
    assert (git["severity"], git["target"], git["location"]) == (
        "medium",
        SHOP,
        "https://shop.example.com/.git/config",
    )
    assert git["evidence"]["extracted_results"] == ["[core]\n\trepositoryformatversion = 0"]
    assert found["deprecated-tls"]["title"].endswith("[tls_1.1]")
    assert found["spf-record-detect"]["target"] == "shop.example.com"
    assert found["redis-unauth"]["target"] == "127.0.0.1:6379"
    xss = found["reflected-xss"]
    assert xss["evidence"]["fuzzing_parameter"] == "q"
    assert "« q »" in xss["evidence"]["description"]
    # Requests, responses and curl commands (a session cookie here) are not kept.
    assert "session=4f2a9c" not in json.dumps(list(found.values()))

    checks = client.get(
        f"/api/v1/scans/{body['scan']['id']}/checks", headers=analyst.headers
    ).get_json()["items"]
    outcomes = {(item["target"], item["check_id"]): item["outcome"] for item in checks}
    assert outcomes[("http://127.0.0.1:8080", "nuclei.known_vulnerability")] == "failed"
    assert outcomes[(SHOP, "nuclei.template_match")] == "failed"
    assert outcomes[(SHOP, "nuclei.known_vulnerability")] == "inconclusive"
    assert "passed" not in outcomes.values()


def test_a_newer_run_keeps_identities_and_resolves_only_where_it_looked(client, make_account):
    analyst = make_account(role="analyst")
    first = results()
    post_file(client, analyst, as_lines(first))
    again = post_file(client, analyst, as_lines(next_week(first))).get_json()
    assert (again["findings"], again["new"], again["resolved"]) == (7, 0, 0)
    assert Finding.select().where(Finding.scanner == "nuclei").count() == 7
    found = by_template(findings_of(client, analyst))
    # The location is the newer run's, as written; the target is still the origin.
    assert found["git-config"]["location"] == "https://SHOP.example.com:443/.git/config"
    assert found["git-config"]["target"] == SHOP
    assert found["reflected-xss"]["location"].endswith("?page=7&q=%3Csvg%2Fonload%3D1%3E")
    assert found["tech-detect"]["evidence"]["ip"] == "203.0.113.77"

    # A run of the shop's web templates only: the Git exposure and the XSS are gone there;
    # the findings on the other targets, which this run did not report on, stay open.
    shop_only = [item for item in next_week(first) if item["template-id"] == "tech-detect"]
    third = post_file(client, analyst, as_lines(shop_only)).get_json()
    assert (third["findings"], third["new"], third["resolved"]) == (1, 0, 2)
    assert third["targets"] == [SHOP]
    status = {row.evidence["template_id"]: row.status for row in Finding.select()}
    assert status["git-config"] == status["reflected-xss"] == "fixed"
    assert status["CVE-2021-41773"] == status["redis-unauth"] == status["tech-detect"] == "open"

    # The XSS back with another matcher name is another finding.
    back = [item for item in first if item["template-id"] == "reflected-xss"]
    back[0]["matcher-name"] = "body-reflection"
    fourth = post_file(client, analyst, as_lines(back)).get_json()
    assert (fourth["new"], fourth["resolved"]) == (1, 1)  # tech-detect not in this file


def test_the_json_export_is_read_like_the_json_lines(client, make_account):
    analyst = make_account(role="analyst")
    post_file(client, analyst, (DATA / "nuclei-scan.jsonl").read_bytes())
    exported = json.dumps(results(), indent=2).encode()
    answer = post_file(client, analyst, exported, name="nuclei-export.json")
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    assert (body["format"], body["findings"], body["new"], body["resolved"]) == (
        "nuclei",
        7,
        0,
        0,
    )


def test_file_results_take_the_named_target_and_keep_secrets_masked(client, make_account):
    analyst = make_account(role="analyst")
    content = (DATA / "nuclei-file.jsonl").read_bytes()
    refused = post_file(client, analyst, content)
    assert refused.status_code == 422, refused.get_json()
    assert "line 1 (aws-access-key) names no host" in refused.get_json()["detail"]
    assert "'target'" in refused.get_json()["detail"]
    assert Scan.select().count() == 0

    answer = post_file(client, analyst, content, target="https://github.com/acme/shop")
    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json()["targets"] == ["https://github.com/acme/shop"]
    found = by_template(findings_of(client, analyst))
    key = found["aws-access-key"]
    assert key["location"] == "/builds/acme/shop/shop/settings.py"
    assert key["evidence"]["extracted_results"] == ["AKIA****************"]
    assert "AKIAIOSFODNN7EXAMPLE" not in json.dumps(key)
    assert found["private-key"]["severity"] == "high"


def test_an_empty_run_is_a_completed_import(client, make_account):
    analyst = make_account(role="analyst")
    post_file(client, analyst, (DATA / "nuclei-scan.jsonl").read_bytes())
    answer = post_file(client, analyst, (DATA / "nuclei-empty.jsonl").read_bytes(), format="nuclei")
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    # Nuclei writes nothing about the hosts it found clean: nothing can be resolved.
    assert (body["findings"], body["resolved"], body["targets"]) == (0, 0, [])
    assert body["scan"]["status"] == "completed"
    # Named, the target counts as examined: its findings are resolved.
    named = post_file(
        client, analyst, (DATA / "nuclei-empty.jsonl").read_bytes(), format="nuclei", target=SHOP
    ).get_json()
    assert named["resolved"] == 3  # tech-detect, git-config, reflected-xss


def test_findings_of_an_origin_in_scope_count_against_its_controls(client, make_account):
    analyst = make_account(role="analyst")
    before = client.get(
        "/api/v1/controls/ctrl_secure_web_configuration", headers=analyst.headers
    ).get_json()
    answer = post_file(
        client, analyst, (DATA / "nuclei-scan.jsonl").read_bytes(), frameworks="soc2"
    )
    assert answer.status_code == 201, answer.get_json()
    control = client.get(
        "/api/v1/controls/ctrl_secure_web_configuration", headers=analyst.headers
    ).get_json()
    assert before["status"] != "not_implemented"
    assert control["status"] == "not_implemented", control
    assert "nuclei.template_match" in json.dumps(control)


def test_the_format_is_detected_and_other_formats_are_not_claimed(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "nuclei-scan.jsonl").read_bytes())
    assert answer.get_json()["format"] == "nuclei"

    importers = build_registry().importers
    for content in (
        (DATA / "nuclei-scan.jsonl").read_bytes(),
        (DATA / "nuclei-file.jsonl").read_bytes(),
        json.dumps(results()).encode(),
    ):
        assert choose_importer(importers, None, content).name == "nuclei"
    nuclei = NucleiImporter()
    others = [path for path in DATA.iterdir() if not path.name.startswith("nuclei-")]
    assert others
    for path in others:
        assert not nuclei.detect(path.read_bytes()[: 64 * 1024]), path.name

    formats = client.get("/api/v1/imports/formats", headers=analyst.headers).get_json()
    described = next(item for item in formats if item["name"] == "nuclei")
    assert described["checks"] == ["nuclei.known_vulnerability", "nuclei.template_match"]
    assert "never the timestamp" in described["fingerprint"]


def _broken() -> dict[str, tuple[bytes, str]]:
    lines = (DATA / "nuclei-scan.jsonl").read_bytes().splitlines()
    no_id = results()
    del no_id[2]["template-id"]
    severity = results()
    severity[1]["info"]["severity"] = "severe"
    info = results()
    info[0]["info"] = "tech"
    no_host = results()
    for key in ("host", "matched-at", "url"):
        no_host[3].pop(key, None)
    return {
        "not json": (lines[0] + b"\n{oops\n", "line 2 is not JSON"),
        "not an object": (b'1\n"x"\n', "line 1 must be an object"),
        "array item": (json.dumps([results()[0], "x"]).encode(), "item 2 must be an object"),
        "array of what": (b'{"template-id": 1} trailing', "not JSON"),
        "no id": (as_lines(no_id), "line 3 has no 'template-id'"),
        "severity": (as_lines(severity), "severity 'severe'"),
        "info": (as_lines(info), "line 1: 'info' must be an object"),
        "no host": (as_lines(no_host), "line 4 (deprecated-tls) names no host"),
        "binary": (b"\xff\xfe\x00\x01", "UTF-8"),
    }


@pytest.mark.parametrize("case", sorted(_broken()))
def test_malformed_output_is_refused_and_leaves_nothing_behind(client, make_account, case):
    analyst = make_account(role="analyst")
    content, said = _broken()[case]
    answer = post_file(client, analyst, content, format="nuclei")
    assert answer.status_code == 422, answer.get_json()
    body = answer.get_json()
    assert said in body["detail"], body
    assert "Traceback" not in json.dumps(body)
    assert Scan.select().count() == 0
    assert Finding.select().count() == 0


def test_where_a_result_matched():
    assert split_match("https://Shop.Example.com:443/a/b?x=1&b=2&x=3#top") == (
        SHOP,
        "https://shop.example.com/a/b?b&x",
        "https://Shop.Example.com:443/a/b?x=1&b=2&x=3",
    )
    assert split_match("http://user:pw@127.0.0.1:8080/admin")[::2] == (
        "http://127.0.0.1:8080",
        "http://127.0.0.1:8080/admin",
    )
    assert split_match("[2001:db8::1]:22")[0] == "[2001:db8::1]:22"
    assert split_match("mail.example.com.")[0] == "mail.example.com"
    # Only the query's names identify a match: its values are payloads and cache busters.
    assert split_match(f"{SHOP}/s?q=1&_=99")[1] == split_match(f"{SHOP}/s?_=12&q=%3Cx%3E")[1]
    assert split_match(f"{SHOP}/s?q=1")[1] != split_match(f"{SHOP}/t?q=1")[1]
