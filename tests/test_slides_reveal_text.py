"""The reveal's words read back with python-pptx: each answer's number on the maps kept
with its statement, and the quote's translation beside the signal words in one pair of
quotation marks."""

from __future__ import annotations

import re

import pytest

from debatekit import textfit
from debatekit.model import Outline
from debatekit.shape import validate
from debatekit.slides.geometry import BODY_MIN, INSET_X
from support import read, render, sample_dict

NBSP = "\u00a0"


def _answers(prs) -> dict[str, object]:
    return {s.name: s for slide in prs.slides for s in slide.shapes
            if re.fullmatch(r"Answer \d+( reason)?", s.name)}


def test_a_translation_wrapped_in_quotation_marks_is_not_marked_twice_when_cut(sample):
    """A quote's translation copied with the speaker's own marks, long enough to be cut
    beside the signal words, is shown in one pair (“I only …”, not “‘I only …”)."""
    d = sample_dict()
    claim = next(c for s in d["strands"] for c in s["claims"] if c.get("signals"))
    words = "I only have an hour for lunch, and if the food is ten minutes late I may not get to eat at all, she said"
    claim["quote_translation"] = {"en": f"“{words}.”"}
    prs = read(render(validate(Outline, d), "en", article=sample.article))
    reasons = [s.text_frame.text for name, s in _answers(prs).items() if name.endswith("reason")]
    shown = [t for t in reasons if "I only have an hour" in t]
    assert shown, reasons
    assert "“I only have an hour" in shown[0] and "“‘" not in shown[0], shown[0]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_answers_number_on_the_maps_never_starts_a_line(sample, lang):
    """'· #41' follows the statement's last word: no-break spaces keep the dot and the
    number with it, as the measurer wraps them (a line ending on '·' with '#41' alone on
    the next is what a renderer made of plain spaces)."""
    prs = read(render(sample.outline, lang, article=sample.article))
    heads = [s for name, s in _answers(prs).items() if not name.endswith("reason")]
    assert heads
    for shape in heads:
        text = shape.text_frame.text
        assert re.search(f"{NBSP}·{NBSP}#\\d+$", text), text
        width = shape.width / 12700 - 2 * INSET_X
        for narrow in (width, width * 0.8, width * 0.6):
            lines = [text[ln.start:ln.end].strip() for ln in textfit.wrap(text, narrow, BODY_MIN, bold=True)]
            assert not [ln for ln in lines[1:] if ln.startswith(("·", "#", NBSP))], (lang, lines)


def test_a_no_break_space_measures_as_a_space_and_joins_its_neighbours():
    """Gluing '· #41' to the last word must not cost a line of its own: the no-break
    space is as wide as a space; only the break opportunity goes."""
    text = f"12. Regulators should require platforms to explain the rules in…{NBSP}·{NBSP}#51"
    plain = text.replace(NBSP, " ")
    for width in (200.0, 300.0, 420.0):
        assert textfit.text_height(text, width, BODY_MIN, bold=True) == pytest.approx(
            textfit.text_height(plain, width, BODY_MIN, bold=True), abs=textfit.line_height(BODY_MIN) + 0.01)
    assert textfit._ems(text) == pytest.approx(textfit._ems(plain))
