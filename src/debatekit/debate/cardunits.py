"""What cards keep together: a point with everything about it (``Unit``), and long texts
that continue on the next card only between sentences (``Sentences``); ``stack`` places
flowables one under another, for a unit's parts and a card's header alike.

``cardlayout.pack`` moves a Unit whole to the next card; only a unit taller than a whole
card is taken apart, and then each of its texts breaks between sentences. ``balanced``
packs and then, where the last card would hold a single item, moves one more item to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from reportlab.platypus import Flowable, Paragraph

# A sentence ends at 。！？；, or at . ! ? ; followed by a space and a capital, a digit or
# an opening quote (so "U.S. deal" and "e.g. this" stay whole).
_SENTENCE_END = re.compile(r"[。！？；][”’」』）]?|[.!?;][”’\"')]?\s+(?=[A-Z0-9“‘\"(])")


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence end (the space after it kept), so the parts
    join back into the text."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() < len(text):
            parts.append(text[start:match.end()])
            start = match.end()
    parts.append(text[start:])
    return [p for p in parts if p] or [text]


@dataclass
class Placed:
    flowable: Flowable
    y: float        # distance from the top of the content area to the flowable's top
    height: float


def space(flowable: Flowable, attr: str) -> float:
    """A flowable's own spaceBefore or spaceAfter (0 when unset)."""
    return float(getattr(flowable, attr, 0) or 0)


def stack(flowables: Sequence[Flowable], width: float) -> tuple[list[Placed], float]:
    """Flowables one under another (a card header, the parts of a unit): their places and
    total height."""
    placed, used = [], 0.0
    for i, item in enumerate(flowables):
        before = space(item, "spaceBefore") if i else 0.0
        _, h = item.wrap(width, 10_000)
        placed.append(Placed(item, used + before, h))
        used += before + h + space(item, "spaceAfter")
    return placed, used


class Unit(Flowable):
    """Flowables that go on one card together (a point: its badges, its text, how the
    side uses it, the quote and who said it, its sources)."""

    def __init__(self, items: Sequence[Flowable], core: int | None = None,
                 resume: Flowable | None = None):
        super().__init__()
        self.items = list(items)
        self.resume = resume      # heads the part that follows on the next card ("2. (continued)")
        # items[:core] never part; the rest (a quote, sources) may follow on the next
        # card when the point would otherwise leave much of this one empty
        self.core = len(self.items) if core is None else core
        first = self.items[0] if self.items else None
        self.spaceBefore = getattr(first, "spaceBefore", 0) or 0

    def wrap(self, avail_width, avail_height):
        self._placed, self.height = stack(self.items, avail_width)
        self.width = avail_width
        return self.width, self.height

    def split(self, avail_width, avail_height):
        return []        # the packer takes an oversized unit apart itself

    def parted(self) -> tuple["Unit", "Unit"] | None:
        """(core, rest) when the unit has a part that may follow on the next card."""
        if 0 < self.core < len(self.items):
            rest = ([self.resume] if self.resume else []) + self.items[self.core :]
            return Unit(self.items[: self.core]), Unit(rest)
        return None

    def draw(self):
        for p in self._placed:
            p.flowable.drawOn(self.canv, 0, self.height - p.y - p.height)


class Sentences(Flowable):
    """A paragraph that splits only between sentences. ``make(text, first)`` builds the
    Paragraph for a run of its sentences (``first``: the run that opens the text, which
    may carry a label). A single sentence taller than ``card_room`` is split between
    lines, the only way it fits at all."""

    def __init__(self, text: str, make: Callable[[str, bool], Paragraph], card_room: float,
                 first: bool = True, parts: list[str] | None = None):
        super().__init__()
        self.text, self.make, self.card_room, self.first = text, make, card_room, first
        self.parts = parts if parts is not None else sentences(text)
        self.para = make("".join(self.parts), first)
        self.spaceBefore = self.para.getSpaceBefore()
        self.spaceAfter = self.para.getSpaceAfter()
        self.keepWithNext = getattr(self.para, "keepWithNext", False)

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self.para.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self):
        self.para.drawOn(self.canv, 0, 0)

    def split(self, avail_width, avail_height):
        fitting = 0
        for count in range(1, len(self.parts)):
            head = self.make("".join(self.parts[:count]), self.first)
            if head.wrap(avail_width, avail_height)[1] > avail_height:
                break
            fitting = count
        if fitting:
            return [Sentences("", self.make, self.card_room, self.first, self.parts[:fitting]),
                    Sentences("", self.make, self.card_room, False, self.parts[fitting:])]
        alone = self.make(self.parts[0], self.first).wrap(avail_width, 10_000)[1]
        if alone > self.card_room and avail_height > 0.5 * self.card_room:
            return self.para.split(avail_width, avail_height)   # no card holds the sentence
        return []
