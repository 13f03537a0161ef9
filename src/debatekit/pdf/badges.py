"""Kind badges and status marks as flowables.

A kind is told by its shape, its border and its word as well as its colour, so a greyscale
photocopy still separates them: fact = rectangle with a solid border, opinion = pill with
round ends and a dashed border, prediction = arrow with a dotted border (see ``looks.py``). Status marks are a thin outline with a symbol and a word.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..looks import KIND_LOOK, STATUS_LOOK, Look
from .fonts import FontSet
from .styles import hex_colour


class _Mark(Flowable):
    """A word (with its symbol) inside a shape; sized to its text, never wider than the
    space offered (the text then shrinks, down to 6 pt)."""

    pad_x = 4.0
    pad_y = 2.5

    def __init__(
        self, look: Look, word: str, fonts: FontSet, size: float = 8.0, filled: bool = True
    ):
        super().__init__()
        self.look = look
        self.text = f"{look.symbol} {word}" if look.symbol else word
        self.fonts = fonts
        self.size = size
        self.filled = filled
        self.tip = 0.0
        self.spaceAfter = 2.5  # stacked marks in one cell must not touch

    def _measure(self, size: float) -> float:
        return self.fonts.string_width(self.text, size, bold=True) + 2 * self.pad_x + self.tip

    def wrap(self, avail_width, avail_height):
        self.tip = self.size * 0.6 if self.look.shape == "arrow" else 0.0
        size = self.size
        while size > 6 and self._measure(size) > avail_width:
            size -= 0.5
        self.used_size = size
        self.tip = size * 0.6 if self.look.shape == "arrow" else 0.0
        self.width = self._measure(size)
        self.height = size + 2 * self.pad_y
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        w, h = self.width, self.height
        canvas.saveState()
        canvas.setLineWidth(1.1 if self.look.dash else 0.9)
        if self.look.dash:
            canvas.setDash(list(self.look.dash))
            canvas.setLineCap(1)
        canvas.setStrokeColor(hex_colour(self.look.colour))
        canvas.setFillColor(hex_colour(self.look.tint if self.filled else "FFFFFF"))
        shape = self.look.shape
        if shape == "rounded":
            canvas.roundRect(0, 0, w, h, h / 2, stroke=1, fill=1)
        elif shape == "arrow":
            path = canvas.beginPath()
            path.moveTo(0, 0)
            path.lineTo(w - self.tip, 0)
            path.lineTo(w, h / 2)
            path.lineTo(w - self.tip, h)
            path.lineTo(0, h)
            path.close()
            canvas.drawPath(path, stroke=1, fill=1)
        else:
            canvas.rect(0, 0, w, h, stroke=1, fill=1)
        canvas.setFillColor(hex_colour(self.look.colour))
        baseline = self.pad_y + self.used_size * 0.2
        self.fonts.draw_string(canvas, self.pad_x, baseline, self.text, self.used_size, bold=True)
        canvas.restoreState()


class KindBadge(_Mark):
    """The badge of a kind (fact / opinion / prediction), labelled with ``word``."""

    def __init__(self, kind: str, word: str, fonts: FontSet, size: float = 8.0):
        super().__init__(KIND_LOOK[kind], word, fonts, size, filled=True)
        self.kind = kind


class StatusMark(_Mark):
    """The status of a fact (stated / verified / disputed / misleading / false), labelled
    with ``word``."""

    def __init__(self, status: str, word: str, fonts: FontSet, size: float = 7.5):
        super().__init__(STATUS_LOOK[status], word, fonts, size, filled=False)
        self.status = status
