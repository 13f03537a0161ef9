"""The outline's figures and the kind balance as inline SVG charts.

Drawn from ``present.figures.FigureData`` and ``present.balance.Balance``, the data the
deck's and the handout's charts are made of. Series differ by fill pattern or line dash
and marker as well as by colour; every bar carries its value as text. Each chart gets a
text alternative generated from the same data (``present.descriptions``).
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

from .. import textfit
from ..looks import INK, KIND_LOOK, MUTED, PAPER
from ..present.balance import OPINION_BAR_FILL, Balance
from ..present.descriptions import number
from ..present.figures import SERIES_COLOURS, FigureData
from .svgmaps import _n

WIDTH = 640.0
SIZE = 12.0  # labels
SMALL = 11.0  # axis numbers, unit
LINE = SIZE * 1.3
GRID = "D9D9D9"
DASHES = (None, "7 4", "2 3", "9 3 2 3")
MARKERS = ("circle", "square", "diamond", "triangle")
# Balance bars differ in lightness and outline (dark, light, white) and carry the kind's
# symbol beside each count, so a greyscale print and a colour-blind reader tell them apart.
KIND_BARS = {
    "fact": (KIND_LOOK["fact"].colour, KIND_LOOK["fact"].colour, PAPER),
    "opinion": (OPINION_BAR_FILL, KIND_LOOK["opinion"].colour, INK),
    "prediction": (PAPER, KIND_LOOK["prediction"].colour, INK),
}


def _wrap(text: str, width: float, size: float = SIZE) -> list[str]:
    return [
        text[ln.start : ln.end].strip() for ln in textfit.wrap(text, max(width, 20.0), size)
    ] or [""]


def _rect(x: float, y: float, w: float, h: float, attrs: str) -> str:
    return f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" {attrs}/>'


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 1) -> str:
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="#{colour}" stroke-width="{_n(width)}"/>'
    )


def _text(
    text: str,
    x: float,
    y: float,
    size: float = SIZE,
    colour: str = INK,
    anchor: str = "middle",
    bold: bool = False,
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" fill="#{colour}" '
        f'text-anchor="{anchor}"{weight}>{escape(text)}</text>'
    )


def _lines(
    lines: list[str], x: float, y: float, anchor: str = "middle", size: float = SIZE
) -> list[str]:
    return [_text(t, x, y + i * size * 1.3, size, INK, anchor) for i, t in enumerate(lines)]


def _ticks(low: float, high: float) -> list[float]:
    span = high - low or abs(high) or 1.0
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _open(svg_id: str, height: float, title: str, description: str, css: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css}" role="img" id="{svg_id}" '
        f'viewBox="0 0 {_n(WIDTH)} {_n(height)}" width="{_n(WIDTH)}" height="{_n(height)}" '
        f'aria-labelledby="{svg_id}-t {svg_id}-d">',
        f'<title id="{svg_id}-t">{escape(title)}</title>',
        f'<desc id="{svg_id}-d">{escape(description)}</desc>',
    ]


def _patterns(svg_id: str, count: int) -> list[str]:
    """Hatched fills for every series after the first: a series is never told by colour alone."""
    out = ["<defs>"]
    for i in range(1, count):
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        out.append(
            f'<pattern id="{svg_id}-p{i}" patternUnits="userSpaceOnUse" width="6" height="6" '
            f'patternTransform="rotate({45 if i % 2 else -45})">'
            f'<rect width="6" height="6" fill="#{PAPER}"/>'
            f'<rect width="{3 if i < 3 else 4}" height="6" fill="#{colour}"/></pattern>'
        )
    out.append("</defs>")
    return out


def _fill(svg_id: str, i: int) -> str:
    colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
    fill = f"#{colour}" if i == 0 else f"url(#{svg_id}-p{i})"
    return f'fill="{fill}" stroke="#{colour}" stroke-width="1.2"'


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    r = 4.5
    if shape == "square":
        return _rect(x - r, y - r, 2 * r, 2 * r, f'fill="#{colour}"')
    if shape == "diamond":
        pts = [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)]
    elif shape == "triangle":
        pts = [(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)]
    else:
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="#{colour}"/>'
    return f'<polygon points="{" ".join(f"{_n(a)},{_n(b)}" for a, b in pts)}" fill="#{colour}"/>'


def _legend(svg_id: str, figure: FigureData, y: float) -> list[str]:
    out, x = [], 56.0
    for i, (name, _) in enumerate(figure.series):
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        if figure.chart == "line":
            dash = DASHES[i % len(DASHES)]
            out.append(
                f'<line x1="{_n(x)}" y1="{_n(y - 4)}" x2="{_n(x + 22)}" y2="{_n(y - 4)}" '
                f'stroke="#{colour}" stroke-width="2"'
                + (f' stroke-dasharray="{dash}"' if dash else "")
                + "/>"
            )
            out.append(_marker(MARKERS[i % len(MARKERS)], x + 11, y - 4, colour))
        else:
            out.append(
                f'<rect x="{_n(x)}" y="{_n(y - 11)}" width="22" height="12" {_fill(svg_id, i)}/>'
            )
        out.append(_text(name, x + 28, y, SIZE, INK, "start"))
        x += 28 + textfit.text_width(name, SIZE) + 24
    return out


def figure_svg(figure: FigureData, svg_id: str, description: str) -> Markup:
    values = [v for _, vs in figure.series for v in vs if v is not None]
    ticks = _ticks(min(values + [0.0]), max(values + [0.0]))
    low, high = ticks[0], ticks[-1]
    legend_h = 2 * LINE if len(figure.series) > 1 else 0.0
    n = max(len(figure.categories), 1)
    top = 24.0 + (LINE if figure.unit else 0.0)
    if figure.chart == "bar":
        return _bar_chart(figure, svg_id, description, ticks, top, legend_h)
    left, right = 60.0, WIDTH - 16
    slot = (right - left) / n
    labels = [_wrap(c, slot - 6) for c in figure.categories]
    label_h = max(map(len, labels), default=1) * LINE
    plot_h = 220.0
    height = top + plot_h + 8 + label_h + legend_h + 6
    bottom = top + plot_h

    def y_of(v: float) -> float:
        return bottom - (v - low) / ((high - low) or 1) * plot_h

    out = _open(svg_id, height, figure.title, description, "chart")
    out += _patterns(svg_id, len(figure.series))
    if figure.unit:
        out.append(_text(figure.unit, 4, 16, SMALL, MUTED, "start"))
    for t in ticks:
        out.append(
            f'<line x1="{_n(left)}" y1="{_n(y_of(t))}" x2="{_n(right)}" y2="{_n(y_of(t))}" '
            f'stroke="#{GRID}" stroke-width="1"/>'
        )
        out.append(_text(number(t), left - 6, y_of(t) + 4, SMALL, MUTED, "end"))
    zero = y_of(max(low, min(0.0, high)))
    out.append(_line(left, zero, right, zero, INK))
    k = len(figure.series)
    if figure.chart == "line":
        for i, (_, vs) in enumerate(figure.series):
            colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            pts = [(left + slot * (j + 0.5), y_of(v)) for j, v in enumerate(vs) if v is not None]
            dash = DASHES[i % len(DASHES)]
            out.append(
                f'<polyline points="{" ".join(f"{_n(a)},{_n(b)}" for a, b in pts)}" fill="none" '
                f'stroke="#{colour}" stroke-width="2.5"'
                + (f' stroke-dasharray="{dash}"' if dash else "")
                + "/>"
            )
            for (x, y), v in zip(pts, [v for v in vs if v is not None]):
                out.append(_marker(MARKERS[i % len(MARKERS)], x, y, colour))
                out.append(_text(number(v), x, y - 9, SMALL, INK))
    else:
        bar = slot * 0.7 / k
        for i, (_, vs) in enumerate(figure.series):
            for j, v in enumerate(vs):
                if v is None:
                    continue
                x = left + slot * j + slot * 0.15 + bar * i
                y1, y2 = sorted((y_of(v), zero))
                out.append(_rect(x, y1, bar, max(y2 - y1, 0.5), _fill(svg_id, i)))
                out.append(
                    _text(number(v), x + bar / 2, y1 - 5 if v >= 0 else y2 + SMALL + 2, SMALL)
                )
    for j, lines in enumerate(labels):
        out += _lines(lines, left + slot * (j + 0.5), bottom + 8 + SIZE)
    if legend_h:
        out += _legend(svg_id, figure, height - LINE * 0.6)
    out.append("</svg>")
    return Markup("\n".join(out))


def _bar_chart(
    figure: FigureData, svg_id: str, description: str, ticks, top: float, legend_h: float
) -> Markup:
    low, high = ticks[0], ticks[-1]
    label_w = min(220.0, max(textfit.text_width(c, SIZE) for c in figure.categories) + 12)
    labels = [_wrap(c, label_w - 10) for c in figure.categories]
    k = len(figure.series)
    rows = [max(len(lines) * LINE, k * 18.0) + 12 for lines in labels]
    left, right = label_w, WIDTH - 40
    plot_h = sum(rows)
    height = top + plot_h + 8 + LINE + legend_h + 6

    def x_of(v: float) -> float:
        return left + (v - low) / ((high - low) or 1) * (right - left)

    out = _open(svg_id, height, figure.title, description, "chart")
    out += _patterns(svg_id, k)
    if figure.unit:
        out.append(_text(figure.unit, 4, 16, SMALL, MUTED, "start"))
    bottom = top + plot_h
    for t in ticks:
        out.append(_line(x_of(t), top, x_of(t), bottom, GRID))
        out.append(_text(number(t), x_of(t), bottom + 8 + SMALL, SMALL, MUTED))
    zero = x_of(max(low, min(0.0, high)))
    out.append(_line(zero, top, zero, bottom, INK))
    y = top
    for j, (lines, row) in enumerate(zip(labels, rows)):
        out += _lines(lines, left - 8, y + (row - len(lines) * LINE) / 2 + SIZE, "end")
        bar = (row - 12) / k
        for i, (_, vs) in enumerate(figure.series):
            v = vs[j]
            if v is None:
                continue
            x1, x2 = sorted((x_of(v), zero))
            by = y + 6 + bar * i
            out.append(_rect(x1, by, max(x2 - x1, 0.5), bar - 2, _fill(svg_id, i)))
            out.append(
                _text(
                    number(v),
                    x2 + 4 if v >= 0 else x1 - 4,
                    by + bar / 2 + 3,
                    SMALL,
                    INK,
                    "start" if v >= 0 else "end",
                )
            )
        y += row
    if legend_h:
        out += _legend(svg_id, figure, height - LINE * 0.6)
    out.append("</svg>")
    return Markup("\n".join(out))


def balance_svg(balance: Balance, svg_id: str, description: str, symbols: dict[str, str]) -> Markup:
    """Stacked bars per strand; each count beside its kind's symbol; a key naming the kinds."""
    label_w = min(
        230.0, max([textfit.text_width(c, SIZE) for c in balance.categories] + [40.0]) + 12
    )
    labels = [_wrap(c, label_w - 10) for c in balance.categories]
    rows = [max(len(lines) * LINE, 22.0) + 10 for lines in labels]
    top, left, right = 8.0, label_w, WIDTH - 16
    totals = [sum(values[i] for _, _, values in balance.series) for i in range(len(labels))]
    most = max(totals + [1])
    plot_h = sum(rows)
    height = top + plot_h + 8 + LINE * 2 + 2 * LINE
    out = _open(svg_id, height, balance.title, description, "chart")
    y = top
    scale = (right - left) / most
    for i, (lines, row) in enumerate(zip(labels, rows)):
        out += _lines(lines, left - 8, y + (row - len(lines) * LINE) / 2 + SIZE, "end")
        x = left
        for kind, _, values in balance.series:
            count = values[i]
            if not count:
                continue
            fill, stroke, ink = KIND_BARS[kind]
            w = count * scale
            out.append(
                f'<rect x="{_n(x)}" y="{_n(y + 5)}" width="{_n(w)}" height="{_n(row - 10)}" '
                f'fill="#{fill}" stroke="#{stroke}" stroke-width="1.5"/>'
            )
            out.append(
                _text(f"{symbols[kind]} {count}", x + w / 2, y + row / 2 + 4, SMALL, ink, bold=True)
            )
            x += w
        y += row
    bottom = top + plot_h
    out.append(_line(left, top, left, bottom, INK))
    out.append(_text(balance.axis_title, (left + right) / 2, bottom + 8 + SMALL, SMALL, MUTED))
    x, ky = left, height - LINE * 0.8
    for kind, word, _ in balance.series:
        fill, stroke, _ = KIND_BARS[kind]
        out.append(
            _rect(x, ky - 11, 18, 12, f'fill="#{fill}" stroke="#{stroke}" stroke-width="1.5"')
        )
        text = f"{symbols[kind]} {word}"
        out.append(_text(text, x + 24, ky, SIZE, INK, "start"))
        x += 24 + textfit.text_width(text, SIZE) + 24
    out.append("</svg>")
    return Markup("\n".join(out))
