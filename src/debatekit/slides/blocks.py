"""Badges and claim rows: the deck's recurring building blocks.

A kind badge differs by shape (fact: rectangle, opinion: oval-ended, prediction: arrow),
by symbol and word, and by colour; a status badge is an outlined box with its own symbol
and word. A greyscale print still tells them all apart.
"""

from __future__ import annotations

from typing import NamedTuple


from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from .. import textfit
from ..looks import KIND_LOOK, MUTED, STATUS_LOOK
from ..model import Claim
from . import shape_xml
from .deck import Deck, Page
from .geometry import BADGE, BODY, BODY_MIN, INSET_X, INSET_Y, LINE_PITCH, Box
from .textbox import Para, Span, para, paragraphs_xml, paras_height, split_paras

_SHAPES = {"rectangle": MSO_SHAPE.RECTANGLE, "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
           "arrow": MSO_SHAPE.PENTAGON}
ARROW_ROOM = 14.0        # the prediction arrow's point takes this much of the badge
BADGE_PAD = 8.0
ROW_GAP = 14.0
COLUMN_GAP = 16.0


def kind_label(deck: Deck, kind: str) -> str:
    return f"{KIND_LOOK[kind].symbol} {deck.labels[kind]}"


def status_label(deck: Deck, status: str) -> str:
    return f"{STATUS_LOOK[status].symbol} {deck.labels[status]}"


def badge_width(deck: Deck, size: float = BADGE, lo: float = 120.0, hi: float = 240.0) -> float:
    """A column width that holds every kind badge on one line where possible."""
    needs = [
        (kind_label(deck, k), ARROW_ROOM if KIND_LOOK[k].shape == "arrow" else 0.0)
        for k in KIND_LOOK
    ]
    needs += [(status_label(deck, s), 0.0) for s in STATUS_LOOK]
    widest = max(
        textfit.text_width(label, size, True) / textfit.SAFETY + room for label, room in needs
    )
    return min(max(widest + 2 * (INSET_X + BADGE_PAD) + 2, lo), hi)


def kind_badge_width(deck: Deck, size: float = BADGE) -> float:
    """Width that holds every kind badge's word (the widest kind), on one line."""
    widest = max(textfit.text_width(kind_label(deck, k), size, True) / textfit.SAFETY +
                 (ARROW_ROOM if KIND_LOOK[k].shape == "arrow" else 0.0) for k in KIND_LOOK)
    return widest + 2 * (INSET_X + BADGE_PAD) + 2


def status_badge_width(deck: Deck, size: float = BADGE) -> float:
    widest = max(
        textfit.text_width(status_label(deck, s), size, True) / textfit.SAFETY for s in STATUS_LOOK
    )
    return widest + 2 * (INSET_X + BADGE_PAD) + 2


def _badge_paras(label: str, size: float, lang: str, colour: str) -> list[Para]:
    return [para(label, size, lang, bold=True, colour=colour, align="center")]


def _text_width(width: float, kind_shape: str) -> float:
    return width - 2 * BADGE_PAD - (ARROW_ROOM if kind_shape == "arrow" else 0.0)


def badge_height(label: str, width: float, size: float = BADGE, shape: str = "rectangle") -> float:
    lines = textfit.line_count(label, _text_width(width, shape) - 2 * INSET_X, size, True)
    return lines * textfit.line_height(size, LINE_PITCH) + 2 * INSET_Y + 6


def add_badge(deck: Deck, page: Page, left: float, top: float, width: float, label: str,
              shape: str, fill: str, text_colour: str, line: str | None, name: str,
              size: float = BADGE) -> float:
    """Draw one badge; returns its height."""
    height = badge_height(label, width, size, shape)
    x, y, _, _ = box = Box(left, top, width, height).emu()
    key = ("badge", label, shape, fill, text_colour, line, name, size, width)
    deck.copies.shape(
        page.slide,
        key,
        x,
        y,
        lambda: _draw_badge(
            deck, page, box, height, label, shape, fill, text_colour, line, name, size
        ),
    )
    return height


def _draw_badge(deck: Deck, page: Page, box, height: float, label: str, shape: str, fill: str,
                text_colour: str, line: str | None, name: str, size: float):
    adjustment = None
    if shape == "rounded":
        adjustment = 0.5
    if shape == "arrow":
        adjustment = min(ARROW_ROOM / height, 0.5) if height else 0.3
    # the text frame as fill_frame fills it, its side insets then set to the badge's own
    right = BADGE_PAD + (ARROW_ROOM if shape == "arrow" else 0.0)
    body = shape_xml.text_body({"lIns": int(Pt(BADGE_PAD)), "rIns": int(Pt(right)),
                                "tIns": int(Pt(INSET_Y)), "bIns": int(Pt(INSET_Y))},
                               no_autofit=True)
    paragraphs = paragraphs_xml(_badge_paras(label, size, deck.lang, text_colour), deck.fonts)
    return shape_xml.add_shape(page.slide.shapes, name, box,
                               shape_xml.preset(_SHAPES[shape], adjustment),
                               shape_xml.look(fill, line or None, 1.5), body, paragraphs)


