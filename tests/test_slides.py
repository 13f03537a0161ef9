"""The slide deck, read back with python-pptx: order, badges, notes, fit, fonts, bytes."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from debatekit import textfit
from debatekit.labels import labels_for
from debatekit.language import profile
from debatekit.model import Outline
from debatekit.slides import writer
from debatekit.slides.template import TemplateError
from debatekit.registry import WRITERS
from debatekit.shape import validate
from support import (LONG_EN, LONG_ZH, deck_bytes, long_outline, render,
                     read, sample_dict, title_of, zh_only_outline)

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Footer, slide number and badges are labels, not body text; chart captions and the
# balance prompt belong to the visuals (issue 8), which set their own sizes.
SMALL_SHAPES = ("Footer", "Slide number", "Badge ", "Status ", "Choice ", "Caption", "Balance")


# -- reading decks back ---------------------------------------------------------------



def notes_of(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def claim_shapes(prs) -> dict[str, list[tuple[int, object]]]:
    found: dict[str, list] = {}
    for index, slide in enumerate(prs.slides):
        for shape in slide.shapes:
            if shape.name.startswith("Claim "):
                found.setdefault(shape.name[6:], []).append((index, shape))
    return found


@pytest.fixture(scope="module")
def sample_bytes(sample):
    """The sample deck's bytes per language, rendered once."""
    return {lang: deck_bytes("sample", lang) for lang in sample.outline.languages}


@pytest.fixture(scope="module")
def decks(sample, sample_bytes):
    """(outline, lang, bytes, presentation) for the sample in each language and the
    synthetic long and Chinese-only outlines, as full decks: the lesson and the
    claim-by-claim appendix, so every claim has its own row somewhere."""
    out = []
    for outline, lang in [(sample.outline, "zh"), (sample.outline, "en"),
                          (long_outline(), "en"), (zh_only_outline(), "zh")]:
        key = "sample" if outline is sample.outline else outline.id
        data = deck_bytes({"long-en": "long"}.get(key, key), lang, "full")
        out.append((outline, lang, data, read(data)))
    return out


def test_writer_is_registered():
    spec = WRITERS["slides"]
    assert spec.filename("x", "zh") == "x-zh-slides.pptx"
    assert spec.load() is writer and writer.VERSION


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_slide_titles_follow_the_lesson(sample, sample_bytes, lang):
    outline = sample.outline
    w = labels_for(outline, lang)
    prs = read(sample_bytes[lang])
    titles = [title_of(s) for s in prs.slides]
    assert titles[0] == outline.title[lang]
    expected = [w["about_source"], w["objectives"], w["badge_key"], w["exercise"], w["reveal"]]
    expected += [f"{w['strand']} {i}" for i in range(1, len(outline.strands) + 1)]
    expected += [f.title[lang] for f in outline.figures] + [w["balance"]]
    expected += [w["debate"], w["discussion"], w["glossary"], w["source_credits"]]
    positions = []
    for want in expected:
        hits = [i for i, t in enumerate(titles) if t.startswith(want)]
        assert hits, f"no slide titled {want!r} in {titles}"
        positions.append(hits[0])
    assert positions == sorted(positions), titles
    assert titles[-1] == w["source_credits"]
    assert prs.slide_width == Emu(12192000) and prs.slide_height == Emu(6858000)  # 16:9


def test_every_claim_present_with_its_badges(decks):
    for outline, lang, _, prs in decks:
        w = labels_for(outline, lang)
        shapes = claim_shapes(prs)
        for claim in outline.claims:
            assert claim.id in shapes, f"claim {claim.id} missing from the {lang} deck"
            # a claim cut over several slides repeats its number ("6. …") on each part
            parts = [re.sub(r"^\d+\.\s(…\s)?", "", s.text_frame.text) for _, s in shapes[claim.id]]
            text = squash("".join(parts))
            assert squash(claim.text[lang]) in text
            for index, shape in shapes[claim.id]:
                slide = prs.slides[index]
                badge = [s for s in slide.shapes if s.name == f"Badge {claim.kind}" and s.top == shape.top]
                assert len(badge) == 1 and w[claim.kind] in badge[0].text_frame.text
                statuses = [s for s in slide.shapes if s.name.startswith("Status ")
                            and badge[0].top < s.top < badge[0].top + badge[0].height + Emu(12700 * 12)
                            and s.left == badge[0].left]
                if claim.fact_status:
                    assert statuses and w[claim.fact_status] in statuses[0].text_frame.text
                else:
                    assert not statuses


