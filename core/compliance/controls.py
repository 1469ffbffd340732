"""An organization's controls: their current status, kept up to date, with its history.

:func:`refresh` gathers the facts for each control (open findings of its checks on targets in
scope, accepted evidence and how much awaits review, overrides), applies the rules of
:mod:`cyberorigen.compliance.status`, and stores the assessment (status, reason, basis,
evidence count, when it is due again) and what changed: a history row and a
``control.status_changed`` event, in one transaction. It runs after every scan, evidence
change, review decision and edit.

Reads (:func:`current_views`) use the stored assessments and re-assess only the controls that
are due: never assessed, assessed under another definition of the control (a plugin changed
its checks or thresholds), past their ``due_at`` (evidence taking effect or growing old, so
that this is noticed without a background job), or marked due because their facts changed
elsewhere (a finding's status, the scope, a scan that did not complete: ``mark_controls_due``
in ``services/findings.py``). A read costs the controls it shows, not the findings behind them.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from peewee import IntegrityError, fn

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.status import (
    LISTED_FINDINGS,
    Assessment,
    EvidenceItem,
    Facts,
    FailingFinding,
    Override,
    assess,
    counts_against,
    next_change,
)
from cyberorigen.db import database
from cyberorigen.db.models import (
    ControlState,
    ControlStatusChange,
    Evidence,
    Finding,
    User,
    utcnow,
)
from cyberorigen.errors import Invalid, NotFound
from cyberorigen.services import audit
from cyberorigen.services.outbox import record_event
from cyberorigen.services.scope import scope_matcher
from cyberorigen.services.tenancy import owned


@dataclass
class ControlView:
    """One control of the catalogue with the organization's state of it."""

    control_id: str
    state: ControlState
    assessment: Assessment
    evidence_count: int


def _states(org_id: int, control_ids: Iterable[str]) -> dict[str, ControlState]:
    wanted = list(control_ids)
    rows = {
        row.control_id: row
        for row in ControlState.select().where(
            (ControlState.organization == org_id) & (ControlState.control_id.in_(wanted))
        )
    }
    for control_id in wanted:
        if control_id not in rows:
            try:
                with database.atomic():
                    rows[control_id] = ControlState.create(
                        organization=org_id, control_id=control_id
                    )
            except IntegrityError:  # created at the same moment by another request
                rows[control_id] = ControlState.get(
                    (ControlState.organization == org_id) & (ControlState.control_id == control_id)
                )
    return rows


#: Up to this many targets of open findings out of scope, they are left out in SQL (a ``NOT IN``
#: list) and the database counts the rest; past it, each finding is judged in Python. Scans
#: run only on targets in scope, so a target is out only once its scope entry was removed.
OUT_OF_SCOPE_IN_SQL = 500


_FAILING_COLUMNS = (
    Finding.public_id,
    Finding.check_id,
    Finding.title,
    Finding.severity,
    Finding.target,
)


@dataclass
class _OpenFindings:
    """What a re-assessment needs of a control's open findings on targets in scope."""

    listed: list[FailingFinding]  # the newest that count against it, at most LISTED_FINDINGS
    counts: Counter  # all of them, by (check, severity)


def _open_findings(
    org_id: int, catalogue: Catalogue, control_ids: set[str]
) -> dict[str, _OpenFindings]:
    """Each control's open findings on targets in scope: counted by the database, and the
    newest :data:`LISTED_FINDINGS` that count against the control read as rows; a control
    without any is absent. Costs a few aggregate queries and a page per failing control,
    not a row per finding."""
    checks_of = {
        control_id: {check.id for check in catalogue.checks_by_control.get(control_id, [])}
        for control_id in control_ids
    }
    check_ids = sorted(set().union(*checks_of.values())) if checks_of else []
    if not check_ids:
        return {}
    where = (
        (Finding.organization == org_id)
        & (Finding.status == "open")
        & (Finding.check_id.in_(check_ids))
    )
    matcher = scope_matcher(org_id)
    targets = Finding.select(Finding.target).where(where).distinct().tuples()
    outside = [target for (target,) in targets if not matcher(target)]
    if len(outside) > OUT_OF_SCOPE_IN_SQL:
        return _judged_one_by_one(where, matcher, catalogue, control_ids)
    if outside:
        where &= Finding.target.not_in(outside)
    by_check: dict[str, Counter] = defaultdict(Counter)
    counted = (
        Finding.select(Finding.check_id, Finding.severity, fn.COUNT(Finding.id))
        .where(where)
        .group_by(Finding.check_id, Finding.severity)
        .tuples()
    )
    for check_id, severity, count in counted:
        by_check[check_id][severity] = count
    found: dict[str, _OpenFindings] = {}
    for control_id, checks in checks_of.items():
        counts = Counter(
            {
                (check_id, severity): count
                for check_id in checks
                for severity, count in by_check.get(check_id, {}).items()
            }
        )
        if not counts:
            continue
        threshold = catalogue.controls[control_id].severity_threshold
        against = sorted(
            {severity for _, severity in counts if counts_against(severity, threshold)}
        )
        listed = []
        if against:
            newest = (
                Finding.select(*_FAILING_COLUMNS)
                .where(where & Finding.check_id.in_(sorted(checks)) & Finding.severity.in_(against))
                .order_by(Finding.last_seen.desc(), Finding.id.desc())
                .limit(LISTED_FINDINGS)
                .tuples()
            )
            listed = [FailingFinding(*row) for row in newest]
        found[control_id] = _OpenFindings(listed, counts)
    return found


