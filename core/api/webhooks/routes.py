"""Webhook subscriptions, their delivery log, redelivery, test pings and secret rotation."""

from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import PageArgsSchema, Shown, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.api.webhooks.schemas import (
    DeliveryDetailSchema,
    DeliveryListArgsSchema,
    DeliverySchema,
    RotatedSchema,
    RotateSecretSchema,
    WebhookCreatedSchema,
    WebhookCreateSchema,
    WebhookSchema,
    WebhookUpdateSchema,
)
from cyberorigen.appliance import appliance_of
from cyberorigen.webhooks.dispatch import send_now
from cyberorigen.webhooks.policy import network_policy
from cyberorigen.webhooks.subscriptions import (
    copy_for_redelivery,
    create_webhook,
    delete_webhook,
    deliveries_query,
    get_delivery,
    get_webhook,
    rotate_secret,
    send_test,
    update_webhook,
    webhooks_query,
)

blp = Blueprint(
    "webhooks",
    __name__,
    url_prefix="/api/v1/webhooks",
    description="Webhooks: subscriptions and their deliveries.",
)


def _appliance():
    return appliance_of(current_app)


def _policy():
    return network_policy(_appliance().settings)


def _send_now(delivery):
    appliance = _appliance()
    return send_now(
        delivery, appliance.settings.webhooks.lease_seconds, appliance.jobs.enqueue_delivery
    )


def _with_secret(webhook, generated: str | None):
    """The webhook, with its secret when the appliance generated it (shown this once)."""
    return webhook if generated is None else Shown(webhook, secret=generated)


@blp.route("")
class Webhooks(MethodView):
    @require_role("viewer")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, page_schema(WebhookSchema))
    def get(self, args):
        """List webhook subscriptions (secrets are never shown)."""
        return paginate(webhooks_query(principal().organization_id), args)

    @require_role("analyst")
    @blp.arguments(WebhookCreateSchema)
    @blp.response(201, WebhookCreatedSchema)
    def post(self, data):
        """Subscribe to events: a URL (transport ``http``, signed; or ``slack``), or another
        transport with its ``config`` (``email`` recipients, ``syslog`` host). The secret is
        write-only; when omitted, one is generated and returned this once."""
        caller, appliance = principal(), _appliance()
        webhook, generated = create_webhook(
            appliance.secret_box,
            appliance.registry,
            _policy(),
            caller.organization_id,
            caller.user_id,
            data,
        )
        return _with_secret(webhook, generated)


@blp.route("/<string:webhook_id>")
class WebhookById(MethodView):
    @require_role("viewer")
    @blp.response(200, WebhookSchema)
    def get(self, webhook_id):
        """One webhook."""
        return get_webhook(principal().organization_id, webhook_id)

    @require_role("analyst")
    @blp.arguments(WebhookUpdateSchema)
    @blp.response(200, WebhookSchema)
    def patch(self, data, webhook_id):
        """Change url, events, active (re-activating clears the failure count), filters,
        transport or config."""
        webhook = get_webhook(principal().organization_id, webhook_id)
        return update_webhook(_appliance().registry, _policy(), webhook, data)

    @require_role("analyst")
    @blp.response(204)
    def delete(self, webhook_id):
        """Delete the webhook and its delivery log."""
        delete_webhook(principal().organization_id, webhook_id)


@blp.route("/<string:webhook_id>/test", methods=["POST"])
@require_role("analyst")
@blp.response(202, DeliverySchema)
def test(webhook_id):
    """Send a ``ping`` event now; follow it in the delivery log."""
    return _send_now(send_test(get_webhook(principal().organization_id, webhook_id)))


@blp.route("/<string:webhook_id>/rotate-secret", methods=["POST"])
@require_role("analyst")
@blp.arguments(RotateSecretSchema)
@blp.response(200, RotatedSchema)
def rotate(data, webhook_id):
    """Replace the signing secret. For ``overlap_seconds`` (default: the setting
    ``webhooks.rotation_overlap``) deliveries carry two signatures, the new and the old."""
    appliance = _appliance()
    webhook = get_webhook(principal().organization_id, webhook_id)
    overlap = data.get("overlap_seconds", appliance.settings.webhooks.rotation_overlap)
    webhook, generated = rotate_secret(appliance.secret_box, webhook, data.get("secret"), overlap)
    return _with_secret(webhook, generated)


@blp.route("/<string:webhook_id>/deliveries")
@require_role("viewer")
@blp.arguments(DeliveryListArgsSchema, location="query")
@blp.response(200, page_schema(DeliverySchema))
def deliveries(args, webhook_id):
    """The delivery log, newest first: event, attempts, last status code, response excerpt,
    latency, next retry."""
    webhook = get_webhook(principal().organization_id, webhook_id)
    return paginate(deliveries_query(webhook, args), args)


@blp.route("/<string:webhook_id>/deliveries/<string:delivery_id>")
@require_role("viewer")
@blp.response(200, DeliveryDetailSchema)
def delivery(webhook_id, delivery_id):
    """One delivery with every attempt."""
    webhook = get_webhook(principal().organization_id, webhook_id)
    return get_delivery(webhook, delivery_id)


@blp.route("/<string:webhook_id>/deliveries/<string:delivery_id>/redeliver", methods=["POST"])
@require_role("analyst")
@blp.response(202, DeliverySchema)
def redeliver(webhook_id, delivery_id):
    """Send the same event again (same ``webhook-id``), as a new delivery in the log."""
    webhook = get_webhook(principal().organization_id, webhook_id)
    return _send_now(copy_for_redelivery(webhook, delivery_id))
