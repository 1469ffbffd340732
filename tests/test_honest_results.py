"""A scan that observed nothing credits nothing.

The README's example scan (``full``, frameworks soc2 and pci-dss) of a domain that resolves
nowhere: a real DNS server on 127.0.0.1 answers NXDOMAIN to the dns and smtp scanners, and
the system resolver knows no ``.invalid`` name (RFC 6761), so http, tls and ports cannot reach
it either. No scanner observed the target: the scan is ``failed`` with what each scanner said,
``scan.failed`` is written and ``scan.completed`` is not, no framework requirement passes and no
control is credited. A domain that exists without mail servers makes the smtp scanner
``not_applicable`` (its check is not credited); a scanner that returns without observing
anything is ``failed``, never ``completed``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support.embedded import EmbeddedScans
from test_scanner_dns import DnsServer, make_zone

from cyberorigen.db import database
from cyberorigen.db.models import Evidence, OutboxEvent
from cyberorigen.plugin_api.testing import run_scanner
from cyberorigen.plugins.dns.errors import DnsScanError
from cyberorigen.plugins.dns.smtp import SmtpScanner

TRANSIT = "ctrl_encryption_in_transit"
SCOPE = ("unreachable.invalid", "nomail.invalid", "mail.invalid", "127.0.0.0/16")


@pytest.fixture
def dns_server() -> Iterator[DnsServer]:
    """Authoritative for ``invalid.``: nomail.invalid exists (SOA, NS, no MX), every other
    name under it is NXDOMAIN."""
    server = DnsServer([make_zone("invalid.", ""), make_zone("nomail.invalid.", "")])
    yield server
    server.stop()


PROFILES = {"full": ["http", "tls", "ports", "dns", "smtp"], "blind": ["blind"]}


@pytest.fixture
def appliance(with_plugins, make_app, make_account, unique_address):
    """Embedded appliances (scans run in-process) with the ``blind`` test scanner:
    ``scan(body)`` creates a scan as an analyst and returns it once its run has ended (on an
    appliance of its own, whose threads it waits for), ``get(path)`` reads the API."""
    with_plugins("blind")
    analyst = make_account(role="analyst", scope=SCOPE)
    scans = EmbeddedScans(make_app, analyst, unique_address, **{"scans.profiles": PROFILES})
    return scans.scan, scans.get


def _resolver(server: DnsServer) -> dict:
    return {"resolver": "127.0.0.1", "port": server.port, "timeout": 2}


def _readme_scan(scan, target: str, server: DnsServer) -> dict:
    """The README's example scan of ``target``, its DNS questions sent to ``server``."""
    return scan(
        {
            "target": target,
            "scan_type": "full",
            "frameworks": ["soc2", "pci-dss"],
            "options": {"dns": _resolver(server), "smtp": _resolver(server)},
        }
    )


def _events(scan_id: str) -> list[str]:
    database.connect(reuse_if_open=True)
    return [
        event.type
        for event in OutboxEvent.select().order_by(OutboxEvent.id)
        if event.payload.get("scan_id") == scan_id
    ]


def _credited_controls(get) -> dict[str, str]:
    controls = get("/api/v1/controls?per_page=100")["items"]
    return {
        item["id"]: item["status"]
        for item in controls
        if item["status"] in ("implemented", "partially_implemented")
    }


def test_the_readme_scan_of_an_unreachable_domain_fails_and_credits_nothing(appliance, dns_server):
    scan, get = appliance
    result = _readme_scan(scan, "unreachable.invalid", dns_server)
    runs = {run["scanner"]: run for run in result["scanners"]}
    assert {name: run["status"] for name, run in runs.items()} == dict.fromkeys(
        ("http", "tls", "ports", "dns", "smtp"), "failed"
    ), result
    assert "unreachable.invalid does not exist (NXDOMAIN" in runs["smtp"]["error"]
    assert all(run["observed"] == [] for run in runs.values()), runs
    assert ("unreachable.invalid.", "MX") in dns_server.queries  # smtp did ask, and was told

    assert result["status"] == "failed", result
    assert result["error"].startswith("no scanner observed the target: http: failed")
    assert "smtp: failed (DnsScanError: unreachable.invalid does not exist" in result["error"]
    events = _events(result["id"])
    assert "scan.failed" in events and "scan.completed" not in events, events

    # No requirement passed, no control was credited, no scan evidence was attached.
    for summary in (result["compliance"] or {}).values():
        assert summary["passed"] == 0, summary
    for framework in ("soc2", "pci-dss"):
        report = get(f"/api/v1/frameworks/{framework}/report")
        statuses = {item["status"] for item in report["requirements"]}
        assert "compliant" not in statuses and "partially_compliant" not in statuses, statuses
    assert _credited_controls(get) == {}
    assert Evidence.select().where(Evidence.kind == "scan").count() == 0


