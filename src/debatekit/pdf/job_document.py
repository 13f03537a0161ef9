"""One object per PDF being written: fonts, styles, page geometry, words and furniture
for a Job, so a writer only assembles flowables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from reportlab.platypus import Flowable

from ..labels import labels_for
from ..model import Outline
from ..present.figures import cited_title
from .document import Furniture, Layout, build_pdf, layout
from .fonts import FontSet, font_set
from .styles import Styles
from .tables import grid_table


def source_citation(outline: Outline, lang: str, labels: Mapping[str, str] | None = None) -> str:
    """One line citing the source: publisher, author, title, dates and URL (plain text)."""
    src = outline.source
    labels = labels or labels_for(outline, lang)
    parts = [src.publisher]
    if src.author:
        parts.append(src.author)
    parts.append(cited_title(src.title, lang))
    if src.published:
        parts.append(f"{labels['published']} {src.published}")
    if src.accessed:
        parts.append(f"{labels['accessed']} {src.accessed}")
    if src.url:
        parts.append(src.url)
    return " · ".join(parts)


@dataclass
class PdfDocument:
    """Everything a PDF writer needs for one Job. Build with ``document_for(job, ...)``."""

    outline: Outline
    lang: str
    fonts: FontSet
    styles: Styles
    page: Layout
    labels: Mapping[str, str]
    furniture: Furniture
    forms: list = field(default_factory=list)   # (name, draw): see anchors.Later

    def text(self, value) -> str:
        """A model Text in this document's language ('' for None)."""
        return "" if value is None else value[self.lang]

    def table(self, rows, widths, **options) -> Flowable:
        """``tables.grid_table`` with this document's font and page height filled in."""
        return grid_table(
            rows, widths, font=self.fonts.regular, frame_height=self.page.frame_height, **options
        )

    def build(
        self, flowables: Sequence[Flowable], subject: str, keywords: Sequence[str] = ()
    ) -> bytes:
        """The PDF bytes, with title, author (the publisher), subject and language set."""
        title = f"{self.text(self.outline.title)} · {self.furniture.header_right}".strip(" ·")
        return build_pdf(
            flowables,
            styles=self.styles,
            page=self.page,
            furniture=self.furniture,
            title=title,
            author=self.outline.source.author or self.outline.source.publisher,
            subject=subject,
            lang=self.lang,
            keywords=keywords,
            forms=self.forms,
        )


def document_for(job, header_right: str) -> PdfDocument:
    """Fonts (Job.font first; one warning via job.warn if only the CID fallback is left),
    styles, paper (Job.paper) and furniture for a job; ``header_right`` names the
    document in the page header. Raises fonts.FontError for an unusable --font."""
    outline: Outline = job.outline
    lang = job.lang
    fonts = font_set(lang, job.font, job.warn,
                     text_langs=(*outline.languages, outline.source.language))
    labels = labels_for(outline, lang)
    furniture = Furniture(
        header=outline.title[lang],
        header_right=header_right,
        footer=source_citation(outline, lang, labels),
        page_of=labels["page_of"],
    )
    return PdfDocument(
        outline, lang, fonts, Styles(fonts, lang), layout(job.paper), labels, furniture
    )
