"""Space for students to write in: ruled lines, and boxes to tick."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..looks import INK, RULE
from .fonts import FontSet
from .stacked import stacked
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


class ColumnsToFill(Flowable):
    """``above`` (a heading, instructions), then columns of ruled lines under their heads,
    taking the rest of the page (at least ``min_height`` for the lines; with less room
    left all of it moves to the next page and fills it): a sheet to write on, never a
    near-empty page after it."""

    def __init__(self, above, heads, fonts: FontSet, min_height: float, gap: float = 7 * mm,
                 size: float = 9.0):
        super().__init__()
        self.above, self.heads, self.fonts = list(above), list(heads), fonts
        self.min_height, self.gap, self.size = min_height, gap, size

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self._placed, self._top = stacked(self.above, avail_width)
        if avail_height > 100_000:
            # measured for keeping with what comes before it (no page height given)
            self.height = self._top + self.min_height
        else:
            self.height = max(self._top + self.min_height, avail_height - 1)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        return []

    def draw(self):
        canvas = self.canv
        for item, y, h in self._placed:
            item.drawOn(canvas, 0, self.height - y - h)
        canvas.saveState()
        columns = len(self.heads)
        width = self.width / columns
        head_h = self.size * 2
        top = self.height - self._top
        canvas.setFillColor(hex_colour("EDEDED"))
        canvas.rect(0, top - head_h, self.width, head_h, stroke=0, fill=1)
        canvas.setFillColor(hex_colour(INK))
        for index, head in enumerate(self.heads):
            self.fonts.draw_string(canvas, index * width + 5, top - head_h + self.size * 0.6,
                                   head, self.size, bold=True)
        canvas.setStrokeColor(hex_colour(RULE))
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, top, stroke=1, fill=0)
        for index in range(1, columns):
            canvas.line(index * width, 0, index * width, top)
        y = top - head_h - self.gap
        while y > 3:
            for index in range(columns):
                canvas.line(index * width + 5, y, (index + 1) * width - 5, y)
            y -= self.gap
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
