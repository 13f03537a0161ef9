"""Space for students to write in: ruled lines."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..looks import RULE
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