def test_badges_differ_by_shape_and_word(sample_bytes):
    prs = read(sample_bytes["en"])
    shapes = {}
    for slide in prs.slides:
        for s in slide.shapes:
            if s.name.startswith("Badge "):
                shapes.setdefault(s.name, set()).add((s.auto_shape_type, s.text_frame.text))
    assert len({next(iter(v))[0] for v in shapes.values()}) == 3
    assert all(len(v) == 1 for v in shapes.values())


def test_notes_on_every_slide_hold_quotes_and_reasons(decks):
    for outline, lang, _, prs in decks:
        for i, slide in enumerate(prs.slides):
            assert notes_of(slide).strip(), f"slide {i + 1} of the {lang} deck has no notes"
        shapes = claim_shapes(prs)
        for claim in outline.claims:
            notes = squash(" ".join(notes_of(prs.slides[i]) for i, _ in shapes[claim.id]))
            if claim.quote:
                assert squash(profile(outline.source.language).quoted(claim.quote)) in notes
            if claim.why:
                assert squash(claim.why[lang]) in notes
            if claim.check:
                assert squash(claim.check.sources[0]) in notes


def test_no_shape_leaves_the_slide(decks, sample, tmp_path):
    template = Presentation()    # 4:3, narrower than the deck's own 16:9
    template.save(tmp_path / "school.pptx")
    with_template = read(render(sample.outline, "en", template=tmp_path / "school.pptx"))
    for outline, lang, _, prs in decks + [(sample.outline, "en", None, with_template)]:
        for i, slide in enumerate(prs.slides):
            for s in slide.shapes:
                assert s.left >= 0 and s.top >= 0, (i, s.name)
                assert s.left + s.width <= prs.slide_width, (i + 1, s.name)
                assert s.top + s.height <= prs.slide_height, (i + 1, s.name, lang, outline.id)


def text_shapes_overlapping(prs):
    """Pairs of text-bearing shapes on one slide whose boxes intersect (touching is fine)."""
    found = []
    for index, slide in enumerate(prs.slides, 1):
        boxes = [(s.name, s.left, s.top, s.left + s.width, s.top + s.height) for s in slide.shapes
                 if s.has_text_frame and s.text_frame.text.strip()]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]:
                    found.append((index, a[0], b[0]))
    return found


def test_text_boxes_do_not_overlap(decks):
    for outline, lang, _, prs in decks:
        assert text_shapes_overlapping(prs) == [], (outline.id, lang)


def _all_shapes(shapes):
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _all_shapes(shape.shapes)
        else:
            yield shape


def _runs(prs):
    """Every run and field of the slides (inside groups too) and of their notes."""
    for slide in prs.slides:
        frames = [s.text_frame for s in _all_shapes(slide.shapes) if s.has_text_frame]
        if slide.has_notes_slide:
            frames.append(slide.notes_slide.notes_text_frame)
        for frame in frames:
            for r in frame._txBody.iter(f"{A}r", f"{A}fld"):
                yield slide, frame, r


def test_every_run_has_latin_and_east_asian_faces_and_a_language(decks):
    for outline, lang, _, prs in decks:
        cjk_runs = 0
        for _, _, r in _runs(prs):
            rpr = r.find(f"{A}rPr")
            assert rpr is not None and rpr.get("lang"), r.findtext(f"{A}t")
            latin, ea = rpr.find(f"{A}latin"), rpr.find(f"{A}ea")
            assert latin is not None and ea is not None and ea.get("typeface")
            assert list(rpr).index(ea) == list(rpr).index(latin) + 1
            text = r.findtext(f"{A}t") or ""
            if any(unicodedata.east_asian_width(c) == "W" for c in text):
                cjk_runs += 1
                assert rpr.get("lang").startswith("zh"), text
        if "zh" in (lang, outline.source.language):
            assert cjk_runs > 0
        # text a teacher types later gets the deck's faces too
        theme = prs.slide_master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob
        for font in etree.fromstring(theme).iter(f"{A}majorFont", f"{A}minorFont"):
            assert font.find(f"{A}ea").get("typeface")


