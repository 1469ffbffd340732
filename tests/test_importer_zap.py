"""The OWASP ZAP importer (traditional JSON and XML reports) through POST /api/v1/imports:
one finding per alert and site, false positives left out, fingerprints that survive a newer
run, and refused files that leave nothing behind."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

from cyberorigen.db.models import Finding, Scan
from cyberorigen.plugins.importers.sarif import SarifImporter
from cyberorigen.plugins.importers.zap import ZapImporter

DATA = Path(__file__).parent / "data" / "imports"
SHOP = "https://shop.example.com"


def post_file(client, account, content: bytes, name: str = "zap-report.json", **form):
    body = {"file": (io.BytesIO(content), name), **form}
    return client.post(
        "/api/v1/imports", data=body, headers=account.headers, content_type="multipart/form-data"
    )


def shop_report() -> dict:
    return json.loads((DATA / "zap-shop.json").read_text(encoding="utf-8"))


def findings_of(client, account) -> list[dict]:
    answer = client.get("/api/v1/findings?per_page=100", headers=account.headers).get_json()
    return [item for item in answer["items"] if item["scanner"] == "zap"]


def test_a_json_report_gives_one_finding_per_alert_and_site(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "zap-shop.json").read_bytes())  # no format
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    # Seven alert items: the CSP alert listed twice (two risks) is one finding, the alert
    # marked as a false positive is left out.
    assert (body["format"], body["findings"], body["new"], body["merged"]) == ("zap", 5, 5, 0)
    assert body["targets"] == [SHOP, "https://cdn.thirdparty.net"]
    scan = body["scan"]
    assert (scan["scan_type"], scan["status"]) == ("import", "completed")
    assert scan["vulnerabilities_found"] == 5

    found = findings_of(client, analyst)
    by_ref = {item["evidence"]["alert_ref"]: item for item in found}
    assert sorted(by_ref) == ["10017", "10021", "10027", "10038-1", "40012"]
    assert "10202" not in by_ref  # confidence 0: a false positive
    assert {ref: item["severity"] for ref, item in by_ref.items()} == {
        "40012": "high",
        "10038-1": "medium",  # the higher of its two items (medium, low)
        "10021": "low",
        "10027": "info",
        "10017": "low",
    }
    assert {item["target"] for item in found if item["evidence"]["alert_ref"] != "10017"} == {SHOP}
    assert by_ref["10017"]["target"] == "https://cdn.thirdparty.net"
    assert {item["check_id"] for item in found} == {"zap.alert"}

    xss = by_ref["40012"]
    assert xss["title"] == "Cross Site Scripting (Reflected) (ZAP 40012)"
    assert xss["location"] == f"{SHOP}/account/profile"  # instances sorted, no query
    assert xss["evidence"]["cwe"] == "CWE-79"
    assert xss["evidence"]["count"] == 2
    assert [item["param"] for item in xss["evidence"]["instances"]] == ["displayName", "q"]
    assert "<p>" not in xss["remediation"] and "vetted library" in xss["remediation"]
    assert "https://owasp.org/www-community/attacks/xss/" in xss["references"]
    assert "https://cwe.mitre.org/data/definitions/79.html" in xss["references"]

    csp = by_ref["10038-1"]
    assert [item["uri"] for item in csp["evidence"]["instances"]] == [
        f"{SHOP}/",
        f"{SHOP}/basket",
        f"{SHOP}/robots.txt",
    ]
    assert csp["evidence"]["plugin_id"] == "10038"
    comments = by_ref["10027"]
    assert comments["title"].startswith("Divulgação de informações")
    assert "☕" in comments["evidence"]["description"]
    assert "café" in comments["evidence"]["instances"][0]["evidence"]

    checks = client.get(f"/api/v1/scans/{scan['id']}/checks", headers=analyst.headers).get_json()[
        "items"
    ]
    outcomes = {(item["target"], item["outcome"]) for item in checks}
    assert (SHOP, "failed") in outcomes
    assert "passed" not in {outcome for _, outcome in outcomes}


def test_an_xml_report_reads_like_the_json_one(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "zap-baseline.xml").read_bytes(), "zap.xml")
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    assert (body["format"], body["findings"], body["targets"]) == (
        "zap",
        3,  # the false positive left out
        ["http://127.0.0.1:3000"],
    )
    by_ref = {item["evidence"]["alert_ref"]: item for item in findings_of(client, analyst)}
    assert {ref: item["severity"] for ref, item in by_ref.items()} == {
        "10020-1": "medium",
        "10036": "low",
        "10010": "low",  # no alertRef (an older report): the plugin id
    }
    clickjacking = by_ref["10020-1"]
    # Escaped HTML in the XML, escaped once more inside: plain text in the end.
    assert "'ClickJacking'" in clickjacking["evidence"]["description"]
    assert clickjacking["location"] == "http://127.0.0.1:3000/"
    instances = clickjacking["evidence"]["instances"]
    assert instances[1]["uri"].endswith("/recherche?q=caf%C3%A9")
    assert instances[1]["other_info"] == "Page « café » ☕"
    leak = by_ref["10036"]
    assert leak["title"].startswith('Server Leaks Version Information via "Server"')
    assert leak["evidence"]["instances"][0]["evidence"] == "nginx/1.25.4"
    cookie = by_ref["10010"]
    assert cookie["remediation"] == ZapImporter.checks[0].remediation  # no solution given
    assert cookie["references"] == ["https://cwe.mitre.org/data/definitions/1004.html"]


def test_missing_optional_fields_and_unknown_risks(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "zap-minimal.json").read_bytes())
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    assert (body["findings"], body["targets"]) == (3, ["http://127.0.0.1:8080"])
    by_ref = {item["evidence"]["alert_ref"]: item for item in findings_of(client, analyst)}
    assert by_ref["10020"]["severity"] == "medium"  # riskcode 2
    assert by_ref["90004"]["severity"] == "low"  # unknown riskcode: riskdesc "Low (...)"
    assert by_ref["10109"]["severity"] == "medium"  # neither: the default
    assert by_ref["10020"]["location"] == "http://127.0.0.1:8080"  # no instances
    assert by_ref["10020"]["evidence"]["instances"] == []


def test_an_empty_report_is_a_completed_import_without_findings(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "zap-empty.json").read_bytes())
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    assert (body["format"], body["findings"], body["new"], body["targets"]) == ("zap", 0, 0, [])
    assert body["scan"]["status"] == "completed"
    assert Finding.select().count() == 0


def test_a_newer_run_keeps_fingerprints_and_resolves_what_is_gone(client, make_account):
    analyst = make_account(role="analyst")
    content = (DATA / "zap-shop.json").read_bytes()
    post_file(client, analyst, content)
    again = post_file(client, analyst, content).get_json()
    assert (again["findings"], again["new"], again["resolved"]) == (5, 0, 0)
    assert Finding.select().where(Finding.scanner == "zap").count() == 5
    fingerprints = {row.fingerprint for row in Finding.select()}

    # Next week's run: other timestamps and version, the crawl found other pages, the
    # payloads and evidence differ, ZAP speaks English now, the items come in another order.
    newer = shop_report()
    newer.update({"@version": "2.16.0", "@generated": "Tue, 11 Mar 2025 09:15:02"})
    newer["created"] = "2025-03-11T09:15:02.004410215Z"
    alerts = newer["site"][0]["alerts"]
    for alert in alerts:
        for instance in alert["instances"]:
            instance["evidence"] = instance["evidence"] + " nonce=8f2a"
            instance["attack"] = instance["attack"].replace("alert(1)", "alert(5397)")
            instance["uri"] = instance["uri"].replace("?v=20250304", "?v=20250311")
        alert["instances"].reverse()
        alert["count"] = str(len(alert["instances"]))
    alerts[1]["instances"].append(dict(alerts[1]["instances"][0], uri=f"{SHOP}/checkout"))
    alerts[4]["alert"] = alerts[4]["name"] = "Information Disclosure - Suspicious Comments"
    alerts.reverse()
    newer["site"].reverse()
    third = post_file(client, analyst, json.dumps(newer).encode()).get_json()
    assert (third["findings"], third["new"], third["resolved"]) == (5, 0, 0)
    assert {row.fingerprint for row in Finding.select()} == fingerprints
    comments = Finding.get(Finding.check_id == "zap.alert", Finding.title.contains("10027"))
    assert comments.title == "Information Disclosure - Suspicious Comments (ZAP 10027)"

    # The header is fixed on every page: the alert is gone from the next report.
    fixed = copy.deepcopy(newer)
    fixed["site"][1]["alerts"] = [
        alert for alert in fixed["site"][1]["alerts"] if alert["alertRef"] != "10021"
    ]
    fourth = post_file(client, analyst, json.dumps(fixed).encode()).get_json()
    assert (fourth["findings"], fourth["new"], fourth["resolved"]) == (4, 0, 1)
    statuses = {row.evidence["alert_ref"]: row.status for row in Finding.select()}
    assert statuses["10021"] == "fixed"
    assert {status for ref, status in statuses.items() if ref != "10021"} == {"open"}


def test_alerts_on_a_site_in_scope_count_against_its_controls(client, make_account):
    analyst = make_account(role="analyst")
    url = "/api/v1/controls/ctrl_secure_web_configuration"
    before = client.get(url, headers=analyst.headers).get_json()
    answer = post_file(client, analyst, (DATA / "zap-shop.json").read_bytes(), frameworks="soc2")
    assert answer.status_code == 201, answer.get_json()
    control = client.get(url, headers=analyst.headers).get_json()
    assert before["status"] != "not_implemented"
    assert control["status"] == "not_implemented", control
    assert "zap.alert" in json.dumps(control)


def test_an_out_of_scope_site_does_not_count_against_controls(client, make_account):
    analyst = make_account(role="analyst")
    url = "/api/v1/controls/ctrl_secure_web_configuration"
    report = shop_report()
    report["site"] = report["site"][1:]  # only the third party's CDN
    answer = post_file(client, analyst, json.dumps(report).encode(), frameworks="soc2")
    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json()["findings"] == 1
    control = client.get(url, headers=analyst.headers).get_json()
    assert control["status"] != "not_implemented", control


def _with(change) -> bytes:
    report = shop_report()
    change(report)
    return json.dumps(report).encode()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<OWASPZAPReport version="2.14.0"><site name="http://127.0.0.1" host="127.0.0.1" port="80"
ssl="false"><alerts><alertitem><pluginid>1</pluginid><alert>&lol3;</alert>
<riskcode>3</riskcode></alertitem></alerts></site></OWASPZAPReport>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<OWASPZAPReport version="2.14.0"><site name="http://127.0.0.1" host="127.0.0.1" port="80"
ssl="false"><alerts><alertitem><pluginid>1</pluginid><alert>&xxe;</alert>
<riskcode>3</riskcode></alertitem></alerts></site></OWASPZAPReport>"""


