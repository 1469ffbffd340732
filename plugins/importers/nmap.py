"""nmap XML (``nmap -oX``): the open ports of the hosts a run found up, and what nmap's
scripts found vulnerable. masscan's ``-oX`` output, which copies nmap's layout, reads too.

Every open port (state ``open``; ``open|filtered``, ``closed`` and ``filtered`` ports are not
open, and hosts that are down or timed out are skipped) becomes a service of the asset
inventory (the host's address, port, transport, protocol, product, version, TLS when nmap saw
an SSL tunnel; its name is the host name the user gave nmap, else the first PTR name) and a
finding:

- ``nmap.open-port`` (info): the port is open, with what nmap identified there;
- ``nmap.cleartext-service``: Telnet and the r-services (rexec, rlogin, rsh) are high, FTP
  without an SSL tunnel medium (nmap does not ask whether it offers AUTH TLS: an FTP port
  where an ``ssl-*`` / ``tls-*`` script read a certificate is not reported);
- ``nmap.exposed-service`` (high): remote desktop (RDP, VNC), SMB/NetBIOS, and databases and
  data stores (MySQL, PostgreSQL, Redis, MongoDB, Elasticsearch, Memcached...);
- ``nmap.script-vulnerability`` (high, or the script's risk factor): an NSE script of the
  ``vulns`` library (``--script vuln``) reporting the state VULNERABLE or LIKELY VULNERABLE,
  one per script and vulnerability (its key, usually the CVE), on the port or on the host
  (``hostscript``).

Services are named and judged as the built-in ``ports`` scanner names and judges them (its
tables in plugins/ports/checks.py, copied here since plugins import only the plugin API and
their own package): what nmap identified by probing (or with a product name) first, then the
well-known TCP port, then nmap's port-table guess; the services that make its
``ports.telnet_open``, ``ports.rdp_exposed``, ``ports.smb_exposed`` and
``ports.database_exposed`` fire make these findings (VNC and the r-services are this
importer's additions). Management APIs (Docker, etcd, kubelet) are only listed as
open ports: the ports scanner reports them once a probe shows they answer without
credentials, which nmap does not tell.

Target: the host name the user gave nmap (``hostname type="user"``) when there is one, else
the host's IP address (the ``target`` of the upload is not used: nmap names every host);
the location of a port's finding is ``address:port/transport`` (``[2001:db8::1]:443/tcp``).
Findings are on the host rather than on ``host:port`` so that a newer run of the host
resolves the findings of the ports it no longer finds open. A run nmap ended with an error
is refused.

Fingerprint: the target, the check, the port and transport, and for script findings the
script id and the vulnerability's key. Never the service name or version nmap identified
(they change with nmap's probes), script output, the scan's start time, arguments or nmap's
version.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree

from cyberorigen.plugin_api import (
    Check,
    Imported,
    ImportedService,
    ImportedTarget,
    Importer,
    InvalidImport,
    Service,
    Severity,
    stable_fingerprint,
)
from cyberorigen.plugins.importers.common import one_line, severity_named, text

TRANSPORTS = ("tcp", "udp", "sctp")

# --- naming services, as the ports scanner does (plugins/ports/checks.py) --------------------

#: The service usually found on a TCP port: used only when nmap identified nothing there.
WELL_KNOWN_PORTS: dict[int, str] = {
    21: "ftp",
    22: "ssh",
    23: "telnet",
    25: "smtp",
    80: "http",
    110: "pop3",
    139: "netbios-ssn",
    143: "imap",
    443: "https",
    445: "smb",
    1433: "mssql",
    1521: "oracle",
    2375: "docker",
    2379: "etcd",
    3306: "mysql",
    3389: "rdp",
    5432: "postgresql",
    5984: "couchdb",
    6379: "redis",
    7474: "neo4j",
    8086: "influxdb",
    8529: "arangodb",
    9042: "cassandra",
    9200: "elasticsearch",
    9300: "elasticsearch",
    10250: "kubelet",
    10255: "kubelet",
    11211: "memcached",
    26257: "cockroachdb",
    27017: "mongodb",
    27018: "mongodb",
    28015: "rethinkdb",
    50000: "db2",
}
#: nmap's service names (nmap-services) that the appliance calls otherwise; "" for names
#: that say nothing about what answers.
NMAP_NAMES: dict[str, str] = {
    "ms-wbt-server": "rdp",
    "microsoft-ds": "smb",
    "ms-sql-s": "mssql",
    "oracle-tns": "oracle",
    "mongod": "mongodb",
    "memcache": "memcached",
    "postgres": "postgresql",
    "ibm-db2": "db2",
    "wap-wsp": "",  # nmap's table name for 9200
    "etcd-client": "etcd",
    "submission": "smtp",
    "pop3s": "",
    "imaps": "",
}
#: Words of nmap's product name that name the service whatever nmap called it.
PRODUCT_WORDS: tuple[tuple[str, str], ...] = (
    ("elasticsearch", "elasticsearch"),
    ("opensearch", "elasticsearch"),
    ("couchdb", "couchdb"),
    ("redis", "redis"),
    ("mongodb", "mongodb"),
    ("mysql", "mysql"),
    ("mariadb", "mysql"),
    ("postgresql", "postgresql"),
    ("memcached", "memcached"),
    ("docker", "docker"),
    ("kubelet", "kubelet"),
    ("kubernetes", "kubelet"),
    ("influxdb", "influxdb"),
    ("neo4j", "neo4j"),
)
#: Databases and data stores: an open one is an exposed service.
DATABASE_SERVICES = frozenset(
    {
        "arangodb",
        "cassandra",
        "cockroachdb",
        "couchdb",
        "db2",
        "elasticsearch",
        "influxdb",
        "memcached",
        "mongodb",
        "mssql",
        "mysql",
        "neo4j",
        "oracle",
        "postgresql",
        "redis",
        "rethinkdb",
    }
)
SMB_SERVICES = frozenset({"smb", "netbios-ssn"})
#: Plain-text login services, and how bad each is.
CLEARTEXT_SERVICES = {
    "telnet": Severity.HIGH,
    "exec": Severity.HIGH,  # rexec, 512/tcp
    "login": Severity.HIGH,  # rlogin, 513/tcp
    "shell": Severity.HIGH,  # rsh, 514/tcp
    "ftp": Severity.MEDIUM,
}
_CLEARTEXT_NAMES = {
    "telnet": "Telnet",
    "exec": "rexec",
    "login": "rlogin",
    "shell": "rsh",
    "ftp": "FTP",
}
REMOTE_DESKTOP_SERVICES = frozenset({"rdp", "vnc"})
#: A vulnerability script's risk factor; without one (or an unknown one), high.
RISK_FACTORS = {"high": Severity.HIGH, "medium": Severity.MEDIUM, "low": Severity.LOW}
_VULNERABLE = re.compile(r"^(LIKELY )?VULNERABLE\b")
_HOST_NAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?\.?$")
#: How much of each script's output an open port's evidence keeps, and how many scripts.
SCRIPT_CHARS, MAX_SCRIPTS = 300, 20
_PORT_FINGERPRINT = "target, check id, port and transport"

OPEN_PORT = Check(
    id="nmap.open-port",
    title="Open port (nmap)",
    severity=Severity.INFO,
    description="A port nmap found open on a host that was up, with the service, product "
    "and version it identified there. Informational: it lists what answers, for the asset "
    "inventory and the review of what should be reachable.",
    remediation="Check that the service should be reachable from where nmap ran; stop it or "
    "close the port in the firewall if not.",
    references=("https://nmap.org/book/output-formats-xml-output.html",),
    fingerprint=_PORT_FINGERPRINT,
    controls=("ctrl_asset_inventory", "ctrl_network_boundary_protection"),
)

CLEARTEXT_SERVICE = Check(
    id="nmap.cleartext-service",
    title="Login service without encryption reachable (Telnet, FTP, r-services)",
    severity=Severity.HIGH,
    description="An open port where nmap found Telnet, rexec, rlogin or rsh (high), or FTP "
    "without an SSL tunnel (medium): user names, passwords and the session travel in clear "
    "text. FTP is not reported where an nmap script read a TLS certificate on the port "
    "(AUTH TLS offered).",
    remediation="Turn these services off and use SSH (and SFTP) instead. If an old device "
    "can only speak them, reach it through a VPN or a jump host; for FTP, require explicit "
    "TLS (AUTH TLS) for the control and data channels.",
    references=(
        "https://cwe.mitre.org/data/definitions/319.html",
        "https://www.rfc-editor.org/rfc/rfc4217",
    ),
    fingerprint=_PORT_FINGERPRINT,
    controls=("ctrl_network_boundary_protection", "ctrl_encryption_in_transit"),
)

EXPOSED_SERVICE = Check(
    id="nmap.exposed-service",
    title="Sensitive service reachable (remote desktop, SMB, database)",
    severity=Severity.HIGH,
    description="An open port where nmap found remote desktop (RDP, VNC), SMB or NetBIOS "
    "file sharing, or a database or data store (MySQL, PostgreSQL, MSSQL, Oracle, MongoDB, "
    "Redis, Elasticsearch, CouchDB, Memcached, Cassandra...), named as the ports scanner "
    "names services. nmap does not tell whether it asks for credentials.",
    remediation="Do not publish these services: bind databases to private interfaces and "
    "let only the hosts that need them through the firewall; put remote desktop behind a "
    "VPN or gateway with multi-factor authentication; block SMB (445, 139) at the edge. "
    "Require authentication and TLS on every database, caches included.",
    references=(
        "https://cheatsheetseries.owasp.org/cheatsheets/Database_Security_Cheat_Sheet.html",
        "https://www.cisa.gov/news-events/news/understanding-remote-desktop-protocol-risks",
        "https://www.cisecurity.org/controls/v8",
    ),
    fingerprint=_PORT_FINGERPRINT,
    controls=("ctrl_network_boundary_protection",),
)

SCRIPT_VULNERABILITY = Check(
    id="nmap.script-vulnerability",
    title="Vulnerability reported by an nmap script",
    severity=Severity.HIGH,
    description="An NSE script of nmap's vulns library (nmap --script vuln: smb-vuln-*, "
    "ssl-heartbleed, http-vuln-*...) reported a vulnerability as VULNERABLE or LIKELY "
    "VULNERABLE on a port or on the host; its risk factor sets the severity when it gives "
    "one.",
    remediation="Apply the vendor's fix for the vulnerability the script names (see its "
    "references), or take the service off the network until it is patched; then run the "
    "script again.",
    references=("https://nmap.org/nsedoc/lib/vulns.html",),
    fingerprint="target, script id, the vulnerability's key, port and transport (or the "
    "host, for host scripts)",
    controls=("ctrl_vulnerability_management",),
)


def _host_name(value: str | None) -> str:
    """``value`` if it is a usable DNS name (not an address), else ""."""
    value = (value or "").strip()
    if not _HOST_NAME.match(value):
        return ""
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return value.rstrip(".").lower()
    return ""


def _address(host: Any, where: str) -> tuple[str, str]:
    """The host's IP address (IPv4 first) and MAC address."""
    found: dict[str, str] = {}
    for element in host.findall("address"):
        found.setdefault(element.get("addrtype", "ipv4"), (element.get("addr") or "").strip())
    address = found.get("ipv4") or found.get("ipv6")
    if not address:
        raise InvalidImport(f"{where} has no IPv4 or IPv6 address")
    try:
        return str(ipaddress.ip_address(address)), found.get("mac", "")
    except ValueError:
        raise InvalidImport(f"{where}: address {address[:60]!r} is not an IP address") from None


