"""Slides whose content is a visual: the argument map, one slide per figure, and the
balance of facts, opinions and predictions per strand.

Each function makes its slide(s) with title, footer and speaker notes, and has
``debatekit.visuals.deck_visuals`` draw the visual into the slide's body region.
"""

from __future__ import annotations

from ..visuals import deck_visuals
from ..visuals.balance import strand_counts
from ..visuals.figures import all_figures
from .deck import Deck


def map_plan(deck: Deck) -> list[tuple]:
    """Every argument-map page with its slide title and notes, laid out before any map
    slide is made (``deck_visuals.map_slides``)."""
    return deck_visuals.map_slides(deck)


def argument_map_slides(deck: Deck, plan: list[tuple] | None = None, strand: str | None = None) -> None:
    """Map slides of ``plan`` (default: all of them): with ``strand`` None, the pages that
    belong to no strand (the whole-outline map, or the overview), which follow the badge
    key; with a strand id, that strand's map pages, which follow its section slide."""
    for map_page, title, notes in (map_plan(deck) if plan is None else plan):
        if map_page.strand == strand:
            deck_visuals.draw_map(deck, deck.new_slide(title, notes=notes), map_page)


def figure_slides(deck: Deck) -> None:
    """One slide per figure of the outline, after the strands."""
    w, o = deck.words, deck.outline
    for data in all_figures(o, deck.lang):
        # the same caption as under the chart: what is known about each cited claim
        notes = deck.note_paras([
            (w["claims"], ", ".join(str(o.claim_number(c)) for c in data.claims), None),
            ("", data.caption, None)])
        # the title alone: the unit is on the chart's value axis
        deck_visuals.draw_figure(deck, deck.new_slide(data.title, notes=notes), data)


def balance_slide(deck: Deck) -> None:
    """Facts, opinions and predictions per strand, after the figures."""
    lines = [(deck.t(s.title), deck.say("counts", **counts), None)
             for s, counts in zip(deck.outline.strands, strand_counts(deck.outline))]
    page = deck.new_slide(deck.words["balance"], notes=deck.note_paras(lines))
    deck_visuals.draw_balance(deck, page)


__all__ = ["map_plan", "argument_map_slides", "figure_slides", "balance_slide"]
