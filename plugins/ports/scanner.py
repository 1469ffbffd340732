"""The network-services scanner: finds the target's open TCP ports (with nmap when it is
installed, else with the built-in connect scan), names the service on each, probes the ones
that matter and reports exposed risky services.

Steps: resolve the host (a name that does not resolve is an error), discover (nmap
``-sT -Pn``, then ``-sV`` on the open ports within ``version_timeout``; or the connect scan),
identify (see :mod:`.identify`), probe (FTP AUTH TLS and anonymous login, POP3 CAPA, IMAP
CAPABILITY, an SMTP relay attempt without DATA, Redis PING, Docker/etcd/Kubernetes
``/version`` and then etcd's key API or the Kubernetes ``/api``, kubelet ``/pods``,
Elasticsearch/CouchDB ``/``, SNMP on UDP), then judge. Findings are yielded for
what was scanned even when the deadline cuts the scan short; the scan then ends with a
TimeoutError that says how far it got.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import re
import socket
import subprocess
import threading
import time
from collections.abc import Coroutine, Iterator, Mapping
from typing import Any, TypeVar

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.plugin_api import (
    Finding,
    ScanCancelled,
    ScanContext,
    Scanner,
    ScanScope,
    Service,
    Severity,
)
from cyberorigen.plugins.ports import connect_scan as cs
from cyberorigen.plugins.ports.checks import (
    CHECKS,
    DATABASE_SERVICES,
    IMPLICIT_TLS_MAIL_PORTS,
    MGMT_API_PORTS,
    SMB_SERVICES,
)
from cyberorigen.plugins.ports.identify import identify, mysql_version
from cyberorigen.plugins.ports.model import PortResult
from cyberorigen.plugins.ports.nmap_xml import (
    NmapReport,
    nmap_command,
    nmap_path,
    parse_nmap_xml,
)
from cyberorigen.plugins.ports.top_ports import TOP_PORTS

log = logging.getLogger(__name__)

MAX_PORTS = 65_536
MAX_SPEC_LENGTH = 200_000
T = TypeVar("T")

NMAP_MISSING = (
    "nmap is not installed: the ports scanner uses its built-in connect scan, without "
    "version detection"
)


class PortsScanError(Exception):
    """The scan could not be done; the message says why."""


class HostNotResolved(PortsScanError, ConnectionError):
    """The target's host name does not resolve."""


class NmapFailed(PortsScanError):
    """nmap ran but did not produce a usable report."""


# --- options ----------------------------------------------------------------------------------


def parse_ports(value: Any) -> list[int]:
    """``"22,80,8000-8100"`` or ``[22, "80", "8000-8100"]`` -> sorted distinct port numbers.
    Raises ValueError for anything outside 1-65535 or more than 65,536 ports in all."""
    if isinstance(value, str):
        if len(value) > MAX_SPEC_LENGTH:
            raise ValueError("the port list is too long")
        items: list[Any] = [item for item in re.split(r"[,\s]+", value.strip()) if item]
    elif isinstance(value, list | tuple):
        if len(value) > MAX_PORTS:
            raise ValueError(f"at most {MAX_PORTS} ports")
        items = list(value)
    else:
        raise ValueError("a port list is a string like '22,80,8000-8100' or a list")
    ranges: list[tuple[int, int]] = []
    count = 0
    for item in items:
        if isinstance(item, bool):
            raise ValueError(f"{item!r} is not a port")
        if isinstance(item, int):
            start = end = item
        elif isinstance(item, str) and re.fullmatch(r"\d{1,5}(-\d{1,5})?", item.strip()):
            low, _, high = item.strip().partition("-")
            start, end = int(low), int(high or low)
        else:
            raise ValueError(f"{item!r} is not a port or a range like 8000-8100")
        if not (1 <= start <= 65535 and 1 <= end <= 65535):
            raise ValueError(f"{item!r}: ports are 1-65535")
        if start > end:
            raise ValueError(f"{item!r}: a range goes from low to high")
        count += end - start + 1
        if count > MAX_PORTS:
            raise ValueError(f"more than {MAX_PORTS} ports")
        ranges.append((start, end))
    ports: set[int] = set()
    for start, end in ranges:
        ports.update(range(start, end + 1))
    return sorted(ports)


