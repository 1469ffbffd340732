"""The one error envelope of the API reference: ``{"detail", "error_code", "field"}``.

Every producer ends here: the domain's errors (:mod:`cyberorigen.errors`, which know no HTTP:
their status codes are decided here, in :data:`DOMAIN_STATUS`), :class:`ApiError` raised by the
HTTP layer itself (authentication, unreadable bodies), HTTP exceptions (routing 404/405,
webargs 422, flask-limiter 429, ``abort``), flask-jwt-extended's loaders, an unreachable
database or Redis (503), and uncaught exceptions (500 with a request id, never a traceback).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import peewee
import redis
from flask import Flask, g, jsonify
from werkzeug.exceptions import HTTPException

from cyberorigen.errors import (
    Conflict,
    DomainError,
    Forbidden,
    Gone,
    Invalid,
    NotFound,
    TooLarge,
    Unavailable,
    leaf_messages,
)

log = logging.getLogger("cyberorigen.errors")

#: The default ``error_code`` of each status; an error may carry a more specific one.
ERROR_CODES: dict[int, str] = {
    400: "BAD_REQUEST",
    401: "NOT_AUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    410: "GONE",
    413: "PAYLOAD_TOO_LARGE",
    414: "URI_TOO_LONG",
    415: "UNSUPPORTED_MEDIA_TYPE",
    422: "VALIDATION_ERROR",
    429: "RATE_LIMITED",
    431: "HEADERS_TOO_LARGE",
    500: "INTERNAL_ERROR",
    503: "SERVICE_UNAVAILABLE",
}

#: What each kind of domain error is on the wire (a subclass takes its nearest base's status).
DOMAIN_STATUS: dict[type[DomainError], int] = {
    NotFound: 404,
    Conflict: 409,
    Forbidden: 403,
    Invalid: 422,
    TooLarge: 413,
    Gone: 410,
    Unavailable: 503,
}


class ApiError(Exception):
    """An error of the HTTP layer itself (no token, a body that is not JSON), rendered in the
    envelope with ``status``. The domain raises :class:`~cyberorigen.errors.DomainError`."""

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


#: Headers of an HTTP exception that mean something to the client and are kept.
_KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


def error_response(
    status: int,
    detail: str,
    error_code: str | None = None,
    field: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
):
    body = {"detail": detail, "error_code": error_code or ERROR_CODES.get(status, "ERROR")}
    body["field"] = field
    body.update(extra)
    response = jsonify(body)
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _declaration_order(schema: Any):
    """Sort key putting a leaf's top-level field in the order the schema declares it (marshmallow
    reports errors in the order its validators ran, which is not the user's order)."""
    names = []
    for name, schema_field in getattr(schema, "fields", {}).items():
        names.append(schema_field.data_key or name)
    position = {name: index for index, name in enumerate(names)}

    def key(leaf: tuple[str, str]) -> int:
        return position.get(leaf[0].split(".", 1)[0], len(position))

    return key


def validation_response(messages: Mapping[str, Any], schema: Any = None):
    """422 from webargs' ``{location: {field: [msg]}}`` error tree."""
    leaves = []
    for location_errors in messages.values():
        leaves.extend(leaf_messages(location_errors))
    leaves.sort(key=_declaration_order(schema))
    if not leaves:
        return error_response(422, "The request is not valid.", "VALIDATION_ERROR")
    leaves = [(path.removesuffix("._schema"), message) for path, message in leaves]
    errors: dict[str, list[str]] = {}
    for path, message in leaves:
        errors.setdefault(path or "_schema", []).append(message)
    first_path, first_message = leaves[0]
    field = None if first_path in ("", "_schema") else first_path
    detail = f"{field}: {first_message}" if field else first_message
    return error_response(422, detail, "VALIDATION_ERROR", field, errors=errors)


def http_exception_response(error: HTTPException):
    data = getattr(error, "data", None) or {}
    messages = data.get("messages")
    if error.code == 422 and messages:
        return validation_response(messages, data.get("schema"))
    status = error.code or 500
    headers = {}
    for name, value in error.get_headers():
        if name in _KEPT_HEADERS:
            headers[name] = value
    headers.update(data.get("headers") or {})
    detail = data.get("message") or error.description or error.name
    if messages:
        path, first = next(leaf_messages(messages), ("", detail))
        detail = first
    if status == 429:
        detail = f"Rate limit exceeded ({error.description}). Retry after the time in Retry-After."
    return error_response(status, detail, ERROR_CODES.get(status), None, headers)


def _api_error(error: ApiError):
    extra = {}
    if error.status == 422:  # like every 422: each offending field's messages
        message = error.detail.removeprefix(f"{error.field}: ") if error.field else error.detail
        extra["errors"] = {error.field or "_schema": [message]}
    return error_response(
        error.status, error.detail, error.error_code, error.field, error.headers, **extra
    )


def status_of(error: DomainError) -> int:
    for kind in type(error).__mro__:
        if kind in DOMAIN_STATUS:
            return DOMAIN_STATUS[kind]
    return 400


def _domain_error(error: DomainError):
    status = status_of(error)
    extra = {"errors": error.errors} if isinstance(error, Invalid) else {}
    return error_response(status, error.detail, error.code, error.field, **extra)


def _uncaught(error: Exception):
    if isinstance(error, HTTPException):
        return http_exception_response(error)
    request_id = g.get("request_id", "-")
    log.exception("unhandled error (request_id=%s)", request_id)
    return error_response(
        500,
        f"Internal server error. Quote request id {request_id} when reporting it.",
        "INTERNAL_ERROR",
        request_id=request_id,
    )


def _dependency_down(error: Exception):
    """The database or Redis did not answer: a temporary condition, not a bug."""
    request_id = g.get("request_id", "-")
    which = "database" if isinstance(error, peewee.DatabaseError) else "Redis"
    log.error("%s unavailable (request_id=%s): %s", which, request_id, error)
    return error_response(
        503,
        f"The {which} is unavailable; try again shortly.",
        "SERVICE_UNAVAILABLE",
        request_id=request_id,
    )


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(DomainError, _domain_error)
    app.register_error_handler(peewee.OperationalError, _dependency_down)
    app.register_error_handler(peewee.InterfaceError, _dependency_down)
    app.register_error_handler(redis.ConnectionError, _dependency_down)
    app.register_error_handler(redis.TimeoutError, _dependency_down)
    app.register_error_handler(HTTPException, http_exception_response)
    app.register_error_handler(Exception, _uncaught)
