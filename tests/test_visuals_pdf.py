"""The visuals of the handouts: vector drawings sized to the page, text extractable; the
answer key's maps labelled, the student handout's blank."""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pytest

from debatekit.handout import answer_key, student
from debatekit.pdf import document_for
from debatekit.handout import visuals as handout_visuals
from debatekit.pdf import chartdrawing, mapdrawing
from debatekit.present.argmap import map_pages
from debatekit.present.balance import balance
from debatekit.present.figures import all_figures
from debatekit.job import Job

from support import needs


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _written(readings, writer, folder):
    out = []
    for reading, lang in readings:
        outline = reading.outline
        path = folder / f"{outline.id}-{lang}.pdf"
        path.write_bytes(writer.render(Job(outline, lang, article=reading.article)))
        out.append((outline, lang, path))
    return out


# the sample in English, and the flagship in Chinese (larger: in the full suite)
READINGS = ["sample-en", pytest.param("flagship-zh", marks=pytest.mark.slow)]


@pytest.fixture(scope="module", params=READINGS)
def keys(request, tmp_path_factory):
    """[(outline, lang, path of the answer key)] for the sample in en or the flagship in zh."""
    name, lang = request.param.split("-")
    return _written(((request.getfixturevalue(name), lang),), answer_key,
                    tmp_path_factory.mktemp("visual-keys"))


@pytest.fixture(scope="module", params=READINGS)
def handouts(request, tmp_path_factory):
    """[(outline, lang, path of the student handout)], as ``keys``."""
    name, lang = request.param.split("-")
    return _written(((request.getfixturevalue(name), lang),), student,
                    tmp_path_factory.mktemp("visual-handouts"))


def test_drawings_fit_the_page_frame(flagship):
    outline = flagship.outline
    for lang in outline.languages:
        doc = document_for(Job(outline, lang), header_right="x")
        width, height = doc.page.frame_width, doc.page.frame_height
        for page in map_pages(outline, lang, width, height - handout_visuals.HEADING_ROOM,
                              handout_visuals.MAP_STYLE):
            drawing = mapdrawing.map_drawing(page, doc.fonts)
            assert drawing.width <= width + 0.01 and drawing.height <= height
        for figure in all_figures(outline, lang):
            assert chartdrawing.figure_drawing(figure, doc.fonts, width).width <= width
        assert chartdrawing.balance_drawing(balance(outline, lang), doc.fonts, width).width <= width


def _text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@needs("pdftotext")
def test_blank_maps_number_every_claim_and_show_no_chart(handouts):
    for outline, lang, path in handouts:
        text = _text(path)
        numbers = {int(n) for n in re.findall(r"#(\d+)", text)}
        assert set(range(1, len(outline.claims) + 1)) <= numbers, lang
        flat = _squash(text)
        data = balance(outline, lang)
        assert _squash(data.title) not in flat and _squash(data.prompt) not in flat
        for figure in all_figures(outline, lang):
            assert _squash(figure.caption) not in flat


@needs("pdftotext")
def test_answer_key_shows_every_claim_on_a_map_the_figures_and_the_balance(keys):
    for outline, lang, path in keys:
        text = _text(path)
        numbers = {int(n) for n in re.findall(r"#(\d+)", text)}
        assert set(range(1, len(outline.claims) + 1)) <= numbers, lang
        flat = _squash(text)
        for figure in all_figures(outline, lang):
            assert _squash(figure.title) in flat
            assert _squash(figure.caption) in flat
        data = balance(outline, lang)
        assert _squash(data.prompt) in flat
        for _, word, _ in data.series:
            assert _squash(word) in flat
