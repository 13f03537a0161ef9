"""Argument maps, figures and the kind balance as reportlab vector Drawings for the PDFs.

Text is drawn with the document's ``FontSet`` (TrueType, embedded), run by run, so Chinese
and Latin each get a font that has their glyphs. Map boxes hold exactly the lines the
layout wrapped; every size is in points.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Polygon, PolyLine, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from .. import textfit
from ..looks import INK, KIND_LOOK, MUTED, PAPER
from ..present.argmap import BOLD_BODY, RELATIONS, ROUND_RADIUS, MapNode, MapPage
from ..present.balance import OPINION_BAR_FILL, Balance
from ..present.figures import SERIES_COLOURS, FigureData
from ..present.mapboxes import (
    BLANK_BADGE,
    MEMBER_COLOUR,
    RELATION_COLOURS,
    box_scale,
    heading_colour,
    node_colours,
)
from .fonts import FontSet

EDGE_LOOK = {   # colour, width, dash, filled head
    "supports": (RELATION_COLOURS["supports"], 1.2, None, True),
    "challenges": (RELATION_COLOURS["challenges"], 1.2, (4, 2.5), False),
    "member": (MEMBER_COLOUR, 0.7, None, None),
}
# Balance bars told apart in greyscale: dark, light, and white with a strong outline.
KIND_BARS = {"fact": (KIND_LOOK["fact"].colour, KIND_LOOK["fact"].colour),
             "opinion": (OPINION_BAR_FILL, KIND_LOOK["opinion"].colour),
             "prediction": (PAPER, KIND_LOOK["prediction"].colour)}


def _c(hex_value: str) -> colors.Color:
    return colors.HexColor("#" + hex_value)


def _drawing(width: float, height: float, fonts: FontSet) -> Drawing:
    """A Drawing whose initial font is ours: reportlab's default (Times-Roman) would be
    written into the PDF as an unembedded font even though no text uses it."""
    d = Drawing(width, height)
    d.initialFontName = fonts.regular
    return d


def text_group(fonts: FontSet, text: str, x: float, y: float, size: float, colour: str,
               bold: bool = False, anchor: str = "start") -> Group:
    """A line of text as Strings, one per font run; ``anchor`` start | middle | end."""
    width = fonts.string_width(text, size, bold)
    x -= {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    group = Group()
    for face, run in fonts.runs(text):
        name = face.bold if bold else face.name
        group.add(String(x, y, run, fontName=name, fontSize=size, fillColor=_c(colour)))
        x += pdfmetrics.stringWidth(run, name, size)
    return group


# ---------------------------------------------------------------- argument maps


def map_drawing(page: MapPage, fonts: FontSet) -> Drawing:
    """The map, cropped to its content with the key right below it."""
    page = _cropped(page)
    d = _drawing(page.width, page.height, fonts)
    flip = page.height
    for edge in page.edges:
        _edge(d, [(x, flip - y) for x, y in edge.points], edge.relation)
    for node in page.nodes:
        _node(d, node, page, fonts, flip)
    _key(d, page, fonts, flip)
    return d


def _cropped(page: MapPage) -> MapPage:
    bottom = max([n.y + n.height for n in page.nodes] +
                 [y for e in page.edges for _, y in e.points], default=0.0)
    if not page.legend:
        return replace(page, height=bottom + 2)
    key_top = min(i.y for i in page.legend)
    key_bottom = max(i.y + i.height for i in page.legend)
    shift = bottom + page.style.gap - key_top
    legend = tuple(replace(i, y=i.y + shift) for i in page.legend)
    return replace(page, legend=legend, height=key_bottom + shift + 2)


OUTLINE_WIDTH = {"thesis": 1.6, "strand": 0.9, "ref": 0.8, "claim": 1.0}   # points


def _node(d: Drawing, node: MapNode, page: MapPage, fonts: FontSet, flip: float) -> None:
    st = page.style
    look = KIND_LOOK.get(node.kind) if node.kind else None
    fill, stroke, ink = node_colours(node)
    width = OUTLINE_WIDTH[node.role]
    x, y, w, h = node.x, flip - node.y - node.height, node.width, node.height
    # The kind's border pattern (solid, dashed, dotted) survives a greyscale copy.
    dash = look.dash if look else None
    shape = look.shape if look else "rectangle"
    scale = box_scale(node, st)
    tip = st.arrow_tip * scale
    text_right = tip if shape == "arrow" else 0.0
    outline = _kind_shape(shape, x, y, w, h, min(h / 2, ROUND_RADIUS * scale), tip)
    outline.fillColor, outline.strokeColor, outline.strokeWidth = _c(fill), _c(stroke), width
    outline.strokeDashArray = dash
    outline.strokeLineCap = 1 if dash else 0
    d.add(outline)
    lines = [(t, node.heading_size, True, heading_colour(node)) for t in node.heading]
    lines += [(t, node.body_size, node.role in BOLD_BODY, ink) for t in node.body]
    lines += [(t, node.heading_size, True, MUTED) for t in node.footer]
    block = sum(size * st.leading for _, size, _, _ in lines)
    cx = x + (w - text_right) / 2
    top = y + h - (h - block) / 2
    for text, size, bold, colour in lines:
        pitch = size * st.leading
        # Baseline about 0.78 of the way down the line box, as fonts ascend.
        baseline = top - (pitch - size) / 2 - size * 0.86
        if text.endswith(BLANK_BADGE):
            _blank_badge(d, fonts, text, cx, baseline, size, colour)
        else:
            d.add(text_group(fonts, text, cx, baseline, size, colour, bold, "middle"))
        top -= pitch


def _blank_badge(d: Drawing, fonts: FontSet, text: str, cx: float, baseline: float,
                 size: float, colour: str) -> None:
    """"#12" and an empty box after it, where a student writes the kind."""
    number = text[: -len(BLANK_BADGE)].rstrip()
    whole = fonts.string_width(text, size, True)
    left = cx - whole / 2
    d.add(text_group(fonts, number, left, baseline, size, colour, True))
    box_left = left + fonts.string_width(number + " ", size, True)
    d.add(Rect(box_left, baseline - size * 0.3, left + whole - box_left, size * 1.25,
               fillColor=_c(PAPER), strokeColor=_c(INK), strokeWidth=0.7))


def _kind_shape(shape: str, x: float, y: float, w: float, h: float, radius: float, tip: float):
    """A box shaped as a kind's badge (``kinds.Look.shape``), bottom-left at (x, y)."""
    if shape == "rounded":
        return Rect(x, y, w, h, rx=radius, ry=radius)
    if shape == "arrow":
        return Polygon([x, y, x + w - tip, y, x + w, y + h / 2, x + w - tip, y + h, x, y + h])
    return Rect(x, y, w, h)


