"""The visuals in the slide deck, read back: native charts with the outline's numbers,
argument maps as grouped shapes, deterministic chart workbooks, LibreOffice rendering."""

from __future__ import annotations

import io
import json
import re
import subprocess
import unicodedata
import zipfile

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE

from debatekit.handout import student
from debatekit.labels import labels_for
from debatekit.model import KINDS, Outline
from debatekit.slides.writer import render
from debatekit.present.balance import strand_counts
from debatekit.job import Job
from debatekit.shape import dump, dump_json, validate

from support import deck_bytes, needs

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
CHART_TYPES = {"column": XL_CHART_TYPE.COLUMN_CLUSTERED, "bar": XL_CHART_TYPE.BAR_CLUSTERED,
               "line": XL_CHART_TYPE.LINE_MARKERS}


@pytest.fixture(scope="module", params=["zh", pytest.param("en", marks=pytest.mark.slow)])
def decks(request, sample, flagship):
    """(outline, lang, bytes, presentation) for the flagship (in Chinese; in English too in
    the full suite) and the sample in zh, as full decks: the lesson (key-claims maps) and
    the appendix (every claim mapped)."""
    out = []
    for name, reading, lang in (("flagship", flagship, request.param), ("sample", sample, "zh")):
        data = deck_bytes(name, lang, "full")    # rendered once per session, shared with other tests
        out.append((reading.outline, lang, data, Presentation(io.BytesIO(data))))
    return out


def _frames(prs, name):
    return [(i, s) for i, slide in enumerate(prs.slides) for s in slide.shapes if s.name == name]


def test_each_figure_is_a_native_chart_with_the_outline_numbers(decks):
    for outline, lang, _, prs in decks:
        for figure in outline.figures:
            (index, frame), = _frames(prs, f"Figure {figure.id}")
            assert frame.has_chart
            chart = frame.chart
            assert chart.chart_type == CHART_TYPES[figure.chart]
            labels = list(dict.fromkeys(p.label[lang] for s in figure.series for p in s.points))
            # a bar chart holds categories and series last first (drawn from the top)
            flip = slice(None, None, -1 if figure.chart == "bar" else 1)
            if len(figure.series) > 1 and all(len(s.points) == 1 for s in figure.series):
                # one value per series: different measures, one bar each, named by measure
                categories = list(chart.plots[0].categories)[flip]
                assert len(chart.plots[0].series) == 1 and len(categories) == len(figure.series)
                for series, category, value in zip(figure.series, categories,
                                                   list(chart.plots[0].series[0].values)[flip]):
                    assert category.startswith(series.name[lang])
                    assert value == series.points[0].value
            else:
                assert list(chart.plots[0].categories)[flip] == labels
                for series, drawn in zip(figure.series, list(chart.plots[0].series)[flip]):
                    assert drawn.name == series.name[lang]
                    by_label = {p.label[lang]: p.value for p in series.points}
                    assert list(drawn.values)[flip] == [by_label.get(label) for label in labels]
            # the slide's title names the chart; the chart does not repeat it
            assert _title(prs.slides[index]) == figure.title[lang] and not chart.has_title
            if figure.unit:
                assert chart.value_axis.axis_title.text_frame.text == figure.unit[lang]
            slide = prs.slides[index]
            caption = next(s for s in slide.shapes if s.name == f"Caption {figure.id}")
            # one source line (the footer's); the caption says what is known of the claims
            assert outline.source.publisher not in caption.text_frame.text
            assert "Source" not in caption.text_frame.text and "来源" not in caption.text_frame.text
            for claim in {p.claim for s in figure.series for p in s.points}:
                if outline.claim(claim).fact_status not in (None, "stated"):
                    assert f"#{outline.claim_number(claim)}" in caption.text_frame.text
            assert caption.top >= frame.top + frame.height
            # the notes say what the caption says about the cited claims (checked or not)
            notes = slide.notes_slide.notes_text_frame.text
            assert _squash(caption.text_frame.text) in _squash(notes), (lang, figure.id)


def test_balance_chart_is_stacked_with_kind_words(decks):
    for outline, lang, _, prs in decks:
        (index, frame), = _frames(prs, "Balance")
        chart = frame.chart
        assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
        w = labels_for(outline, lang)
        plot = chart.plots[0]
        assert [s.name for s in plot.series] == [w[k] for k in KINDS]
        assert list(plot.categories) == [f"{w['strand']} {i}"
                                         for i in range(1, len(outline.strands) + 1)]
        counts = strand_counts(outline)
        for kind, series in zip(KINDS, plot.series):
            assert list(series.values) == [float(c[kind]) for c in counts]
        question = next(s for s in prs.slides[index].shapes if s.name == "Balance question")
        assert question.text_frame.text.strip()


def test_chart_text_carries_both_typefaces_and_language(decks):
    for _, lang, _, prs in decks:
        charts = [s.chart for slide in prs.slides for s in slide.shapes if s.has_chart]
        assert charts
        for chart in charts:
            xml = chart._chartSpace
            props = list(xml.iter(f"{A}defRPr")) + list(xml.iter(f"{A}rPr"))
            assert props
            for rpr in props:
                assert rpr.find(f"{A}latin") is not None and rpr.find(f"{A}ea") is not None
                assert rpr.get("lang", "").startswith(lang)


