"""OCSF 1.x findings (Open Cybersecurity Schema Framework, schema versions 1.0 to 1.5 and
later 1.x): Detection Findings (``class_uid`` 2004), Vulnerability Findings (2002) and
Compliance Findings (2003), among them what ``prowler <provider> --output-formats json-ocsf``
writes. The file is a JSON array of findings, one finding object, or JSON Lines (one object a
line); which one is told from the text. An empty file, or an empty array, is a run with no
findings.

What becomes a finding: a result the product says failed. Left out are Prowler's ``PASS``
and ``MANUAL`` results (any ``status_code`` PASS, PASSED or MANUAL), findings whose
``status_id`` is Suppressed (3: Prowler's muted results), Resolved (4) or Archived (5),
``Close`` activities (``activity_id`` 3), and Compliance Findings whose ``compliance``
verdict is not Fail (Pass; Warning, which OCSF defines as "no result, information was
missing"; none). A Prowler result must say FAIL, PASS or MANUAL. A Vulnerability Finding
gives one finding per vulnerability and affected package.

Target: what the user names (``target``), else the cloud account, as
``<cloud.provider>://<cloud.account.uid>`` (``aws://123456789012``, ``azure://<subscription
id>``, ``gcp://<project id>``; ``cloud.project_uid`` or ``cloud.org.uid`` when there is no
account), else the device (``device.hostname``, else ``device.ip``, else ``device.name``).
A cloud account is not a host: findings on ``aws://...`` count toward controls only when the
user names an in-scope target for the file. Every target the file names, also through
results left out (an account whose checks all passed), is reported as examined, so that a
newer clean run resolves the findings it no longer reports. The resource (its ``uid``, an
ARN or Azure resource id, else its ``name``) is the finding's location.

Severity: ``severity_id`` 1 Informational → info, 2 Low → low, 3 Medium → medium, 4 High →
high, 5 Critical and 6 Fatal → critical; with 0 Unknown, 99 Other or none, the ``severity``
word (informational, info, low, medium, moderate, high, important, critical, fatal),
else medium. A vulnerability takes its own ``severity`` word first, then its highest CVSS
``base_score`` (CVSS v3 bands), then the finding's.

Fingerprint: the class, the product's name (``metadata.product.name``), the check
(``metadata.event_code``, Prowler's check id; else ``finding_info.analytic.uid`` or
``.name``; for a Compliance Finding else ``compliance.control`` with its standards; else
``finding_info.title``), the first resource's ``uid`` (else its ``name``; a finding naming no
resource takes ``finding_info.uid``, OCSF's identity of one finding through its Create,
Update and Close events), and the region (the resource's, else the cloud's) when that uid
does not contain it. For a vulnerability: the class, product, the CVE id (else the advisory
id, the CWE id, the title), the resource, the package's name and the region rule above.
Never a time, a scan id, the product's or the schema's version, the package version, or
``finding_info.uid`` of a finding that names its resource (Prowler's embeds the resource
name, which is not always stable).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote

from cyberorigen.plugin_api import (
    Check,
    Finding,
    Imported,
    ImportedTarget,
    Importer,
    InvalidImport,
    Severity,
    stable_fingerprint,
)
from cyberorigen.plugins.importers.common import (
    listed,
    load_json,
    load_json_lines,
    mapping,
    one_line,
    severity_from_score,
    severity_named,
    text,
)

DETECTION_CLASS, VULNERABILITY_CLASS, COMPLIANCE_CLASS = 2004, 2002, 2003
CLASS_NAMES = {
    DETECTION_CLASS: "Detection Finding",
    VULNERABILITY_CLASS: "Vulnerability Finding",
    COMPLIANCE_CLASS: "Compliance Finding",
}

SEVERITY_IDS = {
    1: Severity.INFO,
    2: Severity.LOW,
    3: Severity.MEDIUM,
    4: Severity.HIGH,
    5: Severity.CRITICAL,
    6: Severity.CRITICAL,  # Fatal
}
SEVERITY_WORDS = {
    "informational": Severity.INFO,
    "info": Severity.INFO,
    "none": Severity.INFO,
    "low": Severity.LOW,
    "medium": Severity.MEDIUM,
    "moderate": Severity.MEDIUM,
    "high": Severity.HIGH,
    "important": Severity.HIGH,
    "critical": Severity.CRITICAL,
    "fatal": Severity.CRITICAL,
}
#: What a finding takes when neither ``severity_id`` nor ``severity`` says.
DEFAULT_SEVERITY = Severity.MEDIUM

#: ``status_code`` values that are not failures (Prowler's, and their past tense).
NOT_FAILED_CODES = {"PASS": "passed", "PASSED": "passed", "MANUAL": "manual"}
PROWLER_CODES = {"FAIL", "PASS", "MANUAL"}
#: Finding ``status_id`` values of findings no longer open.
CLOSED_STATUS_IDS = {3: "suppressed", 4: "resolved", 5: "archived"}
CLOSE_ACTIVITY = 3
COMPLIANCE_VERDICTS = {1: "pass", 2: "warning", 3: "fail"}
COMPLIANCE_WORDS = {
    "pass": "pass",
    "passed": "pass",
    "compliant": "pass",
    "warning": "warning",
    "fail": "fail",
    "failed": "fail",
    "non_compliant": "fail",
    "noncompliant": "fail",
}

_DETECT_CLASS = re.compile(rb'"class_uid"\s*:\s*"?200[234]\b')
_SCHEMA_VERSION = re.compile(r"^1(\.|$)")
_SCHEME_JUNK = re.compile(r"[^a-z0-9+.-]")
_LIST_ITEMS = 20

DETECTION = Check(
    id="ocsf.detection",
    title="Detection finding (OCSF)",
    severity=DEFAULT_SEVERITY,
    description="A Detection Finding of an OCSF 1.x file: for Prowler, one of its checks "
    "that failed on a cloud resource (a public bucket, a root user without MFA); for other "
    "products, a detection or alert they raised.",
    remediation="Fix the resource as the finding's remediation says, or mute the check in "
    "the product with a justification.",
    references=("https://schema.ocsf.io/classes/detection_finding",),
    fingerprint="product name, check id (metadata.event_code, else the analytic or the "
    "title), resource uid, region when the uid lacks it (finding_info.uid without a resource)",
    controls=("ctrl_vulnerability_management",),
)
VULNERABILITY = Check(
    id="ocsf.vulnerability",
    title="Known vulnerability (OCSF)",
    severity=DEFAULT_SEVERITY,
    description="A vulnerability of an OCSF 1.x Vulnerability Finding: a CVE or advisory "
    "affecting a package on a resource or device.",
    remediation="Update the package to the version that fixes the vulnerability.",
    references=("https://schema.ocsf.io/classes/vulnerability_finding",),
    fingerprint="product name, CVE (else advisory, CWE or title), resource uid, package "
    "name, region when the uid lacks it",
    controls=("ctrl_vulnerability_management",),
)
COMPLIANCE = Check(
    id="ocsf.compliance",
    title="Failed compliance check (OCSF)",
    severity=DEFAULT_SEVERITY,
    description="A Compliance Finding of an OCSF 1.x file whose verdict is Fail: a "
    "benchmark or standard control (CIS, STIG...) that a resource or device does not meet.",
    remediation="Change the configuration as the control asks, or record an exception.",
    references=("https://schema.ocsf.io/classes/compliance_finding",),
    fingerprint="product name, check id (metadata.event_code, else the analytic, else the "
    "control and its standards, else the title), resource uid, region when the uid lacks it",
    controls=("ctrl_vulnerability_management",),
)
CHECK_OF_CLASS = {
    DETECTION_CLASS: DETECTION,
    VULNERABILITY_CLASS: VULNERABILITY,
    COMPLIANCE_CLASS: COMPLIANCE,
}


def _integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _object(value: Any, where: str) -> Mapping[str, Any]:
    """An optional object: ``{}`` when absent, else it must be one."""
    return {} if value is None else mapping(value, where)


def _events(data: bytes) -> Iterator[tuple[str, Any]]:
    """The file's findings with where each is: a JSON array, one object, or JSON Lines."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidImport("the file must be UTF-8 text") from None
    stripped = content.strip()
    if not stripped:
        return
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0].strip()
        try:
            lines = isinstance(json.loads(first), Mapping)
        except (json.JSONDecodeError, RecursionError):
            lines = False
        if lines:  # each line a whole object: JSON Lines
            for number, item in load_json_lines(data, "the file"):
                yield f"line {number}", item
            return
    document = load_json(data, "the file")
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield f"[{index}]", item
    elif isinstance(document, Mapping):
        yield "the finding", document
    else:
        raise InvalidImport(
            "the file must hold OCSF findings: a JSON array of them, one object, or JSON Lines"
        )


