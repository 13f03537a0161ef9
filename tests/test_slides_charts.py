"""The deck's figure charts read back: a bar chart's legend lists the series in the order
its bars are drawn from the top, in the chart's XML and as LibreOffice draws it."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from pptx import Presentation
from pptx.util import Inches

from debatekit.present.figures import FigureData
from debatekit.slides import charts
from debatekit.slides.runs import DeckFonts

from support import needs

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
FONTS = DeckFonts("Calibri", "Microsoft YaHei", "zh")
# Two surveys, values all different, so each drawn number names its bar.
SURVEYS = FigureData(
    "car-share", "How customers reach the old town", "per cent", "bar",
    ("by car", "on foot", "by bus"),
    (("traders' survey", (52.0, None, None)), ("city survey", (23.0, 41.0, 17.0))),
    "As stated in the article.", ())


def one_chart(figure: FigureData) -> Presentation:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    charts.add_figure_chart(slide.shapes, figure, (40, 40, 880, 460), FONTS, "en")
    return prs


def drawn_from_top(chart) -> tuple[list[str], list[str]]:
    """(categories, series names) in the order the bars are drawn from the top of the
    plot, by the chart's own settings: a bar chart's first category and first series sit
    at the category axis's start, the bottom, unless the axis runs from its maximum."""
    axis = chart._chartSpace.find(f".//{C}catAx")
    from_max = axis.find(f"{C}scaling/{C}orientation").get("val") == "maxMin"
    categories = list(chart.plots[0].categories)
    series = [s.name for s in chart.plots[0].series]
    return (categories, series) if from_max else (categories[::-1], series[::-1])


def test_a_bar_chart_draws_categories_and_series_in_the_figures_order_from_the_top():
    chart = one_chart(SURVEYS).slides[0].shapes[0].chart
    assert chart._chartSpace.find(f".//{C}barDir").get("val") == "bar"
    assert drawn_from_top(chart) == (["by car", "on foot", "by bus"],
                                     ["traders' survey", "city survey"])
    # the numbers stay with their bars: the chart's data is the figure's, reordered
    by_name = {s.name: list(s.values) for s in chart.plots[0].series}
    assert by_name == {"traders' survey": [None, None, 52.0], "city survey": [17.0, 41.0, 23.0]}
    # LibreOffice lists a bar chart's legend last series first whatever the axis
    # orientation, PowerPoint in the bars' order from the top: the two agree only when
    # the axis runs from its minimum, and then list the figure's series in order
    axis = chart._chartSpace.find(f".//{C}catAx")
    assert axis.find(f"{C}scaling/{C}orientation").get("val") == "minMax"
    legend_as_libreoffice_lists_it = [s.name for s in chart.plots[0].series][::-1]
    assert legend_as_libreoffice_lists_it == ["traders' survey", "city survey"]
    assert chart.has_legend and chart._chartSpace.find(f".//{C}legendPos").get("val") == "b"
    # the series keep their colours: the figure's first series has the first colour
    fills = [s.format.fill.fore_color.rgb for s in chart.plots[0].series]
    assert [str(f) for f in fills] == ["8C8C8C", "1F4E79"]
    # the value axis stays below the bars
    assert chart._chartSpace.find(f".//{C}valAx/{C}axPos").get("val") == "b"


def test_column_and_line_charts_keep_the_figures_order():
    for kind in ("column", "line"):
        figure = FigureData(SURVEYS.id, SURVEYS.title, SURVEYS.unit, kind, SURVEYS.categories,
                            SURVEYS.series, SURVEYS.caption, ())
        chart = one_chart(figure).slides[0].shapes[0].chart
        assert list(chart.plots[0].categories) == ["by car", "on foot", "by bus"]
        assert [s.name for s in chart.plots[0].series] == ["traders' survey", "city survey"]


def test_a_one_character_unit_stands_upright_on_the_axis():
    """起 on a column chart's upright value axis is set level, not turned on its side; a
    longer unit keeps the axis's own direction."""
    for unit, level in (("起", True), ("accidents", False)):
        figure = FigureData("f", "Accidents", unit, "column", ("2023", "2024"),
                            (("red lights", (310.0, 402.0)),), "As stated.", ())
        chart = one_chart(figure).slides[0].shapes[0].chart
        body = chart._chartSpace.find(f".//{C}valAx/{C}title/{C}tx/{C}rich/{A}bodyPr")
        assert chart.value_axis.axis_title.text_frame.text == unit
        assert (body.get("rot"), body.get("vert")) == (("0", "horz") if level else (None, None))


@pytest.mark.slow
@needs("soffice", "pdftotext")
def test_libreoffice_draws_the_legend_in_the_bars_order(tmp_path):
    """The drawn numbers 52 (traders) above 23 (city) in the first category, and in the
    legend below the plot the traders' entry left of the city's."""
    deck = tmp_path / "chart.pptx"
    one_chart(SURVEYS).save(deck)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
                   check=True, capture_output=True, timeout=300)
    xml = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "chart.pdf"), "-"], check=True,
                         capture_output=True, timeout=60).stdout.decode("utf-8")
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    words = [(w.text, float(w.get("xMin")), float(w.get("yMin")))
             for w in root.iter("{http://www.w3.org/1999/xhtml}word")]
    where = {}
    for text, x, y in words:
        where.setdefault(text, []).append((x, y))
    assert where["52"][0][1] < where["23"][0][1] < where["41"][0][1] < where["17"][0][1]
    # the legend: "traders'" and "city" each drawn once, on one line below the bars
    (traders,), (city,) = where["traders'"], where["city"]
    assert abs(traders[1] - city[1]) < 2 and traders[1] > where["17"][0][1]
    assert traders[0] < city[0]