def _edge(d: Drawing, points, relation: str) -> None:
    colour, width, dash, filled = EDGE_LOOK[relation]
    flat = [v for p in points for v in p]
    line = PolyLine(flat, strokeColor=_c(colour), strokeWidth=width)
    if dash:
        line.strokeDashArray = dash
    if filled is None:
        d.add(line)
        return
    (x1, y1), (x2, y2) = points[-2], points[-1]
    length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1e-6)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    head, half = 6.0, 3.2
    bx, by = x2 - ux * head, y2 - uy * head
    wing = [bx - uy * half, by + ux * half, x2, y2, bx + uy * half, by - ux * half]
    # Stop the line at the head's base so a dashed line does not poke through it.
    flat[-2:] = [bx, by]
    line.points = flat
    d.add(line)
    if filled:
        d.add(Polygon(wing, fillColor=_c(colour), strokeColor=_c(colour), strokeWidth=0.5))
    else:
        d.add(PolyLine(wing, strokeColor=_c(colour), strokeWidth=width))


def _key(d: Drawing, page: MapPage, fonts: FontSet, flip: float) -> None:
    for item in page.legend:
        mid = flip - item.y - item.height / 2
        x = item.x
        if item.type in RELATIONS:
            _edge(d, [(x, mid), (x + item.sample_width, mid)], item.type)
        else:
            look = KIND_LOOK.get(item.type)
            h = item.height * 0.6
            box = _kind_shape(
                look.shape if look else "rectangle",
                x,
                mid - h / 2,
                item.sample_width,
                h,
                radius=h / 2,
                tip=4,
            )
            box.fillColor = _c(look.tint if look else PAPER)
            box.strokeColor = _c(look.colour if look else MUTED)
            box.strokeWidth = 0.9 if look else 0.6
            if look and look.dash:
                box.strokeDashArray = look.dash
                box.strokeLineCap = 1
            d.add(box)
        d.add(text_group(fonts, item.text, x + item.sample_width + 4, mid - item.size * 0.35,
                         item.size, INK))


# ---------------------------------------------------------------- charts


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
        d = _drawing(width, height, fonts)
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
        d = _drawing(width, height, fonts)
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
    chart.valueAxis.gridStrokeColor = _c("E0E0E0")
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
        colour = _c(SERIES_COLOURS[i % len(SERIES_COLOURS)])
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
        d.add(_legend(fonts, [(_c(SERIES_COLOURS[i % len(SERIES_COLOURS)]), None, name)
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
    d = _drawing(width, height, fonts)
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
    chart.valueAxis.gridStrokeColor = _c("E0E0E0")
    chart.barWidth = 14
    for i, (kind, _, _) in enumerate(balance.series):
        fill, stroke = KIND_BARS[kind]
        chart.bars[i].fillColor = _c(fill)
        chart.bars[i].strokeColor = _c(stroke)
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
    key = _legend(fonts, [(_c(KIND_BARS[k][0]), _c(KIND_BARS[k][1]), word)
                          for k, word, _ in balance.series], width)
    key.translate(0, height - 14)
    d.add(key)
    return d
