"""Scans: checking what is asked, creation and lookup, always within one organization.

Running a scan is the job of ``scan_runner`` on a worker; this module records what was asked.
A request (from the API, a rescan, or a schedule when it runs) is checked here against the
appliance's :class:`ScanRules`: each scanner's options through its own schema, then the scope.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import marshmallow as ma

from cyberorigen.db import database
from cyberorigen.db.models import Scan, ScannerRun, ScanPart, utcnow
from cyberorigen.errors import Conflict, Invalid, OutOfScope
from cyberorigen.plugin_api.interfaces import Scanner
from cyberorigen.services import audit
from cyberorigen.services.check_outcomes import outcome_counts
from cyberorigen.services.listing import newest_first, oldest_first
from cyberorigen.services.row_counts import SCANS, count_change, with_known_total
from cyberorigen.services.scope import in_scope, option_refusals, scan_scope
from cyberorigen.services.targets import TargetItem, parse_targets
from cyberorigen.services.tenancy import owned
from cyberorigen.settings import ScopeSettings


@dataclass(frozen=True)
class ScanRules:
    """What a scan request is checked against: the installed scanners, the scan profiles (the
    scanners each runs, and their options) and the operator's scope policy."""

    scanners: Mapping[str, Scanner]
    profiles: Mapping[str, Sequence[str]]
    profile_options: Mapping[str, Mapping[str, Mapping[str, Any]]]
    policy: ScopeSettings


def checked_options(
    org_id: int, rules: ScanRules, scan_type: str, options: Mapping[str, Any]
) -> dict[str, Any]:
    """The options of every scanner the scan runs, through that scanner's schema (the
    profile's options under the request's, defaults filled in, required options enforced),
    and no DNS server the scan may not ask. :class:`Invalid` names every offending path, e.g.
    ``options.http.port``."""
    runs = [name for name in rules.profiles.get(scan_type, ()) if name in rules.scanners]
    profile = rules.profile_options.get(scan_type, {})
    merged = {
        name: {**profile.get(name, {}), **options.get(name, {})}
        for name in dict.fromkeys([*runs, *options])
    }
    loaded, errors = {}, {}
    for name, values in merged.items():
        scanner = rules.scanners.get(name)
        if scanner is None:
            installed = ", ".join(sorted(rules.scanners)) or "none"
            errors[name] = [f"no installed scanner is named {name!r} (installed: {installed})"]
        elif scanner.options_schema is None:
            if values:
                errors[name] = [f"the {name} scanner takes no options"]
        else:
            schema = scanner.options_schema()
            try:
                loaded[name] = schema.load(values)
            except ma.ValidationError as exc:
                errors[name] = _named_unknowns(exc.messages, name, schema)
    if not errors:
        errors = option_refusals(org_id, rules.scanners, loaded, rules.policy)
    if errors:
        raise Invalid.from_messages(errors, "options")
    return loaded


def _named_unknowns(messages, scanner: str, schema: ma.Schema):
    """marshmallow's "Unknown field." for an option, said with the scanner's option names."""
    if not isinstance(messages, dict):
        return messages
    known = ", ".join(sorted(field.data_key or key for key, field in schema.fields.items()))
    return {
        key: (
            [f"unknown option of the {scanner} scanner; its options: {known}"]
            if value == ["Unknown field."]
            else value
        )
        for key, value in messages.items()
    }


def create_scan(
    org_id: int,
    user_id: int | None,
    target: str,
    scan_type: str,
    frameworks: Sequence[str],
    options: Mapping[str, Any] | None = None,
) -> Scan:
    """Record a queued scan and commit it (the caller enqueues its job afterwards)."""
    with database.atomic():
        count_change(org_id, SCANS, 1)
        scan = Scan.create(
            organization=org_id,
            created_by=user_id,
            target=target,
            scan_type=scan_type,
            frameworks=list(dict.fromkeys(frameworks)),
            options=dict(options or {}),
            status="queued",
        )
        audit.record(
            "scan.created",
            organization_id=org_id,
            object_type="scan",
            object_id=scan.public_id,
            after={"target": target, "scan_type": scan_type, "frameworks": scan.frameworks},
        )
        return scan


