"""Reaching a receiver without being turned against the appliance's own network (SSRF).

A webhook URL is chosen by a user. Before every connection the host is resolved here, every
address is checked, and the connection goes to the checked address itself (the HTTP ``Host``
header and TLS server name stay the URL's name), so a name that resolves to a public address
when the webhook is saved and to an internal one when it fires (DNS rebinding) is still
refused. Refused: every address that is not globally routable (loopback, private ranges,
link-local and with it cloud metadata at 169.254.169.254, carrier-grade NAT, multicast,
reserved, unspecified, and IPv4-mapped forms of these), unless the setting
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
        """Why ``address`` may not be reached (None when it may)."""
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if any(address in network for network in self.allowed_networks):
            return None
        if address in METADATA_ADDRESSES:
            return f"{address} is a cloud metadata address"
        if not address.is_global or address.is_multicast:
            kind = (
                "loopback"
                if address.is_loopback
                else "link-local"
                if address.is_link_local
                else "private or reserved"
            )
            return f"{address} is a {kind} address"
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
