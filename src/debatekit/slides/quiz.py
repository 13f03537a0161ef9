"""The fact-or-opinion quiz: a statement on one slide, its answer and reason on the next,
for a few claims spread over the strands."""

from __future__ import annotations

from collections import Counter

from ..looks import KIND_LOOK, MUTED
from ..model import Claim, Outline
from .blocks import (
    add_badge,
    add_badges,
    add_status_badge,
    badge_height,
    badge_width,
    kind_badge_width,
    kind_label,
    speaker_of,
)
from .deck import Deck, Page
from .flow import flow_paras
from .geometry import BODY, BODY_MIN, Box
from .notes import claim_notes, quoted
from .sections import heading, labelled
from .textbox import para, paras_height

QUIZ_LIMIT = 8
PER_STRAND = 2
STATEMENT_SIZES = (32.0, 28.0, 24.0, BODY, BODY_MIN)


def quiz_claims(outline: Outline, limit: int = QUIZ_LIMIT) -> list[Claim]:
    """Up to ``limit`` claims, taken in turn from each strand (at most two per strand),
    each time preferring the kind the quiz has least of so far; in outline order."""
    picked: list[Claim] = []
    kinds: Counter = Counter()
    for _round in range(PER_STRAND):
        for strand in outline.strands:
            if len(picked) >= limit:
                break
            left = [c for c in strand.claims if c not in picked]
            if not left:
                continue
            choice = min(left, key=lambda c: (kinds[c.kind], strand.claims.index(c)))
            picked.append(choice)
            kinds[choice.kind] += 1
    return sorted(picked, key=lambda c: outline.claim_number(c.id))


def quiz(deck: Deck) -> None:
    claims = quiz_claims(deck.outline)
    for n, claim in enumerate(claims, 1):
        _statement(deck, claim, n, len(claims))
        _answer(deck, claim, n, len(claims))


def _statement(deck: Deck, claim: Claim, n: int, total: int) -> None:
    w = deck.labels
    title = w["quiz"]
    notes = deck.note_paras([(w["quiz_answer"], w[claim.kind], None)] + claim_notes(deck, claim))
    body = deck.body_for(title)
    counter = [para(deck.say("quiz_item", n=n, total=total), BODY_MIN, deck.lang, bold=True,
                    colour=None if deck.custom else MUTED)]
    counter_h = paras_height(counter, body.width)
    chip_w = min(kind_badge_width(deck), (body.width - 2 * 16) / 3)  # three choices side by side
    chip_h = max(
        badge_height(kind_label(deck, k), chip_w, shape=KIND_LOOK[k].shape) for k in KIND_LOOK
    )
    room = body.height - counter_h - 16 - chip_h - 24
    who = speaker_of(deck, claim)
    statement = None
    for size in STATEMENT_SIZES:
        paras = [para(deck.t(claim.text), size, deck.lang, bold=size >= 24)]
        if who:
            paras.append(
                para(
                    f"{w['speaker']}: {who}",
                    BODY_MIN,
                    deck.lang,
                    colour=MUTED,
                    italic=True,
                    space_before=8,
                )
            )
        if paras_height(paras, body.width - 40) <= room:
            statement = paras
            break
    if statement is None:
        # too long for one slide even at body size: the statement flows on, without chips
        flow_paras(
            deck,
            title,
            counter + [para(deck.t(claim.text), BODY_MIN, deck.lang, space_before=8)],
            notes,
        )
        return
    page = deck.new_slide(title, notes=notes)
    b = page.body
    deck.text(page, Box(b.left, b.top, b.width, counter_h), counter, name="Quiz counter")
    top = b.top + counter_h + 16
    h = paras_height(statement, b.width - 40)
    if not deck.custom:
        deck.panel(page, Box(b.left, top - 6, 6, h + 12), MUTED, name="Quote bar")
    deck.text(page, Box(b.left + 24, top, b.width - 40, h), statement, name="Quiz statement")
    chips_top = b.bottom - chip_h
    for i, kind in enumerate(KIND_LOOK):
        add_badge(deck, page, b.left + i * (chip_w + 16), chips_top, chip_w, kind_label(deck, kind),
                  KIND_LOOK[kind].shape, "FFFFFF", "404040", "7F7F7F", f"Choice {kind}")


def _answer(deck: Deck, claim: Claim, n: int, total: int) -> None:
    w = deck.labels
    title = f"{w['quiz_answer']} · {deck.say('quiz_item', n=n, total=total)}"
    notes = deck.note_paras(claim_notes(deck, claim))
    paras = [para(deck.t(claim.text), BODY, deck.lang, space_before=0)]
    if claim.why is not None:
        paras.append(labelled(deck, w["why"], deck.t(claim.why), space=14))
    if claim.signals:
        src = deck.outline.source.language
        paras.append(labelled(deck, w["signals"], ", ".join(claim.signals), size=BODY_MIN, space=10,
                              value_lang=src))
    if claim.quote:
        paras.append(heading(deck, w["quote"], space=12))
        paras.append(
            para(
                quoted(deck, claim.quote),
                BODY_MIN,
                deck.outline.source.language,
                space_before=2,
                colour=None if deck.custom else MUTED,
            )
        )
    badge_w = badge_width(deck)

    def badges(page: Page) -> float:
        b = page.body
        h = add_badges(deck, page, b.left, b.top, badge_w, claim.kind, None)
        if claim.fact_status:
            h = max(
                h,
                add_status_badge(
                    deck,
                    page,
                    b.left + badge_w + 12,
                    b.top,
                    max(badge_w, 150.0) + 40,
                    claim.fact_status,
                ),
            )
        return h + 14

    flow_paras(deck, title, paras, notes, before=badges)


__all__ = ["quiz", "quiz_claims"]
