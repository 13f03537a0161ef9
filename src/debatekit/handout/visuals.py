"""The visuals of the handouts, headings included.

The answer key's labelled argument map (one drawing per map page, each kept with its
heading), each figure as a chart between its title and its caption, and the balance chart
with its question (``flowables``); the student handout's blank maps, one per strand, with
no kind anywhere (``blank_map_flowables``).
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ..pdf.chartdrawing import balance_drawing, figure_drawing
from ..pdf.mapdrawing import map_drawing
from ..present import argmap
from ..present.balance import balance
from ..present.figures import all_figures

MAP_STYLE = argmap.MapStyle(body_size=8.5, pad_x=4.0, pad_y=3.0, arrow_tip=7.0, gap=9.0,
                            channel=20.0, min_width=48.0)
HEADING_ROOM = 70.0     # a heading and some space above the drawing, in points


def map_flowables(doc) -> list[Flowable]:
    width, height = doc.page.frame_width, doc.page.frame_height - HEADING_ROOM
    pages = argmap.map_pages(doc.outline, doc.lang, width, height, MAP_STYLE)
    story: list[Flowable] = [CondPageBreak(60 * mm)]
    for number, page in enumerate(pages):
        drawing = map_drawing(page, doc.fonts)
        # The heading travels with the first drawing, or it is left alone at the
        # bottom of a page when the drawing moves to the next one.
        parts: list[Flowable] = (
            [] if number else [doc.styles.para(doc.labels["argument_map"], "h1")]
        )
        if len(pages) > 1:
            parts.append(doc.styles.para(page.title, "h2"))
        parts += [drawing, Spacer(1, 4 * mm)]
        story.append(KeepTogether(parts))
    return story


def blank_map_flowables(doc) -> list[Flowable]:
    """Every strand's map with empty badges, for the students to fill in."""
    width, height = doc.page.frame_width, doc.page.frame_height - HEADING_ROOM
    strands = argmap.blank_strand_pages(doc.outline, doc.lang, width, height, MAP_STYLE)
    story: list[Flowable] = [CondPageBreak(height * 0.6)]
    intro = [doc.styles.para(doc.labels["blank_maps"], "h1"),
             doc.styles.para(doc.labels["blank_map_task"], "body")]
    for pages in strands:
        for page in pages:
            parts = intro + [doc.styles.para(page.title, "h2"),
                             map_drawing(page, doc.fonts), Spacer(1, 4 * mm)]
            intro = []
            story.append(KeepTogether(parts))
    return story


def figure_flowables(doc) -> list[Flowable]:
    figures = all_figures(doc.outline, doc.lang)
    if not figures:
        return []
    story: list[Flowable] = [CondPageBreak(80 * mm)]
    for number, figure in enumerate(figures):
        title = figure.title + (f" ({figure.unit})" if figure.unit else "")
        # the section heading travels with the first chart (as the map's does)
        heading = [] if number else [doc.styles.para(doc.labels["figures"], "h1")]
        story.append(KeepTogether(heading + [
            doc.styles.para(title, "h2"),
            figure_drawing(figure, doc.fonts, doc.page.frame_width),
            doc.styles.para(figure.caption, "small"),
            Spacer(1, 3 * mm),
        ]))
    return story


BALANCE_ROW = 22.0       # points per strand in the balance chart
BALANCE_FRAME = 56.0     # the chart's axis and key around its rows
BALANCE_ROOM = 110.0     # the heading and the prompt kept on the page with a part


def balance_flowables(doc) -> list[Flowable]:
    """The balance chart, in as many parts as a page needs for all the strands."""
    data = balance(doc.outline, doc.lang)
    per_part = max(1, int((doc.page.frame_height - BALANCE_ROOM - BALANCE_FRAME) // BALANCE_ROW))
    rows = len(data.categories)
    story: list[Flowable] = []
    for start in range(0, max(rows, 1), per_part):
        part = replace(
            data,
            categories=data.categories[start : start + per_part],
            series=tuple(
                (k, word, counts[start : start + per_part]) for k, word, counts in data.series
            ),
        )
        items: list[Flowable] = [doc.styles.para(data.title, "h1")] if start == 0 else []
        items += [
            balance_drawing(part, doc.fonts, doc.page.frame_width),
            Spacer(1, 2 * mm),
        ]
        if start + per_part >= rows:
            items.append(doc.styles.para(data.prompt, "body"))
        story.append(KeepTogether(items))
    return story


def flowables(doc) -> list[Flowable]:
    return map_flowables(doc) + figure_flowables(doc) + balance_flowables(doc)
