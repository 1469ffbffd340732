"""Recognizers of file contents a web server should never serve: each says what proves it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cyberorigen.plugins.http.response import Response

#: What a recognizer returns: evidence of what was recognized, or None.
Recognized = dict[str, Any] | None

_GIT_HEAD = re.compile(r"^(?:ref: refs/\S+|[0-9a-f]{40})\s*$")
_GIT_CONFIG_CORE = re.compile(r"^\s*\[core\]\s*$", re.MULTILINE)
_ASSIGNMENT = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=(.*)$")
_SECRET_NAME = re.compile(r"PASS|SECRET|KEY|TOKEN|CREDENTIAL|PRIVATE|AUTH", re.IGNORECASE)
_SQL_DUMP = re.compile(
    r"^(?:-- (?:MySQL|MariaDB) dump|-- PostgreSQL database dump|CREATE TABLE\b|"
    r"INSERT INTO\b|DROP TABLE\b|/\*!40101 SET\b|PRAGMA foreign_keys)",
    re.IGNORECASE | re.MULTILINE,
)
#: Lines of a .env file read; the rest of a long file is ignored.
_ENV_LINES = 200
#: Variables listed in the evidence (names only, values masked).
_ENV_SHOWN = 20


def _first_bytes(response: Response) -> str:
    return response.data[:8].hex(" ")


def _markup(response: Response) -> bool:
    """An HTML page or anything that starts like markup (a catch-all page is one)."""
    return response.is_html or response.body.lstrip().startswith("<")


def masked(value: str) -> str:
    value = value.strip().strip("'\"")
    return f"<redacted, {len(value)} characters>" if value else ""


def git_head(response: Response) -> Recognized:
    first_line = response.body.lstrip("\ufeff").split("\n", 1)[0]
    if _markup(response) or not _GIT_HEAD.match(first_line):
        return None
    return {"signature": "a Git HEAD file", "head": first_line.strip()[:200]}


def git_config(response: Response) -> Recognized:
    """The config's body is not kept: remote URLs in it may embed credentials."""
    if _markup(response) or not _GIT_CONFIG_CORE.search(response.body):
        return None
    return {"signature": "a Git config file with a [core] section"}


def dotenv(response: Response) -> Recognized:
    """KEY=VALUE lines (at least half of the lines that are not blank or comments)."""
    if _markup(response):
        return None
    lines = [
        line
        for line in response.body.splitlines()[:_ENV_LINES]
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assignments = [match for line in lines if (match := _ASSIGNMENT.match(line))]
    if not assignments or 2 * len(assignments) < len(lines):
        return None
    names = [match.group(1) for match in assignments]
    secrets = [
        match.group(1)
        for match in assignments
        if _SECRET_NAME.search(match.group(1)) and masked(match.group(2))
    ]
    return {
        "signature": "KEY=VALUE lines",
        "variable_count": len(names),
        "variables": [
            f"{match.group(1)}={masked(match.group(2))}" for match in assignments[:_ENV_SHOWN]
        ],
        "secret_names": secrets[:_ENV_SHOWN],
    }


def _magic(description: str, *prefixes: bytes) -> Callable[[Response], Recognized]:
    def recognize(response: Response) -> Recognized:
        if not response.data.startswith(prefixes):
            return None
        return {"signature": description, "first_bytes": _first_bytes(response)}

    recognize.__doc__ = f"{description}, recognized by its first bytes."
    return recognize


zip_archive = _magic("a ZIP archive (PK\\x03\\x04)", b"PK\x03\x04", b"PK\x05\x06")
gzip_archive = _magic("a gzip archive (\\x1f\\x8b)", b"\x1f\x8b")
ds_store = _magic("a macOS .DS_Store file (Bud1)", b"\x00\x00\x00\x01Bud1")


def sql_dump(response: Response) -> Recognized:
    if _markup(response) or not _SQL_DUMP.search(response.body[:65536]):
        return None
    return {"signature": "SQL dump text", "first_bytes": _first_bytes(response)}


def php_source(response: Response) -> Recognized:
    if not response.body.lstrip("\ufeff \t\r\n").startswith("<?php"):
        return None
    return {"signature": "PHP source code (<?php)", "first_bytes": _first_bytes(response)}
