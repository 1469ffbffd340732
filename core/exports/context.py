"""What every export format is given besides the findings, and the helpers they share.

The findings reach a format as the API's representation of a finding (the dicts
``GET /api/v1/findings`` lists: ``id``, ``target``, ``check_id``, ``severity``, ``status``,
``first_seen``... with timestamps as ``YYYY-MM-DDTHH:MM:SSZ``), one at a time, so that every
format speaks the public vocabulary and none holds more than one finding.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from cyberorigen.plugin_api.interfaces import Check

#: A finding as the API represents it.
Row = Mapping[str, Any]


class SeenCheck(Protocol):
    """A check some exported findings are of (``services.findings.CheckSeen``)."""

    check_id: str
    scanner: str
    severity: str
    title: str


def _no_checks() -> Sequence[SeenCheck]:
    return ()


@dataclass(frozen=True)
class ExportContext:
    #: The appliance's version (the producing tool's, in SARIF and OCSF).
    product_version: str
    #: The catalogue: every check the installed scanners and importers declare, by id.
    checks: Mapping[str, Check] = field(default_factory=dict)
    #: The checks the exported findings are of, asked for only by a format that must list
    #: them before the findings (SARIF's rules).
    checks_seen: Callable[[], Sequence[SeenCheck]] = _no_checks


def parse_timestamp(text: str | None) -> datetime | None:
    """A timestamp of the API's representation back as an aware UTC datetime."""
    return datetime.fromisoformat(text) if text else None


def epoch_millis(text: str | None) -> int | None:
    """A timestamp of the API's representation as milliseconds since the Unix epoch."""
    moment = parse_timestamp(text)
    return None if moment is None else int(moment.timestamp() * 1000)


def web_references(references: Sequence[str] | None) -> list[str]:
    """The references that are web addresses (a SARIF ``helpUri`` must be a URI)."""
    return [ref for ref in references or () if ref.startswith(("https://", "http://"))]
