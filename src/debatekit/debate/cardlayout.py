"""Cards to print and cut: fixed-size card flowables, two to a page, with cut marks, and
the packing that spreads a card's content over as many cards as it needs.

Content is measured with reportlab's own ``wrap`` before it is placed, and split between
lines when it does not fit, so a long point continues on the next card instead of being
cut off or shrunk.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..looks import INK, MUTED, RULE
from ..pdf.fonts import FontSet
from ..pdf.styles import hex_colour
from .cardunits import Placed, Unit, space

CARDS_PER_PAGE = 2
GAP = 12 * mm          # between two cards on a page: room for both cards' cut marks
PADDING = 6 * mm       # inside a card, so a slightly off cut never touches text
MARK_OFFSET = 1.5 * mm  # cut marks start this far outside a corner...
MARK_LENGTH = 4 * mm    # ...and are this long
NUMBER_BAND = 5 * mm    # top strip of a card: "card 1 of 2"
TURN_BAND = 5 * mm      # bottom strip: "continued on the next card"
RULE_BAND = 3 * mm      # the rule between a card's header and its content
_FUZZ = 0.01
EARLY_BREAK = 0.3      # a card with more than this share of its room left is not full


class Row(Flowable):
    """Small flowables side by side (a number, a kind badge, a status mark), flowing onto
    a further line when the width runs out; used where a badge heads a point."""

    def __init__(self, items: Sequence[Flowable], gap: float = 4.0, keep_with_next: bool = True):
        super().__init__()
        self.items = list(items)
        self.gap = gap
        self.line_gap = 2.0
        self.keepWithNext = keep_with_next  # a badge is never left alone at the foot of a card

    def wrap(self, avail_width, avail_height):
        lines: list[list[tuple[Flowable, float, float]]] = [[]]
        x = widest = 0.0
        for item in self.items:
            w, h = item.wrap(max(avail_width, 1), avail_height)
            if lines[-1] and x + w > avail_width:
                lines.append([])
                x = 0.0
            lines[-1].append((item, x, h))
            widest = max(widest, x + w)
            x += w + self.gap
        self._lines = [(line, max(h for _, _, h in line)) for line in lines if line]
        self.width = widest
        self.height = sum(h for _, h in self._lines) + self.line_gap * (len(self._lines) - 1)
        return self.width, self.height

    def draw(self):
        top = self.height
        for line, line_h in self._lines:
            for item, x, h in line:
                item.drawOn(self.canv, x, top - line_h + (line_h - h) / 2)
            top -= line_h + self.line_gap


class Words(Flowable):
    """A short run of words drawn with the document's fonts (fallback runs included)."""

    def __init__(self, text: str, fonts: FontSet, size: float = 8.5, bold: bool = False,
                 colour: str = MUTED):
        super().__init__()
        self.text, self.fonts, self.size, self.bold, self.colour = text, fonts, size, bold, colour

    def wrap(self, avail_width, avail_height):
        self.width = self.fonts.string_width(self.text, self.size, self.bold)
        self.height = self.size * 1.5
        return self.width, self.height

    def draw(self):
        self.canv.setFillColor(hex_colour(self.colour))
        self.fonts.draw_string(self.canv, 0, self.size * 0.45, self.text, self.size, self.bold)


class Tag(Flowable):
    """A side's name in a box: filled (for) or outlined (against), so the two sides differ
    in greyscale by more than their word."""

    def __init__(self, text: str, fonts: FontSet, filled: bool, size: float = 10.5):
        super().__init__()
        self.text, self.fonts, self.filled, self.size = text, fonts, filled, size
        self.pad = 4.0

    def wrap(self, avail_width, avail_height):
        self.width = self.fonts.string_width(self.text, self.size, bold=True) + 2 * self.pad
        self.height = self.size + 2 * self.pad - 1
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.setStrokeColor(hex_colour(INK))
        canvas.setLineWidth(1.4)
        canvas.setFillColor(hex_colour(INK if self.filled else "FFFFFF"))
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        canvas.setFillColor(hex_colour("FFFFFF" if self.filled else INK))
        self.fonts.draw_string(
            canvas, self.pad, self.pad + self.size * 0.1 - 0.5, self.text, self.size, bold=True
        )