def test_labels_with_stray_braces_do_not_break_the_deck():
    d = sample_dict()
    d["style"] = {"labels": {"en": {"counts": "{fact} facts {and more}", "minutes": "{x} min",
                                    "reveal": "Answers {?}"}}}
    prs = read(render(validate(Outline, d), "en", deck="full"))
    text = " ".join(s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame)
    assert "1 facts {and more}" in text and "{x} min" in text and "Answers {?}" in text


def test_fonts_come_from_the_outline_style(sample):
    d = sample_dict()
    d["style"] = {"fonts": {"latin": "Georgia", "east_asian": "SimSun"}}
    prs = read(render(validate(Outline, d), "zh"))
    rpr = next(r.find(f"{A}rPr") for _, _, r in _runs(prs))
    assert rpr.find(f"{A}latin").get("typeface") == "Georgia"
    assert rpr.find(f"{A}ea").get("typeface") == "SimSun"


def test_text_sizes_readable(decks):
    for _outline, _lang, _, prs in decks:
        for slide in prs.slides:
            for s in slide.shapes:
                if not s.has_text_frame or s.name.startswith(SMALL_SHAPES):
                    continue
                floor = 24 if s.is_placeholder or s.name == "Title" else 18
                for p in s.text_frame.paragraphs:
                    for r in p.runs:
                        assert r.font.size is not None and r.font.size.pt >= floor, (s.name, r.text)


def test_long_content_continues_on_marked_slides(decks):
    outline, lang, _, prs = decks[2]
    w = labels_for(outline, lang)
    titles = [title_of(s) for s in prs.slides]
    strand = outline.strands[0].title[lang]
    # continuations are numbered, so every title is unique
    continued = [t for t in titles if t.startswith(strand) and re.search(r"\(\d+/\d+\)$", t)]
    assert len(continued) >= 4          # 9 long claims and a claim longer than a slide
    assert any(t.startswith(w["glossary"]) and re.search(r"\(2/\d+\)$", t) for t in titles)
    assert any(t.startswith(w["discussion"]) and "(2/" in t for t in titles)
    assert len(set(titles)) == len(titles)
    # the glossary is whole, and optional texts given as plain strings are all there
    text = squash(" ".join(s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame))
    for entry in outline.glossary:
        assert squash(entry.term[lang]) in text
    body_text = [s.text_frame.text for slide in prs.slides for s in slide.shapes
                 if s.name == "Text" or s.name.startswith("Claim ")]
    joined = squash(" ".join(re.sub(r"^\d+\.\s(…\s)?", "", t) for t in body_text))
    for optional in (outline.source.perspective, outline.strands[0].summary, outline.debates[0].context,
                     outline.claims[5].speaker):
        assert squash(optional[lang]) in joined
    # claims per slide adapt: the short claims share slides, the longest stands alone
    per_slide = {}
    for cid, places in claim_shapes(prs).items():
        for index, _ in places:
            per_slide.setdefault(index, set()).add(cid)
    assert max(len(v) for v in per_slide.values()) >= 2
    assert len(claim_shapes(prs)["c5"]) >= 2


def test_chinese_only_deck_marks_continuations(decks):
    outline, lang, _, prs = decks[3]
    titles = [title_of(s) for s in prs.slides]
    assert any(re.search(r"（\d+/\d+）$", t) for t in titles)
    assert all("continued" not in t and "续" not in t for t in titles)
    assert len(set(titles)) == len(titles)


def test_two_renders_are_byte_identical(sample, sample_bytes):
    assert render(sample.outline, "zh", article=sample.article) == sample_bytes["zh"]


