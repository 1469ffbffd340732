"""The DNS and e-mail security scanners (``dns`` and ``smtp``) against real servers on 127.0.0.1.

A small authoritative DNS server written here with dnspython answers from zones built from
text per test (UDP and TCP on one port, NXDOMAIN for missing names, REFUSED outside its zones,
AXFR over TCP when a test allows it, RRSIGs when asked with the DO bit for zones signed with
``dns.dnssec.sign_zone``). Two aiosmtpd servers stand for MX hosts: one offers STARTTLS (with
a self-signed certificate from ``support.pki``), one does not. Every test starts from a
well-configured domain and changes one thing, so each check is seen firing and staying silent.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from importlib.metadata import EntryPoint

import dns.dnssec
import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdataset
import dns.rdatatype
import dns.rrset
import dns.zone
import marshmallow as ma
import pytest
from aiosmtpd.controller import Controller
from cryptography.hazmat.primitives.asymmetric import ed25519
from support.pki import server_context, write_leaf

from cyberorigen.plugin_api import (
    ENTRY_POINT_GROUP,
    Finding,
    NotApplicable,
    ScanCancelled,
    ScanContext,
    Severity,
    Target,
)
from cyberorigen.plugin_api.testing import (
    assert_well_formed,
    check_ids,
    run_scanner,
    validated_options,
)
from cyberorigen.plugin_registry import build_registry
from cyberorigen.plugins import dns as dns_plugin
from cyberorigen.plugins.dns.errors import (
    DnsScanError,
    NoMxReachable,
    ResolverUnreachable,
    ScanIncomplete,
)
from cyberorigen.plugins.dns.scanner import DnsScanner
from cyberorigen.plugins.dns.smtp import SmtpScanner

IN = dns.rdataclass.IN

# --- an authoritative DNS server ----------------------------------------------------------------


def make_zone(origin: str, body: str, signed: bool = False) -> dns.zone.Zone:
    text = (
        f"$ORIGIN {origin}\n$TTL 300\n"
        "@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\nns1 A 127.0.0.1\n" + body
    )
    zone = dns.zone.from_text(text, origin=origin, relativize=False, check_origin=True)
    if signed:
        dns.dnssec.sign_zone(zone, keys=[SIGNING_KEY], lifetime=86400)
    return zone


def _signing_key() -> tuple[ed25519.Ed25519PrivateKey, object]:
    private = ed25519.Ed25519PrivateKey.generate()
    dnskey = dns.dnssec.make_dnskey(private.public_key(), dns.dnssec.Algorithm.ED25519, flags=257)
    return private, dnskey


SIGNING_KEY = _signing_key()


def _rrset(name: dns.name.Name, rdataset) -> dns.rrset.RRset:
    rrset = dns.rrset.RRset(name, rdataset.rdclass, rdataset.rdtype, rdataset.covers)
    rrset.update(rdataset)
    return rrset


class DnsServer:
    """Authoritative for ``zones``; AXFR over TCP only when ``axfr`` is true."""

    def __init__(
        self, zones: list[dns.zone.Zone], axfr: bool = False, drop: tuple[str, ...] = ()
    ) -> None:
        self.zones = zones
        self.axfr = axfr
        self.drop = {dns.rdatatype.from_text(rdtype) for rdtype in drop}
        self.queries: list[tuple[str, str]] = []
        self.stopping = threading.Event()
        for _ in range(20):
            self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.tcp.bind(("127.0.0.1", 0))
            self.port = self.tcp.getsockname()[1]
            self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:
                self.udp.bind(("127.0.0.1", self.port))
                break
            except OSError:
                self.tcp.close()
                self.udp.close()
        self.tcp.listen(16)
        self.tcp.settimeout(0.2)
        self.udp.settimeout(0.2)
        self.threads = [
            threading.Thread(target=self._serve_udp, daemon=True),
            threading.Thread(target=self._serve_tcp, daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(2)
        self.tcp.close()
        self.udp.close()

    def zone_for(self, name: dns.name.Name) -> dns.zone.Zone | None:
        found = [zone for zone in self.zones if name.is_subdomain(zone.origin)]
        return max(found, key=lambda zone: len(zone.origin), default=None)

    def answer(self, query: dns.message.Message) -> dns.message.Message:
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        question = query.question[0]
        self.queries.append((question.name.to_text(), dns.rdatatype.to_text(question.rdtype)))
        name, rdtype = question.name, question.rdtype
        dnssec_ok = bool(query.ednsflags & dns.flags.DO)
        zone = self.zone_for(name)
        if zone is None:
            response.set_rcode(dns.rcode.REFUSED)
            return response
        for _ in range(8):  # follow CNAMEs within the zones served here
            node = zone.get_node(name)
            if node is None:
                soa = zone.find_rdataset(zone.origin, dns.rdatatype.SOA)
                response.authority.append(_rrset(zone.origin, soa))
                if not any(other.is_subdomain(name) for other in zone.nodes):
                    response.set_rcode(dns.rcode.NXDOMAIN)
                break
            found = node.get_rdataset(IN, rdtype)
            cname = node.get_rdataset(IN, dns.rdatatype.CNAME)
            chosen = found or (cname if rdtype != dns.rdatatype.CNAME else None)
            if chosen is None:
                soa = zone.find_rdataset(zone.origin, dns.rdatatype.SOA)
                response.authority.append(_rrset(zone.origin, soa))
                break
            response.answer.append(_rrset(name, chosen))
            signature = node.get_rdataset(IN, dns.rdatatype.RRSIG, chosen.rdtype)
            if dnssec_ok and signature is not None:
                response.answer.append(_rrset(name, signature))
            if found is not None:
                break
            name = chosen[0].target
            zone = self.zone_for(name)
            if zone is None:
                break
        return response

    def transfer(self, query: dns.message.Message) -> dns.message.Message:
        response = dns.message.make_response(query)
        zone = self.zone_for(query.question[0].name)
        if not self.axfr or zone is None or zone.origin != query.question[0].name:
            response.set_rcode(dns.rcode.REFUSED)
            return response
        soa = zone.find_rdataset(zone.origin, dns.rdatatype.SOA)
        response.answer.append(_rrset(zone.origin, soa))
        for name, node in zone.items():
            for rdataset in node:
                if rdataset.rdtype != dns.rdatatype.SOA:
                    response.answer.append(_rrset(name, rdataset))
        response.answer.append(_rrset(zone.origin, soa))
        return response

    def _serve_udp(self) -> None:
        while not self.stopping.is_set():
            try:
                wire, peer = self.udp.recvfrom(65535)
            except (TimeoutError, OSError):
                continue
            query = dns.message.from_wire(wire)
            if query.question[0].rdtype in self.drop:
                continue  # never answered: the client times out
            response = self.answer(query)
            limit = query.payload if query.edns >= 0 else 512
            try:
                out = response.to_wire(max_size=limit)
            except dns.exception.TooBig:
                response = dns.message.make_response(query)
                response.flags |= dns.flags.TC
                out = response.to_wire()
            self.udp.sendto(out, peer)

    def _serve_tcp(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.tcp.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._tcp_conn, args=(conn,), daemon=True).start()

    def _tcp_conn(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        with conn:
            try:
                while True:
                    head = _recv_exactly(conn, 2)
                    if not head:
                        return
                    query = dns.message.from_wire(_recv_exactly(conn, struct.unpack("!H", head)[0]))
                    if query.question[0].rdtype == dns.rdatatype.AXFR:
                        response = self.transfer(query)
                    else:
                        response = self.answer(query)
                    out = response.to_wire()
                    conn.sendall(struct.pack("!H", len(out)) + out)
            except OSError:
                return


def _recv_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            return b""
        data += chunk
    return data


# --- SMTP servers -------------------------------------------------------------------------------


class _Handler:
    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tls_context(tmp_path_factory) -> object:
    folder = tmp_path_factory.mktemp("smtp-tls")
    return server_context(*write_leaf(folder, "cert", names=("mail.good.test",), days_after=30))


@pytest.fixture(scope="module")
def smtp_tls(tmp_path_factory) -> Iterator[int]:
    controller = Controller(
        _Handler(),
        hostname="127.0.0.1",
        port=_free_port(),
        tls_context=_tls_context(tmp_path_factory),
        server_hostname="mail.good.test",
    )
    controller.start()
    yield controller.port
    controller.stop()


@pytest.fixture(scope="module")
def smtp_plain() -> Iterator[int]:
    controller = Controller(
        _Handler(), hostname="127.0.0.1", port=_free_port(), server_hostname="mail.bad.test"
    )
    controller.start()
    yield controller.port
    controller.stop()


@pytest.fixture
def closed_port() -> int:
    return _free_port()


# --- zones --------------------------------------------------------------------------------------

GOOD = """
@ MX 10 mail
@ TXT "v=spf1 mx include:_spf.good.test -all"
_spf TXT "v=spf1 ip4:192.0.2.0/24 -all"
_dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"
@ CAA 0 issue "letsencrypt.org"
@ A 127.0.0.1
mail A 127.0.0.1
www CNAME @
"""


def good(**changes: str) -> str:
    """The well-configured zone body, with lines replaced (key: the line's start)."""
    lines = GOOD.strip().splitlines()
    for start, replacement in changes.items():
        key = start.replace("__", " ")
        lines = [line for line in lines if not line.startswith(key)]
        if replacement:
            lines.append(replacement)
    return "\n".join(lines) + "\n"


@pytest.fixture
def serve() -> Iterator[Callable[..., DnsServer]]:
    servers: list[DnsServer] = []

    def start(*zones: dns.zone.Zone, axfr: bool = False, drop: tuple[str, ...] = ()) -> DnsServer:
        server = DnsServer(list(zones), axfr=axfr, drop=drop)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def scan(
    server: DnsServer, target: str = "good.test", scanner=None, **options: object
) -> list[Finding]:
    options = {"resolver": "127.0.0.1", "port": server.port, "timeout": 2, **options}
    return run_scanner(scanner or DnsScanner(), target, options, timeout=60)


def scan_iter(server: DnsServer, target: str = "good.test", **options: object):
    """The scanner's findings one by one, so that those made before an error can be seen."""
    options = {"resolver": "127.0.0.1", "port": server.port, "timeout": 2, **options}
    ctx = ScanContext(
        target=Target.parse(target),
        options=validated_options(DnsScanner(), options),
        deadline=time.monotonic() + 60,
    )
    return DnsScanner().run(ctx)


def only(findings: list[Finding], check_id: str) -> Finding:
    matching = [finding for finding in findings if finding.check_id == check_id]
    assert len(matching) == 1, findings
    return matching[0]


# --- declaration and loading --------------------------------------------------------------------


def test_scanners_are_well_formed_and_the_plugin_loads() -> None:
    assert_well_formed(DnsScanner())
    assert_well_formed(SmtpScanner())
    assert [scanner.name for scanner in dns_plugin.cyberorigen_scanners()] == ["dns", "smtp"]
    point = EntryPoint(name="dns", value="cyberorigen.plugins.dns", group=ENTRY_POINT_GROUP)
    controls = EntryPoint(
        name="controls", value="cyberorigen.plugins.controls", group=ENTRY_POINT_GROUP
    )
    registry = build_registry(points=[point, controls])
    record = registry.record("dns")
    assert record.status == "loaded", record.reason
    assert set(registry.scanners) == {"dns", "smtp"}
    assert record.problems == []  # dnspython can validate DNSSEC signatures here


def test_options_defaults_and_validation() -> None:
    options = validated_options(DnsScanner())
    assert options == {
        "resolver": None,
        "port": 53,
        "timeout": 5.0,
        "smtp_port": 25,
        "subdomains": ["www"],
    }
    for bad in ({"resolver": "ns1.example"}, {"port": 0}, {"subdomains": ["a b"]}):
        with pytest.raises(ma.ValidationError):
            validated_options(DnsScanner(), bad)


# --- a well-configured domain -------------------------------------------------------------------


def test_well_configured_domain_has_no_findings_above_info(serve, smtp_tls) -> None:
    server = serve(make_zone("good.test.", good(), signed=True))
    steps: list[tuple[int, str]] = []
    findings = run_scanner(
        DnsScanner(),
        "good.test",
        {"resolver": "127.0.0.1", "port": server.port, "timeout": 2},
        report_progress=lambda percent, step: steps.append((percent, step)),
    )
    assert [f for f in findings if f.severity.rank > Severity.INFO.rank] == []
    assert steps[-1] == (100, "done")
    assert scan(server, scanner=SmtpScanner(), smtp_port=smtp_tls) == []
    # A URL target is scanned as its host.
    assert scan(server, "https://good.test:8443/login") == []


def test_unreachable_resolver_raises() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        options = {"resolver": "127.0.0.1", "port": silent.getsockname()[1], "timeout": 0.5}
        for scanner in (DnsScanner(), SmtpScanner()):
            with pytest.raises(ResolverUnreachable, match="did not answer"):
                run_scanner(scanner, "good.test", options, timeout=30)


def test_cancelled_scan_raises(serve) -> None:
    server = serve(make_zone("good.test.", good()))
    options = {"resolver": "127.0.0.1", "port": server.port}
    with pytest.raises(ScanCancelled):
        run_scanner(DnsScanner(), "good.test", options, is_cancelled=lambda: True)


def test_a_refused_or_missing_domain_raises(serve) -> None:
    server = serve(make_zone("good.test.", good()))
    with pytest.raises(DnsScanError, match="answered SOA other.test with an error"):
        scan(server, "other.test")
    with pytest.raises(DnsScanError, match=r"nowhere.good.test does not exist \(NXDOMAIN\)"):
        scan(server, "nowhere.good.test")


def test_a_question_that_times_out_mid_scan_is_never_a_pass(serve) -> None:
    zone = make_zone("good.test.", good(_dmarc=""), signed=True)
    server = serve(zone, drop=("CAA",))
    findings: list[Finding] = []
    with pytest.raises(ScanIncomplete, match=r"caa: good.test. CAA: no answer within 0.5s"):
        findings.extend(scan_iter(server, timeout=0.5))
    # What was found before is kept, and the later checks still ran.
    assert check_ids(findings) == {"dns.dmarc_missing"}
    assert ("good.test.", "DNSKEY") in server.queries
    assert ("www.good.test.", "CNAME") in server.queries


def test_an_ip_in_a_url_is_not_a_domain(serve) -> None:
    server = serve(make_zone("good.test.", good()))
    with pytest.raises(DnsScanError, match="does not name a DNS domain"):
        scan(server, "http://127.0.0.1:8080/")


# --- SPF ----------------------------------------------------------------------------------------


def test_spf_missing(serve) -> None:
    server = serve(make_zone("good.test.", good(**{"@ TXT": ""}), signed=True))
    finding = only(scan(server), "dns.spf_missing")
    assert finding.location == "good.test"
    assert finding.evidence["mx"] == ["10 mail.good.test"]
    assert finding.severity == Severity.MEDIUM


def test_domain_without_mail_is_not_judged_on_spf_or_dmarc(serve) -> None:
    zone = make_zone("good.test.", good(**{"@ TXT": "", "@ MX": "", "_dmarc": ""}), signed=True)
    server = serve(zone)
    assert check_ids(scan(server)) == set()


@pytest.mark.parametrize("qualifier", ["+", "", "?"])
def test_spf_permissive_all(serve, qualifier: str) -> None:
    record = f'@ TXT "v=spf1 mx {qualifier}all"'
    server = serve(make_zone("good.test.", good(**{"@ TXT": record}), signed=True))
    finding = only(scan(server), "dns.spf_permissive")
    assert finding.evidence["problems"] == [f"policy ends in '{qualifier or '+'}all'"]


def test_spf_soft_fail_and_redirect_are_accepted(serve) -> None:
    body = good(**{"@ TXT": '@ TXT "v=spf1 mx ~all"'})
    server = serve(make_zone("good.test.", body, signed=True))
    assert check_ids(scan(server)) == set()
    body = good(**{"@ TXT": '@ TXT "v=spf1 redirect=_spf.good.test"'})
    server = serve(make_zone("good.test.", body, signed=True))
    assert check_ids(scan(server)) == set()


def test_spf_redirect_to_permissive_record_fires(serve) -> None:
    body = good(**{"@ TXT": '@ TXT "v=spf1 redirect=spf.provider.test"'})
    provider = make_zone("provider.test.", 'spf TXT "v=spf1 ?all"\n')
    server = serve(make_zone("good.test.", body, signed=True), provider)
    assert "policy ends in '?all'" in only(scan(server), "dns.spf_permissive").evidence["problems"]


def test_spf_too_many_lookups_through_includes(serve) -> None:
    # good.test: mx + include:i1 (2); i1..i4 each: a + mx + include (3 each, 12) = 14 > 10.
    chain = "".join(
        f'i{n} TXT "v=spf1 a mx include:i{n + 1}.provider.test -all"\n' for n in range(1, 5)
    )
    provider = make_zone("provider.test.", chain + 'i5 TXT "v=spf1 ip4:192.0.2.1 -all"\n')
    body = good(**{"@ TXT": '@ TXT "v=spf1 mx include:i1.provider.test -all"'})
    server = serve(make_zone("good.test.", body, signed=True), provider)
    finding = only(scan(server), "dns.spf_permissive")
    assert finding.evidence["dns_lookups"] > 10
    assert "i1.provider.test" in finding.evidence["followed"]
    # Ten lookups exactly is within the limit: i3 ends the chain (2 + 3 + 3 + 2 = 10).
    short = chain.replace("include:i3.provider.test", "ip4:192.0.2.3").replace(
        'i3 TXT "v=spf1 a mx include:i4.provider.test -all"', 'i3 TXT "v=spf1 a mx -all"'
    )
    provider = make_zone("provider.test.", short)
    server = serve(make_zone("good.test.", body, signed=True), provider)
    assert "dns.spf_permissive" not in check_ids(scan(server))


def test_two_spf_records_fire(serve) -> None:
    body = good() + '@ TXT "v=spf1 -all"\n'
    server = serve(make_zone("good.test.", body, signed=True))
    finding = only(scan(server), "dns.spf_permissive")
    assert finding.evidence["problems"] == ["2 SPF records (permerror)"]


# --- DMARC --------------------------------------------------------------------------------------


def test_dmarc_missing(serve) -> None:
    server = serve(make_zone("good.test.", good(_dmarc=""), signed=True))
    finding = only(scan(server), "dns.dmarc_missing")
    assert finding.location == "_dmarc.good.test"
    assert "_dmarc.good.test" in finding.evidence["looked_up"]


@pytest.mark.parametrize(
    "record",
    ["v=DMARC1; p=none", "v=DMARC1; p=reject; pct=50", "v=DMARC1; p=quarantine; sp=none"],
)
def test_dmarc_weak_policy(serve, record: str) -> None:
    server = serve(make_zone("good.test.", good(_dmarc=f'_dmarc TXT "{record}"'), signed=True))
    findings = scan(server)
    assert check_ids(findings) == {"dns.dmarc_p_none"}
    assert only(findings, "dns.dmarc_p_none").evidence["dmarc"] == record


def test_dmarc_of_the_parent_covers_a_subdomain(serve) -> None:
    body = good() + (
        'shop MX 10 mail\nshop TXT "v=spf1 mx -all"\nshop A 127.0.0.1\n'
        'eu.shop MX 10 mail\neu.shop TXT "v=spf1 mx -all"\n'
    )
    server = serve(make_zone("good.test.", body, signed=True))
    assert check_ids(scan(server, "shop.good.test", subdomains=[])) == set()
    # The parent's sp=none leaves the subdomain without a policy.
    body = body.replace("p=reject;", "p=reject; sp=none;")
    server = serve(make_zone("good.test.", body, signed=True))
    finding = only(scan(server, "eu.shop.good.test", subdomains=[]), "dns.dmarc_p_none")
    assert finding.location == "_dmarc.good.test"


# --- CAA ----------------------------------------------------------------------------------------


def test_caa_missing(serve) -> None:
    server = serve(make_zone("good.test.", good(**{"@ CAA": ""}), signed=True))
    finding = only(scan(server), "dns.caa_missing")
    assert finding.evidence["caa_looked_up"] == {"good.test": "nodata"}


def test_caa_at_the_parent_covers_a_subdomain(serve) -> None:
    body = good() + "app A 127.0.0.1\n"
    server = serve(make_zone("good.test.", body, signed=True))
    assert check_ids(scan(server, "app.good.test", subdomains=[])) == set()
    server = serve(make_zone("good.test.", good(**{"@ CAA": ""}) + "app A 127.0.0.1\n"))
    finding = only(scan(server, "app.good.test", subdomains=[]), "dns.caa_missing")
    assert list(finding.evidence["caa_looked_up"]) == ["app.good.test", "good.test"]


# --- DNSSEC -------------------------------------------------------------------------------------


def test_dnssec_unsigned_and_signed(serve) -> None:
    server = serve(make_zone("good.test.", good()))
    finding = only(scan(server), "dns.dnssec_unsigned")
    assert finding.location == "good.test"
    assert finding.evidence["problem"] == "no DNSKEY record at the zone apex"
    server = serve(make_zone("good.test.", good(), signed=True))
    assert "dns.dnssec_unsigned" not in check_ids(scan(server))
    assert ("good.test.", "DNSKEY") in server.queries


def test_dnssec_signature_that_does_not_validate_fires(serve) -> None:
    zone = make_zone("good.test.", good(), signed=True)
    soa = (
        "ns1.good.test. hostmaster.good.test. 2 3600 600 86400 300"  # serial changed after signing
    )
    zone.get_node(zone.origin).replace_rdataset(
        dns.rdataset.from_text(IN, dns.rdatatype.SOA, 300, soa)
    )
    finding = only(scan(serve(zone)), "dns.dnssec_unsigned")
    assert finding.evidence["problem"].startswith("the SOA's RRSIG does not validate")
    assert finding.evidence["soa_rrsig"]


def test_dnssec_a_subdomain_is_judged_by_its_zone(serve) -> None:
    server = serve(make_zone("good.test.", good() + "app A 127.0.0.1\n"))
    finding = only(scan(server, "app.good.test", subdomains=[]), "dns.dnssec_unsigned")
    assert finding.evidence["zone"] == "good.test"


# --- AXFR ---------------------------------------------------------------------------------------


def test_axfr_open_and_refused(serve) -> None:
    zone = make_zone("good.test.", good(), signed=True)
    server = serve(zone, axfr=True)
    finding = only(scan(server), "dns.axfr_open")
    expected = sum(len(rdataset) for node in zone.values() for rdataset in node)
    assert finding.evidence["records"] == expected
    assert finding.location == "good.test @ ns1.good.test"
    server = serve(zone)
    assert "dns.axfr_open" not in check_ids(scan(server))


# --- dangling CNAME -----------------------------------------------------------------------------


def test_dangling_cname(serve) -> None:
    body = good(www="www CNAME gone.cloud.test.")
    cloud = make_zone("cloud.test.", "alive A 127.0.0.1\n")
    server = serve(make_zone("good.test.", body, signed=True), cloud)
    finding = only(scan(server), "dns.dangling_cname")
    assert finding.location == "www.good.test"
    assert finding.evidence["cname"] == "www.good.test CNAME gone.cloud.test"
    body = good(www="www CNAME alive.cloud.test.")
    server = serve(make_zone("good.test.", body, signed=True), cloud)
    assert check_ids(scan(server)) == set()


def test_dangling_cname_found_through_a_zone_transfer(serve) -> None:
    body = good() + "old CNAME gone.good.test.\n"
    server = serve(make_zone("good.test.", body, signed=True), axfr=True)
    findings = scan(server)
    assert check_ids(findings) == {"dns.axfr_open", "dns.dangling_cname"}
    assert only(findings, "dns.dangling_cname").location == "old.good.test"


# --- STARTTLS -----------------------------------------------------------------------------------


def test_starttls_missing_and_offered(serve, smtp_plain, smtp_tls) -> None:
    server = serve(make_zone("good.test.", good(), signed=True))
    finding = only(
        scan(server, scanner=SmtpScanner(), smtp_port=smtp_plain), "smtp.starttls_missing"
    )
    assert finding.location == f"mail.good.test:{smtp_plain}"
    assert finding.evidence["ehlo_code"] == 250
    assert not any("STARTTLS" in line.upper() for line in finding.evidence["ehlo"])
    assert scan(server, scanner=SmtpScanner(), smtp_port=smtp_tls) == []


def test_unreachable_mx_is_never_a_pass(serve, closed_port) -> None:
    server = serve(make_zone("good.test.", good(), signed=True))
    with pytest.raises(NoMxReachable, match="mail.good.test"):
        scan(server, scanner=SmtpScanner(), smtp_port=closed_port)


def test_unreachable_mx_is_recorded_when_another_is_checked(serve, smtp_plain) -> None:
    body = good() + "@ MX 20 backup\n"  # backup.good.test has no address
    server = serve(make_zone("good.test.", body, signed=True))
    finding = only(
        scan(server, scanner=SmtpScanner(), smtp_port=smtp_plain), "smtp.starttls_missing"
    )
    assert finding.evidence["unreachable_mx"] == {}
    body = good() + "@ MX 5 backup\n"
    server = serve(make_zone("good.test.", body, signed=True))
    finding = only(
        scan(server, scanner=SmtpScanner(), smtp_port=smtp_plain), "smtp.starttls_missing"
    )
    assert finding.evidence["unreachable_mx"] == {"backup.good.test": "no A/AAAA record"}


def test_domain_without_mx_is_not_examined_for_starttls(serve, closed_port) -> None:
    server = serve(make_zone("good.test.", good(**{"@ MX": ""}), signed=True))
    with pytest.raises(NotApplicable, match="no mail servers: good.test has no MX record"):
        scan(server, scanner=SmtpScanner(), smtp_port=closed_port)
