"""Webhook subscriptions: create, change, rotate the secret, disable.

The secret is write-only: stored encrypted (Fernet, key derived from the instance secret) and
never returned, except once when the appliance generated it because none was given. A
webhook's destination is checked when it is saved (the transport's own rules, and for a URL
the network guard: where the name resolves now) and again at every delivery.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import marshmallow as ma

from cyberorigen.db import database
from cyberorigen.db.models import OutboxEvent, Webhook, WebhookDelivery, utcnow
from cyberorigen.errors import Conflict, Invalid, leaf_messages
from cyberorigen.plugin_api.interfaces import DeliveryError, Transport, masked_url
from cyberorigen.plugin_api.net import AddressRefused, NetworkPolicy
from cyberorigen.plugin_api.signing import PREFIX, secret_key
from cyberorigen.plugin_registry import PluginRegistry
from cyberorigen.services import audit
from cyberorigen.services.listing import newest_first
from cyberorigen.services.outbox import record_event
from cyberorigen.services.secret_box import SecretBox
from cyberorigen.services.tenancy import of_organization, owned
from cyberorigen.webhooks.events import PING


def shown_url(registry: PluginRegistry, webhook: Webhook) -> str | None:
    """The webhook's URL as responses show it (its transport masks credentials in it); only
    the origin when the transport is no longer installed and cannot say."""
    if not webhook.url:
        return webhook.url
    transport = registry.transports.get(webhook.transport)
    if transport is None:
        return masked_url(webhook.url, whole_path=True)
    return transport.shown_url(webhook.url)


def _audited(webhook: Webhook, registry: PluginRegistry | None = None) -> dict[str, Any]:
    """What the audit log keeps of a webhook: its URL as shown (credentials masked; only
    the origin without the registry), never its secret or its transport's config."""
    url = shown_url(registry, webhook) if registry is not None else None
    if webhook.url and registry is None:
        url = masked_url(webhook.url, whole_path=True)
    return {
        "url": _without_query(url),
        "transport": webhook.transport,
        "events": list(webhook.events or []),
        "filters": dict(webhook.filters or {}),
        "active": webhook.active,
    }


def _without_query(url: str | None) -> str | None:
    """``url`` without its query and fragment, where receivers often carry a token."""
    if not url:
        return url
    parts = urlsplit(url)
    hidden = "?***" if parts.query else ""
    return urlunsplit(parts._replace(query="", fragment="")) + hidden


def generate_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return PREFIX + base64.b64encode(os.urandom(32)).decode("ascii")


def check_secret(secret: str) -> None:
    try:
        secret_key(secret)
    except ValueError as exc:
        raise Invalid("secret", f"{exc}") from None


def _transport(registry: PluginRegistry, name: str) -> Transport:
    transport = registry.transports.get(name)
    if transport is None:
        known = ", ".join(sorted(registry.transports)) or "none"
        raise Invalid("transport", f"no transport {name!r} is installed (installed: {known})")
    return transport


def _checked_destination(
    transport: Transport, policy: NetworkPolicy, url: str | None, config: Mapping[str, Any]
) -> dict[str, Any]:
    """The transport's validated config; the URL checked for this transport and the guard."""
    if transport.uses_url:
        if not url:
            raise Invalid("url", f"the {transport.name} transport needs a url")
        problem = transport.check_url(url)
        if problem:
            raise Invalid("url", f"{problem}")
    elif url:
        raise Invalid("url", f"the {transport.name} transport takes no url")
    if transport.config_schema is None:
        if config:
            raise Invalid("config", f"the {transport.name} transport takes none")
        checked: dict[str, Any] = {}
    else:
        try:
            checked = transport.config_schema().load(dict(config))
        except ma.ValidationError as exc:
            field, message = next(leaf_messages(exc.messages))
            raise Invalid(f"config.{field}", message) from None
    destination = transport.destination(url, checked)
    if destination is not None:
        where = "url" if transport.uses_url else "config.host"
        try:
            policy.resolve(*destination)
        except AddressRefused as exc:
            raise Invalid(where, str(exc)) from None
        except DeliveryError:
            pass  # it does not resolve from here now: checked again at every delivery
    return checked


def create_webhook(
    box: SecretBox,
    registry: PluginRegistry,
    policy: NetworkPolicy,
    org_id: int,
    user_id: int | None,
    data: Mapping[str, Any],
) -> tuple[Webhook, str | None]:
    """Subscribe to events; the secret is ``data["secret"]``, or one generated here, returned
    beside the webhook (and shown this once)."""
    transport = _transport(registry, data.get("transport") or "http")
    config = _checked_destination(transport, policy, data.get("url"), data.get("config") or {})
    secret, generated = _secret(data.get("secret"))
    with database.atomic():
        webhook = Webhook.create(
            organization=org_id,
            created_by=user_id,
            url=data.get("url"),
            events=list(dict.fromkeys(data["events"])),
            secret_encrypted=box.seal(secret),
            transport=transport.name,
            config=config,
            filters=dict(data.get("filters") or {}),
        )
        audit.record(
            "webhook.created",
            organization_id=org_id,
            object_type="webhook",
            object_id=webhook.public_id,
            after=_audited(webhook, registry),
        )
    return webhook, generated


def _secret(given: str | None) -> tuple[str, str | None]:
    """The secret to use, and the same again when it was generated (None when given)."""
    if given is None:
        secret = generate_secret()
        return secret, secret
    check_secret(given)
    return given, None


