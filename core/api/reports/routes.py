"""Readable reports: a framework's report and the executive summary as printable HTML or PDF,
and the ISO 27001 Statement of Applicability as HTML, PDF or XLSX.

One scheme: the format is the path's extension, as for ``report.csv``. HTML is shown inline
under a Content-Security-Policy that allows no script and no request; PDF and XLSX are
attachments named after the organization, the report and the day. Every report is of the
caller's organization only.
"""

from __future__ import annotations

from flask import Response, current_app
from flask_smorest import Blueprint

from cyberorigen.api.reports.schemas import BINARY, HTML_PAGE, ExecutiveArgsSchema
from cyberorigen.api.schemas import ErrorSchema
from cyberorigen.api.security import principal, require_role
from cyberorigen.appliance import appliance_of
from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.errors import NotFound
from cyberorigen.plugin_api.interfaces import Framework
from cyberorigen.reports.documents import (
    MEDIA_TYPES,
    Document,
    executive_summary_document,
    framework_report_document,
    statement_of_applicability_document,
)
from cyberorigen.services.audit import record_download

blp = Blueprint(
    "reports",
    __name__,
    url_prefix="/api/v1",
    description="Readable reports: printable HTML and PDF, and the ISO 27001 Statement of "
    "Applicability as XLSX. See docs/reports.md for what each shows.",
)

_PDF_MISSING = (
    "PDF rendering is not installed on this appliance (WeasyPrint and Pango): the detail says "
    "what to install; the HTML works meanwhile."
)
_PAGE = {"content_type": "text/html", "schema": HTML_PAGE}
_PDF = {"content_type": MEDIA_TYPES["pdf"], "schema": BINARY}
_XLSX = {"content_type": MEDIA_TYPES["xlsx"], "schema": BINARY}


def _catalogue() -> Catalogue:
    return appliance_of(current_app).catalogue


def _framework(catalogue: Catalogue, name: str) -> Framework:
    framework = catalogue.framework(name)
    if framework is None:
        raise NotFound("framework")
    return framework


def _send(document: Document) -> Response:
    disposition = "inline" if document.inline else "attachment"
    headers = {
        "Content-Disposition": f'{disposition}; filename="{document.filename}"',
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
    }
    if document.content_security_policy:
        headers["Content-Security-Policy"] = document.content_security_policy
    return Response(document.body, content_type=document.media_type, headers=headers)


def _recorded(org_id: int, report: str, fmt: str, framework_id: str | None = None, **details):
    record_download(
        "report.downloaded",
        org_id,
        {"report": report, "format": fmt, **details},
        object_type="framework" if framework_id else None,
        object_id=framework_id,
    )


def _framework_report(framework_id: str, fmt: str) -> Response:
    caller, catalogue = principal(), _catalogue()
    framework = _framework(catalogue, framework_id)
    document = framework_report_document(
        caller.organization_id, catalogue, framework, fmt, caller.user_id
    )
    _recorded(caller.organization_id, "framework", fmt, framework.id)
    return _send(document)


@blp.route("/frameworks/<string:framework_id>/report.html")
@require_role("viewer")
@blp.response(200, description="The framework report as a printable page.", **_PAGE)
def framework_report_html(framework_id):
    """The organization's report on a framework (id or alias) as a printable HTML page: the
    three figures explained, charts, each failing requirement with its reason, controls, open
    findings and evidence, the requirements that do not apply and why, and every requirement's
    status. The JSON of the same report is ``GET …/report``."""
    return _framework_report(framework_id, "html")


@blp.route("/frameworks/<string:framework_id>/report.pdf")
@require_role("viewer")
@blp.response(200, description="The framework report as an A4 PDF (attachment).", **_PDF)
@blp.alt_response(503, schema=ErrorSchema, description=_PDF_MISSING)
def framework_report_pdf(framework_id):
    """The same framework report as PDF (A4, numbered pages)."""
    return _framework_report(framework_id, "pdf")


def _executive(args, fmt: str) -> Response:
    caller = principal()
    names = [name for name in (args.get("frameworks") or "").split(",") if name.strip()]
    document = executive_summary_document(
        caller.organization_id, _catalogue(), names, fmt, caller.user_id
    )
    _recorded(caller.organization_id, "executive", fmt, frameworks=names)
    return _send(document)


@blp.route("/reports/executive.html")
@require_role("viewer")
@blp.arguments(ExecutiveArgsSchema, location="query")
@blp.response(200, description="The executive summary as a printable page.", **_PAGE)
def executive_summary_html(args):
    """An executive summary across frameworks (all installed, or those of ``frameworks``):
    each framework's headline figures, findings by severity over time and the top risks."""
    return _executive(args, "html")


@blp.route("/reports/executive.pdf")
@require_role("viewer")
@blp.arguments(ExecutiveArgsSchema, location="query")
@blp.response(200, description="The executive summary as an A4 PDF (attachment).", **_PDF)
@blp.alt_response(503, schema=ErrorSchema, description=_PDF_MISSING)
def executive_summary_pdf(args):
    """The same executive summary as PDF."""
    return _executive(args, "pdf")


def _statement(framework_id: str, fmt: str) -> Response:
    caller, catalogue = principal(), _catalogue()
    framework = _framework(catalogue, framework_id)
    document = statement_of_applicability_document(
        caller.organization_id, catalogue, framework, fmt, caller.user_id
    )
    _recorded(caller.organization_id, "statement-of-applicability", fmt, framework.id)
    return _send(document)


@blp.route("/frameworks/<string:framework_id>/statement-of-applicability.html")
@require_role("viewer")
@blp.response(200, description="The Statement of Applicability as a page.", **_PAGE)
def statement_of_applicability_html(framework_id):
    """The ISO 27001 Statement of Applicability as a printable page: every Annex A control,
    applicable or not with the recorded justification, its implementation status and its
    accepted, current evidence. ISO 27001 only: another framework answers 404."""
    return _statement(framework_id, "html")


@blp.route("/frameworks/<string:framework_id>/statement-of-applicability.pdf")
@require_role("viewer")
@blp.response(200, description="The Statement of Applicability as PDF (A4 landscape).", **_PDF)
@blp.alt_response(503, schema=ErrorSchema, description=_PDF_MISSING)
def statement_of_applicability_pdf(framework_id):
    """The ISO 27001 Statement of Applicability as PDF (A4 landscape). ISO 27001 only."""
    return _statement(framework_id, "pdf")


@blp.route("/frameworks/<string:framework_id>/statement-of-applicability.xlsx")
@require_role("viewer")
@blp.response(200, description="The Statement of Applicability as a workbook.", **_XLSX)
def statement_of_applicability_xlsx(framework_id):
    """The ISO 27001 Statement of Applicability as XLSX: a header row, one row per Annex A
    control, frozen panes, and an About sheet. ISO 27001 only."""
    return _statement(framework_id, "xlsx")