def _fits_a_line(flowable: Flowable, width: float, height: float) -> bool:
    """Whether at least the first part (a line or a row) of ``flowable`` fits."""
    if height <= 0:
        return False
    _, h = flowable.wrap(width, height)
    if h <= height + _FUZZ:
        return True
    return len(flowable.split(width, height)) > 1


def pack(
    flowables: Sequence[Flowable], width: float, heights: Callable[[int], float]
) -> list[list[Placed]]:
    """Spread flowables over cards: card ``i`` (0-based) has ``heights(i)`` of room.

    A flowable that does not fit is split (a paragraph between lines, a table between
    rows); one that cannot be split starts the next card. Nothing is dropped: a piece
    that fits no card at all is still placed alone on its own card.
    """
    cards: list[list[Placed]] = [[]]
    used = 0.0
    queue = list(flowables)
    while queue:
        item = queue.pop(0)
        room = heights(len(cards) - 1)
        before = space(item, "spaceBefore") if cards[-1] else 0.0
        left = room - used - before
        _, h = item.wrap(width, max(left, 0))
        fits = h <= left + _FUZZ
        if fits and getattr(item, "keepWithNext", False) and queue and cards[-1]:
            fits = _fits_a_line(
                queue[0],
                width,
                left - h - space(item, "spaceAfter") - space(queue[0], "spaceBefore"),
            )
            h = item.wrap(width, max(left, 0))[
                1
            ]  # the look-ahead may have re-wrapped nothing of ours
        if fits:
            cards[-1].append(Placed(item, used + before, h))
            used += before + h + space(item, "spaceAfter")
            continue
        if isinstance(item, Unit):
            parted = item.parted() if cards[-1] and left > EARLY_BREAK * room else None
            if parted and parted[0].wrap(width, left)[1] <= left + _FUZZ:
                # rather than leave much of the card empty: the point's text and use
                # here, its quote or sources on the next card
                queue[0:0] = list(parted)
                continue
            if cards[-1]:            # a point moves whole to the next card
                queue.insert(0, item)
                cards.append([])
                used = 0.0
            else:                    # taller than a card: its parts go one by one
                queue[0:0] = item.items
            continue
        parts = item.split(width, left) if left > 0 else []
        if len(parts) > 1:
            first = parts[0]
            _, fh = first.wrap(width, left)
            if fh <= left + _FUZZ:
                cards[-1].append(Placed(first, used + before, fh))
                queue[0:0] = list(parts[1:])
                cards.append([])
                used = 0.0
                continue
        if not cards[-1]:
            # Taller than a whole card and unsplittable: place it anyway rather than lose
            # it (wrapped again: a failed split may drop a paragraph's laid-out lines).
            _, h = item.wrap(width, max(room, 0))
            cards[-1].append(Placed(item, 0.0, h))
            cards.append([])
            used = 0.0
            continue
        queue.insert(0, item)
        cards.append([])
        used = 0.0
    if not cards[-1] and len(cards) > 1:
        cards.pop()
    return cards


def _items(card: list[Placed]) -> int:
    """What a reader counts on a card: points, questions, paragraphs (not spacers)."""
    return sum(1 for p in card if p.height > 0.5)


def pack_balanced(flowables: Sequence[Flowable], width: float, room: float) -> list[list[Placed]]:
    """``pack`` on cards of equal ``room``; where the last card would hold one item, the
    card before it ends one item earlier so that the last card holds two. The card before
    keeps two items, or one when it is the first: only a continuation must not hold a
    single item (a side's two points and one question: a point, then a point and the
    question, never the question alone on a card of its own)."""
    cards = pack(flowables, width, lambda i: room)
    keeps = 1 if len(cards) == 2 else 2
    if len(cards) < 2 or _items(cards[-1]) != 1 or _items(cards[-2]) - 1 < keeps:
        return cards
    before = len(cards) - 2
    cut = cards[before][-1].y           # the room that leaves out its last item (its top)
    fewer = pack(flowables, width, lambda i: cut if i == before else room)
    return fewer if len(fewer) == len(cards) and _items(fewer[-1]) >= 2 else cards


