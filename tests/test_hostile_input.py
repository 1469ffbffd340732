"""Hostile input never reaches the database or a recursive parser: 4xx in the error envelope.

The requests are GENERATED from the appliance's own OpenAPI document: for every operation,
every parameter (path and query) and every string a request body can hold (JSON, the token
endpoint's form, the evidence upload's multipart text fields) is sent once with a NUL character
and once with a lone surrogate, into an otherwise valid request on real objects, so a value
that slips past validation would reach the database (PostgreSQL refuses NUL in text, and no
database can store a lone surrogate). Every JSON-body operation also gets a body nested far
deeper than any schema. Run on SQLite and on PostgreSQL (``CYBERORIGEN_TEST_DATABASE_URL``).
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode

import pytest

from cyberorigen.api.input_guard import MAX_JSON_DEPTH
from cyberorigen.db import database
from cyberorigen.db.models import Scan
from cyberorigen.plugin_api.interfaces import Service, Target
from cyberorigen.services.assets import record_service

ENVELOPE_KEYS = {"detail", "error_code", "field"}
OPTIONAL_KEYS = {"errors", "request_id"}
PROFILES = {"probe": ["banner"]}
NUL, SURROGATE = "\x00", "\ud800"
LATER = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
EARLIER = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")

#: A valid body for each operation (several where the body has alternatives): the hostile
#: value replaces one string of it, so everything else would pass. ``{port}`` and ``{user_id}``
#: are filled in from the objects the fixture made; an operation not listed starts from {}.
BASELINES = {
    ("post", "/api/v1/api-keys"): [{"name": "ci key", "role": "viewer", "expires_at": LATER}],
    ("patch", "/api/v1/organizations/current"): [{"name": "Renamed Org", "plan": "enterprise"}],
    ("post", "/api/v1/users"): [
        {"email": "new@hostile.example", "password": "a long enough password", "role": "viewer"}
    ],
    ("patch", "/api/v1/users/{user_id}"): [{"password": "another long password", "role": "viewer"}],
    ("post", "/api/v1/scope"): [{"value": "hostile.example"}],
    ("post", "/api/v1/scans"): [
        {
            "target": "127.0.0.1",
            "scan_type": "probe",
            "frameworks": ["soc2"],
            "options": {"banner": {"port": "{port}"}},
        }
    ],
    ("patch", "/api/v1/findings/{finding_id}"): [
        {"status": "accepted_risk", "reason": "reviewed", "accepted_until": LATER}
    ],
    ("post", "/api/v1/schedules"): [
        {
            "target": "127.0.0.1",
            "scan_type": "probe",
            "frameworks": ["soc2"],
            "options": {"banner": {"port": "{port}"}},
            "cron": "0 3 * * 1",
            "enabled": False,
        }
    ],
    ("patch", "/api/v1/schedules/{schedule_id}"): [{"cron": "0 4 * * 1"}],
    ("patch", "/api/v1/controls/{control_id}"): [
        {
            "applicable": True,
            "applicability_reason": "in scope",
            "owner_id": "{user_id}",
            "override": {"status": "implemented", "reason": "checked by hand"},
        }
    ],
    ("post", "/api/v1/controls/{control_id}/evidence"): [
        {
            "kind": "note",
            "note": "reviewed the policy",
            "title": "Policy review",
            "description": "yearly",
            "effective_from": EARLIER,
            "effective_until": LATER,
        },
        {"kind": "link", "url": "https://docs.example.com/policy", "title": "Policy"},
    ],
    ("post", "/api/v1/controls/{control_id}/evidence/{evidence_id}/review"): [
        {"decision": "reject", "comment": "not signed"}
    ],
    ("patch", "/api/v1/frameworks/{framework_id}/requirements/{requirement_id}"): [
        {"applicable": False, "reason": "not used here"}
    ],
    ("post", "/api/v1/webhooks"): [
        {
            "url": "http://127.0.0.1:9/hook",
            "events": ["scan.completed"],
            "secret": "a webhook secret of 24",
            "transport": "http",
            "config": {},
            "filters": {"min_severity": "low", "frameworks": ["soc2"], "targets": ["example.com"]},
        }
    ],
    ("patch", "/api/v1/webhooks/{webhook_id}"): [
        {
            "url": "http://127.0.0.1:9/other",
            "events": ["scan.completed"],
            "transport": "http",
            "filters": {"min_severity": "low", "frameworks": ["soc2"], "targets": ["example.com"]},
        }
    ],
    ("post", "/api/v1/webhooks/{webhook_id}/rotate-secret"): [
        {"secret": "a new secret of 24 chars", "overlap_seconds": 60}
    ],
    ("post", "/api/v1/auth/token"): [{"username": "{email}", "password": "{password}"}],
    ("post", "/api/v1/exports"): [
        {"kind": "evidence_bundle", "params": {"framework": "soc2", "include": "all"}}
    ],
}


# --- the objects every path parameter names ---------------------------------------------------


@pytest.fixture
def world(with_plugins, make_app, make_account, unique_address, banner_port):
    """An admin of an unlimited organization, and one real object for every path parameter."""
    with_plugins("fixtures")
    app = make_app(
        redis=False,
        **{"scans.profiles": PROFILES, "webhooks.allowed_networks": "127.0.0.0/8"},
    )
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    admin = make_account(role="admin", org="Hostile", plan="enterprise")
    h = admin.headers

    def made(response, status=201):
        assert response.status_code == status, response.get_json()
        return response.get_json()

    probe = {
        "target": "127.0.0.1",
        "scan_type": "probe",
        "options": {"banner": {"port": banner_port}},
    }
    scan = made(client.post("/api/v1/scans", json=probe, headers=h))
    finding_id = _wait_for_finding(client, h, scan["id"])  # before anything else writes
    webhook = made(
        client.post(
            "/api/v1/webhooks",
            json={"url": "http://127.0.0.1:9/hook", "events": ["scan.completed"]},
            headers=h,
        )
    )
    made(client.post(f"/api/v1/webhooks/{webhook['id']}/test", headers=h), status=202)
    control = made(client.get("/api/v1/controls?per_page=1", headers=h), 200)["items"][0]
    framework = made(client.get("/api/v1/frameworks", headers=h), 200)["items"][0]
    report = made(client.get(f"/api/v1/frameworks/{framework['id']}/report", headers=h), 200)
    ids = {
        "key_id": made(client.post("/api/v1/api-keys", json={"name": "k"}, headers=h))["id"],
        "user_id": admin.user_id,
        "entry_id": made(client.get("/api/v1/scope", headers=h), 200)["items"][0]["id"],
        "scan_id": scan["id"],
        "schedule_id": made(
            client.post("/api/v1/schedules", json={**probe, "cron": "0 3 * * 1"}, headers=h)
        )["id"],
        "control_id": control["id"],
        "evidence_id": made(
            client.post(
                f"/api/v1/controls/{control['id']}/evidence",
                json={"kind": "note", "note": "on file"},
                headers=h,
            )
        )["id"],
        "framework_id": framework["id"],
        "requirement_id": _first_requirement(report),
        "webhook_id": webhook["id"],
        "finding_id": finding_id,
    }
    export = made(
        client.post("/api/v1/exports", json={"kind": "evidence_bundle"}, headers=h), status=202
    )
    ids["export_id"] = export["id"]
    deliveries = made(client.get(f"/api/v1/webhooks/{webhook['id']}/deliveries", headers=h), 200)
    ids["delivery_id"] = deliveries["items"][0]["id"]
    database.connect(reuse_if_open=True)  # an asset, as discovery would have recorded it
    found = Service("127.0.0.1", banner_port, "banner")
    scan_row = Scan.get(Scan.public_id == scan["id"])
    ids["asset_id"] = record_service(scan_row, Target.parse("127.0.0.1"), found).asset.public_id
    fill = {
        "port": banner_port,
        "user_id": admin.user_id,
        "email": admin.email,
        "password": admin.password,
    }
    return client, h, ids, fill


def _first_requirement(report) -> str:
    for key in ("requirements", "items", "sections"):
        for item in report.get(key, ()):
            if "id" in item:
                return item["id"]
            for requirement in item.get("requirements", ()):
                return requirement["id"]
    raise AssertionError(f"no requirement in the report: {list(report)}")


def _wait_for_finding(client, headers, scan_id) -> str:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        scan = client.get(f"/api/v1/scans/{scan_id}", headers=headers).get_json()
        if scan["status"] in ("completed", "failed", "cancelled"):
            items = client.get("/api/v1/findings", headers=headers).get_json()["items"]
            assert items, scan
            return items[0]["id"]
        time.sleep(0.1)
    raise AssertionError("the probe scan did not finish")


# --- walking the OpenAPI document --------------------------------------------------------------


def _operations(doc):
    for path, item in doc["paths"].items():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method != "parameters":
                yield method, path, operation, shared + operation.get("parameters", [])


def _resolve(doc, schema):
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _string_paths(doc, schema, sample, path=()):
    """Yield the path of every string a body of ``schema`` can hold (dict keys of free-form
    objects taken from ``sample`` where it has some), skipping read-only and binary ones."""
    schema = _resolve(doc, schema)
    if schema.get("readOnly") or schema.get("format") == "binary":
        return
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", []):
        yield from _string_paths(doc, branch, sample, path)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema or "additionalProperties" in schema:
        sample = sample if isinstance(sample, dict) else {}
        for name, sub in schema.get("properties", {}).items():
            yield from _string_paths(doc, sub, sample.get(name), (*path, name))
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            key = next(iter(sample), "x")
            yield from _string_paths(doc, extra, sample.get(key), (*path, key))
    elif kind == "array":
        first = sample[0] if isinstance(sample, list) and sample else None
        yield from _string_paths(doc, schema.get("items", {}), first, (*path, 0))
    elif kind in (None, "string") and not any(k in schema for k in ("anyOf", "oneOf", "allOf")):
        yield path


def _get(node, path):
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _put(node, path, value):
    """A copy of ``node`` with ``value`` at ``path`` (made where missing)."""
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        items = list(node) if isinstance(node, list) and node else [None]
        items[0] = _put(items[0], rest, value)
        return items
    mapping = dict(node) if isinstance(node, dict) else {}
    mapping[step] = _put(mapping.get(step), rest, value)
    return mapping


def _filled(value, fill):
    if isinstance(value, dict):
        return {key: _filled(item, fill) for key, item in value.items()}
    if isinstance(value, list):
        return [_filled(item, fill) for item in value]
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return fill[value[1:-1]]
    return value


def _hostile(original, bad: str) -> str:
    return f"{original}{bad}" if isinstance(original, str) and original else f"x{bad}"


def _baselines(method, path, fill):
    return [_filled(body, fill) for body in BASELINES.get((method, path), [{}])]


def _baseline_for(bodies, field_path):
    """The first baseline that sets the top-level field (so a link's url goes with a link)."""
    return next((body for body in bodies if field_path[0] in body), bodies[0])


def _url(path, ids, params=()):
    url = path
    for name, value in ids.items():
        url = url.replace("{" + name + "}", quote(str(value), safe="", errors="surrogatepass"))
    return url


# --- the checks ---------------------------------------------------------------------------------


def _problems(response, wanted_field, allowed=(422,)):
    """Why ``response`` is not the expected envelope (empty when it is)."""
    body = response.get_json(silent=True)
    if response.status_code >= 500:
        return f"{response.status_code} {response.get_data(as_text=True)[:200]}"
    if response.status_code < 400 and response.status_code in allowed:
        return ""
    if response.mimetype != "application/json" or not isinstance(body, dict):
        return f"{response.status_code} not JSON: {response.get_data(as_text=True)[:120]}"
    if not ENVELOPE_KEYS <= set(body) <= ENVELOPE_KEYS | OPTIONAL_KEYS:
        return f"{response.status_code} not the envelope: {body}"
    if response.status_code not in allowed:
        return f"{response.status_code} (wanted {allowed}): {body}"
    if response.status_code == 422:
        if body["error_code"] != "VALIDATION_ERROR":
            return f"422 with {body['error_code']}"
        if wanted_field is not None and body["field"] != wanted_field:
            return f"422 names {body['field']!r}, not {wanted_field!r}: {body['detail']}"
        if wanted_field is not None and wanted_field not in body.get("errors", {}):
            return f"422 without errors[{wanted_field!r}]: {body}"
    return ""


def _check(failures, label, response, wanted_field, allowed=(422,), error_code=None):
    problem = _problems(response, wanted_field, allowed)
    if not problem and error_code and response.get_json()["error_code"] != error_code:
        problem = f"{response.status_code} with {response.get_json()['error_code']}"
    if problem:
        failures.append(f"{label}: {problem}")


def _nested(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def _send(client, method, url, headers, **kwargs):
    return client.open(url, method=method.upper(), headers=headers, **kwargs)


def _body_kwargs(content_type, body):
    if content_type == "application/json":
        # ensure_ascii keeps a lone surrogate as the escape "\ud800", as a client would send it
        return {"data": json.dumps(body, ensure_ascii=True), "content_type": content_type}
    if content_type == "multipart/form-data":
        form = dict(body)
        form["file"] = (_binary_file(), "evidence.bin")
        return {"data": form, "content_type": content_type}
    # a form is bytes: a lone surrogate goes as the UTF-8 bytes a careless client would send
    return {"data": urlencode(body, errors="surrogatepass"), "content_type": content_type}


def _binary_file():
    import io

    return io.BytesIO(b"\x00\xff\xfe binary evidence \x00\xed\xa0\x80")


def _openapi(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.get_json()


@pytest.mark.parametrize("bad", [NUL, SURROGATE], ids=["nul", "surrogate"])
def test_every_parameter_refuses_nul_and_surrogates(world, bad):
    client, headers, ids, _ = world
    doc, failures, sent = _openapi(client), [], 0
    for method, path, _, parameters in _operations(doc):
        for parameter in parameters:
            name = parameter["name"]
            values = {key: value for key, value in ids.items()}
            query = {}
            if parameter["in"] == "path":
                values[name] = _hostile(ids[name], bad)
            elif parameter["in"] == "query":
                query[name] = _hostile("x", bad)
            else:
                continue
            url = _url(path, values)
            if query:
                # a lone surrogate cannot be UTF-8 encoded: send the escapes a client would
                encoded = quote(query[name], safe="", errors="surrogatepass")
                url = f"{url}?{name}={encoded}"
            response = _send(client, method, url, headers)
            sent += 1
            # A lone surrogate in a URL arrives as invalid UTF-8, which is read as U+FFFD: then
            # the value is merely unusual text, answered like any other (a DELETE may succeed).
            allowed = (422,) if bad == NUL else (200, 204, 404, 422)
            label = f"{method.upper()} {path} {parameter['in']} {name}"
            _check(failures, label, response, name if bad == NUL else None, allowed)
    assert sent > 60
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("bad", [NUL, SURROGATE], ids=["nul", "surrogate"])
def test_every_body_string_refuses_nul_and_surrogates(world, bad):
    client, headers, ids, fill = world
    doc, failures, sent = _openapi(client), [], 0
    for method, path, operation, _ in _operations(doc):
        content = operation.get("requestBody", {}).get("content", {})
        for content_type, media in content.items():
            bodies = _baselines(method, path, fill)
            schema = media["schema"]
            for field_path in dict.fromkeys(_string_paths(doc, schema, bodies[0])):
                body = _baseline_for(bodies, field_path)
                hostile = _put(body, field_path, _hostile(_get(body, field_path), bad))
                if content_type == "multipart/form-data" and bad == SURROGATE:
                    continue  # a form part is bytes: as in a URL, it would arrive as U+FFFD
                response = _send(
                    client,
                    method,
                    _url(path, ids),
                    headers,
                    **_body_kwargs(content_type, hostile),
                )
                sent += 1
                if content_type != "application/json" and bad == SURROGATE:
                    wanted, allowed = None, (400, 401, 422)
                else:
                    wanted, allowed = ".".join(map(str, field_path)), (422,)
                label = f"{method.upper()} {path} {content_type} {wanted}"
                _check(failures, label, response, wanted, allowed)
    assert sent > 40
    assert not failures, "\n".join(failures)


def test_a_nul_in_a_free_form_key_is_refused(world):
    client, headers, _, _ = world

    response = client.post(
        "/api/v1/webhooks",
        data=json.dumps(
            {
                "url": "http://127.0.0.1:9/h",
                "events": ["scan.completed"],
                "config": {"ke\u0000y": "v"},
            }
        ),
        content_type="application/json",
        headers=headers,
    )

    assert not _problems(response, None)
    assert response.get_json()["field"].startswith("config.")


def test_every_json_body_refuses_deep_nesting(world):
    client, headers, ids, _ = world
    doc, failures, sent = _openapi(client), [], 0
    deep_bodies = {
        "arrays, 1,000 deep": "[" * 1000 + "]" * 1000,
        "objects, 1,000 deep (6 KB)": _nested(1000),
        "100,000 deep": "[" * 100_000 + "]" * 100_000,
        f"{MAX_JSON_DEPTH + 1} deep": _nested(MAX_JSON_DEPTH + 1),
    }
    for method, path, operation, _ in _operations(doc):
        if "application/json" not in operation.get("requestBody", {}).get("content", {}):
            continue
        for label, raw in deep_bodies.items():
            response = _send(
                client,
                method,
                _url(path, ids),
                headers,
                data=raw,
                content_type="application/json",
            )
            sent += 1
            _check(
                failures,
                f"{method.upper()} {path} ({label})",
                response,
                None,
                (400,),
                error_code="BAD_REQUEST",
            )
    assert sent > 40
    assert not failures, "\n".join(failures)


def test_nesting_up_to_the_limit_is_read(world):
    """The limit is on depth only: a body exactly MAX_JSON_DEPTH deep reaches the view (which
    judges it: the http transport takes no config)."""
    client, headers, _, _ = world
    config = json.loads(_nested(MAX_JSON_DEPTH - 1))  # inside the body's own object

    response = client.post(
        "/api/v1/webhooks",
        json={"url": "http://127.0.0.1:9/h", "events": ["scan.completed"], "config": config},
        headers=headers,
    )

    assert not _problems(response, "config")


@pytest.mark.parametrize(
    "raw",
    [
        b'{"name": "k\xed\xa0\x80"}',
        b'{"name": "k\xff"}',
        b'{"name": NaN}',
        b'{"name": 1e999}',
        b'{"name": 1' + b"1" * 5000 + b"}",
    ],
    ids=["utf8-surrogate", "not-utf8", "nan", "infinite", "5000-digit-number"],
)
def test_an_unreadable_json_body_is_a_bad_request(world, raw):
    client, headers, _, _ = world

    response = client.post(
        "/api/v1/api-keys", data=raw, content_type="application/json", headers=headers
    )

    assert not _problems(response, None, allowed=(400,))
    assert response.get_json()["error_code"] == "BAD_REQUEST"


def test_file_content_is_not_checked_but_its_text_fields_are(world):
    """An evidence file is bytes (NUL and all); the text parts of the same form are text."""
    client, headers, ids, _ = world
    url = f"/api/v1/controls/{ids['control_id']}/evidence"

    stored = client.post(
        url,
        data={"file": (_binary_file(), "e.bin"), "title": "binary"},
        content_type="multipart/form-data",
        headers=headers,
    )
    refused = client.post(
        url,
        data={"file": (_binary_file(), "e.bin"), "title": "bin\x00ary"},
        content_type="multipart/form-data",
        headers=headers,
    )

    assert stored.status_code == 201, stored.get_json()
    assert not _problems(refused, "title")
