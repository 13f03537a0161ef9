"""Geometry that every drawing of a map page works out alike, whatever toolkit draws it:
the page cut to its drawing with the key right below, and the head of a relation's arrow.
Sizes are in the page's own units (points)."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .mapboxes import MapPage

Point = tuple[float, float]


def cropped(page: MapPage) -> MapPage:
    """The page cut to its drawing, with the key right below it."""
    bottom = max(
        [n.y + n.height for n in page.nodes] + [y for e in page.edges for _, y in e.points],
        default=0.0,
    )
    if not page.legend:
        return replace(page, height=bottom + 2)
    key_top = min(i.y for i in page.legend)
    key_bottom = max(i.y + i.height for i in page.legend)
    shift = bottom + page.style.gap - key_top
    legend = tuple(replace(i, y=i.y + shift) for i in page.legend)
    return replace(page, legend=legend, height=key_bottom + shift + 2)


def arrow_head(points: Sequence[Point], length: float, half_width: float) -> tuple[Point, list[Point]]:
    """The head at the end of a line through ``points``: the middle of its base, where the
    line should stop so that a dashed line does not poke through the head, and its three
    corners (wing, tip, wing)."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    span = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1e-6)
    ux, uy = (x2 - x1) / span, (y2 - y1) / span
    bx, by = x2 - ux * length, y2 - uy * length
    return (bx, by), [(bx - uy * half_width, by + ux * half_width), (x2, y2),
                      (bx + uy * half_width, by - ux * half_width)]
