"""GET /api/health when a dependency is down (the healthy shape is a contract test)."""

from __future__ import annotations


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
