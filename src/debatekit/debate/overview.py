"""The teacher's overview card of one motion: both sides' points side by side, with a
count of each kind per side, so the class can ask which side leans on opinion."""

from __future__ import annotations

from typing import Mapping, Protocol, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..language import profile
from ..looks import INK, RULE
from ..model import KINDS
from ..pdf.badges import KindBadge, StatusMark
from ..pdf.fonts import FontSet
from ..pdf.styles import hex_colour
from ..present.points import SIDES, ShownDebate, ShownPoint
from .cardlayout import Row, Words, pack
from .cardunits import Sentences, Unit, stack

GAP = 5 * mm


class CardWriter(Protocol):
    """What the overview asks of the cards writer (``cards.CardWriter``), named here so
    this module need not import the one that imports it."""

    doc: object
    fonts: FontSet
    w: Mapping[str, str]
    room: float

    def para(self, text: str, style: str = "body", **kwargs) -> Flowable: ...


class SideBySide(Flowable):
    """Two columns of flowables, each headed by its side, split independently: when the
    card runs out, each column continues in the next part under the same heads."""

    def __init__(self, heads: Sequence[Sequence[Flowable]], columns: Sequence[Sequence[Flowable]],
                 continued: bool = False):
        super().__init__()
        self.heads = [list(h) for h in heads]
        self.columns = [list(c) for c in columns]
        self.continued = continued

    def _column_width(self, avail_width: float) -> float:
        return (avail_width - GAP) / 2

    def wrap(self, avail_width, avail_height):
        width = self._column_width(avail_width)
        self._laid = []
        for head, column in zip(self.heads, self.columns):
            head_places, head_h = stack(head, width)
            places, body_h = stack(column, width)
            self._laid.append((head_places, head_h, places, body_h))
        self._head_h = max(h for _, h, _, _ in self._laid)
        self.width = avail_width
        self.height = self._head_h + 2 + max(b for _, _, _, b in self._laid)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        width = self._column_width(avail_width)
        head_h = max(stack(head, width)[1] for head in self.heads)
        room = avail_height - head_h - 2
        if room <= 0:
            return []
        firsts, rests = [], []
        for column in self.columns:
            cards = pack(column, width, lambda i: room)
            firsts.append([p.flowable for p in cards[0]])
            rests.append([p.flowable for card in cards[1:] for p in card])
            # pack places an unplaceable piece alone; inside a column that would overflow
            if cards[0] and stack(firsts[-1], width)[1] > room + 0.01:
                return []
        if not any(firsts) or not any(rests):
            return []
        # The next card must not carry a single point: this one gives up one more.
        if sum(len(rest) for rest in rests) == 1:
            side = next(i for i, rest in enumerate(rests) if rest)
            giver = next((i for i in (side, 1 - side) if len(firsts[i]) >= 2), None)
            if giver is not None:
                rests[giver].insert(0, firsts[giver].pop())
        return [SideBySide(self.heads, firsts, self.continued),
                SideBySide(self.heads, rests, continued=True)]

    def draw(self):
        canvas = self.canv
        width = self._column_width(self.width)
        top = self.height
        for i, (head_places, _, places, _) in enumerate(self._laid):
            x = i * (width + GAP)
            for placed in head_places:
                placed.flowable.drawOn(canvas, x, top - placed.y - placed.height)
            body_top = top - self._head_h - 2
            for placed in places:
                placed.flowable.drawOn(canvas, x, body_top - placed.y - placed.height)
        canvas.saveState()
        canvas.setStrokeColor(hex_colour(INK))
        canvas.setLineWidth(0.8)
        canvas.line(0, top - self._head_h, self.width, top - self._head_h)
        canvas.setStrokeColor(hex_colour(RULE))
        canvas.line(width + GAP / 2, 0, width + GAP / 2, top)
        canvas.restoreState()


def _point(writer: CardWriter, point: ShownPoint, number: int) -> list[Flowable]:
    fonts, w = writer.fonts, writer.w
    marks: list[Flowable] = [Words(f"{number}.", fonts, size=9, bold=True, colour=INK),
                             KindBadge(point.kind, w[point.kind], fonts, size=9)]
    if point.status:
        marks.append(StatusMark(point.status, w[point.status], fonts, size=9))
    row = Row(marks, gap=3)
    row.spaceBefore = 4
    row.spaceAfter = 0.5
    def make(text: str, first: bool):
        paragraph = writer.para(text, "cell")
        paragraph.style = _compact(paragraph.style)
        return paragraph

    # the badges and the point on one card; a long point continues between sentences
    return [Unit([row, Sentences(point.text, make, writer.room)])]


_COMPACT: dict = {}


def _compact(style):
    """The cell style a little tighter, so a motion's overview usually fits one card."""
    key = (style.name, style.fontName)  # styles of different documents share names
    if key not in _COMPACT:
        _COMPACT[key] = style.clone(f"{style.name}-compact", fontSize=9, leading=12.6)
    return _COMPACT[key]


def _head(writer: CardWriter, debate: ShownDebate, side: str) -> list[Flowable]:
    fonts, w = writer.fonts, writer.w
    counts = debate.counts(side)
    # each badge stays with its number when the row flows onto a second line
    pairs: list[Flowable] = [
        Row(
            [
                KindBadge(kind, w[kind], fonts, size=9),
                Words(f"×{counts[kind]}", fonts, size=9, bold=True, colour=INK),
            ],
            gap=1.5,
            keep_with_next=False,
        )
        for kind in KINDS
    ]
    tally = Row(pairs, gap=5, keep_with_next=False)
    tally.spaceAfter = 3
    return [writer.para(w[side], "h2", bold=True), tally]


def overview_body(writer: CardWriter, debate: ShownDebate) -> list[Flowable]:
    w = writer.w
    shares = " · ".join(
        f"{w[side]} {debate.counts(side)['opinion']}/{len(debate.side(side))}" for side in SIDES)
    question = writer.para(
        f"{w['which_leans']} {w['opinion']}{profile(writer.doc.lang).colon}{shares}",
        "body",
        bold=True,
    )
    question.keepWithNext = True      # with the columns (no spacer between: it would fit)
    question.spaceAfter = 1 * mm
    columns = [[f for n, point in enumerate(debate.side(side), 1) for f in _point(writer, point, n)]
               for side in SIDES]
    return [
        question,
        SideBySide([_head(writer, debate, s) for s in SIDES], columns),
    ]
