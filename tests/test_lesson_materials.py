"""The printed lesson materials read as a student and a teacher would: the handout gives
nothing away, holds the whole article and breaks pages well on A4 and Letter; the answer
key opens with a lesson plan whose minutes add up; debate cards never break mid-sentence;
kinds survive a greyscale copy; Chinese headings stand out."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from debatekit.debate import cards as card_writer
from debatekit.debate.cardunits import sentences
from debatekit.handout import answer_key, student
from debatekit.job import Job
from debatekit.labels import labels_for
from debatekit.looks import KIND_LOOK
from debatekit.model import KINDS, STATUSES
from debatekit.present.lessonplan import PHASES, plan, split_minutes
from debatekit.present.points import SIDES, resolve_debates

LANGS = ("zh", "en")
PAPERS = ("a4", "letter")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pages_of(data: bytes) -> list[str]:
    """Each page's text as pypdf reads it (drawing order: the body, then the furniture)."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def body_text(data: bytes, outline, lang: str, what: str) -> str:
    """The pages' text without the header and footer drawn on each (they are drawn last,
    starting with the title and what the document is), so text running on over a page
    break reads whole."""
    head = squash(outline.title[lang]) + squash(what)
    return "".join(squash(page)[: squash(page).rfind(head)] for page in pages_of(data))


_BUILT: dict[tuple, bytes] = {}


def built(reading, writer, lang: str, paper: str = "a4") -> bytes:
    key = (reading.outline.id, writer.__name__, lang, paper)
    if key not in _BUILT:
        _BUILT[key] = writer.render(Job(reading.outline, lang, paper, article=reading.article))
    return _BUILT[key]


def with_labels(outline, lang: str, words: dict[str, str]):
    """The outline with some of the tool's words replaced for ``lang``."""
    labels = {lang: {**dict(outline.style.labels.get(lang, {})), **words}}
    return outline.model_copy(update={"style": outline.style.model_copy(update={"labels": labels})})


# -- the student handout gives nothing away --------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_kind_words_only_in_the_key_and_beside_tick_boxes(flagship, lang):
    """With the kind words replaced by marks no text contains, each mark appears exactly
    once in the key of the three kinds and once per tick-box row, never elsewhere."""
    marks = {kind: f"QQ{kind.upper()}QQ" for kind in KINDS}
    outline = with_labels(flagship.outline, lang, marks)
    data = student.render(Job(outline, lang, article=flagship.article))
    text = squash("".join(pages_of(data)))
    rows = len(outline.exercise_claims) + len(outline.extension_claims)
    for kind, mark in marks.items():
        assert text.count(mark) == 1 + rows, kind
    # the rows' three boxes always come together, in the same order
    group = "".join(marks[k] for k in KINDS)
    assert text.count(group) == rows


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_no_kind_or_status_word_next_to_a_statement(flagship, lang):
    words = labels_for(flagship.outline, lang)
    text = squash("".join(pages_of(built(flagship, student, lang))))
    text = text.replace(squash("".join(words[k] for k in KINDS)), "|")   # the tick boxes
    near = [squash(words[k]) for k in (*KINDS, *STATUSES)]
    for claim in flagship.outline.claims:
        statement = squash(claim.text[lang])
        at = text.find(statement)
        assert at >= 0, claim.id
        around = text[max(0, at - 30): at] + text[at + len(statement): at + len(statement) + 30]
        assert not [w for w in near if w in around], (claim.id, around)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_handout_has_no_balance_counts_or_answers(flagship, lang):
    words = labels_for(flagship.outline, lang)
    text = squash("".join(pages_of(built(flagship, student, lang))))
    assert squash(words["balance"]) not in text
    for claim in flagship.outline.claims:
        if claim.why:
            assert squash(claim.why[lang]) not in text, claim.id
        for accepted in claim.accept:
            assert squash(accepted.why[lang]) not in text, claim.id


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_every_paragraph_of_the_article_is_in_the_handout(flagship, lang):
    article = flagship.article
    words = labels_for(flagship.outline, lang)
    text = body_text(built(flagship, student, lang), flagship.outline, lang, words["handout"])
    shown = list(article.paragraphs_for(lang))
    if lang != article.language:
        assert shown != list(article.paragraphs), "the English handout needs the translation"
        shown += list(article.paragraphs)      # and the original is under each paragraph
    missing = [n for n, p in enumerate(shown, 1) if squash(p) not in text]
    assert not missing


@pytest.mark.slow
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("lang", LANGS)
def test_lesson_part_fits_twelve_pages(flagship, lang, paper):
    pages = student.section_pages(Job(flagship.outline, lang, paper, article=flagship.article))
    last = max(pages[name][1] for name in student.LESSON_SECTIONS if name in pages)
    assert last <= 12, pages
    assert pages["extension"][0] > last     # the optional part comes after the lesson


