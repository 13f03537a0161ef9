"""Laying out a run of paragraphs or claim rows over as many slides as they need.

Content never shrinks below the body size to fit: what does not fit goes on a
continuation slide whose title is marked as continued.
"""

from __future__ import annotations

from typing import Callable

from .blocks import ROW_GAP, ClaimRow, badge_width, claim_rows, draw_claim_row
from .deck import Deck, Page
from .geometry import Box
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
    while queue or not pages:
        page = deck.new_slide(
            title if not (pages or continuing) else deck.continued(title), notes=notes
        )
        body = page.body
        if before and not pages:
            used = before(page)
            body = Box(body.left, body.top + used, body.width, max(body.height - used, 0.0))
        pages.append(page)
        chunk, queue = split_paras(queue, body.width, body.height, MIN_SPLIT_LINES)
        while queue and len(chunk) > 1 and chunk[-1].keep_with_next:
            queue.insert(0, chunk.pop())    # a heading goes on with what it heads
        if chunk:
            deck.text(
                page, Box(body.left, body.top, body.width, paras_height(chunk, body.width)), chunk
            )
        elif queue and not (before and len(pages) == 1):
            raise RuntimeError("a paragraph could not be placed on an empty slide")
    return pages


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
