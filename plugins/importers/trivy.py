"""Trivy JSON, schema version 2 (``trivy image|fs|repo|config|rootfs|vm --format json``): the
vulnerabilities of OS and language packages, the misconfigurations of Dockerfiles and IaC
files, and the secrets Trivy found in an artifact. License results are not read.

Target: what the user names (``target``), else the artifact the report names
(``ArtifactName``): a container image by its name without tag or digest
(``ghcr.io/acme/shop:1.4.2@sha256:...`` is ``ghcr.io/acme/shop``, Docker Hub's
``docker.io/library/alpine:3.19`` is ``alpine``), so that each new build of the image updates
the same findings; an image read from an archive (``--input shop.tar``) by its first repo tag;
a repository by its URL without credentials, query or ``.git`` (``git@host:org/app.git`` is
``https://host/org/app``). A filesystem, rootfs or SBOM report names only a local path (``.``),
and a ``vm`` report a disk file: those need ``target``.

Severity: Trivy's own (``CRITICAL``, ``HIGH``, ``MEDIUM``, ``LOW``); ``UNKNOWN`` (or none) is
the band of the vulnerability's CVSS score when it has one, else low: seen, not yet rated.
Vulnerabilities whose status is ``not_affected`` and misconfigurations that did not fail
(``PASS``, ``EXCEPTION``: ``--include-non-failures``) are left out.

Fingerprints, never the installed version, the image tag or digest, a layer, the OS release
or a line number:

- vulnerability: its id (``CVE-2024-0727``), the package name, and where the package is: for
  OS packages the distribution (the result's ``Type``: ``alpine``, ``debian``); for language
  packages the package's path (``PkgPath``, a jar or a ``dist-info``) or else the result's
  ``Target`` (the lockfile), with the installed version taken out of it
  (``lib/log4j-core-2.14.1.jar`` counts as ``lib/log4j-core-*.jar``). An upgrade that still
  leaves the vulnerability is the same finding (its location and evidence show the new
  version); the next report without it resolves it. Several versions of one package with
  the same vulnerability in one place (two lodash in one ``package-lock.json``) are one
  finding whose evidence lists them all.
- misconfiguration: its check id (``AVDID``, else ``ID``), the file (the result's ``Target``)
  and the resource (``CauseMetadata.Resource``, for IaC: ``aws_s3_bucket.logs``).
- secret: its rule id, the file, and the match as Trivy masked it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

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

SEVERITIES = {
    "critical": Severity.CRITICAL,
    "high": Severity.HIGH,
    "medium": Severity.MEDIUM,
    "low": Severity.LOW,
}
#: An unrated vulnerability without a CVSS score: reported, at the lowest failing severity.
UNRATED = Severity.LOW
#: Misconfiguration statuses that are not failures.
NOT_FAILED = {"PASS", "EXCEPTION"}
#: Artifact types whose name is a path on the machine that ran Trivy.
LOCAL_ARTIFACTS = {"filesystem", "rootfs", "cyclonedx", "spdx", "sbom", "vm"}
ARCHIVE_ENDINGS = (".tar", ".tar.gz", ".tgz", ".tar.zst", ".oci")
DOCKER_HUB = ("docker.io/", "index.docker.io/", "registry-1.docker.io/")
#: How many references a finding keeps (Trivy lists dozens of advisories for some CVEs).
MAX_REFERENCES = 10

VULNERABILITY = Check(
    id="trivy.vulnerability",
    title="Package with a known vulnerability",
    severity=Severity.HIGH,
    description="A vulnerability Trivy found in an OS or language package of a container "
    "image, repository or filesystem: the advisory, the package, its installed and fixed "
    "versions, read from a Trivy JSON report.",
    remediation="Upgrade the package to the fixed version (evidence 'fixed_version') or "
    "later, or rebuild the image on an updated base image; when no fix is published, "
    "assess the exposure and accept the risk until one is.",
    references=("https://trivy.dev/latest/docs/scanner/vulnerability/",),
    fingerprint="vulnerability id, package name, and where the package is (the OS "
    "distribution, or the package's path or lockfile without the installed version); "
    "never the installed version, image tag or digest",
    controls=("ctrl_vulnerability_management",),
)

MISCONFIGURATION = Check(
    id="trivy.misconfiguration",
    title="Misconfiguration in infrastructure code",
    severity=Severity.MEDIUM,
    description="A failed check of Trivy's misconfiguration scanner on a Dockerfile, "
    "Kubernetes manifest, Terraform, CloudFormation or Helm file: the check, the resource "
    "and the lines, read from a Trivy JSON report.",
    remediation="Change the file as the check's resolution says (evidence 'resolution').",
    references=("https://trivy.dev/latest/docs/scanner/misconfiguration/",),
    fingerprint="check id (AVDID, else ID), file, resource; never the line",
    controls=("ctrl_secure_development",),
)

SECRET = Check(
    id="trivy.secret",
    title="Secret in code or image",
    severity=Severity.HIGH,
    description="A credential (a cloud access key, a token, a private key) that Trivy's "
    "secret scanner found in a file of a repository, filesystem or image layer; the "
    "evidence holds the match as Trivy masked it, never the secret.",
    remediation="Revoke and rotate the credential, remove it from the file (and from the "
    "image's layers and the repository's history), and load it from a secret store at run "
    "time.",
    references=("https://trivy.dev/latest/docs/scanner/secret/",),
    fingerprint="rule id, file, the masked match; never the line",
    controls=("ctrl_secure_development", "ctrl_authentication"),
)


def image_name(reference: str) -> str:
    """An image reference without tag or digest, Docker Hub's spelled short
    (``docker.io/library/alpine:3.19`` is ``alpine``); "" when it names no repository (an
    image id such as ``sha256:...``)."""
    name = reference.strip().split("@", 1)[0].lower()
    if re.fullmatch(r"(sha256:)?[0-9a-f]{12,64}", name):
        return ""
    if name.rfind(":") > name.rfind("/"):
        name = name[: name.rfind(":")]
    for prefix in DOCKER_HUB:
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    if name.startswith("library/") and name.count("/") == 1:
        name = name[len("library/") :]
    return name.strip("/")


def repository_url(name: str) -> str:
    """A repository's URL without credentials, query, fragment or ``.git``; an scp-like
    ``git@host:org/app.git`` as ``https://host/org/app``; "" for a local path."""
    name = name.strip()
    scp = re.fullmatch(r"[\w.-]+@([\w.-]+):(?!//)(.+)", name)
    if scp:
        name = f"https://{scp.group(1)}/{scp.group(2).lstrip('/')}"
    if "://" not in name:
        return ""
    parts = urlsplit(name)
    host = parts.hostname or ""
    if not host:
        return ""
    host = f"[{host}]" if ":" in host else host
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    path = parts.path.rstrip("/")
    path = path.removesuffix(".git").rstrip("/")
    return f"{parts.scheme.lower()}://{host}{port}{path}"


