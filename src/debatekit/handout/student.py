"""The student handout: source, thesis and summaries, a worksheet to label every
statement, the signal-word exercise, a preparation page per debate motion, discussion
questions and the glossary."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from ..labels import labels_for
from ..language import profile
from ..pdf import PdfDocument, document_for
from ..pdf.ruled_lines import WritingLines
from ..present.points import resolve_debates
from . import common, visuals
from .common import NUMBER_COLUMN

VERSION = "2"

# Room to write a label and a short answer by hand in each worksheet row.
WORKSHEET_ROW = 22 * mm


def render(job) -> bytes:
    doc = document_for(job, header_right=labels_for(job.outline, job.lang)["handout"])
    labels = doc.labels
    story: list[Flowable] = common.title_block(doc, labels["handout"])
    story.append(
        doc.styles.para(f"{labels['name_line']}{profile(doc.lang).colon}" + "_" * 28, "body")
    )
    story += common.source_block(doc)
    story += common.lesson_block(doc)
    story += common.thesis_block(doc)
    story += visuals.flowables(doc)
    story.append(PageBreak())
    story += worksheet(doc)
    story += signal_exercise(doc)
    for debate in resolve_debates(doc.outline, doc.lang):
        story.append(PageBreak())
        story += debate_page(doc, debate)
    story += discussion(doc)
    story += common.glossary_block(doc)
    return doc.build(story, subject=f"{labels['handout']}: {doc.text(doc.outline.title)}")


def worksheet(doc: PdfDocument) -> list[Flowable]:
    """Every statement, numbered, with its strand; the label and check columns are empty."""
    labels, styles = doc.labels, doc.styles
    story = common.heading(doc, labels["worksheet"])
    story += [common.badge_table(doc), Spacer(1, 3 * mm)]
    story.append(styles.para(labels["worksheet_task"], "body"))
    head = [
        styles.para(labels["number"], "cell_head"),
        styles.para(labels["statement"], "cell_head"),
        styles.para(labels["your_label"], "cell_head"),
        styles.para(labels["how_check"], "cell_head"),
    ]
    rows: list[list] = [head]
    for number, claim in enumerate(doc.outline.claims, 1):
        rows.append([
            styles.para(str(number), "cell"),
            common.strand_heading(doc, claim.id) + [styles.para(doc.text(claim.text), "cell")],
            "", "",
        ])
    width = doc.page.frame_width
    widths = [NUMBER_COLUMN, width - NUMBER_COLUMN - 36 * mm - 52 * mm, 36 * mm, 52 * mm]
    story.append(doc.table(rows, widths, min_row_height=WORKSHEET_ROW))
    return story


def signal_exercise(doc: PdfDocument) -> list[Flowable]:
    """The quotes of claims with signal words, to underline them and name the kind."""
    claims = [c for c in doc.outline.claims if c.signals and c.quote]
    if not claims:
        return []
    labels, styles = doc.labels, doc.styles
    story = common.heading(doc, labels["signal_exercise"])
    story.append(styles.para(labels["signal_task"], "body"))
    head = [styles.para(labels["number"], "cell_head"), styles.para(labels["quote"], "cell_head"),
            styles.para(labels["kind_signalled"], "cell_head")]
    rows: list[list] = [head]
    for claim in claims:
        number = doc.outline.claim_number(claim.id)
        quote: list[Flowable] = [
            styles.para(profile(doc.outline.source.language).quoted(claim.quote), "quote")
        ]
        if doc.outline.source.language != doc.lang:
            # the quote is in the article's language: give its meaning too
            quote.append(styles.para(doc.text(claim.text), "small"))
        rows.append([styles.para(str(number), "cell"), quote, ""])
    width = doc.page.frame_width
    story.append(doc.table(rows, [NUMBER_COLUMN, width - NUMBER_COLUMN - 36 * mm, 36 * mm],
                           min_row_height=14 * mm))
    return story


def debate_page(doc: PdfDocument, debate) -> list[Flowable]:
    """Motion, context, rebuttal prompts and two ruled columns for arguments."""
    labels, styles = doc.labels, doc.styles
    story: list[Flowable] = [styles.para(f"{labels['debate_prep']} {debate.number}", "h1")]
    story += common.motion_block(doc, debate)
    story.append(styles.para(labels["debate_task"], "body"))
    width = doc.page.frame_width
    column = (width - 0.1) / 2
    head = [styles.para(f"{labels['pro']} · {labels['your_arguments']}", "cell_head"),
            styles.para(f"{labels['con']} · {labels['your_arguments']}", "cell_head")]
    lines = 10 if debate.questions else 13
    story.append(doc.table([head, [WritingLines(lines), WritingLines(lines)]], [column, column]))
    story += common.debate_questions(doc, debate)
    return story


def discussion(doc: PdfDocument) -> list[Flowable]:
    questions = doc.outline.questions
    if not questions:
        return []
    story: list[Flowable] = [PageBreak(), doc.styles.para(doc.labels["discussion"], "h1")]
    for number, question in enumerate(questions, 1):
        story.append(
            KeepTogether(
                [
                    doc.styles.para(doc.text(question), "body", prefix=f"{number}. "),
                    WritingLines(3, gap=7 * mm),
                    Spacer(1, 3 * mm),
                ]
            )
        )
    return story