def _put(value, *path):
    def change(report):
        *parents, last = path
        node = report
        for key in parents:
            node = node[key]
        node[last] = value

    return change


def _drop(*keys, alert: int):
    def change(report):
        for key in keys:
            del report["site"][0]["alerts"][alert][key]

    return change


def test_bad_files_are_refused_and_leave_nothing_behind(client, make_account):
    analyst = make_account(role="analyst")
    first_alert = ("site", 0, "alerts", 0)
    cases = {
        b"{not json": "not JSON",
        b'{"@version": "2.15.0"}': "no 'site' list",
        _with(_put("everything", "site")): "'site' must be an array",
        _with(_put("x", "site", 1)): "site[1] must be an object",
        _with(lambda r: r["site"][0].update({"@name": "", "@host": ""})): "site[0] names no site",
        _with(_put("ftp://files.example.com", "site", 0, "@name")): "not an http(s) site",
        _with(_put("99999", "site", 0, "@port")): "'@port'",
        _with(_put({}, "site", 0, "alerts")): "site[0].alerts must be an array",
        _with(_drop("pluginid", "alertRef", alert=0)): "site[0].alerts[0] has no 'pluginid'",
        _with(_drop("alert", "name", alert=3)): "site[0].alerts[3] (10021) has no 'alert' name",
        _with(_put("nope", *first_alert, "instances")): "alerts[0].instances must be an array",
        _with(_put(["x"], *first_alert, "instances")): "alerts[0].instances[0] must be an object",
        b"<OWASPZAPReport><site name='http://a'>": "not well-formed XML",
        b"<report/>": "not <OWASPZAPReport>",
        b"\xff\xfe{garbage": "UTF-8",
        BILLION_LAUGHS: "entities",
        EXTERNAL_ENTITY: "entities",
    }
    for content, said in cases.items():
        answer = post_file(client, analyst, content, format="zap")
        assert answer.status_code == 422, (content[:60], answer.get_json())
        body = answer.get_json()
        assert said in body["detail"], (said, body)
        assert "Traceback" not in json.dumps(body)
    assert Scan.select().count() == 0
    assert Finding.select().count() == 0


def test_detection_claims_zap_reports_and_nothing_else():
    zap, sarif = ZapImporter(), SarifImporter()
    own = sorted(DATA.glob("zap-*"))
    assert len(own) >= 4
    for path in own:
        head = path.read_bytes()[:65536]
        assert zap.detect(head), path.name
        assert not sarif.detect(head), path.name
    others = [path for path in DATA.iterdir() if not path.name.startswith("zap-")]
    assert others  # at least the SARIF golden file
    for path in others:
        assert not zap.detect(path.read_bytes()[:65536]), path.name
    for head in (b"", b"\x00\xff", b"[]", b'{"site": []}', b"<html>", b"<nmaprun>"):
        assert not zap.detect(head), head


def test_the_format_is_listed(client, make_account):
    analyst = make_account(role="analyst")
    formats = client.get("/api/v1/imports/formats", headers=analyst.headers).get_json()
    zap = next(item for item in formats if item["name"] == "zap")
    assert zap["checks"] == ["zap.alert"]
    assert "alertRef" in zap["fingerprint"] and "origin" in zap["fingerprint"]
