"""Blank argument maps for students: the same layout as the labelled maps, laid out from
a kind-neutral copy of the outline so no box's shape or width gives a kind away.

A writer draws every claim box of these pages as one plain rectangle with an empty badge
(the kind's words and colours left out); the pages hold no overview, whose strand boxes
count the kinds.
"""

from __future__ import annotations

from ..model import Outline
from .argmap import map_pages
from .mapboxes import MapPage, MapStyle


def kind_neutral(outline: Outline) -> Outline:
    """The outline with every claim made a stated fact: a layout of it measures every
    badge alike."""
    strands = tuple(
        strand.model_copy(
            update={
                "claims": tuple(
                    c.model_copy(update={"kind": "fact", "status": None}) for c in strand.claims
                )
            }
        )
        for strand in outline.strands
    )
    # built anew, not copied: an outline caches its claims, which must be the new ones
    fields = {k: getattr(outline, k) for k in type(outline).model_fields}
    return type(outline)(**{**fields, "strands": strands})


def blank_map_pages(
    outline: Outline, lang: str, width: float, height: float, style: MapStyle | None = None
) -> list[MapPage]:
    """The map pages a student fills in: every claim on exactly one page, no overview."""
    pages = map_pages(kind_neutral(outline), lang, width, height, style)
    return [page for page in pages if page.kind != "overview"]