def test_package_metadata_is_fixed_and_ours(sample, sample_bytes):
    data = sample_bytes["en"]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist()[0] == "[Content_Types].xml"
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert not any("thumbnail" in name for name in z.namelist())   # a preview of other slides
        meta = z.read("docProps/core.xml") + z.read("docProps/app.xml")
    for stranger in (b"python-pptx", b"Steve Canny", b"4:3", b"Microsoft Macintosh"):
        assert stranger not in meta
    props = read(data).core_properties
    assert props.author == "debatekit" and props.title == sample.outline.title["en"]


def test_debate_points_are_badged_in_two_columns(sample):
    prs = read(deck_bytes("sample", "en", "full"))
    debate = sample.outline.debates[0]
    points = [s for slide in prs.slides for s in slide.shapes if s.name.startswith("Point ")]
    assert len([p for p in points if p.name == "Point pro"]) == len(debate.pro)
    assert len([p for p in points if p.name == "Point con"]) == len(debate.con)
    pro_left = {p.left for p in points if p.name == "Point pro"}
    con_left = {p.left for p in points if p.name == "Point con"}
    assert max(pro_left) < min(con_left)


# -- templates -----------------------------------------------------------------------

def make_template(path, source: bytes, rename: dict[str, str] | None = None):
    prs = read(source)   # a 16:9 deck with slides of its own
    for layout in prs.slide_layouts:
        if rename and layout.name in rename:
            layout.name = rename[layout.name]
    prs.save(path)
    return path


def test_template_layouts_are_used_and_its_slides_dropped(sample, tmp_path):
    template = make_template(tmp_path / "school.pptx", render(zh_only_outline(), "zh"))
    warnings = []
    prs = read(render(sample.outline, "en", template=template, warn=warnings.append))
    assert title_of(prs.slides[0]) == sample.outline.title["en"]
    assert not any(title_of(s).startswith("只有中文") for s in prs.slides)
    assert {s.slide_layout.name for s in prs.slides} <= {"Title Slide", "Section Header", "Title Only"}
    assert warnings == []


def _faces(data: bytes) -> set[tuple[str, str]]:
    """(latin, east-asian) faces of every run of a deck."""
    return {(r.find(f"{A}rPr").find(f"{A}latin").get("typeface"), r.find(f"{A}rPr").find(f"{A}ea").get("typeface"))
            for _, _, r in _runs(read(data))}


def _themed(template, theme_edit):
    prs = Presentation(template)
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
    theme._blob = theme_edit(theme.blob)
    prs.save(template)
    return template


def test_template_theme_faces_are_used_unless_the_outline_names_fonts(sample, sample_bytes, tmp_path):
    # theme: Calibri + YaHei, made Verdana + SimSun
    template = _themed(make_template(tmp_path / "school.pptx", sample_bytes["zh"]),
                       lambda blob: blob.replace(b'typeface="Calibri"', b'typeface="Verdana"')
                       .replace(b'typeface="Microsoft YaHei"', b'typeface="SimSun"'))
    for lang in ("zh", "en"):
        assert _faces(render(sample.outline, lang, template=template)) == {("Verdana", "SimSun")}
    d = sample_dict()
    d["style"] = {"fonts": {"latin": "Georgia"}}
    assert _faces(render(validate(Outline, d), "zh", template=template)) == {("Georgia", "SimSun")}
    d["style"] = {"fonts": {"latin": "Georgia", "east_asian": "KaiTi"}}
    assert _faces(render(validate(Outline, d), "zh", template=template)) == {("Georgia", "KaiTi")}


def test_an_office_theme_names_its_chinese_face_per_script(sample, sample_bytes, tmp_path):
    """Office themes leave <a:ea> empty and name the face per script: <a:font script="Hans">."""
    def office(blob: bytes) -> bytes:
        blob = blob.replace(b'<a:ea typeface="Microsoft YaHei"/>', b'<a:ea typeface=""/>')
        blob = re.sub(rb'<a:font script="Hans" typeface="[^"]*"/>', b"", blob)
        return blob.replace(b"</a:minorFont>", b'<a:font script="Jpan" typeface="Yu Gothic"/>'
                                               b'<a:font script="Hans" typeface="DengXian"/></a:minorFont>')
    template = _themed(make_template(tmp_path / "office.pptx", sample_bytes["zh"]), office)
    assert _faces(render(sample.outline, "zh", template=template)) == {("Calibri", "DengXian")}


