"""``cached_page``: a list view whose pages any API process may answer from Redis.

Put it under ``require_role`` (the caller is known and allowed) and above flask-smorest's
``arguments``/``response`` decorators: a page found in the cache (``services.page_cache``)
is answered without parsing the query, reading the database or serializing a row. A request
the view answers with anything but a 200 (a bad argument, say) is never kept.

A page the view reads from the database gets a :class:`PageWalk` (``current_walk()``), with
which ``api.pagination`` keeps where a deep page ended, so that the next page, until the
next write, starts from there (keyset) instead of walking its offset again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app, g, request

from cyberorigen.api.security import principal
from cyberorigen.appliance import appliance_of
from cyberorigen.services.page_cache import PageCache, page_digest


@dataclass(frozen=True)
class PageWalk:
    """Where the pages of one list (one caller, one query but its page number) ended, under
    the version the request looked up."""

    pages: PageCache
    version: bytes
    digest: str

    def start_after(self, page: int) -> list | None:
        """The sort key of the last row of the page before ``page``, if it was read since
        the last write."""
        return self.pages.boundary(self.version, self.digest, page - 1)

    def ended(self, page: int, key: list) -> None:
        """``page`` ended with a row of sort key ``key``."""
        self.pages.keep_boundary(self.version, self.digest, page, key)


def current_walk() -> PageWalk | None:
    """The walk of the list this request reads from the database (None: none is kept)."""
    return g.get("page_walk")


def cached_page(view: Callable) -> Callable:
    @functools.wraps(view)
    def answer(*args: Any, **kwargs: Any):
        pages = appliance_of(current_app).pages
        if pages is None:
            return view(*args, **kwargs)
        caller = principal()
        listed = (
            caller.identity.user_public_id,
            caller.organization_id,
            caller.role,
            request.endpoint,
            sorted(request.view_args.items()) if request.view_args else (),
        )
        query = sorted(request.args.items(multi=True))
        digest = page_digest(*listed, query)
        version, page = pages.lookup(digest)
        if page is not None:
            return current_app.response_class(page, 200, mimetype="application/json")
        if version is not None:
            g.page_walk = PageWalk(
                pages, version, page_digest(*listed, [item for item in query if item[0] != "page"])
            )
        response = view(*args, **kwargs)
        if version is not None and response.status_code == 200:
            pages.keep(version, digest, response.get_data())
        return response

    return answer
