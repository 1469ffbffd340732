"""Validators for scanner options that several scanners share."""

from __future__ import annotations

import ssl

import marshmallow as ma


def validate_ca_pem(value: str) -> None:
    """A ``trust_store``-style option: PEM text of CA certificates that OpenSSL can load.

    Use it in an options schema: ``fields.String(validate=validate_ca_pem)``."""
    if "-----BEGIN CERTIFICATE-----" not in value:
        raise ma.ValidationError("expected PEM certificates (-----BEGIN CERTIFICATE-----)")
    try:
        ssl.create_default_context().load_verify_locations(cadata=value)
    except (ssl.SSLError, ValueError) as exc:
        raise ma.ValidationError(f"not usable as CA certificates: {exc}") from None
