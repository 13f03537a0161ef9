"""Slides whose content is a visual: the argument map, one slide per figure, and the
balance of facts, opinions and predictions per strand.

Each function makes its slide(s) with title, footer and speaker notes and draws the
visual into the slide's body region: the layout and the data come from
``debatekit.present``, the drawing from ``map_drawing`` and ``charts``.
"""

from __future__ import annotations

from ..present import argmap
from ..present.balance import balance, strand_counts
from ..present.figures import FigureData, all_figures
from . import charts, map_drawing
from .blocks import kind_label
from .deck import Deck

MAP_STYLE = argmap.MapStyle(body_size=14.0)


def map_plan(deck: Deck) -> list[tuple[argmap.MapPage, str, list]]:
    """(map page, slide title, speaker notes) for each argument-map slide, laid out before
    any map slide is made, for the smallest body region any of those titles leaves."""
    w, o = deck.labels, deck.outline
    candidates = [w["argument_map"], argmap.titled(w["argument_map"], w["map_overview"], deck.lang)]
    candidates += [
        argmap.numbered(
            argmap.titled(w["argument_map"], deck.t(s.title), deck.lang), 9, 9, deck.lang
        )
        for s in o.strands
    ]
    box = min((deck.body_for(title) for title in candidates), key=lambda b: b.height)
    pages = argmap.map_pages(o, deck.lang, box.width, box.height, MAP_STYLE)
    return [(page, page.title, _notes(deck, page)) for page in pages]


def _notes(deck, page: argmap.MapPage) -> list:
    """Every claim of the page in full, so the teacher can read them out."""
    w, o = deck.labels, deck.outline
    items = [(w["thesis"], deck.t(o.thesis), None)] if page.kind != "strand" else []
    if page.kind == "overview":
        items += [(f"{w['strand']} {i}", deck.t(s.title), None) for i, s in enumerate(o.strands, 1)]
    for claim_id in page.claims:
        claim = o.claim(claim_id)
        label = f"#{o.claim_number(claim_id)} {kind_label(deck, claim.kind)}"
        items.append((label, deck.t(claim.text), None))
    return deck.note_paras(items)


def draw_map(deck, page, map_page: argmap.MapPage):
    """The map centred horizontally at the top of the slide's body region."""
    box = page.body
    left = box.left + max(0.0, (box.width - map_page.width) / 2)
    return map_drawing.draw_map(page.slide.shapes, map_page, left, box.top, deck.fonts, deck.lang)


def draw_figure(deck, page, data: FigureData):
    box = page.body
    return charts.add_figure_chart(page.slide.shapes, data,
                                  (box.left, box.top, box.width, box.height),
                                  deck.fonts, deck.lang)


def draw_balance(deck, page):
    box = page.body
    return charts.add_balance_chart(page.slide.shapes, balance(deck.outline, deck.lang),
                                   (box.left, box.top, box.width, box.height),
                                   deck.fonts, deck.lang)


def argument_map_slides(
    deck: Deck, plan: list[tuple] | None = None, strand: str | None = None
) -> None:
    """Map slides of ``plan`` (default: all of them): with ``strand`` None, the pages that
    belong to no strand (the whole-outline map, or the overview), which follow the badge
    key; with a strand id, that strand's map pages, which follow its section slide."""
    for map_page, title, notes in (map_plan(deck) if plan is None else plan):
        if map_page.strand == strand:
            draw_map(deck, deck.new_slide(title, notes=notes), map_page)


def figure_slides(deck: Deck) -> None:
    """One slide per figure of the outline, after the strands."""
    w, o = deck.labels, deck.outline
    for data in all_figures(o, deck.lang):
        # the same caption as under the chart: what is known about each cited claim
        notes = deck.note_paras([
            (w["claims"], ", ".join(str(o.claim_number(c)) for c in data.claims), None),
            ("", data.caption, None)])
        # the title alone: the unit is on the chart's value axis
        draw_figure(deck, deck.new_slide(data.title, notes=notes), data)


def balance_slide(deck: Deck) -> None:
    """Facts, opinions and predictions per strand, after the figures."""
    lines = [(deck.t(s.title), deck.say("counts", **counts), None)
             for s, counts in zip(deck.outline.strands, strand_counts(deck.outline))]
    page = deck.new_slide(deck.labels["balance"], notes=deck.note_paras(lines))
    draw_balance(deck, page)


__all__ = ["map_plan", "argument_map_slides", "figure_slides", "balance_slide"]
