"""Nuclei JSON results: the JSON Lines of ``nuclei -jsonl`` (``-j``; ``-json`` before v3), one
result a line, or the JSON array that ``nuclei -json-export`` (``-je``) writes.

Target: where the result matched (``matched-at``, else ``matched`` as Nuclei before 2.5
wrote it, else ``url``, else ``host``), as the appliance names targets: an HTTP result by its
URL's origin (``https://shop.example.com``, ``http://10.0.0.5:8080``; scheme and host
lower-cased, a default port dropped), a network, TLS or JavaScript result by ``host:port``, a
DNS result by its host name. A file template's result (``type`` ``file`` or ``code``, or a
path where a host would be) names no host: it takes the ``target`` the user gives, and the
file is refused without one; its path is part of its identity, so scan a checkout at the
same path each time. The user's ``target`` does not replace the host of a result that names
one (a Nuclei run covers many hosts). Nuclei writes nothing about the hosts where nothing
matched: an empty run resolves only on the ``target`` the user names.

Results of ``-matcher-status`` runs that did not match (``matcher-status`` false) are left out.
A template naming a CVE (``info.classification.cve-id``, or the ``cve`` tag) is a
``nuclei.known_vulnerability``; any other is a ``nuclei.template_match``. Severity: the
template's (``critical``, ``high``, ``medium``, ``low``, ``info``); ``unknown`` (or none) is
the band of its ``cvss-score`` when it has one, else low.

Fingerprint: template id, matcher name, extractor name, the fuzzed parameter (DAST results),
and the matched URL without its query values or fragment (``/search?q=<payload>&page=2`` is
``/search?page&q``: query values carry payloads and cache busters). Never the timestamp,
the extracted results, the IP address, the request or the response, which are volatile.
The evidence keeps the extracted results (masked, but for their first four characters, when
the template is tagged as finding keys, tokens, secrets or passwords); the request, response
and curl command are not stored: they may hold credentials.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from cyberorigen.plugin_api import (
    Check,
    Imported,
    Importer,
    InvalidImport,
    Severity,
    stable_fingerprint,
)
from cyberorigen.plugins.importers.common import (
    load_json,
    load_json_lines,
    mapping,
    one_line,
    severity_from_score,
    text,
)

SEVERITIES = {
    "critical": Severity.CRITICAL,
    "high": Severity.HIGH,
    "medium": Severity.MEDIUM,
    "low": Severity.LOW,
    "info": Severity.INFO,
}
UNRATED = Severity.LOW
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}
#: Result types whose ``host`` is a path on the machine that ran Nuclei.
LOCAL_TYPES = {"file", "code"}
MAX_REFERENCES = 10
#: How many extracted results, of how many characters each, a finding's evidence keeps.
MAX_EXTRACTED = (20, 300)
#: Tags of templates whose extracted results are credentials: the evidence keeps them masked.
SECRET_TAGS = {
    "apikey",
    "api-key",
    "credential",
    "credentials",
    "key",
    "keys",
    "password",
    "passwords",
    "secret",
    "secrets",
    "token",
    "tokens",
}

KNOWN_VULNERABILITY = Check(
    id="nuclei.known_vulnerability",
    title="Known vulnerability confirmed by a Nuclei template",
    severity=Severity.HIGH,
    description="A Nuclei template written for a published vulnerability (it names a CVE) "
    "matched on the target: the template, where it matched, the CVE, CWE and CVSS score, "
    "and what the template extracted, read from Nuclei's JSON output.",
    remediation="Apply the vendor's fix for the CVE (upgrade the product), or mitigate it "
    "as the advisory says, then run the template again.",
    references=("https://docs.projectdiscovery.io/templates/introduction",),
    fingerprint="template id, matcher and extractor names, fuzzed parameter, matched URL "
    "without query values",
    controls=("ctrl_vulnerability_management",),
)

TEMPLATE_MATCH = Check(
    id="nuclei.template_match",
    title="Nuclei template matched",
    severity=Severity.MEDIUM,
    description="A Nuclei template that names no CVE matched on the target: an exposed "
    "file or panel, a misconfiguration, a default login, a missing protection, or (at "
    "severity info) a detected technology; read from Nuclei's JSON output.",
    remediation="Fix what the template found as its description and references say "
    "(remove the exposed file, restrict the panel, change the setting), then run the "
    "template again.",
    references=("https://docs.projectdiscovery.io/templates/introduction",),
    fingerprint=KNOWN_VULNERABILITY.fingerprint,
    controls=("ctrl_secure_web_configuration", "ctrl_vulnerability_management"),
)


def _strings(value: Any, limit: int = 50) -> list[str]:
    """A string-or-list field (Nuclei writes several either way) as a list of strings; a
    comma-separated string is split."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    items = [one_line(item, 500) for item in value if isinstance(item, str | int | float)]
    return [item for item in items if item][:limit]


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _masked(value: str) -> str:
    """A credential's first four characters, the rest as asterisks (all of a short one)."""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * min(len(value) - 4, 20)