def _class_of(event: Mapping[str, Any], where: str) -> int:
    value = event.get("class_uid")
    if value is None:
        raise InvalidImport(f"{where} has no 'class_uid' (an OCSF finding: 2002, 2003 or 2004)")
    number = _integer(value)
    if number not in CLASS_NAMES:
        hint = " (Security Finding, OCSF 1.0: export Detection Findings)" if number == 2001 else ""
        raise InvalidImport(
            f"{where}: class_uid {value!r}{hint} is not a finding class this importer reads "
            "(2002 Vulnerability, 2003 Compliance, 2004 Detection Finding)"
        )
    return number


def _product(metadata: Mapping[str, Any], where: str) -> str:
    product = _object(metadata.get("product"), f"{where}.metadata.product")
    name = one_line(product.get("name") or product.get("uid") or product.get("vendor_name"), 100)
    if not name:
        raise InvalidImport(f"{where}.metadata.product names no product ('name')")
    return name


def _severity(severity_id: Any, word: Any, default: Severity = DEFAULT_SEVERITY) -> Severity:
    number = _integer(severity_id)
    if number in SEVERITY_IDS:
        return SEVERITY_IDS[number]
    return severity_named(word, SEVERITY_WORDS, default)


def _left_out(event: Mapping[str, Any], kind: int, prowler: bool, where: str) -> str:
    """Why ``event`` is not a finding ("passed", "suppressed"...), or "" when it is one."""
    code = event.get("status_code")
    code_word = str(code).strip().upper() if code is not None else ""
    if prowler and code_word not in PROWLER_CODES:
        raise InvalidImport(
            f"{where}: status_code {code!r} is not FAIL, PASS or MANUAL (a Prowler result)"
        )
    if code_word in NOT_FAILED_CODES:
        return NOT_FAILED_CODES[code_word]
    status_id = _integer(event.get("status_id"))
    if status_id in CLOSED_STATUS_IDS:
        return CLOSED_STATUS_IDS[status_id]
    status_word = str(event.get("status") or "").strip().lower()
    if status_id in (None, 0, 99) and status_word in CLOSED_STATUS_IDS.values():
        return status_word
    if _integer(event.get("activity_id")) == CLOSE_ACTIVITY:
        return "closed"
    if kind == COMPLIANCE_CLASS:
        verdict = _compliance_verdict(event, code_word, where)
        if verdict != "fail":
            return verdict or "no verdict"
    return ""


