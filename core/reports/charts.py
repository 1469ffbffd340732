"""The reports' charts as inline SVG: horizontal stacked bars, a donut, weekly stacked columns.

Drawn here rather than with a chart library: three plain shapes are all the reports need, and
they must look the same in a browser and in WeasyPrint (whose SVG support is partial), with no
script, no external stylesheet and no ``style`` attribute (the HTML's Content-Security-Policy
allows none of them). Colours come from presentation attributes; every label is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

from cyberorigen.reports.palette import COLORS, label

FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
#: The width of one character at the charts' font size, near enough to lay out labels.
CHAR_WIDTH = 6.2
WIDTH = 640
TEXT = "#2b3137"
MUTED = "#6b7580"
GRID = "#e3e6e9"


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _text(
    x: float, y: float, content: str, anchor: str = "start", fill: str = TEXT, **more: str
) -> str:
    """A label; ``more`` are presentation attributes (``font_size`` -> ``font-size``)."""
    extra = "".join(f' {name.replace("_", "-")}="{value}"' for name, value in more.items())
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" fill="{fill}"{extra}>'
        f"{escape(content)}</text>"
    )


def _rect(x: float, y: float, width: float, height: float, color: str, tip: str = "") -> str:
    tooltip = f"<title>{escape(tip)}</title>" if tip else ""
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
        f'fill="{color}">{tooltip}</rect>'
    )


def _svg(width: float, height: float, title: str, body: Sequence[str]) -> Markup:
    # Safe: every part is built here from numbers, our colours and escape()d labels.
    return Markup(  # noqa: S704
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{_n(width)}" '
        f'height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" role="img" '
        f'aria-label="{escape(title)}" font-family="{FONT}" font-size="10">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _legend(keys: Sequence[str], y: float, width: float = WIDTH) -> tuple[list[str], float]:
    """A swatch and a label per key, in rows across ``width``; returns the elements and the
    height they take."""
    parts, x, row = [], 0.0, 0
    for key in keys:
        words = label(key)
        room = 16 + len(words) * CHAR_WIDTH + 14
        if x and x + room > width:
            x, row = 0.0, row + 1
        top = y + row * 16
        parts.append(_rect(x, top, 10, 10, COLORS[key]))
        parts.append(_text(x + 14, top + 9, words))
        x += room
    return parts, (row + 1) * 16


def stacked_bars(
    rows: Sequence[tuple[str, Mapping[str, int]]],
    keys: Sequence[str],
    title: str,
    compact: bool = False,
) -> Markup:
    """One horizontal bar per row (a label and its counts by key), the segments in ``keys``
    order, lengths to one scale (the longest row fills the width), the total at the end;
    ``compact`` rows are closer together."""
    label_width = 250.0
    row_height, bar_height = (16.0, 11.0) if compact else (20.0, 13.0)
    legend, top = _legend(keys, 0)
    top += 6
    longest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    room = WIDTH - label_width - 40
    body = list(legend)
    for index, (name, counts) in enumerate(rows):
        y = top + index * row_height
        middle = y + bar_height / 2 + 3.5
        body.append(_text(label_width - 8, middle, shorten(name, 40), "end"))
        x = label_width
        body.append(_rect(x, y, room, bar_height, "#f4f5f6"))
        for key in keys:
            count = counts.get(key, 0)
            if not count:
                continue
            width = count / longest * room
            body.append(_rect(x, y, width, bar_height, COLORS[key], f"{label(key)}: {count}"))
            x += width
        body.append(_text(x + 5, middle, str(sum(counts.values())), fill=MUTED))
    height = top + max(len(rows), 1) * row_height + 4
    return _svg(WIDTH, height, title, body)


def _arc(cx: float, cy: float, outer: float, inner: float, start: float, end: float) -> str:
    """The path of a ring segment from angle ``start`` to ``end`` (radians, clockwise from
    twelve o'clock)."""

    def point(radius: float, angle: float) -> str:
        return f"{_n(cx + radius * math.sin(angle))} {_n(cy - radius * math.cos(angle))}"

    large = 1 if end - start > math.pi else 0
    return (
        f"M {point(outer, start)} A {_n(outer)} {_n(outer)} 0 {large} 1 {point(outer, end)} "
        f"L {point(inner, end)} A {_n(inner)} {_n(inner)} 0 {large} 0 {point(inner, start)} Z"
    )


def donut(counts: Mapping[str, int], keys: Sequence[str], title: str, noun: str) -> Markup:
    """A ring of the counts by key, the total in its middle, a legend with counts and shares
    beside it."""
    cx = cy = 80.0
    outer, inner = 74.0, 46.0
    total = sum(counts.get(key, 0) for key in keys)
    body: list[str] = []
    if not total:
        body.append(
            f'<circle cx="80" cy="80" r="60" fill="none" stroke="{GRID}" stroke-width="28"/>'
        )
    angle = 0.0
    for key in keys:
        count = counts.get(key, 0)
        if not count:
            continue
        share = count / total
        tip = f"<title>{escape(label(key))}: {count}</title>"
        if share >= 0.9999:
            ring = (outer + inner) / 2
            body.append(
                f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(ring)}" fill="none" '
                f'stroke="{COLORS[key]}" stroke-width="{_n(outer - inner)}">{tip}</circle>'
            )
        else:
            end = angle + share * 2 * math.pi
            body.append(
                f'<path d="{_arc(cx, cy, outer, inner, angle, end)}" fill="{COLORS[key]}" '
                f'stroke="#ffffff" stroke-width="1">{tip}</path>'
            )
            angle = end
    body.append(_text(cx, cy + 2, str(total), "middle", font_size="22", font_weight="bold"))
    body.append(_text(cx, cy + 16, noun, "middle", fill=MUTED))
    for index, key in enumerate(keys):
        y = 22 + index * 22
        count = counts.get(key, 0)
        share = f"{count / total * 100:.0f} %" if total else "–"
        body.append(_rect(176, y - 9, 11, 11, COLORS[key]))
        body.append(_text(193, y, label(key)))
        body.append(_text(342, y, str(count), "end", font_weight="bold"))
        body.append(_text(382, y, share, "end", fill=MUTED))
    return _svg(384, 160, title, body)


