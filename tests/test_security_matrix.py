"""The security matrix, generated from the app's URL map and its OpenAPI document.

Every routed operation is classified (public, a signed link, or guarded by ``require_role``,
whose minimum the decorator records on the view) and then tried:

- without a credential: 401 in the error envelope, unless it is one of the public operations
  named here (a newly public endpoint fails the test until it is named);
- with every role below its minimum, by a user's token and by an API key narrowed to that
  role: 403; at its minimum: never 401 or 403;
- on every object URL, with the id of an object of that kind made through the API in another
  organization: 404, and the other organization's object is still there afterwards; a path
  parameter of a kind this file cannot make fails the test;
- every readable operation, also with SQL metacharacters and NUL in each query parameter:
  never a 5xx, never another organization's ids, the envelope when refused;
- tokens that are not ours, expired, revoked or of a disabled or deleted user, on two
  ``cyberorigen serve`` processes: 401; the headers of the served responses.

No error body any of these saw names the libraries underneath (the driver, the decoder...).
Test files that check one case in depth: test_roles_and_tenancy.py,
test_security_credentials.py, test_hostile_input.py (NUL and surrogates in every parameter
and body string).
"""

from __future__ import annotations

import secrets
import time
from urllib.parse import quote

import jwt
import pytest
import requests

from cyberorigen.appliance import appliance_of
from cyberorigen.vocab import ROLES
from tests.support.matrix import (
    catalogue_ids,
    envelope_problem,
    internals_named,
    operations,
    send,
    tenant_objects,
)

#: Marked ``@public``: reachable without a credential. Adding one is a decision: name it here.
PUBLIC = {
    "auth_token.issue_token",
    "docs.home",
    "docs.redoc",
    "docs.redoc_assets",
    "docs.swagger_ui",
    "docs.swagger_ui_assets",
    "docs.swagger_ui_init",
    "health.health",
    "metrics.metrics",
}
#: Neither public nor guarded by a role, each for its reason.
UNGUARDED = {
    "api-docs.openapi_json": "flask-smorest's document of the API, published",
    "static": "Flask's static files",
    "exports.download": "the signed token of its download_url is the permission",
}
#: Path parameters that name catalogue entries, the same in every organization.
CATALOGUE = {"control_id", "framework_id", "requirement_id"}
#: Path parameters that name an organization's own objects (``tenant_objects`` makes one of
#: each): a new kind fails test_every_path_parameter_is_a_known_kind until it is made there.
TENANT = {
    "asset_id",
    "delivery_id",
    "entry_id",
    "evidence_id",
    "export_id",
    "finding_id",
    "key_id",
    "scan_id",
    "schedule_id",
    "user_id",
    "webhook_id",
}
#: A body each operation on an object accepts, so that only the object can make it fail.
BODIES = {
    ("patch", "/api/v1/users/{user_id}"): {"role": "viewer"},
    ("patch", "/api/v1/findings/{finding_id}"): {"status": "false_positive", "reason": "x"},
    ("patch", "/api/v1/schedules/{schedule_id}"): {"cron": "0 4 * * 1"},
    ("patch", "/api/v1/webhooks/{webhook_id}"): {"events": ["scan.completed"]},
    ("post", "/api/v1/webhooks/{webhook_id}/rotate-secret"): {},
    ("post", "/api/v1/controls/{control_id}/evidence/{evidence_id}/review"): {
        "decision": "reject",
        "comment": "not ours",
    },
}
SQL_AND_NUL = [
    "' OR '1'='1",
    "1; DROP TABLE scan; --",
    '" OR 1=1 --',
    "1' UNION SELECT NULL, version() --",
    "%' OR 'x' LIKE '%",
    "\\'; SELECT pg_sleep(5); --",
    "x\x00y",
    "%00",
]
SETTINGS = {"webhooks.allowed_networks": "127.0.0.0/8"}