def check_rescan(scan: Scan) -> None:
    """An import cannot be scanned again: a newer file of its tool is imported instead."""
    if scan.scan_type == "import":
        raise Conflict(
            "an import cannot be run again: import a newer file of the same tool instead",
            "scan_type",
        )


def request_cancel(scan: Scan) -> Scan:
    """A queued scan is cancelled at once; a running one is asked to stop (its runner sees
    the request within a second); a finished one is left as it is (409)."""
    with database.atomic():
        if scan.status == "queued":
            Scan.update(status="cancelled", finished_at=utcnow(), cancel_requested=True).where(
                (Scan.id == scan.id) & (Scan.status == "queued")
            ).execute()
        elif scan.status == "running":
            Scan.update(cancel_requested=True).where(Scan.id == scan.id).execute()
        else:
            raise Conflict(f"the scan is already {scan.status}", "status")
        after = Scan.get_by_id(scan.id)
        audit.record(
            "scan.cancelled",
            organization_id=scan.organization_id,
            object_type="scan",
            object_id=scan.public_id,
            before={"status": scan.status},
            after={"status": after.status, "cancel_requested": after.cancel_requested},
        )
    return after


def scans_query(org_id: int, filters: Mapping[str, Any] | None = None):
    """The organization's scans, filtered by ``status``, ``target``, ``created_after`` and
    ``created_before`` when given, newest first (oldest first when ``sort`` is
    ``created_at``)."""
    filters = filters or {}
    query = Scan.select().where(Scan.organization == org_id)
    if not any(
        filters.get(name) for name in ("status", "target", "created_after", "created_before")
    ):
        query = with_known_total(query, org_id, SCANS)
    if filters.get("status"):
        query = query.where(Scan.status == filters["status"])
    if filters.get("target"):
        query = query.where(Scan.target == filters["target"])
    if filters.get("created_after"):
        query = query.where(Scan.created_at >= filters["created_after"])
    if filters.get("created_before"):
        query = query.where(Scan.created_at < filters["created_before"])
    return oldest_first(query) if filters.get("sort") == "created_at" else newest_first(query)


def delete_scan(scan: Scan) -> None:
    """Delete a finished scan with its scanner results; the findings stay (they belong to the
    target, and other scans may have seen them)."""
    if scan.status in ("queued", "running"):
        raise Conflict(f"the scan is {scan.status}: cancel it first", "status")
    with database.atomic():
        if scan.delete_instance():
            count_change(scan.organization_id, SCANS, -1)
            audit.record(
                "scan.deleted",
                organization_id=scan.organization_id,
                object_type="scan",
                object_id=scan.public_id,
                before={"target": scan.target, "scan_type": scan.scan_type, "status": scan.status},
            )


def get_scan(org_id: int, public_id: str) -> Scan:
    return owned(Scan, org_id, public_id, "scan")


def scan_parts(scan: Scan) -> list[ScanPart]:
    """The parts ``scan`` was shared in between workers, in order (none: one job ran it)."""
    return list(scan.parts.order_by(ScanPart.index))


def scanner_runs(scan: Scan) -> list[ScannerRun]:
    """Each scanner's part of ``scan``, in the order they run."""
    return list(scan.scanner_runs.order_by(ScannerRun.position))


INCONCLUSIVE = ("failed", "timed_out", "skipped", "cancelled")


