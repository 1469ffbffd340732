"""Errors for the API's client, raised by services and views alike (no Flask here).

``cyberorigen.api.errors`` renders them, and every other error, in the envelope of the API
reference: ``{"detail", "error_code", "field"}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

#: The default ``error_code`` of each status; views may raise more specific ones.
ERROR_CODES: dict[int, str] = {
    400: "BAD_REQUEST",
    401: "NOT_AUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    414: "URI_TOO_LONG",
    415: "UNSUPPORTED_MEDIA_TYPE",
    422: "VALIDATION_ERROR",
    429: "RATE_LIMITED",
    431: "HEADERS_TOO_LARGE",
    500: "INTERNAL_ERROR",
    503: "SERVICE_UNAVAILABLE",
}


class ApiError(Exception):
    """An error for the client, rendered in the envelope with ``status``."""

    def __init__(
        self,
        status: int,
        detail: str,
        error_code: str | None = None,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.error_code = error_code or ERROR_CODES.get(status, "ERROR")
        self.field = field
        self.headers = dict(headers or {})


class NotFound(ApiError):
    def __init__(self, what: str) -> None:
        super().__init__(404, f"{what} not found", "NOT_FOUND")


class PermissionDenied(ApiError):
    def __init__(self, detail: str, field: str | None = None) -> None:
        super().__init__(403, detail, "PERMISSION_DENIED", field)


class Conflict(ApiError):
    def __init__(self, detail: str, field: str | None = None) -> None:
        super().__init__(409, detail, "CONFLICT", field)


class ValidationFailed(ApiError):
    def __init__(self, detail: str, field: str | None = None, error_code: str | None = None):
        super().__init__(422, detail, error_code or "VALIDATION_ERROR", field)


def leaf_messages(messages: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """Yield (dotted path, message) for every leaf of a marshmallow/webargs error tree."""
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            yield from leaf_messages(value, (*path, str(key)))
    elif isinstance(messages, list | tuple):
        if all(isinstance(item, str) for item in messages):
            for item in messages:
                yield ".".join(path), item
        else:
            for item in messages:
                yield from leaf_messages(item, path)
    else:
        yield ".".join(path), str(messages)
