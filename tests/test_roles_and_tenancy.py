"""Who may do what (roles) and who may see what (organizations never see each other)."""

from __future__ import annotations

import itertools
import secrets

import pytest

_addresses = itertools.count(1)

SCAN = {"target": "example.com", "scan_type": "full", "frameworks": ["soc2", "pci-dss"]}
WEBHOOK = {"url": "https://hooks.example.com/cyberorigen", "events": ["scan.completed"]}
NEW_PASSWORD = "another long enough password"


@pytest.fixture
def client(app):
    """The test client of ``app`` (used by make_account too), from an address of its own:
    the token endpoint limits attempts per address."""
    test_client = app.test_client()
    number = next(_addresses)
    test_client.environ_base["REMOTE_ADDR"] = (
        f"10.{secrets.randbelow(200) + 1}.{number // 250}.{number % 250 + 1}"
    )
    return test_client


def new_email() -> str:
    return f"new-{secrets.token_hex(4)}@acme.example"


def assert_denied(response) -> None:
    assert response.status_code == 403, response.get_json()
    assert response.get_json()["error_code"] == "PERMISSION_DENIED"


def assert_not_found(response) -> None:
    assert response.status_code == 404, response.get_json()
    assert response.get_json()["error_code"] == "NOT_FOUND"


# --- roles ---------------------------------------------------------------------------------


@pytest.fixture
def acme(client, make_account):
    """An admin of Acme with one scan and one webhook."""
    admin = make_account("admin")
    scan = client.post("/api/v1/scans", json=SCAN, headers=admin.headers).get_json()
    webhook = client.post("/api/v1/webhooks", json=WEBHOOK, headers=admin.headers).get_json()
    return admin, scan, webhook


@pytest.mark.parametrize("role", ["viewer", "auditor"])
def test_read_only_roles_can_read(client, make_account, acme, role):
    _, scan, webhook = acme
    caller = make_account(role)

    for path in (
        "/api/v1/scans",
        f"/api/v1/scans/{scan['id']}",
        "/api/v1/controls",
        "/api/v1/webhooks",
        f"/api/v1/webhooks/{webhook['id']}",
        "/api/v1/organizations/current",
        "/api/v1/auth/me",
    ):
        response = client.get(path, headers=caller.headers)
        assert response.status_code == 200, (path, response.get_json())
    listed = client.get("/api/v1/scans", headers=caller.headers).get_json()
    assert [item["id"] for item in listed["items"]] == [scan["id"]]


@pytest.mark.parametrize("role", ["viewer", "auditor"])
def test_read_only_roles_cannot_change_anything(client, make_account, acme, role):
    admin, scan, webhook = acme
    caller = make_account(role)
    user_path = f"/api/v1/users/{admin.user_id}"
    headers = caller.headers

    assert_denied(client.post("/api/v1/scans", json=SCAN, headers=headers))
    assert_denied(client.post("/api/v1/webhooks", json=WEBHOOK, headers=headers))
    assert_denied(client.delete(f"/api/v1/webhooks/{webhook['id']}", headers=headers))
    assert_denied(client.patch("/api/v1/organizations/current", json={"name": "X"},
                               headers=headers))
    assert_denied(client.get("/api/v1/users", headers=headers))
    assert_denied(client.post("/api/v1/users", json={"email": new_email(),
                                                     "password": NEW_PASSWORD},
                              headers=headers))
    assert_denied(client.get(user_path, headers=headers))
    assert_denied(client.patch(user_path, json={"role": "viewer"}, headers=headers))
    assert_denied(client.delete(user_path, headers=headers))
    # nothing changed
    assert client.get("/api/v1/scans", headers=headers).get_json()["total"] == 1
    assert client.get("/api/v1/webhooks", headers=headers).get_json()["total"] == 1
    me = client.get(user_path, headers=admin.headers).get_json()
    assert me["role"] == "admin"
    assert client.get("/api/v1/organizations/current", headers=headers).get_json()["name"] == (
        "Acme"
    )


def test_permission_denied_says_which_role_is_needed(client, make_account):
    viewer = make_account("viewer")

    response = client.post("/api/v1/scans", json=SCAN, headers=viewer.headers)

    assert_denied(response)
    assert "analyst" in response.get_json()["detail"]


