"""Webhook subscriptions."""

from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.pagination import newest_first, paginate
from cyberorigen.api.schemas import PageArgsSchema, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.api.webhooks.schemas import (
    WebhookCreatedSchema,
    WebhookCreateSchema,
    WebhookSchema,
)
from cyberorigen.db.models import Webhook
from cyberorigen.services.webhooks import (
    create_webhook,
    generate_secret,
    get_webhook,
    webhooks_query,
)

blp = Blueprint("webhooks", __name__, url_prefix="/api/v1/webhooks", description="Webhooks.")


@blp.route("")
class Webhooks(MethodView):
    @require_role("viewer")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, page_schema(WebhookSchema))
    def get(self, args):
        """List webhook subscriptions (secrets are never shown)."""
        return paginate(webhooks_query(principal().organization_id), args, *newest_first(Webhook))

    @require_role("analyst")
    @blp.arguments(WebhookCreateSchema)
    @blp.response(201, WebhookCreatedSchema)
    def post(self, data):
        """Subscribe a URL to events."""
        secret = data.get("secret")
        generated = secret is None
        if generated:
            secret = generate_secret()
        box = current_app.extensions["cyberorigen"].secret_box
        caller = principal()
        webhook = create_webhook(
            box, caller.organization_id, caller.user_id, data["url"], data["events"], secret
        )
        if generated:
            webhook.secret = secret
        return webhook


@blp.route("/<string:webhook_id>")
class WebhookById(MethodView):
    @require_role("viewer")
    @blp.response(200, WebhookSchema)
    def get(self, webhook_id):
        return get_webhook(principal().organization_id, webhook_id)

    @require_role("analyst")
    @blp.response(204)
    def delete(self, webhook_id):
        get_webhook(principal().organization_id, webhook_id).delete_instance()
