"""The debate cards PDF, read back with pypdf and poppler: every motion and point is there,
long content continues on further cards without loss, and builds are byte-identical."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from debatekit.debate import cards
from debatekit.debate.cardunits import Sentences, Unit
from debatekit.debate.cardlayout import Card, Row, Tag, Words
from debatekit.debate.overview import SideBySide
from debatekit.present.points import resolve_debates
from debatekit.labels import labels_for
from debatekit.pdf import document_for, source_citation
from debatekit.pdf.badges import _Mark
from debatekit.job import Job
from debatekit.language import profile
from debatekit.registry import WRITERS
from support import NASTY, needs, with_debates

LANGS = ("zh", "en")

LONG_EN = " ".join(f"Sentence {i} of a very long point that goes on and on about the deal." for i in range(60))
LONG_ZH = "".join(f"第{i}句：这是一个很长很长的说法，讲述协议的来龙去脉。" for i in range(60))
LONG = {
    "id": "long",
    "motion": {"zh": "很长的辩题", "en": "A long motion"},
    "context": {"zh": "背景" * 60, "en": "Background words " * 40},
    "pro": [{"point": {"zh": LONG_ZH, "en": LONG_EN}, "kind": "opinion"},
            {"claim": "deal-stake", "use": {"zh": "股份说明让步", "en": "The stake shows a concession"}},
            {"claim": "europe-shop"}],
    "con": [{"point": {"zh": "短的说法", "en": "A short point"}, "kind": "prediction"}],
    "questions": [{"zh": f"问题{i}？", "en": f"Question {i}?"} for i in range(8)],
}


def squash(text: str) -> str:
    return "".join(text.split())


def pypdf_text(data: bytes) -> str:
    import io

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def rendered(sample, flagship):
    """Sample and flagship cards in both languages, rendered once for the module."""
    out = {}
    for name, reading in (("sample", sample), ("flagship", flagship)):
        for lang in LANGS:
            out[name, lang] = (reading.outline, cards.render(Job(reading.outline, lang)))
    return out


@pytest.fixture(scope="module")
def long_outline(sample):
    return with_debates(sample.outline, LONG, NASTY)


def expected_texts(outline, lang):
    """Every motion and, per point, the words a card must show."""
    for debate in resolve_debates(outline, lang):
        yield debate.motion
        for side in ("pro", "con"):
            for point in debate.side(side):
                yield point.text
                if point.use:
                    yield point.use
                if point.quote:   # set in the article's marks, its own quotes nested
                    yield profile(outline.source.language).quoted(point.quote)
                if not point.from_article:
                    for source in point.sources:
                        yield from (p for p in (source.before or source.text, source.url, source.after) if p)
        yield from debate.questions


def joined(outline, lang, text: str, paper: str = "a4") -> str:
    """The extracted text with each card break taken out (the "continued" line, page
    furniture, and the next card's number and header), so content that continues on the
    next card reads as one piece again."""
    flat = squash(text)
    doc = document_for(Job(outline, lang, paper=paper), header_right="x")
    all_cards = cards.CardWriter(doc).all_cards()
    for card, following in zip(all_cards, all_cards[1:]):
        if card.turn:
            header_end = squash("".join(_texts(following.header[-1].flowable)))
            flat = re.sub(re.escape(squash(card.turn)) + ".*?" + re.escape(header_end), "", flat, count=1)
    return flat


def check_all_present(outline, lang, text, paper="a4"):
    flat = joined(outline, lang, text, paper)
    missing = [t for t in expected_texts(outline, lang) if squash(t) not in flat]
    assert not missing, f"{len(missing)} texts missing, first: {missing[0]!r}"
    w = labels_for(outline, lang)
    for debate in outline.debates:
        for side in ("pro", "con"):
            for point in getattr(debate, side):
                kind = point.kind or outline.claim(point.claim).kind
                assert squash(w[kind]) in flat


# the flagship's cards are read back by pdftotext below in the quick loop, by pypdf in the full suite
@pytest.mark.parametrize("name", ["sample", pytest.param("flagship", marks=pytest.mark.slow)])
@pytest.mark.parametrize("lang", LANGS)
def test_every_motion_and_point_in_extracted_text(rendered, name, lang):
    outline, data = rendered[name, lang]
    check_all_present(outline, lang, pypdf_text(data))


@needs("pdftotext")
@pytest.mark.parametrize("lang", LANGS)
def test_pdftotext_reads_every_point(rendered, lang):
    outline, data = rendered["flagship", lang]
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout
    check_all_present(outline, lang, text.decode("utf-8"))


@needs("pdffonts", "qpdf")
def test_fonts_embedded_and_file_well_formed(rendered, tmp_path):
    for (name, lang), (_, data) in rendered.items():
        path = tmp_path / f"{name}-{lang}.pdf"
        path.write_bytes(data)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), fonts
        subprocess.run(["qpdf", "--check", str(path)], capture_output=True, check=True)


def test_two_renders_are_byte_identical(sample):
    job = Job(sample.outline, "zh")
    assert cards.render(job) == cards.render(Job(sample.outline, "zh"))
    assert WRITERS["debate-cards"].filename("sample", "en") == "sample-en-debate-cards.pdf"


def test_metadata_names_the_document(rendered):
    import io

    outline, data = rendered["sample", "en"]
    info = PdfReader(io.BytesIO(data)).metadata
    assert outline.title["en"] in info.title and info.subject == "Debate cards"


# -- long content ---------------------------------------------------------------------


def _texts(flowable):
    """The words a flowable draws (for telling card furniture from content)."""
    if isinstance(flowable, (Words, Tag, _Mark)):
        yield flowable.text
    elif isinstance(flowable, Row):
        for item in flowable.items:
            yield from _texts(item)
    elif isinstance(flowable, SideBySide):
        for head in flowable.heads:
            for item in head:
                yield from _texts(item)
    elif isinstance(flowable, Unit):
        for item in flowable.items:
            yield from _texts(item)
    elif isinstance(flowable, Sentences):
        yield flowable.para.getPlainText()
    elif hasattr(flowable, "getPlainText"):
        yield flowable.getPlainText()


def _card_room(card: Card) -> float:
    return Card.content_height(card.slot_height, card.header_height)


@pytest.mark.parametrize("lang", LANGS)
def test_long_points_continue_on_next_cards_and_nothing_overflows(long_outline, lang):
    doc = document_for(Job(long_outline, lang), header_right="x")
    all_cards = cards.CardWriter(doc).all_cards()
    w = labels_for(long_outline, lang)
    motion = LONG["motion"][lang]
    pro_cards = [c for c in all_cards if c.number.startswith(w["pro"])
                 and any(motion in t for p in c.header for t in _texts(p.flowable))]
    total = len(pro_cards)
    assert total >= 3, "the long point should continue over several cards"
    for i, card in enumerate(pro_cards, 1):
        assert w["card_of"].format(card=i, cards=total) in card.number
        assert (w["continued"] in card.number) == (i > 1)
        assert (card.turn is not None and w["card_continued"] in card.turn) == (i < total)
    for card in all_cards:
        room = _card_room(card)
        for placed in card.content:
            assert placed.y + placed.height <= room + 0.5, f"overflow on {card.number}"


@pytest.mark.parametrize("lang", LANGS)
def test_long_point_loses_no_text(long_outline, lang):
    """The long point, read back from the PDF with every piece of card and page furniture
    taken out, is there in full and in order, on the side card and on the overview."""
    data = cards.render(Job(long_outline, lang))
    text = squash(pypdf_text(data))
    doc = document_for(Job(long_outline, lang), header_right="x")
    furniture = {doc.text(long_outline.title), doc.labels["debate_cards"], source_citation(long_outline, lang)}
    for card in cards.CardWriter(doc).all_cards():
        furniture |= {card.number, card.turn or ""}
        for placed in card.header:
            furniture |= set(_texts(placed.flowable))
        for placed in card.content:
            if isinstance(placed.flowable, SideBySide):
                # heads, and the other column, which is drawn between the long column's parts
                furniture |= set(_texts(placed.flowable))
                for item in placed.flowable.columns[1]:
                    furniture |= set(_texts(item))
    pages = len(PdfReader(__import__("io").BytesIO(data)).pages)
    furniture |= {doc.labels["page_of"].format(page=p, pages=pages) for p in range(1, pages + 1)}
    for piece in sorted((squash(f) for f in furniture if f.strip()), key=len, reverse=True):
        text = text.replace(piece, "")
    long_text = squash(LONG_ZH if lang == "zh" else LONG_EN)
    assert text.count(long_text) == 2, "the long point is not whole on its cards and the overview"


@pytest.mark.parametrize("lang", LANGS)
def test_markup_characters_print_as_written(sample, lang):
    outline = with_debates(sample.outline, NASTY)
    data = cards.render(Job(outline, lang))
    text = pypdf_text(data)
    check_all_present(outline, lang, text)
    assert "<b>" in text and "&amp;" in text and "R&D" in text
    # a source's URL is a live link
    assert b"/URI" in data and b"https://example.com/a_(b)_c" in data.replace(b"\\(", b"(").replace(b"\\)", b")")


def test_overview_counts_each_kind_per_side(long_outline):
    doc = document_for(Job(long_outline, "en"), header_right="x")
    overview = [c for c in cards.CardWriter(doc).all_cards() if c.number.startswith("Teacher's overview")]
    texts = [t for c in overview for p in c.content for t in _texts(p.flowable)]
    # LONG: pro 1 fact, 1 opinion, 1 prediction; con 1 prediction
    assert "×1" in texts and "×0" in texts
    question = [t for t in texts if t.startswith("Which side leans on opinion?")]
    assert question and "For 1/3" in question[0] and "Against 0/1" in question[0]


HUGE_MOTION = {"id": "huge", "motion": {"zh": "非常长的辩题" * 80, "en": "A very long motion indeed " * 40},
               "pro": [{"point": {"zh": "论点" * 30, "en": "point " * 30}, "kind": "opinion"}],
               "con": [{"point": {"zh": "短论点", "en": "short point"}, "kind": "fact", "sources": ["a source"]}]}


@pytest.mark.parametrize("lang", LANGS)
def test_motion_longer_than_a_card_is_kept_whole_and_nothing_overflows(sample, lang):
    outline = with_debates(sample.outline, HUGE_MOTION)
    doc = document_for(Job(outline, lang), header_right="x")
    for card in cards.CardWriter(doc).all_cards():
        room = _card_room(card)
        assert room > 0.4 * Card.content_height(card.slot_height, 0)
        for placed in card.content:
            assert placed.y + placed.height <= room + 0.5, f"overflow on {card.number}"
    check_all_present(outline, lang, pypdf_text(cards.render(Job(outline, lang))))


def test_letter_paper_keeps_two_cards_a_page(sample):
    import io

    data = cards.render(Job(sample.outline, "en", paper="letter"))
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    doc = document_for(Job(sample.outline, "en", paper="letter"), header_right="x")
    assert len(reader.pages) == (len(cards.CardWriter(doc).all_cards()) + 1) // 2
    check_all_present(sample.outline, "en", pypdf_text(data), paper="letter")


def test_a_single_item_never_spills_onto_a_continuation_card_of_its_own():
    """Two points and one question that do not fit one card: the second point goes with
    the question (the first card may hold one item, a continuation may not)."""
    from reportlab.platypus import Spacer

    from debatekit.debate.cardlayout import _items, pack_balanced

    assert [_items(card) for card in pack_balanced([Spacer(1, 40)] * 3, 100, 100)] == [1, 2]
    assert [_items(card) for card in pack_balanced([Spacer(1, 40)] * 4, 100, 100)] == [2, 2]
    assert [_items(card) for card in pack_balanced([Spacer(1, 30)] * 7, 100, 100)] == [3, 2, 2]
