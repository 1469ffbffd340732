"""The smtp scanner on the SMTP services discovery finds, whatever their port: real aiosmtpd
servers on 127.0.0.1, one offering STARTTLS and one not, scanned as a host (`ports` then
`smtp`). An IP address has no MX record: the scanner's own run on the host is not
applicable, its runs on the services are examined."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from support.embedded import EmbeddedScans
from support.pki import make_pki, server_context

PROFILES = {"mail": ["ports", "smtp"]}


class Accepting:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        return "550 not relaying"


@pytest.fixture
def smtpd(tmp_path, free_port) -> Iterator:
    pki = make_pki(tmp_path, "Mail CA", 1, 365)
    started: list[Controller] = []

    def start(starttls: bool) -> int:
        port = free_port()
        context = server_context(*pki.leaf(f"mail-{port}")) if starttls else None
        controller = Controller(Accepting(), hostname="127.0.0.1", port=port, tls_context=context)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture
def scans(make_app, make_account, unique_address):
    analyst = make_account(role="analyst")
    return EmbeddedScans(make_app, analyst, unique_address, **{"scans.profiles": PROFILES})


def test_smtp_examines_every_smtp_service_discovery_found(scans, smtpd):
    plain, with_tls = smtpd(False), smtpd(True)
    scan = scans.scan(
        {
            "target": "127.0.0.1",
            "scan_type": "mail",
            "options": {
                "ports": {"ports": f"{plain},{with_tls}", "use_nmap": False, "timeout": 2.0}
            },
        }
    )
    assert scan["status"] == "completed", scan
    runs = {run["target"]: run for run in scan["scanners"] if run["scanner"] == "smtp"}
    assert set(runs) == {"127.0.0.1", f"127.0.0.1:{plain}", f"127.0.0.1:{with_tls}"}, runs
    assert runs["127.0.0.1"]["status"] == "not_applicable"
    assert "an IP address has no MX record" in runs["127.0.0.1"]["error"]
    for port in (plain, with_tls):
        run = runs[f"127.0.0.1:{port}"]
        assert (run["status"], run["service"]) == ("completed", "smtp"), run
    assert "STARTTLS not offered" in runs[f"127.0.0.1:{plain}"]["observed"][0]
    assert "STARTTLS offered" in runs[f"127.0.0.1:{with_tls}"]["observed"][0]

    findings = scans.get(f"/api/v1/scans/{scan['id']}/findings?per_page=100")["items"]
    starttls = [item for item in findings if item["check_id"] == "smtp.starttls_missing"]
    assert [item["location"] for item in starttls] == [f"127.0.0.1:{plain}"], starttls
    assert starttls[0]["evidence"]["ehlo_code"] == 250

    # The check's outcome on each service: failed on one, passed on the other.
    outcomes = scans.get(f"/api/v1/scans/{scan['id']}/checks?per_page=100&scanner=smtp")["items"]
    on = {
        item["target"]: item["outcome"]
        for item in outcomes
        if item["check_id"] == "smtp.starttls_missing"
    }
    assert on == {
        "127.0.0.1": "inconclusive",
        f"127.0.0.1:{plain}": "failed",
        f"127.0.0.1:{with_tls}": "passed",
    }