def _compliance_verdict(event: Mapping[str, Any], code_word: str, where: str) -> str:
    compliance = event.get("compliance")
    if compliance is None:
        raise InvalidImport(f"{where}: a Compliance Finding needs 'compliance'")
    compliance = mapping(compliance, f"{where}.compliance")
    verdict = COMPLIANCE_VERDICTS.get(_integer(compliance.get("status_id")) or 0, "")
    if not verdict:
        verdict = COMPLIANCE_WORDS.get(str(compliance.get("status") or "").strip().lower(), "")
    if not verdict and code_word == "FAIL":
        verdict = "fail"
    return verdict


def _target_of(event: Mapping[str, Any], where: str) -> str:
    """The cloud account (``aws://123456789012``) or device the event is about, else ""."""
    cloud = _object(event.get("cloud"), f"{where}.cloud")
    if cloud:
        account = _object(cloud.get("account"), f"{where}.cloud.account")
        org = _object(cloud.get("org"), f"{where}.cloud.org")
        uid = account.get("uid") or cloud.get("project_uid") or org.get("uid")
        if uid not in (None, ""):
            scheme = _SCHEME_JUNK.sub("", str(cloud.get("provider") or "").strip().lower())
            return f"{scheme or 'cloud'}://{quote(str(uid).strip()[:500], safe='._-~')}"
    device = _object(event.get("device"), f"{where}.device")
    for name in ("hostname", "ip", "name"):
        value = device.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()[:255]
    return ""


