"""The lesson's own slides: the exercise (statements without labels), the reveal (each
statement's kind, status, reason and accepted alternatives) and the exit ticket.

Students try before they see: nothing on an exercise slide names a kind or a status. The
answers are in the speaker notes, which the class does not see.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..language import profile
from ..looks import ACCENT, KIND_LOOK, MUTED
from ..present.figures import inner_quotes
from ..model import KINDS, Claim
from .blocks import (
    add_kind_badge,
    add_status_badge,
    badge_height,
    kind_badge_width,
    kind_label,
    status_badge_width,
)
from .deck import Deck
from .geometry import BODY, BODY_MIN, LEAD, Box
from .notes import claim_notes
from .textbox import Para, Span, para, paras_height

NUMBER_W = 52.0          # the column of the statement numbers
ITEM_GAP = 18.0
MAX_PER_SLIDE = 4
EXIT_TICKET = 3          # statements on the exit ticket at most


@dataclass(frozen=True)
class Density:
    """How tightly the lesson is set: the deck tries the loosest first and tightens until
    it keeps to its slide budget (see ``writer.slide_budget``)."""

    statement_size: float = LEAD     # exercise statements
    per_slide: int = 3               # exercise statements per slide at most
    reveal_per_slide: int = 3


DENSITIES = (
    Density(),
    Density(per_slide=4, reveal_per_slide=4),
    Density(statement_size=BODY, per_slide=4, reveal_per_slide=4),
)


# -- statements as the class reads them ---------------------------------------------------


def _quote_translation(deck: Deck, claim: Claim) -> str | None:
    """The quote's words in the deck's language: its own short translation, else None."""
    return claim.quote_translation.get(deck.lang)


def paragraph_number(deck: Deck, claim: Claim) -> int | None:
    article = deck.job.article
    if article is None or not claim.quote:
        return None
    return article.paragraph_of(claim.quote)


def statement_paras(deck: Deck, claim: Claim, size: float) -> list[Para]:
    """A statement as students classify it, with no label: in the source's language the
    claim's text; in another language the quote's translation (or the claim's text) in
    large type with the original quote beneath it, and the paragraph it comes from."""
    src = deck.outline.source.language
    mark = profile(deck.lang)
    paras: list[Para] = []
    where = paragraph_number(deck, claim)
    ref = f"¶{where}" if where else ""
    if deck.lang != src and claim.quote:
        shown = _quote_translation(deck, claim)
        main = mark.quoted(inner_quotes(shown)) if shown else deck.t(claim.text)
        paras.append(para(main, size, deck.lang))
        original = profile(src).quoted(inner_quotes(claim.quote))
        paras.append(Para((Span(f"{ref}  " if ref else "", bold=True, lang=deck.lang),
                           Span(original, lang=src)), BODY_MIN, deck.lang,
                          colour=None if deck.custom else MUTED, space_before=4))
    else:
        paras.append(para(deck.t(claim.text), size, deck.lang))
        if ref:
            paras.append(para(ref, BODY_MIN, deck.lang, bold=True,
                              colour=None if deck.custom else MUTED, space_before=2))
    # who says it stays in the notes: an outline's speaker may name the kind ("an
    # unattributed forecast"), which the class is to find out
    return paras


def _fitted_statement(deck: Deck, claim: Claim, size: float, width: float,
                      height: float) -> list[Para]:
    """The statement at the largest size that fits a slide; a statement too long even at
    the body minimum is cut with "…" (the notes hold it whole)."""
    for s in (size, BODY, BODY_MIN):
        paras = statement_paras(deck, claim, s)
        if paras_height(paras, width) <= height:
            return paras
    return cut_to_fit(paras, width, height)


def cut_to_fit(paras: list[Para], width: float, height: float) -> list[Para]:
    """Paragraphs cut to fit ``height``: the last ones dropped first, then the first
    shortened with "…" (for texts far longer than a slide holds; notes keep them whole)."""
    paras = list(paras)
    while len(paras) > 1 and paras_height(paras, width) > height:
        paras = paras[:-1]
    if not paras:
        return paras
    first = paras[0]
    spans = list(first.spans)
    while paras_height(paras, width) > height and sum(len(s.text) for s in spans) > 20:
        last = spans[-1]
        if len(last.text) <= 4 and len(spans) > 1:
            spans.pop()
            continue
        spans[-1] = replace(last, text=last.text[: int(len(last.text) * 0.85)].rstrip() + "…")
        paras = [replace(first, spans=tuple(spans))] + paras[1:]
    return paras


def _number_para(deck: Deck, n: int, size: float) -> list[Para]:
    return [para(f"{n}", max(size, LEAD), deck.lang, bold=True,
                 colour=None if deck.custom else ACCENT, align="right")]


# -- packing items onto slides --------------------------------------------------------------


def pack(heights: list[float], capacity: float, most: int, gap: float = ITEM_GAP) -> list[int]:
    """Sizes of consecutive groups: the fewest slides that hold every item (at most
    ``most`` each, within ``capacity``; an item taller than that alone), then the fewest
    slides of a single item (one more slide is worth it to have none), then as even as
    can be."""
    n = len(heights)
    if n == 0:
        return []

    def height(i, j):
        return sum(heights[i:j]) + gap * (j - i - 1)

    def solve(slides):
        inf = (float("inf"), float("inf"))
        best = [[inf] * (n + 1) for _ in range(slides + 1)]
        cut = [[0] * (n + 1) for _ in range(slides + 1)]
        best[0][0] = (0, 0.0)
        for k in range(1, slides + 1):
            for i in range(1, n + 1):
                for j in range(max(0, i - most), i):
                    h = height(j, i)
                    if h > capacity and i - j > 1:
                        continue
                    prev = best[k - 1][j]
                    value = (prev[0] + (i - j == 1 and n > 1), max(prev[1], h))
                    if value < best[k][i]:
                        best[k][i], cut[k][i] = value, j
        if best[slides][n][0] == float("inf"):
            return None
        sizes, i = [], n
        for k in range(slides, 0, -1):
            sizes.append(i - cut[k][i])
            i = cut[k][i]
        return best[slides][n][0], sizes[::-1]

    for slides in range(-(-n // most), n + 1):
        found = solve(slides)
        if found is None:
            continue
        if found[0] and slides < n:
            more = solve(slides + 1)
            if more is not None and more[0] < found[0]:
                return more[1]
        return found[1]
    return [1] * n


def _numbered_title(deck: Deck, title: str, i: int, n: int) -> str:
    return profile(deck.lang).remark(title, f"{i}/{n}") if n > 1 else title


# -- the exercise ---------------------------------------------------------------------------


def _statement_slides(deck: Deck, title: str, claims: list[Claim], first_number: int,
                      size: float, most: int, notes_for, name: str) -> None:
    probe = deck.body_for(_numbered_title(deck, title, 9, 9))
    text_w = probe.width - NUMBER_W - 12
    items = []
    for claim in claims:
        paras = _fitted_statement(deck, claim, size, text_w, probe.height)
        items.append((claim, paras, paras_height(paras, text_w)))
    groups = pack([h for _, _, h in items], probe.height, most)
    start = 0
    for g, count in enumerate(groups, 1):
        group = items[start:start + count]
        start += count
        page = deck.new_slide(_numbered_title(deck, title, g, len(groups)),
                              notes=notes_for([c for c, _, _ in group]))
        b = page.body
        used = sum(h for _, _, h in group)
        gap = min(ITEM_GAP + max(b.height - used - ITEM_GAP * (len(group) - 1), 0) /
                  max(len(group), 1), 48.0) if len(group) > 1 else ITEM_GAP
        top = b.top
        for claim, paras, h in group:
            n = first_number + claims.index(claim)
            deck.text(page, Box(b.left, top, NUMBER_W, paras_height(_number_para(deck, n, size),
                                                                     NUMBER_W)),
                      _number_para(deck, n, size), name=f"{name} number {n}")
            deck.text(page, Box(b.left + NUMBER_W + 12, top, text_w, h), paras,
                      name=f"{name} {n}")
            top += h + gap


def exercise(deck: Deck, density: Density) -> None:
    """The exercise statements, a few per slide, numbered, with no label on screen."""
    claims = list(deck.outline.exercise_claims)
    if not claims:
        return
    w = deck.labels

    def notes(group):
        items = [("", w["exercise_task"], None)]
        for claim in group:
            items.append(("", "—", None))
            items.extend(claim_notes(deck, claim))
        return deck.note_paras(items)

    _statement_slides(deck, w["exercise"], claims, 1, density.statement_size,
                      density.per_slide, notes, "Statement")


# -- the reveal ------------------------------------------------------------------------------


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
    words = [f"{s} ({glossary[s]})" if glossary.get(s) else s for s in claim.signals]
    shown = ", ".join(words)
    translation = _quote_translation(deck, claim)
    if not all(glossary.get(s) for s in claim.signals):
        shown += f" — {profile(deck.lang).quoted(_short(deck, translation or deck.t(claim.text), 90))}"
    return shown


def _reveal_head(deck: Deck, claim: Claim, n: int) -> list[Para]:
    accent = None if deck.custom else ACCENT
    return [Para((Span(f"{n}. ", bold=True, colour=accent),
                  Span(_short(deck, deck.t(claim.text), 64), bold=True)), BODY_MIN, deck.lang)]


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


@dataclass(frozen=True)
class _Row:
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
        head = _reveal_head(deck, claim, n)
        badge_h = badge_height(kind_label(deck, claim.kind), kind_w,
                               shape=KIND_LOOK[claim.kind].shape)
        head_h = max(paras_height(head, width - badges_w - 12), badge_h)
        rest = reveal_paras(deck, claim, n)
        rest = cut_to_fit(rest, width, _probe_height(deck) - head_h - 2) if rest else rest
        rest_h = paras_height(rest, width) if rest else 0.0
        rows.append(_Row(n, claim, head, rest, head_h, head_h + (2 + rest_h if rest else 0)))
    return rows, kind_w, status_w


def _probe_height(deck: Deck) -> float:
    return deck.body_for(_numbered_title(deck, deck.labels["reveal"], 9, 9)).height


def reveal(deck: Deck, density: Density) -> None:
    """Each exercise statement again, with its kind and status badges, the reason, the
    other labels a teacher accepts and the signal words."""
    claims = list(deck.outline.exercise_claims)
    if not claims:
        return
    w = deck.labels
    title = w["reveal"]
    probe = deck.body_for(_numbered_title(deck, title, 9, 9))
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
        page = deck.new_slide(_numbered_title(deck, title, g, len(groups)),
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


def exit_claims(deck: Deck, size: int = EXIT_TICKET) -> list[Claim]:
    """Up to ``size`` statements the class has not classified, one of each kind where
    the outline has them (kinds in the order fact, opinion, prediction), each the shortest
    of its kind, so the ticket fits one slide; in outline order."""
    pool = deck.outline.extension_claims
    chosen: list[Claim] = []
    for kind in KINDS:
        of_kind = [c for c in pool if c.kind == kind]
        if of_kind:
            chosen.append(min(of_kind, key=lambda c: (len(deck.t(c.text)), pool.index(c))))
    for claim in sorted(pool, key=lambda c: len(deck.t(c.text))):
        if len(chosen) >= min(2, len(pool)):
            break
        if claim not in chosen:
            chosen.append(claim)
    chosen = chosen[:size]
    return sorted(chosen, key=lambda c: deck.outline.claim_number(c.id))


def exit_ticket(deck: Deck, density: Density) -> None:
    """Two or three new statements to classify on the way out; the answers in the notes."""
    claims = exit_claims(deck)
    if not claims:
        return
    w = deck.labels

    def notes(group):
        items = [("", w["exit_task"], None)]
        for claim in group:
            items.append(("", "—", None))
            items.extend(claim_notes(deck, claim))
        return deck.note_paras(items)

    _statement_slides(deck, w["exit_ticket"], claims, 1, BODY, EXIT_TICKET, notes, "Exit")


__all__ = ["Density", "DENSITIES", "exercise", "reveal", "exit_ticket", "exit_claims",
           "statement_paras", "pack", "cut_to_fit"]
