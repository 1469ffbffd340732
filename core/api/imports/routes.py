"""Importing other tools' result files: each import is a completed scan of type ``import``."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app, request
from flask_smorest import Blueprint, abort

from cyberorigen.api.imports.schemas import (
    ImporterSchema,
    ImportFormSchema,
    ImportSchema,
    framework_names,
)
from cyberorigen.api.scans.routes import detail_of
from cyberorigen.api.schemas import ErrorSchema, Shown
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.compliance.evidence import safe_filename
from cyberorigen.errors import Invalid
from cyberorigen.services.assets import get_asset
from cyberorigen.services.imports import (
    ImportLimits,
    choose_importer,
    import_results,
    read_upload,
)

blp = Blueprint(
    "imports",
    __name__,
    url_prefix="/api/v1/imports",
    description="Results of other tools (SARIF, Trivy, Nuclei, ZAP, nmap, OCSF) brought in.",
)

#: Room for the multipart envelope and the other form fields around the file.
_FORM_OVERHEAD = 64 * 1024

_UPLOAD_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "format": {"type": "string", "example": "sarif"},
                        "target": {"type": "string", "example": "https://github.com/acme/app"},
                        "asset": {"type": "string", "example": "ast_abc123"},
                        "frameworks": {"type": "string", "example": "soc2,pci-dss"},
                    },
                }
            }
        },
    }
}


@blp.route("", methods=["POST"])
@require_role("analyst")
@blp.doc(**_UPLOAD_DOC)
@blp.response(201, ImportSchema)
@blp.alt_response(422, schema=ErrorSchema, description="The file or a field is not valid.")
@blp.alt_response(413, schema=ErrorSchema, description="The file is over the limit.")
def create_import():
    """Import a result file (multipart/form-data, part ``file``): its findings become those of
    a completed scan of type ``import``, fingerprinted, linked to assets, mapped to controls
    and announced like a scanner's. Importing the same file again, or a newer run of the same
    tool, updates those findings (and resolves the ones it no longer reports) instead of
    adding new ones. Nothing is stored from a file that is not valid."""
    appliance = appliance_of(current_app)
    settings = appliance.settings
    caller = principal()
    if request.mimetype != "multipart/form-data":
        raise Invalid("file", "send the file as multipart/form-data, in the 'file' part")
    request.max_content_length = settings.import_max_bytes + _FORM_OVERHEAD
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise Invalid("file", "attach the file as the 'file' part")
    schema = ImportFormSchema()
    try:
        form = schema.load(request.form, unknown=ma.EXCLUDE)
    except ma.ValidationError as exc:
        abort(422, messages={"form": exc.messages}, schema=schema)
    target = form["target"]
    if form["asset"]:
        target = get_asset(caller.organization_id, form["asset"]).address
    data = read_upload(upload.stream, settings.import_max_bytes)
    importer = choose_importer(appliance.registry.importers, form["format"], data)
    runner = appliance.runner_settings
    result = import_results(
        caller.organization_id,
        caller.user_id,
        importer,
        data,
        safe_filename(upload.filename),
        target,
        framework_names(form["frameworks"]),
        ImportLimits(settings.import_max_bytes, settings.import_max_items),
        runner.after_completion,
        appliance.registry,
    )
    return Shown(
        result,
        format=importer.name,
        title=importer.title,
        scan=detail_of(result.scan),
    )


@blp.route("/formats", methods=["GET"])
@require_role("viewer")
@blp.response(200, ImporterSchema(many=True))
def formats():
    """The formats this appliance imports (its importer plugins)."""
    importers = appliance_of(current_app).registry.importers
    return [
        Shown(item, checks=[check.id for check in item.checks])
        for _, item in sorted(importers.items())
    ]
