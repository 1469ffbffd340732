"""Webhook subscriptions, their delivery log, redelivery, test pings and secret rotation."""

from __future__ import annotations

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.errors import ApiError
from cyberorigen.api.pagination import newest_first, paginate
from cyberorigen.api.schemas import PageArgsSchema, page_schema
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
from cyberorigen.db import database
from cyberorigen.db.models import OutboxEvent, Webhook, WebhookDelivery, utcnow
from cyberorigen.errors import NotFound
from cyberorigen.webhooks.dispatch import claim
from cyberorigen.webhooks.events import PING
from cyberorigen.webhooks.policy import network_policy
from cyberorigen.webhooks.subscriptions import (
    create_webhook,
    generate_secret,
    get_webhook,
    rotate_secret,
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


def _send_now(delivery: WebhookDelivery) -> WebhookDelivery:
    """Claim the delivery and hand it to a worker at once (the dispatcher would within a
    second anyway)."""
    token = claim(delivery, _appliance().settings.webhooks.lease_seconds)
    if token:
        _appliance().jobs.enqueue_delivery([delivery.public_id], token)
    return WebhookDelivery.get_by_id(delivery.id)


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
        """Subscribe to events: a URL (transport ``http``, signed; or ``slack``), or another
        transport with its ``config`` (``email`` recipients, ``syslog`` host). The secret is
        write-only; when omitted, one is generated and returned this once."""
        secret = data.get("secret")
        generated = secret is None
        if generated:
            secret = generate_secret()
        caller = principal()
        webhook = create_webhook(
            _appliance().secret_box,
            _appliance().registry,
            _policy(),
            caller.organization_id,
            caller.user_id,
            data,
            secret,
        )
        if generated:
            webhook.secret = secret
        return webhook


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
        get_webhook(principal().organization_id, webhook_id).delete_instance()


@blp.route("/<string:webhook_id>/test", methods=["POST"])
@require_role("analyst")
@blp.response(202, DeliverySchema)
def test(webhook_id):
    """Send a ``ping`` event now; follow it in the delivery log."""
    webhook = get_webhook(principal().organization_id, webhook_id)
    if not webhook.active:
        raise ApiError(409, "the webhook is disabled; set active to true first", "CONFLICT")
    with database.atomic():
        event = OutboxEvent.create(
            organization=webhook.organization_id,
            type=PING,
            payload={"webhook_id": webhook.public_id, "message": "Hello from CyberOrigen."},
            dispatched_at=utcnow(),
        )
        delivery = WebhookDelivery.create(
            organization=webhook.organization_id,
            webhook=webhook,
            event=event,
            event_type=PING,
            next_attempt_at=utcnow(),
        )
    return _send_now(delivery)


@blp.route("/<string:webhook_id>/rotate-secret", methods=["POST"])
@require_role("analyst")
@blp.arguments(RotateSecretSchema)
@blp.response(200, RotatedSchema)
def rotate(data, webhook_id):
    """Replace the signing secret. For ``overlap_seconds`` (default: the setting
    ``webhooks.rotation_overlap``) deliveries carry two signatures, the new and the old."""
    webhook = get_webhook(principal().organization_id, webhook_id)
    secret = data.get("secret")
    generated = secret is None
    if generated:
        secret = generate_secret()
    overlap = data.get("overlap_seconds", _appliance().settings.webhooks.rotation_overlap)
    webhook = rotate_secret(_appliance().secret_box, webhook, secret, overlap)
    if generated:
        webhook.secret = secret
    return webhook


def _deliveries(webhook: Webhook):
    return WebhookDelivery.select().where(WebhookDelivery.webhook == webhook)


def _delivery(webhook: Webhook, delivery_id: str) -> WebhookDelivery:
    row = _deliveries(webhook).where(WebhookDelivery.public_id == delivery_id).first()
    if row is None:
        raise NotFound("delivery")
    return row


@blp.route("/<string:webhook_id>/deliveries")
@require_role("viewer")
@blp.arguments(DeliveryListArgsSchema, location="query")
@blp.response(200, page_schema(DeliverySchema))
def deliveries(args, webhook_id):
    """The delivery log, newest first: event, attempts, last status code, response excerpt,
    latency, next retry."""
    webhook = get_webhook(principal().organization_id, webhook_id)
    query = _deliveries(webhook)
    for name in ("status", "event_type"):
        if args.get(name):
            query = query.where(getattr(WebhookDelivery, name) == args[name])
    return paginate(query, args, *newest_first(WebhookDelivery))


@blp.route("/<string:webhook_id>/deliveries/<string:delivery_id>")
@require_role("viewer")
@blp.response(200, DeliveryDetailSchema)
def delivery(webhook_id, delivery_id):
    """One delivery with every attempt."""
    webhook = get_webhook(principal().organization_id, webhook_id)
    return _delivery(webhook, delivery_id)


@blp.route("/<string:webhook_id>/deliveries/<string:delivery_id>/redeliver", methods=["POST"])
@require_role("analyst")
@blp.response(202, DeliverySchema)
def redeliver(webhook_id, delivery_id):
    """Send the same event again (same ``webhook-id``), as a new delivery in the log."""
    webhook = get_webhook(principal().organization_id, webhook_id)
    original = _delivery(webhook, delivery_id)
    if not webhook.active:
        raise ApiError(409, "the webhook is disabled; set active to true first", "CONFLICT")
    copy = WebhookDelivery.create(
        organization=webhook.organization_id,
        webhook=webhook,
        event=original.event_id,
        event_type=original.event_type,
        next_attempt_at=utcnow(),
        redelivery_of=original,
    )
    return _send_now(copy)
