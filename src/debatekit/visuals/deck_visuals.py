"""The visuals in the slide deck: what ``slides.visual_slides`` calls to draw its slides.

- ``map_slides(deck)``: the argument map pages, each with its slide title and notes, laid
  out for the smallest body region any of those titles leaves;
- ``draw_map(deck, page, map_page)``, ``draw_figure(deck, page, data)`` and
  ``draw_balance(deck, page)`` draw into a slide's body region.
"""

from __future__ import annotations

from ..slides.blocks import kind_label
from . import argmap, pptx_charts, pptx_visuals
from .balance import balance
from .figures import FigureData

MAP_STYLE = argmap.MapStyle(body_size=14.0)


def map_slides(deck) -> list[tuple[argmap.MapPage, str, list]]:
    """(map page, slide title, speaker notes) for each argument-map slide."""
    w, o = deck.words, deck.outline
    candidates = [w["argument_map"], argmap.titled(w["argument_map"], w["map_overview"])]
    candidates += [argmap.numbered(argmap.titled(w["argument_map"], deck.t(s.title)), 9, 9)
                   for s in o.strands]
    box = min((deck.body_for(title) for title in candidates), key=lambda b: b.height)
    pages = argmap.map_pages(o, deck.lang, box.width, box.height, MAP_STYLE)
    return [(page, page.title, _notes(deck, page)) for page in pages]


def _notes(deck, page: argmap.MapPage) -> list:
    """Every claim of the page in full, so the teacher can read them out."""
    w, o = deck.words, deck.outline
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
    return pptx_visuals.draw_map(page.slide.shapes, map_page, left, box.top, deck.fonts, deck.lang)


def draw_figure(deck, page, data: FigureData):
    box = page.body
    return pptx_charts.add_figure_chart(page.slide.shapes, data,
                                        (box.left, box.top, box.width, box.height),
                                        deck.fonts, deck.lang)


def draw_balance(deck, page):
    box = page.body
    return pptx_charts.add_balance_chart(page.slide.shapes, balance(deck.outline, deck.lang),
                                         (box.left, box.top, box.width, box.height),
                                         deck.fonts, deck.lang)
