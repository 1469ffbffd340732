"""GET /api/health: liveness for load balancers and monitors; no auth, outside plan limits."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import current_app
from flask_smorest import Blueprint

from cyberorigen import __version__
from cyberorigen.api.health.schemas import HealthSchema
from cyberorigen.api.security import public
from cyberorigen.appliance import appliance_of
from cyberorigen.ops.health import dependency_checks
from cyberorigen.vocab import timestamp

blp = Blueprint("health", __name__, url_prefix="/api", description="Appliance health.")


@blp.route("/health")
@blp.doc(security=[])
@blp.response(200, HealthSchema, description="Every dependency answers.")
@blp.alt_response(503, schema=HealthSchema, description="A dependency is unreachable.")
@public
def health():
    """Whether the appliance and its database and Redis answer (no credentials needed)."""
    checks = dependency_checks(appliance_of(current_app).redis)
    body = {
        "status": "healthy",
        "version": __version__,
        "timestamp": timestamp(datetime.now(UTC)),
    }
    if any(state != "ok" for state in checks.values()):
        body.update(status="degraded", checks=checks)
        return body, 503
    return body
