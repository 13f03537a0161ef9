"""Figures and the kind balance as native PowerPoint charts (data editable in PowerPoint),
each with its caption or question below it as a text box.

Every piece of chart text gets the deck's latin and east-asian typefaces and a language
tag; each chart's embedded workbook is the deck's own (``workbook``).
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.dml import MSO_PATTERN_TYPE
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Pt

from .. import textfit
from ..looks import INK, KIND_LOOK, MUTED, RULE
from ..present.balance import OPINION_BAR_FILL, Balance
from ..present.figures import SERIES_COLOURS, FigureData
from .geometry import emu
from .pptx_internals import axis_element, font_properties, qn
from .runs import DeckFonts, add_run, lang_tag, set_east_asian
from .workbook import ChartData

CHART_TYPES = {"column": XL_CHART_TYPE.COLUMN_CLUSTERED, "bar": XL_CHART_TYPE.BAR_CLUSTERED,
               "line": XL_CHART_TYPE.LINE_MARKERS}
# Balance fills, told apart in greyscale by lightness and hatching as well as hue.
# Prediction bars are hatched in the kind's light tint inside its dark outline, so the count
# written on them stays dark on light (the dark hatch it had gave 1.8:1 under the figures).
KIND_FILLS = {"fact": ("solid", KIND_LOOK["fact"].colour),
              "opinion": ("solid", OPINION_BAR_FILL),
              "prediction": ("hatch", KIND_LOOK["prediction"].tint)}
# Read from the back of a room: captions, legends and axis titles at 18 pt, axis and
# data labels at 14 pt at least (the slide title names the chart, so it has none).
TEXT = 18.0
AXIS = 16.0
LABEL = 16.0


def add_figure_chart(shapes, figure: FigureData, box, fonts: DeckFonts, lang: str):
    """The figure as a chart filling ``box`` (left, top, width, height in points) above
    its caption. Returns the chart's graphic frame."""
    categories, series, colours = drawn_order(figure)
    data = ChartData(number_format="General")
    data.categories = categories
    for name, values in series:
        data.add_series(name, values)
    chart_box, caption_box = _split(box, figure.caption)
    frame = shapes.add_chart(CHART_TYPES[figure.chart], *map(emu, chart_box), data)
    frame.name = f"Figure {figure.id}"
    chart = frame.chart
    _no_title(chart, fonts, lang)
    values = [v for _, vs in figure.series for v in vs if v is not None]
    _axes(chart, figure.unit, fonts, lang, reverse=False, from_zero=min(values, default=0) >= 0)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = "General"
    labels.number_format_is_linked = False
    labels.position = (
        XL_LABEL_POSITION.ABOVE if figure.chart == "line" else XL_LABEL_POSITION.OUTSIDE_END
    )
    _font(labels.font, fonts, lang, LABEL, INK)
    if figure.chart != "line":
        plot.gap_width = 80
    for series, colour in zip(plot.series, colours):
        colour = RGBColor.from_string(colour)
        if figure.chart == "line":
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(2.5)
            series.smooth = False
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = colour
    _legend(chart, len(figure.series) > 1, fonts, lang)
    _caption(shapes, caption_box, figure.caption, fonts, lang, f"Caption {figure.id}")
    positive_axis_ids(chart)
    return frame


def drawn_order(figure: FigureData):
    """The figure's categories, series and series colours in the order the chart's data
    holds them. A bar chart keeps its category axis in its natural orientation (the first
    category at the bottom) and holds categories and series last first, so the figure's
    first category and, in each category, its first series are drawn at the top.

    Reversing the axis instead would draw the same bars, but then the two programs list
    the legend differently: LibreOffice lists a bar chart's legend last series first
    whatever the axis's orientation, PowerPoint in the order the bars are drawn from the
    top. Only with the natural orientation do both read it in the figure's series order,
    which is the bars' order from the top."""
    colours = [SERIES_COLOURS[i % len(SERIES_COLOURS)] for i in range(len(figure.series))]
    series = [(name, list(values)) for name, values in figure.series]
    categories = list(figure.categories)
    if figure.chart != "bar":
        return categories, series, colours
    return (categories[::-1], [(name, values[::-1]) for name, values in series[::-1]],
            colours[::-1])