def bearer(credential: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {credential}"}


def answer_of(response) -> dict:
    """The response's JSON object, or {} (a file, a page, a list)."""
    body = response.get_json(silent=True)
    return body if isinstance(body, dict) else {}


class Seen:
    """The error bodies a test saw, to check at its end that none names an internal."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []

    def __call__(self, label: str, response):
        if response.status_code >= 400:
            self.errors.append((label, response.get_data(as_text=True)))
        return response

    def assert_no_internals(self) -> None:
        named = [
            f"{label}: {words} in {text[:200]!r}"
            for label, text in self.errors
            if (words := internals_named(text))
        ]
        assert self.errors, "no error body seen?"
        assert not named, "\n".join(named)


@pytest.fixture
def seen():
    return Seen()


@pytest.fixture
def matrix_app(make_app):
    return make_app(**SETTINGS)


@pytest.fixture
def matrix_client(matrix_app, unique_address):
    client = matrix_app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    return client


@pytest.fixture
def spec(matrix_client) -> dict:
    return matrix_client.get("/openapi.json").get_json()


@pytest.fixture
def all_operations(matrix_app, spec):
    found = list(operations(matrix_app, spec))
    assert len(found) > 70, "the URL map lost its operations?"
    return found


def guarded(ops):
    return [op for op in ops if op.minimum_role is not None]


# --- classification -----------------------------------------------------------------------------


def test_every_operation_is_public_a_signed_link_or_guarded_by_a_known_role(all_operations):
    public = {op.endpoint for op in all_operations if op.marked_public}
    unclassified = {
        op.label: op.endpoint
        for op in all_operations
        if not op.marked_public and op.minimum_role is None and op.endpoint not in UNGUARDED
    }

    assert public == PUBLIC, "a public endpoint was added or removed: decide, then name it"
    assert unclassified == {}, "neither public nor behind require_role"
    assert {op.endpoint for op in all_operations} >= set(UNGUARDED), "stale UNGUARDED entry"
    for op in guarded(all_operations):
        assert op.minimum_role in ROLES, op.label
        assert not op.marked_public, f"{op.label} is public and guarded"


def test_every_path_parameter_is_a_known_kind(all_operations):
    unknown = {
        f"{op.label}: {name}"
        for op in guarded(all_operations)
        for name in op.parameters
        if name not in CATALOGUE | TENANT
    }
    assert unknown == set(), "a new kind of object: make one in tenant_objects, name it in TENANT"


# --- no credential ------------------------------------------------------------------------------


def test_every_guarded_operation_refuses_an_anonymous_caller(matrix_client, all_operations, seen):
    failures = []
    for op in guarded(all_operations):
        response = seen(
            op.label, send(matrix_client, op, op.url(dict.fromkeys(op.parameters, "x")))
        )
        problem = envelope_problem(response)
        if response.status_code != 401:
            problem = f"{response.status_code} {response.get_data(as_text=True)[:160]}"
        elif not problem and response.get_json()["error_code"] != "NOT_AUTHENTICATED":
            problem = response.get_json()["error_code"]
        elif "Bearer" not in response.headers.get("WWW-Authenticate", ""):
            problem = "no WWW-Authenticate challenge"
        if problem:
            failures.append(f"{op.label}: {problem}")
    print(f"\n[matrix] {len(guarded(all_operations))} operations asked without a credential")
    assert not failures, "\n".join(failures)
    seen.assert_no_internals()


# --- roles -------------------------------------------------------------------------------------


def _role_credentials(client, make_account) -> dict[str, dict[str, dict]]:
    """For every role: the headers of a user with that role, and of an admin's API key
    narrowed to it."""
    admin = make_account("admin", org="Roles")
    found = {}
    for role in ROLES:
        user = admin if role == "admin" else make_account(role, org="Roles")
        key = client.post(
            "/api/v1/api-keys", json={"name": f"as {role}", "role": role}, headers=admin.headers
        )
        assert key.status_code == 201, key.get_json()
        found[role] = {"token": user.headers, "api key": bearer(key.get_json()["key"])}
    return found


def _last_if_it_acts_on_the_caller(op) -> tuple:
    """Operations without a path or a body act on the credential itself (revoke): last."""
    return (op.method != "get" and not op.parameters and not op.body_types, op.label)


def test_every_role_below_the_minimum_is_refused_and_the_minimum_is_enough(
    matrix_client, make_account, all_operations, seen
):
    credentials = _role_credentials(matrix_client, make_account)
    failures, below = [], 0
    for op in sorted(guarded(all_operations), key=_last_if_it_acts_on_the_caller):
        url = op.url(dict.fromkeys(op.parameters, "nonexistent"))
        for role in ROLES[: ROLES.index(op.minimum_role)]:
            for how, headers in credentials[role].items():
                below += 1
                response = seen(op.label, send(matrix_client, op, url, headers, body={}))
                body = answer_of(response)
                if response.status_code != 403 or body.get("error_code") != "PERMISSION_DENIED":
                    failures.append(f"{op.label} as {role} ({how}): {response.status_code} {body}")
                elif problem := envelope_problem(response):
                    failures.append(f"{op.label} as {role} ({how}): {problem}")
        # At the minimum, by an API key (a token would be revoked by the revoke endpoint):
        # a body that is not an object, on objects that do not exist, so nothing is changed.
        headers = credentials[op.minimum_role]["api key"]
        body = [] if op.body_types else None
        response = seen(op.label, send(matrix_client, op, url, headers, body=body))
        code = answer_of(response).get("error_code")
        if response.status_code in (401, 500) or code == "PERMISSION_DENIED":
            failures.append(f"{op.label} as {op.minimum_role}: {response.status_code} {code}")
    print(f"\n[matrix] {below} requests with a role below the operation's minimum")
    assert below > 40, below
    assert not failures, "\n".join(failures)
    seen.assert_no_internals()


# --- tenants -----------------------------------------------------------------------------------


@pytest.fixture
def tenants(matrix_client, make_account):
    """Two organizations, each with one object of every kind; the catalogue's ids."""
    ours = make_account("admin", org="Ours", plan="enterprise")
    theirs = make_account("admin", org="Theirs", plan="enterprise")
    catalogue = catalogue_ids(matrix_client, ours.headers)
    our_ids = tenant_objects(matrix_client, ours, catalogue["control_id"], "ours")
    their_ids = tenant_objects(matrix_client, theirs, catalogue["control_id"], "theirs")
    assert set(our_ids) == set(their_ids) == TENANT
    return ours, theirs, catalogue, our_ids, their_ids


def _their_markers(theirs, their_ids) -> list[str]:
    """What of the other organization must never appear in our answers."""
    return [*their_ids.values(), theirs.org_id, theirs.email, "theirs-only.example.net"]


def _leaks(response, markers) -> list[str]:
    data = response.get_data()  # bytes: a PDF or a spreadsheet is searched too
    return [marker for marker in markers if marker.encode() in data]


def _variants(op, ours, theirs):
    """(label, values) with one, then every, tenant parameter naming the other's object."""
    tenant = [name for name in op.parameters if name in TENANT]
    for name in tenant:
        yield f"their {name}", {**ours, name: theirs[name]}
    if len(tenant) > 1:
        yield "all theirs", {**ours, **{name: theirs[name] for name in tenant}}


def test_another_organizations_objects_are_not_found_by_any_operation(
    matrix_client, all_operations, tenants, seen
):
    ours, theirs, catalogue, our_ids, their_ids = tenants
    mine = {**catalogue, **our_ids}
    failures, tried = [], 0
    for op in guarded(all_operations):
        for label, values in _variants(op, mine, their_ids):
            tried += 1
            body = BODIES.get((op.method, op.path)) if op.body_types else None
            response = seen(
                op.label, send(matrix_client, op, op.url(values), ours.headers, body=body)
            )
            answer = answer_of(response)
            if response.status_code != 404 or answer.get("error_code") != "NOT_FOUND":
                failures.append(f"{op.label} ({label}): {response.status_code} {answer}")
            elif leaked := _leaks(response, _their_markers(theirs, their_ids)):
                failures.append(f"{op.label} ({label}): the 404 names {leaked}")
    print(f"\n[matrix] {tried} requests naming another organization's objects")
    assert tried > 30, tried
    assert not failures, "\n".join(failures)
    # and nothing of theirs was changed or deleted: each object still answers its owner
    for op in guarded(all_operations):
        if op.method == "get" and set(op.parameters) & TENANT and "/download" not in op.path:
            response = send(matrix_client, op, op.url({**catalogue, **their_ids}), theirs.headers)
            assert response.status_code == 200, (op.label, response.get_json())
    seen.assert_no_internals()


def _readable(ops):
    return [op for op in guarded(ops) if op.method == "get"]


def test_no_readable_operation_shows_another_organizations_data(
    matrix_client, all_operations, tenants, seen
):
    ours, theirs, catalogue, our_ids, their_ids = tenants
    markers = _their_markers(theirs, their_ids)
    failures, answered = [], 0
    for op in _readable(all_operations):
        response = seen(
            op.label, send(matrix_client, op, op.url({**catalogue, **our_ids}), ours.headers)
        )
        answered += response.status_code == 200
        if response.status_code >= 500:
            failures.append(f"{op.label}: {response.status_code}")
        elif leaked := _leaks(response, markers):
            failures.append(f"{op.label}: shows {leaked}")
    print(f"\n[matrix] {answered} reads searched for another organization's data")
    assert answered > 30, answered  # our own objects were read, not refused
    assert not failures, "\n".join(failures)


def test_sql_metacharacters_and_nul_in_every_query_parameter_are_harmless(
    matrix_client, all_operations, tenants, seen
):
    ours, theirs, catalogue, our_ids, their_ids = tenants
    markers = _their_markers(theirs, their_ids)
    failures, sent = [], 0
    for op in _readable(all_operations):
        for name in op.query_parameters:
            for value in SQL_AND_NUL:
                query = f"{name}={quote(value, safe='')}"
                url = op.url({**catalogue, **our_ids}, query)
                response = seen(op.label, send(matrix_client, op, url, ours.headers))
                sent += 1
                label = f"{op.label}?{name}={value!r}"
                if response.status_code >= 500:
                    failures.append(f"{label}: {response.status_code}")
                elif response.status_code >= 400 and (problem := envelope_problem(response)):
                    failures.append(f"{label}: {problem}")
                elif leaked := _leaks(response, markers):
                    failures.append(f"{label}: shows {leaked}")
    print(f"\n[matrix] {sent} requests with SQL metacharacters or NUL in a query parameter")
    assert sent > 200, sent
    assert not failures, "\n".join(failures)
    seen.assert_no_internals()


def test_a_form_part_without_a_readable_name_is_refused_by_every_form_operation(
    matrix_client, all_operations, tenants, seen
):
    """A multipart part without a name (or with one the parser cannot read, such as a name
    ending in a backslash) is refused, not a server error (schemathesis found this one)."""
    ours, _, catalogue, our_ids, _ = tenants
    boundary = "matrix-boundary"
    raw = (
        f"--{boundary}\r\n".encode()
        + b"Content-Disposition: form-data\r\n\r\nvalue\r\n"
        + f"--{boundary}--\r\n".encode()
    )
    forms = [op for op in guarded(all_operations) if "multipart/form-data" in op.body_types]
    assert forms
    for op in forms:
        response = seen(
            op.label,
            matrix_client.open(
                op.url({**catalogue, **our_ids}),
                method=op.method.upper(),
                data=raw,
                content_type=f"multipart/form-data; boundary={boundary}",
                headers=ours.headers,
            ),
        )
        assert response.status_code == 422, (op.label, response.get_data(as_text=True))
        assert not envelope_problem(response)
    seen.assert_no_internals()


# --- credentials that are not (or no longer) good ------------------------------------------------


def _resigned(token: str, secret: str, algorithm: str = "HS256", **changes) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    claims.update(changes)
    return jwt.encode(claims, secret, algorithm=algorithm)


def _unsigned(token: str) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    return jwt.encode(claims, None, algorithm="none")


def test_forged_and_expired_tokens_are_refused_by_every_operation(
    matrix_app, matrix_client, make_account, all_operations, seen
):
    account = make_account("admin", org="Forged")
    secret = appliance_of(matrix_app).settings.secret_key
    now = int(time.time())
    bad = {
        "alg none": _unsigned(account.token),
        "alg none, no signature dot": _unsigned(account.token).rstrip("."),
        "wrong key": _resigned(account.token, "another-secret-" + "y" * 40),
        "HS512 with our key": _resigned(account.token, secret, "HS512"),
        "wrong aud": _resigned(account.token, secret, aud="someone-else"),
        "wrong iss": _resigned(account.token, secret, iss="https://issuer.example"),
        "expired": _resigned(account.token, secret, exp=now - 60, iat=now - 3600),
        "another org": _resigned(account.token, secret, org="org_" + secrets.token_hex(8)),
    }
    assert matrix_client.get("/api/v1/auth/me", headers=account.headers).status_code == 200
    failures = []
    for op in guarded(all_operations):
        url = op.url(dict.fromkeys(op.parameters, "x"))
        for label, token in bad.items():
            response = seen(op.label, send(matrix_client, op, url, bearer(token)))
            if response.status_code != 401 or envelope_problem(response):
                failures.append(f"{op.label} ({label}): {response.status_code}")
    assert not failures, "\n".join(failures)
    seen.assert_no_internals()


class _Http(requests.Session):
    """A session whose every request gives up after a while (a hung server fails the test)."""

    def request(self, *args, **kwargs):
        kwargs.setdefault("timeout", 30)
        return super().request(*args, **kwargs)


def _served_operations(app, spec):
    return [op for op in guarded(operations(app, spec)) if op.path.startswith("/api/")]


def test_revoked_disabled_and_deleted_credentials_are_refused_by_another_process(
    matrix_app, spec, serve_process, make_account
):
    """Logged out, disabled or deleted through one ``cyberorigen serve``, refused at once by
    every operation of another, for tokens and API keys alike."""
    first, second = serve_process(), serve_process()
    admin = make_account("admin", org="Served")
    http = _Http()

    def login(base, email, password):
        answer = http.post(
            f"{base}/api/v1/auth/token", data={"username": email, "password": password}
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["access_token"]

    def new_user(role):
        email = f"{role}-{secrets.token_hex(3)}@served.example"
        made = http.post(
            f"{first}/api/v1/users",
            json={"email": email, "password": admin.password, "role": role},
            headers=admin.headers,
        )
        assert made.status_code == 201, made.text
        token = login(first, email, admin.password)
        key = http.post(
            f"{first}/api/v1/api-keys", json={"name": "k"}, headers=bearer(token)
        ).json()["key"]
        for credential in (token, key):  # good, and known to the second process
            assert http.get(f"{second}/api/v1/auth/me", headers=bearer(credential)).ok
        return made.json()["id"], token, key

    refused = {}
    _, token, _ = new_user("analyst")
    assert http.post(f"{first}/api/v1/auth/revoke", headers=bearer(token)).status_code == 204
    refused["revoked token"] = token
    user_id, token, key = new_user("analyst")
    disabled = http.patch(
        f"{first}/api/v1/users/{user_id}", json={"is_active": False}, headers=admin.headers
    )
    assert disabled.status_code == 200, disabled.text
    refused |= {"disabled user's token": token, "disabled user's key": key}
    user_id, token, key = new_user("analyst")
    deleted = http.delete(f"{first}/api/v1/users/{user_id}", headers=admin.headers)
    assert deleted.status_code == 204, deleted.text
    refused |= {"deleted user's token": token, "deleted user's key": key}

    failures = []
    with _Http() as session:
        for op in _served_operations(matrix_app, spec):
            url = second + op.url(dict.fromkeys(op.parameters, "x"))
            for label, credential in refused.items():
                answer = session.request(op.method.upper(), url, headers=bearer(credential))
                body = answer.json() if "json" in answer.headers.get("Content-Type", "") else {}
                if answer.status_code != 401 or set(body) < {"detail", "error_code", "field"}:
                    failures.append(f"{op.label} ({label}): {answer.status_code} {body}")
    assert not failures, "\n".join(failures)


def test_served_responses_carry_the_security_headers(matrix_app, spec, serve_process, make_account):
    """On gunicorn, as in production: no-store on what carries a credential, nosniff on
    every response, and no version in ``Server``."""
    base = serve_process()
    account = make_account("admin", org="Headers")
    failures = []
    with _Http() as session:
        token = session.post(
            f"{base}/api/v1/auth/token",
            data={"username": account.email, "password": account.password},
        )
        refused = session.post(
            f"{base}/api/v1/auth/token", data={"username": account.email, "password": "wrong"}
        )
        me = session.get(f"{base}/api/v1/auth/me", headers=account.headers)
        for label, answer in {"token": token, "refused token": refused, "me": me}.items():
            if "no-store" not in answer.headers.get("Cache-Control", ""):
                failures.append(f"{label}: Cache-Control {answer.headers.get('Cache-Control')}")
        answers = [token, refused, me]
        for op in operations(matrix_app, spec):
            if op.method != "get" or op.endpoint in ("static",):
                continue
            values = dict.fromkeys(op.parameters, "x")
            if "filename" in values:
                values["filename"] = "missing.js"
            url = base + op.url(values)
            answers.append(session.get(url))
            answers.append(session.get(url, headers=account.headers))
        answers.append(session.get(f"{base}/no/such/page"))
        answers.append(session.delete(f"{base}/api/v1/auth/me", headers=account.headers))
    for answer in answers:
        label = f"{answer.request.method} {answer.request.path_url} {answer.status_code}"
        if answer.headers.get("X-Content-Type-Options") != "nosniff":
            failures.append(f"{label}: X-Content-Type-Options missing")
        server = answer.headers.get("Server", "")
        if any(character.isdigit() for character in server) or "/" in server:
            failures.append(f"{label}: Server {server!r}")
    assert len(answers) > 80
    assert not failures, "\n".join(failures)
