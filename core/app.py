"""The application factory: a flat list of init_app calls."""

from __future__ import annotations

import logging
import secrets

from flask import Flask, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

from cyberorigen.api import errors, input_guard, metrics, openapi, ratelimit, security
from cyberorigen.api.api_keys.routes import blp as api_keys_blp
from cyberorigen.api.assets.routes import blp as assets_blp
from cyberorigen.api.audit.routes import blp as audit_blp
from cyberorigen.api.auth.routes import blp as auth_blp
from cyberorigen.api.auth.routes import password_blp, token_blp
from cyberorigen.api.controls.routes import blp as controls_blp
from cyberorigen.api.docs.routes import blp as docs_blp
from cyberorigen.api.errors import ApiError
from cyberorigen.api.exports.routes import blp as exports_blp
from cyberorigen.api.findings.routes import blp as findings_blp
from cyberorigen.api.frameworks.routes import blp as frameworks_blp
from cyberorigen.api.health.routes import blp as health_blp
from cyberorigen.api.imports.routes import blp as imports_blp
from cyberorigen.api.openapi import openapi_config
from cyberorigen.api.organizations.routes import blp as organizations_blp
from cyberorigen.api.plugins.routes import blp as plugins_blp
from cyberorigen.api.ratelimit import client_address
from cyberorigen.api.reports.routes import blp as reports_blp
from cyberorigen.api.scans.routes import blp as scans_blp
from cyberorigen.api.schedules.routes import blp as schedules_blp
from cyberorigen.api.scope.routes import blp as scope_blp
from cyberorigen.api.security import is_public_endpoint
from cyberorigen.api.users.routes import blp as users_blp
from cyberorigen.api.webhooks.routes import blp as webhooks_blp
from cyberorigen.appliance import Appliance, attach
from cyberorigen.db import bind_database, database
from cyberorigen.logging_setup import configure_logging
from cyberorigen.services import audit

#: The API resources, in the order they appear in the OpenAPI document.
MODULES = (
    health_blp,
    token_blp,
    password_blp,
    auth_blp,
    api_keys_blp,
    organizations_blp,
    users_blp,
    scope_blp,
    scans_blp,
    findings_blp,
    imports_blp,
    assets_blp,
    schedules_blp,
    controls_blp,
    frameworks_blp,
    reports_blp,
    exports_blp,
    webhooks_blp,
    plugins_blp,
    audit_blp,
)

_REQUEST_ID_HEADER = "X-Request-ID"


def _open_request() -> None:
    incoming = request.headers.get(_REQUEST_ID_HEADER, "")
    valid = 8 <= len(incoming) <= 64 and incoming.replace("-", "").isalnum()
    g.request_id = incoming if valid else secrets.token_hex(8)


def _open_audit() -> None:
    """Until a credential says who calls, what this request does is recorded as done by an
    anonymous caller from its address (a login names the user it is for)."""
    audit.set_actor(
        audit.Actor("anonymous", source_address=client_address(), request_id=g.request_id)
    )


_BODY_TYPES = ("application/json", "multipart/form-data")


def _refuse_unreadable_bodies() -> None:
    """A body the API cannot read is a 415, not a confusing "missing field" 422.

    The token endpoint (a form, per OAuth2) is public and checks its own body.
    """
    if request.method not in ("POST", "PUT", "PATCH") or not request.content_length:
        return
    if is_public_endpoint(request.endpoint):
        return
    if not (request.is_json or request.mimetype in _BODY_TYPES):
        raise ApiError(
            415,
            f"Send the body as application/json (got {request.mimetype or 'no content type'}).",
            "UNSUPPORTED_MEDIA_TYPE",
        )


def _tag_response(response):
    response.headers[_REQUEST_ID_HEADER] = g.get("request_id", "")
    return response


def _close_request(_exc: BaseException | None) -> None:
    """peewee connects on first query; hand the connection back at the end of the request."""
    audit.set_actor(None)  # a thread serves the next request as someone else
    if not database.is_closed():
        database.close()


def create_app(appliance: Appliance) -> Flask:
    """The API of ``appliance`` (views reach it with ``appliance_of(current_app)``)."""
    settings = appliance.settings
    configure_logging(settings.log_json)
    app = Flask("cyberorigen")
    app.config.update(
        SECRET_KEY=settings.secret_key,
        MAX_CONTENT_LENGTH=settings.max_content_length,
        **openapi_config(),
    )
    if settings.trusted_proxies:
        hops = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.json.sort_keys = False  # keep fields in the order the schemas and the reference give
    attach(app, appliance)
    bind_database(settings.database_url)

    app.before_request(_open_request)
    app.before_request(_open_audit)
    app.before_request(_refuse_unreadable_bodies)
    app.after_request(_tag_response)
    app.teardown_request(_close_request)
    errors.init_app(app)
    security.init_app(app, settings)
    ratelimit.init_app(app, settings, token_blueprint=token_blp, password_blueprint=password_blp)
    input_guard.init_app(app)
    openapi.init_app(app, MODULES, appliance.registry.scanners)
    app.register_blueprint(docs_blp)
    metrics.init_app(app, settings.metrics_enabled)
    logging.getLogger("cyberorigen").debug("application ready (embedded=%s)", settings.embedded)
    return app
