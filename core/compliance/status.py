"""The rules that give a control its status, as one pure function of what is known about it.

In order, the first that applies wins:

1. an override by an admin or auditor (with its reason);
2. the control marked not applicable -> ``not_applicable``;
3. an open finding of one of its checks, at or above the control's severity threshold, on
   a target in scope -> ``not_implemented`` (the findings are the reason);
4. every part of the control backed by current evidence -> ``implemented``; the parts are
   the technical part (its automated checks, when it has any: a completed scan ran them
   within the freshness window) and the documentary part (a file, link or note in effect
   now, collected within the freshness window unless it states its own end);
5. some part current -> ``partially_implemented``: a passing scan is evidence for the
   technical part of a control, never proof of the whole control;
6. evidence exists but is all older than the freshness window -> ``not_assessed``
   ("needs evidence");
7. nothing at all -> ``not_assessed``.

Evidence means accepted evidence: a file, link or note counts once a reviewer accepted it
(four eyes); one awaiting review gives no credit, and the reason of rules 4 to 7 says how many
are waiting ("1 evidence file awaiting review"). Rejected evidence is not looked at.

The result carries the reason in words and the ids of the findings, checks and evidence
that produced it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cyberorigen.plugin_api.interfaces import Control, Severity


@dataclass(frozen=True)
class FailingFinding:
    id: str
    check_id: str
    title: str
    severity: str
    target: str


@dataclass(frozen=True)
class EvidenceItem:
    id: str
    kind: str  # file | link | note | scan
    title: str
    collected_at: datetime
    effective_from: datetime
    effective_until: datetime | None = None
    checks: tuple[str, ...] = ()  # for scan evidence: the control's checks the scan ran


@dataclass(frozen=True)
class Override:
    status: str
    reason: str
    by: str


@dataclass(frozen=True)
class Facts:
    """Everything the rules look at for one control of one organization."""

    control: Control
    check_ids: tuple[str, ...] = ()
    applicable: bool = True
    applicability_reason: str | None = None
    override: Override | None = None
    #: Open findings of its checks on targets in scope, newest first: all of them, or (with
    #: ``finding_counts``) at least the newest :data:`LISTED_FINDINGS` that count against it.
    findings: Sequence[FailingFinding] = ()
    #: How many open findings there are by (check, severity), when ``findings`` is not all.
    finding_counts: Mapping[tuple[str, str], int] | None = None
    #: Accepted evidence (a scan's results are accepted as they are attached).
    evidence: Sequence[EvidenceItem] = ()
    #: Files, links and notes awaiting review, by kind (they give no credit).
    awaiting_review: Mapping[str, int] = field(default_factory=dict)

    def counts(self) -> Mapping[tuple[str, str], int]:
        """Open findings by (check, severity)."""
        if self.finding_counts is not None:
            return self.finding_counts
        return Counter((item.check_id, item.severity) for item in self.findings)


@dataclass(frozen=True)
class Assessment:
    status: str
    reason: str
    findings: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    parts: dict[str, bool] = field(default_factory=dict)

    def basis(self) -> dict:
        return {
            "findings": list(self.findings),
            "checks": list(self.checks),
            "evidence": list(self.evidence),
            "parts": dict(self.parts),
        }


#: A control's basis lists at most this many of its failing findings (the newest; its reason
#: says how many there are): what is stored and read stays the same size at a million.
LISTED_FINDINGS = 100


def counts_against(severity: str, threshold: Severity) -> bool:
    """Whether a finding of ``severity`` is at or above the control's threshold."""
    return Severity(severity).rank >= threshold.rank


def _expires(item: EvidenceItem, freshness: timedelta) -> datetime:
    if item.kind != "scan" and item.effective_until is not None:
        return item.effective_until
    return item.collected_at + freshness


def _is_current(item: EvidenceItem, now: datetime, freshness: timedelta) -> bool:
    return item.effective_from <= now < _expires(item, freshness)


def _date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")


def awaiting_review(counts: Mapping[str, int]) -> str | None:
    """``counts`` (evidence awaiting review, by kind) in words: "1 evidence file awaiting
    review", "3 evidence items awaiting review"; None when nothing waits."""
    total = sum(counts.values())
    if not total:
        return None
    kinds = [kind for kind, count in counts.items() if count]
    noun = kinds[0] if len(kinds) == 1 else "item"
    return f"{total} evidence {noun}{'' if total == 1 else 's'} awaiting review"


