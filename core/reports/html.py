"""The reports as HTML: Jinja templates (``templates/``) with autoescaping on everywhere, one
stylesheet inlined, charts inline SVG, and nothing to load. What a scanned host or an imported
file wrote (finding titles, targets, evidence titles, reasons) is text, never markup.

The page is served with a Content-Security-Policy that allows no script, no request of any
kind and only the inlined stylesheet, by its hash (:attr:`Html.content_security_policy`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from cyberorigen import __version__
from cyberorigen.reports import charts
from cyberorigen.reports.palette import badge_css, label
from cyberorigen.vocab import CONTROL_STATUSES, REQUIREMENT_STATUSES, SEVERITIES


@dataclass(frozen=True)
class Html:
    text: str
    #: The CSP source of the page's one inline stylesheet (``'sha256-…'``).
    style_source: str

    @property
    def content_security_policy(self) -> str:
        return (
            f"default-src 'none'; style-src {self.style_source}; img-src data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"
        )


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f} %"


def _moment(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M UTC")


def _day(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d")


@functools.cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("cyberorigen.reports", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(percent=_percent, moment=_moment, day=_day, label=label)
    environment.globals.update(version=__version__)
    return environment


@functools.cache
def stylesheet() -> str:
    """The reports' CSS: ``templates/report.css`` and the badge colours of the palette."""
    text = files("cyberorigen.reports").joinpath("templates/report.css").read_text("utf-8")
    return text + badge_css()


def _render(template: str, context: Mapping[str, Any]) -> Html:
    css = stylesheet()
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    # The stylesheet is the package's own file (no user text): inlined as it is.
    text = _environment().get_template(template).render(css=Markup(css), **context)  # noqa: S704
    return Html(text, f"'sha256-{digest}'")


def _framework_charts(
    document: Mapping[str, Any], prefix: str = "", compact: bool = False
) -> dict[str, Markup]:
    return {
        "sections_chart": charts.stacked_bars(
            [(item["label"], item["counts"]) for item in document["sections"]],
            REQUIREMENT_STATUSES,
            f"{prefix}Requirement status per section",
            compact,
        ),
        "controls_chart": charts.donut(
            document["control_statuses"],
            CONTROL_STATUSES,
            f"{prefix}Status of the mapped controls",
            "controls",
        ),
    }


def _weeks_chart(document: Mapping[str, Any]) -> Markup:
    return charts.stacked_columns(
        [(week.label, week.counts) for week in document["weeks"]],
        SEVERITIES,
        "Findings by severity, per week",
        "No finding was present in these weeks",
    )


def framework_html(document: Mapping[str, Any]) -> Html:
    framework = document["framework"]
    return _render(
        "framework_report.html",
        {
            **document,
            **_framework_charts(document),
            "weeks_chart": _weeks_chart(document),
            "title": f"{framework['display_name'] or framework['id']} compliance report",
        },
    )


def executive_html(document: Mapping[str, Any]) -> Html:
    pages = [
        {**page, **_framework_charts(page, f"{page['framework']['display_name']}: ", True)}
        for page in document["frameworks"]
    ]
    return _render(
        "executive_summary.html",
        {
            **document,
            "frameworks": pages,
            "weeks_chart": _weeks_chart(document),
            "title": "Executive security and compliance summary",
        },
    )


def soa_html(document: Mapping[str, Any]) -> Html:
    return _render(
        "statement_of_applicability.html",
        {**document, "title": "Statement of Applicability"},
    )
