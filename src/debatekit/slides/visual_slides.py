"""Slides whose content is a visual: the argument map, one slide per figure, and the
balance of facts, opinions and predictions per strand.

Each function makes its slide(s) with title, footer and speaker notes and draws the
visual into the slide's body region: the layout and the data come from
``debatekit.present``, the drawing from ``map_drawing`` and ``charts``.
"""

from __future__ import annotations

from dataclasses import replace

from ..language import profile
from ..present import argmap
from ..present.balance import balance, strand_counts
from ..present.figures import FigureData, all_figures, one_measure, status_caption
from ..present.keymap import key_maps
from . import charts, map_drawing
from .access import set_alt_text
from .blocks import kind_label
from .deck import Deck

# The appendix maps: a page routes at most one line past a row of boxes; with more, the
# lines would share the gaps between boxes and could not be told apart.
MAP_STYLE = argmap.MapStyle(body_size=14.0, long_lines=1)
# The lesson's maps: every box text at 18 pt, the kind in its short word, long claims
# cut (the notes hold them whole); a map too tall widens its boxes where a row has room.
LESSON_MAP_STYLE = argmap.MapStyle(body_size=18.0, heading_scale=1.0, ref_scale=1.0,
                                   pad_x=8.0, pad_y=5.0, gap=20.0, channel=30.0,
                                   min_width=120.0, text_em=40.0, short_kinds=True,
                                   claim_cap=300.0, key_kinds=False, max_grow=1.7)


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
    group = map_drawing.draw_map(page.slide.shapes, map_page, left, box.top, deck.fonts,
                                 deck.lang)
    set_alt_text(group, map_description(deck, map_page))
    return group


def map_description(deck, map_page: argmap.MapPage, heading: str | None = None) -> str:
    """The map's alternative text, from its data: how many claims, each claim's number,
    kind and text, and each relation as "#18 supports #21"."""
    w, o = deck.labels, deck.outline
    sep = profile(deck.lang).colon
    claims = [n for n in map_page.nodes if n.role == "claim"]
    parts = [f"{heading or map_page.title}{sep}{len(claims)} {w['claims'].lower()}"]
    for node in map_page.nodes:
        if node.role in ("claim", "ref"):
            claim = o.claim(node.id)
            where = "" if node.role == "claim" else \
                f" ({w['strand']} {o.strand_number(o.strand_of(node.id).id)})"
            parts.append(f"#{o.claim_number(node.id)}{where} {w[claim.kind]}{sep}"
                         f"{node.body_text}")
    for edge in map_page.edges:
        if edge.relation in ("supports", "challenges"):
            parts.append(f"#{o.claim_number(edge.source)} {w[edge.relation]} "
                         f"#{o.claim_number(edge.target)}")
    return "; ".join(parts)


def strand_map_slides(deck) -> None:
    """One map per strand, of its key claims, titled by the strand; the notes hold every
    claim of the map in full and say which claims and links are not drawn."""
    w, o = deck.labels, deck.outline
    titles = [argmap.titled(f"{w['strand']} {i}", deck.t(s.title), deck.lang)
              for i, s in enumerate(o.strands, 1)]
    box = min((deck.body_for(title) for title in titles), key=lambda b: b.height)
    keymaps = key_maps(o, deck.lang, box.width, box.height, LESSON_MAP_STYLE, titles)
    for strand, title, keymap in zip(o.strands, titles, keymaps):
        deck.labelled.update(node.id for node in keymap.page.nodes if node.kind)
        items = [(w["summary"], deck.t(strand.summary), None)] if strand.summary else []
        for claim_id in keymap.page.claims:
            claim = o.claim(claim_id)
            items.append((f"#{o.claim_number(claim_id)} {kind_label(deck, claim.kind)}",
                          deck.t(claim.text), None))
        if keymap.omitted:
            items.append((w["map_not_shown"],
                          ", ".join(f"#{o.claim_number(c)}" for c in keymap.omitted), None))
        links = [f"#{o.claim_number(s)} {w[r]} #{o.claim_number(t)}"
                 for s, t, r in keymap.outside]
        if links:
            items.append((w["map_links_out"], "; ".join(links), None))
        page = deck.new_slide(title, notes=deck.note_paras(items))
        group = draw_map(deck, page, keymap.page)
        group.name = f"Key claims map: {title}"


def draw_figure(deck, page, data: FigureData):
    box = page.body
    return charts.add_figure_chart(page.slide.shapes, data,
                                  (box.left, box.top, box.width, box.height),
                                  deck.fonts, deck.lang)


def draw_balance(deck, page, data=None):
    box = page.body
    return charts.add_balance_chart(page.slide.shapes, data or balance(deck.outline, deck.lang),
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
        # one measure per chart, and a caption of what is known of the cited claims
        # (the footer names the source)
        data = replace(one_measure(data), caption=status_caption(o, data.claims, deck.lang))
        # the same caption as under the chart: what is known about each cited claim
        notes = deck.note_paras([
            (w["claims"], ", ".join(str(o.claim_number(c)) for c in data.claims), None),
            ("", data.caption, None)])
        # the title alone: the unit is on the chart's value axis
        frame = draw_figure(deck, deck.new_slide(data.title, notes=notes), data)
        set_alt_text(frame, charts.figure_description(data))


def balance_slide(deck: Deck) -> None:
    """Facts, opinions and predictions per strand, after the figures."""
    lines = [(deck.t(s.title), deck.say("counts", **counts), None)
             for s, counts in zip(deck.outline.strands, strand_counts(deck.outline))]
    page = deck.new_slide(deck.labels["balance"], notes=deck.note_paras(lines))
    # the strands by number: their titles would not fit beside the bars at 18 pt (the
    # map slides and the notes give them)
    data = balance(deck.outline, deck.lang)
    data = replace(data, categories=tuple(f"{deck.labels['strand']} {i}"
                                          for i in range(1, len(data.categories) + 1)))
    frame = draw_balance(deck, page, data)
    set_alt_text(frame, charts.balance_description(data))


__all__ = ["map_plan", "argument_map_slides", "figure_slides", "balance_slide"]
