"""OWASP ZAP: the alerts of ZAP's "Traditional JSON" and "Traditional XML" reports (the
report add-on's ``traditional-json`` / ``traditional-xml`` templates, ``zap-baseline.py -J``
/ ``-x``, the automation framework's report job). One importer reads both: a file whose
first character is ``{`` is JSON, one that starts with ``<`` is XML (read with defusedxml).

What a finding is: one ZAP alert on one site, that is one per (alert reference, site
origin), with the URLs it was raised on listed in its evidence (``instances``, at most
:data:`MAX_INSTANCES` of them, and ``count``). ZAP lists one alert several times when its
instances differ in risk or confidence (a user changed some of them): those are merged into
one finding of the highest risk. Alerts marked as false positives (confidence 0) are left
out. Per-URL findings would follow ZAP's crawl, which finds other pages from one run to the
next, and turn a header missing on 300 pages into 300 findings: an alert per site resolves
only when no page of the site has it any more.

Target: the site's origin (``https://host[:port]``, the default port left out), from its
``@name``, else built from ``@host``, ``@port`` and ``@ssl``; the ``target`` of the upload
only for a site that names neither.

Severity: ``riskcode`` 3 high, 2 medium, 1 low, 0 info; a missing or unknown riskcode takes
the risk word of ``riskdesc`` ("High (Medium)"), else medium.

Fingerprint: site origin and the alert's ``alertRef`` (ZAP's id of the alert, the plugin id
with a variant suffix such as ``10038-1``), or its ``pluginid`` in reports older than alert
references. Never the URLs, parameters, attack strings or evidence of instances (they vary
with the crawl and carry nonces), the alert's name (translated), the report's
``@generated``/``created`` timestamps or the ZAP version.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from defusedxml import ElementTree

from cyberorigen.plugin_api import (
    Check,
    Imported,
    ImportedTarget,
    Importer,
    InvalidImport,
    Severity,
    stable_fingerprint,
)
from cyberorigen.plugins.importers.common import listed, load_json, mapping, one_line, text

#: ZAP's risk codes.
RISKS = {3: Severity.HIGH, 2: Severity.MEDIUM, 1: Severity.LOW, 0: Severity.INFO}
#: The risk words of ``riskdesc``, for a riskcode that is missing or unknown.
RISK_WORDS = {
    "high": Severity.HIGH,
    "medium": Severity.MEDIUM,
    "low": Severity.LOW,
    "informational": Severity.INFO,
    "info": Severity.INFO,
}
DEFAULT_SEVERITY = Severity.MEDIUM
#: ZAP's confidence code of an alert a user marked as a false positive.
FALSE_POSITIVE = 0
#: How many of an alert's instances a finding lists in its evidence.
MAX_INSTANCES = 25
_DEFAULT_PORTS = {"http": 80, "https": 443}
_URL = re.compile(r"https?://[^\s<>\"']+")

ALERT = Check(
    id="zap.alert",
    title="Web application alert (OWASP ZAP)",
    severity=Severity.MEDIUM,
    description="An alert of OWASP ZAP's passive or active scan of a web site, read from a "
    "ZAP traditional JSON or XML report: the alert, its risk and confidence, and the URLs "
    "(instances) it was raised on.",
    remediation="Fix the application or its web server as the alert's solution says, then "
    "scan again; mark false positives in ZAP (confidence False Positive) so that they are "
    "left out.",
    references=("https://www.zaproxy.org/docs/alerts/",),
    fingerprint="site origin, the alert's alertRef (its pluginid in reports without one)",
    controls=("ctrl_secure_web_configuration", "ctrl_vulnerability_management"),
)


def strip_html(value: Any, limit: int = 2000) -> str:
    """ZAP's HTML text (``<p>`` paragraphs) as plain text, paragraphs on lines of their own."""
    raw = text(value, limit * 4)
    raw = re.sub(r"(?i)</p\s*>|<br\s*/?>|</li\s*>", "\n", raw)
    raw = html.unescape(re.sub(r"<[^>]*>", "", raw))
    lines = (" ".join(line.split()) for line in raw.splitlines())
    return "\n".join(line for line in lines if line)[:limit]


