"""The student handout: lesson material where students try before they see.

In the lesson: a cover (source, objectives, what is where), the article paragraph by
paragraph (translated where the class reads another language), the glossary, the
worksheet of the exercise's statements, a preparation sheet per debate motion and the
discussion questions. After it, clearly optional: the article's other statements to tick
and a blank argument map per strand. No kind, status, count or balance chart anywhere;
the kind words appear only in the key of the three kinds and beside empty tick boxes.

The cover's contents name each section's pages, filled in once the handout is laid out
(one build). ``section_pages(job)`` lays the handout out and says on which pages each
section lands, for the answer key's lesson plan.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from ..labels import labels_for
from ..language import profile
from ..pdf import PdfDocument, document_for
from ..pdf.anchors import Later, page_span, section
from ..pdf.ruled_lines import ColumnsToFill
from ..present.points import resolve_debates
from . import common, visuals, worksheet
from .article import article_flowables

VERSION = "3"

# The sections in the order printed; the first group is the lesson, the rest optional.
LESSON_SECTIONS = ("cover", "article", "glossary", "worksheet", "debate_prep", "discussion",
                   "prep_sheet")
OPTIONAL_SECTIONS = ("extension", "maps")
SECTION_TITLES = {"cover": "handout_cover", "article": "article", "glossary": "glossary",
                  "worksheet": "worksheet", "debate_prep": "debate_prep",
                  "discussion": "discussion", "prep_sheet": "prep_sheet",
                  "extension": "extension", "maps": "blank_maps"}


def render(job) -> bytes:
    return _build(job, {})


_LAID_OUT: dict[tuple, tuple] = {}


def section_pages(job) -> dict[str, tuple[int, int]]:
    """Section name -> (first page, last page) of this job's handout (remembered for the
    same outline and article objects: the answer key asks for the handout's pages too)."""
    key = (job.lang, job.paper, str(job.font), id(job.outline), id(job.article))
    kept = _LAID_OUT.get(key)
    if kept and kept[0] is job.outline and kept[1] is job.article:
        return kept[2]
    book: dict[str, int] = {}
    _build(replace(job, warn=lambda message: None), book)   # the handout's own build warns
    pages = spans(book)
    if len(_LAID_OUT) > 8:
        _LAID_OUT.clear()
    _LAID_OUT[key] = (job.outline, job.article, pages)
    return pages


def spans(book: dict[str, int]) -> dict[str, tuple[int, int]]:
    found = {name: page_span(book, name) for name in (*LESSON_SECTIONS, *OPTIONAL_SECTIONS)}
    return {name: span for name, span in found.items() if span}


def page_words(labels, span: tuple[int, int]) -> str:
    first, last = span
    return labels["page" if first == last else "pages"].format(first=first, last=last)


def _build(job, book: dict[str, int]) -> bytes:
    """The handout; ``book`` collects the page each section starts and ends on."""
    doc = document_for(job, header_right=labels_for(job.outline, job.lang)["handout"])
    article = job.article
    parts = {
        "cover": cover(doc, book),
        "article": article_flowables(doc, article),
        "glossary": common.glossary_list(doc),
        "worksheet": worksheet.worksheet(doc, article),
        "debate_prep": debate_prep(doc),
        "discussion": discussion(doc),
        "prep_sheet": prep_sheet(doc),
        "extension": [PageBreak(), *worksheet.extension(doc, article)],
        "maps": visuals.blank_map_flowables(doc),
    }
    story: list[Flowable] = []
    for name in (*LESSON_SECTIONS, *OPTIONAL_SECTIONS):
        content = parts[name]
        if any(not isinstance(f, PageBreak) for f in content):
            story += section(book, name, content)
    labels = doc.labels
    return doc.build(story, subject=f"{labels['handout']}: {doc.text(doc.outline.title)}")


def cover(doc: PdfDocument, book: dict[str, int]) -> list[Flowable]:
    """Title, a line for the name, the source, the objectives and what is where."""
    labels, styles = doc.labels, doc.styles
    story: list[Flowable] = common.title_block(doc, labels["handout"])
    story.append(styles.para(f"{labels['name_line']}{profile(doc.lang).colon}" + "_" * 28, "body"))
    story += common.source_block(doc)
    story += common.lesson_block(doc)
    story += common.heading(doc, labels["contents"], "h2", room=35 * mm)
    widest = {name: (88, 99) for name in SECTION_TITLES}   # the room the real pages may need
    story.append(Later(contents(doc, widest), lambda: contents(doc, spans(book)), doc.forms))
    return story


def contents(doc: PdfDocument, pages: dict[str, tuple[int, int]]) -> list[Flowable]:
    """The parts of the handout with their pages, one line per part."""
    labels, styles = doc.labels, doc.styles
    story: list[Flowable] = []
    for group, names in (("part_lesson", LESSON_SECTIONS[1:]), ("part_extension", OPTIONAL_SECTIONS)):
        mark = profile(doc.lang)
        entries = [mark.remark(labels[SECTION_TITLES[name]], page_words(labels, pages[name]))
                   for name in names if name in pages]
        if entries:
            story.append(styles.label(labels[group], " · ".join(entries), "body"))
    return story


def debate_prep(doc: PdfDocument) -> list[Flowable]:
    """Every motion with its context, then one sheet to prepare the group's own motion: a
    class splits the motions between groups, so each student prepares one. (The questions
    for the other side come with the debate cards.)"""
    debates = resolve_debates(doc.outline, doc.lang)
    if not debates:
        return []
    labels, styles = doc.labels, doc.styles
    story: list[Flowable] = common.heading(doc, labels["debate_prep"], room=70 * mm)
    for debate in debates:
        block: list[Flowable] = [
            styles.para(f"{labels['debate']} {debate.number}", "h2"),
            styles.label(labels["motion"], debate.motion, "body"),
        ]
        if debate.context:
            block.append(styles.label(labels["context"], debate.context, "small"))
        story.append(KeepTogether(block))
    return story


def prep_sheet(doc: PdfDocument) -> list[Flowable]:
    """The lesson part's last page: the group's own motion and side, then two columns of
    lines that fill the rest of the page."""
    if not doc.outline.debates:
        return []
    labels, styles = doc.labels, doc.styles
    colon = profile(doc.lang).colon
    above = [styles.para(labels["prep_sheet"], "h1"),
             styles.para(f"{labels['motion']}{colon}____    {labels['debate_side_task']} "
                         f"{labels['pro']} / {labels['con']}", "h2"),
             styles.para(labels["debate_task"], "body")]
    sheet = ColumnsToFill(above, [labels["your_arguments"], labels["debate_questions"]],
                          doc.fonts, min_height=45 * mm)
    sheet.spaceBefore = 4 * mm
    return [sheet]


def discussion(doc: PdfDocument) -> list[Flowable]:
    questions = doc.outline.questions
    if not questions:
        return []
    # Talked over in class: no lines to write on (the exit ticket is on the slides).
    story: list[Flowable] = common.heading(doc, doc.labels["discussion"], room=50 * mm)
    for number, question in enumerate(questions, 1):
        story.append(doc.styles.para(doc.text(question), "body", prefix=f"{number}. "))
    return story
