"""From a scan to compliance: a TLS server on 127.0.0.1 with an expired certificate, scanned
with ``"frameworks": ["soc2", "pci-dss", "iso27001"]``, fails "Encryption in Transit" and the
requirements it maps to, with the finding as the reason; fixing the server and scanning
again moves the control back, and documentary evidence completes it."""

from __future__ import annotations

import time

import pytest
from support.pki import GOOD_TLS12_CIPHERS, make_pki, server_context
from support.servers import TlsServer

from cyberorigen.db import database
from cyberorigen.db.models import OutboxEvent

TRANSIT = "ctrl_encryption_in_transit"


@pytest.fixture
def appliance(with_plugins, make_app, make_account, unique_address, tmp_path):
    with_plugins()
    app = make_app(redis=False)  # embedded: the scan runs in the API process
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    pki = make_pki(tmp_path, "Compliance test CA", 1000, 1000)
    analyst = make_account(role="analyst")
    auditor = make_account(role="auditor")

    def scan(server: TlsServer) -> dict:
        created = client.post(
            "/api/v1/scans",
            json={
                "target": "127.0.0.1",
                "scan_type": "tls",
                "frameworks": ["soc2", "pci-dss", "iso27001"],
                "options": {"tls": {"ports": [server.port], "trust_store": pki.ca_pem}},
            },
            headers=analyst.headers,
        )
        assert created.status_code == 201, created.get_json()
        url = f"/api/v1/scans/{created.get_json()['id']}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # the scan runs on a thread of the embedded app
            body = client.get(url, headers=analyst.headers).get_json()
            if body["status"] in ("failed", "cancelled") or body["compliance"] is not None:
                return body
            time.sleep(0.2)
        raise AssertionError(f"the scan did not finish: {body}")

    def server(label: str, days_before: int, days_after: int) -> TlsServer:
        """Completes TLS handshakes on 127.0.0.1 with a certificate from the test CA, then
        reads until the client leaves."""
        cert_file, key_file = pki.leaf(label, days_before=days_before, days_after=days_after)
        return TlsServer(server_context(cert_file, key_file, ciphers=GOOD_TLS12_CIPHERS))

    return client, scan, server, analyst, auditor


def _requirement(client, headers, framework: str, requirement: str) -> dict:
    report = client.get(f"/api/v1/frameworks/{framework}/report", headers=headers).get_json()
    return next(item for item in report["requirements"] if item["id"] == requirement)


def test_an_expired_certificate_fails_encryption_in_transit_and_its_requirements(appliance):
    client, scan, server, analyst, auditor = appliance
    expired = server("expired", days_before=100, days_after=-10)
    try:
        result = scan(expired)
    finally:
        expired.close()

    assert result["status"] == "completed", result
    findings = client.get(
        f"/api/v1/scans/{result['id']}/findings", headers=analyst.headers
    ).get_json()["items"]
    expired_finding = next(item for item in findings if item["check_id"] == "tls.cert.expired")

    control = client.get(f"/api/v1/controls/{TRANSIT}", headers=analyst.headers).get_json()
    assert control["status"] == "not_implemented"
    assert expired_finding["id"] in control["reason"]
    assert expired_finding["id"] in [item["id"] for item in control["basis"]["findings"]]
    assert "tls.cert.expired" in control["basis"]["checks"]
    assert control["history"][0]["cause"] == "scan"
    assert control["history"][0]["to_status"] == "not_implemented"

    for framework, requirement in (("soc2", "CC6.7"), ("pci-dss", "4.2.1"), ("iso27001", "A.8.24")):
        entry = _requirement(client, analyst.headers, framework, requirement)
        assert entry["status"] == "non_compliant", (framework, entry)
        assert expired_finding["id"] in entry["findings"]
        assert "Encryption in Transit is not implemented" in entry["reason"]
        assert expired_finding["id"] in entry["reason"]

    summary = result["compliance"]
    assert set(summary) == {"soc2-2017", "pci-dss-4.0.1", "iso27001-2022"}
    assert summary["soc2-2017"]["requested_as"] == "soc2"
    for framework, requirement in (
        ("soc2-2017", "CC6.7"),
        ("pci-dss-4.0.1", "4.2.1"),
        ("iso27001-2022", "A.8.24"),
    ):
        part = summary[framework]
        assert part["requirements_touched"] == part["passed"] + part["failed"]
        assert part["failed"] >= 1
        failed = {item["id"]: item["findings"] for item in part["failed_requirements"]}
        assert expired_finding["id"] in failed[requirement]

    database.connect(reuse_if_open=True)
    changes = [
        event.payload
        for event in OutboxEvent.select().where(OutboxEvent.type == "control.status_changed")
    ]
    transit = [item for item in changes if item["control_id"] == TRANSIT]
    assert [(item["previous_status"], item["status"]) for item in transit] == [
        ("not_assessed", "not_implemented")
    ]
    assert transit[0]["findings"] and "SOC 2" in transit[0]["frameworks"]

    report = client.get("/api/v1/frameworks/soc2/report", headers=analyst.headers).get_json()
    posture = report["summary"]["technical_posture"]
    assert posture["pairs_evaluated"] > 0
    assert 0 <= posture["value"] < 1  # the expired certificate weighs against it


