"""The reveal: each exercise statement again, now with its kind and status badges, the
reason for its label, the other labels a teacher should accept and its signal words.
It comes after the exercise slides (``lesson``), so the class has tried first."""

from __future__ import annotations

from typing import NamedTuple


from ..language import profile, unquoted
from ..looks import ACCENT, KIND_LOOK, MUTED
from ..model import Claim
from ..textfit import NO_BREAK
from .blocks import (
    add_kind_badge,
    add_status_badge,
    badge_height,
    kind_badge_width,
    kind_label,
    status_badge_width,
)
from .deck import Deck
from .geometry import BODY_MIN, Box
from .lesson import (
    Density,
    numbered_title,
    quote_translation,
    cut_to_fit,
    pack,
)
from .notes import claim_notes
from .textbox import Para, Span, paras_height


def _first_sentence(text: str) -> str:
    """A reason's first sentence: the slide shows it, the notes hold the rest."""
    for i, ch in enumerate(text):
        if ch in "。！？" or (ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " ")):
            if i > 20:
                return text[: i + 1]
    return text


def _short(deck: Deck, text: str, limit: int) -> str:
    """A statement cut to about ``limit`` characters at a word, to remind the class which
    one this is."""
    wide = profile(deck.lang).cjk
    limit = limit // 2 if wide else limit
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if not wide and " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:，、；：") + "…"


def signal_gloss(deck: Deck, claim: Claim) -> str | None:
    """The claim's signal words as the deck's reader can read them: in the source's own
    language, each with its gloss from the outline's glossary where one exists, else the
    list followed by the quote's translation, where the words can be found."""
    if not claim.signals:
        return None
    src = deck.outline.source.language
    sep = profile(src).list_separator
    if deck.lang == src:
        return sep.join(claim.signals)
    glossary = {e.term.get(src): deck.t(e.definition) if e.term.get(deck.lang) is None
                else e.term.get(deck.lang) for e in deck.outline.glossary}
    # a gloss that already holds the word ("将 (will)") is shown alone, not "将 (将 (will))"
    words = [s if not glossary.get(s) else glossary[s] if s in glossary[s]
             else f"{s} ({glossary[s]})" for s in claim.signals]
    shown = ", ".join(words)
    translation = quote_translation(deck, claim)
    if not all(glossary.get(s) for s in claim.signals):
        # the marks a translation may come wrapped in go before the cut, which would
        # take the closing one and leave the opening one doubled (“‘I only have …”)
        shown += f" — {profile(deck.lang).quoted(_short(deck, unquoted(translation or deck.t(claim.text)), 90))}"
    return shown


def _reveal_head(deck: Deck, claim: Claim, n: int, width: float) -> list[Para]:
    """The statement beside its badges, cut to a reminder; whole when it takes no more
    lines than its cut form (a cut that saves only a word or two only hides them). Its
    number on the maps follows ("· #6"): the maps and the charts' captions number the
    article's claims, the exercise only its own statements."""
    accent = None if deck.custom else ACCENT
    # no-break spaces keep "· #41" with the statement's last word: a line never ends on
    # the dot with the number alone on the next
    on_maps = Span(f"{NO_BREAK}·{NO_BREAK}#{deck.outline.claim_number(claim.id)}",
                   colour=None if deck.custom else MUTED)

    def head(text: str, *tail: Span) -> list[Para]:
        return [Para((Span(f"{n}. ", bold=True, colour=accent), Span(text, bold=True), *tail),
                     BODY_MIN, deck.lang)]

    # whole or cut is decided on the statement alone: the number after it must not make
    # a cut of a word or two look worth a line
    text = deck.t(claim.text)
    short = _short(deck, text, 64)
    chosen = text if paras_height(head(text), width) <= paras_height(head(short), width) else short
    return head(chosen, on_maps)