def _map_groups(prs):
    for index, slide in enumerate(prs.slides):
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.GROUP and shape.name.startswith("Argument map"):
                yield index, slide, shape


def test_every_claim_sits_once_in_a_map_and_no_boxes_overlap(decks, flagship):
    for outline, lang, _, prs in decks:
        seen = []
        for _, slide, group in _map_groups(prs):
            boxes = [s for s in group.shapes if s.name.split(" ")[0] in ("claim", "ref", "thesis", "strand")]
            assert boxes
            seen += [s.name.split(" ", 1)[1] for s in boxes if s.name.startswith("claim ")]
            for i, a in enumerate(boxes):
                assert 0 <= a.left and a.left + a.width <= prs.slide_width
                assert 0 <= a.top and a.top + a.height <= prs.slide_height
                for b in boxes[i + 1:]:
                    apart = (a.left + a.width <= b.left or b.left + b.width <= a.left or
                             a.top + a.height <= b.top or b.top + b.height <= a.top)
                    assert apart, (lang, a.name, b.name)
            title = slide.shapes.title or next(s for s in slide.shapes if s.name == "Title")
            assert min(s.top for s in group.shapes) >= title.top + title.height
        assert sorted(seen) == sorted(c.id for c in outline.claims), lang


def _title(slide) -> str:
    shape = slide.shapes.title or next(s for s in slide.shapes if s.name == "Title")
    return shape.text_frame.text


def test_overview_after_the_badge_key_and_strand_maps_open_their_strands(decks):
    for outline, lang, _, prs in decks:
        w = labels_for(outline, lang)
        titles = [_title(slide) for slide in prs.slides]
        map_slides = sorted({i for i, _, _ in _map_groups(prs)})
        # the appendix's first map (whole outline or overview) opens the appendix
        assert titles[map_slides[0] - 1].startswith(w["appendix"]), (lang, titles)
        claim_slides = {}
        for i, slide in enumerate(prs.slides):
            for shape in slide.shapes:
                if shape.name.startswith("Claim "):
                    claim_slides.setdefault(outline.strand_of(shape.name[6:]).id, set()).add(i)
        if len(map_slides) == 1:
            continue
        assert w["map_overview"] in titles[map_slides[0]], lang
        for strand in outline.strands:
            name = strand.title[lang]
            mine = [i for i in map_slides if name in titles[i]]
            assert mine, (lang, strand.id)
            assert mine == list(range(mine[0], mine[0] + len(mine))), (lang, strand.id)
            # section slide, then its maps, then its claims
            section = re.sub(r"[（(]\d+/\d+[)）]$", "", titles[mine[0] - 1])   # numbered with its claims
            assert " ".join(section.split()) == " ".join(name.split()), (lang, titles[mine[0] - 1])
            assert min(claim_slides[strand.id]) == mine[-1] + 1, (lang, strand.id)


def test_shape_ids_are_unique_on_every_slide(decks):
    """Shapes get counted-up ids (maps, copied badges and footers): none may repeat, or
    PowerPoint asks to repair the file."""
    P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    for _, lang, _, prs in decks:
        for index, slide in enumerate(prs.slides):
            ids = [e.get("id") for e in slide._element.iter(f"{P}cNvPr")]
            assert len(ids) == len(set(ids)), (lang, index)


def test_map_text_carries_both_typefaces_and_language(decks):
    for _, lang, _, prs in decks:
        runs = 0
        for _, _, group in _map_groups(prs):
            for shape in group.shapes:
                if not shape.has_text_frame:
                    continue
                for r in shape.text_frame._txBody.iter(f"{A}r"):
                    rpr = r.find(f"{A}rPr")
                    assert rpr.find(f"{A}latin") is not None and rpr.find(f"{A}ea") is not None
                    assert rpr.get("lang", "").startswith(lang)
                    runs += 1
        assert runs


def test_relations_are_lines_with_heads_solid_or_dashed(decks):
    outline, _, _, prs = decks[0]
    expected = sum(len(c.supports) + len(c.challenges) for c in outline.claims)
    kinds = {"supports": 0, "challenges": 0}
    for _, _, group in _map_groups(prs):
        for shape in group.shapes:
            relation = shape.name.split(" ")[0]
            if shape.name.endswith(" line") and relation in kinds:
                ln = shape._element.find(f".//{A}ln")
                assert ln.find(f"{A}tailEnd") is not None
                dashed = ln.find(f"{A}prstDash") is not None
                assert dashed == (relation == "challenges")
                kinds[relation] += 1
    # each relation is drawn on its source's and its target's home map (once when they share
    # one), plus one sample line per key
    assert kinds["supports"] + kinds["challenges"] >= expected
    assert kinds["challenges"] > 0


