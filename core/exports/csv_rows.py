"""Findings as CSV: a header row, then one row per finding, safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be read
by Excel, LibreOffice or Google Sheets as a formula (CSV injection: a finding's title or
evidence comes from the scanned host); such a cell gets a leading apostrophe, the advice of
OWASP, so the spreadsheet shows it as text. Lists are joined with spaces, the evidence is
compact JSON, and rows end with CRLF (RFC 4180).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from cyberorigen.exports.context import ExportContext, Row

COLUMNS = (
    "id",
    "target",
    "asset_id",
    "service_id",
    "scanner",
    "check_id",
    "title",
    "severity",
    "status",
    "status_reason",
    "accepted_until",
    "location",
    "first_seen",
    "last_seen",
    "cvss_vector",
    "remediation",
    "references",
    "evidence",
    "fingerprint",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Rows written to the buffer before it is handed on.
ROWS_PER_PIECE = 200


def safe_cell(value: Any) -> str:
    """``value`` as the text of a cell no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        text = " ".join(str(item) for item in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write(rows: Iterable[Row], context: ExportContext) -> Iterator[str]:
    """The CSV text of ``rows``, a few hundred rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    pending = 0
    for row in rows:
        writer.writerow([safe_cell(row.get(column)) for column in COLUMNS])
        pending += 1
        if pending == ROWS_PER_PIECE:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()
