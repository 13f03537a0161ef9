"""Page furniture and the one function that turns flowables into PDF bytes.

Every page gets a header (the document title, and what the document is on the right) and
a footer (the source, and "page x of y"). The total page count is only known at the end,
so the canvas keeps each page's state and draws the furniture when it is saved.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable, Sequence

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ..looks import RULE
from .fonts import FontSet
from .reportlab_internals import start_page
from .styles import Styles, hex_colour

PAPER_SIZES = {"a4": A4, "letter": LETTER}
# School printers cannot print the outer 5-6 mm; body text keeps well clear of it and the
# header and footer stay at least 8 mm from the edge.
SIDE_MARGIN = 18 * mm
TOP_MARGIN = 22 * mm
BOTTOM_MARGIN = 22 * mm
FURNITURE_EDGE = 9 * mm


@dataclass(frozen=True)
class Layout:
    """Page geometry for a paper size. ``frame_width`` is what tables may use."""

    paper: str
    width: float
    height: float

    @property
    def frame_width(self) -> float:
        return self.width - 2 * SIDE_MARGIN

    @property
    def frame_height(self) -> float:
        return self.height - TOP_MARGIN - BOTTOM_MARGIN


def layout(paper: str = "a4") -> Layout:
    """Geometry for ``a4`` (default) or ``letter``; anything else is A4."""
    key = paper.lower() if paper and paper.lower() in PAPER_SIZES else "a4"
    width, height = PAPER_SIZES[key]
    return Layout(key, width, height)


@dataclass(frozen=True)
class Furniture:
    """The words on every page: plain user text, escaped when drawn."""

    header: str          # top left: the outline's title
    header_right: str    # top right: what the document is ("Student handout")
    footer: str          # bottom left: the source citation
    page_of: str         # "Page {page} of {pages}", from labels/


MIN_FURNITURE_SIZE = 6


def _furniture_para(styles: Styles, text: str, size: float, width: float):
    para = styles.para(text, "furniture")
    if size != para.style.fontSize:
        para.style = para.style.clone(
            para.style.name + f"-{size}", fontSize=size, leading=size * 1.3
        )
    return para, para.wrap(width, 1e6)[1]


def _fit(styles: Styles, text: str, width: float, max_height: float):
    """A furniture paragraph that fits in width x max_height: the type shrinks first; a
    title too long even then is shortened with an ellipsis (the header and footer only
    repeat what the first page prints in full)."""
    size = styles.style("furniture").fontSize
    while True:
        para, height = _furniture_para(styles, text, size, width)
        if height <= max_height:
            return para, height
        if size <= MIN_FURNITURE_SIZE:
            break
        size -= 0.5
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits
        middle = (low + high + 1) // 2
        if _furniture_para(styles, text[:middle].rstrip() + "…", size, width)[1] <= max_height:
            low = middle
        else:
            high = middle - 1
    return _furniture_para(styles, text[:low].rstrip() + "…", size, width)


def _furnished_canvas(styles: Styles, page: Layout, furniture: Furniture,
                      forms: Sequence[tuple[str, Callable]] = ()):
    fonts = styles.fonts

    class FurnishedCanvas(Canvas):
        """Keeps every page until save(), then draws the furniture with the page total."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._kept_pages: list[dict] = []

        def showPage(self):
            self._kept_pages.append(dict(self.__dict__))
            start_page(self)

        def save(self):
            total = len(self._kept_pages)
            for number, state in enumerate(self._kept_pages, start=1):
                self.__dict__.update(state)
                self._furnish(number, total)
                Canvas.showPage(self)
            # Content known only now (the document's own page numbers), drawn into the
            # forms its pages already show.
            for name, draw in forms:
                self.beginForm(name)
                draw(self)
                self.endForm()
            Canvas.save(self)

        def _furnish(self, number: int, total: int) -> None:
            left, right = SIDE_MARGIN, page.width - SIDE_MARGIN
            self.saveState()
            size = styles.style("furniture").fontSize
            # header: title on the left, document name on the right
            right_width = (
                fonts.string_width(furniture.header_right, size) if furniture.header_right else 0
            )
            title, title_height = _fit(
                styles,
                furniture.header,
                page.frame_width - right_width - 6 * mm,
                TOP_MARGIN - FURNITURE_EDGE - 3 * mm,
            )
            top = page.height - FURNITURE_EDGE
            title.drawOn(self, left, top - title_height)
            self.setFillColor(hex_colour("595959"))
            if furniture.header_right:
                fonts.draw_string(
                    self, right - right_width, top - size, furniture.header_right, size
                )
            rule_y = top - max(title_height, size * 1.35) - 1.5 * mm
            self.setStrokeColor(hex_colour(RULE))
            self.setLineWidth(0.5)
            self.line(left, rule_y, right, rule_y)
            # footer: source on the left, page x of y on the right
            page_words = furniture.page_of.format(page=number, pages=total)
            page_width = fonts.string_width(page_words, size)
            source, source_height = _fit(
                styles,
                furniture.footer,
                page.frame_width - page_width - 6 * mm,
                BOTTOM_MARGIN - FURNITURE_EDGE - 3 * mm,
            )
            source.drawOn(self, left, FURNITURE_EDGE)
            self.setFillColor(hex_colour("595959"))
            fonts.draw_string(
                self, right - page_width, FURNITURE_EDGE + size * 0.3, page_words, size
            )
            line_y = FURNITURE_EDGE + source_height + 1.5 * mm
            self.line(left, line_y, right, line_y)
            self.restoreState()

    return FurnishedCanvas


def build_pdf(
    flowables: Sequence[Flowable],
    *,
    styles: Styles,
    page: Layout,
    furniture: Furniture,
    title: str,
    author: str,
    subject: str,
    lang: str,
    keywords: Sequence[str] = (),
    forms: Sequence[tuple[str, Callable]] = (),
) -> bytes:
    """Lay out ``flowables`` on furnished pages and return the PDF bytes.

    Deterministic: ``invariant=1`` fixes dates and ids, so the same input gives the same
    bytes. Title, author, subject and language go into the document metadata. ``forms``
    (name, draw(canvas)) are drawn once every page is laid out (see ``anchors.Later``).
    """
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(page.width, page.height),
        leftMargin=SIDE_MARGIN, rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN,
        title=title, author=author, subject=subject, creator="debatekit",
        keywords=list(keywords), lang=lang, invariant=1,
        initialFontName=styles.fonts.regular,
    )
    frame = Frame(SIDE_MARGIN, BOTTOM_MARGIN, page.frame_width, page.frame_height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(flowables), canvasmaker=_furnished_canvas(styles, page, furniture, forms))
    return buffer.getvalue()


def new_styles(fonts: FontSet, lang: str) -> Styles:
    """Styles for a document in ``lang`` with ``fonts`` (see ``fonts.font_set``)."""
    return Styles(fonts, lang)
