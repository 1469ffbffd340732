"""The nmap XML importer through POST /api/v1/imports: open ports become inventory services
and findings judged as the ports scanner judges services, down hosts and closed ports are
nothing, fingerprints survive a newer run, and refused files leave nothing behind."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from cyberorigen.db.models import Asset, Finding, Scan, Service
from cyberorigen.plugins.importers.nmap import NmapImporter
from cyberorigen.plugins.importers.sarif import SarifImporter
from cyberorigen.plugins.importers.zap import ZapImporter

DATA = Path(__file__).parent / "data" / "imports"
NETWORK = (DATA / "nmap-network.xml").read_text(encoding="utf-8")


def post_file(client, account, content: bytes, name: str = "scan.xml", **form):
    body = {"file": (io.BytesIO(content), name), **form}
    return client.post(
        "/api/v1/imports", data=body, headers=account.headers, content_type="multipart/form-data"
    )


def findings_of(client, account) -> list[dict]:
    answer = client.get("/api/v1/findings?per_page=100", headers=account.headers).get_json()
    return [item for item in answer["items"] if item["scanner"] == "nmap"]


def by_place(found: list[dict]) -> dict[tuple[str, str], dict]:
    return {(item["check_id"], item["location"]): item for item in found}


def without_host(text: str, address: str) -> str:
    """The report without the <host> element of ``address``."""
    pattern = r"<host [^>]*>(?:(?!</host>).)*?addr=\"" + re.escape(address) + r"\".*?</host>\n"
    changed = re.sub(pattern, "", text, count=1, flags=re.S)
    assert changed != text
    return changed


def test_a_report_lists_services_and_judges_open_ports(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, NETWORK.encode())  # no format: detected
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    assert (body["format"], body["findings"], body["new"], body["services"]) == (
        "nmap",
        18,
        18,
        10,
    )
    assert body["scan"]["status"] == "completed"
    hosts = [item for item in body["targets"] if item.count(":") != 1 and "]:" not in item]
    assert hosts == ["127.0.0.1", "db.example.com", "192.0.2.20", "2001:db8::5"]
    assert not any("192.0.2.21" in item for item in body["targets"])  # the host was down

    found = by_place(findings_of(client, analyst))
    open_ports = sorted(place for check, place in found if check == "nmap.open-port")
    assert open_ports == sorted(
        [
            "127.0.0.1:21/tcp",
            "127.0.0.1:22/tcp",
            "127.0.0.1:23/tcp",
            "127.0.0.1:6379/tcp",
            "192.0.2.10:443/tcp",
            "192.0.2.10:5432/tcp",
            "192.0.2.10:161/udp",
            "192.0.2.20:445/tcp",
            "192.0.2.20:3389/tcp",
            "[2001:db8::5]:11211/tcp",
        ]
    )  # not 53/udp (open|filtered), 161/udp of 127.0.0.1 (closed), nor the filtered ones
    assert {found[("nmap.open-port", place)]["severity"] for place in open_ports} == {"info"}
    judged = {
        (check, place): item["severity"]
        for (check, place), item in found.items()
        if check != "nmap.open-port"
    }
    assert judged == {
        ("nmap.cleartext-service", "127.0.0.1:21/tcp"): "medium",  # FTP
        ("nmap.cleartext-service", "127.0.0.1:23/tcp"): "high",  # Telnet
        ("nmap.exposed-service", "127.0.0.1:6379/tcp"): "high",  # Redis
        ("nmap.exposed-service", "192.0.2.10:5432/tcp"): "high",  # PostgreSQL
        ("nmap.exposed-service", "192.0.2.20:445/tcp"): "high",  # SMB
        ("nmap.exposed-service", "192.0.2.20:3389/tcp"): "high",  # RDP
        ("nmap.exposed-service", "[2001:db8::5]:11211/tcp"): "high",  # Memcached
        ("nmap.script-vulnerability", "192.0.2.20"): "high",  # ms17-010
    }
    ssh = found[("nmap.open-port", "127.0.0.1:22/tcp")]
    assert ssh["target"] == "127.0.0.1"
    assert ssh["evidence"]["product"] == "OpenSSH"
    assert ssh["evidence"]["hostnames"] == ["localhost"]
    assert ssh["evidence"]["cpe"][0] == "cpe:/a:openbsd:openssh:9.2p1"
    ftp = found[("nmap.cleartext-service", "127.0.0.1:21/tcp")]
    assert "café ☕" in ftp["evidence"]["scripts"]["banner"]
    assert ftp["title"] == "FTP without encryption on 21/tcp"
    postgres = found[("nmap.exposed-service", "192.0.2.10:5432/tcp")]
    assert postgres["target"] == "db.example.com"  # the name the user gave nmap
    rdp = found[("nmap.exposed-service", "192.0.2.20:3389/tcp")]
    assert rdp["evidence"]["service"] == "rdp" and rdp["evidence"]["mac"] == "00:15:5D:0A:1B:2C"
    ms17 = found[("nmap.script-vulnerability", "192.0.2.20")]
    assert ms17["evidence"]["ids"] == ["CVE:CVE-2017-0143"]
    assert ms17["evidence"]["script"] == "smb-vuln-ms17-010"
    assert "ms17-010" in ms17["title"]
    assert (
        "https://technet.microsoft.com/en-us/library/security/ms17-010.aspx" in (ms17["references"])
    )
    memcached = found[("nmap.exposed-service", "[2001:db8::5]:11211/tcp")]
    assert memcached["target"] == "2001:db8::5"  # a PTR name is not a target

    checks = client.get(
        f"/api/v1/scans/{body['scan']['id']}/checks", headers=analyst.headers
    ).get_json()["items"]
    outcomes = {(item["target"], item["check_id"]): item["outcome"] for item in checks}
    assert "passed" not in set(outcomes.values())
    assert outcomes[("127.0.0.1", "nmap.cleartext-service")] == "failed"
    assert outcomes[("192.0.2.20", "nmap.script-vulnerability")] == "failed"
    assert outcomes[("127.0.0.1", "nmap.open-port")] == "inconclusive"  # info only


def test_open_ports_show_up_in_the_asset_inventory(client, make_account):
    analyst = make_account(role="analyst")
    post_file(client, analyst, NETWORK.encode())
    listed = client.get("/api/v1/assets?per_page=100", headers=analyst.headers).get_json()
    assets = {item["address"]: item for item in listed["items"]}
    assert sorted(assets) == sorted(["127.0.0.1", "192.0.2.10", "192.0.2.20", "2001:db8::5"])
    assert "db.example.com" in assets["192.0.2.10"]["names"]
    assert "cache.example.org" in assets["2001:db8::5"]["names"]
    detail = client.get(
        f"/api/v1/assets/{assets['192.0.2.10']['id']}", headers=analyst.headers
    ).get_json()
    services = {(item["port"], item["transport"]): item for item in detail["services"]}
    assert sorted(services) == [(161, "udp"), (443, "tcp"), (5432, "tcp")]
    https = services[(443, "tcp")]
    assert (https["protocol"], https["tls"], https["product"], https["version"]) == (
        "https",
        True,
        "nginx",
        "1.24.0",
    )
    assert services[(5432, "tcp")]["protocol"] == "postgresql"
    assert services[(161, "udp")]["protocol"] == "snmp"
    local = client.get(
        f"/api/v1/assets/{assets['127.0.0.1']['id']}", headers=analyst.headers
    ).get_json()
    protocols = {item["port"]: item["protocol"] for item in local["services"]}
    assert protocols == {21: "ftp", 22: "ssh", 23: "telnet", 6379: "redis"}
    ssh = next(item for item in local["services"] if item["port"] == 22)
    assert ssh["banner"].startswith("SSH-2.0-OpenSSH_9.2p1")
    by_port = client.get("/api/v1/assets?port=3389", headers=analyst.headers).get_json()
    assert [item["address"] for item in by_port["items"]] == ["192.0.2.20"]


def test_a_newer_run_keeps_fingerprints_and_resolves_closed_ports(client, make_account):
    analyst = make_account(role="analyst")
    post_file(client, analyst, NETWORK.encode())
    again = post_file(client, analyst, NETWORK.encode()).get_json()
    assert (again["findings"], again["new"], again["resolved"]) == (18, 0, 0)
    assert Finding.select().where(Finding.scanner == "nmap").count() == 18
    fingerprints = {row.fingerprint for row in Finding.select()}

    # Next week: another start time, nmap version and arguments, other timings, newer
    # product versions, other script output.
    newer = NETWORK
    for old, new in (
        ('start="1741000321"', 'start="1741605121"'),
        ("Mon Mar  3 10:12:01 2025", "Mon Mar 10 10:12:01 2025"),
        ('version="7.94SVN"', 'version="7.95"'),
        ("-oX scan.xml", "-T4 -oX weekly.xml"),
        ('version="9.2p1 Debian 2+deb12u3"', 'version="9.2p1 Debian 2+deb12u5"'),
        ('version="7.0.15"', 'version="7.2.4"'),
        ("2025-04-10T23:59:59", "2025-06-09T23:59:59"),
        ('srtt="44"', 'srtt="61"'),
    ):
        assert old in newer, old
        newer = newer.replace(old, new)
    second = post_file(client, analyst, newer.encode()).get_json()
    assert (second["findings"], second["new"], second["resolved"]) == (18, 0, 0)
    assert {row.fingerprint for row in Finding.select()} == fingerprints
    redis = Finding.get(
        Finding.check_id == "nmap.exposed-service", Finding.location.contains("6379")
    )
    assert redis.evidence["version"] == "7.2.4"

    # Telnet was turned off: port 23 is closed now.
    closed = newer.replace(
        '<port protocol="tcp" portid="23"><state state="open" reason="syn-ack"',
        '<port protocol="tcp" portid="23"><state state="closed" reason="reset"',
    )
    third = post_file(client, analyst, closed.encode()).get_json()
    assert (third["findings"], third["new"], third["resolved"]) == (16, 0, 2)
    telnet = Finding.select().where(Finding.location == "127.0.0.1:23/tcp")
    assert {row.status for row in telnet} == {"fixed"}
    assert {row.check_id for row in telnet} == {"nmap.open-port", "nmap.cleartext-service"}
    still = Finding.select().where(Finding.status == "open").count()
    assert still == 16


def test_an_empty_run_is_a_completed_import_without_findings(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "nmap-empty.xml").read_bytes())
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    assert (body["format"], body["findings"], body["services"], body["targets"]) == (
        "nmap",
        0,
        0,
        [],
    )
    assert body["scan"]["status"] == "completed"
    assert Asset.select().count() == 0


def test_masscan_output_with_repeated_hosts_and_no_service_names(client, make_account):
    analyst = make_account(role="analyst")
    answer = post_file(client, analyst, (DATA / "nmap-masscan.xml").read_bytes())
    assert answer.status_code == 201, answer.get_json()
    body = answer.get_json()
    # Three <host> elements, 3306 twice: three findings once merged.
    assert (body["format"], body["findings"], body["merged"]) == ("nmap", 3, 2)
    found = by_place(findings_of(client, analyst))
    assert sorted(found) == [
        ("nmap.exposed-service", "127.0.0.1:3306/tcp"),  # MySQL by its well-known port
        ("nmap.open-port", "127.0.0.1:3306/tcp"),
        ("nmap.open-port", "127.0.0.1:8443/tcp"),
    ]
    assert found[("nmap.open-port", "127.0.0.1:8443/tcp")]["evidence"]["service"] == "unknown"
    rows = Service.select().join(Asset).where(Asset.address == "127.0.0.1")
    assert sorted((row.port, row.protocol) for row in rows) == [(3306, "mysql"), (8443, "")]


def test_open_ports_in_scope_count_against_controls(client, make_account):
    analyst = make_account(role="analyst")
    url = "/api/v1/controls/ctrl_network_boundary_protection"
    before = client.get(url, headers=analyst.headers).get_json()
    assert before["status"] != "not_implemented"

    # Only hosts outside the organization's scope: nothing counts.
    outside = without_host(without_host(NETWORK, "127.0.0.1"), "192.0.2.10")
    answer = post_file(client, analyst, outside.encode(), frameworks="soc2")
    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json()["findings"] == 7
    assert client.get(url, headers=analyst.headers).get_json()["status"] != "not_implemented"

    # Redis exposed on 127.0.0.1 (in scope).
    answer = post_file(client, analyst, NETWORK.encode(), frameworks="soc2")
    assert answer.status_code == 201, answer.get_json()
    control = client.get(url, headers=analyst.headers).get_json()
    assert control["status"] == "not_implemented", control
    assert "nmap.exposed-service" in json.dumps(control)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE nmaprun [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<nmaprun scanner="nmap"><host><status state="up"/><address addr="127.0.0.1" addrtype="ipv4"/>
<ports><port protocol="tcp" portid="22"><state state="open"/><service name="&d;"/></port>
</ports></host></nmaprun>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE nmaprun [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
<nmaprun scanner="nmap"><host><status state="up"/><address addr="127.0.0.1" addrtype="ipv4"/>
<hostnames><hostname name="&xxe;" type="user"/></hostnames></host></nmaprun>"""


