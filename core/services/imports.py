"""Importing another tool's results: a file read by an importer plugin becomes a completed
scan of type ``import``.

The file is read whole first, within the limits (bytes, items), and checked; only then is
anything written, in one transaction: the scan, a run per target the file reports on, the
findings (through :func:`store_finding`, so fingerprinting, reopening and
``vulnerability.found`` are a scanner's), the services it lists (the asset inventory), the
check outcomes, and the findings of the same importer on those targets that the file no
longer reports, resolved. A file that fails anywhere leaves nothing behind. The compliance
steps run after the commit, as after a scanned scan.

An import never passes a check: it reports what its tool found, not what the tool checked
and found absent. Its checks without a failing finding on a target are ``inconclusive``
(``not_examined``) there.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from defusedxml import DefusedXmlException
from peewee import fn

from cyberorigen.db import database
from cyberorigen.db.models import Asset, Scan, ScanFinding, ScannerRun, utcnow
from cyberorigen.errors import Invalid, TooLarge
from cyberorigen.plugin_api.interfaces import (
    Imported,
    ImportedService,
    ImportedTarget,
    Importer,
    InvalidImport,
    Severity,
    Target,
)
from cyberorigen.services import audit
from cyberorigen.services.assets import asset_of, record_service
from cyberorigen.services.check_outcomes import CheckTally, record_run_outcomes
from cyberorigen.services.findings import announce_scan_findings, resolve_unseen, store_finding
from cyberorigen.services.outbox import record_event
from cyberorigen.services.row_counts import SCANS, count_change
from cyberorigen.services.scan_runner import scan_event_payload

log = logging.getLogger("cyberorigen.imports")

#: The scan type of an import.
IMPORT = "import"
#: How much of a file format detection reads.
HEAD_BYTES = 64 * 1024
#: Why an import's checks without a finding on a target are not passed there.
NOT_EXAMINED = "an import reports what its tool found, not what it checked and found absent"
_TEXT_LIMITS = {"title": 500, "check_id": 200}


@dataclass(frozen=True)
class ImportLimits:
    max_bytes: int = 50 * 1024 * 1024
    max_items: int = 100_000


@dataclass
class ImportResult:
    """What an import did: its scan and the counts the response reports."""

    scan: Scan
    importer: Importer
    findings: int = 0
    new: int = 0
    resolved: int = 0
    services: int = 0
    targets: list[str] = field(default_factory=list)
    #: Items of the file that were a finding already read from it (same fingerprint).
    merged: int = 0


def choose_importer(importers: Mapping[str, Importer], name: str | None, head: bytes) -> Importer:
    """The importer ``name`` names, or, without one, the only importer that recognises a
    file starting with ``head``."""
    if name:
        if name not in importers:
            known = ", ".join(sorted(importers)) or "none is installed"
            raise Invalid("format", f"unknown format {name!r}; known: {known}")
        return importers[name]
    recognised = []
    for importer in importers.values():
        try:
            if importer.detect(head[:HEAD_BYTES]):
                recognised.append(importer.name)
        except Exception:  # noqa: BLE001 - a detector that raises recognises nothing
            log.exception("importer %s: detect raised", importer.name)
    if len(recognised) == 1:
        return importers[recognised[0]]
    if not recognised:
        raise Invalid(
            "format",
            "the file's format was not recognised; name it in 'format' (one of: "
            f"{', '.join(sorted(importers))})",
        )
    raise Invalid(
        "format",
        f"the file looks like several formats ({', '.join(sorted(recognised))}); name one "
        "in 'format'",
    )


def read_upload(stream, limit: int) -> bytes:
    """The whole upload, refused (nothing kept) past ``limit`` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(
            f"The file is larger than the import limit of {limit} bytes "
            "(setting imports.max_upload_bytes).",
            "file",
        )
    return data


