"""LIMIT/OFFSET pagination of peewee queries, in SQL (a table is never loaded into Python)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from peewee import ModelSelect


def paginate(query: ModelSelect, args: Mapping[str, Any]) -> dict[str, Any]:
    """One page of ``query``, a service's list in its stable order (the service orders it:
    newest first, id as tiebreak, for most lists)."""
    page, per_page = args["page"], args["per_page"]
    # An unfiltered list's service knows its exact total (services/row_counts.py).
    total = getattr(query, "known_total", None)
    if total is None:
        total = query.count()
    # A page past the end is empty without asking the database (and without handing it an
    # OFFSET too large for its integers).
    past_the_end = (page - 1) * per_page >= total
    items = [] if past_the_end else _page(query, page, per_page)
    return {
        "items": items,
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": math.ceil(total / per_page) if total else 0,
    }


#: From this offset on, a page is read by its ids first (see :func:`_page`).
DEEP_OFFSET = 1_000


def _page(query: ModelSelect, page: int, per_page: int) -> list:
    """The rows of one page. A deep page skips its offset on the ids alone (the list's
    index covers them: no row is read to be thrown away), then reads its own rows, in the
    same order: the same page as LIMIT/OFFSET on the whole rows, for a fraction of the cost."""
    if (page - 1) * per_page < DEEP_OFFSET:
        return list(query.paginate(page, per_page))
    model = query.model
    ids = query.select(model.id).paginate(page, per_page)
    return list(query.where(model.id.in_(ids)))


def page_of(items: list, args: Mapping[str, Any]) -> dict[str, Any]:
    """One page of a list already in memory (a catalogue of at most a few hundred items)."""
    page, per_page = args["page"], args["per_page"]
    total = len(items)
    return {
        "items": items[(page - 1) * per_page : page * per_page],
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": math.ceil(total / per_page) if total else 0,
    }