def update_webhook(
    registry: PluginRegistry, policy: NetworkPolicy, webhook: Webhook, changes: Mapping[str, Any]
) -> Webhook:
    """Change url, events, active, filters, transport or config. Re-activating a disabled
    webhook clears its failure count."""
    old, old_config = _audited(webhook, registry), dict(webhook.config or {})
    transport = _transport(registry, changes.get("transport", webhook.transport))
    url = changes.get("url", webhook.url)
    if "transport" in changes and not transport.uses_url and "url" not in changes:
        url = None
    config = changes.get("config", webhook.config)
    if {"url", "transport", "config"} & set(changes):
        webhook.config = _checked_destination(transport, policy, url, config or {})
        webhook.url, webhook.transport = url, transport.name
    if "events" in changes:
        webhook.events = list(dict.fromkeys(changes["events"]))
    if "filters" in changes:
        webhook.filters = dict(changes["filters"] or {})
    if "active" in changes:
        if changes["active"] and not webhook.active:
            webhook.consecutive_failures = 0
            webhook.disabled_reason = webhook.disabled_at = None
        webhook.active = changes["active"]
    webhook.updated_at = utcnow()
    before, after = audit.changes(old, _audited(webhook, registry))
    if dict(webhook.config or {}) != old_config:  # said, not shown: a transport's config is its own
        after["config_changed"] = True
    with database.atomic():
        webhook.save()
        if after:
            audit.record(
                "webhook.updated",
                organization_id=webhook.organization_id,
                object_type="webhook",
                object_id=webhook.public_id,
                before=before,
                after=after,
            )
    return webhook


def rotate_secret(
    box: SecretBox, webhook: Webhook, given: str | None, overlap_seconds: int
) -> tuple[Webhook, str | None]:
    """Replace the secret with ``given`` or a generated one (returned beside the webhook); the
    old one keeps signing (as a second signature) for the overlap."""
    secret, generated = _secret(given)
    webhook.previous_secret_encrypted = webhook.secret_encrypted
    webhook.previous_secret_until = utcnow() + timedelta(seconds=overlap_seconds)
    webhook.secret_encrypted = box.seal(secret)
    webhook.updated_at = utcnow()
    with database.atomic():
        webhook.save()
        audit.record(
            "webhook.secret_rotated",
            organization_id=webhook.organization_id,
            object_type="webhook",
            object_id=webhook.public_id,
            after={
                "generated": given is None,
                "previous_valid_until": webhook.previous_secret_until,
            },
        )
    return webhook, generated


def signing_secrets(box: SecretBox, webhook: Webhook) -> tuple[str, ...]:
    secrets = [box.open(webhook.secret_encrypted)]
    if webhook.previous_secret_encrypted and (webhook.previous_secret_until or utcnow()) > utcnow():
        secrets.append(box.open(webhook.previous_secret_encrypted))
    return tuple(secrets)


def disable(webhook: Webhook, reason: str) -> None:
    """Turn a failing webhook off and say so with a ``webhook.disabled`` event (in the
    caller's transaction)."""
    webhook.active = False
    webhook.disabled_reason = reason
    webhook.disabled_at = webhook.updated_at = utcnow()
    webhook.save()
    record_event(
        webhook.organization_id,
        "webhook.disabled",
        {"webhook_id": webhook.public_id, "url": webhook.url, "reason": reason},
    )


def webhooks_query(org_id: int):
    """The organization's webhooks, newest first."""
    return newest_first(of_organization(Webhook, org_id))


def delete_webhook(org_id: int, public_id: str) -> None:
    """Delete the webhook and its delivery log."""
    with database.atomic():
        webhook = get_webhook(org_id, public_id)
        webhook.delete_instance()
        audit.record(
            "webhook.deleted",
            organization_id=org_id,
            object_type="webhook",
            object_id=webhook.public_id,
            before=_audited(webhook),
        )


def get_webhook(org_id: int, public_id: str) -> Webhook:
    return owned(Webhook, org_id, public_id, "webhook")


def _active(webhook: Webhook) -> Webhook:
    if not webhook.active:
        raise Conflict("the webhook is disabled; set active to true first")
    return webhook


def send_test(webhook: Webhook) -> WebhookDelivery:
    """A ``ping`` event for ``webhook`` alone, and its delivery (due now), in one transaction."""
    _active(webhook)
    with database.atomic():
        event = OutboxEvent.create(
            organization=webhook.organization_id,
            type=PING,
            payload={"webhook_id": webhook.public_id, "message": "Hello from CyberOrigen."},
            dispatched_at=utcnow(),
        )
        return WebhookDelivery.create(
            organization=webhook.organization_id,
            webhook=webhook,
            event=event,
            event_type=PING,
            next_attempt_at=utcnow(),
        )


def deliveries_query(webhook: Webhook, filters: Mapping[str, Any] | None = None):
    """The webhook's delivery log (by ``status`` and ``event_type`` when given), newest first."""
    query = WebhookDelivery.select().where(WebhookDelivery.webhook == webhook)
    for name in ("status", "event_type"):
        if (filters or {}).get(name):
            query = query.where(getattr(WebhookDelivery, name) == filters[name])
    return newest_first(query)


def get_delivery(webhook: Webhook, public_id: str) -> WebhookDelivery:
    return owned(
        WebhookDelivery,
        webhook.organization_id,
        public_id,
        "delivery",
        WebhookDelivery.webhook == webhook,
    )


def copy_for_redelivery(webhook: Webhook, delivery_id: str) -> WebhookDelivery:
    """The same event again (same ``webhook-id``), as a new delivery in the log, due now."""
    original = get_delivery(webhook, delivery_id)
    _active(webhook)
    return WebhookDelivery.create(
        organization=webhook.organization_id,
        webhook=webhook,
        event=original.event_id,
        event_type=original.event_type,
        next_attempt_at=utcnow(),
        redelivery_of=original,
    )


def subscribed(events: Sequence[str], event_type: str) -> bool:
    return event_type in events or "*" in events
