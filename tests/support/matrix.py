"""The appliance's operations as the security matrix walks them, read from the app itself.

Every (method, rule) of the Flask URL map becomes an ``Operation``: its endpoint, the minimum
role ``require_role`` recorded on the view (``None`` when there is none), whether the view is
marked public, its path parameters, and its OpenAPI entry (query parameters, request body)
when the document has one. Nothing here is a list kept by hand, so an endpoint added later is
in the matrix the moment it is routed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from flask import Flask

_PLACEHOLDER = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
ENVELOPE_KEYS = {"detail", "error_code", "field"}
OPTIONAL_ENVELOPE_KEYS = {"errors", "request_id"}
#: Words of the libraries under the API: an error body that names one tells an attacker what
#: the appliance runs on, or shows a message meant for its log.
INTERNALS = ("psycopg", "sqlite", "traceback", "marshmallow", "werkzeug", "peewee", 'file "/')
IMPORTS = Path(__file__).resolve().parent.parent / "data" / "imports"


@dataclass(frozen=True)
class Operation:
    method: str  # lower case, as in the OpenAPI document
    rule: str  # the Flask rule, /api/v1/scans/<string:scan_id>
    path: str  # the OpenAPI path, /api/v1/scans/{scan_id}
    endpoint: str
    minimum_role: str | None
    marked_public: bool
    parameters: tuple[str, ...]  # path parameters, in order
    spec: Mapping = field(default_factory=dict, compare=False, hash=False)

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def query_parameters(self) -> list[str]:
        return [p["name"] for p in self.spec.get("parameters", ()) if p.get("in") == "query"]

    @property
    def body_types(self) -> list[str]:
        return list(self.spec.get("requestBody", {}).get("content", {}))

    def url(self, values: Mapping[str, str], query: str = "") -> str:
        def value(match: re.Match) -> str:
            return quote(str(values[match.group(1)]), safe="")

        url = _PLACEHOLDER.sub(value, self.rule)
        return f"{url}?{query}" if query else url


def operations(app: Flask, spec: Mapping | None = None) -> Iterator[Operation]:
    """Every operation the app routes (HEAD and OPTIONS are Flask's own)."""
    paths = (spec or {}).get("paths", {})
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, sorted(r.methods))):
        view = app.view_functions[rule.endpoint]
        view_class = getattr(view, "view_class", None)
        path = _PLACEHOLDER.sub(r"{\1}", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            handler = getattr(view_class, method.lower(), None) if view_class else view
            yield Operation(
                method=method.lower(),
                rule=rule.rule,
                path=path,
                endpoint=rule.endpoint,
                minimum_role=getattr(handler, "minimum_role", None),
                marked_public=bool(
                    getattr(view, "public", False) or getattr(view_class, "public", False)
                ),
                parameters=tuple(_PLACEHOLDER.findall(rule.rule)),
                spec=paths.get(path, {}).get(method.lower(), {}),
            )


def send(client, operation: Operation, url: str, headers=None, body=None):
    """``operation`` on ``url``; ``body`` goes as the operation's first documented media type
    (a multipart body gets a small file beside its fields)."""
    kwargs = {}
    if body is not None:
        media = (operation.body_types or ["application/json"])[0]
        if media == "application/json":
            kwargs = {"json": body}
        elif media == "multipart/form-data":
            form = dict(body)
            form.setdefault("file", (io.BytesIO(b"evidence"), "evidence.txt"))
            kwargs = {"data": form, "content_type": media}
        else:
            kwargs = {"data": body, "content_type": media}
    return client.open(url, method=operation.method.upper(), headers=headers or {}, **kwargs)


def envelope_problem(response) -> str:
    """Why ``response`` is not an error in the contract's envelope (empty when it is)."""
    body = response.get_json(silent=True)
    if response.mimetype != "application/json" or not isinstance(body, dict):
        return f"{response.status_code} is not JSON: {response.get_data(as_text=True)[:160]!r}"
    if not ENVELOPE_KEYS <= set(body) <= ENVELOPE_KEYS | OPTIONAL_ENVELOPE_KEYS:
        return f"{response.status_code} is not the envelope: {body}"
    return ""


def internals_named(text: str) -> list[str]:
    lowered = text.lower()
    return [word for word in INTERNALS if word in lowered]


# --- a tenant with one object of every kind, made through the API ---------------------------


def _made(response, status=201) -> dict:
    assert response.status_code == status, (response.status_code, response.get_json())
    return response.get_json()


def first_requirement(report: Mapping) -> str:
    for key in ("requirements", "items", "sections"):
        for item in report.get(key, ()):
            if "id" in item:
                return item["id"]
            for requirement in item.get("requirements", ()):
                return requirement["id"]
    raise AssertionError(f"no requirement in the report: {list(report)}")


def catalogue_ids(client, headers) -> dict[str, str]:
    """Ids of the catalogue (the same in every organization): a control, a framework and
    one of its requirements."""
    control = _made(client.get("/api/v1/controls?per_page=1", headers=headers), 200)
    framework = _made(client.get("/api/v1/frameworks", headers=headers), 200)["items"][0]
    report = _made(client.get(f"/api/v1/frameworks/{framework['id']}/report", headers=headers), 200)
    return {
        "control_id": control["items"][0]["id"],
        "framework_id": framework["id"],
        "requirement_id": first_requirement(report),
    }


def tenant_objects(client, admin, control_id: str, label: str) -> dict[str, str]:
    """One object of every kind in ``admin``'s organization, each made by the API as a user
    would make it: ``{path parameter name: public id}``."""
    h = admin.headers
    ids: dict[str, str] = {}
    ids["user_id"] = _made(
        client.post(
            "/api/v1/users",
            json={
                "email": f"colleague@{label}.example",
                "password": "a long enough password",
                "role": "viewer",
            },
            headers=h,
        )
    )["id"]
    ids["scan_id"] = _made(
        client.post("/api/v1/scans", json={"target": "example.com", "scan_type": "full"}, headers=h)
    )["id"]
    imported = _made(
        client.post(
            "/api/v1/imports",
            data={"file": (io.BytesIO((IMPORTS / "nmap-network.xml").read_bytes()), "n.xml")},
            content_type="multipart/form-data",
            headers=h,
        )
    )
    findings = _made(
        client.get(f"/api/v1/scans/{imported['scan']['id']}/findings", headers=h), 200
    )["items"]
    ids["finding_id"] = findings[0]["id"]
    ids["asset_id"] = _made(client.get("/api/v1/assets", headers=h), 200)["items"][0]["id"]
    webhook = _made(
        client.post(
            "/api/v1/webhooks",
            json={"url": "http://127.0.0.1:9/hook", "events": ["scan.completed"]},
            headers=h,
        )
    )
    ids["webhook_id"] = webhook["id"]
    _made(client.post(f"/api/v1/webhooks/{webhook['id']}/test", headers=h), 202)
    deliveries = _made(client.get(f"/api/v1/webhooks/{webhook['id']}/deliveries", headers=h), 200)
    ids["delivery_id"] = deliveries["items"][0]["id"]
    ids["schedule_id"] = _made(
        client.post(
            "/api/v1/schedules",
            json={
                "target": "example.com",
                "scan_type": "full",
                "cron": "0 3 * * 1",
                "enabled": False,
            },
            headers=h,
        )
    )["id"]
    ids["key_id"] = _made(client.post("/api/v1/api-keys", json={"name": "k"}, headers=h))["id"]
    ids["entry_id"] = _made(
        client.post("/api/v1/scope", json={"value": f"{label}-only.example.net"}, headers=h)
    )["id"]
    ids["evidence_id"] = _made(
        client.post(
            f"/api/v1/controls/{control_id}/evidence",
            json={"kind": "note", "note": f"{label} on file"},
            headers=h,
        )
    )["id"]
    ids["export_id"] = _made(
        client.post("/api/v1/exports", json={"kind": "evidence_bundle"}, headers=h), 202
    )["id"]
    return ids