def test_a_domain_without_mail_servers_is_not_applicable_to_smtp_and_credits_no_smtp_check(
    appliance, dns_server
):
    scan, get = appliance
    result = _readme_scan(scan, "nomail.invalid", dns_server)
    runs = {run["scanner"]: run for run in result["scanners"]}
    assert runs["smtp"]["status"] == "not_applicable", runs["smtp"]
    assert runs["smtp"]["error"] == "no mail servers: nomail.invalid has no MX record"
    assert runs["smtp"]["observed"] == []
    # dns did observe the domain: its checks are judged, and it says on what.
    assert runs["dns"]["status"] == "completed", runs["dns"]
    assert runs["dns"]["observed"] == [
        "DNS server 127.0.0.1 answered SOA nomail.invalid: zone nomail.invalid"
    ]
    # Its SPF and DMARC checks do not apply to a domain without mail: not examined, not passed.
    mail_checks = {"dns.spf_missing", "dns.spf_permissive", "dns.dmarc_missing", "dns.dmarc_p_none"}
    assert runs["dns"]["not_examined"] == dict.fromkeys(
        mail_checks,
        "nomail.invalid is not a mail domain (no MX and no SPF record): SPF and DMARC do not apply",
    )
    assert result["status"] == "completed", result
    assert "smtp" not in (result["error"] or "")  # not applicable is no error

    # Encryption in Transit is tested by tls (failed) and smtp (not applicable) only: neither
    # observed anything, so the control is not credited.
    control = get(f"/api/v1/controls/{TRANSIT}")
    assert control["status"] == "not_assessed", control
    assert "smtp.starttls_missing" not in control["basis"]["checks"]
    database.connect(reuse_if_open=True)
    credited = {
        check
        for item in Evidence.select().where(Evidence.kind == "scan")
        for check in item.details["checks_run"]
    }
    assert credited, "the dns scanner observed the domain: its checks are evidence"
    assert {check.split(".")[0] for check in credited} == {"dns"}, credited
    assert not credited & mail_checks, credited
    # Each piece of scan evidence says what was observed, by which scanner.
    for item in Evidence.select().where(Evidence.kind == "scan"):
        assert item.details["observed"] == {"dns": runs["dns"]["observed"]}, item.details


def test_a_check_not_examined_leaves_its_open_finding_open(appliance, dns_server, free_port):
    scan, get = appliance
    sends_mail = make_zone("mail.invalid.", "@ MX 10 mx\nmx A 127.0.0.1\n")
    dns_server.zones.append(sends_mail)
    smtp = {**_resolver(dns_server), "smtp_port": free_port()}
    body = {
        "target": "mail.invalid",
        "scan_type": "full",
        "options": {"dns": _resolver(dns_server), "smtp": smtp},
    }
    first = scan(body)
    found = get(f"/api/v1/scans/{first['id']}/findings?per_page=100")["items"]
    spf = next(item for item in found if item["check_id"] == "dns.spf_missing")

    dns_server.zones.remove(sends_mail)  # the domain stops receiving mail
    dns_server.zones.append(make_zone("mail.invalid.", ""))
    second = scan(body)
    runs = {run["scanner"]: run for run in second["scanners"]}
    assert runs["dns"]["status"] == "completed" and "dns.spf_missing" in runs["dns"]["not_examined"]
    assert runs["smtp"]["status"] == "not_applicable", runs["smtp"]
    # Not examined is not "not seen": the finding is not marked fixed.
    assert get(f"/api/v1/findings/{spf['id']}")["status"] == "open"


def test_a_scanner_that_returns_without_observing_anything_is_failed_not_completed(
    appliance, free_port
):
    scan, get = appliance
    closed = free_port()
    result = scan(
        {
            "target": "127.0.0.1",
            "scan_type": "blind",
            "frameworks": ["soc2"],
            "options": {"blind": {"port": closed}},
        }
    )

    [run] = result["scanners"]
    assert run["status"] == "failed", run
    assert run["error"].startswith(
        "observed nothing: it ended without a finding and without reporting what it examined, "
        "so none of its checks passed (its last step: could not connect: "
    ), run
    assert run["observed"] == []
    assert result["status"] == "failed"
    assert result["error"] == f"no scanner observed the target: blind: failed ({run['error']})"
    events = _events(result["id"])
    assert "scan.failed" in events and "scan.completed" not in events, events
    assert result["compliance"] is None
    assert _credited_controls(get) == {}


def test_smtp_tells_a_missing_domain_from_one_that_receives_no_mail():
    from cyberorigen.plugin_api import NotApplicable

    zones = [make_zone("invalid.", "nullmx MX 0 .\n"), make_zone("nomail.invalid.", "")]
    server = DnsServer(zones)
    try:
        options = _resolver(server)
        with pytest.raises(
            DnsScanError, match=r"gone.invalid does not exist \(NXDOMAIN from 127.0.0.1\)"
        ):
            run_scanner(SmtpScanner(), "gone.invalid", options, timeout=30)
        with pytest.raises(
            NotApplicable, match="^no mail servers: nomail.invalid has no MX record$"
        ):
            run_scanner(SmtpScanner(), "nomail.invalid", options, timeout=30)
        with pytest.raises(
            NotApplicable, match="nullmx.invalid publishes a null MX, it accepts no mail"
        ):
            run_scanner(SmtpScanner(), "nullmx.invalid", options, timeout=30)
    finally:
        server.stop()
