"""The decks as LibreOffice lays them out: one PDF page per slide, and every word drawn
inside the box of the shape that holds it (nothing overflows its box or the slide)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from support import deck_bytes, needs
from debatekit.shape import validate
from debatekit.slides import writer
from debatekit.textfit import LEADING
from debatekit.job import Job

pytestmark = [pytest.mark.slow, needs("soffice", "pdftotext")]

EMU_PER_PT = 12700
TOLERANCE = 1.5   # points: glyph side bearings
# pdftotext reports a word's height from the font's full ascent and descent, taller than
# the line LibreOffice lays out; allow that much, in proportion to the type size.
GLYPH_OVERSHOOT = 0.12


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def converted(tmp_path_factory, sample, flagship):
    """name -> (pptx path, pdf path); every deck converted in one LibreOffice run with a
    private profile, so it does not collide with another soffice on the machine."""
    folder = tmp_path_factory.mktemp("decks")
    jobs = {"sample-zh": ("sample", "zh", "lesson"), "sample-en": ("sample", "en", "full"),
            "long-en": ("long", "en", "full"), "zh-only": ("zh-only", "zh", "full"),
            "flagship-zh": ("flagship", "zh", "lesson"), "flagship-en": ("flagship", "en", "lesson")}
    paths = []
    for name, (outline, lang, mode) in jobs.items():
        path = folder / f"{name}.pptx"
        path.write_bytes(deck_bytes(outline, lang, mode))
        paths.append(path)
    # a teacher's template of another size (4:3) with a slide of its own
    template = Presentation()
    template.slides.add_slide(template.slide_layouts[0]).shapes.title.text = "Old slide"
    template.save(folder / "school.pptx")
    path = folder / "template-4x3.pptx"
    path.write_bytes(writer.render(Job(sample.outline, "zh", template=folder / "school.pptx")))
    paths.append(path)
    profile = tmp_path_factory.mktemp("lo-profile")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, paths)],
                   check=True, capture_output=True, timeout=300)
    return {p.stem: (p, p.with_suffix(".pdf")) for p in paths}


def shape_boxes(shapes):
    """(left, top, right, bottom in points, text or None for charts) for every shape that
    draws text; python-pptx groups keep child coordinates in slide space."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from shape_boxes(shape.shapes)
            continue
        box = (shape.left / EMU_PER_PT, shape.top / EMU_PER_PT,
               (shape.left + shape.width) / EMU_PER_PT, (shape.top + shape.height) / EMU_PER_PT)
        if getattr(shape, "has_chart", False) and shape.has_chart:
            yield (*box, None)
        elif shape.has_text_frame and shape.text_frame.text.strip():
            yield (*box, squash(shape.text_frame.text))


def pdf_words(pdf) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Per page: (width, height, words with their boxes in points)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         timeout=120).stdout.decode("utf-8")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")),
                  w.text or "") for w in page.iter("{http://www.w3.org/1999/xhtml}word")]
        pages.append((float(page.get("width")), float(page.get("height")), words))
    return pages


def test_one_pdf_page_per_slide(converted):
    for name, (pptx, pdf) in converted.items():
        assert pdf.exists(), f"LibreOffice could not convert {name}"
        slides = len(Presentation(str(pptx)).slides)
        assert len(pdf_words(pdf)) == slides, name


def test_every_word_lies_inside_its_shape(converted):
    problems = []
    for name, (pptx, pdf) in converted.items():
        prs = Presentation(str(pptx))
        slide_w = prs.slide_width / EMU_PER_PT
        for number, (slide, (page_w, page_h, words)) in enumerate(zip(prs.slides, pdf_words(pdf)), 1):
            scale = page_w / slide_w
            boxes = [(left * scale, t * scale, r * scale, b * scale, text)
                     for left, t, r, b, text in shape_boxes(slide.shapes)]
            for x0, y0, x1, y1, word in words:
                token = squash(word)
                if not token:
                    continue
                slack = max(TOLERANCE, GLYPH_OVERSHOOT * (y1 - y0))
                inside = [text for left, t, r, b, text in boxes
                          if x0 >= left - TOLERANCE and x1 <= r + TOLERANCE
                          and y0 >= t - slack and y1 <= b + slack]
                if not any(text is None or token in text for text in inside):
                    problems.append(f"{name} slide {number}: {word!r} at ({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f})")
                assert 0 <= x0 and x1 <= page_w and 0 <= y0 and y1 <= page_h
    assert not problems, "\n".join(problems[:30])


