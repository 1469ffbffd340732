"""Running nmap and reading its XML report (``-oX -``) safely.

The XML is parsed with defusedxml, which refuses entity expansion and external entities: the
report contains text chosen by the scanned host (banners, service fingerprints), so it is
treated as untrusted input.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field

from defusedxml import ElementTree

from cyberorigen.plugins.ports.model import PortResult


class NmapReportError(Exception):
    """nmap's output is not a usable XML report."""


@dataclass
class NmapReport:
    #: The host's state (up, down, unknown) as nmap saw it; "" when no <host> element.
    host_state: str = ""
    address: str = ""
    ports: list[PortResult] = field(default_factory=list)
    #: Ports nmap summarised in <extraports> (state -> count), e.g. {"closed": 995}.
    extraports: dict[str, int] = field(default_factory=dict)
    nmap_version: str = ""
    args: str = ""
    errors: list[str] = field(default_factory=list)


def nmap_path() -> str | None:
    """The nmap binary on PATH, or None."""
    return shutil.which("nmap")


def port_spec(ports: list[int]) -> str:
    """``[22, 80, 81, 82]`` -> ``"22,80-82"`` (short enough for a command line)."""
    parts: list[str] = []
    ordered = sorted(set(ports))
    index = 0
    while index < len(ordered):
        start = end = ordered[index]
        while index + 1 < len(ordered) and ordered[index + 1] == end + 1:
            index += 1
            end = ordered[index]
        parts.append(str(start) if start == end else f"{start}-{end}")
        index += 1
    return ",".join(parts)


def nmap_command(
    binary: str,
    host: str,
    ports: list[int],
    ipv6: bool = False,
    *,
    versions: bool = True,
    host_timeout: float | None = None,
    intensity: int | None = None,
) -> list[str]:
    """nmap's connect scan of ``ports`` (``-sT``), with version detection (``-sV``, at
    ``intensity`` 0-9) unless ``versions`` is false, giving up on the host after
    ``host_timeout`` seconds."""
    command = [binary, "-sT", *(["-sV"] if versions else []), "-Pn", "-oX", "-"]
    command += ["--stats-every", "2s"]
    if versions and intensity is not None:
        command += ["--version-intensity", str(intensity)]
    if host_timeout is not None:
        command += ["--host-timeout", f"{max(1, round(host_timeout))}s"]
    if ipv6:
        command.append("-6")
    return [*command, "-p", port_spec(ports), host]


def parse_nmap_xml(data: bytes | str) -> NmapReport:
    """Read one host's ports from nmap's XML report."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise NmapReportError(f"nmap's XML report cannot be parsed: {exc}") from None
    except Exception as exc:  # defusedxml's DTDForbidden, EntitiesForbidden...
        raise NmapReportError(f"nmap's XML report was refused: {exc}") from None
    if root.tag != "nmaprun":
        raise NmapReportError(f"not an nmap XML report (root element <{root.tag}>)")
    report = NmapReport(nmap_version=root.get("version", ""), args=root.get("args", ""))
    for error in root.iter("error"):
        report.errors.append(error.get("errorstr") or (error.text or "").strip())
    finished = root.find("runstats/finished")
    if finished is not None and finished.get("exit") == "error":
        report.errors.append(finished.get("errormsg") or "nmap reported an error")
    host = root.find("host")
    if host is None:
        return report
    status = host.find("status")
    report.host_state = status.get("state", "") if status is not None else ""
    address = host.find("address")
    report.address = address.get("addr", "") if address is not None else ""
    for extra in host.iter("extraports"):
        try:
            count = int(extra.get("count", "0"))
        except ValueError:
            count = 0
        state = extra.get("state", "")
        report.extraports[state] = report.extraports.get(state, 0) + count
    for element in host.iter("port"):
        try:
            number = int(element.get("portid", ""))
        except ValueError:
            continue
        state_element = element.find("state")
        service = element.find("service")
        result = PortResult(
            port=number,
            protocol=element.get("protocol", "tcp"),
            state=state_element.get("state", "") if state_element is not None else "",
            reason=state_element.get("reason", "") if state_element is not None else "",
        )
        if service is not None:
            result.nmap_service = service.get("name", "")
            result.nmap_method = service.get("method", "")
            result.product = service.get("product", "")
            result.version = service.get("version", "")
            result.extrainfo = service.get("extrainfo", "")
            result.tunnel = service.get("tunnel", "")
        for script in element.iter("script"):
            if script.get("id") == "banner" and script.get("output"):
                result.banner = script.get("output", "").encode("latin-1", "replace")[:256]
        report.ports.append(result)
    return report