def reveal_paras(deck: Deck, claim: Claim, n: int) -> list[Para]:
    """What the class learns of a statement: the reason, the other labels accepted and
    the signal words (the statement itself heads the row, beside its badges)."""
    w, mark = deck.labels, profile(deck.lang)
    accent = None if deck.custom else ACCENT
    paras = []
    if claim.why is not None:
        paras.append(Para((Span(f"{w['why']}{mark.colon}", bold=True, colour=accent),
                           Span(_first_sentence(deck.t(claim.why)))), BODY_MIN, deck.lang))
    for alt in claim.accept:
        paras.append(Para((Span(f"{w['also_accept']}{mark.colon}", bold=True, colour=accent),
                           Span(f"{kind_label(deck, alt.kind)} — "),
                           Span(_first_sentence(deck.t(alt.why)))), BODY_MIN, deck.lang,
                          space_before=2))
    signals = signal_gloss(deck, claim)
    if signals:
        paras.append(Para((Span(f"{w['signals']}{mark.colon}", bold=True, colour=accent),
                           Span(signals)), BODY_MIN, deck.lang, space_before=2))
    return paras


class _Row(NamedTuple):
    n: int
    claim: Claim
    head: list
    rest: list
    head_h: float
    height: float


def _reveal_rows(deck: Deck, claims: list[Claim], width: float) -> tuple[list[_Row], float,
                                                                          float]:
    kind_w, status_w = kind_badge_width(deck), status_badge_width(deck)
    badges_w = kind_w + 8 + status_w
    rows = []
    for n, claim in enumerate(claims, 1):
        head = _reveal_head(deck, claim, n, width - badges_w - 12)
        badge_h = badge_height(kind_label(deck, claim.kind), kind_w,
                               shape=KIND_LOOK[claim.kind].shape)
        head_h = max(paras_height(head, width - badges_w - 12), badge_h)
        rest = reveal_paras(deck, claim, n)
        rest = cut_to_fit(rest, width, _probe_height(deck) - head_h - 2) if rest else rest
        rest_h = paras_height(rest, width) if rest else 0.0
        rows.append(_Row(n, claim, head, rest, head_h, head_h + (2 + rest_h if rest else 0)))
    return rows, kind_w, status_w


def _probe_height(deck: Deck) -> float:
    return deck.body_for(numbered_title(deck, deck.labels["reveal"], 9, 9)).height


def reveal_slides(deck: Deck, density: Density) -> int:
    """How many slides ``reveal`` makes at ``density``, found without making them."""
    claims = list(deck.outline.exercise_claims)
    if not claims:
        return 0
    probe = deck.body_for(numbered_title(deck, deck.labels["reveal"], 9, 9))
    rows, _, _ = _reveal_rows(deck, claims, probe.width)
    return len(pack([r.height for r in rows], probe.height, density.reveal_per_slide, gap=14.0))


def reveal(deck: Deck, density: Density) -> None:
    """Each exercise statement again, with its kind and status badges, the reason, the
    other labels a teacher accepts and the signal words."""
    claims = list(deck.outline.exercise_claims)
    if not claims:
        return
    w = deck.labels
    title = w["reveal"]
    probe = deck.body_for(numbered_title(deck, title, 9, 9))
    rows, kind_w, status_w = _reveal_rows(deck, claims, probe.width)
    groups = pack([r.height for r in rows], probe.height, density.reveal_per_slide, gap=14.0)
    start = 0
    for g, count in enumerate(groups, 1):
        group = rows[start:start + count]
        start += count
        notes = []
        for row in group:
            if notes:
                notes.append(("", "—", None))
            notes.extend(claim_notes(deck, row.claim))
            for alt in row.claim.accept:
                notes.append((w["also_accept"], f"{w[alt.kind]}: {deck.t(alt.why)}", None))
        page = deck.new_slide(numbered_title(deck, title, g, len(groups)),
                              notes=deck.note_paras(notes))
        b = page.body
        used = sum(r.height for r in group)
        gap = min(14.0 + max(b.height - used - 14.0 * (len(group) - 1), 0) / max(len(group), 1),
                  36.0) if len(group) > 1 else 14.0
        top = b.top
        for row in group:
            add_kind_badge(deck, page, b.left, top, kind_w, row.claim.kind)
            left = b.left + kind_w + 8
            if row.claim.fact_status:
                add_status_badge(deck, page, left, top, status_w, row.claim.fact_status)
            left = b.left + kind_w + 8 + status_w + 12
            deck.text(page, Box(left, top, b.right - left, row.head_h), row.head,
                      name=f"Answer {row.n}", anchor="middle")
            if row.rest:
                rest_h = row.height - row.head_h - 2
                deck.text(page, Box(b.left, top + row.head_h + 2, b.width, rest_h), row.rest,
                          name=f"Answer {row.n} reason")
            top += row.height + gap


# -- the exit ticket ---------------------------------------------------------------------------
