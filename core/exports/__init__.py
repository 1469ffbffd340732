"""Findings as files other tools read: SARIF 2.1.0, OCSF, CSV and JSON Lines.

Each format is a function from the findings (the API's representation of each, one at a
time) and an :class:`~cyberorigen.exports.context.ExportContext` to the text of the file,
in pieces: nothing here holds more than one finding (the service reads them a batch at a
time), so an export of a million findings takes the memory of a few thousand. The formats
know no database and no HTTP; ``GET /api/v1/findings/export`` feeds them and streams what
they write (:func:`encoded`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from cyberorigen.exports import csv_rows, jsonl, ocsf, sarif
from cyberorigen.exports.context import ExportContext, Row


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    #: The file name's extension, after ``cyberorigen-findings-<time>.``.
    extension: str
    description: str
    write: Callable[[Iterable[Row], ExportContext], Iterator[str]]


FORMATS: dict[str, ExportFormat] = {
    item.name: item
    for item in (
        ExportFormat(
            "sarif",
            "application/sarif+json",
            "sarif",
            "SARIF 2.1.0: one run, the checks as rules, each finding a result with its "
            "level, security-severity and fingerprint (GitHub code scanning, IDE viewers).",
            sarif.write,
        ),
        ExportFormat(
            "ocsf",
            "application/json",
            "ocsf.json",
            "OCSF 1.5.0 Detection Finding events (class_uid 2004), as one JSON array.",
            ocsf.write,
        ),
        ExportFormat(
            "csv",
            "text/csv",
            "csv",
            "CSV with a header row; cells that a spreadsheet would run as formulas are "
            "prefixed with an apostrophe.",
            csv_rows.write,
        ),
        ExportFormat(
            "jsonl",
            "application/x-ndjson",
            "jsonl",
            "JSON Lines: one finding per line, as GET /api/v1/findings/{id} shows it.",
            jsonl.write,
        ),
    )
}

#: Bytes gathered before a piece of the file is handed to the server.
PIECE_BYTES = 64 * 1024


def encoded(pieces: Iterable[str], size: int = PIECE_BYTES) -> Iterator[bytes]:
    """``pieces`` as UTF-8, gathered into chunks of about ``size`` bytes (one write per
    chunk rather than per finding)."""
    gathered: list[str] = []
    length = 0
    for piece in pieces:
        gathered.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(gathered).encode("utf-8")
            gathered, length = [], 0
    if gathered:
        yield "".join(gathered).encode("utf-8")
