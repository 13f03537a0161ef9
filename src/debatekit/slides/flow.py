"""Laying out a run of paragraphs or claim rows over as many slides as they need.

Content never shrinks below the body minimum (18 pt) to fit: a run of text is set a step
smaller when that saves a slide, and what does not fit goes on continuation slides,
split evenly (the deck numbers them when it is finished).
"""

from __future__ import annotations

from typing import Callable

from .blocks import ROW_GAP, ClaimRow, badge_width, claim_rows, draw_claim_row
from .deck import Deck, Page
from .geometry import BODY, BODY_MIN, LEAD, Box
from .textbox import Para, paras_height, split_paras

MIN_SPLIT_LINES = 2      # do not start a paragraph at a slide's foot with less room than this


def flow_paras(
    deck: Deck,
    title: str,
    paras: list[Para],
    notes: list[Para],
    *,
    before: Callable[[Page], float] | None = None,
    continuing: bool = False,
) -> list[Page]:
    """Paragraphs in one text box per slide. ``before`` may draw something at the top of
    the first slide and return the height it used; ``continuing`` marks even the first
    slide as continued (the run began on another slide)."""
    pages: list[Page] = []
    queue = list(paras)
    fill = 1.0
    if before is None:
        queue, fill = _fewest_slides(deck, title, queue, continuing)
    while queue or not pages:
        page = deck.new_slide(
            title if not (pages or continuing) else deck.continued(title), notes=notes
        )
        body = page.body
        if before and not pages:
            used = before(page)
            body = Box(body.left, body.top + used, body.width, max(body.height - used, 0.0))
        pages.append(page)
        chunk, queue = _chunk(queue, body.width, body.height * fill)
        if chunk:
            deck.text(
                page, Box(body.left, body.top, body.width, paras_height(chunk, body.width)), chunk
            )
        elif queue and not (before and len(pages) == 1):
            raise RuntimeError("a paragraph could not be placed on an empty slide")
    return pages


def _chunk(queue: list[Para], width: float, height: float) -> tuple[list[Para], list[Para]]:
    """What of ``queue`` goes on one slide: the whole paragraphs that fit, a heading
    never last; a paragraph is cut at a line end only when it is the first and does not
    fit on its own (no question or definition begins on one slide and ends on the next)."""
    # the box's height grows paragraph by paragraph: the sum paras_height would make of
    # chunk + [next], kept rather than summed again for every paragraph tried
    insets = paras_height([], width)
    body, fit = 0, 0
    for p in queue:
        grown = body + p.height(width, first=fit == 0)
        if grown + insets > height:
            break
        body, fit = grown, fit + 1
    chunk, rest = list(queue[:fit]), list(queue[fit:])
    if not chunk and rest:
        chunk, rest = split_paras(rest, width, height, MIN_SPLIT_LINES)
    while rest and len(chunk) > 1 and chunk[-1].keep_with_next:
        rest.insert(0, chunk.pop())    # a heading goes on with what it heads
    return chunk, rest


def _count(paras: list[Para], first: Box, later: Box, fill: float) -> int:
    queue, slides = list(paras), 0
    while queue:
        box = first if slides == 0 else later
        chunk, queue = _chunk(queue, box.width, box.height * fill)
        slides += 1
        if not chunk:
            return 10 ** 6
    return max(slides, 1)


_SMALLER = {LEAD: BODY, BODY: BODY_MIN}


def _fewest_slides(deck: Deck, title: str, paras: list[Para],
                   continuing: bool) -> tuple[list[Para], float]:
    """The paragraphs, a step smaller (never below the body minimum) when that saves a
    slide, and the share of each slide's height to fill so that a run over several
    slides is split evenly rather than leaving a scrap on the last one."""
    first = deck.body_for(deck.continued(title) if continuing else title)
    later = deck.body_for(deck.continued(title))
    best, slides = paras, _count(paras, first, later, 1.0)
    candidate = paras
    for _ in range(2):
        if slides == 1:
            break
        candidate = [p._replace(size=_SMALLER.get(p.size, p.size)) for p in candidate]
        count = _count(candidate, first, later, 1.0)
        if count < slides:
            best, slides = candidate, count
    if slides == 1:
        return best, 1.0
    low, high = 0.3, 1.0
    for _ in range(12):
        middle = (low + high) / 2
        if _count(best, first, later, middle) <= slides:
            high = middle
        else:
            low = middle
    return best, high


def flow_claims(
    deck: Deck, title: str, claims, notes_for: Callable[[list], list[Para]]
) -> list[Page]:
    """Claim rows beside their badges, as many per slide as fit."""
    probe = deck.body_for(deck.continued(title))
    badge_w = badge_width(deck)
    rows: list[ClaimRow] = [
        row for claim in claims for row in claim_rows(deck, claim, probe, badge_w)
    ]
    groups = _balanced(rows, probe.height)
    pages = []
    for i, group in enumerate(groups):
        claims_here = list(dict.fromkeys(r.claim for r in group))
        page = deck.new_slide(
            title if i == 0 else deck.continued(title), notes=notes_for(claims_here)
        )
        slack = max(
            page.body.height - sum(r.height for r in group) - ROW_GAP * (len(group) - 1), 0.0
        )
        gap = ROW_GAP + min(slack / max(len(group), 1), 18.0) if len(group) > 1 else ROW_GAP
        top = page.body.top
        for row in group:
            draw_claim_row(deck, page, top, row, badge_w)
            top += row.height + gap
        pages.append(page)
    return pages


def _group(rows: list[ClaimRow], capacity: float) -> list[list[ClaimRow]]:
    """Rows in order, a new slide whenever the next row would pass ``capacity``."""
    groups: list[list[ClaimRow]] = []
    used = 0.0
    for row in rows:
        need = row.height + (ROW_GAP if groups else 0.0)
        if groups and used + need <= capacity:
            groups[-1].append(row)
            used += need
        else:
            groups.append([row])
            used = row.height
    return groups


def _balanced(rows: list[ClaimRow], height: float) -> list[list[ClaimRow]]:
    """As few slides as a full packing needs, but filled evenly (five and one claims
    become three and three): the smallest capacity that needs no more slides."""
    fewest = len(_group(rows, height))
    low, high = max((r.height for r in rows), default=0.0), height
    for _ in range(24):
        middle = (low + high) / 2
        if len(_group(rows, middle)) <= fewest:
            high = middle
        else:
            low = middle
    return _group(rows, high)
