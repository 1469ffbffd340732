"""Schemathesis over every operation of the app's own /openapi.json, in process (WSGI).

As an admin and as a viewer (each by an API key: a token would be revoked by a fuzzed
``POST /api/v1/auth/revoke``), every operation gets generated requests, valid and not; every
answer must be no server error, of a status code and a content type its operation documents,
with a body that matches the documented schema.

Stateless: the generated ids rarely name real objects, so the matrix of
tests/test_security_matrix.py, which makes every kind of object, covers the object URLs.

No generated request reaches beyond loopback: the app has Redis and no worker, so a scan or a
webhook delivery it accepts stays queued and is never run or sent; the organization's scope is
127.0.0.1 alone; and while the fuzzer runs, a name to resolve that is not loopback is refused
before any DNS server is asked (webhook URLs are resolved when they are saved).

Bounded (a few examples per operation, a fixed seed, no deadline) so the file runs in about a
minute on two cores, the same requests on every run.
"""

from __future__ import annotations

import ipaddress
import socket
import sys

import hypothesis
import hypothesis.errors
import pytest
import schemathesis
from schemathesis.generation.modes import GenerationMode

pytestmark = pytest.mark.slow

MAX_EXAMPLES = 12
SEED = 20251221
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
]

# --- loopback only --------------------------------------------------------------------------------

_fencing = {"on": False}


def _loopback(host) -> bool:
    if host in (None, "", "localhost") or str(host).endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).strip("[]").split("%")[0]).is_loopback
    except ValueError:
        return False


def _fence(event: str, args) -> None:
    """An audit hook: while ``_fencing`` is on, resolving or connecting to anything but
    loopback fails as an unknown name would (audit hooks stay for the process: the flag
    makes it a no-op outside the fuzzer)."""
    if not _fencing["on"]:
        return
    if event == "socket.getaddrinfo" and not _loopback(args[0]):
        raise socket.gaierror(socket.EAI_NONAME, "the fuzzer resolves loopback only")
    if event == "socket.connect" and isinstance(args[1], tuple) and not _loopback(args[1][0]):
        raise ConnectionRefusedError("the fuzzer connects to loopback only")


sys.addaudithook(_fence)


@pytest.fixture
def loopback_only():
    _fencing["on"] = True
    yield
    _fencing["on"] = False


# --- the schema, loaded from the app --------------------------------------------------------------


@pytest.fixture(params=["admin", "viewer"])
def fuzzed(request, make_app, make_account, unique_address, loopback_only):
    """The app, and the Authorization header of an API key of the role under test."""
    app = make_app(**{"webhooks.allowed_networks": "127.0.0.0/8"})
    admin = make_account("admin", org="Fuzzed", plan="enterprise", scope=("127.0.0.1",))
    caller = admin if request.param == "admin" else make_account("viewer", org="Fuzzed")
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = unique_address()
    made = client.post("/api/v1/api-keys", json={"name": "fuzzer"}, headers=caller.headers)
    assert made.status_code == 201, made.get_json()
    return app, {"Authorization": f"Bearer {made.get_json()['key']}"}


def _load(app):
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    schema.config.checks.update(included_check_names=CHECKS)
    return schema


#: Known faults, each also an xfail(strict=True) below: (method, path) -> the check that fails.
#: None now (the findings export documented its JSON files as strings until it described
#: them: the test below keeps it so).
KNOWN: dict[tuple[str, str], str] = {}


#: Requests the fuzzer sent in this process (printed by the test, for docs/security.md).
SENT = [0]


def _fuzz(operation, mode, headers, checks=None) -> str:
    """Run ``operation``'s generated requests; the first failure's report, or ""."""

    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis.settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate, hypothesis.Phase.shrink],
    )
    def run(case):
        SENT[0] += 1
        case.call_and_validate(headers=headers, excluded_checks=checks)

    try:
        run()
    except hypothesis.errors.Unsatisfiable:
        return ""  # nothing to make invalid (an operation without parameters or a body)
    except Exception as failure:  # noqa: BLE001  (a check's FailureGroup, or the app's error)
        return f"{type(failure).__name__}: {failure}"[:3000]
    return ""


#: Schemathesis's own pytest integration (``from_fixture``) does not run on pytest 9 yet: the
#: operations are walked here, each given to Hypothesis in turn.
def test_every_operation_answers_as_documented(fuzzed):
    app, headers = fuzzed
    schema = _load(app)
    failures, fuzzed_operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        fuzzed_operations += 1
        known = KNOWN.get((operation.method.upper(), operation.path))
        excluded = [check for check in load_checks() if check.__name__ == known]
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            if problem := _fuzz(operation, mode, headers, excluded):
                failures.append(f"{operation.method.upper()} {operation.path} ({mode}): {problem}")
    print(f"\n[fuzz] {fuzzed_operations} operations, {SENT[0]} requests so far in this run")
    assert fuzzed_operations > 70, fuzzed_operations
    assert not failures, "\n\n".join(failures)


def load_checks():
    from schemathesis.checks import CHECKS, load_all_checks

    load_all_checks()
    return CHECKS.get_all()


def test_the_findings_export_matches_its_documented_schema(make_app, make_account):
    app = make_app()
    account = make_account("viewer", org="Exported")
    operation = _load(app)["/api/v1/findings/export"]["GET"]
    for name in ("sarif", "ocsf", "csv", "jsonl"):
        case = operation.Case(query={"format": name})
        case.call_and_validate(headers=account.headers)
