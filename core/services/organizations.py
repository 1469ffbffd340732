"""Organizations (tenants) and the rate limits their plan gives them."""

from __future__ import annotations

from collections.abc import Mapping

from peewee import IntegrityError

from cyberorigen.db import database
from cyberorigen.db.models import Organization
from cyberorigen.errors import Conflict
from cyberorigen.services import audit
from cyberorigen.settings import Plan

#: Organization names are unique (the CLI names organizations by them); a refused name says
#: nothing about the organization that has it.
NAME_UNUSABLE = "this organization name cannot be used; choose another"


def create_organization(name: str, plan: str = "startup") -> Organization:
    try:
        with database.atomic():
            org = Organization.create(name=name, plan=plan)
            audit.record(
                "organization.created",
                organization_id=org.id,
                object_type="organization",
                object_id=org.public_id,
                after={"name": name, "plan": plan},
            )
            return org
    except IntegrityError:
        raise Conflict(NAME_UNUSABLE, "name") from None


def get_organization(org_id: int) -> Organization:
    """The caller's own organization (its id comes from the caller's identity)."""
    return Organization.get_by_id(org_id)


def get_by_name(name: str) -> Organization | None:
    return Organization.get_or_none(Organization.name == name)


def effective_limits(org, plans: Mapping[str, Plan]) -> tuple[int | None, int | None]:
    """(hourly, daily) for ``org`` (anything with ``plan``, ``hourly_limit``, ``daily_limit``):
    its custom limits where set, else its plan's; None means unlimited."""
    plan = plans.get(org.plan)
    hourly = org.hourly_limit if org.hourly_limit is not None else (plan.hourly if plan else None)
    daily = org.daily_limit if org.daily_limit is not None else (plan.daily if plan else None)
    return hourly, daily


def limit_string(hourly: int | None, daily: int | None) -> str:
    """The flask-limiter expression for the limits; empty when unlimited."""
    parts = []
    if hourly is not None:
        parts.append(f"{hourly}/hour")
    if daily is not None:
        parts.append(f"{daily}/day")
    return ";".join(parts)


def update_organization(org: Organization, changes: Mapping[str, object]) -> Organization:
    old = {name: getattr(org, name) for name in changes}
    for name, value in changes.items():
        setattr(org, name, value)
    before, after = audit.changes(old, {name: getattr(org, name) for name in changes})
    try:
        with database.atomic():
            org.save()
            if before:
                audit.record(
                    "organization.updated",
                    organization_id=org.id,
                    object_type="organization",
                    object_id=org.public_id,
                    before=before,
                    after=after,
                )
    except IntegrityError:
        raise Conflict(NAME_UNUSABLE, "name") from None
    return org
