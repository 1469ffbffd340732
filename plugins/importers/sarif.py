"""SARIF 2.1.0: the results of code scanners (CodeQL, Semgrep, Bandit, ESLint...) and of any
tool that writes the OASIS Static Analysis Results Interchange Format.

Target: what the user names (``target``), else the run's repository
(``versionControlProvenance[0].repositoryUri``). Results that a suppression marks accepted
are left out. Severity: the rule's or result's ``security-severity`` property (a 0-10
score, GitHub's convention) when there is one, else the level (``error`` high, ``warning``
medium, ``note`` low, ``none`` info; a result without one takes its rule's default level,
else ``warning``).

A run without results (a clean one) resolves the earlier results of SARIF imports on its
target.

Fingerprint: tool name, rule id, the file's URI, and the result's partial fingerprints when
it has any (content hashes that survive lines moving); never the line number or message.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from cyberorigen.plugin_api import (
    Check,
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
    mapping,
    one_line,
    severity_from_score,
    text,
)

LEVELS = {
    "error": Severity.HIGH,
    "warning": Severity.MEDIUM,
    "note": Severity.LOW,
    "none": Severity.INFO,
}

RESULT = Check(
    id="sarif.result",
    title="Code scanning result",
    severity=Severity.MEDIUM,
    description="A result of a static analysis tool, read from a SARIF 2.1.0 file: the "
    "rule it broke, the file and line, and the tool's message.",
    remediation="Fix the code as the rule's help says, or suppress the result in the tool "
    "with a justification.",
    references=("https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html",),
    fingerprint="tool name, rule id, file URI, the result's partial fingerprints",
    controls=("ctrl_secure_development", "ctrl_vulnerability_management"),
)


def _score(properties: Any) -> float | None:
    if not isinstance(properties, Mapping):
        return None
    value = properties.get("security-severity")
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _rules(driver: Mapping[str, Any], where: str) -> tuple[dict[str, Mapping], list[Mapping]]:
    """The driver's rules by id, and in order (results may point at them by index)."""
    rules = listed(driver.get("rules"), f"{where}.tool.driver.rules", [])
    ordered = [
        mapping(rule, f"{where}.tool.driver.rules[{index}]") for index, rule in enumerate(rules)
    ]
    return {str(rule.get("id")): rule for rule in ordered if rule.get("id")}, ordered


def _rule_of(result: Mapping, by_id: dict, ordered: list) -> tuple[str, Mapping]:
    rule_id = result.get("ruleId")
    index = result.get("ruleIndex")
    if rule_id is None and isinstance(result.get("rule"), Mapping):
        rule_id = result["rule"].get("id")
        index = result["rule"].get("index", index)
    if rule_id is None and isinstance(index, int) and 0 <= index < len(ordered):
        rule_id = ordered[index].get("id")
    if rule_id is None:
        return "", {}
    rule_id = str(rule_id)
    if rule_id in by_id:
        return rule_id, by_id[rule_id]
    if isinstance(index, int) and 0 <= index < len(ordered):
        return rule_id, ordered[index]
    return rule_id, {}


def _location(result: Mapping) -> tuple[str, int | None, str]:
    """The first location's file URI, start line and snippet."""
    for location in result.get("locations") or ():
        physical = location.get("physicalLocation") if isinstance(location, Mapping) else None
        if not isinstance(physical, Mapping):
            continue
        artifact = physical.get("artifactLocation") or {}
        region = physical.get("region") or {}
        uri = str(artifact.get("uri") or "") if isinstance(artifact, Mapping) else ""
        line = region.get("startLine") if isinstance(region, Mapping) else None
        snippet = ""
        if isinstance(region, Mapping) and isinstance(region.get("snippet"), Mapping):
            snippet = text(region["snippet"].get("text"), 500)
        return uri, line if isinstance(line, int) else None, snippet
    return "", None, ""


def _suppressed(result: Mapping) -> bool:
    return any(
        isinstance(item, Mapping) and item.get("status", "accepted") == "accepted"
        for item in result.get("suppressions") or ()
    )


def _message(value: Any, rule: Mapping) -> str:
    if isinstance(value, Mapping):
        if value.get("text"):
            return text(value["text"])
        message_id = value.get("id")
        strings = rule.get("messageStrings") or {}
        if message_id and isinstance(strings.get(message_id), Mapping):
            return text(strings[message_id].get("text"))
    return ""


def _repository(run: Mapping) -> str:
    for item in run.get("versionControlProvenance") or ():
        if isinstance(item, Mapping) and item.get("repositoryUri"):
            return str(item["repositoryUri"])
    return ""


