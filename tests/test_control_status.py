"""The status rules of a control (cyberorigen.compliance.status.assess), as a table of cases.

In order, the first rule that applies wins: override, not applicable, failing findings at or
above the threshold, every part current, some part current, only stale evidence, nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cyberorigen.compliance.status import (
    EvidenceItem,
    Facts,
    FailingFinding,
    Override,
    assess,
)
from cyberorigen.plugin_api.interfaces import Control, Severity
from cyberorigen.vocab import CONTROL_STATUSES

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
CHECKS = ("tls.cert.expired", "tls.protocol.tls10")
CONTROL = Control(
    id="ctrl_x",
    name="X",
    description="d",
    severity_threshold=Severity.MEDIUM,
    freshness_days=30,
    evidence_guidance="a policy",
)


def days(count: float) -> timedelta:
    return timedelta(days=count)


def scan(ident: str, age: float, checks=CHECKS, starts: float | None = None, until=None):
    """Scan evidence collected ``age`` days before NOW."""
    collected = NOW - days(age)
    return EvidenceItem(
        id=ident,
        kind="scan",
        title=f"scan {ident}",
        collected_at=collected,
        effective_from=collected if starts is None else NOW + days(starts),
        effective_until=until,
        checks=tuple(checks),
    )


def document(ident: str, age: float, until: float | None = None, starts: float | None = None):
    """A file collected ``age`` days before NOW; ``until``/``starts`` are days from NOW."""
    collected = NOW - days(age)
    return EvidenceItem(
        id=ident,
        kind="file",
        title=f"policy {ident}",
        collected_at=collected,
        effective_from=collected if starts is None else NOW + days(starts),
        effective_until=None if until is None else NOW + days(until),
    )


def finding(ident: str, severity: str, check: str = "tls.cert.expired") -> FailingFinding:
    return FailingFinding(
        id=ident, check_id=check, title=f"problem {ident}", severity=severity, target="example.com"
    )


OVERRIDE = Override(status="implemented", reason="compensating control", by="auditor@example.com")


def case(
    ident: str,
    facts: dict,
    status: str,
    said: tuple[str, ...] = (),
    findings: tuple[str, ...] = (),
    checks: tuple[str, ...] = (),
    evidence: tuple[str, ...] = (),
    not_said: tuple[str, ...] = (),
):
    return pytest.param(facts, status, said, not_said, findings, checks, evidence, id=ident)


CASES = [
    # 1. override
    case(
        "override-beats-not-applicable-findings-and-evidence",
        dict(
            override=OVERRIDE,
            applicable=False,
            applicability_reason="out of scope",
            check_ids=CHECKS,
            findings=[finding("f-1", "critical")],
            evidence=[scan("s-1", 1), document("d-1", 1)],
        ),
        "implemented",
        said=("auditor@example.com", "compensating control"),
    ),
    case(
        "override-to-not-implemented-beats-current-evidence",
        dict(
            override=Override("not_implemented", "known gap", "admin@example.com"),
            check_ids=CHECKS,
            evidence=[scan("s-1", 1), document("d-1", 1)],
        ),
        "not_implemented",
        said=("admin@example.com", "known gap"),
    ),
    # 2. not applicable
    case(
        "not-applicable-beats-findings",
        dict(
            applicable=False,
            applicability_reason="no web services",
            check_ids=CHECKS,
            findings=[finding("f-1", "critical")],
        ),
        "not_applicable",
        said=("no web services",),
        not_said=("f-1",),
    ),
    case(
        "not-applicable-without-reason",
        dict(applicable=False, evidence=[document("d-1", 1)]),
        "not_applicable",
        said=("no reason given",),
    ),
    # 3. failing findings
    case(
        "finding-below-threshold-does-not-fail",
        dict(
            check_ids=CHECKS,
            findings=[finding("f-low", "low"), finding("f-info", "info")],
            evidence=[scan("s-1", 1), document("d-1", 1)],
        ),
        "implemented",
        checks=CHECKS,
        evidence=("s-1", "d-1"),
        not_said=("f-low",),
    ),
    case(
        "finding-at-threshold-fails-and-is-named",
        dict(check_ids=CHECKS, findings=[finding("f-1", "medium")]),
        "not_implemented",
        said=("[f-1]", "medium", "example.com", "1 open finding"),
        findings=("f-1",),
        checks=("tls.cert.expired",),
    ),
    case(
        "finding-above-threshold-beats-current-evidence",
        dict(
            check_ids=CHECKS,
            findings=[finding("f-1", "critical", "tls.protocol.tls10")],
            evidence=[scan("s-1", 1), document("d-1", 1)],
        ),
        "not_implemented",
        said=("[f-1]", "critical"),
        findings=("f-1",),
        checks=("tls.protocol.tls10",),
    ),
    case(
        "only-findings-at-threshold-are-the-reason",
        dict(
            check_ids=CHECKS,
            findings=[
                finding("f-low", "low"),
                finding("f-high", "high", "tls.protocol.tls10"),
                finding("f-med", "medium"),
            ],
        ),
        "not_implemented",
        said=("2 open finding(s)", "[f-high]", "[f-med]"),
        not_said=("f-low",),
        findings=("f-high", "f-med"),
        checks=CHECKS,
    ),
    # 4./5. current evidence for all parts or some parts
    case(
        "scan-alone-is-partial",
        dict(check_ids=CHECKS, evidence=[scan("s-1", 2)]),
        "partially_implemented",
        said=("automated checks passed", "no current documentary evidence", "a policy"),
        checks=CHECKS,
        evidence=("s-1",),
    ),
    case(
        "documents-alone-for-a-control-with-checks-are-partial",
        dict(check_ids=CHECKS, evidence=[document("d-1", 2)]),
        "partially_implemented",
        said=("1 current evidence item", "no completed scan ran its checks in the last 30 days"),
        evidence=("d-1",),
    ),
    case(
        "scan-and-document-current-is-implemented",
        dict(check_ids=CHECKS, evidence=[scan("s-1", 2), document("d-1", 3)]),
        "implemented",
        said=("automated checks passed", "1 current evidence item"),
        not_said=("but",),
        checks=CHECKS,
        evidence=("s-1", "d-1"),
    ),
    case(
        "control-without-checks-and-a-current-document-is-implemented",
        dict(evidence=[document("d-1", 10)]),
        "implemented",
        evidence=("d-1",),
    ),
    case(
        "stale-scan-with-current-document-is-partial",
        dict(check_ids=CHECKS, evidence=[scan("s-old", 45), document("d-1", 3)]),
        "partially_implemented",
        said=("no completed scan ran its checks",),
        evidence=("d-1",),
    ),
    case(
        "only-checks-of-current-scans-are-listed",
        dict(
            check_ids=CHECKS,
            evidence=[
                scan("s-old", 45, checks=("tls.protocol.tls10",)),
                scan("s-new", 1, checks=("tls.cert.expired",)),
                document("d-1", 3),
            ],
        ),
        "implemented",
        checks=("tls.cert.expired",),
        evidence=("s-new", "d-1"),
    ),
    # freshness and effective dates
    case(
        "document-inside-the-freshness-window-is-current",
        dict(evidence=[document("d-1", 29)]),
        "implemented",
        evidence=("d-1",),
    ),
    case(
        "document-past-the-freshness-window-is-not-current",
        dict(evidence=[document("d-1", 31)]),
        "not_assessed",
        said=("needs evidence",),
        evidence=("d-1",),
    ),
    case(
        "document-whose-effective-until-has-passed-is-not-current",
        dict(evidence=[document("d-1", 5, until=-1)]),
        "not_assessed",
        said=("needs evidence",),
        evidence=("d-1",),
    ),
    case(
        "document-effective-until-beyond-freshness-is-still-current",
        dict(evidence=[document("d-1", 200, until=30)]),
        "implemented",
        evidence=("d-1",),
    ),
    case(
        "document-effective-from-in-the-future-is-not-current",
        dict(evidence=[document("d-1", 0, starts=1)]),
        "not_assessed",
        evidence=("d-1",),
    ),
    case(
        "scan-effective-from-in-the-future-is-not-current",
        dict(check_ids=CHECKS, evidence=[scan("s-1", 0, starts=1), document("d-1", 1)]),
        "partially_implemented",
        said=("no completed scan ran its checks",),
        evidence=("d-1",),
    ),
    case(
        "scan-cannot-extend-its-own-freshness",
        dict(check_ids=CHECKS, evidence=[scan("s-1", 45, until=NOW + days(30))]),
        "not_assessed",
        said=("needs evidence",),
        evidence=("s-1",),
    ),
    # 6. stale evidence only
    case(
        "stale-scan-only-needs-evidence",
        dict(check_ids=CHECKS, evidence=[scan("s-old", 31)]),
        "not_assessed",
        said=("needs evidence", "2025-05-01", "30 days"),
        evidence=("s-old",),
    ),
    case(
        "stale-evidence-names-the-newest-item",
        dict(check_ids=CHECKS, evidence=[scan("s-older", 90), document("d-old", 40)]),
        "not_assessed",
        said=("needs evidence",),
        evidence=("d-old",),
    ),
    # 7. nothing
    case(
        "nothing-for-a-control-with-checks",
        dict(check_ids=CHECKS),
        "not_assessed",
        said=("no evidence yet", "no completed scan", "a policy"),
        not_said=("needs evidence",),
    ),
    case(
        "nothing-for-a-control-without-checks",
        dict(),
        "not_assessed",
        said=("no evidence yet", "a policy"),
        not_said=("no completed scan",),
    ),
]


@pytest.mark.parametrize(
    ("facts", "status", "said", "not_said", "findings", "checks", "evidence"), CASES
)
def test_status_rules(facts, status, said, not_said, findings, checks, evidence):
    assessment = assess(Facts(control=CONTROL, **facts), NOW)

    assert assessment.status == status, assessment.reason
    assert assessment.status in CONTROL_STATUSES
    for words in said:
        assert words in assessment.reason
    for words in not_said:
        assert words not in assessment.reason
    basis = assessment.basis()
    assert basis["findings"] == list(findings)
    assert basis["checks"] == list(checks)
    assert basis["evidence"] == list(evidence)


@pytest.mark.parametrize(
    ("evidence", "parts"),
    [
        pytest.param([scan("s-1", 1)], {"checks": True, "documents": False}, id="scan-only"),
        pytest.param([document("d-1", 1)], {"checks": False, "documents": True}, id="doc-only"),
        pytest.param(
            [scan("s-1", 1), document("d-1", 1)], {"checks": True, "documents": True}, id="both"
        ),
        pytest.param([], {"checks": False, "documents": False}, id="none"),
    ],
)
def test_basis_records_which_parts_are_current(evidence, parts):
    assessment = assess(Facts(control=CONTROL, check_ids=CHECKS, evidence=evidence), NOW)

    assert assessment.basis()["parts"] == parts


def test_a_control_without_checks_has_no_technical_part():
    assessment = assess(Facts(control=CONTROL, evidence=[document("d-1", 1)]), NOW)

    assert assessment.basis()["parts"] == {"documents": True}


def test_the_threshold_is_the_controls_own():
    strict = Control(
        id="ctrl_strict", name="Strict", description="d", severity_threshold=Severity.LOW
    )
    lenient = Control(
        id="ctrl_lenient", name="Lenient", description="d", severity_threshold=Severity.CRITICAL
    )
    findings = [finding("f-1", "high")]

    assert assess(Facts(control=strict, findings=findings), NOW).status == "not_implemented"
    assert assess(Facts(control=lenient, findings=findings), NOW).status == "not_assessed"


def test_the_freshness_window_is_the_controls_own():
    yearly = Control(id="ctrl_yearly", name="Yearly", description="d", freshness_days=365)
    old = [document("d-1", 200)]

    assert assess(Facts(control=yearly, evidence=old), NOW).status == "implemented"
    assert assess(Facts(control=CONTROL, evidence=old), NOW).status == "not_assessed"


def test_many_findings_are_summarised_after_five():
    findings = [finding(f"f-{index}", "high") for index in range(7)]

    assessment = assess(Facts(control=CONTROL, check_ids=CHECKS, findings=findings), NOW)

    assert assessment.status == "not_implemented"
    assert "7 open finding(s)" in assessment.reason
    assert "[f-4]" in assessment.reason and "[f-5]" not in assessment.reason
    assert "and 2 more" in assessment.reason
    assert assessment.findings == tuple(f"f-{index}" for index in range(7))