def _resources(event: Mapping[str, Any], where: str) -> list[Mapping[str, Any]]:
    items = listed(event.get("resources"), f"{where}.resources", [])
    return [mapping(item, f"{where}.resources[{index}]") for index, item in enumerate(items)]


def _resource_id(resource: Mapping[str, Any]) -> str:
    return text(resource.get("uid") or resource.get("name"), 1000).strip()


def _location(resource: Mapping[str, Any]) -> str:
    """The resource's uid, with its name when the uid does not show it (a GCP number)."""
    uid = _resource_id(resource)
    name = one_line(resource.get("name"), 300)
    return f"{name} ({uid})" if uid and name and name not in uid else uid


def _region(resource: Mapping[str, Any], cloud: Mapping[str, Any]) -> str:
    return one_line(resource.get("region") or cloud.get("region"), 100)


def _words(value: Any, limit: int = _LIST_ITEMS) -> list[str]:
    if not isinstance(value, list):
        return []
    return [one_line(item, 200) for item in value[:limit] if isinstance(item, str | int | float)]


def _links(*groups: Any) -> tuple[str, ...]:
    """Web addresses among ``groups`` (strings or lists of strings), once each."""
    found: list[str] = []
    for group in groups:
        for item in group if isinstance(group, list) else [group]:
            if isinstance(item, str) and item.startswith(("https://", "http://")):
                link = item.strip()[:500]
                if link not in found:
                    found.append(link)
    return tuple(found[:_LIST_ITEMS])


def _compact(values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value not in (None, "", [], {})}


def _resource_facts(resource: Mapping[str, Any]) -> dict[str, Any]:
    group = resource.get("group")
    return _compact(
        {
            "uid": text(resource.get("uid"), 1000),
            "name": one_line(resource.get("name"), 300),
            "type": one_line(resource.get("type"), 100),
            "region": one_line(resource.get("region"), 100),
            "service": one_line(group.get("name"), 100) if isinstance(group, Mapping) else "",
            "partition": one_line(resource.get("cloud_partition"), 50),
            "namespace": one_line(resource.get("namespace"), 200),
        }
    )


