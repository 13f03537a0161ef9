"""Single-language outlines write texts as plain strings: every optional text (strand
summaries, the source's perspective, reasons, notes, context) must still reach the outputs."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pypdf import PdfReader

from support import DATA
from debatekit.reader import read_outline
from debatekit.text import Text
from debatekit.job import Job
from debatekit.registry import WRITERS


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def phones():
    return read_outline(DATA / "phones-en.yaml").outline


def pdf_text(data: bytes) -> str:
    return squash("\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))


def test_plain_text_is_present():
    assert Text("a reason")
    assert Text({"en": "a reason"})


def test_handout_keeps_perspective_and_answer_key_summaries(phones):
    # the strands' summaries say what kinds a strand holds: the teacher's, not the students'
    text = pdf_text(WRITERS["handout"].render(Job(phones, "en")))
    assert squash(phones.source.perspective["en"]) in text
    key = pdf_text(WRITERS["answer-key"].render(Job(phones, "en")))
    for strand in phones.strands:
        assert squash(strand.summary["en"]) in key
        assert squash(strand.summary["en"]) not in text


def test_answer_key_keeps_reasons_and_notes(phones):
    text = pdf_text(WRITERS["answer-key"].render(Job(phones, "en")))
    assert squash(phones.source.perspective["en"]) in text
    for claim in phones.claims:
        assert squash(claim.why["en"]) in text, claim.id
    assert squash("Ask who would teach such a lesson.") in text


def test_deck_notes_and_markdown_keep_plain_texts(phones):
    deck = Presentation(io.BytesIO(WRITERS["slides"].render(Job(phones, "en"))))
    notes = squash(" ".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide))
    for claim in phones.claims:
        assert squash(claim.why["en"]) in notes, claim.id
    markdown = WRITERS["debate-md"].render(Job(phones, "en")).decode()
    assert "The district will review the policy next year." in markdown


def test_argument_map_heading_is_on_the_page_of_its_map(phones):
    """The English outline's map does not fit under the summary: its heading must move
    with it rather than stay alone at the bottom of a page (the answer key's map)."""
    reader = PdfReader(io.BytesIO(WRITERS["answer-key"].render(Job(phones, "en"))))
    pages = [squash(page.extract_text() or "") for page in reader.pages]
    # (the lesson plan names the handout's "Argument maps to fill in")
    with_heading = [n for n, text in enumerate(pages)
                    if "Argumentmap" in text.replace("Argumentmapstofillin", "")]
    assert with_heading
    for n in with_heading:
        assert "Strand1" in pages[n], f"the map heading is alone on page {n + 1}"