def coverage(scan: Scan, runs: list[ScannerRun]) -> dict[str, int]:
    """How much ``scan`` examined: its target's units, the services its discovery found,
    the service runs that completed, the runs that credit nothing, and how many check
    outcomes passed, failed and were inconclusive."""
    found = {
        (item.get("host"), item.get("port"), item.get("transport"))
        for run in runs
        for item in run.discovered or ()
    }
    if scan.scan_type == "import":  # its target may be a repository, an image...: its runs'
        targets = len({run.target for run in runs})
    else:
        targets = len(parse_targets(scan.target).units())
    return {
        "targets": targets,
        "services_found": len(found),
        "services_examined": len(
            {run.target for run in runs if run.service is not None and run.status == "completed"}
        ),
        "runs_inconclusive": sum(1 for run in runs if run.status in INCONCLUSIVE),
        **{f"checks_{outcome}": count for outcome, count in outcome_counts(scan).items()},
    }


def check_scan_scope(org_id: int, target: str, policy: ScopeSettings | None = None) -> None:
    """:class:`OutOfScope` unless every item of ``target`` is in the organization's scope
    (a network or range only when the scope covers all of it) and outside every network the
    operator's ``policy`` forbids; :class:`Invalid` when it covers more addresses than the
    policy lets one scan cover."""
    targets = parse_targets(target)
    limit = (policy or ScopeSettings()).max_scan_addresses
    if targets.address_count() > limit:
        raise Invalid(
            "target",
            f"covers {targets.address_count()} addresses; a scan covers at most {limit} "
            "(setting scope.max_scan_addresses)",
        )
    for item in targets.items:
        if item.networks():
            _check_networks_in_scope(org_id, item, policy)
        else:
            _check_host_in_scope(org_id, item.text, policy)


def _check_networks_in_scope(org_id: int, item: TargetItem, policy: ScopeSettings | None):
    scope = scan_scope(org_id, policy)
    for network in item.networks():
        forbidden = [net for net in scope.forbidden_networks if _overlap(network, net)]
        if forbidden:
            raise OutOfScope(
                f"{item.text} overlaps {forbidden[0]}, a network no organization may scan "
                "(the operator's scope policy, scope.forbidden_networks)."
            )
        if not any(_overlap(network, net) and network.subnet_of(net) for net in scope.networks):
            raise OutOfScope(
                f"{item.text} is not all inside your organization's scan scope (a network or "
                "range is scanned only when one scope network covers all of it). An admin can "
                'add it with POST /api/v1/scope {"value": "<network>"}.'
            )


def _overlap(network, other) -> bool:
    return network.version == other.version and network.overlaps(other)


def _check_host_in_scope(org_id: int, target: str, policy: ScopeSettings | None) -> None:
    if policy is not None and in_scope(org_id, target) and not in_scope(org_id, target, policy):
        raise OutOfScope(
            f"{target} is in a network no organization may scan (the operator's scope policy, "
            "scope.forbidden_networks)."
        )
    if not in_scope(org_id, target, policy):
        raise OutOfScope(
            f"{target} is outside your organization's scan scope. An admin can add it with "
            'POST /api/v1/scope {"value": "<domain, address or network>"}.'
        )


def start_scan(
    org_id: int,
    user_id: int | None,
    target: str,
    scan_type: str,
    frameworks: Sequence[str],
    options: Mapping[str, Any],
    enqueue: Callable[[Scan], None],
    rules: ScanRules,
) -> Scan:
    """Check the options and the scope (under the operator's policy), record the scan
    (committed), then hand it to ``enqueue``. When ``enqueue`` fails (Redis is down) the scan
    is deleted again before the error goes on: a request that fails leaves no scan behind that
    would never run."""
    options = checked_options(org_id, rules, scan_type, options)
    check_scan_scope(org_id, target, rules.policy)
    scan = create_scan(org_id, user_id, target, scan_type, frameworks, options)
    try:
        enqueue(scan)
    except BaseException:
        with database.atomic():
            if Scan.delete().where((Scan.id == scan.id) & (Scan.status == "queued")).execute():
                count_change(org_id, SCANS, -1)
                audit.record(
                    "scan.deleted",
                    organization_id=org_id,
                    object_type="scan",
                    object_id=scan.public_id,
                    before={"target": target, "scan_type": scan_type, "status": "queued"},
                    after={"reason": "the job queue could not take it"},
                )
        raise
    return scan