def _artifact_target(report: Mapping[str, Any]) -> str:
    """The stable name of the report's artifact, "" when it names only a local path."""
    name = report.get("ArtifactName")
    if not isinstance(name, str) or not name.strip():
        return ""
    kind = str(report.get("ArtifactType") or "")
    if kind == "repository":
        return repository_url(name)
    if kind in LOCAL_ARTIFACTS:
        return ""
    # container_image (and reports from before ArtifactType existed)
    local = name.lower().endswith(ARCHIVE_ENDINGS) or name.startswith(("/", "./", "../", "~"))
    stable = "" if local else image_name(name)
    if not stable:
        metadata = report.get("Metadata")
        if isinstance(metadata, Mapping):
            for key in ("RepoTags", "RepoDigests"):
                for reference in metadata.get(key) or ():
                    if isinstance(reference, str) and image_name(reference):
                        return image_name(reference)
    return stable


def without_version(place: str, version: str) -> str:
    """``place`` (a package's path) with the installed version taken out as ``*``."""
    if not version or not place:
        return place
    pattern = rf"(?<![0-9A-Za-z]){re.escape(version)}(?![0-9A-Za-z])"
    return re.sub(pattern, "*", place)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _cvss(vulnerability: Mapping[str, Any]) -> tuple[float | None, str | None, str]:
    """The CVSS score and vector of the source Trivy rated by (else NVD's, else the first
    source's), and that source: CVSS v3 preferred, then v4, then v2."""
    scores = vulnerability.get("CVSS")
    if not isinstance(scores, Mapping):
        return None, None, ""
    order = [vulnerability.get("SeveritySource"), "nvd", *scores]
    for source in order:
        entry = scores.get(source) if isinstance(source, str) else None
        if not isinstance(entry, Mapping):
            continue
        for version in ("V3", "V40", "V2"):
            score = _number(entry.get(f"{version}Score"))
            vector = entry.get(f"{version}Vector")
            if score is not None or vector:
                usable = isinstance(vector, str) and 0 < len(vector) <= 200 and " " not in vector
                return score, vector if usable else None, str(source)
    return None, None, ""


