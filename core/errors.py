"""What the domain refuses, in its own words: errors that know no HTTP.

Services, compliance and webhooks raise these; ``cyberorigen.api.errors`` alone decides what
each means on the wire (status code and the envelope of the API reference), and the CLI shows
their ``detail``. A subclass names the kind of refusal; ``code`` is the machine-readable
``error_code`` (a kind's default, or a more specific one), ``field`` the input it is about.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any


class DomainError(Exception):
    """A request the domain cannot carry out, and why."""

    #: The ``error_code`` of this kind of refusal, unless the raiser names a narrower one.
    code = "ERROR"

    def __init__(self, detail: str, field: str | None = None, code: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field
        self.code = code or type(self).code


class NotFound(DomainError):
    """No such object, as far as the caller may know (another tenant's object included)."""

    code = "NOT_FOUND"

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} not found")


class Conflict(DomainError):
    """The object's state does not allow it now (a running scan, a duplicate name)."""

    code = "CONFLICT"


class Forbidden(DomainError):
    """The caller may not do this, whoever they are (beyond their role, say)."""

    code = "PERMISSION_DENIED"


class OutOfScope(Forbidden):
    """A target outside the organization's scan scope or the operator's scope policy."""

    code = "TARGET_OUT_OF_SCOPE"

    def __init__(self, detail: str, field: str | None = "target") -> None:
        super().__init__(detail, field)


class Invalid(DomainError):
    """An input that cannot be used: ``field`` (a dotted path, or None for the whole request)
    and what is wrong with it. ``errors`` lists every offending path's messages when there are
    several (scan options); by default it is the one."""

    code = "VALIDATION_ERROR"

    def __init__(
        self,
        field: str | None,
        message: str,
        code: str | None = None,
        errors: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        super().__init__(f"{field}: {message}" if field else message, field, code)
        self.message = message
        errors = errors or {field or "_schema": [message]}
        self.errors = {key: list(value) for key, value in errors.items()}

    @classmethod
    def from_messages(cls, messages: Any, prefix: str) -> Invalid:
        """From a marshmallow error tree, under ``prefix`` (``options``): the first leaf is the
        field and the detail, every leaf is in ``errors``."""
        leaves = [
            (f"{prefix}.{path}".removesuffix("._schema") if path else prefix, message)
            for path, message in leaf_messages(messages)
        ]
        errors: dict[str, list[str]] = {}
        for path, message in leaves:
            errors.setdefault(path, []).append(message)
        field, message = leaves[0]
        return cls(field, message, errors=errors)


class TooLarge(DomainError):
    """More than a limit allows (an evidence file)."""

    code = "PAYLOAD_TOO_LARGE"


class Gone(DomainError):
    """It existed, and what it refers to is no longer there (an evidence file's content)."""

    code = "GONE"


class Unavailable(DomainError):
    """Something the appliance needs for this is missing or not working on this machine (the
    system libraries of the PDF renderer): the operator can fix it, the caller cannot."""

    code = "UNAVAILABLE"


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