class PortList(fields.Field):
    """A port list: a string like ``"22,80,443,8000-8100"`` or a list of ports and ranges."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # What the OpenAPI document says a port list is (a client generated from it types it).
        nullable = {"nullable": True} if self.allow_none else {}
        self.metadata = {
            "anyOf": [
                {"type": "string", "example": "22,80,443,8000-8100", **nullable},
                {
                    "type": "array",
                    "items": {"oneOf": [{"type": "integer"}, {"type": "string"}]},
                    "example": [22, 443, "8000-8100"],
                    **nullable,
                },
            ],
            **self.metadata,
        }

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[int]:
        try:
            return parse_ports(value)
        except ValueError as exc:
            raise ma.ValidationError(str(exc)) from None

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return value


KNOWN_SERVICES = (
    *("telnet", "ftp", "rdp", "smb", "netbios-ssn", "mysql", "postgresql", "mssql", "oracle"),
    *("mongodb", "redis", "elasticsearch", "couchdb", "memcached", "cassandra", "influxdb"),
    *("neo4j", "db2", "docker", "kubelet", "http", "https", "ssh", "smtp"),
    *("pop3", "imap", "etcd"),
)

#: The domains of the relay probe's sender and recipient: two the target is not part of.
RELAY_DOMAINS = ("example.org", "example.net", "example.com")
#: etcd's v3 range request (JSON gateway) for the single key NUL: it proves the key API
#: answers without reading any real key.
ETCD_RANGE_BODY = b'{"key":"AA=="}'
#: Services whose HTTP(S) port gets the management-API probes.
HTTP_LIKE_SERVICES = (
    *("http", "https", "ssl", "docker", "kubelet", "elasticsearch", "couchdb"),
    *("etcd", "kubernetes"),
)


class PortsOptionsSchema(ma.Schema):
    """Options of the ``ports`` scanner."""

    ports = PortList(
        load_default=None,
        metadata={
            "description": "TCP ports to scan: '22,80,443,8000-8100' or a list of ports and "
            "ranges, each 1-65535, at most 65,536 in all. Default: the first `top` ports of "
            "the built-in list of 1,000 common service ports."
        },
    )
    top = fields.Integer(
        load_default=len(TOP_PORTS),
        validate=validate.Range(min=1, max=len(TOP_PORTS)),
        metadata={
            "description": "Without `ports`: how many of the built-in list's ports to scan, "
            "most common first (the quick profile uses 100)."
        },
    )
    allowlist = PortList(
        load_default=list,
        metadata={
            "description": "The approved baseline: TCP ports expected to be open. When set, "
            "every other open port fires ports.unexpected_open. Default: empty, meaning no "
            "baseline, and unexpected ports are not reported."
        },
    )
    concurrency = fields.Integer(
        strict=True,
        load_default=200,
        validate=validate.Range(min=1, max=2000),
        metadata={"description": "Connections in flight at once, 1-2000 (default 200)."},
    )
    timeout = fields.Float(
        load_default=2.0,
        validate=validate.Range(min=0.1, max=60),
        metadata={"description": "Seconds per connection attempt and probe (default 2)."},
    )
    banner_timeout = fields.Float(
        load_default=1.0,
        validate=validate.Range(min=0.05, max=10),
        metadata={
            "description": "Connect scan only: seconds to wait for a service to speak first "
            "(and again for its answer to a HEAD request), default 1."
        },
    )
    use_nmap = fields.Boolean(
        load_default=True,
        metadata={
            "description": "Use nmap when it is installed (default true): its connect scan "
            "(-sT) finds the open ports, then its version detection (-sV) runs on those only, "
            "bounded by version_timeout; false always uses the built-in connect scan."
        },
    )
    nmap_versions = fields.Boolean(
        load_default=True,
        metadata={
            "description": "With nmap: identify products and versions of the open ports "
            "with -sV (default true); false keeps nmap's connect scan only and the "
            "appliance's own probes."
        },
    )
    version_timeout = fields.Float(
        load_default=30.0,
        validate=validate.Range(min=1, max=600),
        metadata={
            "description": "With nmap: seconds -sV may spend on one host's open ports "
            "(probed at once, so it bounds each port), default 30. When it runs out, the "
            "ports found stay, identified by the appliance's own probes."
        },
    )
    version_intensity = fields.Integer(
        strict=True,
        load_default=7,
        validate=validate.Range(min=0, max=9),
        metadata={
            "description": "With nmap: -sV's --version-intensity, 0 (fewest probes) to 9 "
            "(all), default 7 (nmap's)."
        },
    )
    service_ports = fields.Dict(
        keys=fields.Integer(validate=validate.Range(min=1, max=65535)),
        values=fields.String(validate=validate.OneOf(KNOWN_SERVICES)),
        load_default=dict,
        validate=validate.Length(max=1000),
        metadata={
            "description": "Services known to run on non-standard ports, e.g. "
            '{"2323": "telnet", "13389": "rdp"}. Used like the well-known port '
            "table, i.e. only when neither nmap nor the banner names the service (tests "
            "use it to stand for well-known ports that cannot be bound)."
        },
    )
    snmp_ports = PortList(
        load_default=lambda: [161],
        validate=validate.Length(max=16),
        metadata={
            "description": "UDP ports where SNMP is asked for sysDescr (default [161]; an "
            "empty list skips SNMP)."
        },
    )
    snmp_communities = fields.List(
        fields.String(validate=validate.Length(min=1, max=64)),
        load_default=lambda: ["public"],
        validate=validate.Length(max=10),
        metadata={"description": "Community strings tried over SNMPv2c (default ['public'])."},
    )


# --- helpers ------------------------------------------------------------------------------------


def _run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from synchronous code, even inside a running loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def resolve(host: str, scope: ScanScope) -> tuple[str, int]:
    """(address, family) of ``host``, an IPv4 address first, among the addresses the scan's
    scope allows; raises HostNotResolved, or OutOfScope when no address may be contacted."""
    if not host:
        raise HostNotResolved("the target has no host to scan")
    try:
        addresses = scope.addresses(host)
    except (socket.gaierror, UnicodeError) as exc:
        raise HostNotResolved(f"cannot resolve {host}: {exc}") from None
    addresses.sort(key=lambda address: ":" in address)  # prefer IPv4
    family = socket.AF_INET6 if ":" in addresses[0] else socket.AF_INET
    return addresses[0], family


def _host_port(host: str, port: int, protocol: str = "tcp") -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}/{protocol}"


def relay_addresses(host: str) -> tuple[str, str]:
    """The relay probe's (sender, recipient): addresses of two of RELAY_DOMAINS that are not
    the target's host nor a domain it belongs to."""
    name = host.lower().rstrip(".")
    domains = [d for d in RELAY_DOMAINS if name != d and not name.endswith("." + d)]
    return f"probe@{domains[0]}", f"probe@{domains[1]}"


