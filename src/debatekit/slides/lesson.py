"""The lesson's own slides: the exercise (statements without labels) and the exit
ticket; the reveal that follows the exercise is in ``reveal``.

Students try before they see: nothing on an exercise slide names a kind or a status. The
answers are in the speaker notes, which the class does not see.
"""

from __future__ import annotations

from typing import NamedTuple


from ..language import profile
from ..looks import ACCENT, MUTED
from ..present.figures import inner_quotes
from ..present.keymap import never_drawn
from ..model import KINDS, Claim
from .deck import Deck
from .geometry import BODY, BODY_MIN, LEAD, Box
from .notes import claim_notes
from .textbox import Para, Span, para, paras_height

NUMBER_W = 52.0          # the column of the statement numbers
ITEM_GAP = 18.0
MAX_PER_SLIDE = 4
EXIT_TICKET = 3          # statements on the exit ticket at most


class Density(NamedTuple):
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


def quote_translation(deck: Deck, claim: Claim) -> str | None:
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
        shown = quote_translation(deck, claim)
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
        spans[-1] = last._replace(text=last.text[: int(len(last.text) * 0.85)].rstrip() + "…")
        paras = [first._replace(spans=tuple(spans))] + paras[1:]
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


def numbered_title(deck: Deck, title: str, i: int, n: int) -> str:
    numbered = profile(deck.lang).remark(title, f"{i}/{n}") if n > 1 else title
    deck.part_of[numbered] = title
    return numbered


# -- the exercise ---------------------------------------------------------------------------


def _statement_plan(deck: Deck, title: str, claims: list[Claim], size: float, most: int):
    """(statements with their paragraphs and heights, statements per slide)."""
    probe = deck.body_for(numbered_title(deck, title, 9, 9))
    text_w = probe.width - NUMBER_W - 12
    tried = []
    # statements so long that each would sit alone on its slide are set a step smaller
    # (never below 18 pt) when that lets them share: no continuation holds one statement
    for step in [size] + [s for s in (BODY, BODY_MIN) if s < size]:
        items = []
        for claim in claims:
            paras = _fitted_statement(deck, claim, step, text_w, probe.height)
            items.append((claim, paras, paras_height(paras, text_w)))
        groups = pack([h for _, _, h in items], probe.height, most)
        alone = groups.count(1) if len(groups) > 1 else 0
        tried.append((alone, len(tried), items, groups))
        if not alone:
            break
    _, _, items, groups = min(tried, key=lambda t: t[:2])
    return items, groups


def _statement_slides(deck: Deck, title: str, claims: list[Claim], first_number: int,
                      size: float, most: int, notes_for, name: str) -> None:
    items, groups = _statement_plan(deck, title, claims, size, most)
    text_w = deck.body_for(numbered_title(deck, title, 9, 9)).width - NUMBER_W - 12
    start = 0
    for g, count in enumerate(groups, 1):
        group = items[start:start + count]
        start += count
        page = deck.new_slide(numbered_title(deck, title, g, len(groups)),
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


def exercise_slides(deck: Deck, density: Density) -> int:
    """How many slides ``exercise`` makes at ``density``, found without making them."""
    claims = list(deck.outline.exercise_claims)
    if not claims:
        return 0
    return len(_statement_plan(deck, deck.labels["exercise"], claims, density.statement_size,
                               density.per_slide)[1])


def exercise(deck: Deck, density: Density) -> None:
    """The exercise statements, a few per slide, numbered, with no label on screen."""
    claims = list(deck.outline.exercise_claims)
    if not claims:
        return
    _statement_slides(deck, deck.labels["exercise"], claims, 1, density.statement_size,
                      density.per_slide, _task_notes(deck, "exercise_task"), "Statement")


def _task_notes(deck: Deck, task: str):
    """Speaker notes for a slide of statements: the task, then each one's answer."""
    def notes(group):
        items = [("", deck.labels[task], None)]
        for claim in group:
            items.append(("", "—", None))
            items.extend(claim_notes(deck, claim))
        return deck.note_paras(items)
    return notes


# -- the exit ticket ---------------------------------------------------------------------------


def exit_claims(deck: Deck, size: int = EXIT_TICKET) -> list[Claim]:
    """Up to ``size`` statements the class has not classified, one of each kind where
    the outline has them (kinds in the order fact, opinion, prediction), each the shortest
    of its kind, so the ticket fits one slide; in outline order. A ticket whose answers
    are on the map the class has just seen tests nothing, so statements no slide has
    labelled come first, and among them those no strand map can draw in any language
    (``keymap.never_drawn``): then the ticket is the same in every language of the kit, though
    each language's maps hold what fits its own words. "Shortest" counts a statement's
    characters in all the kit's languages together."""
    o = deck.outline
    shown = deck.labelled | {p.claim for d in o.debates for p in (*d.pro, *d.con) if p.claim}
    unseen = [c for c in o.extension_claims if c.id not in shown]
    enough = min(2, len(o.extension_claims))
    anywhere = never_drawn(o)
    chosen = _exit_pick(deck, [c for c in unseen if c.id in anywhere], size)
    if len(chosen) < enough:
        # the maps of this language decide the rest: another language's may differ
        chosen += _exit_pick(deck, [c for c in unseen if c not in chosen], enough - len(chosen))
    if len(chosen) < enough:
        # too few new statements: the lesson plan promises a ticket, so top it up with
        # labelled ones (the teacher's notes still hold the answers)
        chosen += _exit_pick(deck, [c for c in o.extension_claims if c not in chosen],
                             enough - len(chosen))
    return sorted(chosen, key=lambda c: o.claim_number(c.id))


def _exit_pick(deck: Deck, pool: list[Claim], size: int) -> list[Claim]:
    languages = deck.outline.languages

    def length(claim: Claim) -> int:
        return sum(len(claim.text[lang]) for lang in languages)

    chosen: list[Claim] = []
    for kind in KINDS:
        of_kind = [c for c in pool if c.kind == kind]
        if of_kind:
            chosen.append(min(of_kind, key=lambda c: (length(c), pool.index(c))))
    for claim in sorted(pool, key=length):
        if len(chosen) >= min(2, len(pool)):
            break
        if claim not in chosen:
            chosen.append(claim)
    return chosen[:size]


def exit_ticket(deck: Deck) -> None:
    """Two or three new statements to classify on the way out; the answers in the notes."""
    claims = exit_claims(deck)
    if claims:
        _statement_slides(deck, deck.labels["exit_ticket"], claims, 1, BODY, EXIT_TICKET,
                          _task_notes(deck, "exit_task"), "Exit")


__all__ = ["Density", "DENSITIES", "exercise", "exercise_slides", "exit_ticket", "exit_claims",
           "statement_paras", "pack", "cut_to_fit"]
