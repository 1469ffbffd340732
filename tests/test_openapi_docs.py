"""The OpenAPI document at /openapi.json and the interactive docs at /docs and /redoc.

The document must tell the truth about the app (every route, the error envelope, the security
schemes), and the docs pages must work on an appliance with no internet access: every asset
they load comes from the appliance itself.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import openapi_schema_validator as schema_validator
import openapi_spec_validator as validator
import pytest
import swagger_ui_bundle

from cyberorigen import __version__
from cyberorigen.api.security import is_public_endpoint
from cyberorigen.appliance import appliance_of

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
ERROR_REF = "#/components/schemas/Error"
TOKEN_URL = "/api/v1/auth/token"
REFERENCE_SCAN = {"target": "example.com", "scan_type": "full", "frameworks": ["soc2", "pci-dss"]}


@pytest.fixture
def spec(client) -> dict:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.get_json()


def operations(spec: dict):
    """(path, method, operation) for every operation of the document."""
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def api_rules(app):
    """(OpenAPI path, method, endpoint) for every /api/ route the app serves."""
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/"):
            continue
        path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            yield path, method.lower(), rule.endpoint


def resolve(spec: dict, node: dict) -> dict:
    while "$ref" in node:
        section, kind, name = node["$ref"].removeprefix("#/").split("/")
        node = spec[section][kind][name]
    return node


def response_schema_ref(spec: dict, response: dict) -> str | None:
    content = resolve(spec, response).get("content", {})
    return content.get("application/json", {}).get("schema", {}).get("$ref")


# --- the document ---------------------------------------------------------------------------------


def test_openapi_document_is_openapi_3_for_this_version(spec):
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"]
    assert spec["info"]["version"] == __version__


def test_every_api_route_of_the_app_is_documented_and_nothing_else(app, spec):
    served = {(path, method) for path, method, _ in api_rules(app)}
    documented = {(path, method) for path, method, _ in operations(spec)}

    assert served, "the app serves no /api/ route?"
    assert served - documented == set(), "served but not documented"
    assert documented - served == set(), "documented but not served"


def test_the_error_schema_is_the_envelope(spec):
    error = spec["components"]["schemas"]["Error"]

    assert {"detail", "error_code", "field"} <= set(error["properties"])
    assert {"detail", "error_code", "field"} <= set(error["required"])
    assert error["properties"]["field"].get("nullable") is True


#: Non-2xx answers that are not errors of the API: a degraded health report is still a report.
NOT_THE_ENVELOPE = {("/api/health", "get", "503"): "#/components/schemas/Health"}


def test_every_operation_documents_its_errors_with_the_error_schema(spec):
    for path, method, operation in operations(spec):
        errors = {
            str(code): response
            for code, response in operation["responses"].items()
            if not str(code).startswith("2")
        }
        assert "default" in errors, f"{method.upper()} {path} has no default error response"
        for code, response in errors.items():
            ref = response_schema_ref(spec, response)
            expected = NOT_THE_ENVELOPE.get((path, method, code), ERROR_REF)
            assert ref == expected, f"{method.upper()} {path} {code} is documented as {ref}"


def test_timestamps_are_documented_as_date_time_strings(spec):
    """``created_at`` and the other ``*_at`` fields are UTC date-times (…T…Z)."""
    found = 0
    for name, schema in spec["components"]["schemas"].items():
        for prop_name, prop in schema.get("properties", {}).items():
            if not prop_name.endswith("_at"):
                continue
            found += 1
            assert prop.get("type") == "string", (name, prop_name, prop)
            assert prop.get("format") == "date-time", (name, prop_name, prop)
            assert prop.get("pattern", "") is not None, (name, prop_name, prop)
    assert found


def test_protected_operations_document_401_403_429_500_and_404_on_objects(app, spec):
    with app.app_context():
        protected = {
            (path, method)
            for path, method, endpoint in api_rules(app)
            if not is_public_endpoint(endpoint)
        }
    assert protected
    for path, method, operation in operations(spec):
        if (path, method) not in protected:
            continue
        codes = {str(code) for code in operation["responses"]}
        assert {"401", "403", "429", "500"} <= codes, f"{method.upper()} {path}: {codes}"
        if "{" in path:
            assert "404" in codes, f"{method.upper()} {path}: {codes}"


def test_operations_with_arguments_document_422(spec):
    for path, method, operation in operations(spec):
        takes_arguments = "requestBody" in operation or any(
            parameter["in"] == "query" for parameter in operation.get("parameters", [])
        )
        if takes_arguments:
            assert "422" in {str(code) for code in operation["responses"]}, f"{method} {path}"


def test_oauth2_password_flow_points_at_the_token_endpoint(spec):
    schemes = spec["components"]["securitySchemes"]
    oauth = [scheme for scheme in schemes.values() if scheme["type"] == "oauth2"]

    assert len(oauth) == 1
    assert oauth[0]["flows"]["password"]["tokenUrl"] == TOKEN_URL
    # Swagger UI's Authorize button posts the form the token endpoint documents.
    body = spec["paths"][TOKEN_URL]["post"]["requestBody"]["content"]
    form = resolve(spec, body["application/x-www-form-urlencoded"]["schema"])
    assert {"username", "password"} <= set(form["required"])
    names = {name for name, _ in spec["security"][0].items()}
    assert names <= set(schemes)


def test_public_endpoints_have_empty_security_and_the_others_inherit_it(app, spec):
    assert spec["security"], "no document-wide security requirement"
    assert spec["paths"]["/api/health"]["get"]["security"] == []
    assert spec["paths"][TOKEN_URL]["post"]["security"] == []
    with app.app_context():
        public = {
            (path, method)
            for path, method, endpoint in api_rules(app)
            if is_public_endpoint(endpoint)
        }
    assert public == {("/api/health", "get"), (TOKEN_URL, "post")}
    for path, method, operation in operations(spec):
        if (path, method) in public:
            continue
        assert operation.get("security") != [], f"{method.upper()} {path} claims to be public"


def test_the_document_is_a_valid_openapi_document(spec):

    validator.validate(spec)


def _inline(spec: dict, node):
    """``node`` with every local ``$ref`` replaced by what it points at (no cycles here).

    A keyword whose value is null says nothing and is left out (the timestamp test above
    reports such keywords); every other keyword is kept and checked.
    """
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(spec, resolve(spec, node))
        return {
            key: _inline(spec, value)
            for key, value in node.items()
            if not (value is None and key in ("format", "pattern"))
        }
    if isinstance(node, list):
        return [_inline(spec, value) for value in node]
    return node


def test_documented_schemas_describe_the_real_responses(client, spec, make_account):
    """The responses the API gives validate against the schemas the document gives for them."""
    analyst = make_account(role="analyst")

    def check(response, path: str, method: str, status: int) -> None:
        assert response.status_code == status, response.get_data(as_text=True)
        documented = spec["paths"][path][method]["responses"]
        declared = documented.get(str(status), documented.get("default"))
        ref = response_schema_ref(spec, declared)
        schema = _inline(spec, {"$ref": ref})
        schema_validator.OAS30Validator(schema).validate(response.get_json())

    created = client.post("/api/v1/scans", json=REFERENCE_SCAN, headers=analyst.headers)
    check(created, "/api/v1/scans", "post", 201)
    check(client.get("/api/v1/scans", headers=analyst.headers), "/api/v1/scans", "get", 200)
    check(
        client.get(f"/api/v1/scans/{created.get_json()['id']}", headers=analyst.headers),
        "/api/v1/scans/{scan_id}",
        "get",
        200,
    )
    check(
        client.post("/api/v1/scans", json={"target": ""}, headers=analyst.headers),
        "/api/v1/scans",
        "post",
        422,
    )
    check(client.get("/api/v1/scans"), "/api/v1/scans", "get", 401)
    check(
        client.post(
            "/api/v1/webhooks",
            json={"url": "https://hooks.example.com/in", "events": ["scan.completed"]},
            headers=analyst.headers,
        ),
        "/api/v1/webhooks",
        "post",
        201,
    )
    check(client.get("/api/health"), "/api/health", "get", 200)
    check(
        client.post(TOKEN_URL, data={"username": analyst.email, "password": analyst.password}),
        TOKEN_URL,
        "post",
        200,
    )


# --- a document clients are generated from -------------------------------------------------------

#: The operationId of every operation: the method names of the clients generated from the
#: document. A change here breaks them: add new ones, never rename.
OPERATION_IDS = [
    ("get", "/api/health", "getHealth"),
    ("post", "/api/v1/auth/token", "createToken"),
    ("get", "/api/v1/auth/me", "getMe"),
    ("post", "/api/v1/auth/revoke", "revokeToken"),
    ("post", "/api/v1/auth/password", "changePassword"),
    ("get", "/api/v1/api-keys", "listApiKeys"),
    ("post", "/api/v1/api-keys", "createApiKey"),
    ("get", "/api/v1/api-keys/{key_id}", "getApiKey"),
    ("delete", "/api/v1/api-keys/{key_id}", "deleteApiKey"),
    ("get", "/api/v1/organizations/current", "getCurrentOrganization"),
    ("patch", "/api/v1/organizations/current", "updateCurrentOrganization"),
    ("get", "/api/v1/users", "listUsers"),
    ("post", "/api/v1/users", "createUser"),
    ("get", "/api/v1/users/{user_id}", "getUser"),
    ("patch", "/api/v1/users/{user_id}", "updateUser"),
    ("delete", "/api/v1/users/{user_id}", "deleteUser"),
    ("get", "/api/v1/scope", "listScopeEntries"),
    ("post", "/api/v1/scope", "createScopeEntry"),
    ("delete", "/api/v1/scope/{entry_id}", "deleteScopeEntry"),
    ("get", "/api/v1/scans", "listScans"),
    ("post", "/api/v1/scans", "createScan"),
    ("get", "/api/v1/scans/{scan_id}", "getScan"),
    ("delete", "/api/v1/scans/{scan_id}", "deleteScan"),
    ("post", "/api/v1/scans/{scan_id}/rescan", "rescanScan"),
    ("post", "/api/v1/scans/{scan_id}/cancel", "cancelScan"),
    ("get", "/api/v1/scans/{scan_id}/findings", "listScanFindings"),
    ("get", "/api/v1/scans/{scan_id}/checks", "listScanChecks"),
    ("get", "/api/v1/findings/export", "exportFindings"),
    ("get", "/api/v1/findings/{finding_id}", "getFinding"),
    ("patch", "/api/v1/findings/{finding_id}", "updateFinding"),
    ("get", "/api/v1/findings", "listFindings"),
    ("post", "/api/v1/imports", "createImport"),
    ("get", "/api/v1/imports/formats", "listImportFormats"),
    ("get", "/api/v1/assets", "listAssets"),
    ("get", "/api/v1/assets/{asset_id}", "getAsset"),
    ("get", "/api/v1/schedules", "listSchedules"),
    ("post", "/api/v1/schedules", "createSchedule"),
    ("get", "/api/v1/schedules/{schedule_id}", "getSchedule"),
    ("patch", "/api/v1/schedules/{schedule_id}", "updateSchedule"),
    ("delete", "/api/v1/schedules/{schedule_id}", "deleteSchedule"),
    ("get", "/api/v1/controls", "listControls"),
    ("get", "/api/v1/controls/{control_id}", "getControl"),
    ("patch", "/api/v1/controls/{control_id}", "updateControl"),
    ("get", "/api/v1/controls/{control_id}/evidence", "listEvidence"),
    ("post", "/api/v1/controls/{control_id}/evidence", "createEvidence"),
    ("get", "/api/v1/controls/{control_id}/evidence/{evidence_id}", "getEvidence"),
    ("delete", "/api/v1/controls/{control_id}/evidence/{evidence_id}", "deleteEvidence"),
    ("post", "/api/v1/controls/{control_id}/evidence/{evidence_id}/review", "reviewEvidence"),
    ("get", "/api/v1/controls/{control_id}/evidence/{evidence_id}/download", "downloadEvidence"),
    ("get", "/api/v1/frameworks", "listFrameworks"),
    ("get", "/api/v1/frameworks/{framework_id}", "getFramework"),
    ("get", "/api/v1/frameworks/{framework_id}/report", "getFrameworkReport"),
    (
        "patch",
        "/api/v1/frameworks/{framework_id}/requirements/{requirement_id}",
        "updateRequirementScope",
    ),
    ("get", "/api/v1/frameworks/{framework_id}/report.csv", "getFrameworkReportCsv"),
    ("get", "/api/v1/frameworks/{framework_id}/report.html", "getFrameworkReportHtml"),
    ("get", "/api/v1/frameworks/{framework_id}/report.pdf", "getFrameworkReportPdf"),
    ("get", "/api/v1/reports/executive.html", "getExecutiveSummaryHtml"),
    ("get", "/api/v1/reports/executive.pdf", "getExecutiveSummaryPdf"),
    (
        "get",
        "/api/v1/frameworks/{framework_id}/statement-of-applicability.html",
        "getStatementOfApplicabilityHtml",
    ),
    (
        "get",
        "/api/v1/frameworks/{framework_id}/statement-of-applicability.pdf",
        "getStatementOfApplicabilityPdf",
    ),
    (
        "get",
        "/api/v1/frameworks/{framework_id}/statement-of-applicability.xlsx",
        "getStatementOfApplicabilityXlsx",
    ),
    ("get", "/api/v1/exports", "listExports"),
    ("post", "/api/v1/exports", "createExport"),
    ("get", "/api/v1/exports/{export_id}", "getExport"),
    ("get", "/api/v1/exports/{export_id}/download", "downloadExport"),
    ("get", "/api/v1/webhooks", "listWebhooks"),
    ("post", "/api/v1/webhooks", "createWebhook"),
    ("get", "/api/v1/webhooks/{webhook_id}", "getWebhook"),
    ("patch", "/api/v1/webhooks/{webhook_id}", "updateWebhook"),
    ("delete", "/api/v1/webhooks/{webhook_id}", "deleteWebhook"),
    ("post", "/api/v1/webhooks/{webhook_id}/test", "testWebhook"),
    ("post", "/api/v1/webhooks/{webhook_id}/rotate-secret", "rotateWebhookSecret"),
    ("get", "/api/v1/webhooks/{webhook_id}/deliveries", "listWebhookDeliveries"),
    ("get", "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}", "getWebhookDelivery"),
    (
        "post",
        "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
        "redeliverWebhookDelivery",
    ),
    ("get", "/api/v1/plugins", "listPlugins"),
    ("get", "/api/v1/audit-events", "listAuditEvents"),
    ("get", "/api/v1/audit-events/export", "exportAuditEvents"),
]


def test_every_operation_has_the_operation_id_clients_are_generated_with(spec):
    documented = [
        (method, path, operation.get("operationId")) for path, method, operation in operations(spec)
    ]
    ids = [operation_id for _, _, operation_id in documented]

    assert len(set(ids)) == len(ids), "operationIds must be unique"
    assert sorted(documented, key=str) == sorted(OPERATION_IDS, key=str)


def _bodies(spec):
    """(where, content type, schema) of every request body and 2xx response body."""
    for path, method, operation in operations(spec):
        where = f"{method.upper()} {path}"
        for kind, content in operation.get("requestBody", {}).get("content", {}).items():
            yield f"{where} request", kind, content.get("schema", {})
        for code, response in operation["responses"].items():
            if str(code).startswith("2"):
                for kind, content in resolve(spec, response).get("content", {}).items():
                    yield f"{where} {code}", kind, content.get("schema", {})


def test_every_body_a_client_parses_is_a_named_schema(spec):
    """JSON, form and multipart bodies are components (a generator names inline ones as it
    likes); files (binary) and pages (text) are what they are."""
    checked = 0
    for where, kind, schema in _bodies(spec):
        if schema.get("type") == "string":  # a file to save, or a page
            assert schema.get("format") == "binary" or kind.startswith("text/"), (where, kind)
            continue
        checked += 1
        assert set(schema) == {"$ref"}, (where, kind, schema)
        assert resolve(spec, schema), (where, kind, schema)
    assert checked > 60


def test_every_property_of_every_schema_has_a_type(spec):
    """A property with no type is `Any` in a generated client."""
    for name, schema in spec["components"]["schemas"].items():
        for prop_name, prop in schema.get("properties", {}).items():
            assert {"type", "$ref", "allOf", "oneOf", "anyOf"} & set(prop), (name, prop_name)


def test_scan_options_are_typed_per_scanner_from_the_plugins_own_schemas(app, spec):
    schemas = spec["components"]["schemas"]
    scanners = {
        name: scanner
        for name, scanner in appliance_of(app).registry.scanners.items()
        if scanner.options_schema is not None
    }
    options = schemas["ScanOptions"]

    assert {"http", "tls", "ports"} <= set(scanners)
    assert set(options["properties"]) == set(scanners)
    for name, scanner in scanners.items():
        typed = resolve(spec, options["properties"][name])
        fields = scanner.options_schema().fields
        assert set(typed["properties"]) == {
            field.data_key or key for key, field in fields.items() if not field.dump_only
        }, name
    for body in ("ScanCreate", "ScanDetail", "ScheduleCreate", "Schedule"):
        assert schemas[body]["properties"]["options"]["allOf"] == [
            {"$ref": "#/components/schemas/ScanOptions"}
        ], body


def test_webhook_event_bodies_and_the_error_envelope_are_components(spec):
    schemas = spec["components"]["schemas"]
    events = [name for name in schemas if name.startswith("WebhookEvent")]

    assert "WebhookEventScanCompleted" in events and "WebhookEventVulnerabilityFound" in events
    assert "Error" in schemas


def test_try_it_out_of_a_list_sends_no_filter_that_hides_the_data(client, spec, make_account):
    """Swagger UI fills each query parameter with its example (or default) for "Try it out":
    sent as filled, the list of scans still shows the scan just made."""
    analyst = make_account(role="analyst")
    created = client.post("/api/v1/scans", json=REFERENCE_SCAN, headers=analyst.headers)
    assert created.status_code == 201
    parameters = spec["paths"]["/api/v1/scans"]["get"]["parameters"]
    query = {}
    for parameter in parameters:
        schema = parameter.get("schema", {})
        for value in (parameter.get("example"), schema.get("example"), schema.get("default")):
            if value is not None:
                query[parameter["name"]] = value
                break

    listed = client.get("/api/v1/scans", query_string=query, headers=analyst.headers)

    assert listed.status_code == 200, listed.get_json()
    assert created.get_json()["id"] in [item["id"] for item in listed.get_json()["items"]]
    for path, method, operation in operations(spec):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query":
                assert "example" not in parameter, (method, path, parameter["name"])
                assert "example" not in parameter.get("schema", {}), (path, parameter["name"])
    created_after = next(item for item in parameters if item["name"] == "created_after")
    assert "2025-12-21T10:00:00Z" in created_after["description"]  # shown, not filled in


def test_descriptions_are_markdown(client, spec):
    """The docstrings' reStructuredText ``literals`` are Markdown `code` in the document."""
    assert "``" not in client.get("/openapi.json").get_data(as_text=True)
    summary = spec["paths"]["/api/v1/scans"]["post"]["summary"]
    assert "`queued`" in summary, summary
    for path, method, operation in operations(spec):  # else the docs show the operationId
        assert operation.get("summary"), f"{method.upper()} {path} has no summary"


