"""The asset inventory: the hosts an organization's scans found answering, and their services.

Discovery (a scanner that reports services with ``ScanContext.discovered``) feeds it while a
scan runs: each host becomes an asset (by address, with the names it was scanned under), each
open port a service of it, first and last seen. A new asset is an ``asset.discovered`` event,
a new service a ``service.discovered`` event, each in the transaction that records it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from peewee import IntegrityError

from cyberorigen.db import database
from cyberorigen.db.models import Asset, Scan, Service, utcnow
from cyberorigen.plugin_api.interfaces import Service as FoundService
from cyberorigen.plugin_api.interfaces import Target
from cyberorigen.services.outbox import record_event
from cyberorigen.services.tenancy import owned

BANNER_CHARS = 500


def _found_or_created(model, key, create: Callable[[], Any], announce: Callable[[Any], None]):
    """``(row, created)``: the row ``key`` selects, else one ``create()`` makes and
    ``announce(row)`` records the event of, in one transaction (a concurrent scan that created
    it just now wins, and nothing is announced twice)."""
    row = model.get_or_none(key)
    if row is not None:
        return row, False
    try:
        with database.atomic():
            row = create()
            announce(row)
        return row, True
    except IntegrityError:
        return model.get(key), False


def _asset(scan: Scan, address: str, name: str | None) -> Asset:
    """The organization's asset at ``address``, created (with its event) if it is new."""
    row, created = _found_or_created(
        Asset,
        (Asset.organization == scan.organization_id) & (Asset.address == address),
        lambda: Asset.create(
            organization=scan.organization_id,
            address=address,
            names=[name] if name else [],
            last_scan=scan,
        ),
        lambda row: record_event(
            scan.organization_id,
            "asset.discovered",
            {
                "asset_id": row.public_id,
                "address": address,
                "names": list(row.names),
                "scan_id": scan.public_id,
            },
        ),
    )
    if created:
        return row
    names = list(row.names)
    if name and name not in names:
        names.append(name)
    Asset.update(names=names, last_seen=utcnow(), last_scan=scan).where(
        Asset.id == row.id
    ).execute()
    row.names = names
    return row


def record_service(scan: Scan, unit: Target, found: FoundService) -> Service:
    """Record a service that ``scan`` found on the host of ``unit``: its asset and the
    service row, created or brought up to date."""
    name = unit.host if unit.kind == "hostname" else None
    asset = _asset(scan, found.host, name)
    values: dict[str, Any] = {
        "protocol": found.protocol[:40],
        "tls": found.tls,
        "product": found.product[:200],
        "version": found.version[:200],
        "banner": found.banner[:BANNER_CHARS],
        "certificate": dict(found.certificate),
        "last_seen": utcnow(),
    }
    row, created = _found_or_created(
        Service,
        (Service.asset == asset)
        & (Service.port == found.port)
        & (Service.transport == found.transport),
        lambda: Service.create(
            organization=scan.organization_id,
            asset=asset,
            port=found.port,
            transport=found.transport,
            **values,
        ),
        lambda row: record_event(
            scan.organization_id,
            "service.discovered",
            {
                "asset_id": asset.public_id,
                "service_id": row.public_id,
                "address": found.address,
                "port": found.port,
                "transport": found.transport,
                "protocol": found.protocol,
                "scan_id": scan.public_id,
            },
        ),
    )
    if created:
        return row
    Service.update(**values).where(Service.id == row.id).execute()
    return Service.get_by_id(row.id)


def service_row(scan: Scan, found: FoundService) -> Service | None:
    """The inventory's row of a service ``scan``'s discovery recorded."""
    return (
        Service.select()
        .join(Asset)
        .where(
            (Asset.organization == scan.organization_id)
            & (Asset.address == found.host)
            & (Service.port == found.port)
            & (Service.transport == found.transport)
        )
        .first()
    )


def asset_of(org_id: int, address: str) -> Asset | None:
    return Asset.get_or_none((Asset.organization == org_id) & (Asset.address == address))


def assets_query(org_id: int, filters: Mapping[str, Any] | None = None):
    """The organization's assets, most recently seen first; by ``address``, ``name`` (one of
    its names), ``protocol`` or ``port`` (of one of its services) when given."""
    filters = filters or {}
    query = Asset.select().where(Asset.organization == org_id)
    if filters.get("address"):
        query = query.where(Asset.address == filters["address"])
    if filters.get("name"):
        query = query.where(Asset.names.contains(f'"{filters["name"]}"'))
    if filters.get("protocol") or filters.get("port"):
        services = Service.select(Service.asset).where(Service.organization == org_id)
        if filters.get("protocol"):
            services = services.where(Service.protocol == filters["protocol"])
        if filters.get("port"):
            services = services.where(Service.port == filters["port"])
        query = query.where(Asset.id.in_(services))
    return query.order_by(Asset.last_seen.desc(), Asset.id.desc())


def get_asset(org_id: int, public_id: str) -> Asset:
    return owned(Asset, org_id, public_id, "asset")


def services_of(asset: Asset) -> list[Service]:
    return list(asset.services.order_by(Service.port, Service.transport))