def test_chinese_is_drawn(converted):
    """Chinese words reach the PDF as text (a font with CJK glyphs was used)."""
    for name in ("sample-zh", "zh-only"):
        words = [w for _, _, page in pdf_words(converted[name][1]) for *_, w in page]
        assert any(any(unicodedata.east_asian_width(c) == "W" for c in w) for w in words)


def test_exercise_pages_show_no_label(converted, flagship):
    """As LibreOffice draws them, the exercise's pages show the statements and no kind or
    status word (the title, the question itself, aside)."""
    from debatekit.labels import labels_for
    from debatekit.model import KINDS, STATUSES

    outline = flagship.outline
    for lang in outline.languages:
        pptx, pdf = converted[f"flagship-{lang}"]
        w = labels_for(outline, lang)
        words = [w[k] for k in KINDS] + [w["fact_short"]] + [w[s] for s in STATUSES]
        prs = Presentation(str(pptx))
        pages = pdf_words(pdf)
        seen = 0
        for slide, (_, _, page) in zip(prs.slides, pages):
            title = slide.shapes.title or next(s for s in slide.shapes if s.name == "Title")
            if not title.text_frame.text.startswith(w["exercise"]):
                continue
            seen += 1
            body = squash("".join(word for *_, word in page)).replace(squash(title.text_frame.text), "", 1)
            for word in words:
                assert squash(word) not in body, (lang, title.text_frame.text, word)
        assert seen >= 3


def test_a_map_box_holds_every_line_libreoffice_draws(tmp_path):
    """“受伤，2023年”: LibreOffice does not break after the full-width comma, so the box
    needs the line that break would have saved; no word of it may reach past its border."""
    from debatekit.model import Outline

    injured = "警方数据显示2025年城墙内有57人在交通事故中受伤，2023年为44人。"
    claims = [{"id": "safety", "kind": "opinion", "text": "老城的道路对孩子很危险。", "quote": "危险"},
              {"id": "injured", "kind": "fact", "text": injured, "quote": "受伤", "supports": ["safety"]}]
    claims += [{"id": f"other{i}", "kind": "fact", "text": f"第{i}项研究认为道路交通占污染的68%。",
                "quote": "交通", "supports": ["safety"]} for i in range(3)]
    outline = validate(Outline, {
        "format": "debatekit/1", "id": "box", "languages": ["zh"], "title": "地图方框",
        "source": {"path": "none.txt", "title": "一篇文章", "publisher": "示例网", "language": "zh"},
        "thesis": "一个论点。", "strands": [{"id": "a", "title": "线索", "claims": claims}]})
    pptx = tmp_path / "box.pptx"
    pptx.write_bytes(deck_bytes_of(outline))
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(pptx)],
                   check=True, capture_output=True, timeout=300)
    prs = Presentation(str(pptx))
    scale = pdf_words(pptx.with_suffix(".pdf"))[0][0] / (prs.slide_width / EMU_PER_PT)
    checked = 0
    for slide, (_, _, words) in zip(prs.slides, pdf_words(pptx.with_suffix(".pdf"))):
        for left, top, right, bottom, text in shape_boxes(slide.shapes):
            if text is None or squash(injured) not in text:
                continue
            mine = [w for w in words if squash(w[4]) and squash(w[4]) in text
                    and left * scale - TOLERANCE <= w[0] and w[2] <= right * scale + TOLERANCE
                    and top * scale - 20 <= w[1] <= bottom * scale + 20]
            assert mine
            # a word's box is the font's full height, taller than its line: compare the
            # middle of each line with the box less half an 18 pt line
            half = 18 * LEADING / 2 * scale
            middles = [(w[1] + w[3]) / 2 for w in mine]
            assert top * scale + half - TOLERANCE <= min(middles), [(round(w[1]), w[4]) for w in mine]
            assert max(middles) <= bottom * scale - half + TOLERANCE, [(round(w[3]), w[4]) for w in mine]
            checked += 1
    assert checked


def deck_bytes_of(outline) -> bytes:
    return writer.render(Job(outline, "zh"))