# --- /docs (Swagger UI) -------------------------------------------------------------------------


class _Links(HTMLParser):
    """Every URL an HTML page makes the browser load or link to."""

    URL_ATTRIBUTES = {"src", "href", "spec-url", "action", "srcset", "poster", "data"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in self.URL_ATTRIBUTES and value:
                self.urls.append(value)


def page_links(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def assert_same_origin(client, urls: list[str]) -> None:
    assert urls
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.data, url


def test_swagger_ui_loads_only_assets_of_the_appliance(client):
    response = client.get("/docs")

    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "http://" not in html and "https://" not in html
    links = page_links(html)
    assert "script" in links.tags
    assert_same_origin(client, links.urls)
    assert "/docs/init.js" in links.urls


def test_swagger_ui_config_points_at_our_document_and_no_validator(client):
    response = client.get("/docs/init.js")

    assert response.status_code == 200
    assert response.mimetype in ("application/javascript", "text/javascript")
    script = response.get_data(as_text=True)
    assert "http://" not in script and "https://" not in script
    match = re.search(r"const config = (\{.*?\});", script)
    assert match, script
    config = json.loads(match.group(1))
    assert "validatorUrl" in config and config["validatorUrl"] is None
    assert config["url"] == "/openapi.json"
    assert_same_origin(client, [config["url"], config["oauth2RedirectUrl"]])


def test_swagger_ui_stylesheet_loads_nothing_from_elsewhere(client):
    stylesheets = [
        url
        for url in page_links(client.get("/docs").get_data(as_text=True)).urls
        if url.endswith(".css")
    ]
    assert stylesheets
    for url in stylesheets:
        css = client.get(url).get_data(as_text=True)
        assert "@import" not in css
        for target in re.findall(r"url\(\s*['\"]?([^'\")\s]+)", css):
            assert not re.match(r"^([a-z][a-z0-9+.-]*:)?//", target, re.I), target


def test_swagger_ui_assets_do_not_serve_files_outside_the_bundle(client):
    outside = Path(swagger_ui_bundle.__file__)
    relative = os.path.relpath(outside, swagger_ui_bundle.swagger_ui_path)
    assert outside.is_file() and relative.startswith("..")

    assert client.get("/docs/assets/swagger-ui.css").status_code == 200
    assert client.get(f"/docs/assets/{relative}").status_code == 404


def test_swagger_authorize_dialog_shows_no_client_fields_the_token_endpoint_ignores(client):
    """The password flow's dialog has client_id, client_secret and their location, which the
    token endpoint takes no part of: the page hides those rows, by the ids this Swagger UI
    gives them."""
    html = client.get("/docs").get_data(as_text=True)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style, html
    rule = re.search(r"([^{}]+)\{\s*display:\s*none;?\s*\}", style.group(1))
    assert rule, style.group(1)
    hidden = set(re.findall(r':has\(> label\[for="([\w-]+)"\]\)', rule.group(1)))
    assert hidden == {"client_id", "client_secret", "password_type"}
    bundle = client.get("/docs/assets/swagger-ui-bundle.js").get_data(as_text=True)
    for element in hidden:  # each row: a Row (div.wrapper) holding its label and its field
        assert f'label",{{htmlFor:"{element}"}}' in bundle, f"Swagger UI has no #{element} row"
        assert f'id:"{element}"' in bundle, f"Swagger UI no longer renders #{element}"
    assert 'id:"oauth_username"' in bundle and 'id:"oauth_password"' in bundle


# --- /redoc ---------------------------------------------------------------------------------------


def test_redoc_with_its_script_installed_loads_only_same_origin_assets(client):
    response = client.get("/redoc")

    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "http://" not in html and "https://" not in html
    links = page_links(html)
    assert "script" in links.tags and "redoc" in links.tags
    assert "/openapi.json" in links.urls
    assert_same_origin(client, links.urls)
    script = [url for url in links.urls if url.endswith(".js")]
    assert script == ["/redoc/assets/redoc.standalone.js"]


def test_redoc_without_its_script_says_how_to_get_it(make_app, tmp_path):
    app = make_app(assets_dir=str(tmp_path))

    response = app.test_client().get("/redoc")

    assert response.status_code == 503
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "make assets" in html
    assert "redoc.standalone.js" in html
    # No script tag that would only 404: the page explains instead.
    assert "script" not in page_links(html).tags
    assert app.test_client().get("/redoc/assets/redoc.standalone.js").status_code == 404


def test_redoc_asks_nothing_of_the_internet(client):
    """ReDoc draws its maker's logo from a CDN: the script served has the reference taken out
    (``make assets``), and the page allows no image, script or request from elsewhere."""
    response = client.get("/redoc")
    policy = {
        directive.split()[0]: directive.split()[1:]
        for directive in response.headers["Content-Security-Policy"].split(";")
        if directive.strip()
    }
    assert policy["default-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert not any("http" in source for sources in policy.values() for source in sources)
    script = client.get("/redoc/assets/redoc.standalone.js").get_data(as_text=True)
    assert "cdn.redoc.ly" not in script
    assert re.findall(r'src:"(?:https?:)?//[^"]*"', script) == []
