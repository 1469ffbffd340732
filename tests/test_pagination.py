"""Pagination of every list endpoint: argument bounds, page arithmetic, a stable order, filters."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest

from cyberorigen.db import database
from cyberorigen.db.models import Organization, Scan
from cyberorigen.services.row_counts import SCANS, count_change
from cyberorigen.services.scans import scans_query

LISTS = [
    "/api/v1/scans",
    "/api/v1/webhooks",
    "/api/v1/api-keys",
    "/api/v1/users",
    "/api/v1/controls",
]
START = datetime(2025, 12, 21, 10, 0, 0)


@pytest.fixture
def admin(make_account):
    return make_account(role="admin")


def insert_scans(account, count: int, **columns) -> None:
    """``count`` scans of the account's organization, one minute apart, the first newest."""
    org_id = Organization.get(Organization.public_id == account.org_id).id
    rows = []
    for number in range(count):
        row = {
            "organization": org_id,
            "target": f"host{number}.example.com",
            "scan_type": "quick",
            "frameworks": [],
            "created_at": START - timedelta(minutes=number),
        }
        row.update(columns)
        rows.append(row)
    with database.atomic():  # as the scans service does: the rows and their count
        Scan.insert_many(rows).execute()
        count_change(org_id, SCANS, count)


def get_page(client, account, path: str, **query):
    response = client.get(path, query_string=query, headers=account.headers)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def assert_validation_error(response, field: str, query=None) -> None:
    body = response.get_json()
    assert response.status_code == 422, (query, body)
    assert body["error_code"] == "VALIDATION_ERROR", (query, body)
    assert body["field"] == field, (query, body)
    assert field in body["errors"], (query, body)


# --- argument bounds, on every list ---------------------------------------------------------------


BAD_PAGE_ARGUMENTS = [
    ({"page": 0}, "page"),
    ({"page": -1}, "page"),
    ({"page": "two"}, "page"),
    ({"page": "1.5"}, "page"),
    ({"per_page": 0}, "per_page"),
    ({"per_page": 101}, "per_page"),
    ({"per_page": "all"}, "per_page"),
    ({"per_page": ""}, "per_page"),
    ({"page": 2, "per_page": 1000}, "per_page"),
]


@pytest.mark.parametrize("path", LISTS)
def test_out_of_range_or_non_integer_page_arguments_are_422(client, admin, path):
    for query, field in BAD_PAGE_ARGUMENTS:
        response = client.get(path, query_string=query, headers=admin.headers)

        assert_validation_error(response, field, query)


@pytest.mark.parametrize("path", LISTS)
def test_defaults_are_page_1_of_20(client, admin, path):
    body = get_page(client, admin, path)

    assert set(body) == {"items", "total", "page", "per_page", "pages"}
    assert (body["page"], body["per_page"]) == (1, 20)
    assert body["pages"] == math.ceil(body["total"] / 20)


@pytest.mark.parametrize("path", LISTS)
def test_per_page_100_is_the_maximum_allowed(client, admin, path):
    body = get_page(client, admin, path, per_page=100)

    assert body["per_page"] == 100


# --- page arithmetic on scans ---------------------------------------------------------------------


def test_scans_default_page_holds_the_20_newest(client, admin):
    insert_scans(admin, 45)

    body = get_page(client, admin, "/api/v1/scans")

    assert (body["total"], body["page"], body["per_page"], body["pages"]) == (45, 1, 20, 3)
    assert [item["target"] for item in body["items"]] == [
        f"host{number}.example.com" for number in range(20)
    ]


def test_scans_last_page_is_partial(client, admin):
    insert_scans(admin, 45)

    body = get_page(client, admin, "/api/v1/scans", page=3)

    assert (body["total"], body["pages"]) == (45, 3)
    assert [item["target"] for item in body["items"]] == [
        f"host{number}.example.com" for number in range(40, 45)
    ]


def test_scans_past_the_last_page_is_empty_not_an_error(client, admin):
    insert_scans(admin, 45)

    body = get_page(client, admin, "/api/v1/scans", page=4)

    assert body["items"] == []
    assert (body["total"], body["page"], body["per_page"], body["pages"]) == (45, 4, 20, 3)


def test_per_page_100_returns_everything_up_to_100(client, admin):
    insert_scans(admin, 45)

    body = get_page(client, admin, "/api/v1/scans", per_page=100)

    assert len(body["items"]) == 45
    assert (body["total"], body["pages"]) == (45, 1)


