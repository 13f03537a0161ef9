"""Outlines far larger than the flagship still build: many strands must not make any
drawing taller than a page."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from debatekit.model import Outline
from debatekit.job import Job
from debatekit.registry import WRITERS
from debatekit.shape import validate

from support import SEED

pytestmark = pytest.mark.slow


def many_strands(count: int) -> Outline:
    strands = []
    for s in range(count):
        claims = [
            {"id": f"s{s}-fact", "kind": "fact", "text": f"Strand {s} states a number."},
            {"id": f"s{s}-view", "kind": "opinion", "text": f"Strand {s} judges it.", "supports": [f"s{s}-fact"]},
        ]
        strands.append({"id": f"s{s}", "title": f"Strand number {s}", "claims": claims})
    return validate(Outline, {
        "format": "debatekit/1", "id": "many", "languages": ["en"], "title": "Many strands",
        "source": {"path": SEED.as_posix(), "title": "t", "publisher": "p", "language": "zh"},
        "thesis": "A thesis.", "strands": strands,
    })


def _text(writer: str) -> str:
    data = WRITERS[writer].render(Job(many_strands(90), "en"))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def handout_text() -> str:
    return _text("handout")


def test_balance_chart_of_ninety_strands_spans_pages_and_keeps_its_question():
    # the balance chart is the teacher's: students classify before they see counts
    key_text = _text("answer-key")
    assert "Facts, opinions and predictions per strand" in key_text
    assert "What evidence would convince you of it?" in key_text


def test_every_strand_is_named_in_the_handout(handout_text):
    missing = [s for s in range(90) if f"Strand number {s}" not in handout_text]
    assert not missing


def test_overview_map_costs_a_layout_or_two_whatever_the_strands(monkeypatch):
    """The overview's rows and scale are computed from the boxes, not searched by laying
    out every row count at every scale (which made the map cost grow with the square of
    the strands)."""
    from debatekit.present import argmap, layered

    calls = []
    original = layered.layout

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(layered, "layout", counted)
    for count in (6, 30, 120):
        calls.clear()
        builder = argmap.Builder(many_strands(count), "en", 864, 380, argmap.MapStyle(body_size=14))
        page = argmap._overview(builder)
        assert len([n for n in page.nodes if n.role == "strand"]) == count
        assert len(calls) <= 2, (count, len(calls))


def test_strand_maps_of_many_strands_share_one_builder(monkeypatch):
    """The deck's strand maps index the outline's relations once, in one builder, not
    once per strand (which made their cost grow with claims times strands)."""
    from debatekit.present import keymap, mapboxes
    from debatekit.slides.visual_slides import LESSON_MAP_STYLE

    made = []
    original = mapboxes.Builder.__init__

    def counted(self, *args, **kwargs):
        made.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(mapboxes.Builder, "__init__", counted)
    outline = many_strands(60)
    maps = keymap.key_maps(outline, "en", 864, 370, LESSON_MAP_STYLE, ["t"] * 60)
    assert len(maps) == 60 and all(m.page.nodes for m in maps)
    assert len(made) == 1