def _ticks(largest: int) -> list[int]:
    """Round gridline values from 0 to at least ``largest``, at most six of them."""
    step = 1
    for exponent in range(0, 10):
        found = next(
            (f * 10**exponent for f in (1, 2, 5) if largest / (f * 10**exponent) <= 5), None
        )
        if found:
            step = found
            break
    return list(range(0, math.ceil(largest / step) * step + 1, step))


def stacked_columns(
    columns: Sequence[tuple[str, Mapping[str, int]]],
    keys: Sequence[str],
    title: str,
    empty: str,
) -> Markup:
    """One column per period (a label and its counts by key), stacked in ``keys`` order from
    the bottom, with horizontal gridlines; ``empty`` is said when every count is zero."""
    legend, top = _legend(keys, 0)
    top += 10
    left, bottom, height = 40.0, 24.0, 250.0
    plot_height = height - top - bottom
    largest = max((sum(counts.values()) for _, counts in columns), default=0)
    body = list(legend)
    ticks = _ticks(largest) if largest else [0]
    scale = plot_height / (ticks[-1] or 1)
    base = top + plot_height
    for tick in ticks:
        y = base - tick * scale
        body.append(
            f'<line x1="{_n(left)}" y1="{_n(y)}" x2="{WIDTH}" y2="{_n(y)}" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
        body.append(_text(left - 6, y + 3.5, str(tick), "end", fill=MUTED))
    slot = (WIDTH - left) / max(len(columns), 1)
    for index, (name, counts) in enumerate(columns):
        x = left + index * slot + slot * 0.2
        y = base
        for key in reversed(keys):  # the mildest at the bottom, the worst on top
            count = counts.get(key, 0)
            if not count:
                continue
            size = count * scale
            y -= size
            body.append(_rect(x, y, slot * 0.6, size, COLORS[key], f"{name}: {count} {label(key)}"))
        body.append(_text(x + slot * 0.3, base + 14, name, "middle", fill=MUTED))
    if not largest:
        body.append(
            _text(
                left + (WIDTH - left) / 2,
                top + plot_height / 2,
                empty,
                "middle",
                fill=MUTED,
                font_size="12",
            )
        )
    return _svg(WIDTH, height, title, body)
