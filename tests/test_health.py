"""GET /api/health, exactly as the API reference shows it."""

from __future__ import annotations

import re

from cyberorigen import __version__


def test_health_is_public_and_matches_the_reference(client):
    response = client.get("/api/health")

    assert response.status_code == 200
    body = response.get_json()
    assert list(body) == ["status", "version", "timestamp"]
    assert body["status"] == "healthy"
    assert body["version"] == __version__
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", body["timestamp"])
    assert "X-RateLimit-Limit" not in response.headers


def test_health_reports_degraded_when_redis_is_unreachable(make_app):
    app = make_app(redis_url="redis://127.0.0.1:1/0")

    response = app.test_client().get("/api/health")

    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["redis"].startswith("unreachable")


def test_health_reports_degraded_when_the_database_is_unreachable(make_app, tmp_path):
    app = make_app(
        redis=False, database_url="postgresql://nobody@127.0.0.1:1/none"
    )

    response = app.test_client().get("/api/health")

    assert response.status_code == 503
    assert response.get_json()["checks"]["database"].startswith("unreachable")
