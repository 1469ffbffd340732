"""Findings as JSON Lines: one finding per line, exactly as ``GET /api/v1/findings/{id}``
represents it (the same fields and values), UTF-8, each line ending with ``\\n``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from cyberorigen.exports.context import ExportContext, Row


def write(rows: Iterable[Row], context: ExportContext) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n"
