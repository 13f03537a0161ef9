"""Debate motions: the motion, pro and con side by side with every point badged, then
the rebuttal and cross-examination questions."""

from __future__ import annotations

from typing import NamedTuple


from ..looks import ACCENT, KIND_LOOK, MUTED, PAPER
from ..model import Debate, DebatePoint
from ..present.points import resolve_point
from .blocks import (
    add_kind_badge,
    add_status_badge,
    badge_height,
    kind_badge_width,
    kind_label,
    status_badge_width,
    status_label,
)
from .deck import Deck, Page
from .flow import flow_paras
from ..language import profile
from .geometry import BODY, BODY_MIN, LEAD, Box
from .notes import point_notes
from .sections import labelled, numbered
from .textbox import Para, para, paras_height, split_paras

COLUMN_GAP = 24.0
POINT = BODY_MIN          # two columns of prose: the smallest body size keeps points together
POINT_GAP = 12.0


class Item(NamedTuple):
    """One point of one side, or the continued part of one."""

    kind: str
    status: str | None
    paras: tuple[Para, ...]
    badges: bool = True


def _point_kind(deck: Deck, point: DebatePoint) -> tuple[str, str | None, list[Para]]:
    """A point's kind, status and paragraphs: its text (a claim's, numbered as in the
    outline, or the teacher's own) and how this side uses it. Kind and status are the
    ones every debate writer shows (``present.points``); the text keeps its line breaks,
    as claims do on the other slides."""
    shown = resolve_point(deck.outline, point, deck.lang)
    kind, status = shown.kind, shown.status
    if point.claim:
        claim = deck.outline.claim(point.claim)
        text = f"{deck.t(claim.text)} (#{deck.outline.claim_number(claim.id)})"
    else:
        text = deck.t(point.point) if point.point is not None else ""
    paras = [para(text, POINT, deck.lang)]
    if point.use is not None:
        paras.append(para(f"→ {deck.t(point.use)}", BODY_MIN, deck.lang, italic=True,
                          colour=None if deck.custom else MUTED, space_before=4))
    return kind, status, paras


class BadgePlan(NamedTuple):
    """Where a point's kind and status badges go in a column: side by side when both fit."""

    kind_w: float
    status_w: float
    side_by_side: bool

    @staticmethod
    def make(deck: Deck, width: float) -> "BadgePlan":
        kind_w = min(kind_badge_width(deck), width)
        status_w = min(status_badge_width(deck), width)
        return BadgePlan(kind_w, status_w, kind_w + 8 + status_w <= width)

    def height(self, deck: Deck, kind: str, status: str | None) -> float:
        h = badge_height(kind_label(deck, kind), self.kind_w, shape=KIND_LOOK[kind].shape)
        if status:
            sh = badge_height(status_label(deck, status), self.status_w)
            h = max(h, sh) if self.side_by_side else h + 6 + sh
        return h


def _item_h(deck: Deck, item: Item, width: float, plan: BadgePlan) -> float:
    h = paras_height(item.paras, width)
    if item.badges:
        h += plan.height(deck, item.kind, item.status) + 4
    return h


def _items(deck: Deck, points, width: float, room: float, plan: BadgePlan) -> list[Item]:
    """Points as items, a point taller than a whole column cut at line ends."""
    items: list[Item] = []
    for point in points:
        kind, status, paras = _point_kind(deck, point)
        item = Item(kind, status, tuple(paras))
        while _item_h(deck, item, width, plan) > room:
            head_room = room - (plan.height(deck, kind, status) + 4 if item.badges else 0)
            head, rest = split_paras(item.paras, width, head_room)
            if not head or not rest:
                break
            items.append(Item(kind, status, tuple(head), item.badges))
            item = Item(kind, status, (rest[0]._replace(space_before=0.0),) + tuple(rest[1:]),
                        badges=False)
        items.append(item)
    return items


def _columns(items: list[Item], heights: list[float], room: float) -> list[list[Item]]:
    pages: list[list[Item]] = [[]]
    used = 0.0
    for item, h in zip(items, heights):
        need = h + (POINT_GAP if pages[-1] else 0.0)
        if pages[-1] and used + need > room:
            pages.append([])
            used, need = 0.0, h
        pages[-1].append(item)
        used += need
    return pages


def _spread(items: list[Item], heights: list[float], pages: int) -> list[list[Item]]:
    """The side's points over ``pages`` slides (as many as the longer side needs), in
    order, on as many of them as it has points, with the tallest slide as short as it can
    be: a side that fits on fewer slides does not leave the later ones to one point of
    the other side. Splitting further never makes a slide taller, so what fitted still
    fits."""
    n = len(items)
    groups = min(pages, n)
    if groups == 0:
        return [[] for _ in range(pages)]

    def span(i: int, j: int) -> float:
        return sum(heights[i:j]) + POINT_GAP * (j - i - 1)

    # best[g][j]: (tallest slide, first item of the last slide) for items[:j] on g slides
    best = [[(float("inf"), 0)] * (n + 1) for _ in range(groups + 1)]
    best[0][0] = (0.0, 0)
    for g in range(1, groups + 1):
        for j in range(g, n + 1):
            # on a tie the earlier slides take more, as reading order fills them
            best[g][j] = min(((max(best[g - 1][i][0], span(i, j)), i) for i in range(g - 1, j)),
                             key=lambda option: (option[0], -option[1]))
    cuts, j = [], n
    for g in range(groups, 0, -1):
        i = best[g][j][1]
        cuts.append(items[i:j])
        j = i
    return cuts[::-1] + [[] for _ in range(pages - groups)]