def add_kind_badge(deck: Deck, page: Page, left: float, top: float, width: float, kind: str,
                   size: float = BADGE) -> float:
    look = KIND_LOOK[kind]
    return add_badge(deck, page, left, top, width, kind_label(deck, kind), look.shape,
                     look.colour, "FFFFFF", None, f"Badge {kind}", size)


def add_status_badge(deck: Deck, page: Page, left: float, top: float, width: float, status: str,
                     size: float = BADGE) -> float:
    look = STATUS_LOOK[status]
    return add_badge(deck, page, left, top, width, status_label(deck, status), "rectangle",
                     "FFFFFF", look.colour, look.colour, f"Status {status}", size)


def badges_height(
    deck: Deck, kind: str, status: str | None, width: float, gap: float = 6.0
) -> float:
    h = badge_height(kind_label(deck, kind), width, BADGE, KIND_LOOK[kind].shape)
    if status:
        h += gap + badge_height(status_label(deck, status), width)
    return h


def add_badges(deck: Deck, page: Page, left: float, top: float, width: float, kind: str,
               status: str | None, gap: float = 6.0) -> float:
    h = add_kind_badge(deck, page, left, top, width, kind)
    if status:
        h += gap + add_status_badge(deck, page, left, top + h + gap, width, status)
    return h


# -- claims ---------------------------------------------------------------------


def speaker_of(deck: Deck, claim: Claim) -> str | None:
    """Who makes the claim, when it is not the article's author."""
    if claim.speaker is None:
        return None
    who = deck.t(claim.speaker).strip()
    authorish = {deck.labels["the_author"].lower(), "the author", "作者", "author"}
    if deck.outline.source.author:
        authorish.add(deck.outline.source.author.lower())
    return None if who.lower() in authorish else who


def claim_paras(deck: Deck, claim: Claim, size: float = BODY) -> list[Para]:
    number = deck.outline.claim_number(claim.id)
    paras = [
        Para(
            (Span(f"{number}. ", bold=True, colour=MUTED), Span(deck.t(claim.text))),
            size,
            deck.lang,
        )
    ]
    who = speaker_of(deck, claim)
    if who:
        paras.append(para(f"{deck.labels['speaker']}: {who}", BODY_MIN, deck.lang,
                          colour=MUTED, italic=True, space_before=4))
    return paras


MIN_SPLIT_LINES = 2     # a paragraph is cut at a slide's foot only when this many lines fit


class ClaimRow(NamedTuple):
    """One claim (or the continued part of one) laid out beside its badges."""

    claim: Claim
    paras: tuple[Para, ...]
    height: float


def claim_rows(deck: Deck, claim: Claim, body: Box, badge_w: float) -> list[ClaimRow]:
    """The rows a claim needs: one, unless its text is taller than a whole body region,
    in which case it is cut at line ends and continued on the next slide."""
    text_w = body.width - badge_w - COLUMN_GAP
    badges_h = badges_height(deck, claim.kind, claim.fact_status, badge_w)
    for size in (BODY, BODY_MIN):
        paras = claim_paras(deck, claim, size)
        h = max(paras_height(paras, text_w), badges_h)
        if h <= body.height:
            return [ClaimRow(claim, tuple(paras), h)]
    rows: list[ClaimRow] = []
    rest = claim_paras(deck, claim, BODY_MIN)
    while rest:
        # two lines at least, or a short line such as who says it is cut in two
        head, rest = split_paras(rest, text_w, body.height, MIN_SPLIT_LINES)
        if not head:
            raise RuntimeError("a claim could not be placed on an empty slide")
        rows.append(ClaimRow(claim, tuple(head), max(paras_height(head, text_w), badges_h)))
        if rest:
            # the continued part carries the claim's number again, marked as a continuation
            number = Span(f"{deck.outline.claim_number(claim.id)}. … ", bold=True, colour=MUTED)
            rest[0] = rest[0]._replace(spans=(number,) + rest[0].spans, space_before=0.0)
    return rows


def draw_claim_row(deck: Deck, page: Page, top: float, row: ClaimRow, badge_w: float) -> None:
    body = page.body
    add_badges(deck, page, body.left, top, badge_w, row.claim.kind, row.claim.fact_status)
    text_box = Box(
        body.left + badge_w + COLUMN_GAP, top, body.width - badge_w - COLUMN_GAP, row.height
    )
    deck.text(page, text_box, row.paras, name=f"Claim {row.claim.id}")