def test_a_list_with_nothing_in_it(client, admin):
    body = get_page(client, admin, "/api/v1/scans", page=2)

    assert body == {"items": [], "total": 0, "page": 2, "per_page": 20, "pages": 0}


def test_scans_of_another_organization_are_not_counted(client, make_account):
    mine = make_account(org="Acme")
    theirs = make_account(org="Globex")
    insert_scans(mine, 3)
    insert_scans(theirs, 5)

    body = get_page(client, mine, "/api/v1/scans")

    assert (body["total"], body["pages"], len(body["items"])) == (3, 1, 3)


# --- a stable order: newest first, the id as tiebreak ---------------------------------------------


def _expected_order(account) -> list[str]:
    org_id = Organization.get(Organization.public_id == account.org_id).id
    query = (
        Scan.select(Scan.public_id)
        .where(Scan.organization == org_id)
        .order_by(Scan.created_at.desc(), Scan.id.desc())
    )
    return [scan.public_id for scan in query]


def test_pages_of_scans_created_in_the_same_second_neither_repeat_nor_skip(client, admin):
    insert_scans(admin, 40)
    org_id = Organization.get(Organization.public_id == admin.org_id).id
    # Three groups of scans that share one timestamp each (a burst of requests in one second).
    tied = list(Scan.select(Scan.id).where(Scan.organization == org_id).order_by(Scan.id).tuples())
    ids = [row[0] for row in tied]
    for group, stamp in ((ids[0:15], START), (ids[15:30], START - timedelta(hours=1))):
        Scan.update(created_at=stamp).where(Scan.id.in_(group)).execute()
    Scan.update(created_at=START + timedelta(days=1)).where(Scan.id.in_(ids[30:40])).execute()

    seen = []
    for page in range(1, 8):
        seen.extend(
            item["id"]
            for item in get_page(client, admin, "/api/v1/scans", page=page, per_page=7)["items"]
        )

    assert len(seen) == len(set(seen)) == 40
    assert seen == _expected_order(admin)
    # Newest first, and within one timestamp the later-created (higher id) first.
    newest = {scan.public_id for scan in Scan.select().where(Scan.id.in_(ids[30:40]))}
    assert set(seen[:10]) == newest
    last_of_burst = Scan.get_by_id(ids[39]).public_id
    assert seen[0] == last_of_burst


def test_the_same_page_twice_is_the_same(client, admin):
    insert_scans(admin, 25, created_at=START)

    first = get_page(client, admin, "/api/v1/scans", page=2, per_page=10)
    again = get_page(client, admin, "/api/v1/scans", page=2, per_page=10)

    assert [item["id"] for item in first["items"]] == [item["id"] for item in again["items"]]


# --- another list: webhooks and API keys ----------------------------------------------------------


def test_webhooks_paginate_newest_first(client, make_account):
    analyst = make_account(role="analyst")
    created = []
    for number in range(5):
        response = client.post(
            "/api/v1/webhooks",
            json={"url": f"https://hooks.example.com/{number}", "events": ["scan.completed"]},
            headers=analyst.headers,
        )
        assert response.status_code == 201
        created.append(response.get_json()["id"])

    pages = [
        get_page(client, analyst, "/api/v1/webhooks", page=page, per_page=2) for page in (1, 2, 3)
    ]
    past = get_page(client, analyst, "/api/v1/webhooks", page=4, per_page=2)

    assert [(page["total"], page["pages"]) for page in pages] == [(5, 3)] * 3
    assert [len(page["items"]) for page in pages] == [2, 2, 1]
    listed = [item["id"] for page in pages for item in page["items"]]
    assert listed == list(reversed(created))
    assert past["items"] == [] and (past["total"], past["pages"]) == (5, 3)


def test_api_keys_paginate(client, admin):
    created = []
    for number in range(3):
        response = client.post(
            "/api/v1/api-keys", json={"name": f"ci-{number}"}, headers=admin.headers
        )
        assert response.status_code == 201
        created.append(response.get_json()["id"])

    first = get_page(client, admin, "/api/v1/api-keys", per_page=2)
    second = get_page(client, admin, "/api/v1/api-keys", page=2, per_page=2)

    assert (first["total"], first["pages"], len(first["items"])) == (3, 2, 2)
    assert len(second["items"]) == 1
    listed = [item["id"] for item in first["items"] + second["items"]]
    assert listed == list(reversed(created))