def _scripts(element: Any) -> list[Any]:
    return element.findall("script")


def _printable(value: str) -> str:
    """``value`` without control characters other than line breaks and tabs."""
    return "".join(char for char in value if char.isprintable() or char in "\r\n\t")


def _vulnerabilities(script: Any) -> Iterator[dict[str, Any]]:
    """The vulnerabilities a vulns-library script's structured output reports."""
    for table in script.iter("table"):
        fields = {elem.get("key"): (elem.text or "").strip() for elem in table.findall("elem")}
        state = fields.get("state", "").upper()
        if not _VULNERABLE.match(state):
            continue
        ids = [
            (elem.text or "").strip()
            for sub in table.findall("table")
            if sub.get("key") == "ids"
            for elem in sub.findall("elem")
        ]
        refs = [
            (elem.text or "").strip()
            for sub in table.findall("table")
            if sub.get("key") == "refs"
            for elem in sub.findall("elem")
        ]
        key = table.get("key") or fields.get("title") or (ids[0] if ids else "")
        yield {
            "key": one_line(key, 200),
            "title": one_line(fields.get("title") or key, 300),
            "state": state,
            "ids": [one_line(item, 100) for item in ids if item][:20],
            "references": [item for item in refs if item.startswith(("http://", "https://"))],
            "risk_factor": fields.get("risk_factor", ""),
            "disclosure": fields.get("disclosure", ""),
        }


