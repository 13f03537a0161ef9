"""The deck's grid and type scale, in points (1 pt = 12 700 EMU).

A 16:9 slide of 13.333 x 7.5 inches is 960 x 540 pt. Every slide shares the same
margins, title band, body region and footer line, so the deck reads as one design.
"""

from __future__ import annotations

from typing import NamedTuple


EMU_PER_PT = 12700
SLIDE_W = 960.0
SLIDE_H = 540.0

MARGIN_X = 48.0
TITLE_TOP = 26.0
TITLE_H = 56.0
BODY_GAP = 18.0          # between the title and the body
FOOTER_H = 20.0
FOOTER_GAP = 12.0        # between the body and the footer

# Every paragraph is written with this exact line pitch (a multiple of its size), so
# PowerPoint, LibreOffice and Google Slides space lines alike whatever font they find,
# and measuring needs no guess about a font's ascent and descent.
LINE_PITCH = 1.2

# Text frame insets, written on every box and subtracted when measuring.
INSET_X = 4.0
INSET_Y = 3.0

# Type scale (pt). Body text never goes below BODY_MIN.
COVER_TITLE = 40.0
SECTION_TITLE = 36.0
TITLE = 30.0
TITLE_MIN = 24.0
LEAD = 24.0
BODY = 20.0
BODY_MIN = 18.0
BADGE = 18.0
FOOTER = 11.0
NOTES = 12.0


def emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


def pt(emu_value: int) -> float:
    return emu_value / EMU_PER_PT


class Box(NamedTuple):
    """A rectangle on the slide, in points."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def emu(self) -> tuple[int, int, int, int]:
        """(left, top, width, height) in EMU, as python-pptx's add_* methods take them."""
        return emu(self.left), emu(self.top), emu(self.width), emu(self.height)


class Grid(NamedTuple):
    """Margins, title band, body region and footer line for one slide size (a teacher's
    template may bring its own size)."""

    width: float = SLIDE_W
    height: float = SLIDE_H

    @property
    def margin_x(self) -> float:
        return MARGIN_X * self.width / SLIDE_W

    @property
    def title(self) -> Box:
        return Box(self.margin_x, TITLE_TOP, self.width - 2 * self.margin_x, TITLE_H)

    @property
    def footer(self) -> Box:
        return Box(
            self.margin_x, self.height - 12.0 - FOOTER_H, self.width - 2 * self.margin_x, FOOTER_H
        )

    @property
    def body_bottom(self) -> float:
        return self.footer.top - FOOTER_GAP

    def body_below(self, top: float) -> Box:
        """The body region from ``top`` down to the footer, between the margins."""
        return Box(
            self.margin_x, top, self.width - 2 * self.margin_x, max(self.body_bottom - top, 0.0)
        )