def _number(value: Any) -> int | None:
    """A ZAP code ("3", 3, " 3 ") as an integer, None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _severity(alert: Mapping[str, Any]) -> Severity:
    code = _number(alert.get("riskcode"))
    if code in RISKS:
        return RISKS[code]
    word = str(alert.get("riskdesc") or "").strip().split(" ", 1)[0].lower()
    return RISK_WORDS.get(word, DEFAULT_SEVERITY)


def _origin(site: Mapping[str, Any], where: str, target: str | None) -> str:
    """``scheme://host[:port]`` of a site, the default port left out."""
    name = str(site.get("@name") or "").strip()
    host = str(site.get("@host") or "").strip()
    port = _number(site.get("@port"))
    ssl = str(site.get("@ssl") or "").strip().lower() == "true"
    if "://" in name:
        parts = urlsplit(name)
        try:
            port = parts.port if parts.port is not None else port
        except ValueError:
            raise InvalidImport(f"{where}: '@name' {name[:80]!r} has no valid port") from None
        scheme, host = parts.scheme.lower(), parts.hostname or host
    else:
        scheme, host = ("https" if ssl else "http"), host or name
    if not host:
        if target:
            return target
        raise InvalidImport(f"{where} names no site ('@name' or '@host')")
    if scheme not in _DEFAULT_PORTS:
        raise InvalidImport(f"{where}: '@name' {name[:80]!r} is not an http(s) site")
    if port is not None and not 0 < port < 65536:
        raise InvalidImport(f"{where}: '@port' {site.get('@port')!r} is not a port number")
    host = host.lower().strip("[]")
    shown = f"[{host}]" if ":" in host else host
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{shown}"
    return f"{scheme}://{shown}:{port}"


def _without_query(uri: str) -> str:
    return uri.split("#", 1)[0].split("?", 1)[0]


# --- reading the two layouts into one ---------------------------------------------------

_ALERT_FIELDS = (
    "pluginid",
    "alertRef",
    "alert",
    "name",
    "riskcode",
    "confidence",
    "riskdesc",
    "confidencedesc",
    "desc",
    "count",
    "solution",
    "otherinfo",
    "reference",
    "cweid",
    "wascid",
    "sourceid",
)
_INSTANCE_FIELDS = ("uri", "nodeName", "method", "param", "attack", "evidence", "otherinfo")


def _child_text(element: Any, name: str) -> str | None:
    child = element.find(name)
    return None if child is None else (child.text or "")