def _severity(value: Any, where: str, score: float | None = None) -> Severity:
    word = str(value or "unknown").strip().lower()
    if word in SEVERITIES:
        return SEVERITIES[word]
    if word != "unknown":
        raise InvalidImport(
            f"{where}: severity {value!r} is not CRITICAL, HIGH, MEDIUM, LOW or UNKNOWN"
        )
    return severity_from_score(score) if score else UNRATED


def _strings(value: Any, limit: int = MAX_REFERENCES) -> list[str]:
    if not isinstance(value, list):
        return []
    return [text(item, 500) for item in value if isinstance(item, str) and item][:limit]


def _lines(cause: Any) -> tuple[int | None, int | None]:
    if not isinstance(cause, Mapping):
        return None, None
    start, end = cause.get("StartLine"), cause.get("EndLine")
    start = start if isinstance(start, int) and not isinstance(start, bool) and start > 0 else None
    end = end if isinstance(end, int) and not isinstance(end, bool) and end > 0 else None
    return start, end


class TrivyImporter(Importer):
    name = "trivy"
    title = "Trivy JSON"
    version = "1.0"
    extensions = (".json",)
    checks = (VULNERABILITY, MISCONFIGURATION, SECRET)
    fingerprint = (
        "vulnerabilities: id, package name, the OS distribution or the package's path or "
        "lockfile without its version; misconfigurations: check id, file, resource; "
        "secrets: rule id, file, masked match. Never the installed version, image tag or "
        "digest, layer or line"
    )
    names_targets = True

    def detect(self, head: bytes) -> bool:
        return b'"SchemaVersion"' in head and (b'"ArtifactName"' in head or b'"Results"' in head)

    def parse(self, data: bytes, target: str | None) -> Iterator[Imported | ImportedTarget]:
        report = load_json(data, "the file")
        if isinstance(report, list):
            raise InvalidImport(
                "it is a bare array of results, the JSON of Trivy before v0.20: write the "
                "report with a newer Trivy (--format json writes schema version 2)"
            )
        report = mapping(report, "the file")
        if "Results" not in report and "Resources" in report:
            raise InvalidImport(
                "it is a 'trivy k8s' report (Resources), which is not read: scan the "
                "cluster's images with 'trivy image' instead"
            )
        schema = report.get("SchemaVersion")
        if schema != 2:
            raise InvalidImport(f"'SchemaVersion' is {schema!r}, not 2")
        results = listed(report.get("Results"), "'Results'", [])
        about = (target or "").strip() or _artifact_target(report)
        artifact = {
            "artifact": one_line(report.get("ArtifactName"), 500),
            "artifact_type": one_line(report.get("ArtifactType"), 50),
        }
        if about:  # a newer, clean report resolves what the artifact no longer has
            yield ImportedTarget(about)
        vulnerabilities: dict[str, dict[str, Any]] = {}
        for number, result in enumerate(results):
            where = f"Results[{number}]"
            result = mapping(result, where)
            found = [
                listed(result.get(key), f"{where}.{key}", [])
                for key in ("Vulnerabilities", "Misconfigurations", "Secrets")
            ]
            if any(found) and not about:
                raise InvalidImport(
                    f"the report is of {artifact['artifact_type'] or 'an artifact'} "
                    f"{artifact['artifact']!r}, a path on the machine that ran Trivy and "
                    "not a host, image or repository: say what it is about in 'target'"
                )
            place = one_line(result.get("Target"), 500)
            for index, item in enumerate(found[0]):
                self._vulnerability(
                    mapping(item, f"{where}.Vulnerabilities[{index}]"),
                    f"{where}.Vulnerabilities[{index}]",
                    result,
                    place,
                    artifact,
                    vulnerabilities,
                )
            for index, item in enumerate(found[1]):
                yield from self._misconfiguration(
                    mapping(item, f"{where}.Misconfigurations[{index}]"),
                    f"{where}.Misconfigurations[{index}]",
                    place,
                    about,
                    artifact,
                )
            for index, item in enumerate(found[2]):
                yield self._secret(
                    mapping(item, f"{where}.Secrets[{index}]"),
                    f"{where}.Secrets[{index}]",
                    place,
                    about,
                    artifact,
                )
        for entry in vulnerabilities.values():
            yield Imported(about, self._vulnerability_finding(entry))

    def _vulnerability(self, item, where, result, place, artifact, collected) -> None:
        """Collect one vulnerability, merged with the same one of another installed version
        of the package in the same place."""
        vulnerability_id = one_line(item.get("VulnerabilityID"), 100)
        if not vulnerability_id:
            raise InvalidImport(f"{where} has no 'VulnerabilityID'")
        package = one_line(item.get("PkgName") or item.get("PkgID"), 300)
        if not package:
            raise InvalidImport(f"{where} has no 'PkgName'")
        if str(item.get("Status") or "").lower() == "not_affected":
            return
        installed = one_line(item.get("InstalledVersion"), 100)
        package_class = one_line(result.get("Class"), 50)
        package_type = one_line(result.get("Type"), 50)
        path = one_line(item.get("PkgPath"), 500)
        if package_class == "os-pkgs":
            identity = f"os:{package_type}"
            shown = place
        else:
            identity = f"{package_type}:{without_version(path or place, installed)}"
            shown = path or place
        fingerprint = stable_fingerprint(
            self.name, "vulnerability", vulnerability_id, package, identity
        )
        if fingerprint in collected:
            versions = collected[fingerprint]["versions"]
            if installed and installed not in versions:
                versions.append(installed)
            return
        score, vector, source = _cvss(item)
        collected[fingerprint] = {
            "item": item,
            "id": vulnerability_id,
            "package": package,
            "installed": installed,
            "versions": [installed] if installed else [],
            "where": shown,
            "class": package_class,
            "type": package_type,
            "path": path,
            "result_target": place,
            "severity": _severity(item.get("Severity"), where, score),
            "score": score,
            "vector": vector,
            "score_source": source,
            "artifact": artifact,
            "fingerprint": fingerprint,
        }

    def _vulnerability_finding(self, entry: dict[str, Any]):
        item = entry["item"]
        fixed = one_line(item.get("FixedVersion"), 200)
        status = one_line(item.get("Status"), 50)
        package, installed = entry["package"], entry["installed"]
        title = one_line(item.get("Title"), 200)
        heading = f"{entry['id']} in {package} {installed}".strip()
        references = []
        if isinstance(item.get("PrimaryURL"), str) and item["PrimaryURL"]:
            references.append(text(item["PrimaryURL"], 500))
        references += [ref for ref in _strings(item.get("References")) if ref not in references]
        cwes = [one_line(cwe, 20).upper() for cwe in _strings(item.get("CweIDs"), 20)]
        if fixed:
            remediation = (
                f"Upgrade {package} to {fixed} or later (installed: "
                f"{', '.join(entry['versions']) or 'unknown'})."
            )
        else:
            remediation = (
                f"No fixed version of {package} is published ({status or 'status unknown'}): "
                "assess the exposure, mitigate it, and upgrade once a fix is released."
            )
        data_source = item.get("DataSource")
        evidence = {
            "vulnerability_id": entry["id"],
            "package": package,
            "package_id": one_line(item.get("PkgID"), 300),
            "installed_version": installed,
            "installed_versions": entry["versions"],
            "fixed_version": fixed,
            "status": status,
            "package_class": entry["class"],
            "package_type": entry["type"],
            "package_path": entry["path"],
            "result_target": entry["result_target"],
            "title": title,
            "description": text(item.get("Description")),
            "trivy_severity": one_line(item.get("Severity") or "UNKNOWN", 20),
            "severity_source": one_line(item.get("SeveritySource"), 50),
            "cvss_score": entry["score"],
            "cvss_source": entry["score_source"],
            "cwe": cwes,
            "data_source": one_line(data_source.get("Name"), 200)
            if isinstance(data_source, Mapping)
            else "",
            "published": one_line(item.get("PublishedDate"), 40),
            **entry["artifact"],
        }
        return self.finding(
            VULNERABILITY.id,
            " ".join(filter(None, (package, installed)))
            + (f" in {entry['where']}" if entry["where"] else ""),
            evidence,
            title=one_line(f"{heading}: {title}" if title else heading, 300),
            severity=entry["severity"],
            remediation=remediation,
            references=tuple(references) or VULNERABILITY.references,
            cvss_vector=entry["vector"],
            fingerprint=entry["fingerprint"],
        )

    def _misconfiguration(self, item, where, place, about, artifact) -> Iterator[Imported]:
        status = str(item.get("Status") or "FAIL").upper()
        if status in NOT_FAILED:
            return
        check_id = one_line(item.get("AVDID") or item.get("ID"), 100)
        if not check_id:
            raise InvalidImport(f"{where} has no 'ID'")
        cause = item.get("CauseMetadata")
        cause = cause if isinstance(cause, Mapping) else {}
        resource = one_line(cause.get("Resource"), 300)
        start, end = _lines(cause)
        title = one_line(item.get("Title") or check_id, 200)
        message = text(item.get("Message"))
        references = []
        if isinstance(item.get("PrimaryURL"), str) and item["PrimaryURL"]:
            references.append(text(item["PrimaryURL"], 500))
        references += [ref for ref in _strings(item.get("References")) if ref not in references]
        location = f"{place}:{start}" if place and start else place or about
        yield Imported(
            about,
            self.finding(
                MISCONFIGURATION.id,
                location,
                {
                    "check_id": one_line(item.get("ID"), 100),
                    "avd_id": one_line(item.get("AVDID"), 100),
                    "type": one_line(item.get("Type"), 200),
                    "title": title,
                    "message": message,
                    "description": text(item.get("Description")),
                    "resolution": text(item.get("Resolution")),
                    "file": place,
                    "resource": resource,
                    "provider": one_line(cause.get("Provider"), 100),
                    "service": one_line(cause.get("Service"), 100),
                    "start_line": start,
                    "end_line": end,
                    "status": status,
                    "trivy_severity": one_line(item.get("Severity") or "UNKNOWN", 20),
                    **artifact,
                },
                title=one_line(f"{title} ({check_id})", 300),
                severity=_severity(item.get("Severity"), where),
                remediation=text(item.get("Resolution")) or MISCONFIGURATION.remediation,
                references=tuple(references) or MISCONFIGURATION.references,
                fingerprint=stable_fingerprint(
                    self.name, "misconfiguration", check_id, place, resource
                ),
            ),
        )

    def _secret(self, item, where, place, about, artifact) -> Imported:
        rule_id = one_line(item.get("RuleID"), 200)
        if not rule_id:
            raise InvalidImport(f"{where} has no 'RuleID'")
        match = one_line(item.get("Match"), 500)
        start, end = _lines(item)
        title = one_line(item.get("Title") or rule_id, 200)
        layer = item.get("Layer")
        return Imported(
            about,
            self.finding(
                SECRET.id,
                f"{place}:{start}" if place and start else place or about,
                {
                    "rule_id": rule_id,
                    "category": one_line(item.get("Category"), 100),
                    "title": title,
                    "file": place,
                    "match": match,
                    "start_line": start,
                    "end_line": end,
                    "layer": one_line(layer.get("DiffID") or layer.get("Digest"), 100)
                    if isinstance(layer, Mapping)
                    else "",
                    "trivy_severity": one_line(item.get("Severity") or "UNKNOWN", 20),
                    **artifact,
                },
                title=one_line(f"{title} in {place}" if place else title, 300),
                severity=_severity(item.get("Severity"), where),
                fingerprint=stable_fingerprint(self.name, "secret", rule_id, place, match),
            ),
        )