def test_claim_boxes_are_shaped_by_kind(decks):
    outline, _, _, prs = decks[0]
    shapes = {"fact": "RECTANGLE", "opinion": "ROUNDED_RECTANGLE", "prediction": "PENTAGON"}
    for _, _, group in _map_groups(prs):
        for shape in group.shapes:
            if shape.name.startswith("claim "):
                kind = outline.claim(shape.name[6:]).kind
                assert shape.auto_shape_type.name == shapes[kind], shape.name


@pytest.mark.parametrize("which", [pytest.param(0, marks=pytest.mark.slow), -1])   # the flagship, the sample
def test_decks_with_charts_are_byte_identical_and_workbooks_timeless(decks, which, sample, flagship):
    outline, lang, data, _ = decks[which]
    article = (flagship if which == 0 else sample).article
    assert render(Job(outline, lang, deck="full", article=article)) == data
    with zipfile.ZipFile(io.BytesIO(data)) as deck:
        books = [n for n in deck.namelist() if n.endswith(".xlsx")]
        assert len(books) == len(outline.figures) + 1
        for name in books:
            with zipfile.ZipFile(io.BytesIO(deck.read(name))) as book:
                assert {i.date_time for i in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
                # no document properties, so no build time anywhere in the workbook
                assert not any(b"dcterms" in book.read(n) for n in book.namelist())
                assert "xl/worksheets/sheet1.xml" in book.namelist()


@pytest.mark.parametrize("chart", ["line", "bar", "column"])
def test_every_chart_kind_with_gaps_and_negative_values(sample, chart):
    d = json.loads(dump_json(sample.outline))
    figure = d["figures"][0]
    figure["chart"] = chart
    figure["series"][0]["points"] = [{"label": "2024", "value": -5.5, "claim": "users-2025"},
                                     {"label": "2025", "value": 12.0, "claim": "users-2025"}]
    figure["series"].append({"name": {"zh": "乙", "en": "B"},
                             "points": [{"label": "2026", "value": -3.0, "claim": "users-2025"}]})
    outline = validate(Outline, d)
    prs = Presentation(io.BytesIO(render(Job(outline, "en"))))
    (_, frame), = _frames(prs, "Figure users")
    plot = frame.chart.plots[0]
    assert frame.chart.chart_type == CHART_TYPES[chart]
    flip = slice(None, None, -1 if chart == "bar" else 1)     # bars: held last first
    assert list(plot.categories)[flip] == ["2024", "2025", "2026"]
    assert [list(s.values)[flip] for s in list(plot.series)[flip]] == \
        [[-5.5, 12.0, None], [None, None, -3.0]]
    assert frame.chart.value_axis.minimum_scale is None     # negatives stay visible
    assert student.render(Job(outline, "en")).startswith(b"%PDF")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def rendered_sample(sample, tmp_path_factory):
    """The sample's Chinese deck through LibreOffice: (presentation, text per page)."""
    outline, data = sample.outline, deck_bytes("sample", "zh", "full")
    prs = Presentation(io.BytesIO(data))
    folder = tmp_path_factory.mktemp("visual-render")
    deck = folder / "sample-zh.pptx"
    deck.write_bytes(data)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(deck)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(folder / "sample-zh.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    return outline, prs, text.split("\f")


@pytest.mark.slow
@needs("soffice", "pdftotext")
def test_libreoffice_renders_maps_and_charts(rendered_sample):
    outline, prs, pages = rendered_sample
    assert len([p for p in pages if p.strip()]) == len(prs.slides)
    map_pages = [i for i, _, _ in _map_groups(prs)]
    map_text = _squash("".join(pages[i] for i in map_pages))
    for claim in outline.claims:
        assert _squash(claim.text["zh"]) in map_text, claim.id
    (balance_index, _), = _frames(prs, "Balance")
    balance_text = _squash(pages[balance_index])
    for kind in KINDS:
        assert _squash(labels_for(outline, "zh")[kind]) in balance_text
    strand_word = labels_for(outline, "zh")["strand"]
    for number in range(1, len(outline.strands) + 1):
        assert _squash(f"{strand_word} {number}") in balance_text
    (figure_index, _), = _frames(prs, f"Figure {outline.figures[0].id}")
    assert "200" in pages[figure_index]


def test_a_figure_category_may_have_words_per_language(sample):
    d = dump(sample.outline)
    d["figures"][0]["series"][0]["points"][0]["label"] = {"zh": "二〇二五年", "en": "The year 2025"}
    outline = validate(Outline, d)
    for lang, word in (("zh", "二〇二五年"), ("en", "The year 2025")):
        prs = Presentation(io.BytesIO(render(Job(outline, lang, article=sample.article))))
        charts = [s.chart for slide in prs.slides for s in slide.shapes
                  if getattr(s, "has_chart", False) and s.has_chart]
        assert any(word in list(c.plots[0].categories) for c in charts), lang


def test_a_figure_category_in_some_languages_only_is_an_error():
    from support import run_validate

    code, _, err = run_validate([('{label: "2025",', '{label: {zh: 二〇二五年},')])
    assert code == 1 and ": error: missing translation: `en`" in err
    code, _, err = run_validate([])          # a plain category serves both languages
    assert code == 0, err
