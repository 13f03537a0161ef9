"""The visuals in the handout: vector drawings sized to the page, text extractable."""

from __future__ import annotations

import re
import subprocess
import unicodedata

import pytest

from debatekit.handout import student
from debatekit.pdf import document_for
from debatekit.handout import visuals as handout_visuals
from debatekit.pdf import drawings
from debatekit.present.argmap import map_pages
from debatekit.present.balance import balance
from debatekit.present.figures import all_figures
from debatekit.job import Job

from support import needs


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def handouts(sample, flagship, tmp_path_factory):
    """(outline, lang, text of the handout) for the flagship in zh and the sample in en."""
    folder = tmp_path_factory.mktemp("visual-handouts")
    out = []
    for outline, lang in ((flagship.outline, "zh"), (sample.outline, "en")):
        path = folder / f"{outline.id}-{lang}.pdf"
        path.write_bytes(student.render(Job(outline, lang)))
        out.append((outline, lang, path))
    return out


def test_drawings_fit_the_page_frame(flagship):
    outline = flagship.outline
    for lang in outline.languages:
        doc = document_for(Job(outline, lang), header_right="x")
        width, height = doc.page.frame_width, doc.page.frame_height
        for page in map_pages(outline, lang, width, height - handout_visuals.HEADING_ROOM,
                              handout_visuals.MAP_STYLE):
            drawing = drawings.map_drawing(page, doc.fonts)
            assert drawing.width <= width + 0.01 and drawing.height <= height
        for figure in all_figures(outline, lang):
            assert drawings.figure_drawing(figure, doc.fonts, width).width <= width
        assert drawings.balance_drawing(balance(outline, lang), doc.fonts, width).width <= width


@needs("pdftotext")
def test_handout_shows_every_claim_on_a_map_the_figures_and_the_balance(handouts):
    for outline, lang, path in handouts:
        text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                              text=True).stdout
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