def pop3_logins(capabilities: list[str]) -> list[str]:
    """The logins a POP3 CAPA answer offers: ``USER`` and ``SASL <mechanism>`` for each
    mechanism named."""
    offered: list[str] = []
    for line in capabilities:
        words = line.upper().split()
        if words[:1] == ["USER"]:
            offered.append("USER")
        elif words[:1] == ["SASL"]:
            offered.extend(f"SASL {mechanism}" for mechanism in words[1:])
    return offered


def speaks_tls(result: PortResult) -> bool:
    """Whether the port is implicit TLS: it completed a TLS handshake, nmap saw TLS, or it
    is a mail port of RFC 8314 (993, 995)."""
    return (
        bool(result.facts.get("tls"))
        or result.tunnel == "ssl"
        or result.port in IMPLICIT_TLS_MAIL_PORTS
    )


def discovered_service(address: str, result: PortResult) -> Service:
    """What the scan reports of an open port: the service as identified, ``tls`` when the
    port completed a TLS handshake (or nmap saw TLS)."""
    protocol = result.service or ""
    tls = bool(result.facts.get("tls")) or result.tunnel == "ssl" or protocol == "https"
    if protocol == "ssl":
        protocol = "tls"
    return Service(
        host=address,
        port=result.port,
        protocol=protocol,
        transport=result.protocol,
        tls=tls,
        product=result.product,
        version=result.version,
        banner=result.banner_text(200),
        certificate=result.facts.get("certificate", {}),
    )


# --- the scanner --------------------------------------------------------------------------------


