"""Users: creation, authentication and administration within one organization."""

from __future__ import annotations

from collections.abc import Mapping

from peewee import IntegrityError

from cyberorigen.db import database
from cyberorigen.db.models import Organization, User, utcnow
from cyberorigen.errors import Conflict, Forbidden, Invalid, NotFound
from cyberorigen.services import audit
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
            user = User.create(
                organization=org_id,
                email=normalize_email(email),
                password_hash=hash_password(password),
                role=role,
            )
            audit.record(
                "user.created",
                organization_id=org_id,
                object_type="user",
                object_id=user.public_id,
                after={"email": user.email, "role": role, "is_active": True},
            )
            return user
    except IntegrityError:
        raise Conflict(EMAIL_UNUSABLE, "email") from None


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None; the same work is done either way.

    Both outcomes go to the audit log: a login as done by the user, a refusal (in a
    transaction of its own) with the address tried, in the chain of the account's
    organization, or in the chain of no organization when the e-mail is unknown."""
    tried = normalize_email(email)
    user = User.select(User, Organization).join(Organization).where(User.email == tried).first()
    valid = verify_password(user.password_hash if user else None, password)
    where = audit.current_actor()
    if not (user and valid and user.is_active):
        reason = "unknown e-mail" if user is None else ("disabled" if valid else "wrong password")
        audit.record(
            "auth.login_failed",
            organization_id=user.organization_id if user else None,
            object_type="user" if user else None,
            object_id=user.public_id if user else None,
            after={"reason": reason},
            actor=audit.Actor("anonymous", None, tried, where.source_address, where.request_id),
        )
        return None
    with database.atomic():
        User.update(last_login_at=utcnow()).where(User.id == user.id).execute()
        audit.record(
            "auth.login",
            organization_id=user.organization_id,
            object_type="user",
            object_id=user.public_id,
            actor=audit.Actor(
                "user", user.public_id, user.email, where.source_address, where.request_id
            ),
        )
    return user


def get_user(org_id: int, public_id: str) -> User:
    return owned(User, org_id, public_id, "user")


def users_query(org_id: int):
    """The organization's users, newest first."""
    return newest_first(of_organization(User, org_id))


def update_user(user: User, changes: Mapping[str, object]) -> User:
    """Change role, is_active or password. The audit log says which fields changed, with
    the old and new role and active flag; of a password only that it changed."""
    old = {"role": user.role, "is_active": user.is_active}
    changed = []
    if "password" in changes:
        password = str(changes["password"])
        problem = password_problem(password)
        if problem:
            raise Invalid("password", f"{problem}")
        user.password_hash = hash_password(password)
        changed.append("password")
    for name in ("role", "is_active"):
        if name in changes:
            setattr(user, name, changes[name])
    before, after = audit.changes(old, {"role": user.role, "is_active": user.is_active})
    changed.extend(before)
    with database.atomic():
        was_admin = old["role"] == "admin" and old["is_active"]
        if was_admin and (user.role != "admin" or not user.is_active):
            _keep_an_admin(user)
        user.save()
        if changed:
            audit.record(
                "user.updated",
                organization_id=user.organization_id,
                object_type="user",
                object_id=user.public_id,
                before=before,
                after={**after, "changed": sorted(changed)},
            )
    return user


def delete_user(user: User) -> None:
    with database.atomic():
        _keep_an_admin(user)
        user.delete_instance()
        audit.record(
            "user.deleted",
            organization_id=user.organization_id,
            object_type="user",
            object_id=user.public_id,
            before={"email": user.email, "role": user.role, "is_active": user.is_active},
        )
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


def find_by_email(email: str) -> User:
    """The user who logs in with ``email`` (any organization: the operator's command line)."""
    user = User.get_or_none(User.email == normalize_email(email))
    if user is None:
        raise NotFound("user")
    return user


def change_own_password(user_id: int, current_password: str, new_password: str) -> User:
    """A user changes their own password, proving they know the current one. Every access
    token issued before stops working (tokens carry a stamp of the password they were
    issued under); the user's API keys, credentials of their own, keep working."""
    user = User.get_by_id(user_id)
    if not verify_password(user.password_hash, current_password):
        raise Forbidden("the current password is wrong")
    if verify_password(user.password_hash, new_password):
        raise Invalid("new_password", "the new password must differ from the current one")
    problem = password_problem(new_password)
    if problem:
        raise Invalid("new_password", problem)
    return update_user(user, {"password": new_password})