def _location(address: str, port: int, transport: str) -> str:
    shown = f"[{address}]" if ":" in address else address
    return f"{shown}:{port}/{transport}"


def _normalised(name: str, product: str) -> str:
    """The appliance's name for what nmap reported (its service name and product)."""
    lowered = product.lower()
    for word, service in PRODUCT_WORDS:
        if word in lowered:
            return service
    name = name.strip().lower()
    if not name or name == "unknown" or name.endswith("?"):
        return ""
    return NMAP_NAMES.get(name, name)


@dataclass
class _Port:
    """What nmap says of one open port, and the service it is taken for."""

    port: int
    transport: str
    reason: str = ""
    name: str = ""
    method: str = ""
    product: str = ""
    version: str = ""
    tunnel: str = ""
    #: The appliance's name for the service ("" when nothing tells), and what told it.
    service: str = ""
    source: str = "nothing"

    def identify(self) -> None:
        """nmap's probed answer (or a product name), else the well-known TCP port, else
        nmap's guess from its port table."""
        if self.name and (self.method == "probed" or self.product):
            service = _normalised(self.name, self.product)
            if service == "http" and self.tunnel == "ssl":
                service = "https"
            if service:
                self.service, self.source = service, "nmap"
                return
        if self.transport == "tcp" and self.port in WELL_KNOWN_PORTS:
            self.service, self.source = WELL_KNOWN_PORTS[self.port], "port"
            return
        service = _normalised(self.name, self.product)
        if service:
            self.service, self.source = service, "nmap table"


