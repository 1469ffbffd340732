"""The OpenAPI document: our error envelope, security schemes, and standard error responses.

``StandardResponsesPlugin`` adds to every operation the error responses any endpoint can give
(401/403/429/500 when it needs credentials, 404 when its path names an object), so the
document tells the truth without repeating decorators on every view.

The document is one clients are generated from: every operation has the ``operationId`` of
``OPERATION_IDS`` (names a generated client's methods take, so they never change silently),
every JSON or form body is a named component, no query parameter carries an ``example``
(Swagger UI's "Try it out" would send it as a filter), and descriptions are Markdown (the
docstrings' reStructuredText ``literals`` are turned into Markdown code spans).
"""

from __future__ import annotations

import re
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


#: The ``operationId`` of every operation, by (method, path): the names of a generated
#: client's methods. Renaming one breaks every client generated before: don't.
OPERATION_IDS = {
    ("get", "/api/health"): "getHealth",
    ("post", "/api/v1/auth/token"): "createToken",
    ("get", "/api/v1/auth/me"): "getMe",
    ("post", "/api/v1/auth/revoke"): "revokeToken",
    ("post", "/api/v1/auth/password"): "changePassword",
    ("get", "/api/v1/api-keys"): "listApiKeys",
    ("post", "/api/v1/api-keys"): "createApiKey",
    ("get", "/api/v1/api-keys/{key_id}"): "getApiKey",
    ("delete", "/api/v1/api-keys/{key_id}"): "deleteApiKey",
    ("get", "/api/v1/organizations/current"): "getCurrentOrganization",
    ("patch", "/api/v1/organizations/current"): "updateCurrentOrganization",
    ("get", "/api/v1/users"): "listUsers",
    ("post", "/api/v1/users"): "createUser",
    ("get", "/api/v1/users/{user_id}"): "getUser",
    ("patch", "/api/v1/users/{user_id}"): "updateUser",
    ("delete", "/api/v1/users/{user_id}"): "deleteUser",
    ("get", "/api/v1/scope"): "listScopeEntries",
    ("post", "/api/v1/scope"): "createScopeEntry",
    ("delete", "/api/v1/scope/{entry_id}"): "deleteScopeEntry",
    ("get", "/api/v1/scans"): "listScans",
    ("post", "/api/v1/scans"): "createScan",
    ("get", "/api/v1/scans/{scan_id}"): "getScan",
    ("delete", "/api/v1/scans/{scan_id}"): "deleteScan",
    ("post", "/api/v1/scans/{scan_id}/rescan"): "rescanScan",
    ("post", "/api/v1/scans/{scan_id}/cancel"): "cancelScan",
    ("get", "/api/v1/scans/{scan_id}/findings"): "listScanFindings",
    ("get", "/api/v1/scans/{scan_id}/checks"): "listScanChecks",
    ("get", "/api/v1/findings"): "listFindings",
    ("get", "/api/v1/findings/export"): "exportFindings",
    ("get", "/api/v1/findings/{finding_id}"): "getFinding",
    ("patch", "/api/v1/findings/{finding_id}"): "updateFinding",
    ("post", "/api/v1/imports"): "createImport",
    ("get", "/api/v1/imports/formats"): "listImportFormats",
    ("get", "/api/v1/assets"): "listAssets",
    ("get", "/api/v1/assets/{asset_id}"): "getAsset",
    ("get", "/api/v1/schedules"): "listSchedules",
    ("post", "/api/v1/schedules"): "createSchedule",
    ("get", "/api/v1/schedules/{schedule_id}"): "getSchedule",
    ("patch", "/api/v1/schedules/{schedule_id}"): "updateSchedule",
    ("delete", "/api/v1/schedules/{schedule_id}"): "deleteSchedule",
    ("get", "/api/v1/controls"): "listControls",
    ("get", "/api/v1/controls/{control_id}"): "getControl",
    ("patch", "/api/v1/controls/{control_id}"): "updateControl",
    ("get", "/api/v1/controls/{control_id}/evidence"): "listEvidence",
    ("post", "/api/v1/controls/{control_id}/evidence"): "createEvidence",
    ("get", "/api/v1/controls/{control_id}/evidence/{evidence_id}"): "getEvidence",
    ("delete", "/api/v1/controls/{control_id}/evidence/{evidence_id}"): "deleteEvidence",
    ("post", "/api/v1/controls/{control_id}/evidence/{evidence_id}/review"): "reviewEvidence",
    ("get", "/api/v1/controls/{control_id}/evidence/{evidence_id}/download"): "downloadEvidence",
    ("get", "/api/v1/frameworks"): "listFrameworks",
    ("get", "/api/v1/frameworks/{framework_id}"): "getFramework",
    ("get", "/api/v1/frameworks/{framework_id}/report"): "getFrameworkReport",
    ("get", "/api/v1/frameworks/{framework_id}/report.csv"): "getFrameworkReportCsv",
    ("get", "/api/v1/frameworks/{framework_id}/report.html"): "getFrameworkReportHtml",
    ("get", "/api/v1/frameworks/{framework_id}/report.pdf"): "getFrameworkReportPdf",
    ("patch", "/api/v1/frameworks/{framework_id}/requirements/{requirement_id}"): (
        "updateRequirementScope"
    ),
    ("get", "/api/v1/frameworks/{framework_id}/statement-of-applicability.html"): (
        "getStatementOfApplicabilityHtml"
    ),
    ("get", "/api/v1/frameworks/{framework_id}/statement-of-applicability.pdf"): (
        "getStatementOfApplicabilityPdf"
    ),
    ("get", "/api/v1/frameworks/{framework_id}/statement-of-applicability.xlsx"): (
        "getStatementOfApplicabilityXlsx"
    ),
    ("get", "/api/v1/reports/executive.html"): "getExecutiveSummaryHtml",
    ("get", "/api/v1/reports/executive.pdf"): "getExecutiveSummaryPdf",
    ("get", "/api/v1/exports"): "listExports",
    ("post", "/api/v1/exports"): "createExport",
    ("get", "/api/v1/exports/{export_id}"): "getExport",
    ("get", "/api/v1/exports/{export_id}/download"): "downloadExport",
    ("get", "/api/v1/webhooks"): "listWebhooks",
    ("post", "/api/v1/webhooks"): "createWebhook",
    ("get", "/api/v1/webhooks/{webhook_id}"): "getWebhook",
    ("patch", "/api/v1/webhooks/{webhook_id}"): "updateWebhook",
    ("delete", "/api/v1/webhooks/{webhook_id}"): "deleteWebhook",
    ("post", "/api/v1/webhooks/{webhook_id}/test"): "testWebhook",
    ("post", "/api/v1/webhooks/{webhook_id}/rotate-secret"): "rotateWebhookSecret",
    ("get", "/api/v1/webhooks/{webhook_id}/deliveries"): "listWebhookDeliveries",
    ("get", "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}"): "getWebhookDelivery",
    ("post", "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"): (
        "redeliverWebhookDelivery"
    ),
    ("get", "/api/v1/plugins"): "listPlugins",
    ("get", "/api/v1/audit-events"): "listAuditEvents",
    ("get", "/api/v1/audit-events/export"): "exportAuditEvents",
}


