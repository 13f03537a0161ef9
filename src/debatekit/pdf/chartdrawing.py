"""Figures (column, bar and line charts) and the kind balance as reportlab vector
Drawings for the PDFs; the titles and captions are left to the surrounding paragraphs."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Rect
from reportlab.graphics.widgets.markers import makeMarker

from .. import textfit
from ..looks import INK, KIND_LOOK, MUTED, PAPER
from ..present.balance import OPINION_BAR_FILL, Balance
from ..present.figures import SERIES_COLOURS, FigureData
from .drawings import new_drawing, text_group
from .fonts import FontSet
from .styles import hex_colour

# Balance bars told apart in greyscale: dark, light, and white with a strong outline.
KIND_BARS = {"fact": (KIND_LOOK["fact"].colour, KIND_LOOK["fact"].colour),
             "opinion": (OPINION_BAR_FILL, KIND_LOOK["opinion"].colour),
             "prediction": (PAPER, KIND_LOOK["prediction"].colour)}


def _label_font(fonts: FontSet, texts) -> str:
    return fonts.lead_for("".join(texts)).name


LABEL_SIZE = 8.0
LABEL_LEADING = 9.6        # reportlab's default leading for an 8-point chart label
BAR_LABEL_LINES = 4        # beside a bar, a label longer than this ends in "…"


def wrapped_label(text: str, width: float, max_lines: int | None = None) -> str:
    """A chart label broken into lines no wider than ``width`` (reportlab draws each
    ``\n`` line); past ``max_lines`` it ends with "…" (the full text is in the outline's
    other places: summaries, worksheet, slides)."""
    lines = [
        text[line.start : line.end].strip()
        for line in textfit.wrap(text, max(width, 8.0), LABEL_SIZE)
    ]
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and textfit.text_width(last + "…", LABEL_SIZE) > width:
            last = last[:-1]
        lines[-1] = last.rstrip(" ,;:，、；：") + "…"
    return "\n".join(lines or [""])


def _label_column(fonts: FontSet, labels, width: float) -> float:
    """Width for labels beside bars: the widest on one line (as the wrapping measures
    it, so a label that fits is not broken), at most 42% of the drawing."""
    widest = (
        max(
            [
                max(
                    fonts.string_width(c, LABEL_SIZE),
                    textfit.text_width(c, LABEL_SIZE) / textfit.SAFETY,
                )
                for c in labels
            ]
            + [32.0]
        )
        + 1.0
    )   # + 1: rounding must not break a line
    return min(width * 0.42, widest + 8)


def _line_count(label: str) -> int:
    return label.count("\n") + 1


def figure_drawing(
    figure: FigureData, fonts: FontSet, width: float, height: float = 200.0
) -> Drawing:
    """The figure as a column, bar or line chart with its unit; the title and caption
    are left to the surrounding paragraphs, which wrap."""
    values = [v for _, vs in figure.series for v in vs if v is not None]
    top, bottom = max(values + [0.0]), min(values + [0.0])
    legend_h = 16.0 if len(figure.series) > 1 else 0.0
    font = _label_font(fonts, list(figure.categories) + [figure.unit or ""])
    if figure.chart == "line":
        chart = HorizontalLineChart()
    elif figure.chart == "bar":
        chart = HorizontalBarChart()
    else:
        chart = VerticalBarChart()
    n = max(len(figure.categories), 1)
    if figure.chart == "bar":
        # Labels left of the bars, wrapped within a column of their own; rows grow to
        # hold them rather than letting labels run off the page.
        label_w = _label_column(fonts, figure.categories, width)
        names = [wrapped_label(c, label_w - 8, BAR_LABEL_LINES) for c in figure.categories]
        plot_h = max(height - 40 - legend_h, n * (max(map(_line_count, names)) * LABEL_LEADING + 6))
        height = plot_h + 40 + legend_h
        d = new_drawing(width, height, fonts)
        chart.x, chart.y = label_w, 24 + legend_h
        chart.categoryAxis.labels.textAnchor = "end"
        chart.categoryAxis.labels.dx = -6
        chart.width, chart.height = width - label_w - 16, plot_h
    else:
        # Labels under their column, wrapped to its width; the drawing grows downwards.
        plot_w = width - 64
        names = [wrapped_label(c, plot_w / n - 6) for c in figure.categories]
        extra = (max(map(_line_count, names), default=1) - 1) * LABEL_LEADING
        height += extra
        d = new_drawing(width, height, fonts)
        chart.x, chart.y = 48, 24 + legend_h + extra
        chart.width, chart.height = plot_w, height - 40 - legend_h - extra
    chart.data = [tuple(v if v is not None else None for v in vs) for _, vs in figure.series]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    if figure.chart == "bar":
        chart.categoryAxis.reverseDirection = 1
    chart.valueAxis.valueMin = bottom * 1.15
    chart.valueAxis.valueMax = top * 1.15 if top > 0 else (0 if bottom < 0 else 1)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = hex_colour("E0E0E0")
    if figure.chart == "line":
        chart.lineLabelFormat = _value_label
        chart.lineLabels.fontName = font
        chart.lineLabels.fontSize = 7.5
        chart.lineLabels.dy = 6
    else:
        chart.barLabelFormat = _value_label
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = 7.5
        chart.barLabels.nudge = 6
    for i in range(len(figure.series)):
        colour = hex_colour(SERIES_COLOURS[i % len(SERIES_COLOURS)])
        if figure.chart == "line":
            chart.lines[i].strokeColor = colour
            chart.lines[i].strokeWidth = 2
            # A marker, so a series with a single value still shows it.
            chart.lines[i].symbol = makeMarker("FilledCircle", size=5, fillColor=colour,
                                               strokeColor=colour)
        else:
            chart.bars[i].fillColor = colour
            chart.bars[i].strokeColor = colour
    d.add(chart)
    if figure.unit:
        d.add(text_group(fonts, figure.unit, 4, height - 10, 7.5, MUTED))
    if legend_h:
        d.add(_legend(fonts, [(hex_colour(SERIES_COLOURS[i % len(SERIES_COLOURS)]), None, name)
                              for i, (name, _) in enumerate(figure.series)], width))
    return d


def _value_label(value) -> str:
    """A data label; a category a series has no value for gets none."""
    return "" if value is None else f"{value:g}"


def _legend(fonts: FontSet, entries, width: float) -> Group:
    """Swatches and names on one line at the bottom, drawn with our font runs."""
    group = Group()
    x = 48.0
    for fill, stroke, name in entries:
        group.add(Rect(x, 3, 9, 7, fillColor=fill, strokeColor=stroke or fill, strokeWidth=1))
        group.add(text_group(fonts, name, x + 12, 4, 8, INK))
        x += 12 + fonts.string_width(name, 8) + 14
    return group


def balance_drawing(balance: Balance, fonts: FontSet, width: float) -> Drawing:
    """Stacked bars per strand, counts on the bars, a key naming the kinds."""
    rows = len(balance.categories)
    font = _label_font(fonts, balance.categories)
    label_w = _label_column(fonts, balance.categories, width)
    height = 40 + rows * 22 + 16
    d = new_drawing(width, height, fonts)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 36
    chart.width, chart.height = width - label_w - 12, rows * 22
    chart.data = [tuple(counts) for _, _, counts in balance.series]
    chart.categoryAxis.style = "stacked"
    # two lines fit a 22-point row; longer strand titles are whole in the summary
    chart.categoryAxis.categoryNames = [
        wrapped_label(c, label_w - 8, 2) for c in balance.categories
    ]
    chart.categoryAxis.labels.textAnchor = "end"      # wrapped lines flush against the axis
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    total = max((sum(c) for c in zip(*chart.data)), default=1)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(total, 1)
    chart.valueAxis.valueStep = max(1, round(total / 8))
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = hex_colour("E0E0E0")
    chart.barWidth = 14
    for i, (kind, _, _) in enumerate(balance.series):
        fill, stroke = KIND_BARS[kind]
        chart.bars[i].fillColor = hex_colour(fill)
        chart.bars[i].strokeColor = hex_colour(stroke)
        chart.bars[i].strokeWidth = 1.2
    d.add(chart)
    # Counts on the bars (zeros left out), in a colour that reads on the fill.
    for r in range(rows):
        x = chart.x
        y = chart.y + chart.height - (r + 0.5) * chart.height / rows
        for kind, _, counts in balance.series:
            w = counts[r] * chart.width / chart.valueAxis.valueMax
            if counts[r]:
                ink = "FFFFFF" if kind == "fact" else INK
                d.add(text_group(fonts, str(counts[r]), x + w / 2, y - 3, 8, ink, True, "middle"))
            x += w
    d.add(text_group(fonts, balance.axis_title, chart.x + chart.width / 2, 14, 7.5, MUTED,
                     anchor="middle"))
    key = _legend(fonts, [(hex_colour(KIND_BARS[k][0]), hex_colour(KIND_BARS[k][1]), word)
                          for k, word, _ in balance.series], width)
    key.translate(0, height - 14)
    d.add(key)
    return d