def add_balance_chart(shapes, balance: Balance, box, fonts: DeckFonts, lang: str):
    """Facts, opinions and predictions per strand as a stacked bar chart above the
    question for students. Series are named by the kinds' words."""
    data = ChartData(number_format="0")
    data.categories = list(balance.categories)
    for _, word, counts in balance.series:
        data.add_series(word, list(counts))
    chart_box, prompt_box = _split(box, balance.prompt)
    frame = shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, *map(emu, chart_box), data)
    frame.name = "Balance"
    chart = frame.chart
    _no_title(chart, fonts, lang)
    _axes(chart, balance.axis_title, fonts, lang, reverse=True)
    # Whole claims: ticks at whole numbers, about eight of them at most.
    most = max((sum(c) for c in zip(*(counts for _, _, counts in balance.series))), default=1)
    chart.value_axis.major_unit = max(1, -(-most // 8))
    chart.value_axis.tick_labels.number_format = "0"
    chart.value_axis.tick_labels.number_format_is_linked = False
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.overlap = 100
    for (kind, _, counts), series in zip(balance.series, plot.series):
        style, colour = KIND_FILLS[kind]
        fill = series.format.fill
        if style == "hatch":
            fill.patterned()
            fill.pattern = MSO_PATTERN_TYPE.WIDE_UPWARD_DIAGONAL
            fill.fore_color.rgb = RGBColor.from_string(colour)
            fill.back_color.rgb = RGBColor.from_string("FFFFFF")
        else:
            fill.solid()
            fill.fore_color.rgb = RGBColor.from_string(colour)
        series.format.line.color.rgb = RGBColor.from_string(KIND_LOOK[kind].colour)
        series.format.line.width = Pt(0.75)
        # Counts on the bars, except zeros, which would print on top of each other.
        for index, count in enumerate(counts):
            if count:
                label = series.points[index].data_label
                label.has_text_frame = False
                label.position = XL_LABEL_POSITION.CENTER
                label.show_value = True
                _font(
                    label.font, fonts, lang, LABEL, "FFFFFF" if kind == "fact" else INK, bold=True
                )
    _legend(chart, True, fonts, lang)
    _caption(shapes, prompt_box, balance.prompt, fonts, lang, "Balance question")
    positive_axis_ids(chart)
    return frame


def _split(box, text):
    """The chart's box and, below it, a box holding ``text`` in full."""
    left, top, width, height = box
    lines = textfit.line_count(text, width - 8, TEXT)
    text_h = lines * textfit.line_height(TEXT) + 8
    return (left, top, width, height - text_h - 6), (left, top + height - text_h, width, text_h)


def _caption(shapes, box, text, fonts, lang, name):
    left, top, width, height = box
    shape = shapes.add_textbox(*map(emu, box))
    shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = None
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = emu(4)
    frame.margin_top = frame.margin_bottom = emu(4)
    add_run(frame.paragraphs[0], text, fonts, lang, TEXT, colour=MUTED)


def _no_title(chart, fonts, lang):
    """No title inside the chart: the slide's title names it (said twice, it costs the
    plot room). The chart's default text style is set all the same."""
    chart.has_title = False
    _font(chart.font, fonts, lang, TEXT, INK)


def positive_axis_ids(chart) -> None:
    """python-pptx's chart templates number the axes with negative ids, which the Office
    Open XML schema (an unsigned int) refuses: renumber them 1, 2, … consistently."""
    space = axis_element(chart.value_axis).getroottree().getroot()
    ids: dict[str, str] = {}
    for tag in ("c:axId", "c:crossAx"):
        for element in space.iter(qn(tag)):
            old = element.get("val")
            if old not in ids:
                ids[old] = str(len(ids) + 1)
    for tag in ("c:axId", "c:crossAx"):
        for element in space.iter(qn(tag)):
            element.set("val", ids[element.get("val")])


def figure_description(figure: FigureData) -> str:
    """The chart's alternative text, from its data: "bar chart: 2024 170, 2025 200"."""
    parts = []
    for name, values in figure.series:
        points = ", ".join(f"{c} {_number(v)}" for c, v in zip(figure.categories, values)
                           if v is not None)
        parts.append(f"{name}: {points}" if len(figure.series) > 1 else points)
    unit = f" ({figure.unit})" if figure.unit else ""
    return f"{figure.title}{unit}. {figure.chart} chart: " + "; ".join(parts) + \
        f". {figure.caption}"


def balance_description(balance: Balance) -> str:
    """The balance chart's alternative text: each strand's counts per kind."""
    rows = []
    for i, category in enumerate(balance.categories):
        counts = ", ".join(f"{word} {values[i]}" for _, word, values in balance.series)
        rows.append(f"{category}: {counts}")
    return f"{balance.title}. stacked bar chart: " + "; ".join(rows) + f". {balance.prompt}"


def _number(value: float) -> str:
    return f"{value:g}"


def _axes(chart, value_title, fonts, lang, reverse, from_zero=True):
    categories, values = chart.category_axis, chart.value_axis
    _font(categories.tick_labels.font, fonts, lang, TEXT, INK)
    _font(values.tick_labels.font, fonts, lang, AXIS, MUTED)
    categories.format.line.color.rgb = RGBColor.from_string(RULE)
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = RGBColor.from_string("E0E0E0")
    values.format.line.fill.background()
    if from_zero:         # else PowerPoint picks a scale that shows the negative values
        values.minimum_scale = 0
    else:                 # and category names go below the lowest bar, not over the bars
        categories.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    if reverse:           # bar charts list the first category at the top, as read,
        categories.reverse_order = True       # with the value axis kept at the bottom:
        # it crosses the category axis at its last category (python-pptx has no setter
        # for the value axis's own crossing point).
        crosses = axis_element(values).find(qn("c:crosses"))
        if crosses is not None:
            crosses.set("val", "max")
    if value_title:
        values.has_title = True
        frame = values.axis_title.text_frame
        frame.text = ""
        if len(value_title.strip()) == 1:
            # a one-character unit (起, 元, %) turned on its side on a column chart's
            # upright axis reads as a stray mark: set it upright
            body = axis_element(values).find(f"{qn('c:title')}//{qn('a:bodyPr')}")
            body.set("rot", "0")
            body.set("vert", "horz")
        add_run(frame.paragraphs[0], value_title, fonts, lang, TEXT, colour=MUTED)


def _legend(chart, show, fonts, lang):
    chart.has_legend = show
    if show:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        _font(chart.legend.font, fonts, lang, TEXT, INK)


def _font(font, fonts: DeckFonts, lang: str, size, colour, bold=False):
    """Chart text properties (``a:defRPr``): size, colour and both typefaces."""
    rpr = font_properties(font)
    if not len(rpr) and not rpr.attrib:
        # a new text style (every one a chart of the deck has): what the setters below
        # write, set directly rather than through python-pptx's fill and colour objects
        rpr.set("sz", str(Pt(size).centipoints))
        rpr.set("b", "1" if bold else "0")
        fill = rpr.makeelement(qn("a:solidFill"), {})
        fill.append(fill.makeelement(qn("a:srgbClr"), {"val": str(RGBColor.from_string(colour))}))
        rpr.append(fill)
        rpr.append(rpr.makeelement(qn("a:latin"), {"typeface": fonts.latin}))
        rpr.append(rpr.makeelement(qn("a:ea"), {"typeface": fonts.east_asian}))
        rpr.set("lang", lang_tag(lang))
        return
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = RGBColor.from_string(colour)
    font.name = fonts.latin
    rpr = font_properties(font)
    set_east_asian(rpr, fonts.east_asian)
    rpr.set("lang", lang_tag(lang))
