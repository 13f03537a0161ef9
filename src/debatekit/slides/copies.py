"""Copies of slide XML made once, for what a deck repeats: blank slides of a layout, the
title rule, badges. python-pptx builds each of these element by element, which is most of
a deck's cost; a copy of the first one, with its own shape id and position, is the same
XML for a fraction of it (the decks stay byte for byte what python-pptx would write).
"""

from __future__ import annotations

import copy
from typing import Callable, Hashable

from .pptx_internals import add_slide_part, next_shape_id


class Copies:
    def __init__(self):
        self._shapes: dict[Hashable, object] = {}
        self._slides: dict[Hashable, object] = {}      # key -> a blank slide's p:sld

    def shape(self, slide, key: Hashable, left: int, top: int, draw: Callable[[], object]):
        """The shape (its XML element) ``draw()`` adds to ``slide`` and returns, or for a
        key seen before a copy of it placed at (left, top) EMU."""
        pattern = self._shapes.get(key)
        if pattern is None:
            element = draw()
            self._shapes[key] = copy.deepcopy(element)
            return element
        shapes = slide.shapes
        sp = copy.deepcopy(pattern)
        sp.nvSpPr.cNvPr.id = next_shape_id(shapes)
        off = sp.spPr.xfrm.off
        off.set("x", str(left))
        off.set("y", str(top))
        shapes.element.insert_element_before(sp, "p:extLst")
        return sp

    def blank_slide(self, prs, layout, key: Hashable, prepare: Callable[[object], None]):
        """A new slide on ``layout``. The first for a key is made by python-pptx (which
        copies the layout's placeholders) and ``prepare``d; later ones are copies of the
        first as it was then, the same placeholders with the same ids, added as
        python-pptx adds a slide."""
        pattern = self._slides.get(key)
        if pattern is None:
            slide = prs.slides.add_slide(layout)
            prepare(slide)
            self._slides[key] = copy.deepcopy(slide.element)
            return slide
        return add_slide_part(prs, layout, copy.deepcopy(pattern))
