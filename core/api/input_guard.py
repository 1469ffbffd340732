"""Text no part of the appliance can store or parse is refused once, before a view reads it.

Every string of a request (the path's parameters, the query, form fields and JSON bodies, keys
included) is checked for a NUL character (PostgreSQL refuses it in text) and a lone surrogate
(it has no UTF-8 form, so no database, log or response can hold it): 422 naming the field.
A JSON body is read here, strictly (UTF-8, no ``NaN``/``Infinity``) and at most
:data:`MAX_JSON_DEPTH` levels deep, far deeper than any schema, so nothing downstream recurses
through a hostile body; a body that cannot be read is a 400. The file parts of a multipart
form are bytes and are not looked at; its text fields are checked when the form is parsed,
which the upload view does after choosing its own size limit.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from typing import Any

from flask import Flask, Request, request

from cyberorigen.api.errors import ApiError
from cyberorigen.errors import Invalid

#: Containers (objects and arrays) inside each other; the API's schemas need a handful.
MAX_JSON_DEPTH = 32

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_TOO_DEEP = f"The JSON body is nested more than {MAX_JSON_DEPTH} levels deep."


def _problem(text: str) -> str | None:
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "must not contain a NUL character"
    return "must be valid Unicode text (it holds a lone surrogate)"


def _readable(name: str) -> str:
    """A field name fit to be sent back (a bad key is named with U+FFFD in place)."""
    return _UNSTORABLE.sub("\ufffd", name)


def _check(field: str, text: str) -> None:
    problem = _problem(text)
    if problem is None:
        return
    if not field:  # the body is a bare string
        raise Invalid(None, f"The body {problem}.")
    field = _readable(field)
    raise Invalid(field, problem)


def check_fields(pairs: Iterable[tuple[str, str]]) -> None:
    """Refuse the first name or value of ``pairs`` (query, path or form) that cannot be stored."""
    for name, value in pairs:
        if not isinstance(name, str):  # a form part whose name the parser could not read
            raise Invalid(None, "Every part of the form must have a readable name.")
        _check(name, name)
        if isinstance(value, str):
            _check(name, value)


def _bad_body(reason: str) -> ApiError:
    return ApiError(400, f"The body is not valid JSON: {reason}.", "BAD_REQUEST")


def _refuse_constant(name: str):
    raise _bad_body(f"{name} is not a JSON value")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _bad_body(f"the number {text[:20]} is out of range")
    return number


def parse_json(raw: bytes) -> Any:
    """The value of a JSON body; :class:`ApiError` 400 if it cannot be read or is too deep,
    422 naming the first string (or key) that cannot be stored."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _bad_body(f"it is not UTF-8 (byte {exc.start})") from None
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
    except RecursionError:
        raise ApiError(400, _TOO_DEEP, "BAD_REQUEST") from None
    except json.JSONDecodeError as exc:
        raise _bad_body(f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except ValueError:  # an integer of thousands of digits
        raise _bad_body("a number is out of range") from None
    check_json(value)
    return value


def check_json(value: Any) -> None:
    """Walk ``value`` without recursion: its depth, and every key and string in it."""
    pending: list[tuple[Any, tuple[str, ...], int]] = [(value, (), 0)]
    while pending:
        node, path, depth = pending.pop()
        if isinstance(node, str):
            _check(".".join(path), node)
            continue
        if not isinstance(node, dict | list):
            continue
        if depth >= MAX_JSON_DEPTH:
            raise ApiError(400, _TOO_DEEP, "BAD_REQUEST")
        items = node.items() if isinstance(node, dict) else enumerate(node)
        children = []
        for key, child in items:
            step = (*path, str(key))
            if isinstance(key, str):
                _check(".".join(step), key)
            children.append((child, step, depth + 1))
        pending.extend(reversed(children))  # report the first bad field in document order


class GuardedRequest(Request):
    """Flask's request, refusing form fields that cannot be stored as soon as they are parsed."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        check_fields(self.form.items(multi=True))


def check_request() -> None:
    check_fields((request.view_args or {}).items())
    check_fields(request.args.items(multi=True))
    if request.is_json:
        raw = request.get_data(cache=True)
        if raw:
            parse_json(raw)


def init_app(app: Flask) -> None:
    """Register after authentication and the rate limiter: refused requests still count."""
    app.request_class = GuardedRequest
    app.before_request(check_request)
