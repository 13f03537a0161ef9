"""Flowables placed one under another by hand, for a flowable that draws others inside
itself (a block that fills in later, a sheet with a heading above its columns)."""

from __future__ import annotations

from typing import Sequence

from reportlab.platypus import Flowable

# Tall enough for anything on a page: the stack measures its flowables, it never cuts them.
_UNBOUNDED = 10_000


def stacked(flowables: Sequence[Flowable], width: float) -> tuple[list[tuple[Flowable, float, float]], float]:
    """Each flowable with its distance from the top and its height (the space before the
    first one left out, as at the top of a frame), and the height of them all."""
    placed, y = [], 0.0
    for item in flowables:
        y += item.getSpaceBefore() if placed else 0.0
        h = item.wrap(width, _UNBOUNDED)[1]
        placed.append((item, y, h))
        y += h + item.getSpaceAfter()
    return placed, y
