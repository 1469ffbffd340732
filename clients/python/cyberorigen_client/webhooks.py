"""Checking that a webhook delivery came from your appliance.

The appliance signs every delivery the Standard Webhooks way (https://www.standardwebhooks.com):
``webhook-id`` (the event id, the same on every retry), ``webhook-timestamp`` (Unix seconds)
and ``webhook-signature``, a space-separated list of ``v1,<base64 signature>``, one per secret
in use (two while a rotated secret still overlaps the new one). Each signature is the
HMAC-SHA256 of ``"{webhook-id}.{webhook-timestamp}.{raw body}"``; the key is the secret's UTF-8
bytes, or for a ``whsec_`` secret the base64-decoded rest.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Iterable, Mapping
from typing import Any

#: How far a delivery's timestamp may be from now, in seconds (replays are refused).
DEFAULT_TOLERANCE = 300


class WebhookVerificationError(ValueError):
    """The delivery is not signed by any of the secrets, or is too old, or malformed."""


def _key(secret: str) -> bytes:
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret[len("whsec_") :], validate=True)
        except (binascii.Error, ValueError):
            raise WebhookVerificationError("a whsec_ secret must be base64 after whsec_") from None
    return secret.encode("utf-8")


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    raise WebhookVerificationError(f"missing header {name}")


def verify_webhook(
    body: bytes | str,
    headers: Mapping[str, str],
    secret: str | Iterable[str],
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> dict[str, Any]:
    """The event of a delivery whose signature checks out, or WebhookVerificationError.

    ``body`` must be the raw bytes received (not re-serialized JSON); ``headers`` may use any
    case; ``secret`` is the webhook's secret, or several (during a rotation)."""
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    secrets = [secret] if isinstance(secret, str) else list(secret)
    if not secrets:
        raise WebhookVerificationError("no secret to verify with")
    message_id = _header(headers, "webhook-id")
    stamp = _header(headers, "webhook-timestamp")
    offered = _header(headers, "webhook-signature")
    try:
        timestamp = int(stamp)
    except ValueError:
        raise WebhookVerificationError("webhook-timestamp is not a number") from None
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is too far from now (a replay?)")
    signed = f"{message_id}.{timestamp}.".encode() + raw
    expected = [
        base64.b64encode(hmac.new(_key(s), signed, hashlib.sha256).digest()).decode("ascii")
        for s in secrets
    ]
    for item in offered.split():
        version, _, value = item.partition(",")
        if version == "v1" and any(hmac.compare_digest(value, e) for e in expected):
            break
    else:
        raise WebhookVerificationError("no signature matches the secret")
    try:
        return json.loads(raw)
    except ValueError:
        raise WebhookVerificationError("the body is not JSON") from None