def test_analyst_can_scan_and_manage_webhooks(client, make_account):
    analyst = make_account("analyst")

    scan = client.post("/api/v1/scans", json=SCAN, headers=analyst.headers)
    webhook = client.post("/api/v1/webhooks", json=WEBHOOK, headers=analyst.headers)

    assert scan.status_code == 201
    assert scan.get_json()["status"] == "queued"
    assert webhook.status_code == 201
    removed = client.delete(f"/api/v1/webhooks/{webhook.get_json()['id']}",
                            headers=analyst.headers)
    assert removed.status_code == 204


def test_analyst_cannot_manage_users_or_the_organization(client, make_account):
    admin = make_account("admin")
    analyst = make_account("analyst")
    headers = analyst.headers

    assert_denied(client.get("/api/v1/users", headers=headers))
    assert_denied(client.post("/api/v1/users", json={"email": new_email(),
                                                     "password": NEW_PASSWORD},
                              headers=headers))
    assert_denied(client.patch(f"/api/v1/users/{analyst.user_id}", json={"role": "admin"},
                               headers=headers))
    assert_denied(client.delete(f"/api/v1/users/{admin.user_id}", headers=headers))
    assert_denied(client.patch("/api/v1/organizations/current", json={"hourly_limit": 1_000_000},
                               headers=headers))
    assert client.get("/api/v1/auth/me", headers=headers).get_json()["role"] == "analyst"


def test_admin_can_do_everything(client, make_account):
    admin = make_account("admin")
    headers = admin.headers

    scan = client.post("/api/v1/scans", json=SCAN, headers=headers)
    webhook = client.post("/api/v1/webhooks", json=WEBHOOK, headers=headers)
    renamed = client.patch("/api/v1/organizations/current", json={"name": "Acme Corp"},
                           headers=headers)
    users = client.get("/api/v1/users", headers=headers)
    created = client.post("/api/v1/users", json={"email": new_email(), "password": NEW_PASSWORD},
                          headers=headers)

    assert scan.status_code == 201
    assert webhook.status_code == 201
    assert renamed.status_code == 200
    assert renamed.get_json()["name"] == "Acme Corp"
    assert users.status_code == 200
    assert created.status_code == 201
    assert client.delete(f"/api/v1/webhooks/{webhook.get_json()['id']}",
                         headers=headers).status_code == 204


# --- the users API ---------------------------------------------------------------------------


def test_admin_creates_a_user_who_can_log_in(client, make_account):
    admin = make_account("admin")
    email = new_email()

    created = client.post("/api/v1/users", json={"email": email, "password": NEW_PASSWORD,
                                                 "role": "analyst"}, headers=admin.headers)

    assert created.status_code == 201
    body = created.get_json()
    assert body["id"].startswith("usr_")
    assert body["email"] == email
    assert body["role"] == "analyst"
    assert body["is_active"] is True
    assert "password" not in body
    assert "password_hash" not in body
    token = client.post("/api/v1/auth/token", data={"username": email, "password": NEW_PASSWORD})
    assert token.status_code == 200


def test_new_user_defaults_to_viewer(client, make_account):
    admin = make_account("admin")

    created = client.post("/api/v1/users", json={"email": new_email(), "password": NEW_PASSWORD},
                          headers=admin.headers)

    assert created.status_code == 201
    assert created.get_json()["role"] == "viewer"


def test_short_password_is_refused(client, make_account):
    admin = make_account("admin")

    response = client.post("/api/v1/users", json={"email": new_email(), "password": "short"},
                           headers=admin.headers)

    assert response.status_code == 422
    assert response.get_json()["error_code"] == "VALIDATION_ERROR"
    assert response.get_json()["field"] == "password"
    assert client.get("/api/v1/users", headers=admin.headers).get_json()["total"] == 1


def test_duplicate_email_is_a_conflict(client, make_account):
    admin = make_account("admin")
    other = make_account("viewer", org="Globex")

    same = client.post("/api/v1/users", json={"email": admin.email, "password": NEW_PASSWORD},
                       headers=admin.headers)
    other_org = client.post("/api/v1/users",
                            json={"email": other.email.upper(), "password": NEW_PASSWORD},
                            headers=admin.headers)

    for response in (same, other_org):
        assert response.status_code == 409
        assert response.get_json()["error_code"] == "CONFLICT"
        assert response.get_json()["field"] == "email"


