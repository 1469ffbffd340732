"""The network-services scanner: finds the target's open TCP ports (with nmap when it is
installed, else with the built-in connect scan), names the service on each, probes the ones
that matter and reports exposed risky services.

Steps: resolve the host (a name that does not resolve is an error), discover (nmap
``-sT -sV -Pn`` or the connect scan), identify (see :mod:`.identify`), probe (FTP AUTH TLS,
Redis PING, Docker ``/version``, kubelet ``/pods``, Elasticsearch/CouchDB ``/``, SNMP on UDP),
then judge. Findings are yielded for what was scanned even when the deadline cuts the scan
short; the scan then ends with a TimeoutError that says how far it got.
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
    Severity,
)
from cyberorigen.plugins.ports import connect_scan as cs
from cyberorigen.plugins.ports.checks import (
    CHECKS,
    DATABASE_SERVICES,
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
            "description": "Use nmap (-sT -sV) when it is installed (default true); false "
            "always uses the built-in connect scan."
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


# --- the scanner --------------------------------------------------------------------------------


class PortsScanner(Scanner):
    """Open TCP ports, the services behind them and SNMP with default communities."""

    name = "ports"
    title = "Network services"
    version = "1.0.0"
    target_kinds = ("hostname", "ip", "url")
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
            results, complete = self._nmap(ctx, binary, address, family, ports)
        else:
            results, complete = self._connect(ctx, address, family, ports, options)
        open_ports = [result for result in results if result.is_open]
        for result in open_ports:
            identify(result, options["service_ports"])
        ctx.check_cancelled()
        ctx.progress(85, f"{len(open_ports)} open ports: probing their services")
        control = cs.Control(ctx.seconds_left, ctx.cancelled)
        snmp_answers = _run_async(self._probe(address, family, open_ports, options, control))
        ctx.check_cancelled()
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
        self, ctx: ScanContext, binary: str, address: str, family: int, ports: list[int]
    ) -> tuple[list[PortResult], bool]:
        command = nmap_command(binary, address, ports, ipv6=family == socket.AF_INET6)
        # Leave a fifth of the time (at most 30 s) for the probes after nmap.
        budget = ctx.seconds_left()
        budget -= min(30.0, budget / 5)
        if budget <= 1:
            raise TimeoutError("not enough time left to run nmap")
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
                    ctx.progress(int(percent * 0.8), f"nmap: {percent:.0f}%")
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
        return self.results_from_report(report, ports, ctx), True

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
    ) -> list[tuple[int, str, Any]]:
        timeout = options["timeout"]
        limit = asyncio.Semaphore(max(1, min(options["concurrency"], 50)))

        def budget() -> float:
            return max(0.05, min(timeout, control.seconds_left()))

        async def probe(result: PortResult) -> None:
            async with limit:
                if control.should_stop():
                    return
                await self._probe_port(address, result, budget)

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

    async def _probe_port(self, address: str, result: PortResult, budget: Any) -> None:
        port, service = result.port, result.service
        if service == "ftp":
            result.facts["ftp"] = await cs.ftp_auth_tls(address, port, budget())
        elif service == "redis":
            answer = await cs.redis_ping(address, port, budget())
            result.facts["redis"] = answer
            if answer.get("redis"):
                result.facts["unauthenticated"] = answer.get("authentication") == "none"
            elif result.service_source == "banner" and "error" not in answer:
                result.service, result.service_source = None, ""
        elif service == "mysql" and result.banner:
            result.facts["mysql_version"] = mysql_version(result.banner)
        tls_first = service in ("https", "ssl", "kubelet") or result.tunnel == "ssl"
        http_like = (
            service in ("http", "https", "ssl", "docker", "kubelet", "elasticsearch", "couchdb")
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
        return True

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
            for key, api in (("docker_api", "Docker Engine API"), ("kubelet_pods", "kubelet")):
                if key in result.facts:
                    findings.append(
                        self.finding(
                            "ports.unauthenticated_mgmt_api",
                            location,
                            {**evidence, "api": api, **result.facts[key]},
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

    @staticmethod
    def _summary(results: list[PortResult], total: int) -> str:
        counts: dict[str, int] = {}
        for result in results:
            counts[result.state] = counts.get(result.state, 0) + 1
        described = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
        return f"done: {total} ports ({described or 'none reported'})"