def _host_port(host: str, port: int | None) -> str:
    host = f"[{host}]" if ":" in host else host
    return f"{host}:{port}" if port else host


def split_match(value: str) -> tuple[str, str, str]:
    """Where a result matched: ``(target, identity, location)``. ``target`` is the URL's
    origin or ``host[:port]`` ("" when ``value`` names no host), ``identity`` the match
    without query values or fragment, ``location`` the match without credentials."""
    value = value.strip()
    scheme = ""
    try:
        if "://" in value:
            parts = urlsplit(value)
            scheme = parts.scheme.lower()
        else:
            parts = urlsplit("//" + value)
    except ValueError:  # an unclosed IPv6 bracket
        return "", value, value
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "", value, value
    try:
        port = parts.port
    except ValueError:
        port = None
    if scheme and port == DEFAULT_PORTS.get(scheme):
        port = None
    origin = _host_port(host, port)
    target = f"{scheme}://{origin}" if scheme else origin
    netloc = parts.netloc.rsplit("@", 1)[-1]
    shown = parts._replace(netloc=netloc, fragment="").geturl()
    location = shown[2:] if not scheme and shown.startswith("//") else shown
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    identity = target + parts.path + (("?" + "&".join(keys)) if keys else "")
    return target, identity, location


def _is_local(kind: str, value: str) -> bool:
    return (
        kind in LOCAL_TYPES
        or value.startswith(("/", "./", "../", "~"))
        or "\\" in value
        or (value[1:2] == ":" and value[0:1].isalpha() and value[2:3] in ("/", "\\"))
    )


