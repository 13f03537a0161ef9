"""The student handout and the answer key, read back as their users' tools read them:
pypdf and poppler (pdftotext, pdffonts), qpdf."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from support import DATA, needs
from debatekit.pdf import fonts
from debatekit.pdf.cjkwrap import CLOSING, OPENING
from debatekit.reader import read_outline
from debatekit.job import Job
from debatekit.language import profile
from debatekit.registry import WRITERS

PDF_WRITERS = ("handout", "answer-key")
LANGS = ("zh", "en")


def squash(text: str) -> str:
    """Text without white space: CJK extraction inserts spaces and line breaks."""
    return re.sub(r"\s+", "", text)


def render(outline, name: str, lang: str, paper: str = "a4", warnings: list | None = None, font=None,
           article=None) -> bytes:
    warn = warnings.append if warnings is not None else (lambda message: None)
    return WRITERS[name].render(Job(outline, lang, paper, font=font, warn=warn, article=article))


_EXTRACTED: dict[bytes, str] = {}


def pypdf_text(data: bytes) -> str:
    """The text pypdf extracts (cached: extraction of the flagship takes a second)."""
    import io
    if data not in _EXTRACTED:
        _EXTRACTED[data] = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return _EXTRACTED[data]


def poppler(program: str, path: Path, *args: str) -> str:
    done = subprocess.run([program, *args, str(path), *(["-"] if program == "pdftotext" else [])],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module", params=["sample", pytest.param("flagship", marks=pytest.mark.slow)])
def rendered(request, tmp_path_factory):
    """Every (writer, language) PDF of one outline, in memory and on disk."""
    reading = request.getfixturevalue(request.param)
    folder = tmp_path_factory.mktemp(request.param)
    files = {}
    for name in PDF_WRITERS:
        for lang in LANGS:
            data = render(reading.outline, name, lang, article=reading.article)
            path = folder / f"{name}-{lang}.pdf"
            path.write_bytes(data)
            files[name, lang] = (data, path)
    return reading.outline, files


def test_registered():
    assert WRITERS["handout"].suffix == "handout.pdf"
    assert WRITERS["answer-key"].suffix == "answer-key.pdf"
    assert WRITERS["handout"].filename("x", "zh") == "x-zh-handout.pdf"


@pytest.mark.parametrize("name", PDF_WRITERS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_claim_extracts_with_pypdf(rendered, name, lang):
    outline, files = rendered
    text = squash(pypdf_text(files[name, lang][0]))
    missing = [c.id for c in outline.claims if squash(c.text[lang]) not in text]
    assert not missing, f"claims not extractable from {name}-{lang}: {missing}"


@needs("pdftotext")
@pytest.mark.parametrize("name", PDF_WRITERS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_claim_extracts_with_pdftotext(rendered, name, lang):
    outline, files = rendered
    # pdftotext joins a word hyphenated at a line end, dropping the hyphen
    text = squash(poppler("pdftotext", files[name, lang][1])).replace("-", "")
    missing = [c.id for c in outline.claims if squash(c.text[lang]).replace("-", "") not in text]
    assert not missing, f"claims not extractable from {name}-{lang}: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_gives_quotes_reasons_and_debate_points(rendered, lang):
    # pypdf reads in drawing order; pdftotext's column guessing may interleave table cells
    outline, files = rendered
    text = squash(pypdf_text(files["answer-key", lang][0]))
    for claim in outline.claims:
        if claim.quote:
            # in the article's marks, its own quotation marks nested inside them
            assert squash(profile(outline.source.language).quoted(claim.quote)) in text, claim.id
        if claim.why:
            assert squash(claim.why[lang]) in text, claim.id
        if claim.check:
            assert squash(claim.check.note[lang]) in text, claim.id
    for debate in outline.debates:
        assert squash(debate.motion[lang]) in text
        for point in (*debate.pro, *debate.con):
            if point.point:
                assert squash(point.point[lang]) in text


@needs("pdftotext")
@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_labels_every_claim_with_its_kind_word(rendered, lang):
    from debatekit.labels import labels_for
    outline, files = rendered
    text = poppler("pdftotext", files["answer-key", lang][1])
    said = labels_for(outline, lang)
    for kind in ("opinion", "prediction"):
        claims = sum(1 for c in outline.claims if c.kind == kind)
        # one per claim, plus the key of badges
        assert text.count(said[kind]) >= claims + 1, kind


@pytest.mark.parametrize("lang", LANGS)
def test_student_handout_has_no_answers(rendered, lang):
    outline, files = rendered
    text = squash(pypdf_text(files["handout", lang][0]))
    leaked = [c.id for c in outline.claims if c.why and len(c.why[lang]) > 12 and squash(c.why[lang]) in text]
    assert not leaked


@needs("pdffonts")
@pytest.mark.parametrize("name", PDF_WRITERS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_font_embedded(rendered, name, lang):
    if fonts.find_cjk_face() is None:
        pytest.skip("no CJK TrueType font on this machine")
    listing = poppler("pdffonts", rendered[1][name, lang][1]).splitlines()[2:]
    assert listing, "no fonts at all"
    for line in listing:
        # columns: name type encoding emb sub uni object ID; names have no spaces
        emb = line.split()[-5]
        assert emb == "yes", line


@needs("qpdf")
@pytest.mark.parametrize("name", PDF_WRITERS)
@pytest.mark.parametrize("lang", LANGS)
def test_qpdf_check(rendered, name, lang):
    done = subprocess.run(["qpdf", "--check", str(rendered[1][name, lang][1])], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", PDF_WRITERS)
def test_paper_sizes(sample, name):
    import io
    for paper, (width, height) in (("a4", (595.28, 841.89)), ("letter", (612, 792))):
        reader = PdfReader(io.BytesIO(render(sample.outline, name, "en", paper)))
        for page in reader.pages:
            assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
            assert float(page.mediabox.height) == pytest.approx(height, abs=0.5)


@pytest.mark.parametrize("name", PDF_WRITERS)
def test_byte_identical_builds(sample, name):
    assert render(sample.outline, name, "zh") == render(sample.outline, name, "zh")


@pytest.mark.parametrize("name", PDF_WRITERS)
def test_metadata_and_page_numbers(sample, name):
    import io
    reader = PdfReader(io.BytesIO(render(sample.outline, name, "en")))
    meta = reader.metadata
    assert "A sample outline" in meta.title
    assert meta.author == "073980.com"
    assert meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "en"
    pages = len(reader.pages)
    assert f"Page {pages} of {pages}" in reader.pages[-1].extract_text()
    assert "073980.com" in reader.pages[0].extract_text()


def variant(tmp_path: Path, replacements: dict[str, str]) -> Path:
    """A copy of the sample outline with some lines replaced, its source path absolute."""
    text = (DATA / "sample.yaml").read_text(encoding="utf-8")
    text = text.replace("../../seeds/", str((DATA / "../../seeds").resolve()) + "/")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_markup_characters_in_user_text(tmp_path):
    path = variant(tmp_path, {
        "en: A sample outline": 'en: "R&D <b> outline & <i>co"',
        "en: ByteDance keeps a 19.9% stake": 'en: "ByteDance keeps <b>R&D</b> & a 19.9% stake"',
    })
    outline = read_outline(path).outline
    for name in PDF_WRITERS:
        text = pypdf_text(render(outline, name, "en"))
        assert "R&D <b> outline & <i>co" in text
        assert squash("ByteDance keeps <b>R&D</b> & a 19.9% stake") in squash(text)


def test_very_long_text_is_never_cut(tmp_path):
    long_note = " ".join(f"word{n:04d}" for n in range(1400))
    path = variant(tmp_path, {
        "        why: {zh: 可以核实, en: It can be checked against the deal documents}":
        "        why: {zh: 可以核实, en: It can be checked against the deal documents}\n"
        f"        notes: {{zh: {'甲乙丙丁，' * 600}, en: {long_note}}}",
    })
    outline = read_outline(path).outline
    english = pypdf_text(render(outline, "answer-key", "en"))
    assert re.findall(r"word\d{4}", english) == long_note.split()
    chinese = squash(pypdf_text(render(outline, "answer-key", "zh")))
    # counted by one character: a page break may fall inside the four-character group
    assert chinese.count("丙") == 600


def test_cid_fallback_warns_once_and_still_writes(sample, monkeypatch):
    import io
    monkeypatch.setattr(fonts, "find_cjk_face", lambda: None)
    warnings: list[str] = []
    data = render(sample.outline, "handout", "zh", warnings=warnings)
    assert len(warnings) == 1
    assert "fonts-wqy-zenhei" in warnings[0] and "--font" in warnings[0]
    reader = PdfReader(io.BytesIO(data))
    names = {str(font["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert any("STSong" in name for name in names), names


def test_latin_document_does_not_warn(sample):
    warnings: list[str] = []
    render(sample.outline, "answer-key", "en", warnings=warnings)
    if fonts.find_cjk_face() is not None:
        assert warnings == []


@needs("pdffonts")
def test_explicit_font_is_used(sample, tmp_path):
    cjk = fonts.find_cjk_face()
    if cjk is None:
        pytest.skip("no CJK TrueType font on this machine")
    path = tmp_path / "handout.pdf"
    path.write_bytes(render(sample.outline, "handout", "en", font=Path(cjk.path)))
    listing = poppler("pdffonts", path)
    # the given font leads even for English; the handout has no glyph it lacks
    embedded = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]}
    assert embedded and not any("DejaVu" in name for name in embedded), embedded


def test_opentype_cff_font_is_refused_with_a_message(sample, tmp_path):
    fake = tmp_path / "NotoSansCJK.otf"
    fake.write_bytes(b"OTTO" + b"\0" * 200)
    with pytest.raises(fonts.FontError, match="OpenType"):
        render(sample.outline, "handout", "zh", font=fake)
    assert not fonts.is_truetype(fake)


def test_non_font_file_is_refused_with_a_message(sample, tmp_path):
    fake = tmp_path / "notes.ttf"
    fake.write_text("not a font")
    with pytest.raises(fonts.FontError, match="not a TrueType font file"):
        render(sample.outline, "handout", "zh", font=fake)


def test_missing_font_file_is_refused_with_a_message(sample, tmp_path):
    with pytest.raises(fonts.FontError, match="not found"):
        render(sample.outline, "handout", "zh", font=tmp_path / "nope.ttf")


def test_chinese_lines_never_start_with_closing_punctuation():
    from reportlab.platypus import Paragraph

    from debatekit.pdf.styles import Styles
    from debatekit.pdf.cjkwrap import _line_text

    styles = Styles(fonts.font_set("zh"), "zh")
    text = "GDPR（《通用数据保护条例》）。他说：“这是真的！”，然后？我们（就）走了；好吧：“是”。" * 5
    for width in range(60, 400, 7):
        para = styles.para(text, "body")
        assert isinstance(para, Paragraph)
        para.wrap(width, 100000)
        lines = [("".join(line[1]) if isinstance(line, tuple) else _line_text(line)) for line in para.blPara.lines]
        assert squash("".join(lines)) == squash(text), width
        starts = [line for line in lines[1:] if line.lstrip()[:1] in CLOSING]
        assert not starts, (width, starts)
        ends = [line for line in lines[:-1] if line.rstrip()[-1:] in OPENING]
        assert not ends, (width, ends)


def test_minimal_single_language_outline(tmp_path):
    seeds = (DATA / "../../seeds").resolve()
    path = tmp_path / "minimal.yaml"
    path.write_text(f"""format: debatekit/1
