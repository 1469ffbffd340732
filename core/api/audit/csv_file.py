"""Audit records as CSV: a header row, one row per record, safe to open in a spreadsheet.

An e-mail address tried at a failed login, a scan target or a title in ``after`` may begin
with ``=`` or ``@``: each cell goes through the findings export's neutralising
(:func:`cyberorigen.exports.csv_rows.safe_cell`), so no spreadsheet runs it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from cyberorigen.exports.csv_rows import safe_cell
from cyberorigen.vocab import timestamp

COLUMNS = (
    "id",
    "sequence",
    "occurred_at",
    "action",
    "actor_type",
    "actor_id",
    "actor_label",
    "source_address",
    "request_id",
    "object_type",
    "object_id",
    "before",
    "after",
    "previous_hash",
    "hash",
)

ROWS_PER_PIECE = 200


def _cells(row) -> list[str]:
    values = {name: getattr(row, name, None) for name in COLUMNS if name != "id"}
    values["id"] = row.public_id
    values["occurred_at"] = timestamp(row.occurred_at)
    return [safe_cell(values[name]) for name in COLUMNS]


def write_audit_csv(rows: Iterable) -> Iterator[str]:
    """The CSV text of ``rows``, in pieces of :data:`ROWS_PER_PIECE` rows (the header first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for count, row in enumerate(rows, start=1):
        writer.writerow(_cells(row))
        if count % ROWS_PER_PIECE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