def _clean_target(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("file", f"{where}: it names no target")
    value = value.strip()
    if len(value) > 2048 or any(ord(char) < 32 for char in value):
        raise Invalid("file", f"{where}: its target is not a usable name ({value[:80]!r})")
    return value


def _checked(importer: Importer, item: Imported, number: int) -> Imported:
    where = f"item {number}"
    found = item.finding
    if found.check_id not in {check.id for check in importer.checks}:
        raise Invalid("file", f"{where}: check {found.check_id!r} is not one of {importer.name}'s")
    try:
        Severity(str(found.severity))
    except ValueError:
        raise Invalid("file", f"{where}: severity {found.severity!r} is not known") from None
    if not found.fingerprint:
        raise Invalid("file", f"{where}: the importer gave the finding no fingerprint")
    target = _clean_target(item.target, where)
    title = (found.title or importer.check(found.check_id).title)[: _TEXT_LIMITS["title"]]
    return Imported(target, replace(found, title=title))


def _checked_service(item: ImportedService, number: int) -> ImportedService:
    where = f"item {number}"
    service = item.service
    try:
        ipaddress.ip_address(service.host)
    except ValueError:
        raise Invalid("file", f"{where}: a service's host must be an IP address") from None
    if not isinstance(service.port, int) or not 0 < service.port < 65536:
        raise Invalid("file", f"{where}: port {service.port!r} is not a port number")
    if service.transport not in ("tcp", "udp", "sctp"):
        raise Invalid("file", f"{where}: transport {service.transport!r} is not tcp or udp")
    if item.name:
        name = _clean_target(item.name, where)
        if Target.parse(name).kind != "hostname":
            name = ""
        item = ImportedService(service, name)
    return item


def read_items(
    importer: Importer, data: bytes, target: str | None, max_items: int
) -> tuple[list[Imported], list[ImportedService], list[str]]:
    """Everything ``importer`` reads from ``data``, checked: findings, services and the
    targets it says it examined; :class:`Invalid` naming what is wrong when the file is not a
    valid file of its format or holds more than ``max_items``."""
    findings: list[Imported] = []
    services: list[ImportedService] = []
    examined: list[str] = []
    label = importer.title or importer.name
    try:
        for number, item in enumerate(importer.parse(data, target), start=1):
            if number > max_items:
                raise Invalid(
                    "file",
                    f"the file holds more than {max_items} items (setting imports.max_items)",
                )
            if isinstance(item, Imported):
                findings.append(_checked(importer, item, number))
            elif isinstance(item, ImportedService):
                services.append(_checked_service(item, number))
            elif isinstance(item, ImportedTarget):
                examined.append(_clean_target(item.target, f"item {number}"))
            else:
                raise InvalidImport(f"the importer yielded {type(item).__name__}")
    except InvalidImport as exc:
        raise Invalid("file", f"not a valid {label} file: {exc}") from None
    except DefusedXmlException:
        raise Invalid(
            "file", "the file declares XML entities or a DTD, which imports refuse"
        ) from None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        log.info("importer %s could not read a file: %r", importer.name, exc)
        raise Invalid("file", f"not a valid {label} file: it could not be read") from None
    return findings, services, examined


def _scan_target(given: str | None, targets: Sequence[str]) -> str:
    if given:
        return given
    listed = ", ".join(targets)
    if len(listed) <= 2048:
        return listed or "(nothing)"
    return f"{targets[0]} and {len(targets) - 1} more"


def _asset_for(org_id: int, unit: Target, assets: dict[str, Asset | None]) -> Asset | None:
    """The inventory's asset a finding on ``unit`` belongs to: the asset at its address, or
    one that has its host name among its names."""
    if unit.host not in assets:
        asset = asset_of(org_id, unit.host) if unit.host else None
        if asset is None and unit.kind == "hostname" and unit.host:
            named = fn.LOWER(Asset.names).contains(f'"{unit.host.lower()}"')  # in its JSON
            asset = Asset.select().where((Asset.organization == org_id) & named).first()
        assets[unit.host] = asset
    return assets[unit.host]


def import_results(
    org_id: int,
    user_id: int | None,
    importer: Importer,
    data: bytes,
    filename: str,
    target: str | None,
    frameworks: Sequence[str],
    limits: ImportLimits,
    after_completion: Iterable[Callable[[int, object], None]] = (),
    registry: object = None,
) -> ImportResult:
    """Import ``data`` (a file of ``importer``'s format) for the organization: see the
    module's docstring. ``after_completion`` are the steps run once a scan completed (the
    compliance assessment), given the scan's id and ``registry``."""
    if not importer.names_targets and not target:
        raise Invalid(
            "target",
            f"{importer.title or importer.name} files name no host: say what the results are "
            "about in 'target' (or 'asset')",
        )
    items, services, examined = read_items(importer, data, target, limits.max_items)
    findings, seen = [], set()
    for item in items:  # the same finding twice in a file (two lines of one rule): the first
        key = (item.target, item.finding.fingerprint)
        if key not in seen:
            seen.add(key)
            findings.append(item)
    # What the file reports on: its findings' targets, the targets it says it examined, and
    # the one the user named (a newer, clean file still resolves there). Services are for
    # the inventory: an importer that judges them names their hosts as examined.
    targets = list(
        dict.fromkeys(
            [
                *(item.target for item in findings),
                *examined,
                *([target] if target else []),
            ]
        )
    )
    result = ImportResult(
        scan=None,  # type: ignore[arg-type]
        importer=importer,
        targets=targets,
        merged=len(items) - len(findings),
    )
    now = utcnow()
    options = {
        "import": {
            "format": importer.name,
            "title": importer.title,
            "importer_version": importer.version,
            "file": filename,
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
        }
    }
    with database.atomic():
        count_change(org_id, SCANS, 1)
        scan = Scan.create(
            organization=org_id,
            created_by=user_id,
            target=_scan_target(target, targets),
            scan_type=IMPORT,
            frameworks=list(dict.fromkeys(frameworks)),
            options=options,
            status="running",
            started_at=now,
            heartbeat_at=now,
            attempts=1,
            current_step=f"importing {filename}",
        )
        result.scan = scan
        record_event(org_id, "scan.started", scan_event_payload(scan))
        by_target: dict[str, list[Imported]] = {}
        for item in findings:
            by_target.setdefault(item.target, []).append(item)
        service_rows = {}
        for item in services:
            unit = Target.parse(item.service.address)
            name_unit = Target.parse(item.name) if item.name else unit
            row = record_service(scan, name_unit, item.service)
            service_rows[(item.service.host, item.service.port, item.service.transport)] = row
        result.services = len(service_rows)
        assets: dict[str, Asset | None] = {}
        for position, unit_value in enumerate(targets):
            unit = Target.parse(unit_value)
            on_unit = by_target.get(unit_value, [])
            tally = CheckTally()
            failing: set[str] = set()
            for item in on_unit:
                service = service_rows.get((unit.host, unit.port, "tcp"))
                asset = service.asset if service is not None else _asset_for(org_id, unit, assets)
                if store_finding(scan, importer.name, unit, item.finding, asset, service):
                    result.new += 1
                severity = str(item.finding.severity)
                tally.add(item.finding.check_id, severity)
                if severity != "info":
                    failing.add(item.finding.check_id)
            result.findings += len(on_unit)
            run = ScannerRun.create(
                scan=scan,
                scanner=importer.name,
                target=unit_value,
                position=position,
                status="completed",
                findings_count=len(on_unit),
                observed=[f"{filename}: {len(on_unit)} finding(s) on {unit_value}"],
                not_examined={
                    check.id: NOT_EXAMINED for check in importer.checks if check.id not in failing
                },
                started_at=now,
                finished_at=utcnow(),
            )
            record_run_outcomes(run, importer.checks, tally)
        result.resolved = resolve_unseen(scan, {unit: {importer.name} for unit in targets})
        changes = {
            "status": "completed",
            "progress": 100,
            "finished_at": utcnow(),
            "current_step": None,
            "vulnerabilities_found": ScanFinding.select().where(ScanFinding.scan == scan).count(),
        }
        Scan.update(**changes).where(Scan.id == scan.id).execute()
        for name, value in changes.items():
            setattr(scan, name, value)
        record_event(org_id, "scan.completed", scan_event_payload(scan))
        announce_scan_findings(scan)
        # Last in the transaction: the chain's head stays locked only until it commits.
        audit.record(
            "import.created",
            organization_id=org_id,
            object_type="scan",
            object_id=scan.public_id,
            after={
                "target": scan.target,
                **options["import"],
                "findings": result.findings,
                "new": result.new,
                "resolved": result.resolved,
            },
        )
    for step in after_completion:
        step(scan.id, registry)
    result.scan = Scan.get_by_id(scan.id)
    return result
