"""The orders lists come in, with the id as tiebreak so that pages are stable."""

from __future__ import annotations

from peewee import ModelSelect


def newest_first(query: ModelSelect) -> ModelSelect:
    model = query.model
    return query.order_by(model.created_at.desc(), model.id.desc())


def oldest_first(query: ModelSelect) -> ModelSelect:
    model = query.model
    return query.order_by(model.created_at.asc(), model.id.asc())
