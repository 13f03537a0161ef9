"""What every drawing of a map page works out alike, whatever toolkit draws it: the
boxes' colours and scale, the page cut to its drawing with the key right below, and the
head of a relation's arrow. Sizes are in the page's own units (points)."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..looks import ACCENT, INK, KIND_LOOK, MUTED, PAPER
from .mapboxes import MapNode, MapPage, MapStyle

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


def node_colours(node: MapNode) -> tuple[str, str, str]:
    """(fill, outline, ink) of a map box, the same in the deck and in the handout:
    thesis and strands in neutral tones, claims in their kind's tint, references to
    other strands' claims left white so they read as pointers, not content."""
    if node.role == "thesis":
        return PAPER, ACCENT, INK
    if node.role == "strand":
        return "EDEDED", INK, INK
    if node.kind is None:   # a blank map: nothing tells the kind
        return PAPER, INK, MUTED if node.role == "ref" else INK
    look = KIND_LOOK[node.kind]
    if node.role == "ref":
        return PAPER, look.colour, MUTED
    return look.tint, look.colour, INK


def heading_colour(node: MapNode) -> str:
    """The colour of a box's badge line: its kind's colour for claims and references,
    the accent for the thesis, muted for strands."""
    look = KIND_LOOK.get(node.kind) if node.kind else None
    if look:
        return look.colour
    if node.role in ("claim", "ref"):
        return INK
    return ACCENT if node.role == "thesis" else MUTED


def box_scale(node: MapNode, style: MapStyle) -> float:
    """How much larger than the page style's a box's padding and shape details are
    (reference boxes are drawn at ``ref_scale``; a box whose text was shrunk to fit
    has smaller corners and arrow tips too)."""
    return node.body_size / (style.body_size * (style.ref_scale if node.role == "ref" else 1.0))
