"""The OpenAPI document: our error envelope, security schemes, and standard error responses.

``StandardResponsesPlugin`` adds to every operation the error responses any endpoint can give
(401/403/429/500 when it needs credentials, 404 when its path names an object), so the
document tells the truth without repeating decorators on every view.
"""

from __future__ import annotations

from collections.abc import Mapping

from apispec import BasePlugin
from flask import Flask
from flask_smorest import Api as SmorestApi

from cyberorigen import __version__
from cyberorigen.api.schemas import ErrorSchema, UtcTimestamp
from cyberorigen.plugin_api.interfaces import Scanner
from cyberorigen.vocab import TIMESTAMP_PATTERN

TOKEN_URL = "/api/v1/auth/token"

SECURITY_SCHEMES = {
    "OAuth2": {
        "type": "oauth2",
        "description": "Your e-mail and password, exchanged at the token endpoint.",
        "flows": {"password": {"tokenUrl": TOKEN_URL, "scopes": {}}},
    },
    "ApiKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key (co_…) from POST /api/v1/api-keys, or an access token.",
    },
}

RATE_LIMIT_HEADERS = {
    "X-RateLimit-Limit": ("integer", "Requests allowed in the current window."),
    "X-RateLimit-Remaining": ("integer", "Requests left in the current window."),
    "X-RateLimit-Reset": ("integer", "Unix time at which the window resets."),
}


class StandardResponsesPlugin(BasePlugin):
    def operation_helper(self, path=None, operations=None, **kwargs):
        for operation in (operations or {}).values():
            if not isinstance(operation, dict):
                continue
            responses = operation.setdefault("responses", {})
            if operation.get("security") == []:
                continue
            wanted = [
                (401, "UNAUTHORIZED"),
                (403, "FORBIDDEN"),
                (429, "TOO_MANY_REQUESTS"),
                (500, "INTERNAL_SERVER_ERROR"),
            ]
            if path and "{" in path:
                wanted.append((404, "NOT_FOUND"))
            present = {str(code) for code in responses}
            for code, name in wanted:
                if str(code) not in present:
                    responses[code] = name
            for code, response in responses.items():
                if str(code).startswith("2") and isinstance(response, dict):
                    headers = response.setdefault("headers", {})
                    for header, (kind, text) in RATE_LIMIT_HEADERS.items():
                        headers.setdefault(header, {"description": text, "schema": {"type": kind}})


class Api(SmorestApi):
    """flask-smorest's Api, documenting and rendering errors in the contract's envelope."""

    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self):
        """The envelope handlers are registered by ``cyberorigen.api.errors.init_app``."""


def register_blueprints(api: Api, blueprints) -> None:
    """Register the resources, keeping only tags that some operation uses (a blueprint that
    exists for its own rate limit, like the token endpoint's, files its operation elsewhere)."""
    for blueprint in blueprints:
        api.register_blueprint(blueprint)
    used = {
        tag
        for operations in api.spec._paths.values()
        for operation in operations.values()
        if isinstance(operation, dict)
        for tag in operation.get("tags", ())
    }
    api.spec._tags[:] = [tag for tag in api.spec._tags if tag["name"] in used]


def openapi_config() -> dict:
    return {
        "API_TITLE": "CyberOrigen API",
        "API_VERSION": __version__,
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/",
        "OPENAPI_JSON_PATH": "openapi.json",
        "API_SPEC_OPTIONS": {
            "info": {
                "description": (
                    "Security scanning and compliance appliance. Errors always have the body "
                    '`{"detail", "error_code", "field"}`; lists are paginated with `page` and '
                    "`per_page` and return `items`, `total`, `page`, `per_page`, `pages`."
                )
            },
            "servers": [{"url": "/"}],
            "security": [{"OAuth2": []}, {"ApiKey": []}],
            "components": {"securitySchemes": SECURITY_SCHEMES},
        },
    }


def _timestamp_properties(converter, field, **_) -> dict:
    """Document ``UtcTimestamp`` as what it is on the wire (apispec cannot derive it from a
    strftime format and would write ``format: null``)."""
    if isinstance(field, UtcTimestamp):
        return {
            "format": "date-time",
            "pattern": TIMESTAMP_PATTERN,
            "example": "2025-12-21T10:00:00Z",
        }
    return {}


def init_app(app: Flask, blueprints, scanners: Mapping[str, Scanner] | None = None) -> Api:
    api = Api(spec_kwargs={"extra_plugins": [StandardResponsesPlugin()]})
    api.init_app(app)
    api.ma_plugin.converter.add_attribute_function(_timestamp_properties)
    register_blueprints(api, blueprints)
    register_webhook_events(api)
    register_scan_options(api, scanners or {})
    return api


#: The request bodies whose ``options`` are a scan's options per scanner.
SCAN_OPTION_BODIES = ("ScanCreate", "ScheduleCreate")


def register_scan_options(api: Api, scanners: Mapping[str, Scanner]) -> None:
    """Type a scan's ``options`` from the installed scanners' own option schemas: a component
    ``<Name>ScannerOptions`` per scanner, and ``ScanOptions`` naming each by its key."""
    properties, components = {}, {}
    for name, scanner in sorted(scanners.items()):
        if scanner.options_schema is None:
            continue
        component = components.get(scanner.options_schema)  # scanners may share a schema
        if component is None:
            component = "".join(part.capitalize() for part in name.split("_")) + "ScannerOptions"
            api.spec.components.schema(component, schema=scanner.options_schema)
            described = api.spec.components.schemas[component]
            described.setdefault("description", f"Options of the {name} scanner ({scanner.title}).")
            components[scanner.options_schema] = component
        properties[name] = {"$ref": f"#/components/schemas/{component}"}
    api.spec.components.schema(
        "ScanOptions",
        {
            "type": "object",
            "description": "Options per scanner, by the scanner's name; each scanner's own "
            "schema fills in its defaults, and a scan's profile may give some of them.",
            "properties": properties,
            "additionalProperties": False,
        },
    )
    schemas = api.spec.components.schemas
    for body in SCAN_OPTION_BODIES:
        if body in schemas and "options" in schemas[body].get("properties", {}):
            described = schemas[body]["properties"]["options"]
            schemas[body]["properties"]["options"] = {
                "allOf": [{"$ref": "#/components/schemas/ScanOptions"}],
                "description": described.get("description", ""),
            }


def register_webhook_events(api: Api) -> None:
    """Publish the body of every webhook event as a component (``WebhookEvent…``)."""
    from cyberorigen.webhooks.events import DATA_SCHEMAS, DESCRIPTIONS, envelope_schema

    for event_type in DATA_SCHEMAS:
        schema = envelope_schema(event_type)
        api.spec.components.schema(schema.__name__, schema=schema)
        api.spec.components.schemas[schema.__name__]["description"] = (
            f"Webhook event {event_type}: {DESCRIPTIONS[event_type]}"
        )