def operation_id(method: str, path: str, endpoint: str) -> str:
    """The operation's id: its entry of ``OPERATION_IDS``, else one made of the Flask
    endpoint (``scans.ScanById`` + ``get`` -> ``scans_ScanById_get``), unique as endpoints are
    (tests/test_openapi_docs.py fails until a new route has its entry)."""
    return OPERATION_IDS.get((method, path)) or f"{endpoint.replace('.', '_')}_{method}"


class StandardResponsesPlugin(BasePlugin):
    """Completes each operation as it is registered: its ``operationId``, its query
    parameters' examples moved into their descriptions, the standard error responses and
    the rate-limit headers of its 2xx responses."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        rule = kwargs.get("rule")
        for method, operation in (operations or {}).items():
            if not isinstance(operation, dict):
                continue
            if rule is not None:
                operation.setdefault("operationId", operation_id(method, path, rule.endpoint))
            _no_query_examples(operation)
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


def _no_query_examples(operation: dict) -> None:
    """Move a query parameter's example into its description: Swagger UI's "Try it out"
    sends an example as the parameter's value, and a filter (``created_after``) filled in
    for the reader hides data they did not ask to hide."""
    for parameter in operation.get("parameters", ()):
        if not isinstance(parameter, dict) or parameter.get("in") != "query":
            continue
        examples = [
            parameter.pop("example", None),
            parameter.get("schema", {}).pop("example", None),
        ]
        example = next((value for value in examples if value is not None), None)
        if example is None:
            continue
        text = parameter.get("description", "").rstrip()
        shown = f"For example `{example}`."
        parameter["description"] = f"{text} {shown}" if text else shown


_RST_LITERAL = re.compile(r"``(.+?)``", re.S)


def markdown(text: str) -> str:
    """``literal`` (reStructuredText, as our docstrings write it) -> `literal` (Markdown)."""
    return _RST_LITERAL.sub(lambda match: f"`{match.group(1)}`", text)


def _to_markdown(node) -> None:
    """Every ``description`` and ``summary`` under ``node``, in place, in Markdown."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("description", "summary") and isinstance(value, str):
                node[key] = markdown(value)
            else:
                _to_markdown(value)
    elif isinstance(node, list):
        for value in node:
            _to_markdown(value)


def _pascal(name: str) -> str:
    return name[:1].upper() + name[1:]


def name_bodies(spec) -> None:
    """Give every inline JSON, form or multipart body a component of its own: an operation's
    request ``<OperationId>Request``, a list of ``X`` ``XList``, any other response
    ``<OperationId>Response`` (generators name inline bodies each their own way). A string
    body is a file or a page, not data a client parses: it stays as it is."""
    schemas = spec.components.schemas

    def named(schema: dict, name: str) -> dict:
        if "$ref" in schema or schema.get("type") == "string":
            return schema
        items = schema.get("items", {})
        if schema.get("type") == "array" and "$ref" in items and set(schema) == {"type", "items"}:
            name = items["$ref"].rsplit("/", 1)[1] + "List"
        if name not in schemas:
            spec.components.schema(name, schema)
        return {"$ref": f"#/components/schemas/{name}"}

    for operations in spec._paths.values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            base = _pascal(operation["operationId"])
            for content in operation.get("requestBody", {}).get("content", {}).values():
                if "schema" in content:
                    content["schema"] = named(content["schema"], f"{base}Request")
            for code, response in operation.get("responses", {}).items():
                if not isinstance(response, dict) or not str(code).startswith("2"):
                    continue
                for content in response.get("content", {}).values():
                    if "schema" in content:
                        content["schema"] = named(content["schema"], f"{base}Response")


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
    name_bodies(api.spec)
    _to_markdown(api.spec._paths)
    _to_markdown(api.spec._tags)
    _to_markdown(api.spec.components.schemas)
    return api


#: The bodies whose ``options`` are a scan's options per scanner.
SCAN_OPTION_BODIES = ("ScanCreate", "ScanDetail", "ScheduleCreate", "Schedule")


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