# -- pages that hold together ---------------------------------------------------------


def _statement_pages(data: bytes, statements: list[str], first: int = 1) -> dict[int, list[int]]:
    """page -> indexes of the statements whole on it (each must be whole on one page),
    looking from page ``first`` on."""
    pages = [squash(p) for p in pages_of(data)]
    found: dict[int, list[int]] = {}
    for index, statement in enumerate(statements):
        where = [n for n, page in enumerate(pages) if statement in page and n + 1 >= first]
        assert where, f"statement {index} is split across pages or missing"
        found.setdefault(where[0], []).append(index)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("lang", LANGS)
def test_worksheet_rows_whole_and_never_alone_on_a_page(flagship, lang, paper):
    outline = flagship.outline
    data = built(flagship, student, lang, paper)
    sections = student.section_pages(Job(outline, lang, paper, article=flagship.article))
    for claims, section in ((outline.exercise_claims, "worksheet"),
                            (outline.extension_claims, "extension")):
        statements = [squash(c.text[lang]) for c in claims]
        for page, rows in _statement_pages(data, statements, sections[section][0]).items():
            assert len(rows) >= 2 or len(claims) == 1, (page + 1, rows)


@pytest.mark.slow
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("lang", LANGS)
def test_answer_rows_whole_on_a_page(flagship, lang, paper):
    data = built(flagship, answer_key, lang, paper)
    _statement_pages(data, [squash(c.text[lang]) for c in flagship.outline.claims])


@pytest.mark.slow
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_heading_left_at_the_foot_of_a_page(flagship, lang, paper):
    words = labels_for(flagship.outline, lang)
    headings = [squash(words[key]) for key in ("article", "glossary", "worksheet", "debate_prep",
                                               "discussion", "extension", "blank_maps")]
    footer = squash(words["page_of"].split("{")[0])
    for writer in (student, answer_key):
        for number, page in enumerate(pages_of(built(flagship, writer, lang, paper)), 1):
            body = squash(page)
            body = body[: body.rfind(footer)] if footer in body else body
            for heading in headings:
                at = body.rfind(heading)
                if at >= 0 and body.count(heading) == 1 and len(body) - at - len(heading) < 15:
                    pytest.fail(f"{writer.__name__} p. {number}: heading {heading} at the foot")


# -- the answer key's lesson plan -------------------------------------------------------


@pytest.mark.parametrize("minutes", [90, 45, 50, 60, 75, 120, 9, 1])
def test_plan_minutes_add_up(sample, minutes):
    lesson = sample.outline.lesson.model_copy(update={"minutes": minutes})
    outline = sample.outline.model_copy(update={"lesson": lesson})
    phases = plan(outline)
    assert sum(p.minutes for p in phases) == minutes
    assert all(p.minutes > 0 for p in phases)


@pytest.mark.parametrize("name", ["sample", "flagship"])
def test_plan_has_an_exit_ticket_exactly_when_the_deck_does(name, sample, flagship):
    """The plan does not send the teacher to an exit ticket the deck lacks (an outline
    whose every claim is in the exercise has no statement left to ask about)."""
    from pptx import Presentation
    from support import deck_bytes

    outline = {"sample": sample, "flagship": flagship}[name].outline
    title = labels_for(outline, "zh")["exit_ticket"]
    prs = Presentation(io.BytesIO(deck_bytes(name, "zh")))
    in_deck = any(s.shapes.title is not None and s.shapes.title.text_frame.text.startswith(title)
                  for s in prs.slides)
    in_plan = any(p.phase.name == "exit" for p in plan(outline))
    assert (in_plan, in_deck) == ((name == "flagship"),) * 2
    assert sum(p.minutes for p in plan(outline)) == outline.lesson.minutes


def test_plan_without_minutes_is_ninety(sample):
    outline = sample.outline.model_copy(update={"lesson": None})
    assert sum(p.minutes for p in plan(outline)) == 90
    assert split_minutes(90, [p.share for p in PHASES]) == [p.share for p in PHASES]


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_opens_with_the_lesson_plan(flagship, lang):
    words = labels_for(flagship.outline, lang)
    first = squash(pages_of(built(flagship, answer_key, lang))[0])
    assert squash(words["lesson_plan"]) in first
    phases = plan(flagship.outline)
    for planned in phases:
        # the table reads phase name, then its minutes, then its slides
        assert squash(words[f"phase_{planned.phase.name}"]) + str(planned.minutes) in first
    total = sum(p.minutes for p in phases)
    assert total == flagship.outline.lesson.minutes
    assert squash(words["plan_total"]) + str(total) in first
    # handout pages named in the plan are those of the handout as built
    pages = student.section_pages(Job(flagship.outline, lang, article=flagship.article))
    assert squash(student.page_words(words, pages["worksheet"])) in first