def _judged_one_by_one(where, matcher, catalogue: Catalogue, control_ids: set[str]):
    """What :func:`_open_findings` returns, from every open finding of the controls' checks
    read in turn, its target judged in Python (each target once): for the rare scope that
    leaves many targets of open findings out."""
    found: dict[str, _OpenFindings] = {}
    in_scope: dict[str, bool] = {}
    query = (
        Finding.select(*_FAILING_COLUMNS)
        .where(where)
        .order_by(Finding.last_seen.desc(), Finding.id.desc())
    )
    for row in query.tuples().iterator():
        item = FailingFinding(*row)
        if item.target not in in_scope:
            in_scope[item.target] = matcher(item.target)
        if not in_scope[item.target]:
            continue
        for control_id in catalogue.controls_by_check[item.check_id]:
            if control_id not in control_ids:
                continue
            entry = found.setdefault(control_id, _OpenFindings([], Counter()))
            entry.counts[(item.check_id, item.severity)] += 1
            threshold = catalogue.controls[control_id].severity_threshold
            if len(entry.listed) < LISTED_FINDINGS and counts_against(item.severity, threshold):
                entry.listed.append(item)
    return found


def _item(row: Evidence) -> EvidenceItem:
    return EvidenceItem(
        id=row.public_id,
        kind=row.kind,
        title=row.title,
        collected_at=row.collected_at,
        effective_from=row.effective_from,
        effective_until=row.effective_until,
        checks=tuple(row.details.get("checks_passed", ())) if row.kind == "scan" else (),
    )


def _evidence(
    org_id: int, catalogue: Catalogue, control_ids: set[str]
) -> tuple[dict[str, list[EvidenceItem]], dict[str, int], dict[str, dict[str, int]]]:
    """What the rules need of each control's accepted evidence, how many accepted items it
    has, and how many await review (by kind).

    Every scan adds a row per control it tested, so scan evidence is read only as far back as
    it can still be current, plus each control's newest older one (for "needs evidence");
    files, links and notes are read in full.
    """
    wanted = list(control_ids)
    kept = (
        (Evidence.organization == org_id)
        & (Evidence.control_id.in_(wanted))
        & (Evidence.deleted_at.is_null())
    )
    in_force = kept & (Evidence.review_status == "accepted")
    longest = max((catalogue.controls[item].freshness_days for item in wanted), default=0)
    cutoff = utcnow() - timedelta(days=longest)
    items: dict[str, list[EvidenceItem]] = defaultdict(list)
    recent = Evidence.select().where(
        in_force & ((Evidence.kind != "scan") | (Evidence.collected_at >= cutoff))
    )
    for row in recent:
        items[row.control_id].append(_item(row))
    with_scans = {key for key, found in items.items() if any(i.kind == "scan" for i in found)}
    older = (
        Evidence.select(Evidence.control_id, fn.MAX(Evidence.collected_at))
        .where(in_force & (Evidence.kind == "scan") & (Evidence.collected_at < cutoff))
        .group_by(Evidence.control_id)
        .tuples()
    )
    for control_id, newest in older:
        if control_id in with_scans:
            continue
        row = (
            Evidence.select()
            .where(in_force & (Evidence.control_id == control_id) & (Evidence.kind == "scan"))
            .where(Evidence.collected_at == newest)
            .first()
        )
        if row is not None:
            items[control_id].append(_item(row))
    counts = dict(
        Evidence.select(Evidence.control_id, fn.COUNT(Evidence.id))
        .where(in_force)
        .group_by(Evidence.control_id)
        .tuples()
    )
    waiting: dict[str, dict[str, int]] = defaultdict(dict)
    submitted = (
        Evidence.select(Evidence.control_id, Evidence.kind, fn.COUNT(Evidence.id))
        .where(kept & (Evidence.review_status == "submitted"))
        .group_by(Evidence.control_id, Evidence.kind)
        .tuples()
    )
    for control_id, kind, count in submitted:
        waiting[control_id][kind] = count
    return items, counts, waiting


