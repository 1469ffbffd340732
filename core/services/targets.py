"""What may be scanned, parsed once at the edge into one typed value.

A scan's target is one item or a list of them (separated by commas): a hostname, an
IPv4/IPv6 address, an http(s) URL, ``host:port`` (``[2001:db8::1]:8443``), a CIDR network
(``10.0.0.0/24``) or a range of addresses (``10.0.0.10-10.0.0.40``). :func:`parse_targets`
checks and normalizes it into :class:`ScanTargets`; its ``text`` is what the scan stores, and
its ``units`` are what the scanners examine, one host (or URL, or service) each.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from cyberorigen.plugin_api.interfaces import Target

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_HOST_PORT = re.compile(r"^(?:\[(?P<v6>[0-9a-f:.]+)\]|(?P<host>[^:\[\]]+)):(?P<port>\d{1,5})$")
#: Items of a list are separated by commas (spaces around them allowed); a space alone is no
#: separator, so "not a host" is one item, refused, rather than three hostnames.
_SEPARATORS = re.compile(r"\s*,\s*")

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def is_hostname(value: str) -> bool:
    name = value.rstrip(".")
    if not name or len(name) > 253:
        return False
    labels = name.split(".")
    return all(_LABEL.match(label) for label in labels) and not labels[-1].isdigit()


def is_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def normalize_target(raw: str) -> str:
    """The canonical form of one host-like target (hostname, address or URL); ValueError says
    why one is refused."""
    value = raw.strip()
    if not value:
        raise ValueError("must not be empty")
    if "://" in value:
        parts = urlsplit(value)
        if parts.scheme.lower() not in ("http", "https"):
            raise ValueError("a URL target must use http or https")
        host = parts.hostname or ""
        try:
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError:
            raise ValueError("the URL has an invalid port") from None
        if not (is_hostname(host) or is_ip_address(host)):
            raise ValueError("the URL has no valid host name or address")
        return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()
    candidate = value.strip("[]").lower()
    if is_ip_address(candidate):
        return str(ipaddress.ip_address(candidate))
    if is_hostname(candidate):
        return candidate.rstrip(".")
    raise ValueError(
        "must be a hostname, an IPv4/IPv6 address, an http(s) URL, host:port, a CIDR network "
        "or a range of addresses"
    )


@dataclass(frozen=True)
class TargetItem:
    """One item of a scan's target, normalized: ``kind`` is ``hostname``, ``ip``, ``url``,
    ``service`` (host:port), ``network`` or ``range``."""

    text: str
    kind: str

    def networks(self) -> list[IPNetwork]:
        """The networks a ``network`` or ``range`` item covers (none for the others)."""
        if self.kind == "network":
            return [ipaddress.ip_network(self.text)]
        if self.kind == "range":
            first, last = (ipaddress.ip_address(end) for end in self.text.split("-"))
            return list(ipaddress.summarize_address_range(first, last))
        return []

    def address_count(self) -> int:
        networks = self.networks()
        return sum(network.num_addresses for network in networks) if networks else 1

    def units(self) -> Iterator[Target]:
        """Its addresses (a network's hosts: without its network and broadcast addresses
        when it has more than two; a range's every address), or the item itself."""
        for network in self.networks():
            whole = self.kind == "range" or network.num_addresses <= 2
            for address in iter(network) if whole else network.hosts():
                yield Target(str(address), "ip", str(address))
        if not self.networks():
            yield Target.parse(self.text)


@dataclass(frozen=True)
class ScanTargets:
    """Everything one scan covers."""

    items: tuple[TargetItem, ...]

    @property
    def text(self) -> str:
        """The target as the scan stores and shows it."""
        return ", ".join(item.text for item in self.items)

    def address_count(self) -> int:
        return sum(item.address_count() for item in self.items)

    def units(self) -> list[Target]:
        """Each host, URL or service to examine, once, in the order given."""
        seen: dict[str, Target] = {}
        for item in self.items:
            for unit in item.units():
                seen.setdefault(unit.value, unit)
        return list(seen.values())


def _host_port(value: str) -> TargetItem | None:
    match = _HOST_PORT.match(value)
    if match is None:
        return None
    port = int(match["port"])
    if not 1 <= port <= 65535:
        raise ValueError(f"{value}: a port is 1-65535")
    if match["v6"]:
        if not is_ip_address(match["v6"]):
            raise ValueError(f"{value}: not an IPv6 address in brackets")
        return TargetItem(f"[{ipaddress.ip_address(match['v6'])}]:{port}", "service")
    host = normalize_target(match["host"])
    return TargetItem(f"{host}:{port}", "service")


def _range(value: str) -> TargetItem | None:
    first_text, separator, last_text = value.partition("-")
    if not separator or not (is_ip_address(first_text) and is_ip_address(last_text)):
        return None
    first, last = ipaddress.ip_address(first_text), ipaddress.ip_address(last_text)
    if first.version != last.version:
        raise ValueError(f"{value}: both ends of a range are IPv4, or both IPv6")
    if first > last:
        raise ValueError(f"{value}: a range goes from the lower address to the higher")
    return TargetItem(f"{first}-{last}", "range")


def parse_item(raw: str) -> TargetItem:
    """One item, normalized; ValueError says why it is refused."""
    value = raw.strip().lower()
    if "://" in value:
        return TargetItem(normalize_target(raw), "url")
    if "/" in value:
        try:
            network = ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise ValueError(f"{raw.strip()}: not a valid CIDR network") from None
        return TargetItem(str(network), "network")
    item = _range(value) or _host_port(value)
    if item is not None:
        return item
    text = normalize_target(value)
    return TargetItem(text, "ip" if is_ip_address(text) else "hostname")


def parse_targets(raw: str) -> ScanTargets:
    """A scan's target: one item or several; ValueError says which item is refused and why."""
    parts = [part for part in _SEPARATORS.split(raw.strip()) if part]
    if not parts:
        raise ValueError("must not be empty")
    items: dict[str, TargetItem] = {}
    for part in parts:
        item = parse_item(part)
        items.setdefault(item.text, item)
    return ScanTargets(tuple(items.values()))