def next_change(facts: Facts, now: datetime) -> datetime | None:
    """When the assessment of ``facts`` can next change with time alone: the first moment
    after ``now`` that a piece of its evidence takes effect or stops counting (None: never)."""
    freshness = timedelta(days=facts.control.freshness_days)
    moments = [
        moment
        for item in facts.evidence
        for moment in (item.effective_from, _expires(item, freshness))
        if moment > now
    ]
    return min(moments, default=None)


def assess(facts: Facts, now: datetime) -> Assessment:
    """The status of ``facts.control`` at ``now``, with its reason and basis."""
    control = facts.control
    if facts.override is not None:
        override = facts.override
        return Assessment(
            override.status, f"set by {override.by}: {override.reason}", parts={"override": True}
        )
    if not facts.applicable:
        why = facts.applicability_reason or "no reason given"
        return Assessment("not_applicable", f"marked not applicable: {why}")
    against = {
        key: count
        for key, count in facts.counts().items()
        if count and counts_against(key[1], control.severity_threshold)
    }
    if against:
        total = sum(against.values())
        failing = [
            item
            for item in facts.findings
            if counts_against(item.severity, control.severity_threshold)
        ]
        shown = "; ".join(
            f"{item.title} ({item.severity}) on {item.target} [{item.id}]" for item in failing[:5]
        )
        more = f" and {total - 5} more" if total > 5 else ""
        return Assessment(
            "not_implemented",
            f"{total} open finding(s) at or above {control.severity_threshold.value}: "
            f"{shown}{more}",
            findings=tuple(item.id for item in failing[:LISTED_FINDINGS]),
            checks=tuple(sorted({check_id for check_id, _ in against})),
        )

    freshness = timedelta(days=control.freshness_days)
    scans = [item for item in facts.evidence if item.kind == "scan"]
    documents = [item for item in facts.evidence if item.kind != "scan"]
    current_scans = [item for item in scans if _is_current(item, now, freshness)]
    current_documents = [item for item in documents if _is_current(item, now, freshness)]
    parts: dict[str, bool] = {"documents": bool(current_documents)}
    if facts.check_ids:
        parts["checks"] = bool(current_scans)
    used = current_scans + current_documents
    checks_run = tuple(sorted({check for item in current_scans for check in item.checks}))
    said: list[str] = []
    if current_scans:
        latest = max(current_scans, key=lambda item: item.collected_at)
        said.append(
            f"automated checks passed ({len(checks_run)} check(s), latest scan "
            f"{_date(latest.collected_at)})"
        )
    if current_documents:
        said.append(f"{len(current_documents)} current evidence item(s)")
    missing: list[str] = []
    if "checks" in parts and not parts["checks"]:
        missing.append(
            f"no completed scan ran its checks in the last {control.freshness_days} days"
        )
    if not parts["documents"]:
        missing.append(f"no current documentary evidence ({control.evidence_guidance})")

    waiting = awaiting_review(facts.awaiting_review)

    def told(reason: str) -> str:
        return f"{reason}; {waiting}" if waiting else reason

    result = {"evidence": tuple(item.id for item in used), "checks": checks_run, "parts": parts}
    if all(parts.values()):
        return Assessment("implemented", told("; ".join(said)), **result)
    if any(parts.values()):
        return Assessment(
            "partially_implemented",
            told("; ".join(said) + "; but " + "; ".join(missing)),
            **result,
        )
    upcoming = [item for item in facts.evidence if item.effective_from > now]
    if upcoming and len(upcoming) == len(facts.evidence):
        first = min(upcoming, key=lambda item: item.effective_from)
        return Assessment(
            "not_assessed",
            told(
                "needs evidence: the evidence on file takes effect on "
                f"{_date(first.effective_from)}"
            ),
            evidence=(first.id,),
            parts=parts,
        )
    if facts.evidence:
        newest = max(facts.evidence, key=lambda item: item.collected_at)
        return Assessment(
            "not_assessed",
            told(
                f"needs evidence: the newest ({_date(newest.collected_at)}) is no longer "
                f"current (freshness window {control.freshness_days} days)"
            ),
            evidence=(newest.id,),
            parts=parts,
        )
    return Assessment("not_assessed", told("no evidence yet: " + "; ".join(missing)), parts=parts)
