"""The words and colours of the reports, spelled once for the charts (SVG) and the badges (CSS)."""

from __future__ import annotations

from cyberorigen.vocab import SEVERITIES

REQUIREMENT_LABELS = {
    "compliant": "Compliant",
    "partially_compliant": "Partially compliant",
    "non_compliant": "Non-compliant",
    "not_applicable": "Not applicable",
    "not_assessed": "Not assessed",
}
CONTROL_LABELS = {
    "implemented": "Implemented",
    "partially_implemented": "Partially implemented",
    "not_implemented": "Not implemented",
    "not_applicable": "Not applicable",
    "not_assessed": "Not assessed",
}
SEVERITY_LABELS = {severity: severity.capitalize() for severity in SEVERITIES}

#: One colour per word: green for done, amber for part done, red for failing, greys for
#: "does not apply" and "not known yet"; severities from dark red (critical) to blue (info).
COLORS = {
    "compliant": "#2e7d32",
    "partially_compliant": "#f2a900",
    "non_compliant": "#c62828",
    "not_applicable": "#cfd4d8",
    "not_assessed": "#7f8c97",
    "implemented": "#2e7d32",
    "partially_implemented": "#f2a900",
    "not_implemented": "#c62828",
    "critical": "#7b0d1e",
    "high": "#d32f2f",
    "medium": "#ef6c00",
    "low": "#f2c200",
    "info": "#4a7fb5",
}

#: Text on a badge of that colour: white unless the colour is light.
_DARK_TEXT = {"partially_compliant", "partially_implemented", "not_applicable", "low"}

LABELS = {**REQUIREMENT_LABELS, **CONTROL_LABELS, **SEVERITY_LABELS}


def label(word: str) -> str:
    return LABELS.get(word, word.replace("_", " ").capitalize())


def badge_css() -> str:
    """A ``.badge.<word>`` rule per word, in the colours the charts use."""
    rules = []
    for word, color in COLORS.items():
        text = "#1d2327" if word in _DARK_TEXT else "#ffffff"
        rules.append(f".badge.{word} {{ background: {color}; color: {text}; }}")
    return "\n".join(rules) + "\n"
