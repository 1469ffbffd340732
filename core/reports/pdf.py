"""The reports as PDF: their HTML printed by WeasyPrint (A4, page numbers and running headers
from the stylesheet's ``@page`` rules).

WeasyPrint is imported only when a PDF is asked for: it needs Pango (a system library) when
it is imported, and an appliance without Pango still serves every HTML report; the PDF then
answers :class:`PdfUnavailable` (503) saying what to install. The renderer fetches nothing:
every URL a document might name is refused (the reports embed all they show).
"""

from __future__ import annotations

import logging
from typing import Any

from cyberorigen.errors import Unavailable

log = logging.getLogger("cyberorigen.reports")

#: What an operator installs for PDF reports (Debian and Ubuntu package names).
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"


class PdfUnavailable(Unavailable):
    code = "PDF_UNAVAILABLE"

    def __init__(self) -> None:
        super().__init__(
            "PDF reports are not available on this appliance: WeasyPrint or the Pango library "
            f"it needs could not be loaded. Install them (Debian/Ubuntu: apt-get install "
            f"{SYSTEM_PACKAGES}; Python: pip install weasyprint) and restart the service. The "
            "HTML reports work meanwhile."
        )


def _weasyprint() -> Any:
    """The weasyprint module; :class:`PdfUnavailable` when it or Pango cannot be loaded."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: cffi could not open libpango
        log.error("PDF reports unavailable: %s: %s", type(exc).__name__, exc)
        raise PdfUnavailable() from exc
    return weasyprint


def ensure_available() -> None:
    """Raise :class:`PdfUnavailable` unless PDF reports can be made here."""
    _weasyprint()


def _fetcher(weasyprint: Any) -> Any:
    class RefuseEverything(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):  # noqa: ARG002 - WeasyPrint's signature
            raise ValueError(f"a report loads nothing, not {url[:80]!r}")

    return RefuseEverything()


def html_to_pdf(html: str) -> bytes:
    """``html`` (a report page, everything inline) as PDF."""
    weasyprint = _weasyprint()
    return weasyprint.HTML(string=html, url_fetcher=_fetcher(weasyprint)).write_pdf()
