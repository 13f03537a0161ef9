"""Slides whose content is a visual: the argument map, one slide per figure, and the
balance of facts, opinions and predictions per strand.

Each function makes its slide(s) with title, footer and speaker notes, and leaves the
content region empty for the visuals (``debatekit.visuals``) to draw into. That region is
``VisualSlot.box`` (points; ``VisualSlot.emu()`` gives left, top, width, height in EMU).
Until the visuals fill a slot, ``caption_only`` writes a short caption in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import KIND_LOOK, MUTED
from ..visuals import deck_visuals
from ..visuals.figures import figure_data
from .deck import Deck, Page
from .geometry import BODY, BODY_MIN, Box
from .textbox import para, paras_height


@dataclass(frozen=True)
class VisualSlot:
    """An empty region of a slide, reserved for one visual."""

    page: Page
    box: Box
    what: str            # "map" | "figure" | "balance"
    ref: str | None      # the figure id for figures

    @property
    def slide(self):
        return self.page.slide

    def emu(self) -> tuple[int, int, int, int]:
        return self.box.emu()


def caption_only(deck: Deck, slot: VisualSlot, text: str) -> None:
    """A stand-in for a visual: its caption at the top of the slot."""
    paras = [para(text, BODY_MIN, deck.lang, colour=None if deck.custom else MUTED)]
    h = min(paras_height(paras, slot.box.width), slot.box.height)
    deck.text(slot.page, Box(slot.box.left, slot.box.top, slot.box.width, h), paras, name="Visual caption")


def map_plan(deck: Deck) -> list[tuple]:
    """Every argument-map page with its slide title and notes, laid out before any map
    slide is made (``deck_visuals.map_slides``)."""
    return deck_visuals.map_slides(deck)


def argument_map_slides(deck: Deck, plan: list[tuple] | None = None, strand: str | None = None) -> list[VisualSlot]:
    """Map slides of ``plan`` (default: all of them): with ``strand`` None, the pages that
    belong to no strand (the whole-outline map, or the overview), which follow the badge
    key; with a strand id, that strand's map pages, which follow its section slide."""
    slots = []
    for map_page, title, notes in (map_plan(deck) if plan is None else plan):
        if map_page.strand != strand:
            continue
        page = deck.new_slide(title, notes=notes)
        slot = VisualSlot(page, page.body, "map", None)
        deck_visuals.draw_map(deck, page, map_page)
        slots.append(slot)
    return slots


def figure_slides(deck: Deck) -> list[VisualSlot]:
    """One slide per figure of the outline, after the strands."""
    w, o = deck.words, deck.outline
    slots = []
    for figure in o.figures:
        data = figure_data(o, figure, deck.lang)
        # the same caption as under the chart: what is known about each cited claim
        notes = deck.note_paras([
            (w["claims"], ", ".join(str(o.claim_number(c)) for c in data.claims), None),
            ("", data.caption, None)])
        title = deck.t(figure.title)     # the unit is on the chart's value axis
        page = deck.new_slide(title, notes=notes)
        slot = VisualSlot(page, page.body, "figure", figure.id)
        deck_visuals.draw_figure(deck, page, figure.id)
        slots.append(slot)
    return slots


def balance_slide(deck: Deck) -> list[VisualSlot]:
    """Facts, opinions and predictions per strand, after the figures."""
    w, o = deck.words, deck.outline
    lines = []
    for s in o.strands:
        counts = {k: sum(1 for c in s.claims if c.kind == k) for k in KIND_LOOK}
        lines.append((deck.t(s.title), deck.say("counts", **counts), None))
    page = deck.new_slide(w["balance"], notes=deck.note_paras(lines))
    slot = VisualSlot(page, page.body, "balance", None)
    deck_visuals.draw_balance(deck, page)
    return [slot]


__all__ = ["VisualSlot", "map_plan", "argument_map_slides", "figure_slides", "balance_slide", "caption_only", "BODY"]