class Card(Flowable):
    """One card in its slot (half a page): border, cut marks, a header of flowables, the
    card number at the top right, its packed content, and a "continued" line at the
    foot when the next card carries on."""

    def __init__(self, slot_width: float, slot_height: float, header: Sequence[Placed],
                 header_height: float, content: Sequence[Placed], number: str, turn: Optional[str],
                 fonts: FontSet, shade: Optional[str] = None):
        super().__init__()
        self.slot_width, self.slot_height = slot_width, slot_height
        self.header, self.header_height = list(header), header_height
        self.content, self.number, self.turn = list(content), number, turn
        self.fonts, self.shade = fonts, shade

    def wrap(self, avail_width, avail_height):
        return self.slot_width, self.slot_height

    @staticmethod
    def size(slot_width: float, slot_height: float) -> tuple[float, float]:
        """The card's own width and height inside a slot."""
        return slot_width, slot_height - GAP

    @staticmethod
    def inner_width(slot_width: float) -> float:
        return slot_width - 2 * PADDING

    @staticmethod
    def content_height(slot_height: float, header_height: float) -> float:
        """Room for packed content on a card with a header of this height."""
        _, card_h = Card.size(0, slot_height)
        return card_h - 2 * PADDING - NUMBER_BAND - header_height - RULE_BAND - TURN_BAND

    def draw(self):
        canvas = self.canv
        card_w, card_h = self.size(self.slot_width, self.slot_height)
        bottom = GAP / 2
        top = bottom + card_h
        canvas.saveState()
        if self.shade:
            canvas.setFillColor(hex_colour(self.shade))
            canvas.rect(0, bottom, card_w, card_h, stroke=0, fill=1)
        canvas.setStrokeColor(hex_colour(RULE))
        canvas.setLineWidth(0.6)
        canvas.rect(0, bottom, card_w, card_h, stroke=1, fill=0)
        self._cut_marks(canvas, card_w, bottom, top)
        inner_w = self.inner_width(self.slot_width)
        size = 9
        canvas.setFillColor(hex_colour(MUTED))
        number_w = self.fonts.string_width(self.number, size, bold=True)
        self.fonts.draw_string(
            canvas, card_w - PADDING - number_w, top - PADDING - size, self.number, size, bold=True
        )
        y0 = top - PADDING - NUMBER_BAND
        for placed in self.header:
            placed.flowable.drawOn(canvas, PADDING, y0 - placed.y - placed.height)
        y0 -= self.header_height
        canvas.setStrokeColor(hex_colour(INK))
        canvas.setLineWidth(0.8)
        canvas.line(PADDING, y0 - 1, PADDING + inner_w, y0 - 1)
        y0 -= RULE_BAND
        for placed in self.content:
            placed.flowable.drawOn(canvas, PADDING, y0 - placed.y - placed.height)
        if self.turn:
            canvas.setFillColor(hex_colour(INK))
            turn_w = self.fonts.string_width(self.turn, size, bold=True)
            self.fonts.draw_string(
                canvas, card_w - PADDING - turn_w, bottom + PADDING - 1, self.turn, size, bold=True
            )
        canvas.restoreState()

    @staticmethod
    def _cut_marks(canvas, card_w: float, bottom: float, top: float) -> None:
        canvas.setStrokeColor(hex_colour(INK))
        canvas.setLineWidth(0.4)
        for x, dx in ((0, -1), (card_w, 1)):
            for y, dy in ((bottom, -1), (top, 1)):
                canvas.line(x + dx * MARK_OFFSET, y, x + dx * (MARK_OFFSET + MARK_LENGTH), y)
                canvas.line(x, y + dy * MARK_OFFSET, x, y + dy * (MARK_OFFSET + MARK_LENGTH))
