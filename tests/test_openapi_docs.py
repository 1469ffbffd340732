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
            (path, method) for path, method, endpoint in api_rules(app)
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
            (path, method) for path, method, endpoint in api_rules(app)
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
        "/api/v1/scans/{scan_id}", "get", 200,
    )
    check(
        client.post("/api/v1/scans", json={"target": ""}, headers=analyst.headers),
        "/api/v1/scans", "post", 422,
    )
    check(client.get("/api/v1/scans"), "/api/v1/scans", "get", 401)
    check(
        client.post(
            "/api/v1/webhooks",
            json={"url": "https://hooks.example.com/in", "events": ["scan.completed"]},
            headers=analyst.headers,
        ),
        "/api/v1/webhooks", "post", 201,
    )
    check(client.get("/api/health"), "/api/health", "get", 200)
    check(
        client.post(TOKEN_URL, data={"username": analyst.email, "password": analyst.password}),
        TOKEN_URL, "post", 200,
    )


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
    stylesheets = [url for url in page_links(client.get("/docs").get_data(as_text=True)).urls
                   if url.endswith(".css")]
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
