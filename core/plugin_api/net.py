"""Reaching a receiver without being turned against the appliance's own network (SSRF).

A webhook URL is chosen by a user. Before every connection the host is resolved here, every
address is checked, and the connection goes to the checked address itself (the HTTP ``Host``
header and TLS server name stay the URL's name), so a name that resolves to a public address
when the webhook is saved and to an internal one when it fires (DNS rebinding) is still
refused. Refused: every address that is not globally routable (loopback, private ranges,
link-local and with it cloud metadata at 169.254.169.254, carrier-grade NAT, multicast,
reserved, unspecified), and IPv6 addresses that embed a refused IPv4 address (IPv4-mapped
``::ffff:7f00:1``, IPv4-compatible ``::7f00:1``, NAT64 ``64:ff9b::7f00:1``, 6to4
``2002:7f00:1::``, Teredo: see :func:`embedded_ipv4`), unless the setting
``webhooks.allowed_networks`` lists a network that contains it. Decimal or octal spellings
of an address (``2130706433``, ``0177.0.0.1``) resolve to the address they mean and are
checked as such.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import urllib3

from cyberorigen.plugin_api.interfaces import EndpointGone, PermanentError, Sent, TransientError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

#: Cloud metadata services, named in messages (all are also non-global addresses).
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(item) for item in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
EXCERPT_BYTES = 1024
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
_NAT64_WELL_KNOWN = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def embedded_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries, which a translator or tunnel may deliver
    to: IPv4-mapped (``::ffff:a.b.c.d``), IPv4-compatible (``::a.b.c.d``), NAT64 (the
    well-known ``64:ff9b::/96`` and the local-use ``64:ff9b:1::/48``, at the /96 and the /48
    positions of RFC 6052), 6to4 (``2002:AABB:CCDD::``) and Teredo (server and client)."""
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    found: list[ipaddress.IPv4Address] = []
    low32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address in _IPV4_COMPATIBLE and int(address) > 1:
        found.append(low32)
    if address in _NAT64_WELL_KNOWN or address in _NAT64_LOCAL:
        found.append(low32)
    if address in _NAT64_LOCAL:
        packed = address.packed
        found.append(ipaddress.IPv4Address(packed[6:8] + packed[9:11]))
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    return found


def address_forms(address: IPAddress) -> list[IPAddress]:
    """What reaching ``address`` may reach: an IPv4-mapped address is its IPv4 address; any
    other address is itself and every IPv4 address it embeds."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return [address.ipv4_mapped]
    return [address, *embedded_ipv4(address)]


class AddressRefused(PermanentError):
    """The destination resolves to an address the network policy refuses."""


@dataclass(frozen=True)
class NetworkPolicy:
    """Which addresses may be reached, and how long to wait."""

    allowed_networks: tuple[IPNetwork, ...] = ()
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    ca_file: str | None = None
    resolver: Any = field(default=socket.getaddrinfo, compare=False, repr=False)

    def refusal(self, address: IPAddress) -> str | None:
        """Why ``address`` may not be reached (None when it may): it, or an IPv4 address it
        embeds, is not public and not in ``allowed_networks``."""
        for form in address_forms(address):
            if any(form in network for network in self.allowed_networks):
                continue
            spelled = str(address) if form == address else f"{address} (embedding {form})"
            if form in METADATA_ADDRESSES:
                return f"{spelled} is a cloud metadata address"
            if not form.is_global or form.is_multicast:
                kind = (
                    "loopback"
                    if form.is_loopback
                    else "link-local"
                    if form.is_link_local
                    else "private or reserved"
                )
                return f"{spelled} is a {kind} address"
        return None

    def resolve(self, host: str, port: int) -> list[IPAddress]:
        """Every address of ``host``, each allowed by the policy; raises
        :class:`AddressRefused` naming the first refused one, TransientError when the name
        does not resolve now."""
        try:
            infos = self.resolver(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise TransientError(f"cannot resolve {host}: {exc}") from None
        addresses: list[IPAddress] = []
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            raise TransientError(f"{host} has no address")
        for address in addresses:
            why = self.refusal(address)
            if why:
                raise AddressRefused(
                    f"{host} resolves to {why}; refused (allow it with webhooks.allowed_networks)"
                )
        return addresses


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in values if item)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        from datetime import UTC, datetime
        from email.utils import parsedate_to_datetime

        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max((moment - datetime.now(UTC)).total_seconds(), 0.0)


_POOLS: OrderedDict[tuple, urllib3.HTTPConnectionPool] = OrderedDict()
_POOLS_LOCK = threading.Lock()
MAX_POOLS = 64


def _pool(policy: NetworkPolicy, scheme: str, address: str, port: int, host: str):
    """A keep-alive connection pool to a checked address (kept per process, the least
    recently used closed beyond ``MAX_POOLS``). Keyed on the address, so a name that now
    resolves elsewhere gets a pool of its own."""
    key = (scheme, address, port, host, policy.ca_file, policy.connect_timeout, policy.read_timeout)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is not None:
            _POOLS.move_to_end(key)
            return pool
        timeout = urllib3.Timeout(connect=policy.connect_timeout, read=policy.read_timeout)
        common: dict[str, Any] = {"port": port, "timeout": timeout, "retries": False, "maxsize": 4}
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address,
                server_hostname=host,
                assert_hostname=host,
                cert_reqs="CERT_REQUIRED",
                ca_certs=policy.ca_file,
                **common,
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, **common)
        _POOLS[key] = pool
        while len(_POOLS) > MAX_POOLS:
            _, old = _POOLS.popitem(last=False)
            old.close()
        return pool


def post(policy: NetworkPolicy, url: str, body: bytes, headers: Mapping[str, str]) -> Sent:
    """POST ``body`` to ``url`` through ``policy``: no redirect is followed, 2xx is success,
    410 raises :class:`EndpointGone`, 408/429/5xx, timeouts and connection errors raise
    :class:`TransientError` (with ``Retry-After``), any other status :class:`PermanentError`."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PermanentError(f"not an http(s) URL: {url}")
    host = parts.hostname
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = str(policy.resolve(host, port)[0])
    pool = _pool(policy, parts.scheme, address, port, host)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    host_header = host if parts.port is None else f"{host}:{parts.port}"
    if ":" in host and parts.port is None:
        host_header = f"[{host}]"
    try:
        response = pool.urlopen(
            "POST",
            path,
            body=body,
            headers={"Host": host_header, **headers},
            redirect=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            excerpt = response.read(EXCERPT_BYTES, decode_content=False)
        finally:
            response.release_conn()
    except urllib3.exceptions.TimeoutError as exc:
        raise TransientError(f"timed out: {exc}") from None
    except urllib3.exceptions.SSLError as exc:
        raise TransientError(f"TLS failed: {exc}") from None
    except urllib3.exceptions.HTTPError as exc:
        raise TransientError(f"connection failed: {exc}") from None
    status = response.status
    text = excerpt.decode("utf-8", "replace")
    if 200 <= status < 300:
        return Sent(status, text)
    details = {"status_code": status, "response": text}
    if status == 410:
        raise EndpointGone("the receiver answered 410 Gone", **details)
    if status in (408, 429) or status >= 500:
        raise TransientError(
            f"the receiver answered {status}",
            retry_after=_retry_after(response.headers.get("Retry-After")),
            **details,
        )
    if 300 <= status < 400:
        raise PermanentError(
            f"the receiver answered {status} (redirects are not followed; use the final URL)",
            **details,
        )
    raise PermanentError(f"the receiver answered {status}", **details)
