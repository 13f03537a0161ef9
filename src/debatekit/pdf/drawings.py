"""What every reportlab drawing of the PDFs shares: a Drawing that starts in the
document's font, and text drawn run by run with the ``FontSet`` (TrueType, embedded), so
Chinese and Latin each get a font that has their glyphs. Every size is in points.

The argument maps are drawn in ``mapdrawing``, the figures and the kind balance in
``chartdrawing``.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.pdfbase import pdfmetrics

from .fonts import FontSet
from .styles import hex_colour


def new_drawing(width: float, height: float, fonts: FontSet) -> Drawing:
    """A Drawing whose initial font is ours: reportlab's default (Times-Roman) would be
    written into the PDF as an unembedded font even though no text uses it."""
    d = Drawing(width, height)
    d.initialFontName = fonts.regular
    return d


def text_group(fonts: FontSet, text: str, x: float, y: float, size: float, colour: str,
               bold: bool = False, anchor: str = "start") -> Group:
    """A line of text as Strings, one per font run; ``anchor`` start | middle | end."""
    width = fonts.string_width(text, size, bold)
    x -= {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    group = Group()
    for face, run in fonts.runs(text):
        name = face.bold if bold else face.name
        group.add(String(x, y, run, fontName=name, fontSize=size, fillColor=hex_colour(colour)))
        x += pdfmetrics.stringWidth(run, name, size)
    return group
