"""Standard Webhooks signatures (https://www.standardwebhooks.com).

Headers: ``webhook-id`` (the event id, the same on every retry), ``webhook-timestamp`` (Unix
seconds) and ``webhook-signature``: ``v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>``,
one per secret, separated by spaces (two while a rotated secret overlaps the new one). The key
is the secret's UTF-8 bytes, or for a ``whsec_``-prefixed secret the base64-decoded rest.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable

PREFIX = "whsec_"


def secret_key(secret: str) -> bytes:
    """The HMAC key of a secret; ValueError for a ``whsec_`` secret that is not base64."""
    if secret.startswith(PREFIX):
        try:
            return base64.b64decode(secret[len(PREFIX) :], validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("a whsec_ secret must be base64 after the prefix") from None
    return secret.encode("utf-8")


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def signature_headers(
    secrets: Iterable[str], message_id: str, timestamp: int, body: bytes
) -> dict[str, str]:
    """The three Standard Webhooks headers for ``body``."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(
            signature(secret, message_id, timestamp, body) for secret in secrets
        ),
    }
