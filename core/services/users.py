"""Users: creation, authentication and administration within one organization."""

from __future__ import annotations

from collections.abc import Mapping

from peewee import IntegrityError

from cyberorigen.db import database
from cyberorigen.db.models import Organization, User, utcnow
from cyberorigen.errors import Conflict, Invalid
from cyberorigen.services.control_marks import mark_controls_due
from cyberorigen.services.listing import newest_first
from cyberorigen.services.passwords import hash_password, password_problem, verify_password
from cyberorigen.services.tenancy import of_organization, owned

#: An e-mail address is the login, so it is unique across organizations. The refusal is the
#: same whether the address is taken in the caller's organization or another, and names nothing:
#: an admin learns no more about other tenants than that this address is not available.
EMAIL_UNUSABLE = "this e-mail address cannot be used; choose another"


def normalize_email(email: str) -> str:
    return email.strip().lower()


def create_user(org_id: int, email: str, password: str, role: str) -> User:
    problem = password_problem(password)
    if problem:
        raise Invalid("password", f"{problem}")
    try:
        with database.atomic():
            return User.create(
                organization=org_id,
                email=normalize_email(email),
                password_hash=hash_password(password),
                role=role,
            )
    except IntegrityError:
        raise Conflict(EMAIL_UNUSABLE, "email") from None


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None; the same work is done either way."""
    user = (
        User.select(User, Organization)
        .join(Organization)
        .where(User.email == normalize_email(email))
        .first()
    )
    valid = verify_password(user.password_hash if user else None, password)
    if not (user and valid and user.is_active):
        return None
    User.update(last_login_at=utcnow()).where(User.id == user.id).execute()
    return user


def get_user(org_id: int, public_id: str) -> User:
    return owned(User, org_id, public_id, "user")


def users_query(org_id: int):
    """The organization's users, newest first."""
    return newest_first(of_organization(User, org_id))


def update_user(user: User, changes: Mapping[str, object]) -> User:
    if "password" in changes:
        password = str(changes["password"])
        problem = password_problem(password)
        if problem:
            raise Invalid("password", f"{problem}")
        user.password_hash = hash_password(password)
    for name in ("role", "is_active"):
        if name in changes:
            setattr(user, name, changes[name])
    if user.role != "admin" or not user.is_active:
        _keep_an_admin(user)
    user.save()
    return user


def delete_user(user: User) -> None:
    _keep_an_admin(user)
    user.delete_instance()
    mark_controls_due(user.organization_id)  # an override it set now names "a deleted user"


def _keep_an_admin(user: User) -> None:
    """Refuse a change that would leave the organization without an active admin."""
    others = (
        User.select()
        .where(
            (User.organization == user.organization_id)
            & (User.role == "admin")
            & User.is_active
            & (User.id != user.id)
        )
        .exists()
    )
    if not others:
        raise Conflict("the organization must keep at least one active admin", "role")
