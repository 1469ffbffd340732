"""Users of the caller's organization (admin only)."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import PageArgsSchema, page_schema
from cyberorigen.api.security import identities, principal, require_role
from cyberorigen.api.users.schemas import UserCreateSchema, UserSchema, UserUpdateSchema
from cyberorigen.services.users import (
    create_user,
    delete_user,
    get_user,
    update_user,
    users_query,
)

blp = Blueprint("users", __name__, url_prefix="/api/v1/users", description="Users.")


@blp.route("")
class Users(MethodView):
    @require_role("admin")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, page_schema(UserSchema))
    def get(self, args):
        """List the organization's users."""
        return paginate(users_query(principal().organization_id), args)

    @require_role("admin")
    @blp.arguments(UserCreateSchema)
    @blp.response(201, UserSchema)
    def post(self, data):
        """Add a user to the organization."""
        return create_user(
            principal().organization_id, data["email"], data["password"], data["role"]
        )


@blp.route("/<string:user_id>")
class UserById(MethodView):
    @require_role("admin")
    @blp.response(200, UserSchema)
    def get(self, user_id):
        """One user of the organization."""
        return get_user(principal().organization_id, user_id)

    @require_role("admin")
    @blp.arguments(UserUpdateSchema)
    @blp.response(200, UserSchema)
    def patch(self, changes, user_id):
        """Change a user's role, password or active flag (the last admin stays)."""
        user = update_user(get_user(principal().organization_id, user_id), changes)
        identities().forget(user.public_id)
        return user

    @require_role("admin")
    @blp.response(204)
    def delete(self, user_id):
        """Delete a user (not the organization's last active admin)."""
        user = get_user(principal().organization_id, user_id)
        delete_user(user)
        identities().forget(user.public_id)