class NmapImporter(Importer):
    name = "nmap"
    title = "nmap XML"
    version = "1.0"
    extensions = (".xml",)
    checks = (OPEN_PORT, CLEARTEXT_SERVICE, EXPOSED_SERVICE, SCRIPT_VULNERABILITY)
    fingerprint = (
        "target (the host name given to nmap, else the IP address), check id, port and "
        "transport; for script findings also the script id and the vulnerability's key"
    )
    names_targets = True

    def detect(self, head: bytes) -> bool:
        return b"<nmaprun" in head

    def parse(self, data: bytes, target: str | None) -> Iterator[Imported | ImportedService]:
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError as exc:
            raise InvalidImport(f"the file is not well-formed XML ({exc})") from None
        if root.tag != "nmaprun":
            raise InvalidImport(f"the root element is <{root.tag[:50]}>, not <nmaprun>")
        finished = root.find("runstats/finished")
        if finished is not None and finished.get("exit") == "error":
            message = one_line(finished.get("errormsg"), 200) or "no message"
            raise InvalidImport(f"nmap ended the run with an error ({message})")
        for number, host in enumerate(root.findall("host"), start=1):
            yield from self._host(host, f"host {number}")

    def _host(self, host: Any, where: str) -> Iterator[Imported | ImportedService]:
        status = host.find("status")
        if status is not None and status.get("state") != "up":
            return
        if host.get("timedout") == "true":
            return
        address, mac = _address(host, where)
        where = f"{where} ({address})"
        users, pointers = [], []
        for element in host.findall("hostnames/hostname"):
            name = _host_name(element.get("name"))
            if name:
                (users if element.get("type") == "user" else pointers).append(name)
        about = users[0] if users else address
        name = (users or pointers or [""])[0]
        facts = {
            "address": address,
            "hostnames": list(dict.fromkeys(users + pointers))[:10],
            **({"mac": mac} if mac else {}),
        }
        yield ImportedTarget(about)  # a host up whose ports are all closed now resolves
        for number, port in enumerate(host.findall("ports/port"), start=1):
            yield from self._port(port, f"{where}, port {number}", about, address, name, facts)
        for script in host.findall("hostscript/script"):
            yield from self._script_findings(script, about, address, None, "", facts)

    def _port(self, element, where, about, address, name, facts):
        transport = (element.get("protocol") or "").lower()
        if not transport:
            raise InvalidImport(f"{where} has no 'protocol'")
        if transport == "ip":  # an IP protocol scan (-sO): protocol numbers, not ports
            return
        if transport not in TRANSPORTS:
            raise InvalidImport(f"{where}: protocol {transport[:20]!r} is not tcp, udp or sctp")
        portid = element.get("portid") or ""
        if not (portid.isascii() and portid.isdigit()) or not 0 < int(portid) < 65536:
            raise InvalidImport(f"{where}: portid {portid[:20]!r} is not a port number")
        port = int(portid)
        where = f"{where} ({port}/{transport})"
        state = element.find("state")
        if state is None or not state.get("state"):
            raise InvalidImport(f"{where} has no state")
        if state.get("state") != "open":
            return
        result = _Port(port=port, transport=transport, reason=state.get("reason", ""))
        service = element.find("service")
        if service is not None:
            result.name = service.get("name", "")
            result.method = service.get("method", "")
            result.product = service.get("product", "")
            result.version = service.get("version", "")
            result.tunnel = service.get("tunnel", "")
        result.identify()
        scripts = _scripts(element)
        banner = next(
            (
                _printable(script.get("output", ""))[:200]
                for script in scripts
                if script.get("id") == "banner" and script.get("output")
            ),
            "",
        )
        protocol = result.service
        tls = result.tunnel == "ssl" or protocol == "https"
        if protocol == "ssl" or (tls and not protocol):
            protocol = "tls"
        yield ImportedService(
            Service(
                host=address,
                port=port,
                transport=transport,
                protocol=protocol[:40],
                tls=tls,
                product=result.product[:200],
                version=result.version[:200],
                banner=banner,
            ),
            name,
        )
        evidence: dict[str, Any] = {
            **facts,
            "port": port,
            "transport": transport,
            "service": protocol or "unknown",
            "nmap_service": result.name,
            "identified_by": result.source,
            "reason": result.reason,
        }
        if service is not None:
            for key in ("product", "version", "extrainfo", "tunnel", "conf"):
                if service.get(key):
                    evidence[key] = one_line(service.get(key), 200)
            cpes = [one_line(item.text, 200) for item in service.findall("cpe") if item.text]
            if cpes:
                evidence["cpe"] = cpes[:10]
        if scripts:
            evidence["scripts"] = {
                one_line(script.get("id"), 100): text(script.get("output"), SCRIPT_CHARS)
                for script in scripts[:MAX_SCRIPTS]
            }
        location = _location(address, port, transport)
        label = " ".join(part for part in (result.product, result.version) if part)
        shown = protocol or result.name or "unknown"
        yield self._imported(
            about,
            OPEN_PORT,
            location,
            evidence,
            (str(port), transport),
            title=one_line(f"Open port {port}/{transport}: {shown} {label}".strip(), 300),
        )
        finding = self._judge(result, protocol, scripts, about, location, evidence)
        if finding is not None:
            yield finding
        for script in scripts:
            yield from self._script_findings(script, about, address, port, transport, facts)

    def _judge(self, result, protocol, scripts, about, location, evidence):
        """The cleartext or exposed-service finding of an open port, if it is one."""
        port, transport = str(result.port), result.transport
        service = result.service
        plain = result.tunnel != "ssl"
        if service in CLEARTEXT_SERVICES and plain:
            tls_seen = any(
                str(script.get("id", "")).startswith(("ssl-", "tls-")) for script in scripts
            )
            if service == "ftp" and tls_seen:
                return None
            shown = _CLEARTEXT_NAMES[service]
            extra = {"cleartext": shown}
            if service == "ftp":
                extra["auth_tls"] = "not known: nmap does not ask whether AUTH TLS is offered"
            return self._imported(
                about,
                CLEARTEXT_SERVICE,
                location,
                {**evidence, **extra},
                (port, transport),
                title=f"{shown} without encryption on {port}/{transport}",
                severity=CLEARTEXT_SERVICES[service],
            )
        if service in REMOTE_DESKTOP_SERVICES:
            kind = "Remote desktop"
        elif service in SMB_SERVICES:
            kind = "SMB/NetBIOS file sharing"
        elif service in DATABASE_SERVICES:
            kind = "Database"
        else:
            return None
        return self._imported(
            about,
            EXPOSED_SERVICE,
            location,
            {**evidence, "exposed": kind.lower()},
            (port, transport),
            title=f"{kind} ({service}) reachable on {port}/{transport}",
        )

    def _script_findings(self, script, about, address, port, transport, facts):
        script_id = one_line(script.get("id"), 100)
        for vulnerability in _vulnerabilities(script):
            if port is None:
                location, place = address, ("host",)
            else:
                location, place = _location(address, port, transport), (str(port), transport)
            references = [*vulnerability.pop("references")][:10]
            severity = severity_named(
                vulnerability["risk_factor"], RISK_FACTORS, SCRIPT_VULNERABILITY.severity
            )
            yield self._imported(
                about,
                SCRIPT_VULNERABILITY,
                location,
                {
                    **facts,
                    "script": script_id,
                    **({"port": port, "transport": transport} if port else {}),
                    **vulnerability,
                    "output": text(script.get("output"), 1000),
                },
                (*place, script_id, vulnerability["key"]),
                title=one_line(f"{vulnerability['title']} (nmap {script_id})", 300),
                severity=severity,
                references=tuple(references) or SCRIPT_VULNERABILITY.references,
            )

    def _imported(self, about, check, location, evidence, parts, **extra) -> Imported:
        return Imported(
            about,
            self.finding(
                check.id,
                location,
                evidence,
                fingerprint=stable_fingerprint(self.name, about, check.id, *parts),
                **extra,
            ),
        )
