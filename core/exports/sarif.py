"""Findings as one SARIF 2.1.0 log: one run of the tool "CyberOrigen", streamed.

- **Rules** are the checks of the exported findings, found by a small query before the first
  result (``ExportContext.checks_seen``: one row per check, whatever the number of findings),
  so the log is written front to back without holding the results. A check the catalogue
  knows takes its title, description, remediation and first web reference from it; another
  (an imported tool's rule) its findings' title. A result whose check appeared between that
  query and its own batch still has its ``ruleId``, without a ``ruleIndex``: valid SARIF.
- **Level**: critical and high are ``error``, medium ``warning``, low and info ``note``.
  Info is ``note`` rather than ``none`` because SARIF keeps ``none`` for results that are not
  failures (``kind`` pass, informational...), and an info finding of this appliance is still
  something to look at (no security.txt, a version banner); it stays apart from the others
  through its ``security-severity`` of 0.0 (CVSS's "None").
- **security-severity** (GitHub code scanning's property, a number as a string): the
  finding's CVSS base score when its evidence gives one within its severity's band, else a
  value inside the band GitHub reads (critical above 9.0, high 7.0-8.9, medium 4.0-6.9,
  low 0.1-3.9). A rule carries the worst of its findings, so that GitHub, which ranks an
  alert by its rule, never ranks one lower than its finding.
- **Locations**: GitHub code scanning accepts only repository-relative paths in
  ``artifactLocation.uri`` (an ``https:`` URI is refused), so the physical location is the
  place as a relative path (``example.com/login``, ``example.com_8443/``, ``mail.example.com_25``);
  the place itself, exactly as the finding names it, is the logical location's
  fully qualified name, and the message repeats it.
- **partialFingerprints**: the finding's fingerprint, stable across scans, so re-uploading a
  later export updates alerts instead of duplicating them. An accepted risk or a false
  positive is an externally ``accepted`` suppression with the reason as its justification.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import quote, urlsplit

from cyberorigen.exports.context import ExportContext, Row, SeenCheck, web_references

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
TOOL_NAME = "CyberOrigen"
FINGERPRINT_KEY = "cyberorigenFingerprint/v1"

LEVELS = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "note",
    "info": "note",
}

#: Per severity: the CVSS scores GitHub ranks alike (inclusive), and the score written when
#: the finding gives none of them.
BANDS: dict[str, tuple[float, float, str]] = {
    "critical": (9.1, 10.0, "9.5"),
    "high": (7.0, 8.9, "8.0"),
    "medium": (4.0, 6.9, "5.5"),
    "low": (0.1, 3.9, "2.0"),
    "info": (0.0, 0.0, "0.0"),
}

SUPPRESSED = ("accepted_risk", "false_positive")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def security_severity(severity: str, evidence: Mapping[str, Any] | None = None) -> str:
    """The ``security-severity`` of a finding of ``severity`` (see the module's notes)."""
    low, high, default = BANDS.get(severity, BANDS["medium"])
    score = (evidence or {}).get("cvss")
    if isinstance(score, int | float) and not isinstance(score, bool) and low <= score <= high:
        return f"{score:.1f}"
    return default


def artifact_path(place: str) -> str:
    """``place`` (a URL, ``host``, ``host:port``, ``host:port/udp``, ``[v6]:port``) as a
    relative URI reference: no scheme, no query, ``:`` written ``_``, dot segments removed."""
    text = place.strip()
    if "://" in text:
        parts = urlsplit(text)
        try:
            port = parts.port
        except ValueError:
            port = None
        host = parts.hostname or ""
        path = posixpath.normpath(parts.path) if parts.path else ""
        text = host + (f":{port}" if port else "") + ("" if path in ("", ".") else path)
    text = text.replace("[", "").replace("]", "").replace(":", "_").lstrip("/")
    return quote(text, safe="/._-~") or "unknown"


def _tags(scanner: str) -> list[str]:
    return list(dict.fromkeys(tag for tag in ("security", scanner) if tag))


def _rule(seen: SeenCheck, context: ExportContext) -> dict[str, Any]:
    check = context.checks.get(seen.check_id)
    rule: dict[str, Any] = {"id": seen.check_id}
    title = check.title if check is not None else seen.title
    if title:
        rule["shortDescription"] = {"text": title}
    if check is not None:
        if check.description:
            rule["fullDescription"] = {"text": check.description}
        if check.remediation:
            rule["help"] = {"text": check.remediation}
        links = web_references(check.references)
        if links:
            rule["helpUri"] = links[0]
    rule["defaultConfiguration"] = {"level": LEVELS.get(seen.severity, "warning")}
    rule["properties"] = {
        "security-severity": security_severity(seen.severity),
        "tags": _tags(seen.scanner),
    }
    return rule


def _location(row: Row) -> dict[str, Any]:
    place = row.get("location") or row["target"]
    return {
        "physicalLocation": {"artifactLocation": {"uri": artifact_path(place)}},
        "logicalLocations": [
            {"name": row["target"], "fullyQualifiedName": place, "kind": "resource"}
        ],
    }


def _result(row: Row, rule_index: Mapping[str, int]) -> dict[str, Any]:
    severity = row["severity"]
    place = row.get("location") or row["target"]
    title = row.get("title") or row["check_id"]
    result: dict[str, Any] = {"ruleId": row["check_id"]}
    if row["check_id"] in rule_index:
        result["ruleIndex"] = rule_index[row["check_id"]]
    result["level"] = LEVELS.get(severity, "warning")
    result["message"] = {"text": f"{title} ({place})"}
    result["locations"] = [_location(row)]
    if row.get("fingerprint"):
        result["partialFingerprints"] = {FINGERPRINT_KEY: row["fingerprint"]}
    if row.get("status") in SUPPRESSED:
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": row.get("status_reason") or row["status"].replace("_", " "),
            }
        ]
    properties: dict[str, Any] = {
        "security-severity": security_severity(severity, row.get("evidence")),
        "tags": _tags(row.get("scanner") or ""),
        "findingId": row["id"],
        "severity": severity,
        "status": row.get("status"),
        "target": row["target"],
        "scanner": row.get("scanner"),
        "firstSeen": row.get("first_seen"),
        "lastSeen": row.get("last_seen"),
    }
    optional = {
        "statusReason": row.get("status_reason"),
        "acceptedUntil": row.get("accepted_until"),
        "assetId": row.get("asset_id"),
        "serviceId": row.get("service_id"),
        "cvssVector": row.get("cvss_vector"),
        "remediation": row.get("remediation"),
        "references": row.get("references"),
        "evidence": row.get("evidence"),
    }
    properties.update({name: value for name, value in optional.items() if value})
    result["properties"] = properties
    return result


def write(rows: Iterable[Row], context: ExportContext) -> Iterator[str]:
    """The SARIF log of ``rows``, in pieces: the run's tool and rules, then each result."""
    rules = [_rule(seen, context) for seen in context.checks_seen()]
    rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
    driver = {"name": TOOL_NAME, "version": context.product_version, "rules": rules}
    yield (
        f'{{"$schema":{_dumps(SCHEMA_URI)},"version":"2.1.0",'
        f'"runs":[{{"tool":{{"driver":{_dumps(driver)}}},"results":['
    )
    separator = ""
    for row in rows:
        yield separator + _dumps(_result(row, rule_index))
        separator = ","
    yield "]}]}\n"
