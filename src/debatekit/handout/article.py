"""The article in the student handout, paragraph by paragraph and numbered, so the
worksheet and the maps can point to a paragraph.

In another kit language with a translation, each paragraph's translation comes first in
the body type and the original follows under it, smaller and muted: a student reads the
translation and never needs the original, which is there for the exact words. (Under,
not beside: the paragraphs then flow across pages like running text, where side-by-side
columns must move whole and leave part-empty pages; with the Chinese original about
40% as tall as its English translation, beside would waste most of its column.)
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from ..article import Article
from ..language import has_cjk, profile
from ..pdf import PdfDocument
from ..pdf.styles import StrokedParagraph
from . import common

NUMBER_WIDTH = 8 * mm
SENTENCE_ENDS = "。！？.!?”\"’）)…:：;；"
HEADING_MAX = 50             # characters: a shorter paragraph without a sentence end is a heading


def is_heading(paragraph: str) -> bool:
    """A headline or subheading: short, one line of words that does not end like a
    sentence (a question may: headlines ask)."""
    if len(paragraph) > HEADING_MAX or "\n" in paragraph:
        return False
    return paragraph[-1:] not in SENTENCE_ENDS or (
        paragraph[-1:] in "?？" and not any(c in paragraph[:-1] for c in "。！？.!?"))


def translated(article: Article, lang: str) -> bool:
    return lang != article.language and lang in article.translations


def numbered(doc: PdfDocument, text: str, number: int | None, style_name: str,
             bold: bool = False, after: float = 0.0) -> Paragraph:
    """A paragraph hanging from its number in the margin (or indented to match)."""
    base = doc.styles.style(style_name, cjk=has_cjk(text) or profile(doc.lang).cjk)
    style = base.clone(f"{base.name}-numbered", leftIndent=NUMBER_WIDTH, bulletIndent=0,
                       bulletFontName=doc.fonts.bold, bulletFontSize=9,
                       spaceBefore=0, spaceAfter=after)
    markup = doc.fonts.markup(text)
    if bold:
        markup = f"<b>{markup}</b>"
    # a Chinese subheading is bold by stroke: the Chinese font has no bold face
    cls = StrokedParagraph if bold and has_cjk(text) else Paragraph
    return cls(markup, style, bulletText=None if number is None else str(number))


def article_flowables(doc: PdfDocument, article: Article | None) -> list[Flowable]:
    if article is None or not article.paragraphs:
        return []
    labels, styles = doc.labels, doc.styles
    story = common.heading(doc, labels["article"], room=60 * mm)
    story.append(styles.para(labels["article_task"], "body"))
    both = translated(article, doc.lang)
    if doc.lang != article.language and not both:
        story.append(styles.para(labels["article_untranslated"], "small"))
    for number, text in enumerate(article.paragraphs_for(doc.lang), 1):
        if not both:
            story.append(numbered(doc, text, number, "article", is_heading(text), after=5))
            continue
        original = article.paragraphs[number - 1]
        story.append(numbered(doc, text, number, "article", is_heading(text), after=1.5))
        story.append(numbered(doc, original, None, "original", is_heading(original), after=6))
    return story