@pytest.mark.slow
def test_answer_key_refers_to_claims_by_number_not_id(flagship):
    for lang in LANGS:
        text = squash("".join(pages_of(built(flagship, answer_key, lang))))
        ids = [c.id for c in flagship.outline.claims if len(c.id) > 6 and "-" in c.id]
        assert not [i for i in ids if squash(i) in text]


@pytest.mark.parametrize("lang", LANGS)
def test_no_quotation_mark_is_doubled(flagship, lang):
    """A quotation ending on a quoted phrase nests it (“… ‘…’”) instead of showing ””."""
    assert any(c.quote and c.quote.endswith("”") for c in flagship.outline.claims)
    for writer in (answer_key, card_writer):
        text = squash("".join(pages_of(built(flagship, writer, lang))))
        assert "””" not in text and "““" not in text, writer.__name__


# -- debate cards -------------------------------------------------------------------------


def _cards(data: bytes, words) -> list[str]:
    """Each card's text: a page's text cut at each card's number line."""
    marker = re.compile(re.escape(squash(words["card_of"])).replace(r"\{card\}", r"\d+")
                        .replace(r"\{cards\}", r"\d+"))
    found = []
    for page in pages_of(data):
        flat = squash(page)
        starts = [m.start() for m in marker.finditer(flat)]
        found += [flat[a:b] for a, b in zip(starts, starts[1:] + [len(flat)])]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_cards_break_only_between_sentences(flagship, lang):
    words = labels_for(flagship.outline, lang)
    found = _cards(built(flagship, card_writer, lang), words)
    assert found
    for debate in resolve_debates(flagship.outline, lang):
        texts = [q for q in debate.questions]
        for side in SIDES:
            for point in debate.side(side):
                texts += [point.text] + ([point.use] if point.use else [])
        for text in texts:
            for sentence in sentences(text):
                assert any(squash(sentence) in card for card in found), sentence
    # a card that continues ends with a whole item: a sentence, a quote and who said it,
    # a source
    endings = set()
    for debate in resolve_debates(flagship.outline, lang):
        endings.update(squash(q) for q in debate.questions)
        endings.update(squash(s) for s in sentences(debate.context or ""))
        for side in SIDES:
            for point in debate.side(side):
                endings.update(squash(s) for s in sentences(point.text + " " + (point.use or "")))
                for source in point.sources:
                    endings.update(squash(part or "") for part in
                                   (source.text, source.url, source.after))
                endings.add(squash(words["quote_by"].format(speaker=point.speaker
                                                            or words["the_author"])))
    turn = squash(words["card_continued"])
    for card in found:
        if turn in card:
            before = card[: card.find(turn)]
            assert any(before.endswith(e) for e in endings if e), before[-60:]


def test_card_text_is_never_below_nine_points(sample):
    from reportlab.platypus import Paragraph

    from debatekit.debate.cardunits import Sentences, Unit
    from debatekit.pdf import document_for

    doc = document_for(Job(sample.outline, "zh"), header_right="x")
    writer = card_writer.CardWriter(doc)
    debate = resolve_debates(sample.outline, "zh")[0]

    def flat(items):
        for item in items:
            if isinstance(item, Unit):
                yield from flat(item.items)
            elif isinstance(item, Sentences):
                yield item.para
            else:
                yield item

    for item in flat(writer.side_body(debate, "pro")):
        if isinstance(item, Paragraph):
            assert item.style.fontSize >= 9, item.style.name


# -- print: greyscale and Chinese headings ------------------------------------------------


def test_kinds_differ_in_shape_and_border_not_only_colour():
    looks = [KIND_LOOK[k] for k in KINDS]
    assert len({look.shape for look in looks}) == len(KINDS)
    assert len({look.dash for look in looks}) == len(KINDS)
    assert len({look.symbol for look in looks}) == len(KINDS)


def test_map_boxes_carry_their_kind_border(flagship):
    from debatekit.pdf import document_for, mapdrawing
    from debatekit.present.argmap import map_pages

    doc = document_for(Job(flagship.outline, "zh"), header_right="x")
    page = map_pages(flagship.outline, "zh", 480, 680)[1]
    drawing = mapdrawing.map_drawing(page, doc.fonts)
    dashes = {tuple(getattr(shape, "strokeDashArray", None) or ()) for shape in drawing.contents}
    for kind in {node.kind for node in page.nodes if node.kind}:
        assert tuple(KIND_LOOK[kind].dash or ()) in dashes, kind