def _override(state: ControlState, emails: Mapping[int, str]) -> Override | None:
    if state.override_status is None:
        return None
    by = emails.get(state.override_by_id, "a deleted user")
    return Override(state.override_status, state.override_reason or "", by)


def refresh(
    org_id: int,
    catalogue: Catalogue,
    cause: str,
    actor_id: int | None = None,
    control_ids: Iterable[str] | None = None,
) -> dict[str, ControlView]:
    """Re-assess the organization's controls (all, or ``control_ids``), store the changes,
    and return every assessed control's view."""
    wanted = sorted(control_ids if control_ids is not None else catalogue.controls)
    wanted = [item for item in wanted if item in catalogue.controls]
    if not wanted:  # a scan whose checks no control maps: nothing to read
        return {}
    wanted_set = set(wanted)
    states = _states(org_id, wanted)
    findings = _open_findings(org_id, catalogue, wanted_set)
    evidence, evidence_counts, waiting = _evidence(org_id, catalogue, wanted_set)
    override_users = {state.override_by_id for state in states.values() if state.override_by_id}
    emails = {
        user.id: user.email for user in User.select().where(User.id.in_(list(override_users)))
    }
    now = utcnow()
    views: dict[str, ControlView] = {}
    for control_id in wanted:
        control = catalogue.controls[control_id]
        state = states[control_id]
        open_findings = findings.get(control_id) or _OpenFindings([], Counter())
        facts = Facts(
            control=control,
            check_ids=tuple(check.id for check in catalogue.checks_by_control.get(control_id, [])),
            applicable=state.applicable,
            applicability_reason=state.applicability_reason,
            override=_override(state, emails),
            findings=open_findings.listed,
            finding_counts=open_findings.counts,
            evidence=evidence.get(control_id, ()),
            awaiting_review=dict(sorted(waiting.get(control_id, {}).items())),
        )
        assessment = assess(facts, now)
        stored = {
            "assessed_at": now,
            "evidence_count": evidence_counts.get(control_id, 0),
            "definition": definition_key(catalogue, control_id),
            "due_at": next_change(facts, now),
        }
        _store(org_id, control, state, assessment, cause, actor_id, catalogue, stored)
        views[control_id] = ControlView(
            control_id, state, assessment, evidence_counts.get(control_id, 0)
        )
    return views


def definition_key(catalogue: Catalogue, control_id: str) -> str:
    """What an assessment of the control depends on in the catalogue, as a short digest: a
    stored assessment made under another is due again."""
    control = catalogue.controls[control_id]
    checks = sorted(check.id for check in catalogue.checks_by_control.get(control_id, []))
    text = repr(
        (control.severity_threshold.value, control.freshness_days, control.evidence_guidance)
    )
    return hashlib.sha256(f"{text}{checks}".encode()).hexdigest()[:32]


def _store(org_id, control, state, assessment, cause, actor_id, catalogue, stored) -> None:
    basis = assessment.basis()
    for name, value in stored.items():
        setattr(state, name, value)
    if state.status == assessment.status:
        changes = dict(stored)
        if state.reason != assessment.reason or state.basis != basis:
            changes.update(reason=assessment.reason, basis=basis, updated_at=utcnow())
            state.reason, state.basis = assessment.reason, basis
        ControlState.update(**changes).where(ControlState.id == state.id).execute()
        return
    previous = state.status
    now = utcnow()
    with database.atomic():
        changed = (
            ControlState.update(
                status=assessment.status,
                reason=assessment.reason,
                basis=basis,
                status_since=now,
                updated_at=now,
                **stored,
            )
            .where((ControlState.id == state.id) & (ControlState.status == previous))
            .execute()
        )
        if not changed:  # another process recorded this change first
            return
        ControlStatusChange.create(
            organization=org_id,
            control_id=control.id,
            from_status=previous,
            to_status=assessment.status,
            reason=assessment.reason,
            basis=basis,
            cause=cause,
            actor=actor_id,
            changed_at=now,
        )
        record_event(
            org_id,
            "control.status_changed",
            {
                "control_id": control.id,
                "name": control.name,
                "frameworks": catalogue.display_names(control.id),
                "previous_status": previous,
                "status": assessment.status,
                "reason": assessment.reason,
                "cause": cause,
                "findings": list(assessment.findings),
            },
        )
    state.status, state.reason, state.basis, state.status_since = (
        assessment.status,
        assessment.reason,
        basis,
        now,
    )


def _stored(state: ControlState) -> Assessment:
    basis = state.basis or {}
    return Assessment(
        state.status,
        state.reason,
        findings=tuple(basis.get("findings", ())),
        checks=tuple(basis.get("checks", ())),
        evidence=tuple(basis.get("evidence", ())),
        parts=dict(basis.get("parts", {})),
    )


