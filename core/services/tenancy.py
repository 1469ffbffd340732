"""Tenant isolation, in one place: every row a user can see belongs to an organization, and
every lookup by public id goes through :func:`owned`, so another tenant's object is "not found"
exactly as a missing one is (never "forbidden", which would confirm it exists)."""

from __future__ import annotations

from typing import Any, TypeVar

from peewee import Model, ModelSelect

from cyberorigen.errors import NotFound

Row = TypeVar("Row", bound=Model)


def of_organization(model: type[Row], org_id: int) -> ModelSelect:
    """All of the organization's rows of ``model``."""
    return model.select().where(model.organization == org_id)


def owned(
    model: type[Row],
    org_id: int,
    public_id: str,
    what: str,
    *conditions: Any,
    query: ModelSelect | None = None,
) -> Row:
    """The organization's ``model`` row with ``public_id`` (and ``conditions``, from ``query``
    when given); :class:`~cyberorigen.errors.NotFound` naming ``what`` otherwise."""
    query = model.select() if query is None else query
    row = query.where(
        (model.public_id == public_id) & (model.organization == org_id), *conditions
    ).first()
    if row is None:
        raise NotFound(what)
    return row
