"""The lesson's debate slides: the motion over both sides' points, each point a line or
a few with its kind and status; the points in full, the context and the rebuttal
questions are in the notes (the appendix's slides with every point in full are in
``debates``)."""

from __future__ import annotations


from ..looks import ACCENT, KIND_LOOK, PAPER, STATUS_LOOK
from ..model import Debate, DebatePoint
from ..present.points import resolve_point
from .debates import COLUMN_GAP, POINT, labelled_motion
from .deck import Deck
from ..textfit import line_height
from .geometry import BODY, BODY_MIN, LINE_PITCH, Box
from .lesson import cut_to_fit
from .notes import point_notes
from .textbox import Para, Span, clip_para, para, paras_height


def debates(deck: Deck) -> None:
    items = deck.outline.debates
    for n, d in enumerate(items, 1):
        lesson_debate(deck, d, n, len(items))


def _point_line(deck: Deck, point: DebatePoint) -> Para:
    """A point as one paragraph: kind and status as symbol and word, the claim's number
    and its text (cut to the room on the slide by ``_clipped``; the notes hold it whole)."""
    shown = resolve_point(deck.outline, point, deck.lang)
    look = KIND_LOOK[shown.kind]
    mark = f"{look.symbol} {deck.labels['fact_short'] if shown.kind == 'fact' else deck.labels[shown.kind]}"
    if shown.status and shown.status != "stated":
        mark += f" {STATUS_LOOK[shown.status].symbol}"     # the symbol, as the key shows it
    if point.claim:
        claim = deck.outline.claim(point.claim)
        text = f"#{deck.outline.claim_number(claim.id)} {deck.t(claim.text)}"
    else:
        text = deck.t(point.point) if point.point is not None else ""
    colour = None if deck.custom else look.colour
    return Para((Span(mark + "  ", bold=True, colour=colour), Span(text)), POINT, deck.lang,
                space_before=8.0)


MOST_POINT_LINES = 4      # a debate slide is the overview: longer points end in "…"


def _clipped(points: list[Para], width: float, room: float, pages: int) -> list[Para]:
    """A side's points cut to as many lines each as still spreads them over ``pages``
    slides (two at least, ``MOST_POINT_LINES`` at most); a shorter point stays whole.
    The room is found from the points' line counts; each is cut once, at the end."""
    most = 2
    while most < MOST_POINT_LINES and _column_pages(points, width, room, pages, most + 1):
        most += 1
    return [clip_para(p, width, most) for p in points]


def lesson_debate(deck: Deck, debate: Debate, number: int, total: int) -> None:
    """The motion over both sides' points, each point a short line with its kind; the
    context, the points in full and the rebuttal questions in the notes. A side that does
    not fit goes on with the other on a second slide, both split evenly."""
    w = deck.labels
    title = w["debate"] + (f" {number}" if total > 1 else "")
    notes_items = [(w["motion"], deck.t(debate.motion), None),
                   (w["context"], deck.t(debate.context) if debate.context is not None else None,
                    None)]
    for side in ("pro", "con"):
        for point in getattr(debate, side):
            notes_items.append(("", f"[{w[side]}]", None))
            notes_items.extend(point_notes(deck, point))
    notes_items += [(w["debate_questions"], deck.t(q), None) for q in debate.questions]
    notes = deck.note_paras(notes_items)
    body = deck.body_for(deck.continued(title))
    for size in (BODY, BODY_MIN):
        motion = [labelled_motion(deck, debate, size)]
        motion_h = paras_height(motion, body.width - 24)
        if motion_h <= body.height * 0.25:
            break
    else:
        motion = cut_to_fit(motion, body.width - 24, body.height * 0.3)
        motion_h = paras_height(motion, body.width - 24)
    col_w = (body.width - COLUMN_GAP) / 2
    head_h = max(paras_height([para(w[side], BODY, deck.lang, bold=True)], col_w)
                 for side in ("pro", "con")) + 6
    room = body.height - motion_h - 16 - head_h - 4
    points = [[_point_line(deck, p) for p in getattr(debate, side)] for side in ("pro", "con")]
    pages = 1
    while any(_column_pages(s, col_w, room, pages, 2) is None for s in points) and pages < 6:
        pages += 1
    sides = [_clipped(side, col_w, room, pages) for side in points]
    columns = [_column_pages(s, col_w, room, pages) or [s] for s in sides]
    for i in range(pages):
        page = deck.new_slide(title if i == 0 else deck.continued(title), notes=notes)
        b = page.body
        if not deck.custom:
            deck.panel(page, Box(b.left, b.top, 6, motion_h), ACCENT, name="Motion bar")
        deck.text(page, Box(b.left + 16, b.top, b.width - 24, motion_h), motion, name="Motion")
        top = b.top + motion_h + 16
        for s, side in enumerate(("pro", "con")):
            left = b.left + s * (col_w + COLUMN_GAP)
            colour = ACCENT if side == "pro" else "404040"
            deck.panel(page, Box(left, top, col_w, head_h), colour, name=f"Side {side}")
            deck.text(page, Box(left, top, col_w, head_h),
                      [para(w[side], BODY, deck.lang, bold=True, colour=PAPER, align="center")],
                      name=f"Side {side} label", anchor="middle")
            chunk = columns[s][i] if i < len(columns[s]) else []
            if chunk:
                first = [chunk[0]._replace(space_before=0.0)] + chunk[1:]
                deck.text(page, Box(left, top + head_h + 4, col_w, paras_height(first, col_w)),
                          first, name=f"Points {side}")


def _column_pages(points: list[Para], width: float, room: float, pages: int,
                  most_lines: int | None = None):
    """The points split over ``pages`` slides as evenly as they go (never one alone on a
    continuation when more are left), or None when they do not fit; with ``most_lines``,
    measured as if each point were cut to that many lines."""
    n = len(points)
    if n == 0:
        return [[] for _ in range(pages)]
    per = -(-n // pages)
    if pages > 1 and n - per * (pages - 1) == 1 and per > 1:
        per = -(-(n + 1) // pages)
    chunks = [points[i:i + per] for i in range(0, n, per)]
    for chunk in chunks:
        first = [chunk[0]._replace(space_before=0.0)] + chunk[1:]
        height = paras_height(first, width)
        if most_lines is not None:
            height -= sum(max(0, p.lines(width) - most_lines) * line_height(p.size, LINE_PITCH)
                          for p in chunk)
        if height > room:
            return None
    return chunks + [[] for _ in range(pages - len(chunks))]
