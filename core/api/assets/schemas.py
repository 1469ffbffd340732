"""The asset inventory as the API shows it: hosts, and their services."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from cyberorigen.api.schemas import PageArgsSchema, UtcTimestamp


class ServiceSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "svc_8e7d6c5b4a3f2e1d"})
    port = fields.Integer(metadata={"example": 8443})
    transport = fields.String(metadata={"example": "tcp"})
    protocol = fields.String(
        metadata={
            "example": "https",
            "description": "What speaks there (http, https, ssh, smtp, ftp, redis, tls for TLS "
            "around something unidentified...), empty when it could not be told.",
        }
    )
    tls = fields.Boolean(metadata={"description": "The port completed a TLS handshake."})
    product = fields.String(metadata={"example": "nginx"})
    version = fields.String(metadata={"example": "1.24.0"})
    banner = fields.String(metadata={"description": "What it sent first (the first bytes)."})
    certificate = fields.Dict(
        metadata={
            "description": "For TLS: subject, issuer, not_after and names of its certificate "
            "(the tls scanner judges it).",
        }
    )
    first_seen = UtcTimestamp()
    last_seen = UtcTimestamp()


class AssetSchema(ma.Schema):
    id = fields.String(attribute="public_id", metadata={"example": "ast_3c1d9e0f7a2b4c5d"})
    address = fields.String(metadata={"example": "10.0.0.12"})
    names = fields.List(fields.String(), metadata={"example": ["db1.example.com"]})
    first_seen = UtcTimestamp()
    last_seen = UtcTimestamp()
    last_scan_id = fields.Function(
        lambda asset: asset.last_scan.public_id if asset.last_scan_id else None,
        metadata={"type": "string", "description": "The last scan that saw it."},
    )


class AssetDetailSchema(AssetSchema):
    services = fields.List(fields.Nested(ServiceSchema))


class AssetListArgsSchema(PageArgsSchema):
    address = fields.String(validate=validate.Length(max=64))
    name = fields.String(
        validate=validate.Length(max=253), metadata={"description": "One of its names."}
    )
    protocol = fields.String(
        validate=validate.Length(max=40), metadata={"description": "It has a service of it."}
    )
    port = fields.Integer(
        validate=validate.Range(min=1, max=65535),
        metadata={"description": "It has a service on it."},
    )