def test_missing_template_layout_falls_back_with_a_warning(sample, sample_bytes, tmp_path):
    template = make_template(tmp_path / "odd.pptx", sample_bytes["zh"],
                             rename={"Title Only": "Plain", "Section Header": "Part"})
    warnings = []
    prs = read(render(sample.outline, "en", template=template, warn=warnings.append))
    assert any("Title Only" in w for w in warnings) and any("Section Header" in w for w in warnings)
    assert all(s.shapes.title is not None for s in prs.slides)
    for slide in prs.slides:
        for s in slide.shapes:
            assert s.top + s.height <= prs.slide_height


def test_potx_templates_get_a_clear_message(sample, tmp_path):
    potx = tmp_path / "school.potx"
    potx.write_bytes(b"not really")
    with pytest.raises(TemplateError, match="save it as a .pptx"):
        render(sample.outline, "en", template=potx)
    with pytest.raises(TemplateError, match="not found"):
        render(sample.outline, "en", template=tmp_path / "missing.pptx")
    assert issubclass(TemplateError, ValueError)


# -- text measuring ----------------------------------------------------------------------

def test_wrapped_lines_cover_the_text_and_respect_the_width():
    for text in (LONG_EN * 3, LONG_ZH * 3, "https://example.com/" + "x" * 200, "a\n\nb"):
        lines = textfit.wrap(text, 300, 20)
        assert "".join(text[line.start:line.end] for line in lines).replace("\n", "") == text.replace("\n", "")
        for line in lines:
            assert textfit.text_width(text[line.start:line.end].rstrip(), 20) <= 300


def test_measure_is_east_asian_width_aware():
    assert textfit.text_width("汉字", 10) == 20
    assert textfit.text_width("ab", 10) < 14
    assert textfit.line_count(LONG_ZH, 200, 20) > textfit.line_count(LONG_ZH, 400, 20)
    head, rest = textfit.split_at_lines(LONG_ZH * 2, 200, 20, 3)
    assert squash(head + rest) == squash(LONG_ZH * 2) and textfit.line_count(head, 200, 20) == 3


@pytest.mark.parametrize("text, drawn", [
    # as LibreOffice draws each at 18 pt in 164.7 pt: no break between a full-width
    # closing mark and the number or Latin word right after it
    ("交通事故中受伤，2023年为44人。", ["交通事故中受", "伤，2023年为44", "人。"]),
    ("交通事故中受伤。2023年为44人。", ["交通事故中受", "伤。2023年为44", "人。"]),
    ("交通事故中受伤，abcd年为44人。", ["交通事故中受", "伤，abcd年为44", "人。"]),
    ("交通事故中受伤，二零二三年为人。", ["交通事故中受伤，", "二零二三年为人。"]),
    ("交通事故中受伤2023年为44人。", ["交通事故中受伤", "2023年为44人。"]),
])
def test_lines_break_where_libreoffice_breaks_them(text, drawn):
    assert [text[line.start:line.end] for line in textfit.wrap(text, 164.7, 18)] == drawn


def test_no_line_starts_with_closing_punctuation():
    text = "字" * 9 + "，" + "字" * 30
    lines = textfit.wrap(text, 10 * 20 / textfit.SAFETY - 1, 20)
    assert all(text[line.start] not in textfit.NO_LINE_START for line in lines)


@pytest.mark.slow   # both flagship full decks; the sample's, long and Chinese-only full decks are checked fast
def test_flagship_decks_fit(flagship):
    outline = flagship.outline
    for lang in outline.languages:
        prs = read(deck_bytes("flagship", lang, "full"))
        assert len(claim_shapes(prs)) == len(outline.claims)
        assert text_shapes_overlapping(prs) == []
        for slide in prs.slides:
            assert notes_of(slide).strip()
            for s in slide.shapes:
                assert s.top + s.height <= prs.slide_height and s.left + s.width <= prs.slide_width

