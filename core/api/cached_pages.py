"""``cached_page``: a list view whose pages any API process may answer from Redis.

Put it under ``require_role`` (the caller is known and allowed) and above flask-smorest's
``arguments``/``response`` decorators: a page found in the cache (``services.page_cache``)
is answered without parsing the query, reading the database or serializing a row. A request
the view answers with anything but a 200 (a bad argument, say) is never kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import current_app, request

from cyberorigen.api.security import principal
from cyberorigen.appliance import appliance_of
from cyberorigen.services.page_cache import page_digest


def cached_page(view: Callable) -> Callable:
    @functools.wraps(view)
    def answer(*args: Any, **kwargs: Any):
        pages = appliance_of(current_app).pages
        if pages is None:
            return view(*args, **kwargs)
        caller = principal()
        digest = page_digest(
            caller.identity.user_public_id,
            caller.organization_id,
            caller.role,
            request.endpoint,
            sorted(request.view_args.items()) if request.view_args else (),
            sorted(request.args.items(multi=True)),
        )
        version, page = pages.lookup(digest)
        if page is not None:
            return current_app.response_class(page, 200, mimetype="application/json")
        response = view(*args, **kwargs)
        if version is not None and response.status_code == 200:
            pages.keep(version, digest, response.get_data())
        return response

    return answer