def test_admin_lists_patches_deactivates_and_deletes_users(client, make_account):
    admin = make_account("admin")
    user = make_account("viewer")
    path = f"/api/v1/users/{user.user_id}"

    listed = client.get("/api/v1/users", headers=admin.headers).get_json()
    promoted = client.patch(path, json={"role": "analyst"}, headers=admin.headers)
    scan = client.post("/api/v1/scans", json=SCAN, headers=user.headers)
    deactivated = client.patch(path, json={"is_active": False}, headers=admin.headers)
    locked_out = client.post("/api/v1/auth/token",
                             data={"username": user.email, "password": user.password})
    deleted = client.delete(path, headers=admin.headers)

    assert listed["total"] == 2
    assert {item["id"] for item in listed["items"]} == {admin.user_id, user.user_id}
    assert promoted.status_code == 200
    assert promoted.get_json()["role"] == "analyst"
    assert scan.status_code == 201
    assert deactivated.status_code == 200
    assert deactivated.get_json()["is_active"] is False
    assert locked_out.status_code == 401
    assert deleted.status_code == 204
    assert_not_found(client.get(path, headers=admin.headers))
    assert client.get("/api/v1/users", headers=admin.headers).get_json()["total"] == 1


def test_admin_changes_a_users_password(client, make_account):
    admin = make_account("admin")
    user = make_account("viewer")

    changed = client.patch(f"/api/v1/users/{user.user_id}", json={"password": NEW_PASSWORD},
                           headers=admin.headers)
    too_short = client.patch(f"/api/v1/users/{user.user_id}", json={"password": "short"},
                             headers=admin.headers)

    assert changed.status_code == 200
    assert too_short.status_code == 422
    assert too_short.get_json()["field"] == "password"
    old = client.post("/api/v1/auth/token", data={"username": user.email,
                                                  "password": user.password})
    new = client.post("/api/v1/auth/token", data={"username": user.email,
                                                  "password": NEW_PASSWORD})
    assert old.status_code == 401
    assert new.status_code == 200


@pytest.mark.parametrize(
    "change",
    [
        ("patch", {"role": "analyst"}),
        ("patch", {"is_active": False}),
        ("delete", None),
    ],
    ids=["demote", "deactivate", "delete"],
)
def test_last_active_admin_stays(client, make_account, change):
    admin = make_account("admin")
    make_account("viewer")
    method, body = change
    path = f"/api/v1/users/{admin.user_id}"

    response = getattr(client, method)(path, json=body, headers=admin.headers)

    assert response.status_code == 409
    assert response.get_json()["error_code"] == "CONFLICT"
    still = client.get(path, headers=admin.headers)
    assert still.status_code == 200
    assert still.get_json()["role"] == "admin"
    assert still.get_json()["is_active"] is True


def test_an_inactive_admin_does_not_count_as_the_remaining_admin(client, make_account):
    admin = make_account("admin")
    dormant = make_account("admin")
    assert client.patch(f"/api/v1/users/{dormant.user_id}", json={"is_active": False},
                        headers=admin.headers).status_code == 200

    response = client.patch(f"/api/v1/users/{admin.user_id}", json={"role": "viewer"},
                            headers=admin.headers)

    assert response.status_code == 409


def test_an_admin_can_step_down_when_another_admin_remains(client, make_account):
    first = make_account("admin")
    second = make_account("admin")

    demoted = client.patch(f"/api/v1/users/{first.user_id}", json={"role": "viewer"},
                           headers=first.headers)
    last = client.delete(f"/api/v1/users/{second.user_id}", headers=second.headers)

    assert demoted.status_code == 200
    assert demoted.get_json()["role"] == "viewer"
    assert last.status_code == 409


# --- tenant isolation ----------------------------------------------------------------------


@pytest.fixture
def tenants(client, make_account):
    """Acme (with a scan, a webhook, a second user and an API key) and Globex, both admins."""
    acme = make_account("admin", org="Acme")
    acme_user = make_account("analyst", org="Acme")
    globex = make_account("admin", org="Globex")
    objects = {
        "scan": client.post("/api/v1/scans", json=SCAN, headers=acme.headers).get_json(),
        "webhook": client.post("/api/v1/webhooks", json=WEBHOOK,
                               headers=acme.headers).get_json(),
        "api_key": client.post("/api/v1/api-keys", json={"name": "acme ci"},
                               headers=acme.headers).get_json(),
        "user": {"id": acme_user.user_id},
    }
    assert all(item.get("id") for item in objects.values()), objects
    return acme, globex, objects


