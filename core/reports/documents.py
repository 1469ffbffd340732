"""Each report as a finished file: gathered, rendered in the format asked, named.

These functions take ids and the catalogue and return bytes, so the same call can later run
in a job (a long PDF) and its result be stored for download; the API calls them directly
today.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.errors import Invalid
from cyberorigen.plugin_api.interfaces import Framework
from cyberorigen.reports import pdf
from cyberorigen.reports.executive_data import chosen_frameworks, executive_document
from cyberorigen.reports.framework_data import framework_document
from cyberorigen.reports.html import Html, executive_html, framework_html, soa_html
from cyberorigen.reports.soa_data import NoStatement, is_iso27001, soa_document
from cyberorigen.reports.xlsx import soa_workbook

MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PAGE_FORMATS = ("html", "pdf")
SOA_FORMATS = ("html", "pdf", "xlsx")


@dataclass(frozen=True)
class Document:
    body: bytes
    media_type: str
    filename: str
    #: Shown in the browser (HTML) rather than downloaded.
    inline: bool = False
    content_security_policy: str | None = None


def slug(text: str) -> str:
    """``text`` as a file-name part: ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def filename(organization: str, what: str, moment: datetime, extension: str) -> str:
    """``acme-soc2-2017-report-2026-12-07.pdf``."""
    return f"{slug(organization) or 'organization'}-{what}-{moment:%Y-%m-%d}.{extension}"


def _check(fmt: str, allowed: Sequence[str]) -> None:
    if fmt not in allowed:
        raise Invalid("format", f"one of {', '.join(allowed)}")
    if fmt == "pdf":
        pdf.ensure_available()  # before the work of gathering, not after


def _page(page: Html, fmt: str, name: str) -> Document:
    if fmt == "pdf":
        return Document(pdf.html_to_pdf(page.text), MEDIA_TYPES["pdf"], f"{name}.pdf")
    return Document(
        page.text.encode("utf-8"),
        MEDIA_TYPES["html"],
        f"{name}.html",
        inline=True,
        content_security_policy=page.content_security_policy,
    )


def framework_report_document(
    org_id: int, catalogue: Catalogue, framework: Framework, fmt: str, user_id: int | None
) -> Document:
    _check(fmt, PAGE_FORMATS)
    document = framework_document(org_id, catalogue, framework, user_id)
    cover = document["cover"]
    name = filename(cover["organization"], f"{framework.id}-report", cover["generated_at"], fmt)
    return _page(framework_html(document), fmt, name.rsplit(".", 1)[0])


def executive_summary_document(
    org_id: int,
    catalogue: Catalogue,
    names: Sequence[str] | None,
    fmt: str,
    user_id: int | None,
) -> Document:
    """The executive summary of the frameworks ``names`` (ids or aliases), or of all."""
    _check(fmt, PAGE_FORMATS)
    frameworks = chosen_frameworks(catalogue, names)
    document = executive_document(org_id, catalogue, frameworks, user_id)
    cover = document["cover"]
    name = filename(cover["organization"], "executive-summary", cover["generated_at"], fmt)
    return _page(executive_html(document), fmt, name.rsplit(".", 1)[0])


def statement_of_applicability_document(
    org_id: int, catalogue: Catalogue, framework: Framework, fmt: str, user_id: int | None
) -> Document:
    """The ISO 27001 Statement of Applicability (:class:`NoStatement` for another framework)."""
    if not is_iso27001(framework):
        raise NoStatement(framework)
    _check(fmt, SOA_FORMATS)
    document = soa_document(org_id, catalogue, framework, user_id)
    cover = document["cover"]
    what = f"{framework.id}-statement-of-applicability"
    name = filename(cover["organization"], what, cover["generated_at"], fmt)
    if fmt == "xlsx":
        return Document(soa_workbook(document), MEDIA_TYPES["xlsx"], name)
    return _page(soa_html(document), fmt, name.rsplit(".", 1)[0])