def test_bad_files_are_refused_and_leave_nothing_behind(client, make_account):
    analyst = make_account(role="analyst")
    first_port = '<port protocol="tcp" portid="21"><state state="open" reason="syn-ack"'
    cases = {
        b"this is not xml": "not well-formed XML",
        NETWORK[: len(NETWORK) // 2].encode(): "not well-formed XML",  # a run cut short
        b"<OWASPZAPReport/>": "not <nmaprun>",
        NETWORK.replace('addr="127.0.0.1" addrtype="ipv4"', 'addrtype="ipv4"').encode(): (
            "host 1 has no IPv4 or IPv6 address"
        ),
        NETWORK.replace('addr="192.0.2.10"', 'addr="192.0.2.999"').encode(): (
            "host 2: address '192.0.2.999' is not an IP address"
        ),
        NETWORK.replace('portid="21"', 'portid="ftp"').encode(): (
            "host 1 (127.0.0.1), port 1: portid 'ftp' is not a port number"
        ),
        NETWORK.replace('portid="22"', 'portid="70000"').encode(): "portid '70000'",
        NETWORK.replace(first_port, '<port portid="21"><state state="open"').encode(): (
            "port 1 has no 'protocol'"
        ),
        NETWORK.replace(
            '<state state="open" reason="syn-ack" reason_ttl="64"/><service name="ssh"',
            '<service name="ssh"',
        ).encode(): "port 2 (22/tcp) has no state",
        NETWORK.replace('protocol="udp" portid="53"', 'protocol="icmp" portid="53"').encode(): (
            "protocol 'icmp' is not tcp, udp or sctp"
        ),
        NETWORK.replace(
            'exit="success"', 'exit="error" errormsg="Failed to open device eth9"'
        ).encode(): "nmap ended the run with an error (Failed to open device eth9)",
        BILLION_LAUGHS: "entities",
        EXTERNAL_ENTITY: "entities",
    }
    for content, said in cases.items():
        answer = post_file(client, analyst, content, format="nmap")
        assert answer.status_code == 422, (content[:60], answer.get_json())
        body = answer.get_json()
        assert said in body["detail"], (said, body)
        assert "Traceback" not in json.dumps(body)
    assert Scan.select().count() == 0
    assert Finding.select().count() == 0
    assert Service.select().count() == 0


def test_detection_claims_nmap_reports_and_nothing_else():
    nmap, sarif, zap = NmapImporter(), SarifImporter(), ZapImporter()
    own = sorted(DATA.glob("nmap-*"))
    assert len(own) >= 3
    for path in own:
        head = path.read_bytes()[:65536]
        assert nmap.detect(head), path.name
        assert not sarif.detect(head), path.name
        assert not zap.detect(head), path.name
    others = [path for path in DATA.iterdir() if not path.name.startswith("nmap-")]
    assert others
    for path in others:
        assert not nmap.detect(path.read_bytes()[:65536]), path.name
    for head in (b"", b"\x00\xff", b"{}", b"<html>", b"<OWASPZAPReport>"):
        assert not nmap.detect(head), head


def test_the_format_is_listed(client, make_account):
    analyst = make_account(role="analyst")
    formats = client.get("/api/v1/imports/formats", headers=analyst.headers).get_json()
    nmap = next(item for item in formats if item["name"] == "nmap")
    assert nmap["checks"] == [
        "nmap.open-port",
        "nmap.cleartext-service",
        "nmap.exposed-service",
        "nmap.script-vulnerability",
    ]
    assert "port and transport" in nmap["fingerprint"]


def test_services_are_named_and_judged_with_the_ports_scanners_tables():
    """The importer keeps its own copy of the ports scanner's tables (plugins import only the
    plugin API and their own package): they must stay the same."""
    from cyberorigen.plugins.importers import nmap as importer
    from cyberorigen.plugins.ports import checks as ports

    assert importer.WELL_KNOWN_PORTS == ports.PORT_SERVICES
    renamed = {name: to for name, to in ports.NMAP_SERVICE_NAMES.items() if name != to}
    assert renamed == importer.NMAP_NAMES
    assert importer.PRODUCT_WORDS == ports.PRODUCT_SERVICES
    assert importer.DATABASE_SERVICES == ports.DATABASE_SERVICES
    assert importer.SMB_SERVICES == ports.SMB_SERVICES
    mysql = importer._Port(3306, "tcp", name="mysql?", method="table")
    mysql.identify()
    assert (mysql.service, mysql.source) == ("mysql", "port")
    udp = importer._Port(3306, "udp", name="mysql", method="table")
    udp.identify()
    assert (udp.service, udp.source) == ("mysql", "nmap table")
    tls = importer._Port(8443, "tcp", name="http", method="probed", tunnel="ssl")
    tls.identify()
    assert tls.service == "https"