def _xml_sites(data: bytes) -> list[dict[str, Any]]:
    """The sites of a traditional XML report, shaped as the JSON report's are."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise InvalidImport(f"the file is not well-formed XML ({exc})") from None
    if root.tag != "OWASPZAPReport":
        raise InvalidImport(f"the root element is <{root.tag[:50]}>, not <OWASPZAPReport>")
    sites = []
    for site in root.findall("site"):
        alerts = []
        for item in site.findall("alerts/alertitem"):
            alert: dict[str, Any] = {
                key: value for key in _ALERT_FIELDS if (value := _child_text(item, key)) is not None
            }
            instances = []
            for instance in item.findall("instances/instance"):
                instances.append(
                    {
                        key: value
                        for key in _INSTANCE_FIELDS
                        if (value := _child_text(instance, key)) is not None
                    }
                )
            if not instances and item.find("uri") is not None:  # older reports: one URL
                instances.append(
                    {key: _child_text(item, key) or "" for key in ("uri", "method", "param")}
                )
            alert["instances"] = instances
            alerts.append(alert)
        sites.append(
            {
                "@name": site.get("name"),
                "@host": site.get("host"),
                "@port": site.get("port"),
                "@ssl": site.get("ssl"),
                "alerts": alerts,
            }
        )
    return sites


def _json_sites(data: bytes) -> list[Any]:
    report = mapping(load_json(data, "the file"), "the file")
    if "site" not in report:
        raise InvalidImport("the report has no 'site' list")
    sites = report["site"]
    if isinstance(sites, Mapping):  # some converters write a single site as an object
        sites = [sites]
    return listed(sites, "'site'")


class ZapImporter(Importer):
    name = "zap"
    title = "OWASP ZAP report (traditional JSON or XML)"
    version = "1.0"
    extensions = (".json", ".xml")
    checks = (ALERT,)
    fingerprint = ALERT.fingerprint
    names_targets = True

    def detect(self, head: bytes) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if start == b"<":
            return b"<OWASPZAPReport" in head
        if start == b"{":
            return b'"site"' in head and (
                b'"@version"' in head or b'"@generated"' in head or b'"@programName"' in head
            )
        return False

    def parse(self, data: bytes, target: str | None) -> Iterator[Imported]:
        start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        sites = _xml_sites(data) if start == b"<" else _json_sites(data)
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for number, site in enumerate(sites):
            where = f"site[{number}]"
            site = mapping(site, where)
            origin = _origin(site, where, target)
            yield ImportedTarget(origin)  # a site without alerts now resolves its earlier ones
            for index, alert in enumerate(listed(site.get("alerts"), f"{where}.alerts", [])):
                here = f"{where}.alerts[{index}]"
                alert = mapping(alert, here)
                self._merge(merged, origin, alert, here)
        for (origin, alert_ref), item in merged.items():
            yield self._imported(origin, alert_ref, item)

    def _merge(self, merged: dict, origin: str, alert: Mapping[str, Any], where: str) -> None:
        plugin_id = one_line(alert.get("pluginid"), 50)
        alert_ref = one_line(alert.get("alertRef"), 50) or plugin_id
        if not alert_ref:
            raise InvalidImport(f"{where} has no 'pluginid'")
        name = one_line(alert.get("alert") or alert.get("name"), 300)
        if not name:
            raise InvalidImport(f"{where} ({alert_ref}) has no 'alert' name")
        if _number(alert.get("confidence")) == FALSE_POSITIVE:
            return
        instances = []
        for number, instance in enumerate(listed(alert.get("instances"), f"{where}.instances", [])):
            instance = mapping(instance, f"{where}.instances[{number}]")
            instances.append(
                {
                    "uri": text(instance.get("uri"), 500),
                    "method": one_line(instance.get("method"), 20),
                    "param": text(instance.get("param"), 200),
                    "attack": text(instance.get("attack"), 300),
                    "evidence": text(instance.get("evidence"), 300),
                    "other_info": text(instance.get("otherinfo"), 300),
                }
            )
        severity = _severity(alert)
        item = merged.setdefault(
            (origin, alert_ref),
            {"alert": alert, "name": name, "plugin_id": plugin_id or alert_ref},
        )
        if "severity" not in item or severity.rank > item["severity"].rank:
            item.update(alert=alert, name=name, severity=severity)
        item.setdefault("instances", []).extend(instances)
        count = _number(alert.get("count")) or 0
        item["count"] = max(item.get("count", 0), count)

    def _imported(self, origin: str, alert_ref: str, item: dict[str, Any]) -> Imported:
        alert = item["alert"]
        unique: dict[tuple[str, str, str], dict[str, str]] = {}
        for instance in item["instances"]:
            unique.setdefault((instance["uri"], instance["method"], instance["param"]), instance)
        instances = [unique[key] for key in sorted(unique)]
        cwe = _number(alert.get("cweid"))
        wasc = _number(alert.get("wascid"))
        references = list(dict.fromkeys(_URL.findall(text(alert.get("reference"), 5000))))[:10]
        if cwe is not None and cwe > 0:
            references.append(f"https://cwe.mitre.org/data/definitions/{cwe}.html")
        location = _without_query(instances[0]["uri"]) if instances else ""
        return Imported(
            origin,
            self.finding(
                ALERT.id,
                location or origin,
                {
                    "alert": item["name"],
                    "plugin_id": item["plugin_id"],
                    "alert_ref": alert_ref,
                    "site": origin,
                    "riskcode": _number(alert.get("riskcode")),
                    "riskdesc": one_line(alert.get("riskdesc"), 100),
                    "confidence": _number(alert.get("confidence")),
                    "cwe": f"CWE-{cwe}" if cwe is not None and cwe > 0 else None,
                    "wasc": wasc if wasc is not None and wasc > 0 else None,
                    "source_id": _number(alert.get("sourceid")),
                    "description": strip_html(alert.get("desc")),
                    "other_info": strip_html(alert.get("otherinfo"), 1000),
                    "count": max(item["count"], len(instances)),
                    "instances": instances[:MAX_INSTANCES],
                },
                title=one_line(f"{item['name']} (ZAP {alert_ref})", 300),
                severity=item["severity"],
                remediation=strip_html(alert.get("solution")) or ALERT.remediation,
                references=tuple(references) or ALERT.references,
                fingerprint=stable_fingerprint(self.name, origin, alert_ref),
            ),
        )
