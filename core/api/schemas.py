"""Schemas shared by every resource: the error envelope, timestamps, pagination."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.vocab import TIMESTAMP_FORMAT

MAX_PER_PAGE = 100


#: The timestamps the API accepts: from the Unix epoch to the last one with a four-digit year.
EARLIEST = datetime(1970, 1, 1)
LATEST = datetime(9999, 12, 31, 23, 59, 59)


class Shown:
    """A row as a response shows it: the row's attributes, and beside them values that are not
    its columns (a secret shown this once, a scan's scanners, an organization's limits in
    force). The row itself is left as it is."""

    def __init__(self, row: Any, **extras: Any) -> None:
        self._row = row
        self._extras = extras

    def __getattr__(self, name: str) -> Any:
        extras = self.__dict__["_extras"]
        return extras[name] if name in extras else getattr(self.__dict__["_row"], name)


class UtcTimestamp(fields.DateTime):
    """A UTC timestamp rendered as ``YYYY-MM-DDTHH:MM:SSZ`` (stored naive, always UTC), between
    :data:`EARLIEST` and :data:`LATEST`."""

    default_error_messages = {
        "out_of_range": (
            f"must be between {EARLIEST:%Y-%m-%dT%H:%M:%SZ} and {LATEST:%Y-%m-%dT%H:%M:%SZ}"
        )
    }

    def __init__(self, **kwargs):
        super().__init__(format=TIMESTAMP_FORMAT, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        # isoformat pads the year to four digits, where strftime's %Y may not
        return value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"

    def _deserialize(self, value, attr, data, **kwargs):
        moment = super()._deserialize(value, attr, data, **kwargs)
        if not EARLIEST <= moment.replace(tzinfo=None) <= LATEST:
            raise self.make_error("out_of_range")
        return moment


class ErrorSchema(ma.Schema):
    detail = fields.String(required=True, metadata={"description": "What went wrong, for a human."})
    error_code = fields.String(
        required=True, metadata={"description": "Stable UPPER_SNAKE code, listed in the README."}
    )
    field = fields.String(
        allow_none=True,
        required=True,
        metadata={"description": "The offending field (dotted path), or null."},
    )
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "422 only: every offending field with its messages."},
    )
    request_id = fields.String(metadata={"description": "500 only: quote it when reporting."})


class PageArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    page = fields.Integer(
        load_default=1, validate=validate.Range(min=1), metadata={"description": "1-based page."}
    )
    per_page = fields.Integer(
        load_default=20,
        validate=validate.Range(min=1, max=MAX_PER_PAGE),
        metadata={"description": f"Items per page, 1 to {MAX_PER_PAGE}."},
    )


@cache
def page_schema(item_schema: type[ma.Schema]) -> type[ma.Schema]:
    """The paginated list schema ``{items, total, page, per_page, pages}`` of ``item_schema``."""
    name = item_schema.__name__.removesuffix("Schema") + "PageSchema"
    return ma.Schema.from_dict(
        {
            "items": fields.List(fields.Nested(item_schema), required=True),
            "total": fields.Integer(required=True),
            "page": fields.Integer(required=True),
            "per_page": fields.Integer(required=True),
            "pages": fields.Integer(required=True),
        },
        name=name,
    )