def test_fixing_the_server_and_adding_evidence_implements_the_control(appliance):
    client, scan, server, analyst, auditor = appliance
    expired = server("expired", days_before=100, days_after=-10)
    try:
        first = scan(expired)
    finally:
        expired.close()
    assert (
        client.get(f"/api/v1/controls/{TRANSIT}", headers=analyst.headers).get_json()["status"]
        == "not_implemented"
    )

    renewed = server("renewed", days_before=1, days_after=90)
    try:
        second = scan(renewed)
    finally:
        renewed.close()

    assert second["status"] == "completed"
    old = client.get(
        f"/api/v1/scans/{first['id']}/findings?check_id=tls.cert.expired", headers=analyst.headers
    ).get_json()["items"][0]
    assert old["status"] == "fixed"
    control = client.get(f"/api/v1/controls/{TRANSIT}", headers=analyst.headers).get_json()
    assert control["status"] == "partially_implemented", control["reason"]
    assert "automated checks passed" in control["reason"]
    assert "no current documentary evidence" in control["reason"]
    assert second["compliance"]["soc2-2017"]["failed"] == 0
    scan_evidence = client.get(
        f"/api/v1/controls/{TRANSIT}/evidence?kind=scan", headers=analyst.headers
    ).get_json()
    assert scan_evidence["total"] == 2
    assert scan_evidence["items"][0]["scan_id"] == second["id"]

    link = client.post(
        f"/api/v1/controls/{TRANSIT}/evidence",
        json={"kind": "link", "url": "https://wiki.example.com/tls-standard", "title": "TLS std"},
        headers=auditor.headers,
    ).get_json()
    waiting = client.get(f"/api/v1/controls/{TRANSIT}", headers=analyst.headers).get_json()
    assert waiting["status"] == "partially_implemented", waiting["reason"]
    assert waiting["reason"].endswith("; 1 evidence link awaiting review"), waiting["reason"]
    accepted = client.post(  # four eyes: the analyst (auditor and above) reviews the link
        f"/api/v1/controls/{TRANSIT}/evidence/{link['id']}/review",
        json={"decision": "accept", "comment": "The current TLS standard"},
        headers=analyst.headers,
    )
    assert accepted.status_code == 200, accepted.get_json()
    done = client.get(f"/api/v1/controls/{TRANSIT}", headers=analyst.headers).get_json()
    assert done["status"] == "implemented", done["reason"]
    assert [h["to_status"] for h in done["history"]] == [
        "implemented",
        "partially_implemented",
        "not_implemented",
    ]
    cc67 = _requirement(client, analyst.headers, "soc2", "CC6.7")
    assert cc67["status"] != "non_compliant"