# --- filters --------------------------------------------------------------------------------------


def test_status_filter_counts_and_pages_only_matching_scans(client, admin):
    insert_scans(admin, 12)
    org_id = Organization.get(Organization.public_id == admin.org_id).id
    completed = [f"host{number}.example.com" for number in range(0, 12, 2)]
    Scan.update(status="completed").where(
        (Scan.organization == org_id) & Scan.target.in_(completed)
    ).execute()

    first = get_page(client, admin, "/api/v1/scans", status="completed", per_page=4)
    second = get_page(client, admin, "/api/v1/scans", status="completed", per_page=4, page=2)
    queued = get_page(client, admin, "/api/v1/scans", status="queued")
    running = get_page(client, admin, "/api/v1/scans", status="running")

    assert (first["total"], first["pages"]) == (6, 2)
    targets = [item["target"] for item in first["items"] + second["items"]]
    assert targets == completed
    assert all(item["status"] == "completed" for item in first["items"] + second["items"])
    assert queued["total"] == 6
    assert all(item["status"] == "queued" for item in queued["items"])
    assert running == {"items": [], "total": 0, "page": 1, "per_page": 20, "pages": 0}


def test_an_unknown_status_is_a_validation_error(client, admin):
    response = client.get("/api/v1/scans?status=done", headers=admin.headers)

    assert_validation_error(response, "status")


def test_target_filter(client, admin):
    insert_scans(admin, 5)
    insert_scans(admin, 3, target="example.com")

    body = get_page(client, admin, "/api/v1/scans", target="example.com", per_page=2)
    none = get_page(client, admin, "/api/v1/scans", target="nowhere.example.com")

    assert (body["total"], body["pages"]) == (3, 2)
    assert all(item["target"] == "example.com" for item in body["items"])
    assert none["total"] == 0 and none["items"] == []


def test_target_filter_finds_a_scan_by_the_target_as_it_was_sent(client, make_account):
    """A target is stored in its canonical form; filtering by what the client sent finds it."""
    analyst = make_account(role="analyst")
    created = client.post(
        "/api/v1/scans",
        json={"target": "Example.COM", "scan_type": "full"},
        headers=analyst.headers,
    ).get_json()
    assert created["target"] == "example.com"

    body = get_page(client, analyst, "/api/v1/scans", target="Example.COM")

    assert [item["id"] for item in body["items"]] == [created["id"]]


def test_status_and_target_filters_combine(client, admin):
    insert_scans(admin, 4, target="example.com")
    insert_scans(admin, 4, target="example.org")
    org_id = Organization.get(Organization.public_id == admin.org_id).id
    first_two = (
        Scan.select(Scan.id)
        .where((Scan.organization == org_id) & (Scan.target == "example.com"))
        .order_by(Scan.id)
        .limit(2)
    )
    Scan.update(status="failed").where(Scan.id.in_(first_two)).execute()
    Scan.update(status="failed").where(
        (Scan.organization == org_id) & (Scan.target == "example.org")
    ).execute()

    body = get_page(client, admin, "/api/v1/scans", target="example.com", status="failed")

    assert body["total"] == 2
    assert {(item["target"], item["status"]) for item in body["items"]} == {
        ("example.com", "failed")
    }


def test_a_deep_page_is_the_page_limit_and_offset_would_give(client, make_account):
    """Past the first thousand rows a page is read by its ids first: it must be exactly the
    rows LIMIT/OFFSET gives, in order, for both sort orders and with a filter."""
    account = make_account()
    insert_scans(account, 1300, status="completed")
    insert_scans(account, 30, status="failed")  # the same times as the first 30: ties on id
    org_id = Organization.get(Organization.public_id == account.org_id).id
    for query_args in ({}, {"sort": "created_at"}, {"status": "completed"}):
        for page in (21, 26, 27):
            answer = get_page(
                client, account, "/api/v1/scans", per_page=50, page=page, **query_args
            )
            expected = [
                scan.public_id for scan in scans_query(org_id, query_args).paginate(page, 50)
            ]
            assert [item["id"] for item in answer["items"]] == expected, (query_args, page)
            assert expected or page == 27
