"""LIMIT/OFFSET pagination of peewee queries, in SQL (a table is never loaded into Python)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from peewee import Field, ModelSelect, Tuple

from cyberorigen.api.cached_pages import PageWalk, current_walk


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
    items = [] if past_the_end else _page(query, page, per_page, current_walk())
    return {
        "items": items,
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": math.ceil(total / per_page) if total else 0,
    }


#: From this offset on, a page is read by its ids first (see :func:`_page`).
DEEP_OFFSET = 1_000


def _page(query: ModelSelect, page: int, per_page: int, walk: PageWalk | None) -> list:
    """The rows of one page. A deep page starts right after the previous page's last row
    when that page was read since the last write (``walk``: keyset, the index read from
    there); otherwise it skips its offset on the ids alone (the list's index covers them: no
    row is read to be thrown away), then reads its own rows, in the same order. Either way
    it is the same page as LIMIT/OFFSET on the whole rows, for a fraction of the cost."""
    order = _sort_order(query) if walk is not None else None
    if (page - 1) * per_page < DEEP_OFFSET:
        rows = list(query.paginate(page, per_page))
    else:
        # Ids first, then the page's rows: the ids come from the list's index alone, and
        # the joins apply to one page of rows (not to every row the planner expects to
        # match the keyset, a misestimate that made a planner hash-join them all).
        model = query.model
        if order is not None and (after := walk.start_after(page)) is not None:
            ids = query.select(model.id).where(_after(order, after)).limit(per_page)
        else:
            ids = query.select(model.id).paginate(page, per_page)
        rows = list(query.where(model.id.in_(ids)))
    if order is not None and rows and page * per_page >= DEEP_OFFSET:
        walk.ended(page, [getattr(rows[-1], field.name) for field in order[0]])
    return rows


def _sort_order(query: ModelSelect) -> tuple[list[Field], str] | None:
    """The columns of ``query``'s order and their one direction, when a row's values of them
    say where it stands (all the model's own columns, all ascending or all descending, the
    last one its id); else None."""
    fields, directions = [], set()
    for ordering in query._order_by or ():
        field = getattr(ordering, "node", None)
        if not isinstance(field, Field) or field.model is not query.model:
            return None
        fields.append(field)
        directions.add(getattr(ordering, "direction", "ASC"))
    if not fields or fields[-1] is not query.model.id or len(directions) != 1:
        return None
    return fields, directions.pop()


def _after(order: tuple[list[Field], str], key: list):
    """The rows after the row of sort key ``key`` in ``order``."""
    fields, direction = order
    columns, values = Tuple(*fields), Tuple(*key)
    return columns < values if direction == "DESC" else columns > values


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