def _context(event: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Where the finding was made: cloud account and device, for its evidence."""
    facts: dict[str, Any] = {}
    cloud = _object(event.get("cloud"), f"{where}.cloud")
    if cloud:
        account = _object(cloud.get("account"), f"{where}.cloud.account")
        facts["cloud"] = _compact(
            {
                "provider": one_line(cloud.get("provider"), 50),
                "account_uid": one_line(account.get("uid") or cloud.get("project_uid"), 200),
                "account_name": one_line(account.get("name"), 200),
                "region": one_line(cloud.get("region"), 100),
            }
        )
    device = _object(event.get("device"), f"{where}.device")
    if device:
        facts["device"] = _compact(
            {name: one_line(device.get(name), 255) for name in ("hostname", "ip", "name", "uid")}
        )
    return _compact(facts)


def _compliance_map(value: Any) -> dict[str, list[str]]:
    """Prowler's ``unmapped.compliance``: framework → requirement ids, bounded."""
    if not isinstance(value, Mapping):
        return {}
    kept: dict[str, list[str]] = {}
    for framework, ids in list(value.items())[:50]:
        listed_ids = _words(ids if isinstance(ids, list) else [ids], 30)
        if listed_ids:
            kept[one_line(framework, 100)] = listed_ids
    return kept


def _rule(
    kind: int, info: Mapping[str, Any], metadata: Mapping[str, Any], event: Mapping[str, Any]
) -> str:
    """What check the finding is of, as stably as the file says."""
    if one_line(metadata.get("event_code"), 200):
        return one_line(metadata.get("event_code"), 200)
    analytic = info.get("analytic")
    if isinstance(analytic, Mapping):
        for name in ("uid", "name"):
            if one_line(analytic.get(name), 200):
                return one_line(analytic.get(name), 200)
    if kind == COMPLIANCE_CLASS:
        compliance = event.get("compliance")
        if isinstance(compliance, Mapping) and one_line(compliance.get("control"), 200):
            standards = sorted(_words(compliance.get("standards")))
            return " ".join([one_line(compliance.get("control"), 200), *standards])
    return one_line(info.get("title"), 300)


def _cvss(cve: Mapping[str, Any]) -> tuple[float | None, str | None]:
    """The highest base score of the CVE's CVSS entries, and a vector (the newest version)."""
    entries = cve.get("cvss")
    entries = entries if isinstance(entries, list) else [entries]
    best: float | None = None
    vectors: list[tuple[str, str]] = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        score = entry.get("base_score", entry.get("overall_score"))
        if isinstance(score, int | float) and not isinstance(score, bool) and 0 <= score <= 10:
            best = float(score) if best is None else max(best, float(score))
        vector = entry.get("vector_string")
        if isinstance(vector, str) and vector.strip():
            vectors.append((str(entry.get("version") or ""), vector.strip()[:200]))
    vector = max(vectors)[1] if vectors else None
    return best, vector


class OcsfImporter(Importer):
    name = "ocsf"
    title = "OCSF 1.x findings (Prowler json-ocsf)"
    version = "1.0"
    extensions = (".ocsf.json", ".json", ".jsonl")
    checks = (DETECTION, VULNERABILITY, COMPLIANCE)
    fingerprint = (
        "class, product name, check id (metadata.event_code, else the analytic, compliance "
        "control or title) or CVE and package name, resource uid, region when the uid lacks "
        "it; never times, scan ids or versions"
    )
    names_targets = True

    def detect(self, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if start not in (b"[", b"{"):
            return False
        if _DETECT_CLASS.search(head):
            return True
        return b'"finding_info"' in head and b'"severity_id"' in head

    def parse(self, data: bytes, target: str | None) -> Iterator[Imported | ImportedTarget]:
        with_findings: set[str] = set()
        examined: list[str] = []
        for where, raw in _events(data):
            event = mapping(raw, where)
            kind = _class_of(event, where)
            metadata = mapping(event.get("metadata"), f"{where}.metadata")
            version = metadata.get("version")
            if version is not None and not _SCHEMA_VERSION.match(str(version).strip()):
                raise InvalidImport(
                    f"{where}: metadata.version {version!r} is not an OCSF 1.x schema version"
                )
            product = _product(metadata, where)
            info = mapping(event.get("finding_info"), f"{where}.finding_info")
            about = target or _target_of(event, where)
            if _left_out(event, kind, product.lower() == "prowler", where):
                if about:
                    examined.append(about)
                continue
            if not about:
                raise InvalidImport(
                    f"{where} names no cloud account (cloud.account.uid) or device "
                    "(device.hostname, device.ip): say what the results are about in 'target'"
                )
            if kind == VULNERABILITY_CLASS:
                found = list(self._vulnerabilities(event, info, product, about, where))
            else:
                found = [self._finding(event, kind, info, metadata, product, about, where)]
            for finding in found:
                with_findings.add(about)
                yield Imported(about, finding)
        if not target:  # the core adds the target the user named itself
            for about in dict.fromkeys(examined):
                if about not in with_findings:
                    yield ImportedTarget(about)

    def _finding(self, event, kind, info, metadata, product, about, where) -> Finding:
        check = CHECK_OF_CLASS[kind]
        rule = _rule(kind, info, metadata, event)
        if not rule:
            raise InvalidImport(
                f"{where} names no check (metadata.event_code, finding_info.analytic or "
                "finding_info.title)"
            )
        resources = _resources(event, where)
        first = resources[0] if resources else {}
        cloud = _object(event.get("cloud"), f"{where}.cloud")
        resource = _resource_id(first)
        region = _region(first, cloud)
        identity = resource or text(info.get("uid"), 500)
        parts = [CLASS_NAMES[kind], product.lower(), rule, identity]
        if region and region not in resource:
            parts.append(region)
        check_title = one_line(info.get("title"), 300)
        statement = one_line(event.get("status_detail") or event.get("message"), 300)
        code = str(event.get("status_code") or "").strip().upper()
        # A Prowler title names what should hold ("Root account has MFA enabled"): a FAIL's
        # status detail says what does not ("MFA is not enabled for root account.").
        heading = statement if code == "FAIL" and statement else (check_title or rule)
        title = f"{heading} ({product} {rule})" if rule != heading else f"{heading} ({product})"
        unmapped = event.get("unmapped") if isinstance(event.get("unmapped"), Mapping) else {}
        remediation = _object(event.get("remediation"), f"{where}.remediation")
        compliance = event.get("compliance") if isinstance(event.get("compliance"), Mapping) else {}
        analytic = info.get("analytic") if isinstance(info.get("analytic"), Mapping) else {}
        evidence = _compact(
            {
                "class": CLASS_NAMES[kind],
                "product": product,
                "product_version": one_line(
                    _object(metadata.get("product"), where).get("version"), 50
                ),
                "check_id": rule,
                "check_title": check_title,
                "finding_uid": one_line(info.get("uid"), 500),
                "status_code": code,
                "message": text(event.get("message") or event.get("status_detail")),
                "description": text(info.get("desc")),
                "risk": text(event.get("risk_details")),
                "types": _words(info.get("types")),
                "analytic": _compact(
                    {
                        "uid": one_line(analytic.get("uid"), 200),
                        "name": one_line(analytic.get("name"), 200),
                    }
                ),
                "resource": _resource_facts(first),
                "other_resources": [_resource_id(item) for item in resources[1:_LIST_ITEMS]],
                "region": region,
                **_context(event, where),
                "categories": _words(unmapped.get("categories")),
                "compliance": _compliance_map(unmapped.get("compliance"))
                or _compact(
                    {
                        "control": one_line(compliance.get("control"), 200),
                        "standards": _words(compliance.get("standards")),
                        "requirements": _words(compliance.get("requirements")),
                        "status": one_line(compliance.get("status"), 50),
                    }
                ),
                "severity": one_line(event.get("severity"), 50),
            }
        )
        return self.finding(
            check.id,
            _location(first) or self._place(event, about, where),
            evidence,
            title=one_line(title, 300),
            severity=_severity(event.get("severity_id"), event.get("severity")),
            remediation=text(remediation.get("desc") or compliance.get("desc"))
            or check.remediation,
            references=_links(
                remediation.get("references"),
                unmapped.get("related_url"),
                unmapped.get("additional_urls"),
            )
            or check.references,
            fingerprint=stable_fingerprint(self.name, *parts),
        )

    def _place(self, event: Mapping[str, Any], about: str, where: str) -> str:
        device = _object(event.get("device"), f"{where}.device")
        for name in ("hostname", "ip", "name"):
            if one_line(device.get(name), 255):
                return one_line(device.get(name), 255)
        return about

    def _vulnerabilities(self, event, info, product, about, where) -> Iterator[Finding]:
        vulnerabilities = event.get("vulnerabilities")
        if not isinstance(vulnerabilities, list) or not vulnerabilities:
            raise InvalidImport(f"{where}: a Vulnerability Finding needs 'vulnerabilities'")
        resources = _resources(event, where)
        first = resources[0] if resources else {}
        cloud = _object(event.get("cloud"), f"{where}.cloud")
        resource = _resource_id(first)
        region = _region(first, cloud)
        place = _location(first) or self._place(event, about, where)
        overall = _severity(event.get("severity_id"), event.get("severity"))
        for index, raw in enumerate(vulnerabilities):
            here = f"{where}.vulnerabilities[{index}]"
            vulnerability = mapping(raw, here)
            cve = _object(vulnerability.get("cve"), f"{here}.cve")
            advisory = _object(vulnerability.get("advisory"), f"{here}.advisory")
            cwe = _object(vulnerability.get("cwe"), f"{here}.cwe")
            name = one_line(vulnerability.get("title"), 300)
            identity = (
                one_line(cve.get("uid"), 100)
                or one_line(advisory.get("uid"), 200)
                or one_line(cwe.get("uid"), 100)
                or name
            )
            if not identity:
                raise InvalidImport(f"{here} names no CVE, advisory, CWE or title")
            score, vector = _cvss(cve)
            if vulnerability.get("severity"):
                severity = severity_named(
                    vulnerability["severity"],
                    SEVERITY_WORDS,
                    severity_from_score(score) if score is not None else overall,
                )
            else:
                severity = severity_from_score(score) if score is not None else overall
            key = "affected_packages" if "affected_packages" in vulnerability else "packages"
            packages = [
                mapping(item, f"{here}.{key}[{number}]")
                for number, item in enumerate(listed(vulnerability.get(key), f"{here}.{key}", []))
            ]
            for number, package in enumerate(packages):
                if not one_line(package.get("name"), 200):
                    raise InvalidImport(f"{here}.{key}[{number}] has no 'name'")
            remediation = _object(vulnerability.get("remediation"), f"{here}.remediation")
            references = _links(
                vulnerability.get("references"),
                cve.get("references"),
                remediation.get("references"),
                [f"https://nvd.nist.gov/vuln/detail/{identity}"]
                if identity.upper().startswith("CVE-")
                else [],
            )
            for package in packages or [{}]:
                package_name = one_line(package.get("name"), 200)
                package_version = one_line(package.get("version"), 100)
                fixed = one_line(package.get("fixed_in_version"), 100)
                parts = [CLASS_NAMES[VULNERABILITY_CLASS], product.lower(), identity, resource]
                parts.append(package_name)
                if region and region not in resource:
                    parts.append(region)
                location = place
                if package_name:
                    location = f"{place}: {package_name} {package_version}".strip()
                heading = f"{identity}: {name}" if name and name != identity else identity
                title = f"{heading} in {package_name}" if package_name else heading
                advice = text(remediation.get("desc"))
                if not advice and package_name and fixed:
                    advice = f"Update {package_name} to {fixed} or later."
                yield self.finding(
                    VULNERABILITY.id,
                    location,
                    _compact(
                        {
                            "class": CLASS_NAMES[VULNERABILITY_CLASS],
                            "product": product,
                            "finding_uid": one_line(info.get("uid"), 500),
                            "finding_title": one_line(info.get("title"), 300),
                            "cve": one_line(cve.get("uid"), 100),
                            "advisory": one_line(advisory.get("uid"), 200),
                            "cwe": one_line(cwe.get("uid"), 100),
                            "title": name,
                            "description": text(vulnerability.get("desc") or cve.get("desc")),
                            "severity": one_line(vulnerability.get("severity"), 50),
                            "cvss": score,
                            "exploit_available": vulnerability.get("is_exploit_available")
                            if isinstance(vulnerability.get("is_exploit_available"), bool)
                            else None,
                            "package": _compact(
                                {
                                    "name": package_name,
                                    "version": package_version,
                                    "fixed_in_version": fixed,
                                    "purl": one_line(package.get("purl"), 300),
                                    "path": one_line(package.get("path"), 500),
                                    "manager": one_line(package.get("package_manager"), 50),
                                }
                            ),
                            "resource": _resource_facts(first),
                            "region": region,
                            **_context(event, where),
                        }
                    ),
                    title=one_line(title, 300),
                    severity=severity,
                    remediation=advice or VULNERABILITY.remediation,
                    references=references or VULNERABILITY.references,
                    cvss_vector=vector,
                    fingerprint=stable_fingerprint(self.name, *parts),
                )
