"""What the built-in importers share: reading JSON safely, severities from scores, short
text."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cyberorigen.plugin_api import InvalidImport, Severity

#: How much of a free text (a message, a description, a snippet) a finding keeps.
TEXT_CHARS = 2000


def load_json(data: bytes, what: str) -> Any:
    """``data`` parsed as JSON (UTF-8, a BOM allowed), or :class:`InvalidImport`."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidImport(f"{what} must be UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InvalidImport(
            f"{what} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise InvalidImport(f"{what} nests too deeply") from None


def load_json_lines(data: bytes, what: str) -> list[tuple[int, Any]]:
    """Each non-empty line of ``data`` parsed as JSON, with its line number."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidImport(f"{what} must be UTF-8 text") from None
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InvalidImport(f"line {number} is not JSON ({exc.msg})") from None
        except RecursionError:
            raise InvalidImport(f"line {number} nests too deeply") from None
    return items


def mapping(value: Any, where: str) -> Mapping[str, Any]:
    """``value`` if it is a JSON object, else :class:`InvalidImport` naming ``where``."""
    if not isinstance(value, Mapping):
        raise InvalidImport(f"{where} must be an object")
    return value


def listed(value: Any, where: str, default: list | None = None) -> list:
    """``value`` if it is a JSON array (``default`` when it is absent)."""
    if value is None and default is not None:
        return default
    if not isinstance(value, list):
        raise InvalidImport(f"{where} must be an array")
    return value


def text(value: Any, limit: int = TEXT_CHARS) -> str:
    """A string field as text of at most ``limit`` characters ("" when absent)."""
    return "" if value is None else str(value)[:limit]


def one_line(value: Any, limit: int = 300) -> str:
    """A string field on one line (runs of white space as one space), for titles."""
    return " ".join(text(value, limit * 2).split())[:limit]


def severity_from_score(score: float) -> Severity:
    """A CVSS-like 0-10 score as a severity (the CVSS v3 rating bands)."""
    if score >= 9.0:
        return Severity.CRITICAL
    if score >= 7.0:
        return Severity.HIGH
    if score >= 4.0:
        return Severity.MEDIUM
    if score > 0.0:
        return Severity.LOW
    return Severity.INFO


def severity_named(name: Any, table: Mapping[str, Severity], default: Severity) -> Severity:
    """A tool's severity word through ``table`` (lower-cased), ``default`` when unknown."""
    return table.get(str(name or "").strip().lower(), default)
