"""Exports made in the background: ask for one, follow its progress, download its file."""

from __future__ import annotations

from flask import current_app, send_file, url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from cyberorigen.api.exports.schemas import DownloadArgsSchema, ExportCreateSchema, ExportSchema
from cyberorigen.api.pagination import paginate
from cyberorigen.api.schemas import PageArgsSchema, Shown, page_schema
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.errors import NotFound
from cyberorigen.services.export_jobs import (
    check_download_token,
    create_export,
    download_token,
    export_file,
    exports_query,
    get_export,
    record_download,
    settle,
)

blp = Blueprint(
    "exports",
    __name__,
    url_prefix="/api/v1/exports",
    description="Long exports (evidence bundles...) made in the background, with progress "
    "and a download link that expires.",
)


def _shown(job) -> Shown:
    url = None
    if job.status == "done":
        settings = appliance_of(current_app).settings
        url = url_for(
            "exports.download",
            export_id=job.public_id,
            token=download_token(settings.secret_key, job),
            _external=False,
        )
    return Shown(job, download_url=url)


def _settle(org_id: int) -> None:
    settle(appliance_of(current_app).exports.store, org_id)


@blp.route("")
class Exports(MethodView):
    @require_role("viewer")
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, page_schema(ExportSchema))
    def get(self, args):
        """The organization's exports, newest first."""
        org_id = principal().organization_id
        _settle(org_id)
        page = paginate(exports_query(org_id), args)
        page["items"] = [_shown(job) for job in page["items"]]
        return page

    @require_role("viewer")
    @blp.arguments(ExportCreateSchema)
    @blp.response(202, ExportSchema)
    def post(self, data):
        """Ask for an export; it is made in the background (follow it with
        ``GET /api/v1/exports/{id}``: progress, then a download link)."""
        caller = principal()
        appliance = appliance_of(current_app)
        job = create_export(caller.organization_id, caller.user_id, data["kind"], data["params"])
        appliance.exports.submit(job.public_id)
        return _shown(job)


@blp.route("/<string:export_id>")
@require_role("viewer")
@blp.response(200, ExportSchema)
def export_detail(export_id):
    """An export: its status and progress, and once done its file's size, SHA-256 and a
    fresh download link."""
    org_id = principal().organization_id
    _settle(org_id)
    return _shown(get_export(org_id, export_id))


@blp.route("/<string:export_id>/download")
@blp.arguments(DownloadArgsSchema, location="query")
@blp.response(200, description="The file, as an attachment.")
def download(args, export_id):
    """Download an export's file with the signed ``token`` of its ``download_url`` (no
    Authorization header needed: the link itself is the permission, for
    ``exports.link_seconds``)."""
    appliance = appliance_of(current_app)
    settings = appliance.settings
    job = check_download_token(settings.secret_key, args["token"], settings.export_link_seconds)
    if job.public_id != export_id:  # a token of another export
        raise NotFound("export")
    settle(appliance.exports.store, job.organization_id)
    path = export_file(appliance.exports.store, get_export(job.organization_id, export_id))
    record_download(job)
    response = send_file(
        path,
        mimetype=job.media_type or "application/octet-stream",
        as_attachment=True,
        download_name=job.filename or job.public_id,
        max_age=0,
        conditional=False,
        etag=False,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Export-SHA256"] = job.sha256 or ""
    return response
