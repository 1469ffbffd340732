"""The appliance's vocabulary, spelled once: roles, plans, severities, statuses, timestamps.

The tables (``db.models``), the API's schemas, the CLI, the event table and the compliance
assessment all take their words from here, so a new status is added in one place.
"""

from __future__ import annotations

from datetime import datetime

from cyberorigen.plugin_api.interfaces import Severity

#: Roles, weakest first: each has every right of those before it.
ROLES = ("viewer", "auditor", "analyst", "admin")
#: Organization plans (their rate limits are in config/plans.toml).
PLANS = ("startup", "professional", "enterprise")

#: Severities, worst first (the plugin API's ``Severity``, as plain strings).
SEVERITIES = tuple(severity.value for severity in Severity)
#: Severities, mildest first: the order a threshold such as ``min_severity`` reads in.
SEVERITIES_ASCENDING = tuple(reversed(SEVERITIES))

SCAN_STATUSES = ("queued", "running", "completed", "failed", "cancelled")
#: A scan that is in one of these is over.
SCAN_FINISHED = ("completed", "failed", "cancelled")
SCANNER_RUN_STATUSES = (
    "pending",
    "running",
    "completed",
    "failed",
    "timed_out",
    "skipped",
    "not_applicable",
    "cancelled",
)
FINDING_STATUSES = ("open", "fixed", "accepted_risk", "false_positive")
DELIVERY_STATUSES = ("pending", "delivered", "failed")

#: A control's implementation status.
CONTROL_STATUSES = (
    "implemented",
    "partially_implemented",
    "not_implemented",
    "not_applicable",
    "not_assessed",
)
#: Where a piece of evidence stands in review (four eyes): only ``accepted`` evidence counts.
EVIDENCE_REVIEW_STATUSES = ("submitted", "accepted", "rejected")
#: A reviewer's decision on evidence, and the review status it gives the evidence.
REVIEW_DECISIONS = {"accept": "accepted", "reject": "rejected"}

#: A framework requirement's status.
REQUIREMENT_STATUSES = (
    "compliant",
    "partially_compliant",
    "non_compliant",
    "not_applicable",
    "not_assessed",
)

#: How every timestamp the appliance shows is written (UTC, to the second).
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
TIMESTAMP_PATTERN = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"


def timestamp(moment: datetime) -> str:
    """``moment`` (UTC, naive or aware) as the appliance writes timestamps."""
    return moment.strftime(TIMESTAMP_FORMAT)
