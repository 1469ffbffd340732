"""Validators for scanner options that several scanners share."""

from __future__ import annotations

import ipaddress
import ssl

import marshmallow as ma
from marshmallow import fields


def validate_ca_pem(value: str) -> None:
    """A ``trust_store``-style option: PEM text of CA certificates that OpenSSL can load.

    Use it in an options schema: ``fields.String(validate=validate_ca_pem)``."""
    if "-----BEGIN CERTIFICATE-----" not in value:
        raise ma.ValidationError("expected PEM certificates (-----BEGIN CERTIFICATE-----)")
    try:
        ssl.create_default_context().load_verify_locations(cadata=value)
    except (ssl.SSLError, ValueError) as exc:
        raise ma.ValidationError(f"not usable as CA certificates: {exc}") from None


class ResolverAddress(fields.String):
    """An option naming a DNS server the scanner will ask (an IP address). Declaring it so
    lets the core refuse, when the scan is created, a server outside the organization's
    scope that the operator does not allow (422 on ``options.<scanner>.<option>``); at run
    time ask ``ctx.scope.check_resolver(address)`` before the first question."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return str(ipaddress.ip_address(text.strip()))
        except ValueError:
            raise ma.ValidationError("an IP address, e.g. 192.0.2.53 or 2001:db8::53") from None
