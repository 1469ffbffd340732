"""The options of the ``dns`` and ``smtp`` scanners (both take the same ones)."""

from __future__ import annotations

import re

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.plugin_api.options import ResolverAddress

_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$", re.IGNORECASE)


def _validate_label(value: str) -> None:
    if not all(_LABEL.match(part) for part in value.split(".")) or len(value) > 200:
        raise ma.ValidationError("a relative host name such as www or mail.eu")


class DnsOptionsSchema(ma.Schema):
    """Options of the ``dns`` and ``smtp`` scanners (both take the same ones)."""

    resolver = ResolverAddress(
        load_default=None,
        metadata={
            "description": "IP address of the resolver or authoritative server to ask: in the "
            "organization's scope, or allowed by the operator (scope.allowed_resolvers). "
            "Default: the system's resolvers."
        },
    )
    port = fields.Integer(
        strict=True,
        load_default=53,
        validate=validate.Range(min=1, max=65535),
        metadata={"description": "DNS port of the resolver and of the name servers (53)."},
    )
    timeout = fields.Float(
        load_default=5.0,
        validate=validate.Range(min=0.2, max=60),
        metadata={"description": "Seconds allowed per DNS question or SMTP exchange (5)."},
    )
    smtp_port = fields.Integer(
        strict=True,
        load_default=25,
        validate=validate.Range(min=1, max=65535),
        metadata={"description": "Port on which MX hosts are asked for STARTTLS (25)."},
    )
    subdomains = fields.List(
        fields.String(validate=_validate_label),
        load_default=lambda: ["www"],
        validate=validate.Length(max=50),
        metadata={
            "description": "Names under the domain also examined for dangling CNAMEs "
            "(default ['www'])."
        },
    )
