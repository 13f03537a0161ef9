"""The answer key's first page: the lesson plan, phase by phase, with minutes adding up to
the lesson's, the deck's parts by name and the student handout's pages (from a layout of
the handout for the same paper)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from ..labels import fill
from ..language import profile
from ..pdf import PdfDocument
from ..present.lessonplan import lesson_minutes, plan
from . import student


def handout_pages(doc: PdfDocument, names, pages) -> str:
    """"Article · pages 2–7" for each section of the handout a phase uses."""
    parts = []
    for name in names:
        span = pages.get(name)
        if span:
            parts.append(f"{doc.labels[student.SECTION_TITLES[name]]} · "
                         f"{student.page_words(doc.labels, span)}")
    return ("；" if profile(doc.lang).full_width else "; ").join(parts) or "–"


def lesson_plan(doc: PdfDocument, job) -> list[Flowable]:
    labels, styles = doc.labels, doc.styles
    pages = student.section_pages(job)
    minutes = lesson_minutes(doc.outline)
    story: list[Flowable] = [styles.para(labels["lesson_plan"], "h1"),
                             styles.para(fill(labels["plan_rule"], doc.lang, minutes=minutes), "small")]
    head = [styles.para(labels["phase"], "cell_head"), styles.para(labels["plan_minutes"], "cell_head"),
            styles.para(labels["plan_slides"], "cell_head"),
            styles.para(labels["plan_handout"], "cell_head"),
            styles.para(labels["plan_do"], "cell_head")]
    rows: list[list] = [head]
    separator = profile(doc.lang).list_separator
    for planned in plan(doc.outline):
        phase = planned.phase
        what = [styles.para(labels[f"do_{phase.name}"], "cell")]
        if phase.cards:
            what.append(styles.para(labels["plan_cards_after"], "small", bold=True))
        rows.append([
            styles.para(labels[f"phase_{phase.name}"], "cell", bold=True),
            styles.para(str(planned.minutes), "cell"),
            styles.para(separator.join(labels[f"deck_{part}"] for part in phase.deck), "cell"),
            styles.para(handout_pages(doc, phase.handout, pages), "cell"),
            what,
        ])
    rows.append([styles.para(labels["plan_total"], "cell", bold=True),
                 styles.para(str(sum(p.minutes for p in plan(doc.outline))), "cell", bold=True),
                 "", "", ""])
    width = doc.page.frame_width
    widths = [30 * mm, 12 * mm, 34 * mm, 38 * mm]
    widths.append(width - sum(widths))
    story.append(doc.table(rows, widths))
    lesson_pages = [pages[name] for name in student.LESSON_SECTIONS if name in pages]
    if lesson_pages:
        story.append(styles.para(labels["plan_print"].format(
            first=lesson_pages[0][0], last=max(span[1] for span in lesson_pages)), "small",
            bold=True))
    optional = [name for name in student.OPTIONAL_SECTIONS if name in pages]
    if optional:
        story.append(styles.label(labels["part_extension"], handout_pages(doc, optional, pages),
                                  "small"))
    story.append(PageBreak())
    return story
