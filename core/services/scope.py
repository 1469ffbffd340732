"""What an organization may scan: domains (with their subdomains), addresses and networks."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from peewee import IntegrityError

from cyberorigen.db import database
from cyberorigen.db.models import ScopeEntry
from cyberorigen.errors import Conflict, NotFound, ValidationFailed
from cyberorigen.plugin_api.interfaces import Target
from cyberorigen.services.targets import is_hostname


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
            raise ValidationFailed("value: not a valid CIDR network", "value") from None
    if value.startswith("*."):
        value = value[2:]
    if is_hostname(value):
        return value, "domain"
    raise ValidationFailed("value: must be a domain, an IP address or a CIDR network", "value")


def add_scope_entry(org_id: int, raw: str) -> ScopeEntry:
    value, kind = parse_scope_value(raw)
    try:
        with database.atomic():
            return ScopeEntry.create(organization=org_id, value=value, kind=kind)
    except IntegrityError:
        raise Conflict(f"{value} is already in scope", "value") from None


def scope_query(org_id: int):
    return ScopeEntry.select().where(ScopeEntry.organization == org_id)


def get_scope_entry(org_id: int, public_id: str) -> ScopeEntry:
    entry = ScopeEntry.get_or_none(
        (ScopeEntry.public_id == public_id) & (ScopeEntry.organization == org_id)
    )
    if entry is None:
        raise NotFound("scope entry")
    return entry


def in_scope(org_id: int, target: str) -> bool:
    """Whether ``target`` (a normalized scan target) is covered by the organization's scope."""
    return scope_matcher(org_id)(target)


def scope_matcher(org_id: int) -> Callable[[str], bool]:
    """A test of targets against the organization's scope as it is now (read once)."""
    domains: list[str] = []
    addresses: set = set()
    networks: list = []
    for entry in scope_query(org_id):
        if entry.kind == "domain":
            domains.append(entry.value)
        elif entry.kind == "ip":
            addresses.add(ipaddress.ip_address(entry.value))
        elif entry.kind == "network":
            networks.append(ipaddress.ip_network(entry.value))

    def matches(target: str) -> bool:
        host = Target.parse(target).host.lower()
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return any(host == value or host.endswith("." + value) for value in domains)
        if address in addresses:
            return True
        return any(
            address.version == network.version and address in network for network in networks
        )

    return matches