def current_views(
    org_id: int, catalogue: Catalogue, control_ids: Iterable[str] | None = None
) -> dict[str, ControlView]:
    """The organization's controls (all, or ``control_ids``) as stored, re-assessing first
    those that are due (see the module's docstring); in catalogue order."""
    chosen = catalogue.controls if control_ids is None else control_ids
    wanted = [item for item in chosen if item in catalogue.controls]
    states = _states(org_id, wanted)
    now = utcnow()
    due = [
        control_id
        for control_id in wanted
        if states[control_id].assessed_at is None
        or (states[control_id].due_at is not None and states[control_id].due_at <= now)
        or states[control_id].definition != definition_key(catalogue, control_id)
    ]
    fresh = refresh(org_id, catalogue, "assessment", control_ids=due) if due else {}
    return {
        control_id: fresh.get(control_id)
        or ControlView(
            control_id,
            states[control_id],
            _stored(states[control_id]),
            states[control_id].evidence_count,
        )
        for control_id in wanted
    }


def list_controls(
    org_id: int, catalogue: Catalogue, framework: str | None, status: str | None
) -> list[ControlView]:
    """The organization's controls as stored (those due re-assessed first), filtered, in
    catalogue order."""
    control_ids: Iterable[str] = catalogue.controls
    if framework:
        resolved = catalogue.framework(framework)
        if resolved is None:
            raise Invalid("framework", f"no framework {framework!r} is installed")
        control_ids = [
            item for item in catalogue.controls if resolved.id in catalogue.frameworks_mapping(item)
        ]
    views = current_views(org_id, catalogue, control_ids)
    return [view for view in views.values() if status is None or view.assessment.status == status]


def get_control(org_id: int, catalogue: Catalogue, control_id: str) -> ControlView:
    if control_id not in catalogue.controls:
        raise NotFound("control")
    return current_views(org_id, catalogue, [control_id])[control_id]


def history(org_id: int, control_id: str, limit: int = 100) -> list[ControlStatusChange]:
    return list(
        ControlStatusChange.select()
        .where(
            (ControlStatusChange.organization == org_id)
            & (ControlStatusChange.control_id == control_id)
        )
        .order_by(ControlStatusChange.changed_at.desc(), ControlStatusChange.id.desc())
        .limit(limit)
    )


def _audited(state: ControlState) -> dict[str, Any]:
    """The fields of a control's state a user sets, as the audit log keeps them."""
    return {
        "applicable": state.applicable,
        "applicability_reason": state.applicability_reason,
        "owner_id": state.owner.public_id if state.owner_id else None,
        "override_status": state.override_status,
        "override_reason": state.override_reason,
    }


def update_control(
    org_id: int,
    catalogue: Catalogue,
    control_id: str,
    changes: Mapping[str, Any],
    actor_id: int,
) -> ControlView:
    """Set applicability, owner or an override; the status is re-assessed at once."""
    view = get_control(org_id, catalogue, control_id)
    state = view.state
    old = _audited(state)
    if "applicable" in changes:
        reason = (changes.get("applicability_reason") or "").strip()
        if changes["applicable"] is False and not reason:
            raise Invalid("applicability_reason", "say why the control does not apply")
        state.applicable = changes["applicable"]
        state.applicability_reason = reason or None
    if "owner_id" in changes:
        owner_id = changes["owner_id"]
        if owner_id is None:
            state.owner = None
        else:
            try:
                state.owner = owned(User, org_id, owner_id, "user")
            except NotFound:
                raise Invalid("owner_id", "no such user in this organization") from None
    if "override" in changes:
        override = changes["override"]
        if override is None:
            state.override_status = state.override_reason = None
            state.override_by = state.override_at = None
        else:
            state.override_status = override["status"]
            state.override_reason = override["reason"].strip()
            state.override_by = actor_id
            state.override_at = utcnow()
    state.updated_at = utcnow()
    before, after = audit.changes(old, _audited(state))
    with database.atomic():
        ControlState.update(
            applicable=state.applicable,
            applicability_reason=state.applicability_reason,
            owner=state.owner_id,
            override_status=state.override_status,
            override_reason=state.override_reason,
            override_by=state.override_by_id,
            override_at=state.override_at,
            updated_at=state.updated_at,
        ).where(ControlState.id == state.id).execute()
        if before:
            overridden = "override_status" in before or "override_reason" in before
            audit.record(
                "control.overridden" if overridden else "control.updated",
                organization_id=org_id,
                object_type="control",
                object_id=control_id,
                before=before,
                after=after,
            )
    cause = "override" if "override" in changes else "edit"
    return refresh(org_id, catalogue, cause, actor_id, [control_id])[control_id]
