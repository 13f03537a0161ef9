"""The student's worksheet (the exercise's statements, with room to write) and the
optional extension (the other statements, to tick only). Nothing here shows a kind,
status or count: the kind words appear only in the key of the three kinds and beside the
empty tick boxes, the same three on every row."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..looks import MUTED
from ..model import KINDS, Claim
from ..pdf import PdfDocument
from ..pdf.ruled_lines import TickBoxes, WritingLines
from . import common
from .common import NUMBER_COLUMN

TICK_COLUMN = 33 * mm
REASON_COLUMN = 70 * mm
EXTENSION_TICKS = 74 * mm   # the three boxes side by side


def paragraph_note(doc: PdfDocument, article, claim: Claim) -> str:
    """"paragraph 4" for a claim whose quote the article holds, else ''."""
    if article is None or not claim.quote:
        return ""
    number = article.paragraph_of(claim.quote)
    return doc.labels["paragraph_ref"].format(n=number) if number else ""


def statement_cell(doc: PdfDocument, article, claim: Claim, on_maps: bool = False) -> list[Flowable]:
    """The statement, then where the article says it ("→ paragraph 4") and, for an
    exercise item, its number on the maps, smaller and muted on the same line."""
    text = doc.text(claim.text)
    notes = [paragraph_note(doc, article, claim)]
    if on_maps:
        notes.append(doc.labels["map_ref"].format(n=doc.outline.claim_number(claim.id)))
    where = " · ".join(n for n in notes if n)
    markup = doc.fonts.markup(text)
    if where:
        markup += f' <font size="8" color="#{MUTED}">→\u00a0{doc.fonts.markup(where)}</font>'
    return [doc.styles.para(text, "cell", body_markup=markup)]


def tick_boxes(doc: PdfDocument, across: bool = False) -> TickBoxes:
    return TickBoxes([doc.labels[k] for k in KINDS], doc.fonts, size=9, across=across)


def worksheet(doc: PdfDocument, article) -> list[Flowable]:
    """The exercise's statements in the lesson's order, numbered 1, 2, … as on the
    slides, each with the three tick boxes and lines for the reason and the check."""
    labels, styles = doc.labels, doc.styles
    # room for the heading, the key and two rows: a row is never alone under them
    story = common.heading(doc, labels["worksheet"], room=130 * mm)
    story += [styles.para(labels["worksheet_intro"], "body"), common.badge_table(doc),
              Spacer(1, 3 * mm)]
    head = [styles.para(labels["number"], "cell_head"),
            styles.para(labels["statement"], "cell_head"),
            styles.para(labels["your_answer"], "cell_head"),
            styles.para(f"{labels['why_short']}", "cell_head")]
    rows: list[list] = [head]
    for number, claim in enumerate(doc.outline.exercise_claims, 1):
        reason = [WritingLines(2, gap=6 * mm),
                  styles.para(labels["check_short"], "small"),
                  WritingLines(1, gap=6 * mm)]
        rows.append([styles.para(str(number), "cell", bold=True),
                     statement_cell(doc, article, claim, on_maps=True), tick_boxes(doc),
                     reason])
    width = doc.page.frame_width
    widths = [NUMBER_COLUMN, width - NUMBER_COLUMN - TICK_COLUMN - REASON_COLUMN,
              TICK_COLUMN, REASON_COLUMN]
    story.append(doc.table(rows, widths))
    return story


def extension(doc: PdfDocument, article) -> list[Flowable]:
    """The claims outside the exercise, clearly optional: statement and tick boxes,
    numbered as on the maps (#12)."""
    claims = doc.outline.extension_claims
    if not claims:
        return []
    labels, styles = doc.labels, doc.styles
    story = common.heading(doc, labels["extension"], room=60 * mm)
    story.append(styles.para(labels["extension_task"], "body"))
    head = [styles.para(labels["number"], "cell_head"),
            styles.para(labels["statement"], "cell_head"),
            styles.para(labels["your_answer"], "cell_head")]
    rows: list[list] = [head]
    for claim in claims:
        rows.append([styles.para(f"#{doc.outline.claim_number(claim.id)}", "cell", bold=True),
                     statement_cell(doc, article, claim), tick_boxes(doc, across=True)])
    width = doc.page.frame_width
    widths = [NUMBER_COLUMN, width - NUMBER_COLUMN - EXTENSION_TICKS, EXTENSION_TICKS]
    story.append(doc.table(rows, widths))
    return story