class PortsScanner(Scanner):
    """Open TCP ports, the services behind them and SNMP with default communities."""

    name = "ports"
    title = "Network services"
    version = "1.1.0"
    target_kinds = ("hostname", "ip", "url")
    #: It reports every open port it identified (ctx.discovered): the scan then runs the
    #: service scanners (http, tls, ssh...) on each.
    discovers = True
    checks = CHECKS
    options_schema = PortsOptionsSchema
    timeout = 600.0

    def run(self, ctx: ScanContext) -> Iterator[Finding]:
        options = PortsOptionsSchema().load(ctx.options)
        ctx.check_cancelled()
        host = ctx.target.host
        address, family = resolve(host, ctx.scope)
        ports: list[int] = options["ports"]
        if ports is None:
            ports = list(TOP_PORTS[: options["top"]])
        binary = nmap_path() if options["use_nmap"] else None
        method = "nmap" if binary else "connect scan"
        ctx.progress(0, f"scanning {len(ports)} TCP ports of {host} ({address}) by {method}")
        if binary:
            results, complete = self._nmap(ctx, binary, address, family, ports, options)
        else:
            results, complete = self._connect(ctx, address, family, ports, options)
        open_ports = [result for result in results if result.is_open]
        for result in open_ports:
            identify(result, options["service_ports"])
        ctx.check_cancelled()
        ctx.progress(85, f"{len(open_ports)} open ports: probing their services")
        control = cs.Control(ctx.seconds_left, ctx.cancelled)
        snmp_answers = _run_async(
            self._probe(address, family, open_ports, options, control, relay_addresses(host))
        )
        ctx.check_cancelled()
        for result in open_ports:
            ctx.discovered(discovered_service(address, result))
        yield from self.judge(host, open_ports, options["allowlist"])
        for port, community, message in snmp_answers:
            yield self.finding(
                "ports.snmp_default_community",
                _host_port(host, port, "udp"),
                {
                    "port": port,
                    "protocol": "udp",
                    "service": "snmp",
                    "community": community,
                    "snmp_version": "v2c",
                    "sys_descr": message.value_text()[:256],
                },
            )
        if not complete:
            raise TimeoutError(
                f"the deadline came before the scan finished: {len(results)} of {len(ports)} "
                f"ports were scanned, and findings were reported for those only"
            )
        ctx.progress(100, self._summary(results, len(ports)))

    # --- discovery ----------------------------------------------------------------------

    def _connect(
        self,
        ctx: ScanContext,
        address: str,
        family: int,
        ports: list[int],
        options: Mapping[str, Any],
    ) -> tuple[list[PortResult], bool]:
        def progress(done: int, total: int) -> None:
            ctx.progress(done * 80 // max(total, 1), f"connect scan: {done}/{total} ports")

        control = cs.Control(ctx.seconds_left, ctx.cancelled, progress)
        stats = cs.ConnectScanStats()
        results = _run_async(
            cs.connect_scan(
                address,
                ports,
                family,
                options["timeout"],
                options["banner_timeout"],
                options["concurrency"],
                control,
                stats=stats,
            )
        )
        if control.stopped == "cancelled":
            raise ScanCancelled()
        complete = len(results) == len(ports)
        if results and stats.states.get("filtered", 0) == len(results):
            message = (
                f"no port answered: all {len(results)} connection attempts timed out or were "
                f"dropped, so the host is unreachable or filtered by a firewall; nothing "
                f"could be judged"
            )
            log.warning("ports scan of %s: %s", address, message)
            ctx.progress(80, message)
        elif results:
            states = ", ".join(f"{count} {state}" for state, count in sorted(stats.states.items()))
            ctx.observed(f"connect scan of {address}, {len(results)} ports: {states}")
        return results, complete

    def _nmap(
        self,
        ctx: ScanContext,
        binary: str,
        address: str,
        family: int,
        ports: list[int],
        options: Mapping[str, Any],
    ) -> tuple[list[PortResult], bool]:
        """nmap -sT for the ports' states, then -sV on the open ones only, bounded."""
        ipv6 = family == socket.AF_INET6
        command = nmap_command(binary, address, ports, ipv6=ipv6, versions=False)
        report = self._run_nmap(ctx, command, (0, 40 if options["nmap_versions"] else 80))
        results = self.results_from_report(report, ports, ctx)
        open_ports = [result.port for result in results if result.is_open]
        if not options["nmap_versions"] or not open_ports:
            return results, True
        command = nmap_command(
            binary,
            address,
            open_ports,
            ipv6=ipv6,
            host_timeout=options["version_timeout"],
            intensity=options["version_intensity"],
        )
        try:
            identified = self._run_nmap(ctx, command, (40, 80))
        except (NmapFailed, TimeoutError) as exc:
            ctx.observed(f"nmap -sV gave no versions ({exc}): the ports stay, identified by probes")
            return results, True
        by_port = {item.port: item for item in identified.ports}
        if not by_port:
            ctx.observed(
                f"nmap -sV gave up on {address} after {options['version_timeout']:g} s "
                "(version_timeout): the open ports stay, identified by the appliance's probes"
            )
        for result in results:
            found = by_port.get(result.port)
            if found is not None and found.is_open:
                result.nmap_service, result.nmap_method = found.nmap_service, found.nmap_method
                result.product, result.version = found.product, found.version
                result.extrainfo = found.extrainfo
        return results, True

    def _run_nmap(self, ctx: ScanContext, command: list[str], span: tuple[int, int]) -> NmapReport:
        """Run one nmap command; its progress is reported between ``span`` percent."""
        # Leave a fifth of the time (at most 30 s) for the probes after nmap.
        budget = ctx.seconds_left()
        budget -= min(30.0, budget / 5)
        if budget <= 1:
            raise TimeoutError("not enough time left to run nmap")
        low, high = span
        log.info("running %s", " ".join(command))
        process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        output: dict[str, bytearray] = {"out": bytearray(), "err": bytearray()}

        def pump(name: str, stream: Any) -> None:
            for chunk in iter(lambda: stream.read1(65536), b""):
                output[name].extend(chunk)

        readers = [
            threading.Thread(target=pump, args=("out", process.stdout), daemon=True),
            threading.Thread(target=pump, args=("err", process.stderr), daemon=True),
        ]
        for reader in readers:
            reader.start()
        started = time.monotonic()
        try:
            while process.poll() is None:
                if ctx.cancelled():
                    raise ScanCancelled()
                if time.monotonic() - started > budget:
                    raise TimeoutError(f"nmap did not finish within {budget:.0f} seconds")
                percents = re.findall(rb'<taskprogress[^>]*percent="([\d.]+)"', output["out"])
                if percents:
                    percent = float(percents[-1])
                    ctx.progress(low + int(percent * (high - low) / 100), f"nmap: {percent:.0f}%")
                time.sleep(0.2)
        finally:
            if process.poll() is None:
                process.kill()
            process.wait()
            for reader in readers:
                reader.join(timeout=5)
        if process.returncode != 0:
            error = bytes(output["err"]).decode("utf-8", "replace").strip()[-500:]
            raise NmapFailed(f"nmap exited with status {process.returncode}: {error}")
        report = parse_nmap_xml(bytes(output["out"]))
        if report.errors:
            raise NmapFailed("nmap reported: " + "; ".join(report.errors))
        return report

    @staticmethod
    def results_from_report(
        report: NmapReport, ports: list[int], ctx: ScanContext | None = None
    ) -> list[PortResult]:
        filtered = report.extraports.get("filtered", 0) + sum(
            1 for result in report.ports if result.state == "filtered"
        )
        if ports and filtered >= len(ports):
            message = (
                f"nmap saw all {len(ports)} ports filtered: the host is unreachable or "
                f"behind a firewall that drops the probes; nothing could be judged"
            )
            log.warning("ports scan: %s", message)
            if ctx is not None:
                ctx.progress(80, message)
        elif ports and ctx is not None:
            ctx.observed(f"nmap: {len(ports) - filtered} of {len(ports)} ports answered")
        return report.ports

    # --- probes -------------------------------------------------------------------------

    async def _probe(
        self,
        address: str,
        family: int,
        open_ports: list[PortResult],
        options: Mapping[str, Any],
        control: cs.Control,
        relay: tuple[str, str] = ("probe@example.org", "probe@example.net"),
    ) -> list[tuple[int, str, Any]]:
        timeout = options["timeout"]
        limit = asyncio.Semaphore(max(1, min(options["concurrency"], 50)))

        def budget() -> float:
            return max(0.05, min(timeout, control.seconds_left()))

        async def probe(result: PortResult) -> None:
            async with limit:
                if control.should_stop():
                    return
                await self._probe_port(address, result, budget, relay)

        async def snmp_probe(port: int, community: str) -> tuple[int, str, Any] | None:
            async with limit:
                if control.should_stop():
                    return None
                message = await cs.snmp_get(address, port, community, budget(), family)
                return (port, community, message) if message is not None else None

        tasks = [probe(result) for result in open_ports]
        snmp_tasks = [
            snmp_probe(port, community)
            for port in options["snmp_ports"]
            for community in options["snmp_communities"]
        ]
        await asyncio.gather(*tasks)
        answers = [answer for answer in await asyncio.gather(*snmp_tasks) if answer]
        seen: set[int] = set()
        unique = []
        for answer in answers:
            if answer[0] not in seen:
                seen.add(answer[0])
                unique.append(answer)
        return unique

    async def _probe_port(
        self,
        address: str,
        result: PortResult,
        budget: Any,
        relay: tuple[str, str] = ("probe@example.org", "probe@example.net"),
    ) -> None:
        port, service = result.port, result.service
        if service == "ftp":
            result.facts["ftp"] = await cs.ftp_auth_tls(address, port, budget())
            if "greeting" in result.facts["ftp"] and "error" not in result.facts["ftp"]:
                result.facts["ftp_anonymous"] = await cs.ftp_anonymous_login(
                    address, port, budget()
                )
        elif service == "redis":
            answer = await cs.redis_ping(address, port, budget())
            result.facts["redis"] = answer
            if answer.get("redis"):
                result.facts["unauthenticated"] = answer.get("authentication") == "none"
            elif result.service_source == "banner" and "error" not in answer:
                result.service, result.service_source = None, ""
        elif service == "mysql" and result.banner:
            result.facts["mysql_version"] = mysql_version(result.banner)
        await self._tls_probe(address, result, budget)
        service = result.service
        if service in ("pop3", "imap", "smtp") and not speaks_tls(result):
            await self._mail_probe(address, result, budget, relay)
            return
        tls_first = (
            service in ("https", "ssl", "kubelet")
            or result.tunnel == "ssl"
            or bool(result.facts.get("tls"))
        )
        http_like = (
            service in HTTP_LIKE_SERVICES
            or "http" in result.nmap_service
            or result.tunnel == "ssl"
            or port in MGMT_API_PORTS
        )
        if not http_like:
            return
        schemes = [tls_first, not tls_first] if port in MGMT_API_PORTS else [tls_first]
        for tls in schemes:
            answered = await self._http_probes(address, result, budget, tls)
            if answered:
                break

    async def _mail_probe(
        self, address: str, result: PortResult, budget: Any, relay: tuple[str, str]
    ) -> None:
        """The plaintext mail protocols: POP3 CAPA, IMAP CAPABILITY, and an SMTP relay
        attempt (MAIL FROM / RCPT TO with foreign addresses, then RSET; never DATA)."""
        port = result.port
        if result.service == "pop3":
            result.facts["pop3"] = await cs.pop3_capabilities(address, port, budget())
        elif result.service == "imap":
            result.facts["imap"] = await cs.imap_capabilities(address, port, budget())
        elif result.service == "smtp":
            sender, recipient = relay
            answer = await cs.smtp_relay(address, port, budget(), sender, recipient)
            result.facts["smtp_relay"] = {"sender": sender, "recipient": recipient, **answer}

    async def _tls_probe(self, address: str, result: PortResult, budget: Any) -> None:
        """A TLS handshake on every port that did not name a plaintext service of its own
        (it sent nothing, a TLS alert, or only its port number says what it is), and HTTP
        inside TLS when it completes: ``https``, or ``tls`` around something else."""
        plaintext = result.banner and result.service_source == "banner" and result.service != "ssl"
        if plaintext and not result.tunnel:
            return
        answer = await cs.tls_probe(address, result.port, budget())
        if answer is None:
            return
        result.facts["tls"] = True
        result.facts["tls_version"] = answer["version"]
        result.facts["certificate"] = answer["certificate"]
        if result.service not in ("https", "kubelet", "docker", "elasticsearch", "couchdb"):
            result.service = "https" if answer["http"] else "tls"
            result.service_source = "probe"

    async def _http_probes(self, address: str, result: PortResult, budget: Any, tls: bool) -> bool:
        port = result.port
        version, pods, root = await asyncio.gather(
            cs.http_get(address, port, "/version", budget(), tls),
            cs.http_get(address, port, "/pods", budget(), tls),
            cs.http_get(address, port, "/", budget(), tls),
        )
        if version is None and pods is None and root is None:
            return False
        scheme = "https" if tls else "http"
        if version is not None:
            body = version.json()
            if version.status == 200 and isinstance(body, dict) and "ApiVersion" in body:
                result.service, result.service_source = "docker", "probe"
                result.facts["docker_api"] = {
                    "url": f"{scheme}://{address}:{port}/version",
                    "status": version.status,
                    "version": str(body.get("Version", ""))[:64],
                    "api_version": str(body.get("ApiVersion", ""))[:32],
                    "os": str(body.get("Os", ""))[:32],
                }
            elif version.status == 200 and isinstance(body, dict) and "etcdserver" in body:
                result.service, result.service_source = "etcd", "probe"
                result.facts["etcd"] = {
                    "url": f"{scheme}://{address}:{port}/version",
                    "status": version.status,
                    "version": str(body.get("etcdserver", ""))[:32],
                    "cluster_version": str(body.get("etcdcluster", ""))[:32],
                }
            elif version.status == 200 and isinstance(body, dict) and "gitVersion" in body:
                result.service, result.service_source = "kubernetes", "probe"
                result.facts["kubernetes"] = {
                    "url": f"{scheme}://{address}:{port}/version",
                    "status": version.status,
                    "version": str(body.get("gitVersion", ""))[:64],
                    "platform": str(body.get("platform", ""))[:32],
                }
            elif (
                version.status in (401, 403)
                and "docker" in version.headers.get("server", "").lower()
            ):
                result.service, result.service_source = "docker", "probe"
        if pods is not None:
            body = pods.json()
            if pods.status == 200 and isinstance(body, dict) and body.get("kind") == "PodList":
                items = body.get("items")
                result.service, result.service_source = "kubelet", "probe"
                result.facts["kubelet_pods"] = {
                    "url": f"{scheme}://{address}:{port}/pods",
                    "status": pods.status,
                    "pods": len(items) if isinstance(items, list) else 0,
                }
        if root is not None:
            body = root.json()
            headers = root.headers
            if isinstance(body, dict) and (
                body.get("tagline") == "You Know, for Search"
                or "elasticsearch" in headers.get("x-elastic-product", "").lower()
            ):
                result.service, result.service_source = "elasticsearch", "probe"
                version_info = body.get("version")
                if isinstance(version_info, dict):
                    result.facts["version"] = str(version_info.get("number", ""))[:32]
                result.facts["unauthenticated"] = root.status == 200
            elif isinstance(body, dict) and body.get("couchdb") == "Welcome":
                result.service, result.service_source = "couchdb", "probe"
                result.facts["version"] = str(body.get("version", ""))[:32]
            elif (
                root.status == 401
                and "elasticsearch" in headers.get("x-elastic-product", "").lower()
            ):
                result.service, result.service_source = "elasticsearch", "probe"
                result.facts["unauthenticated"] = False
        if "etcd" in result.facts:
            await self._etcd_probes(address, result, budget, tls)
        if "kubernetes" in result.facts:
            await self._kubernetes_probes(address, result, budget, tls)
        return True

    async def _etcd_probes(self, address: str, result: PortResult, budget: Any, tls: bool) -> None:
        """etcd's key APIs without credentials: v2 ``GET /v2/keys`` (the root directory) and
        v3 ``POST /v3/kv/range`` for the key NUL. Only status codes are kept, no key."""
        port = result.port
        base = f"{'https' if tls else 'http'}://{address}:{port}"
        keys, kv = await asyncio.gather(
            cs.http_get(address, port, "/v2/keys", budget(), tls),
            cs.http_request(address, port, "POST", "/v3/kv/range", budget(), tls, ETCD_RANGE_BODY),
        )
        keys_body = keys.json() if keys is not None else None
        kv_body = kv.json() if kv is not None else None
        v2_open = keys is not None and keys.status == 200 and isinstance(keys_body, dict)
        v3_open = kv is not None and kv.status == 200 and isinstance(kv_body, dict)
        v2_open = v2_open and "node" in keys_body
        v3_open = v3_open and "header" in kv_body
        etcd = result.facts["etcd"]
        etcd["v2_keys_status"] = keys.status if keys is not None else None
        etcd["v3_kv_range_status"] = kv.status if kv is not None else None
        if v2_open or v3_open:
            result.facts["etcd_api"] = {
                **etcd,
                "answered_without_credentials": [
                    *([f"GET {base}/v2/keys"] if v2_open else []),
                    *([f"POST {base}/v3/kv/range"] if v3_open else []),
                ],
            }

    async def _kubernetes_probes(
        self, address: str, result: PortResult, budget: Any, tls: bool
    ) -> None:
        """The Kubernetes API server's discovery (``GET /api``) and a resource listing (``GET
        /api/v1/namespaces``) without credentials; only statuses and a count are kept."""
        port = result.port
        base = f"{'https' if tls else 'http'}://{address}:{port}"
        api, namespaces = await asyncio.gather(
            cs.http_get(address, port, "/api", budget(), tls),
            cs.http_get(address, port, "/api/v1/namespaces", budget(), tls),
        )
        api_body = api.json() if api is not None else None
        list_body = namespaces.json() if namespaces is not None else None
        api_open = api is not None and api.status == 200 and isinstance(api_body, dict)
        api_open = api_open and api_body.get("kind") == "APIVersions"
        listed = namespaces is not None and namespaces.status == 200
        listed = listed and isinstance(list_body, dict) and list_body.get("kind") == "NamespaceList"
        kubernetes = result.facts["kubernetes"]
        kubernetes["api_status"] = api.status if api is not None else None
        kubernetes["namespaces_status"] = namespaces.status if namespaces is not None else None
        if api_open or listed:
            items = list_body.get("items") if listed else None
            result.facts["kubernetes_api"] = {
                **kubernetes,
                "answered_without_credentials": [
                    *([f"GET {base}/api"] if api_open else []),
                    *([f"GET {base}/api/v1/namespaces"] if listed else []),
                ],
                **({"namespaces": len(items) if isinstance(items, list) else 0} if listed else {}),
            }

    # --- judging ------------------------------------------------------------------------

    def judge(self, host: str, open_ports: list[PortResult], allowlist: list[int]) -> list[Finding]:
        """The findings for the open ports (identified and probed), in port order."""
        findings: list[Finding] = []
        allowed = set(allowlist)
        for result in sorted(open_ports, key=lambda item: item.port):
            location = _host_port(host, result.port, result.protocol)
            evidence: dict[str, Any] = {
                "port": result.port,
                "protocol": result.protocol,
                "service": result.service or "unknown",
                "identified_by": result.service_source or "nothing",
            }
            if result.version_text:
                evidence["version"] = result.version_text
            if result.banner and "mysql_version" in result.facts:
                # The rest of a MySQL handshake is a random salt: only the version is kept.
                evidence["banner"] = (
                    f"MySQL handshake, server version {result.facts['mysql_version']}"
                )
            elif result.banner:
                evidence["banner"] = result.banner_text()
            service = result.service
            if service == "telnet":
                findings.append(self.finding("ports.telnet_open", location, evidence))
            ftp = result.facts.get("ftp")
            if service == "ftp" and ftp and "tls" in ftp and not ftp["tls"]:
                findings.append(
                    self.finding(
                        "ports.ftp_cleartext_open",
                        location,
                        {
                            **evidence,
                            "greeting": ftp["greeting"],
                            "auth_tls_reply": ftp["auth_tls_reply"],
                        },
                    )
                )
            findings.extend(self._judge_logins(result, location, evidence))
            if service == "rdp":
                findings.append(self.finding("ports.rdp_exposed", location, evidence))
            if service in SMB_SERVICES:
                findings.append(self.finding("ports.smb_exposed", location, evidence))
            if service in DATABASE_SERVICES:
                extra: dict[str, Any] = {}
                db_evidence = dict(evidence)
                for key in ("redis", "mysql_version", "version"):
                    if key in result.facts:
                        db_evidence[key] = result.facts[key]
                if "unauthenticated" in result.facts:
                    db_evidence["authentication_required"] = not result.facts["unauthenticated"]
                    if result.facts["unauthenticated"]:
                        extra["severity"] = Severity.CRITICAL
                findings.append(
                    self.finding("ports.database_exposed", location, db_evidence, **extra)
                )
            for key, api in (
                ("docker_api", "Docker Engine API"),
                ("kubelet_pods", "kubelet"),
                ("etcd_api", "etcd"),
                ("kubernetes_api", "Kubernetes API"),
            ):
                if key in result.facts:
                    api_extra: dict[str, Any] = {}
                    if key == "kubernetes_api" and "namespaces" not in result.facts[key]:
                        # Only discovery is open to anonymous users: no resource was listed.
                        api_extra["severity"] = Severity.HIGH
                    findings.append(
                        self.finding(
                            "ports.unauthenticated_mgmt_api",
                            location,
                            {**evidence, "api": api, **result.facts[key]},
                            **api_extra,
                        )
                    )
            if allowed and result.port not in allowed:
                findings.append(
                    self.finding(
                        "ports.unexpected_open",
                        location,
                        {**evidence, "allowlist": sorted(allowed)},
                    )
                )
        return findings

    def _judge_logins(
        self, result: PortResult, location: str, evidence: dict[str, Any]
    ) -> list[Finding]:
        """Anonymous FTP, POP3/IMAP logins offered in clear text, and SMTP open relay."""
        findings: list[Finding] = []
        service, facts = result.service, result.facts
        anonymous = facts.get("ftp_anonymous") or {}
        if service == "ftp" and anonymous.get("login"):
            replies = {
                key: anonymous[key]
                for key in ("greeting", "user_reply", "pass_reply", "quit_reply")
                if key in anonymous
            }
            findings.append(
                self.finding(
                    "ports.ftp_anonymous_login",
                    location,
                    {**evidence, "user": cs.FTP_ANONYMOUS_USER, **replies},
                )
            )
        pop3 = facts.get("pop3") or {}
        offered = pop3_logins(pop3.get("capabilities", []))
        if service == "pop3" and not speaks_tls(result) and offered:
            capabilities = pop3["capabilities"]
            findings.append(
                self.finding(
                    "ports.pop3_cleartext_auth",
                    location,
                    {
                        **evidence,
                        "greeting": pop3["greeting"],
                        "capabilities": capabilities,
                        "logins_offered": offered,
                        "stls_offered": any(line.upper() == "STLS" for line in capabilities),
                    },
                )
            )
        imap = facts.get("imap") or {}
        capabilities = [word.upper() for word in imap.get("capabilities", [])]
        imap_login = capabilities and "LOGINDISABLED" not in capabilities
        if service == "imap" and not speaks_tls(result) and imap_login:
            findings.append(
                self.finding(
                    "ports.imap_cleartext_auth",
                    location,
                    {
                        **evidence,
                        "greeting": imap["greeting"],
                        "capabilities": imap["capabilities"],
                        "login_command": "accepted: LOGINDISABLED is not advertised",
                        "auth_mechanisms": [
                            word[5:] for word in capabilities if word.startswith("AUTH=")
                        ],
                        "starttls_offered": "STARTTLS" in capabilities,
                    },
                )
            )
        relay = facts.get("smtp_relay") or {}
        if service == "smtp" and relay.get("accepted"):
            findings.append(
                self.finding(
                    "ports.smtp_open_relay",
                    location,
                    {
                        **evidence,
                        "greeting": relay["greeting"],
                        "sender": relay["sender"],
                        "recipient": relay["recipient"],
                        "dialogue": relay["dialogue"],
                        "data_sent": False,
                    },
                )
            )
        return findings

    @staticmethod
    def _summary(results: list[PortResult], total: int) -> str:
        counts: dict[str, int] = {}
        for result in results:
            counts[result.state] = counts.get(result.state, 0) + 1
        described = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
        return f"done: {total} ports ({described or 'none reported'})"