def _items(data: bytes) -> list[tuple[str, Any]]:
    """The file's results with where each is ("line 3", "item 3")."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"[":
        document = load_json(data, "the file")
        if not isinstance(document, list):
            raise InvalidImport("the file must be a JSON array or JSON lines")
        return [(f"item {number}", item) for number, item in enumerate(document, start=1)]
    return [(f"line {number}", item) for number, item in load_json_lines(data, "the file")]


class NucleiImporter(Importer):
    name = "nuclei"
    title = "Nuclei JSON"
    version = "1.0"
    extensions = (".jsonl", ".json")
    checks = (KNOWN_VULNERABILITY, TEMPLATE_MATCH)
    fingerprint = (
        "template id, matcher name, extractor name, fuzzed parameter, and the matched URL "
        "without query values or fragment (host:port or host for other protocols); never "
        "the timestamp, extracted results or IP address"
    )
    names_targets = True

    def detect(self, head: bytes) -> bool:
        return b'"template-id"' in head and (
            b'"matched-at"' in head or b'"host"' in head or b'"info"' in head
        )

    def parse(self, data: bytes, target: str | None) -> Iterator[Imported]:
        for where, result in _items(data):
            yield from self._result(mapping(result, where), where, (target or "").strip())

    def _result(self, result: Mapping[str, Any], where: str, given: str) -> Iterator[Imported]:
        if result.get("matcher-status") is False:
            return
        template_id = one_line(result.get("template-id"), 200)
        if not template_id:
            raise InvalidImport(f"{where} has no 'template-id'")
        info = result.get("info")
        info = mapping(info, f"{where}: 'info'") if info is not None else {}
        kind = one_line(result.get("type"), 50).lower()
        matched = next(
            (
                str(result[key]).strip()
                for key in ("matched-at", "matched", "url", "host")
                if isinstance(result.get(key), str) and result[key].strip()
            ),
            "",
        )
        unit, identity, location = ("", matched, matched)
        if matched and not _is_local(kind, matched):
            unit, identity, location = split_match(matched)
        if not unit:
            if not given:
                raise InvalidImport(
                    f"{where} ({template_id}) names no host ({matched or 'no matched-at'!r}): "
                    "say what the results are about in 'target'"
                )
            unit = given
        classification = info.get("classification")
        classification = classification if isinstance(classification, Mapping) else {}
        cves = sorted({cve.upper() for cve in _strings(classification.get("cve-id"))})
        cwes = sorted({cwe.upper() for cwe in _strings(classification.get("cwe-id"))})
        tags = _strings(info.get("tags"))
        score = _number(classification.get("cvss-score"))
        word = str(info.get("severity") or "unknown").strip().lower()
        if word in SEVERITIES:
            severity = SEVERITIES[word]
        elif word == "unknown":
            severity = severity_from_score(score) if score else UNRATED
        else:
            raise InvalidImport(
                f"{where}: severity {info.get('severity')!r} is not critical, high, medium, "
                "low, info or unknown"
            )
        check = (
            KNOWN_VULNERABILITY
            if cves or any(tag.lower() == "cve" for tag in tags)
            else TEMPLATE_MATCH
        )
        matcher = one_line(result.get("matcher-name"), 200)
        extractor = one_line(result.get("extractor-name"), 200)
        parameter = one_line(result.get("fuzzing_parameter"), 200)
        name = one_line(info.get("name") or template_id, 200)
        vector = classification.get("cvss-metrics")
        vector = (
            vector.strip()
            if isinstance(vector, str) and 0 < len(vector.strip()) <= 200 and " " not in vector
            else None
        )
        references = _strings(info.get("reference"), MAX_REFERENCES)
        references += [
            f"https://nvd.nist.gov/vuln/detail/{cve}" for cve in cves if cve.startswith("CVE-")
        ]
        count, width = MAX_EXTRACTED
        extracted = result.get("extracted-results")
        extracted = (
            [text(item, width) for item in extracted[:count]] if isinstance(extracted, list) else []
        )
        if SECRET_TAGS & {tag.lower() for tag in tags}:
            extracted = [_masked(item) for item in extracted]
        label = f"{name} [{matcher or extractor}]" if matcher or extractor else name
        yield Imported(
            unit,
            self.finding(
                check.id,
                text(location, 2000) or unit,
                {
                    "template_id": template_id,
                    "template": name,
                    "template_url": one_line(result.get("template-url"), 500),
                    "type": kind,
                    "host": one_line(result.get("host"), 500),
                    "ip": one_line(result.get("ip"), 100),
                    "matched_at": text(location, 2000),
                    "matcher_name": matcher,
                    "extractor_name": extractor,
                    "extracted_results": extracted,
                    "fuzzing_parameter": parameter,
                    "fuzzing_position": one_line(result.get("fuzzing_position"), 50),
                    "fuzzing_method": one_line(result.get("fuzzing_method"), 20),
                    "nuclei_severity": word,
                    "description": text(info.get("description")),
                    "impact": text(info.get("impact")),
                    "tags": tags[:20],
                    "authors": _strings(info.get("author"), 10),
                    "cve": cves,
                    "cwe": cwes,
                    "cvss_score": score,
                    "epss_score": _number(classification.get("epss-score")),
                    "timestamp": one_line(result.get("timestamp"), 50),
                },
                title=one_line(label, 300),
                severity=severity,
                remediation=text(info.get("remediation")) or check.remediation,
                references=tuple(dict.fromkeys(references)) or check.references,
                cvss_vector=vector,
                fingerprint=stable_fingerprint(
                    self.name, template_id, matcher, extractor, parameter, identity
                ),
            ),
        )
