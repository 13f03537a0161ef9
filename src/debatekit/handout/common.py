"""Sections the student handout and the answer key share."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from ..language import profile
from ..looks import ACCENT
from ..model import KINDS
from ..pdf import PdfDocument
from ..pdf.badges import KindBadge

# wide enough for "No." / "编号" in bold with the cell padding
NUMBER_COLUMN = 13 * mm


def heading(
    doc: PdfDocument, text: str, level: str = "h1", room: float = 45 * mm
) -> list[Flowable]:
    """A section heading that moves to the next page rather than sit alone at the bottom."""
    return [CondPageBreak(room), doc.styles.para(text, level)]


def title_block(doc: PdfDocument, what: str) -> list[Flowable]:
    """Title, subtitle and what the document is."""
    outline, styles = doc.outline, doc.styles
    story: list[Flowable] = [styles.para(doc.text(outline.title), "title")]
    if outline.subtitle:
        story.append(styles.para(doc.text(outline.subtitle), "subtitle"))
    story.append(styles.para(what, "subtitle"))
    return story


def source_block(doc: PdfDocument) -> list[Flowable]:
    """The source citation (publisher, author, title, dates, URL) and who is behind it."""
    src, labels, styles = doc.outline.source, doc.labels, doc.styles
    story = heading(doc, labels["about_source"])
    story.append(styles.para(src.title, "body", bold=True))
    for key, value in (("publisher", src.publisher), ("author", src.author),
                       ("published", src.published), ("accessed", src.accessed)):
        if value:
            story.append(styles.label(labels[key], value))
    if src.url:
        story.append(styles.para(src.url, "body"))
    if src.perspective:
        story.append(styles.label(labels["perspective"], doc.text(src.perspective)))
    return story


def lesson_block(doc: PdfDocument) -> list[Flowable]:
    lesson = doc.outline.lesson
    if lesson is None or not lesson.objectives:
        return []
    story = heading(doc, doc.labels["objectives"], "h2", room=25 * mm)
    for number, objective in enumerate(lesson.objectives, 1):
        story.append(doc.styles.para(doc.text(objective), "body", prefix=f"{number}. "))
    return story


def thesis_block(doc: PdfDocument) -> list[Flowable]:
    """The thesis, then each strand's title and summary."""
    labels, styles = doc.labels, doc.styles
    story = heading(doc, labels["thesis"])
    story.append(styles.para(doc.text(doc.outline.thesis), "body"))
    # The heading goes inside the first strand's block: a long summary moves to the next
    # page as a whole and would otherwise leave the heading alone at the foot of this one.
    summary_heading = heading(doc, labels["summary"], room=30 * mm)
    story.append(summary_heading[0])
    for number, strand in enumerate(doc.outline.strands, 1):
        parts = summary_heading[1:] if number == 1 else []
        parts.append(styles.para(doc.text(strand.title), "h2", prefix=f"{number}. "))
        if strand.summary:
            parts.append(styles.para(doc.text(strand.summary), "body"))
        story.append(KeepTogether(parts))
    return story


def badge_table(doc: PdfDocument) -> Flowable:
    """The three kinds: badge (shape and word) and the test students apply."""
    labels, styles = doc.labels, doc.styles
    rows = [[KindBadge(kind, labels[kind], doc.fonts), styles.para(labels[f"{kind}_test"], "cell")]
            for kind in KINDS]
    width = doc.page.frame_width
    return doc.table(rows, [40 * mm, width - 40 * mm], header_rows=0)


def strand_line(doc: PdfDocument, claim_id: str) -> str:
    """"Strand 2 · title" for a claim, in the document's language."""
    strand = doc.outline.strand_of(claim_id)
    number = doc.outline.strand_number(strand.id)
    return f"{doc.labels['strand']} {number} · {doc.text(strand.title)}"


def strand_heading(doc: PdfDocument, claim_id: str) -> list[Flowable]:
    """The strand line, for the first claim of each strand only (later rows of the same
    strand would repeat it)."""
    strand = doc.outline.strand_of(claim_id)
    if strand.claims[0].id != claim_id:
        return []
    return [doc.styles.para(strand_line(doc, claim_id), "small", bold=True, colour=ACCENT)]


def glossary_block(doc: PdfDocument) -> list[Flowable]:
    glossary = doc.outline.glossary
    if not glossary:
        return []
    styles = doc.styles
    rows = [
        [
            styles.para(doc.text(entry.term), "cell", bold=True),
            styles.para(doc.text(entry.definition), "cell"),
        ]
        for entry in glossary
    ]
    width = doc.page.frame_width
    return heading(doc, doc.labels["glossary"]) + [
        doc.table(rows, [45 * mm, width - 45 * mm], header_rows=0)]


def glossary_list(doc: PdfDocument) -> list[Flowable]:
    """The glossary as running entries ("term — definition"), denser than the table:
    the student handout's reading aid."""
    glossary = doc.outline.glossary
    if not glossary:
        return []
    story = heading(doc, doc.labels["glossary"], room=40 * mm)
    separator = profile(doc.lang).term_separator
    for entry in glossary:
        term, definition = doc.text(entry.term), doc.text(entry.definition)
        markup = (f"<b>{doc.fonts.markup(term)}</b>{doc.fonts.markup(separator)}"
                  f"{doc.fonts.markup(definition)}")
        para = doc.styles.para(term + definition, "cell", body_markup=markup)
        para.style = para.style.clone(para.style.name + "-entry", spaceAfter=3)
        story.append(para)
    return story


def motion_block(doc: PdfDocument, debate) -> list[Flowable]:
    """A debate's motion and, when given, its context."""
    labels, styles = doc.labels, doc.styles
    story: list[Flowable] = [styles.label(labels["motion"], debate.motion, "h2")]
    if debate.context:
        story.append(styles.label(labels["context"], debate.context))
    return story


def debate_questions(doc: PdfDocument, debate) -> list[Flowable]:
    """A debate's questions for the other side, numbered under their heading."""
    if not debate.questions:
        return []
    story = heading(doc, doc.labels["debate_questions"], "h2", room=30 * mm)
    for number, question in enumerate(debate.questions, 1):
        story.append(doc.styles.para(question, "body", prefix=f"{number}. "))
    return story
