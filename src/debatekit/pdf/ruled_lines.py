"""Space for students to write in: ruled lines, and boxes to tick."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..looks import INK, RULE
from .fonts import FontSet
from .styles import hex_colour


class WritingLines(Flowable):
    """``count`` ruled lines ``gap`` apart across the available width (or ``width``)."""

    def __init__(self, count: int, gap: float = 8 * mm, width: float | None = None):
        super().__init__()
        self.count = count
        self.gap = gap
        self.fixed_width = width

    def wrap(self, avail_width, avail_height):
        self.width = self.fixed_width or avail_width
        self.height = self.count * self.gap
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(hex_colour(RULE))
        canvas.setLineWidth(0.6)
        for index in range(self.count):
            y = self.height - (index + 1) * self.gap + 1
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


class TickBoxes(Flowable):
    """Empty square boxes, each followed by its word, one under another (or side by side
    with ``across``): the choices a student ticks. The words are the same for every item,
    so they say nothing about any one statement."""

    def __init__(self, words, fonts: FontSet, size: float = 9.0, across: bool = False):
        super().__init__()
        self.words, self.fonts, self.size, self.across = list(words), fonts, size, across
        self.box = size * 1.05
        self.pitch = size * 1.9

    def _widths(self):
        return [self.box + 3 + self.fonts.string_width(w, self.size) for w in self.words]

    def wrap(self, avail_width, avail_height):
        widths = self._widths()
        if self.across and sum(widths) + 8 * (len(widths) - 1) <= avail_width:
            self.width = sum(widths) + 8 * (len(widths) - 1)
            self.height = self.pitch
            self._across = True
        else:
            self.width = min(max(widths), avail_width)
            self.height = self.pitch * len(self.words)
            self._across = False
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(hex_colour(INK))
        canvas.setFillColor(hex_colour(INK))
        canvas.setLineWidth(0.8)
        x, y = 0.0, self.height - self.pitch
        for word, width in zip(self.words, self._widths()):
            bottom = y + (self.pitch - self.box) / 2
            canvas.rect(x, bottom, self.box, self.box, stroke=1, fill=0)
            self.fonts.draw_string(canvas, x + self.box + 3, bottom + self.size * 0.15, word,
                                   self.size)
            if self._across:
                x += width + 8
            else:
                y -= self.pitch
        canvas.restoreState()
