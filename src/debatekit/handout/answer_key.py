"""The teacher's answer key: the lesson plan on its first page; the worksheet's answers
(kind, status, reason, signal words, accepted alternatives, the quote, checks with
sources, teacher notes), then the extension's; the labelled maps, figures and balance
chart; and every debate point with its kind. Claims go by their numbers, as in the
student handout, the maps and the cards."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..labels import fill, labels_for
from ..language import profile
from ..looks import ACCENT
from ..model import Claim
from ..pdf import PdfDocument, document_for
from ..pdf.badges import KindBadge, StatusMark
from ..present.points import SIDES, resolve_debates
from . import common, student, visuals
from .common import NUMBER_COLUMN
from .lesson_plan import lesson_plan
from .worksheet import paragraph_note

# The handout's layout decides the plan's page numbers: a new handout is a new key.
VERSION = f"3+{student.VERSION}"

# wide enough for the longest status mark ("stated, not checked") at a readable size
KIND_COLUMN = 38 * mm


def render(job) -> bytes:
    labels = labels_for(job.outline, job.lang)
    doc = document_for(job, header_right=f"{labels['answer_key']} · {labels['teacher_only']}")
    story: list[Flowable] = common.title_block(
        doc, f"{labels['answer_key']} · {labels['teacher_only']}"
    )
    story += lesson_plan(doc, job)
    story += common.source_block(doc)
    story += common.lesson_block(doc)
    story += common.thesis_block(doc)
    story += filled_worksheet(doc, job.article, doc.outline.exercise_claims, labels["answers"],
                              exercise=True)
    story += filled_worksheet(doc, job.article, doc.outline.extension_claims,
                              labels["extension_answers"])
    story += visuals.flowables(doc)
    for debate in resolve_debates(doc.outline, doc.lang):
        story += debate_answers(doc, debate)
    story += common.glossary_block(doc)
    return doc.build(story, subject=f"{labels['answer_key']}: {doc.text(doc.outline.title)}")


def kind_marks(doc: PdfDocument, kind: str, status: str | None,
               accepted: tuple = ()) -> list[Flowable]:
    """The kind badge and, for a fact, its status mark; then the other kinds a teacher
    accepts (their reasons are in the reason column)."""
    marks: list[Flowable] = [KindBadge(kind, doc.labels[kind], doc.fonts)]
    if status:
        marks.append(StatusMark(status, doc.labels[status], doc.fonts))
    if accepted:
        marks.append(doc.styles.para(doc.labels["accepted"] + profile(doc.lang).colon, "small"))
        marks += [KindBadge(a.kind, doc.labels[a.kind], doc.fonts, size=7.5) for a in accepted]
    return marks


def _statement_cell(doc: PdfDocument, claim: Claim, article=None) -> list[Flowable]:
    styles, labels = doc.styles, doc.labels
    cell: list[Flowable] = [styles.para(doc.text(claim.text), "cell")]
    where = paragraph_note(doc, article, claim)
    if where:
        cell.append(styles.para(f"→ {where}", "small"))
    if claim.quote:
        text = attributed(doc, claim.quote, doc.text(claim.speaker) if claim.speaker else None)
        cell.append(styles.label(labels["quote"], text, "quote",
                                 body_markup=underline(doc, text, claim.signals)))
    return cell


def attributed(doc: PdfDocument, quote: str, speaker: str | None) -> str:
    """“quote” (speaker), the author when no speaker is named: the quote in the marks of
    the article's language, the brackets of the document's."""
    quoted = profile(doc.outline.source.language).quoted(quote)
    return profile(doc.lang).remark(quoted, speaker or doc.labels["the_author"])


def underline(doc: PdfDocument, text: str, phrases) -> str:
    """Markup of ``text`` with every occurrence of ``phrases`` underlined (the signal
    words, so the teacher sees them in place)."""
    marked = [False] * len(text)
    for phrase in phrases:
        start = text.find(phrase)
        while phrase and start >= 0:
            marked[start:start + len(phrase)] = [True] * len(phrase)
            start = text.find(phrase, start + len(phrase))
    lead = doc.fonts.lead_for(text)
    parts, start = [], 0
    for index in range(1, len(text) + 1):
        if index == len(text) or marked[index] != marked[start]:
            piece = doc.fonts.markup(text[start:index], lead)
            parts.append(f"<u>{piece}</u>" if marked[start] else piece)
            start = index
    return "".join(parts)


def _reason_cell(doc: PdfDocument, claim: Claim) -> list[Flowable]:
    styles, labels = doc.styles, doc.labels
    cell: list[Flowable] = []
    if claim.why:
        cell.append(styles.label(labels["why"], doc.text(claim.why), "cell"))
    if claim.signals:
        signals = profile(doc.outline.source.language).list_separator.join(claim.signals)
        cell.append(styles.label(labels["signals"], signals, "cell"))
    for accepted in claim.accept:
        cell.append(styles.label(f"{labels['accepted']} {labels[accepted.kind]}",
                                 doc.text(accepted.why), "cell"))
    if claim.check:
        cell.append(styles.label(labels["check"], doc.text(claim.check.note), "cell"))
        for source in claim.check.sources:
            cell.append(styles.para(source, "small", prefix="– "))
    if claim.notes:
        cell.append(styles.label(labels["notes"], doc.text(claim.notes), "cell"))
    return cell or [styles.para("", "cell")]


def filled_worksheet(doc: PdfDocument, article, claims, title: str,
                     exercise: bool = False) -> list[Flowable]:
    """Statements numbered as on the handout (the exercise 1, 2, … as on the slides,
    with its number on the maps; the others by their number on the maps), with the
    answers."""
    if not claims:
        return []
    labels, styles = doc.labels, doc.styles
    story = common.heading(doc, title, room=70 * mm)
    if exercise:
        story += [common.badge_table(doc), Spacer(1, 3 * mm)]
    head = [
        styles.para(labels["number"], "cell_head"),
        styles.para(labels["statement"], "cell_head"),
        styles.para(f"{labels['kind']} / {labels['status']}", "cell_head"),
        styles.para(f"{labels['why']} · {labels['check']}", "cell_head"),
    ]
    rows: list[list] = [head]
    for index, claim in enumerate(claims, 1):
        on_map = f"#{doc.outline.claim_number(claim.id)}"
        number = [styles.para(str(index), "cell", bold=True),
                  styles.para(on_map, "small")] if exercise else styles.para(on_map, "cell", bold=True)
        rows.append([number,
                     _statement_cell(doc, claim, article),
                     kind_marks(doc, claim.kind, claim.fact_status, claim.accept),
                     _reason_cell(doc, claim)])
    width = doc.page.frame_width
    rest = width - NUMBER_COLUMN - KIND_COLUMN
    # the reason and the check are the longest: they get the widest column
    story.append(doc.table(rows, [NUMBER_COLUMN, rest * 0.34, KIND_COLUMN, rest * 0.66]))
    return story


def _point_cell(doc: PdfDocument, point) -> list[Flowable]:
    styles, labels = doc.styles, doc.labels
    cell: list[Flowable] = []
    if point.from_article and point.claim_id:
        number = doc.outline.claim_number(point.claim_id)
        where = f"{labels['from_article']} · {labels['statement_no'].format(n=f'#{number}')}"
    else:
        where = labels["own_point"]
    cell.append(styles.para(where, "small"))
    cell.append(styles.para(point.text, "cell"))
    if point.use:
        cell.append(styles.para(point.use, "cell", prefix="→ "))
    if point.quote:
        cell.append(
            styles.label(labels["quote"], attributed(doc, point.quote, point.speaker), "quote")
        )
    if point.sources:
        cell.append(styles.para(labels["sources"] + profile(doc.lang).colon, "small"))
        for source in point.sources:
            cell.append(styles.para(source.text, "small", prefix="– "))
    return cell


def debate_answers(doc: PdfDocument, debate) -> list[Flowable]:
    """Each side's points with their kind badge (and status for facts), after a note of
    what each side rests on (the question the overview card asks the class)."""
    labels, styles = doc.labels, doc.styles
    story = common.heading(doc, f"{labels['debate']} {debate.number}", room=70 * mm)
    story += common.motion_block(doc, debate)
    mark = profile(doc.lang)
    rests = ("；" if mark.full_width else "; ").join(
        f"{labels[side]}{mark.colon}{fill(labels['counts'], doc.lang, **debate.counts(side))}"
        for side in SIDES)
    question = doc.fonts.markup(labels["which_leans"])
    story.append(styles.para(rests, "body", prefix=f'<font color="#{ACCENT}"><b>{question}</b></font> '))
    width = doc.page.frame_width
    for side in SIDES:
        # The side's name is the table's header row: it repeats on a continuation page
        # and can never be left alone at the foot of a page.
        rows: list[list] = [[styles.para(f"{labels[side]} · {debate.motion}", "cell_head"), ""]]
        rows += [
            [kind_marks(doc, p.kind, p.status), _point_cell(doc, p)] for p in debate.side(side)
        ]
        story.append(Spacer(1, 4 * mm))
        story.append(doc.table(rows, [KIND_COLUMN, width - KIND_COLUMN],
                               extra=[("SPAN", (0, 0), (-1, 0))]))
    story += common.debate_questions(doc, debate)
    return story
