"""Paragraph styles and text helpers for the PDF writers.

``Styles`` builds every paragraph style for one document from its ``FontSet`` and
language; ``Styles.para`` turns user text into a Paragraph safely (escaped, font runs,
the right line breaking for the text's script).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ..language import has_cjk, profile
from ..looks import ACCENT, INK, MUTED
from . import cjkwrap  # noqa: F401  (installs the Chinese line-breaking fixes)
from .fonts import FontSet


def hex_colour(value: str) -> colors.Color:
    """A kinds.py colour ("1F4E79") as a reportlab colour."""
    return colors.HexColor("#" + value)


# name: (size, leading factor, bold, colour, space before, space after)
_SPECS = {
    "title": (20, 1.3, True, ACCENT, 0, 6),
    "subtitle": (12, 1.4, False, MUTED, 0, 10),
    "h1": (15, 1.35, True, ACCENT, 12, 6),
    "h2": (12, 1.4, True, INK, 9, 4),
    "body": (10, 1.55, False, INK, 0, 5),
    "small": (8.5, 1.5, False, MUTED, 0, 3),
    "cell": (9, 1.5, False, INK, 0, 0),
    "cell_head": (9, 1.4, True, INK, 0, 0),
    "quote": (9, 1.5, False, INK, 0, 0),
    "furniture": (7.5, 1.35, False, MUTED, 0, 0),
    "article": (9.5, 1.4, False, INK, 0, 0),      # the article's paragraphs in the handout
    "original": (7.5, 1.45, False, MUTED, 0, 0),    # the original under its translation
}


# Headings whose CJK text gets a synthetic bold: CJK fonts in use (WenQuanYi Zen Hei) have
# no bold face, so without it a Chinese heading differs from body text by size alone.
STROKED = ("title", "h1", "h2", "cell_head")
STROKE_SHARE = 0.035     # outline width as a share of the type size


class StrokedParagraph(Paragraph):
    """A Paragraph drawn filled and outlined in its own colour (PDF text render mode 2),
    which thickens every stroke of the glyphs: a bold for fonts that have none."""

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.style.textColor)
        canvas.setLineWidth(self.style.fontSize * STROKE_SHARE)
        canvas.setLineJoin(1)
        canvas.addLiteral("2 Tr")   # text state outlives BT/ET; restoreState resets it
        super().draw()
        canvas.restoreState()


@dataclass
class Styles:
    """Every paragraph style of one document. Use ``styles.para(text, 'body')``."""

    fonts: FontSet
    lang: str
    _cache: dict = field(default_factory=dict, repr=False)

    def style(self, name: str, cjk: bool | None = None) -> ParagraphStyle:
        """The named style; ``cjk`` picks CJK line breaking (default: the document's)."""
        if cjk is None:
            cjk = profile(self.lang).cjk
        key = (name, cjk)
        if key not in self._cache:
            size, leading, bold, colour, before, after = _SPECS[name]
            self._cache[key] = ParagraphStyle(
                f"{name}-{'cjk' if cjk else 'latin'}",
                fontName=self.fonts.bold if bold else self.fonts.regular,
                fontSize=size,
                leading=round(size * leading, 2),
                textColor=hex_colour(colour),
                spaceBefore=before,
                spaceAfter=after,
                alignment=TA_LEFT,
                # CJK: break between any characters, but never before closing punctuation.
                wordWrap="CJK" if cjk else None,
                splitLongWords=True,
                allowWidows=1,
                allowOrphans=0,
            )
        return self._cache[key]

    def para(self, text: str, name: str = "body", *, bold: bool = False, prefix: str = "",
             colour: str | None = None, body_markup: str | None = None) -> Paragraph:
        """A Paragraph of user text: escaped, font runs wrapped, CJK breaking when the text
        has CJK characters. ``prefix`` is trusted markup placed before the text;
        ``body_markup``, when given, is used instead of marking up ``text`` (which then
        only decides the line breaking)."""
        body = self.fonts.markup(text) if body_markup is None else body_markup
        if bold:
            body = f"<b>{body}</b>"
        if colour:
            body = f'<font color="#{colour}">{body}</font>'
        cls = StrokedParagraph if (name in STROKED or bold) and has_cjk(text) else Paragraph
        # A web address is wrapped the CJK way, which breaks it after a separator only
        # (see cjkwrap); reportlab's word wrap would let a long one run past the margin.
        cjk = has_cjk(text) or profile(self.lang).cjk or "://" in text
        return cls(prefix + body, self.style(name, cjk=cjk))

    def label(
        self, label: str, text: str, name: str = "body", body_markup: str | None = None
    ) -> Paragraph:
        """"Label: text" with the label in bold; both are escaped (see ``para`` for
        ``body_markup``)."""
        # Coloured as well as bold: CJK fonts usually have no bold face.
        return self.para(
            text,
            name,
            body_markup=body_markup,
            prefix=f'<font color="#{ACCENT}"><b>{self.fonts.markup(label)}'
            f"{profile(self.lang).colon}</b></font>",
        )

    def raw(self, markup: str, name: str = "body", cjk: bool | None = None) -> Paragraph:
        """A Paragraph of markup already made safe (built with ``fonts.markup``)."""
        return Paragraph(markup, self.style(name, cjk=cjk))

