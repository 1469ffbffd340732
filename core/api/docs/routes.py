"""Swagger UI at /docs and ReDoc at /redoc, served with no internet access.

Swagger UI's assets come from the installed ``swagger-ui-bundle`` package. ReDoc's single
script comes from the npm package ``redoc`` 2.x, fetched by the set-up command (``make
assets``) into ``<assets_dir>/redoc/``; until it is there, /redoc says how to get it.
"""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, current_app, redirect, send_from_directory
from swagger_ui_bundle import swagger_ui_path

from cyberorigen.api.openapi import TOKEN_URL
from cyberorigen.api.security import public
from cyberorigen.appliance import appliance_of

blp = Blueprint("docs", __name__)

REDOC_SCRIPT = "redoc.standalone.js"

#: The Authorize dialog's password flow shows client_id, client_secret and where to send them,
#: and Swagger UI has no setting to leave them out: the token endpoint takes no client, so
#: the rows that hold them (each a wrapper with its label) are hidden.
_SWAGGER_STYLE = """.auth-container .wrapper:has(> label[for="client_id"]),
.auth-container .wrapper:has(> label[for="client_secret"]),
.auth-container .wrapper:has(> label[for="password_type"]) { display: none; }"""

_SWAGGER_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>CyberOrigen API — Swagger UI</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<style>
{_SWAGGER_STYLE}
</style>
<link rel="icon" href="/docs/assets/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/docs/init.js"></script>
</body></html>
"""

_REDOC_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>CyberOrigen API — ReDoc</title>
<link rel="icon" href="/docs/assets/favicon-32x32.png"></head>
<body><redoc spec-url="/openapi.json"></redoc>
<script src="/redoc/assets/redoc.standalone.js"></script></body></html>
"""

#: ReDoc draws a logo from its maker's CDN in the side menu: the page allows images only from
#: the appliance (and data: URIs), and ``.ci/fetch-redoc`` takes the reference out of the
#: script, so the browser asks nothing of the internet.
REDOC_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'"
)

_REDOC_MISSING = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ReDoc is not installed</title></head>
<body><h1>ReDoc is not installed on this appliance</h1>
<p>ReDoc's script ({script}) was not found in {folder}.</p>
<p>Fetch it with <code>make assets</code> from the source checkout, which runs
<code>npm pack redoc@2</code> and copies <code>bundles/{script}</code> there,
or set <code>CYBERORIGEN_ASSETS_DIR</code> to a folder holding <code>redoc/{script}</code>.</p>
<p>Swagger UI at <a href="/docs">/docs</a> needs nothing extra.</p></body></html>
"""


def _html(body: str, status: int = 200, **headers: str):
    return body, status, {"Content-Type": "text/html; charset=utf-8", **headers}


def _redoc_dir() -> Path:
    return appliance_of(current_app).settings.assets_dir / "redoc"


@blp.route("/")
@public
def home():
    """The appliance's address itself: the API is read and tried at /docs."""
    return redirect("/docs", 302)


@blp.route("/docs")
@public
def swagger_ui():
    return _html(_SWAGGER_PAGE)


@blp.route("/docs/init.js")
@public
def swagger_ui_init():
    config = {
        "url": "/openapi.json",
        "dom_id": "#swagger-ui",
        "validatorUrl": None,
        "deepLinking": True,
        "persistAuthorization": True,
        "oauth2RedirectUrl": "/docs/assets/oauth2-redirect.html",
    }
    script = (
        f"const config = {json.dumps(config)};\n"
        "config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset];\n"
        "config.layout = 'StandaloneLayout';\n"
        f"// The token endpoint ({TOKEN_URL}) takes the OAuth2 password grant.\n"
        "window.ui = SwaggerUIBundle(config);\n"
    )
    return script, 200, {"Content-Type": "application/javascript; charset=utf-8"}


@blp.route("/docs/assets/<path:filename>")
@public
def swagger_ui_assets(filename):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)


@blp.route("/redoc")
@public
def redoc():
    folder = _redoc_dir()
    if not (folder / REDOC_SCRIPT).is_file():
        return _html(_REDOC_MISSING.format(script=REDOC_SCRIPT, folder=folder), 503)
    return _html(_REDOC_PAGE, **{"Content-Security-Policy": REDOC_CSP})


@blp.route("/redoc/assets/<path:filename>")
@public
def redoc_assets(filename):
    return send_from_directory(_redoc_dir(), filename, max_age=86400)
