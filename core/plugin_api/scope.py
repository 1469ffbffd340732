"""What a running scan may contact: :class:`ScanScope`, given to every scanner as ``ctx.scope``.

Scope is checked on the target when a scan is created, and here again on every address a
scanner is about to contact, whether it comes from the target (its A/AAAA records, which may
have changed since: DNS rebinding) or was discovered during the scan (MX and NS hosts, a
redirect). An address may be contacted when

- it is in none of the networks the operator forbids (``scope.forbidden_networks``: loopback,
  link-local with the cloud metadata addresses, unspecified; IPv6 spellings that embed such
  an IPv4 address count as that address), and
- the name it was found for is in the organization's scope (a scope domain or one of its
  subdomains), or the address itself is (a scope address or network).

A DNS server named in a scanner's options (``resolver``) may be asked when it is in the
organization's scope or the operator allows it (``scope.allowed_resolvers``).

Scanners never connect before asking: :meth:`ScanScope.addresses` resolves a host and keeps
only the addresses it may contact; :meth:`ScanScope.check` judges one address found
otherwise. A host that may not be contacted is not contacted at all, so what it would have
answered is never learnt; report it as an informational finding, not as an error.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cyberorigen.plugin_api.net import IPAddress, IPNetwork, address_forms


class OutOfScope(Exception):
    """The host or address may not be contacted by this scan; the message says why (it was
    not contacted, so nothing about its answer is known)."""


def _parse_address(value: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(value.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


@dataclass(frozen=True)
class ScanScope:
    """The organization's scope as it was when the scanner started, under the operator's
    policy. ``unrestricted`` (for a plugin author's own tests, see
    :mod:`cyberorigen.plugin_api.testing`) contacts anything; a worker never uses it."""

    domains: tuple[str, ...] = ()
    networks: tuple[IPNetwork, ...] = ()
    forbidden_networks: tuple[IPNetwork, ...] = ()
    allowed_resolvers: tuple[IPNetwork, ...] = ()
    unrestricted: bool = False
    resolver: Callable[..., Any] = field(default=socket.getaddrinfo, compare=False, repr=False)
    #: Addresses found allowed for a name in scope (by :meth:`refusal`): what
    #: :meth:`guarding` lets the scanner's thread connect to.
    approved: set = field(default_factory=set, compare=False, repr=False)

    @classmethod
    def anything(cls) -> ScanScope:
        return cls(unrestricted=True)

    def covers_name(self, host: str) -> bool:
        """Whether the name ``host`` is a scope domain or one of its subdomains."""
        name = host.strip().rstrip(".").lower()
        return any(name == domain or name.endswith("." + domain) for domain in self.domains)

    def covers_address(self, address: IPAddress) -> bool:
        """Whether the address itself is a scope address or in a scope network."""
        form = address_forms(address)[0]
        return any(form.version == net.version and form in net for net in self.networks)

    def forbidden(self, address: IPAddress) -> bool:
        """Whether the address (or an IPv4 address it embeds) is in a forbidden network."""
        return any(
            form.version == net.version and form in net
            for form in address_forms(address)
            for net in self.forbidden_networks
        )

    def refusal(self, host: str, address: IPAddress | str) -> str | None:
        """Why ``address`` (found for ``host``, a name or the address itself) may not be
        contacted; None when it may."""
        parsed = address if not isinstance(address, str) else _parse_address(address)
        if parsed is None:
            return f"{address} is not an IP address"
        if self.forbidden(parsed):
            return f"{host} ({parsed}) is in a network no organization may scan"
        if self.unrestricted or self.covers_address(parsed):
            return None
        if _parse_address(host) is None and self.covers_name(host):
            self.approved.add(address_forms(parsed)[0])
            return None
        return f"{host} ({parsed}) is outside the organization's scope"

    def check(self, host: str, address: IPAddress | str) -> None:
        """Raise :class:`OutOfScope` unless ``address`` of ``host`` may be contacted."""
        why = self.refusal(host, address)
        if why:
            raise OutOfScope(f"{why}: not contacted")

    def allowed(self, host: str, addresses: Iterable[str]) -> list[str]:
        """The addresses of ``host`` that may be contacted, in their order. Raises
        :class:`OutOfScope` (naming the first refusal) when none may."""
        kept, refusals = [], []
        for address in addresses:
            why = self.refusal(host, address)
            if why is None:
                kept.append(address)
            else:
                refusals.append(why)
        if refusals and not kept:
            raise OutOfScope(f"{refusals[0]}: not contacted")
        return kept

    def addresses(self, host: str, port: int | None = None) -> list[str]:
        """Resolve ``host`` with the system's resolver and return the addresses that may
        be contacted (an address given as ``host`` is judged as it is). Raises
        :class:`OutOfScope` when none may, ``socket.gaierror`` when the name does not
        resolve."""
        literal = _parse_address(host)
        if literal is not None:
            self.check(host, literal)
            return [str(literal)]
        found: list[str] = []
        for info in self.resolver(host, port, type=socket.SOCK_STREAM):
            address = str(info[4][0]).split("%", 1)[0]
            if address not in found:
                found.append(address)
        if not found:
            raise socket.gaierror(f"{host} has no address")
        return self.allowed(host, found)

    def check_resolver(self, address: str) -> None:
        """Raise :class:`OutOfScope` unless the DNS server at ``address`` may be asked."""
        parsed = _parse_address(address)
        if parsed is None:
            raise OutOfScope(f"{address} is not an IP address")
        if self._allowed_resolver(parsed):
            return
        why = self.refusal(address, parsed)
        if why:
            raise OutOfScope(
                f"{why}, and not a resolver the operator allows (scope.allowed_resolvers): "
                "not asked"
            )

    def _allowed_resolver(self, address: IPAddress) -> bool:
        form = address_forms(address)[0]
        return any(form.version == net.version and form in net for net in self.allowed_resolvers)

    def connection_refusal(self, destination: Any) -> str | None:
        """Why a socket of the scanner's thread may not connect or send to ``destination``
        (a socket address); None when it may."""
        if not isinstance(destination, tuple) or not destination:
            return f"{destination!r} is not an internet address"
        host = str(destination[0])
        parsed = _parse_address(host)
        if parsed is None:  # a name given to connect() itself: judged by what it resolves to
            try:
                self.addresses(host)
            except (OutOfScope, OSError, UnicodeError) as exc:
                return str(exc)
            return None
        if self._allowed_resolver(parsed) or address_forms(parsed)[0] in self.approved:
            return None
        return self.refusal(host, parsed)

    @contextmanager
    def guarding(self) -> Iterator[None]:
        """While inside, every ``connect``/``sendto`` of a socket of this thread is checked
        against this scope and raises :class:`OutOfScope` instead of reaching an address
        it does not allow; a name in scope that the thread resolves (``getaddrinfo``) has
        its allowed addresses approved. Threads started from inside are not covered."""
        _install_audit_hook()
        previous = getattr(_guarded, "scope", None)
        _guarded.scope = self
        try:
            yield
        finally:
            _guarded.scope = previous


_guarded = threading.local()
_hook_lock = threading.Lock()
_hook_installed = False
_CHECKED_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg"})


def _audit(event: str, args: tuple) -> None:
    if not event.startswith("socket."):
        return
    scope: ScanScope | None = getattr(_guarded, "scope", None)
    if scope is None or scope.unrestricted and not scope.forbidden_networks:
        return
    if event == "socket.getaddrinfo":
        host = args[0]
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        if isinstance(host, str) and _parse_address(host) is None and scope.covers_name(host):
            _guarded.scope = None  # the look-up below is the guard's own
            try:
                scope.addresses(host)
            except (OutOfScope, OSError, UnicodeError):
                pass  # nothing approved: a connection to what the caller finds is refused
            finally:
                _guarded.scope = scope
        return
    if event not in _CHECKED_EVENTS or (event == "socket.sendmsg" and args[1] is None):
        return
    if args[0].family not in (socket.AF_INET, socket.AF_INET6):
        why = "a scanner may only connect to internet addresses"
    else:
        _guarded.scope = None
        try:
            why = scope.connection_refusal(args[1])
        finally:
            _guarded.scope = scope
    if why:
        raise OutOfScope(f"{why}: not contacted")


def _install_audit_hook() -> None:
    """Audit hooks cannot be removed: one, installed on first use, serves every guard."""
    global _hook_installed
    with _hook_lock:
        if not _hook_installed:
            sys.addaudithook(_audit)
            _hook_installed = True