def _fill_last_page(sides: list[list[list[Item]]]) -> None:
    """Where the last page of the columns would hold a single point, the other side's
    last point of the page before moves to it (its column there is empty, so it fits):
    no continuation slide carries one point alone."""
    pages = max(len(s) for s in sides)
    for s in sides:
        s.extend([] for _ in range(pages - len(s)))
    if pages < 2 or sum(len(s[-1]) for s in sides) != 1:
        return
    for s in sides:
        if not s[-1] and len(s[-2]) >= 2:
            s[-1].append(s[-2].pop())
            return


def debate(deck: Deck, debate: Debate, number: int, total: int) -> None:
    """The appendix's debate: the motion with its context, both sides with every point
    in full beside its badges, then the rebuttal questions."""
    w = deck.labels
    title = profile(deck.lang).labelled(w["debate"] + (f" {number}" if total > 1 else ""),
                                        w["in_full"])
    notes_items = [
        (w["motion"], deck.t(debate.motion), None),
        (w["context"], deck.t(debate.context) if debate.context is not None else None, None),
    ]
    for side in ("pro", "con"):
        for point in getattr(debate, side):
            notes_items.append(("", f"[{w[side]}]", None))
            notes_items.extend(point_notes(deck, point))
    notes = deck.note_paras(notes_items)
    body = deck.body_for(deck.continued(title))
    intro = (
        debate.context is not None
        or paras_height([labelled_motion(deck, debate, LEAD)], body.width - 24) > body.height * 0.4
    )
    if intro:
        # the motion in large type with its context first; the columns repeat it smaller
        flow_paras(
            deck,
            title,
            [labelled_motion(deck, debate, LEAD)]
            + (
                [para(deck.t(debate.context), BODY, deck.lang, space_before=14)]
                if debate.context is not None
                else []
            ),
            notes,
        )
    for size in ((BODY,) if intro else (LEAD, BODY, BODY_MIN)):
        motion = [labelled_motion(deck, debate, size)]
        motion_h = paras_height(motion, body.width - 24)
        if motion_h <= body.height * 0.3:
            break
    if motion_h > body.height * 0.3:
        motion, motion_h = [], 0.0
    col_w = (body.width - COLUMN_GAP) / 2
    head_h = (
        max(
            paras_height([para(w[side], BODY, deck.lang, bold=True)], col_w)
            for side in ("pro", "con")
        )
        + 6
    )
    band = motion_h + 16 if motion else 0.0
    room = body.height - band - head_h - 8
    plan = BadgePlan.make(deck, col_w)
    measured = []
    for side in ("pro", "con"):
        items = _items(deck, getattr(debate, side), col_w, room, plan)
        measured.append((items, [_item_h(deck, item, col_w, plan) for item in items]))
    pages = max(len(_columns(items, heights, room)) for items, heights in measured)
    sides = [_spread(items, heights, pages) for items, heights in measured]
    _fill_last_page(sides)
    pages = max(len(s) for s in sides)
    for i in range(pages):
        page = deck.new_slide(title if i == 0 and not intro else deck.continued(title), notes=notes)
        b = page.body
        top = b.top
        if motion:
            if not deck.custom:
                deck.panel(page, Box(b.left, top, 6, motion_h), ACCENT, name="Motion bar")
            deck.text(page, Box(b.left + 16, top, b.width - 24, motion_h), motion, name="Motion")
            top += motion_h + 16
        for s, side in enumerate(("pro", "con")):
            left = b.left + s * (col_w + COLUMN_GAP)
            _column(deck, page, Box(left, top, col_w, b.bottom - top), side,
                    sides[s][i] if i < len(sides[s]) else [], head_h, plan)
    if debate.questions:
        q_notes = deck.note_paras([(w["motion"], deck.t(debate.motion), None)])
        numbered(
            deck,
            f"{w['debate_questions']}"
            + (f" · {w['debate']} {number}" if total > 1 else ""),
            [deck.t(q) for q in debate.questions],
            q_notes,
        )


def labelled_motion(deck: Deck, debate: Debate, size: float) -> Para:
    return labelled(deck, deck.labels["motion"], deck.t(debate.motion), size=size, space=0)


def _column(deck: Deck, page: Page, box: Box, side: str, items: list[Item], head_h: float,
            plan: BadgePlan) -> None:
    w = deck.labels
    colour = ACCENT if side == "pro" else "404040"
    head = [para(w[side], BODY, deck.lang, bold=True, colour=PAPER, align="center")]
    deck.panel(page, Box(box.left, box.top, box.width, head_h), colour, name=f"Side {side}")
    deck.text(
        page,
        Box(box.left, box.top, box.width, head_h),
        head,
        name=f"Side {side} label",
        anchor="middle",
    )
    top = box.top + head_h + 8
    for item in items:
        if item.badges:
            h = add_kind_badge(deck, page, box.left, top, plan.kind_w, item.kind)
            if item.status:
                if plan.side_by_side:
                    h = max(
                        h,
                        add_status_badge(
                            deck, page, box.left + plan.kind_w + 8, top, plan.status_w, item.status
                        ),
                    )
                else:
                    h += 6 + add_status_badge(
                        deck, page, box.left, top + h + 6, plan.status_w, item.status
                    )
            top += h + 4
        ph = paras_height(item.paras, box.width)
        deck.text(page, Box(box.left, top, box.width, ph), item.paras, name=f"Point {side}")
        top += ph + POINT_GAP


def debates(deck: Deck) -> None:
    """The appendix's debate slides: every point in full beside its badges (the lesson's
    are in ``lesson_debates``)."""
    items = deck.outline.debates
    for n, d in enumerate(items, 1):
        debate(deck, d, n, len(items))