id: minimal
languages: [en]
title: Minimal
source:
  path: {seeds}/000_a952fc97f30bb34a.txt
  title: An article
  publisher: Somebody
  language: zh
thesis: One thesis
strands:
  - id: only
    title: Only strand
    claims:
      - id: lone
        kind: prediction
        text: Something will happen (a lone prediction)
""", encoding="utf-8")
    outline = read_outline(path).outline
    for name in PDF_WRITERS:
        warnings: list[str] = []
        text = pypdf_text(render(outline, name, "en", warnings=warnings))
        assert "Something will happen (a lone prediction)" in " ".join(text.split())
        assert "Page 1 of" in text
        if fonts.find_cjk_face() is not None:
            assert warnings == []


def test_huge_title_stays_out_of_the_body(tmp_path):
    import io
    title = "An extremely long title " * 28   # near the longest title validate accepts (700)
    path = variant(tmp_path, {"en: A sample outline": f'en: "{title.strip()}"'})
    outline = read_outline(path).outline
    reader = PdfReader(io.BytesIO(render(outline, "handout", "en")))
    # the first page prints the whole title; the page header repeats at most a short form
    assert squash(title) in squash(reader.pages[0].extract_text())
    assert squash(title) not in squash(reader.pages[1].extract_text())
    assert "…" in reader.pages[1].extract_text()


def test_signal_words_underlined_and_escaped(sample):
    from reportlab.platypus import Paragraph

    from debatekit.handout.answer_key import underline
    from debatekit.pdf import document_for

    doc = document_for(Job(sample.outline, "zh"), header_right="x")
    markup = underline(doc, "R&D <b> 这清楚地说明了 <b>", ["<b>", "清楚地说明"])
    assert markup.count("<u>") == 3
    assert "<u>&lt;b&gt;</u>" in markup and "<u>清楚地说明</u>" in markup
    assert "R&amp;D" in markup
    Paragraph(markup, doc.styles.style("body")).wrap(200, 1000)  # well-formed for reportlab