COLLECTIONS = {
    "scan": "/api/v1/scans",
    "webhook": "/api/v1/webhooks",
    "api_key": "/api/v1/api-keys",
    "user": "/api/v1/users",
}


def test_other_organization_cannot_read_by_id(client, tenants):
    acme, globex, objects = tenants

    for kind, collection in COLLECTIONS.items():
        path = f"{collection}/{objects[kind]['id']}"
        response = client.get(path, headers=globex.headers)
        assert_not_found(response)
        assert objects[kind]["id"] not in response.get_data(as_text=True)
        assert client.get(path, headers=acme.headers).status_code == 200, kind
        # a foreign id and an id that does not exist look the same
        unknown = client.get(f"{collection}/{kind}_0000000000000000", headers=globex.headers)
        assert unknown.get_json() == response.get_json()


def test_other_organization_does_not_see_it_listed(client, tenants):
    acme, globex, objects = tenants

    for kind, collection in COLLECTIONS.items():
        theirs = client.get(collection, headers=globex.headers)
        ours = client.get(collection, headers=acme.headers)
        assert theirs.status_code == 200, kind
        assert objects[kind]["id"] not in theirs.get_data(as_text=True)
        assert objects[kind]["id"] in {item["id"] for item in ours.get_json()["items"]}
        if kind == "user":
            assert [item["id"] for item in theirs.get_json()["items"]] == [globex.user_id]
        else:
            assert theirs.get_json()["total"] == 0, kind


def test_other_organization_cannot_delete(client, tenants):
    acme, globex, objects = tenants

    for kind in ("webhook", "api_key", "user"):
        path = f"{COLLECTIONS[kind]}/{objects[kind]['id']}"
        assert_not_found(client.delete(path, headers=globex.headers))
        assert client.get(path, headers=acme.headers).status_code == 200, kind
    # scans cannot be deleted through the API at all, and certainly not by another tenant
    scan_path = f"/api/v1/scans/{objects['scan']['id']}"
    assert client.delete(scan_path, headers=globex.headers).status_code in (404, 405)
    assert client.get(scan_path, headers=acme.headers).status_code == 200
    # the API key still works after the attempt
    key_headers = {"Authorization": f"Bearer {objects['api_key']['key']}"}
    assert client.get("/api/v1/auth/me", headers=key_headers).status_code == 200


def test_other_organization_cannot_change_a_user(client, tenants):
    acme, globex, objects = tenants
    path = f"/api/v1/users/{objects['user']['id']}"

    response = client.patch(path, json={"role": "viewer", "is_active": False},
                            headers=globex.headers)

    assert_not_found(response)
    unchanged = client.get(path, headers=acme.headers).get_json()
    assert unchanged["role"] == "analyst"
    assert unchanged["is_active"] is True


def test_api_key_of_another_organization_sees_only_its_own(client, tenants):
    acme, globex, objects = tenants
    key = objects["api_key"]["key"]

    own = client.get("/api/v1/scans", headers={"Authorization": f"Bearer {key}"})
    globex_scan = client.post("/api/v1/scans", json=SCAN, headers=globex.headers).get_json()
    foreign = client.get(f"/api/v1/scans/{globex_scan['id']}",
                         headers={"Authorization": f"Bearer {key}"})

    assert [item["id"] for item in own.get_json()["items"]] == [objects["scan"]["id"]]
    assert_not_found(foreign)


def test_organization_endpoint_is_the_callers_own(client, tenants):
    acme, globex, _ = tenants

    renamed = client.patch("/api/v1/organizations/current", json={"name": "Globex Intl"},
                           headers=globex.headers)
    acme_org = client.get("/api/v1/organizations/current", headers=acme.headers).get_json()

    assert renamed.status_code == 200
    assert renamed.get_json()["id"] == globex.org_id
    assert acme_org["id"] == acme.org_id
    assert acme_org["name"] == "Acme"


def test_organization_names_are_unique(client, tenants):
    _, globex, _ = tenants

    response = client.patch("/api/v1/organizations/current", json={"name": "Acme"},
                            headers=globex.headers)

    assert response.status_code == 409
    assert response.get_json()["error_code"] == "CONFLICT"
    assert response.get_json()["field"] == "name"
