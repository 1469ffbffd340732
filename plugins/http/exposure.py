"""The exposed-files checks: a Git repository, a .env file and backups the site serves."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from cyberorigen.plugin_api import Finding, Scanner, Severity
from cyberorigen.plugins.http import signatures
from cyberorigen.plugins.http.checks import MAX_PROBED_SUBDIRECTORIES
from cyberorigen.plugins.http.response import Response

EXPOSURE_CHECK_IDS = ("http.git_exposed", "http.env_exposed", "http.backup_exposed")
#: How much of each probed file is read: enough for every signature and a .env file.
PROBE_BODY_LIMIT = 64 * 1024


@dataclass(frozen=True)
class Probe:
    #: The file's path relative to the directory probed.
    name: str
    check_id: str
    recognize: Callable[[Response], signatures.Recognized]
    #: What the finding's location names, relative to the directory (default: the file).
    located_at: str = ""
    #: Requested only when no earlier probe of the same check fired in the directory.
    fallback: bool = False


PROBES: tuple[Probe, ...] = (
    Probe(".git/HEAD", "http.git_exposed", signatures.git_head, located_at=".git/"),
    Probe(
        ".git/config", "http.git_exposed", signatures.git_config, located_at=".git/", fallback=True
    ),
    Probe(".env", "http.env_exposed", signatures.dotenv),
    Probe("backup.zip", "http.backup_exposed", signatures.zip_archive),
    Probe("backup.tar.gz", "http.backup_exposed", signatures.gzip_archive),
    Probe("site.zip", "http.backup_exposed", signatures.zip_archive),
    Probe("db.sql", "http.backup_exposed", signatures.sql_dump),
    Probe("index.php.bak", "http.backup_exposed", signatures.php_source),
    Probe(".DS_Store", "http.backup_exposed", signatures.ds_store),
)


def missing_file_name() -> str:
    """A name no site has: the server's answer for it is its answer for a missing file."""
    return f"cyberorigen-missing-{secrets.token_hex(8)}"


def probe_directories(urls: Iterable[str]) -> list[str]:
    """'/' then the directories of ``urls`` in the order seen, without repeats, at most
    :data:`MAX_PROBED_SUBDIRECTORIES` of them besides '/'."""
    directories = ["/"]
    for url in urls:
        path = urlsplit(url).path or "/"
        directory = path[: path.rindex("/") + 1] if "/" in path else "/"
        if directory not in directories:
            directories.append(directory)
    return directories[: 1 + MAX_PROBED_SUBDIRECTORIES]


def probe_directory(
    scanner: Scanner, get: Callable[[str], Response | None], directory: str
) -> Iterator[Finding]:
    """Request every probe's file in ``directory`` (which ends with '/'); ``get(path)``
    answers, or gives None when no more requests are to be made."""
    not_found = get(directory + missing_file_name())
    if not_found is None:
        return
    fired: set[str] = set()
    for probe in PROBES:
        if probe.fallback and probe.check_id in fired:
            continue
        response = get(directory + probe.name)
        if response is None:
            return
        findings = exposure_findings(scanner, probe, response, not_found)
        if findings:
            fired.add(probe.check_id)
        yield from findings


def exposure_findings(
    scanner: Scanner, probe: Probe, response: Response, not_found: Response
) -> list[Finding]:
    """A 200 whose content proves what the file is, unless the server's answer for a missing
    file proves the same (a catch-all answer proves nothing)."""
    if response.status != 200:
        return []
    recognized = probe.recognize(response)
    if recognized is None:
        return []
    if not_found.status == 200 and probe.recognize(not_found) is not None:
        return []
    directory_url = response.url[: len(response.url) - len(probe.name)]
    evidence = {
        "url": response.url,
        "status": response.status,
        "content_type": response.headers.get("Content-Type", "absent"),
        **recognized,
    }
    extra = {}
    if recognized.get("secret_names"):
        extra["severity"] = Severity.CRITICAL
    location = directory_url + (probe.located_at or probe.name)
    return [scanner.finding(probe.check_id, location, evidence, **extra)]
