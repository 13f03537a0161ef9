"""Speaker notes: what the teacher needs beside each slide but students should not read
off it: the quote in the source language, the reason for the label, the check and its
sources, and the teacher's own notes."""

from __future__ import annotations

from ..language import profile
from ..model import Claim, DebatePoint
from .deck import Deck
from .textbox import Para


def claim_notes(deck: Deck, claim: Claim) -> list[tuple[str, str | None, str | None]]:
    w = deck.labels
    number = deck.outline.claim_number(claim.id)
    source_lang = deck.outline.source.language
    kind = w[claim.kind] + (f" ({w[claim.fact_status]})" if claim.fact_status else "")
    items: list[tuple[str, str | None, str | None]] = [
        ("", f"{number}. {kind}: {deck.t(claim.text)}", None),
        (w["quote"], quoted(deck, claim.quote) if claim.quote else None, source_lang),
        (w["signals"], _join(source_lang, claim.signals) if claim.signals else None, source_lang),
        (w["why"], deck.t(claim.why) if claim.why is not None else None, None),
    ]
    if claim.check:
        items.append((w["check"], deck.t(claim.check.note), None))
        items.append((w["sources"], "; ".join(claim.check.sources), None))
    if claim.notes is not None:
        items.append((w["notes"], deck.t(claim.notes), None))
    return items


def claims_notes(deck: Deck, claims: list[Claim]) -> list[Para]:
    items = []
    for i, claim in enumerate(claims):
        if i:
            items.append(("", "—", None))
        items.extend(claim_notes(deck, claim))
    return deck.note_paras(items)


def point_notes(deck: Deck, point: DebatePoint) -> list[tuple[str, str | None, str | None]]:
    if point.claim:
        return claim_notes(deck, deck.outline.claim(point.claim))
    w = deck.labels
    items = [("", f"{w['own_point']}: {deck.t(point.point)}", None)]
    if point.sources:
        items.append((w["sources"], "; ".join(point.sources), None))
    return items


def quoted(deck: Deck, quote: str) -> str:
    """A quote in the marks of its own language."""
    return profile(deck.outline.source.language).quoted(quote)


def _join(lang: str, items) -> str:
    return profile(lang).list_separator.join(items)