class SarifImporter(Importer):
    name = "sarif"
    title = "SARIF 2.1.0"
    version = "1.0"
    extensions = (".sarif", ".sarif.json", ".json")
    checks = (RESULT,)
    fingerprint = RESULT.fingerprint
    names_targets = True

    def detect(self, head: bytes) -> bool:
        lowered = head.lower()
        return b'"runs"' in lowered and (b"sarif" in lowered or b'"2.1.0"' in lowered)

    def parse(self, data: bytes, target: str | None) -> Iterator[Imported | ImportedTarget]:
        log = mapping(load_json(data, "the file"), "the file")
        if str(log.get("version", "")) != "2.1.0":
            raise InvalidImport(f"'version' is {log.get('version')!r}, not '2.1.0'")
        for run_number, run in enumerate(listed(log.get("runs"), "'runs'")):
            where = f"runs[{run_number}]"
            run = mapping(run, where)
            tool = mapping(
                mapping(run.get("tool"), f"{where}.tool").get("driver"), f"{where}.tool.driver"
            )
            tool_name = one_line(tool.get("name"), 100)
            if not tool_name:
                raise InvalidImport(f"{where}.tool.driver has no 'name'")
            by_id, ordered = _rules(tool, where)
            about = target or _repository(run)
            results = listed(run.get("results"), f"{where}.results", [])
            if results and not about:
                raise InvalidImport(
                    f"{where} names no repository (versionControlProvenance): say what the "
                    "results are about in 'target'"
                )
            if about:  # a clean run resolves what an earlier one found there
                yield ImportedTarget(about)
            for number, result in enumerate(results):
                yield from self._result(
                    mapping(result, f"{where}.results[{number}]"),
                    f"{where}.results[{number}]",
                    about,
                    tool_name,
                    one_line(tool.get("version") or tool.get("semanticVersion"), 50),
                    by_id,
                    ordered,
                )

    def _result(self, result, where, about, tool_name, tool_version, by_id, ordered):
        if _suppressed(result):
            return
        rule_id, rule = _rule_of(result, by_id, ordered)
        if not rule_id:
            raise InvalidImport(f"{where} names no rule ('ruleId')")
        uri, line, snippet = _location(result)
        score = _score(result.get("properties"))
        if score is None:
            score = _score(rule.get("properties"))
        default = rule.get("defaultConfiguration") or {}
        level = str(result.get("level") or default.get("level") or "warning")
        if level not in LEVELS:
            raise InvalidImport(f"{where}: level {level!r} is not error, warning, note or none")
        severity = severity_from_score(score) if score is not None else LEVELS[level]
        message = _message(result.get("message"), rule)
        if not message:
            raise InvalidImport(f"{where} has no message")
        partial = result.get("partialFingerprints") or {}
        stable = (
            sorted(f"{key}={value}" for key, value in partial.items())
            if isinstance(partial, Mapping)
            else []
        )
        rule_name = one_line(
            (rule.get("shortDescription") or {}).get("text") or rule.get("name") or rule_id, 200
        )
        tags = (rule.get("properties") or {}).get("tags") or []
        cwes = sorted(
            {str(tag).rsplit("/", 1)[-1].upper() for tag in tags if "cwe" in str(tag).lower()}
        )
        references = []
        if rule.get("helpUri"):
            references.append(str(rule["helpUri"]))
        references += [
            f"https://cwe.mitre.org/data/definitions/{cwe.removeprefix('CWE-')}.html"
            for cwe in cwes
            if cwe.removeprefix("CWE-").isdigit()
        ]
        help_text = (
            (rule.get("help") or {}).get("text") if isinstance(rule.get("help"), Mapping) else None
        )
        location = f"{uri}:{line}" if uri and line else (uri or about)
        yield Imported(
            about,
            self.finding(
                RESULT.id,
                location,
                {
                    "tool": tool_name,
                    "tool_version": tool_version,
                    "rule_id": rule_id,
                    "rule": rule_name,
                    "message": message,
                    "file": uri,
                    "line": line,
                    "snippet": snippet,
                    "level": level,
                    "security_severity": score,
                    "cwe": cwes,
                    "tags": [str(tag) for tag in tags][:20],
                },
                title=one_line(f"{rule_name} ({tool_name} {rule_id})", 300),
                severity=severity,
                remediation=text(help_text) or RESULT.remediation,
                references=tuple(references),
                fingerprint=stable_fingerprint(self.name, tool_name, rule_id, uri, *stable),
            ),
        )