def test_blank_map_hides_every_kind(flagship):
    from debatekit.present.argmap import blank_strand_pages

    words = labels_for(flagship.outline, "en")
    for pages in blank_strand_pages(flagship.outline, "en", 480, 680):
        for page in pages:
            assert all(node.kind is None and node.status is None for node in page.nodes)
            shown = " ".join(" ".join(n.heading + n.body) for n in page.nodes)
            shown += " ".join(item.text for item in page.legend)
            assert not [k for k in KINDS if words[k] in shown]


def test_chinese_headings_are_drawn_bold_by_stroke(sample):
    data = built(sample, answer_key, "zh")
    reader = PdfReader(io.BytesIO(data))
    assert b"2 Tr" in reader.pages[0].get_contents().get_data()
    english = built(sample, answer_key, "en")
    assert b"2 Tr" not in PdfReader(io.BytesIO(english)).pages[0].get_contents().get_data()


@pytest.mark.parametrize("lang", LANGS)
def test_web_addresses_break_only_after_separators(lang):
    from debatekit.pdf import fonts
    from debatekit.pdf.cjkwrap import URL_BREAKS, _line_text
    from debatekit.pdf.styles import Styles

    url = "https://www.govinfo.gov/content/pkg/FR-2025-09-30/html/2025-19139.htm"
    text = {"en": f"The White House, Executive Order 14352, Federal Register {url} (30 Sept 2025)",
            "zh": f"来源：白宫第14352号行政令 {url} 以及其他资料"}[lang]
    styles = Styles(fonts.font_set(lang), lang)
    for width in range(90, 420, 11):
        para = styles.para(text, "small")
        para.wrap(width, 10_000)
        lines = [("".join(line[1]) if isinstance(line, tuple) else _line_text(line)).strip()
                 for line in para.blPara.lines]
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), width
        joined, at = "".join(lines), 0
        start = joined.find(url)
        for line in lines[:-1]:
            at += len(line)
            if start < at < start + len(url):
                assert joined[at - 1] in URL_BREAKS, (width, line)
        for line in para.blPara.lines:
            extra = line[0] if isinstance(line, tuple) else line.extraSpace
            assert extra >= -3, (width, lines)   # at most a hanging full stop in the margin
        if lang == "en":   # English words stay whole
            assert not [line for line in lines if line[-1:].isalpha() and
                        text.find(line) >= 0 and text[text.find(line) + len(line):][:1].isalpha()]


@pytest.mark.parametrize("lang", LANGS)
def test_badges_stay_inside_the_answer_key_column(lang):
    from debatekit.labels import BUILTIN
    from debatekit.pdf import fonts
    from debatekit.pdf.badges import KindBadge, StatusMark
    from debatekit.pdf.tables import PADDING

    room = answer_key.KIND_COLUMN - 2 * PADDING
    face = fonts.font_set(lang)
    marks = [KindBadge(k, BUILTIN[lang][k], face) for k in KINDS]
    marks += [StatusMark(s, BUILTIN[lang][s], face) for s in STATUSES]
    for mark in marks:
        width, _ = mark.wrap(room, 100)
        assert width <= room, mark.text
        assert mark.used_size >= 6.5, mark.text        # still readable


def test_cover_names_the_pages_the_sections_land_on(sample):
    words = labels_for(sample.outline, "en")
    data = built(sample, student, "en")
    cover = squash(pages_of(data)[0] + pages_of(data)[1])
    pages = student.section_pages(Job(sample.outline, "en", article=sample.article))
    assert {"article", "worksheet", "maps"} <= set(pages)
    for name in pages.keys() - {"cover"}:
        title, where = words[student.SECTION_TITLES[name]], student.page_words(words, pages[name])
        assert squash(f"{title} ({where})") in cover, name


@pytest.mark.slow
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_continuation_card_with_a_lone_small_item(flagship, lang, paper):
    """A card that continues a side or an overview holds two items or more, unless its
    one item fills much of it (a point too long to share a card)."""
    from debatekit.debate.cardlayout import Card
    from debatekit.debate.overview import SideBySide
    from debatekit.pdf import document_for

    doc = document_for(Job(flagship.outline, lang, paper, article=flagship.article),
                       header_right="x")
    words = labels_for(flagship.outline, lang)
    for card in card_writer.CardWriter(doc).all_cards():
        room = Card.content_height(card.slot_height, card.header_height)
        used = max((p.y + p.height for p in card.content), default=0)
        assert used <= room + 0.5, card.number
        if words["continued"] not in card.number:
            continue
        items = sum(len(column) for p in card.content if isinstance(p.flowable, SideBySide)
                    for column in p.flowable.columns)
        items += sum(1 for p in card.content if not isinstance(p.flowable, SideBySide)
                     and p.height > 1)
        assert items >= 2 or used > 0.5 * room, (card.number, items, used, room)
