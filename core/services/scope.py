"""What an organization may scan: domains (with their subdomains), addresses and networks,
within the operator's policy (``[scope]`` settings): no forbidden network, no network wider
than the configured prefix, no public suffix (``com``, ``co.uk``, ``github.io``)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import dns.resolver
from peewee import IntegrityError
from publicsuffixlist import PublicSuffixList

from cyberorigen.db import database
from cyberorigen.db.models import ScopeEntry
from cyberorigen.errors import Conflict, Invalid
from cyberorigen.plugin_api.interfaces import Scanner, Target
from cyberorigen.plugin_api.net import parse_networks
from cyberorigen.plugin_api.options import ResolverAddress
from cyberorigen.plugin_api.scope import OutOfScope, ScanScope
from cyberorigen.services import audit
from cyberorigen.services.control_marks import mark_controls_due
from cyberorigen.services.listing import newest_first
from cyberorigen.services.targets import is_hostname
from cyberorigen.services.tenancy import of_organization, owned
from cyberorigen.settings import ScopeSettings


@cache
def _public_suffixes() -> PublicSuffixList:
    """The Public Suffix List bundled with the package (never fetched at run time)."""
    return PublicSuffixList()


def policy_refusal(value: str, kind: str, policy: ScopeSettings) -> str | None:
    """Why the operator's policy refuses the normalized scope entry (None when it allows)."""
    forbidden = parse_networks(policy.forbidden_networks)
    if kind == "domain":
        if _public_suffixes().is_public(value):
            return f"{value} is a public suffix: add the organization's own domains"
        return None
    network = ipaddress.ip_network(value, strict=False)
    widest = policy.widest_ipv4_prefix if network.version == 4 else policy.widest_ipv6_prefix
    if network.prefixlen < widest:
        return (
            f"{value} is wider than the operator allows (/{widest} at most for "
            f"IPv{network.version}); add smaller networks"
        )
    # An IPv6 network also counts as the IPv4 address its first address embeds (6to4, NAT64).
    embedded = ScanScope(forbidden_networks=forbidden).forbidden(network.network_address)
    if embedded or any(
        net.version == network.version and net.overlaps(network) for net in forbidden
    ):
        return f"{value} is in a network no organization may scan (operator policy)"
    return None


def parse_scope_value(raw: str) -> tuple[str, str]:
    """(normalized value, kind) where kind is ``domain``, ``ip`` or ``network``."""
    value = raw.strip().lower().rstrip(".")
    try:
        return str(ipaddress.ip_address(value.strip("[]"))), "ip"
    except ValueError:
        pass
    if "/" in value:
        try:
            return str(ipaddress.ip_network(value, strict=False)), "network"
        except ValueError:
            raise Invalid("value", "not a valid CIDR network") from None
    if value.startswith("*."):
        value = value[2:]
    if is_hostname(value):
        return value, "domain"
    raise Invalid("value", "must be a domain, an IP address or a CIDR network")


def add_scope_entry(org_id: int, raw: str, policy: ScopeSettings) -> ScopeEntry:
    value, kind = parse_scope_value(raw)
    why = policy_refusal(value, kind, policy)
    if why:
        raise Invalid("value", f"{why}")
    try:
        with database.atomic():
            entry = ScopeEntry.create(organization=org_id, value=value, kind=kind)
            mark_controls_due(org_id)  # findings on its targets now count, or stop counting
            audit.record(
                "scope.added",
                organization_id=org_id,
                object_type="scope_entry",
                object_id=entry.public_id,
                after={"value": value, "kind": kind},
            )
            return entry
    except IntegrityError:
        raise Conflict(f"{value} is already in scope", "value") from None


def scope_query(org_id: int):
    """The organization's scope entries, newest first."""
    return newest_first(of_organization(ScopeEntry, org_id))


def delete_scope_entry(org_id: int, public_id: str) -> None:
    with database.atomic():
        entry = get_scope_entry(org_id, public_id)
        entry.delete_instance()
        mark_controls_due(org_id)
        audit.record(
            "scope.removed",
            organization_id=org_id,
            object_type="scope_entry",
            object_id=entry.public_id,
            before={"value": entry.value, "kind": entry.kind},
        )


def get_scope_entry(org_id: int, public_id: str) -> ScopeEntry:
    return owned(ScopeEntry, org_id, public_id, "scope entry")


def in_scope(org_id: int, target: str, policy: ScopeSettings | None = None) -> bool:
    """Whether ``target`` (a normalized scan target) is covered by the organization's scope
    (and, with ``policy``, is no address in a network the operator forbids)."""
    return scope_matcher(org_id, policy)(target)


def scan_scope(org_id: int, policy: ScopeSettings | None) -> ScanScope:
    """What a scan of the organization may contact, as its scope is now (read once), under
    the operator's ``policy`` (None: the scope alone, as compliance reports read it)."""
    domains: list[str] = []
    networks: list = []
    for entry in scope_query(org_id):
        if entry.kind == "domain":
            domains.append(entry.value)
        else:
            networks.append(ipaddress.ip_network(entry.value, strict=False))
    if policy is None:
        return ScanScope(domains=tuple(domains), networks=tuple(networks))
    return ScanScope(
        domains=tuple(domains),
        networks=tuple(networks),
        forbidden_networks=parse_networks(policy.forbidden_networks),
        allowed_resolvers=(*parse_networks(policy.allowed_resolvers), *system_resolvers()),
    )


def system_resolvers() -> tuple:
    """The machine's own DNS servers (/etc/resolv.conf): the operator's, so always allowed
    to the scanners that ask them when a scan names no resolver."""
    try:
        servers = dns.resolver.Resolver().nameservers
    except (dns.resolver.NoResolverConfiguration, OSError):
        return ()
    return parse_networks(str(server) for server in servers if isinstance(server, str))


def scope_matcher(org_id: int, policy: ScopeSettings | None = None) -> Callable[[str], bool]:
    """A test of targets against the organization's scope as it is now (read once): a name
    in a scope domain, an address in a scope address or network (and, with ``policy``, in
    no network the operator forbids)."""
    scope = scan_scope(org_id, policy)

    def matches(target: str) -> bool:
        host = Target.parse(target).host.lower()
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return scope.covers_name(host)
        return scope.refusal(host, address) is None

    return matches


def option_refusals(
    org_id: int,
    scanners: Mapping[str, Scanner],
    options: Mapping[str, Mapping[str, Any]],
    policy: ScopeSettings,
) -> dict[str, dict[str, list[str]]]:
    """``{scanner: {option: [why]}}`` for every DNS server named in the (loaded) options of a
    scan (fields declared as :class:`ResolverAddress`) that the scan may not ask."""
    scope = scan_scope(org_id, policy)
    refusals: dict[str, dict[str, list[str]]] = {}
    for name, values in options.items():
        scanner = scanners.get(name)
        if scanner is None or scanner.options_schema is None:
            continue
        for key, declared in scanner.options_schema().fields.items():
            value = values.get(key)
            if not isinstance(declared, ResolverAddress) or not value:
                continue
            try:
                scope.check_resolver(str(value))
            except OutOfScope as exc:
                refusals.setdefault(name, {})[key] = [str(exc)]
    return refusals
