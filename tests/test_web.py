"""The web pages read back as HTML: structure, what a student sees before answering,
escaping, self-containment, determinism, and the teacher's content."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from debatekit.build import build
from debatekit.job import BuildOptions, Job
from debatekit.labels import labels_for as words
from debatekit.looks import KIND_LOOK
from debatekit.present.lessonplan import lesson_minutes
from debatekit.reader import read_outline
from debatekit.registry import WRITERS
from debatekit.web import student, teacher
from support import DATA, FLAGSHIP

PHONES = DATA / "phones-en.yaml"
SYMBOLS = tuple(look.symbol for look in KIND_LOOK.values())
STATUS_KEYS = ("stated", "verified", "disputed", "misleading", "false")


def reading(path: Path):
    return read_outline(path)


@pytest.fixture(scope="module")
def pages():
    """(outline path, lang) -> (reading, student html, teacher html)."""
    out = {}
    for path in (FLAGSHIP, PHONES):
        r = reading(path)
        for lang in r.outline.languages:
            job = Job(r.outline, lang, article=r.article)
            out[(path.stem, lang)] = (r, student.render(job).decode(), teacher.render(job).decode())
    return out


def outline_strings(r, lang: str) -> list[str]:
    """Texts of the outline and article, longest first, which may hold any word."""
    found = []
    for claim in r.outline.claims:
        found += [claim.text[lang], claim.quote or "", claim.speaker[lang] if claim.speaker else ""]
        found += list(claim.quote_translation.values())
    found += [s.title[lang] for s in r.outline.strands]
    if r.article:
        found += list(r.article.paragraphs) + list(r.article.paragraphs_for(lang))
    return sorted((f for f in found if f), key=len, reverse=True)


CASES = [("tiktok-us-deal", "zh"), ("tiktok-us-deal", "en"), ("phones-en", "en")]


def tree(html: str):
    return lxml.html.fromstring(html)


def _shown(element) -> bool:
    return isinstance(element.tag, str) and element.tag not in ("script", "style")


def visible_text(element) -> str:
    """The text a reader sees or hears (scripts and styles aside; SVG text included)."""
    parts = [element.text or ""] if _shown(element) else []
    for child in element:
        if _shown(child):
            parts.append(visible_text(child))
        parts.append(child.tail or "")
    return " ".join(parts)


@pytest.mark.parametrize("case", CASES)
def test_pages_are_documents_in_the_kit_language_with_one_h1_and_ordered_headings(pages, case):
    for html in pages[case][1:]:
        doc = tree(html)
        assert doc.get("lang") == case[1]
        assert len(doc.findall(".//h1")) == 1
        levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels[0] == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
        for landmark in ("header", "nav", "main", "footer"):
            assert doc.find(f".//{landmark}") is not None, landmark
        assert html.startswith("<!DOCTYPE html>")
        ids = doc.xpath("//@id")
        assert len(ids) == len(set(ids)), "an id used twice"
        # content models a browser and a screen reader rely on
        for figure in doc.iter("figure"):
            captions = [i for i, c in enumerate(figure) if c.tag == "figcaption"]
            assert captions in ([0], [len(figure) - 1]), "a figcaption not first or last"
        for fieldset in doc.iter("fieldset"):
            assert fieldset[0].tag == "legend"


@pytest.mark.parametrize("case", CASES)
def test_pages_fetch_nothing(pages, case):
    for html in pages[case][1:]:
        doc = tree(html)
        assert not doc.xpath("//*[@src]"), "an element loads a file"
        assert not doc.xpath("//link"), "a linked style sheet or resource"
        assert not re.search(r"@import|url\((?!#)", html), "CSS fetches something"
        assert "fetch(" not in html and "XMLHttpRequest" not in html
        for href in doc.xpath("//*[local-name()='use' or local-name()='image']/@href"):
            assert href.startswith("#")


@pytest.mark.parametrize("case", CASES)
def test_every_drawing_has_a_title_and_a_text_alternative(pages, case):
    for html in pages[case][1:]:
        doc = tree(html)
        svgs = doc.xpath("//svg")
        assert svgs
        for svg in svgs:
            assert svg.get("role") == "img"
            title = svg.find("title")
            desc = svg.find("desc")
            assert title is not None and title.text.strip()
            assert desc is not None and len(desc.text.strip()) > 10
            assert set(svg.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}


@pytest.mark.parametrize("case", CASES)
def test_every_map_is_also_a_nested_list(pages, case):
    r = pages[case][0]
    for html in pages[case][1:]:
        doc = tree(html)
        blocks = doc.xpath("//div[contains(@class,'map-block')]")
        assert blocks
        listed = set()
        for block in blocks:
            assert block.xpath(".//svg[contains(@class,'map')]")
            items = block.xpath(".//details[contains(@class,'as-list')]//li")
            assert items
            listed |= {m for li in items for m in re.findall(r"#(\d+) ", li.text_content())}
        # every claim of the outline is somewhere in the lists
        assert {str(n) for n in range(1, len(r.outline.claims) + 1)} <= listed


@pytest.mark.parametrize("case", CASES)
def test_every_control_is_labelled(pages, case):
    doc = tree(pages[case][1])
    labels = {label.get("for") for label in doc.iter("label") if label.get("for")}
    for control in doc.xpath("//input | //textarea | //select"):
        wrapped = any(a.tag == "label" for a in control.iterancestors())
        assert wrapped or control.get("id") in labels, lxml.html.tostring(control)
    for group in doc.xpath("//fieldset"):
        assert group.find("legend") is not None and group.find("legend").text_content().strip()


@pytest.mark.parametrize("case", CASES)
def test_student_page_shows_no_kind_status_or_count_before_an_answer(pages, case):
    r, html, _ = pages[case]
    w = words(r.outline, case[1])
    doc = tree(html)
    for svg in doc.xpath("//svg"):
        assert "map" in svg.get("class"), "no chart on the student page"
    for element in doc.xpath(
        "//fieldset[contains(@class,'item')] | //div[contains(@class,'map-block')]"
    ):
        for choices in element.xpath(".//fieldset[contains(@class,'choices')]"):
            choices.getparent().remove(choices)
        text = visible_text(element)
        assert not any(s in text for s in SYMBOLS), text[:200]
        assert not element.xpath(".//*[contains(@class,'kind') or contains(@class,'status')]")
        # the tool's kind words appear in no text of its own (the outline's texts may use them)
        for own in outline_strings(r, case[1]):
            text = text.replace(own, " ")
        for kind in ("fact", "opinion", "prediction"):
            assert w[kind] not in text, (kind, text[:300])
    for element in doc.xpath(
        "//fieldset[contains(@class,'item')] | //div[contains(@class,'map-block')]"
    ):
        text = visible_text(element)
        for key in STATUS_KEYS:
            assert key not in w or w[key] not in text, (key, text[:200])
    # kind marks only in the key that explains the kinds; no balance chart
    assert all(
        m.xpath("ancestor::dl[@class='kinds-key']")
        for m in doc.xpath("//*[contains(concat(' ', @class, ' '), ' kind ')]")
    )
    assert not doc.xpath("//*[contains(concat(' ', @class, ' '), ' status ')]")
    assert w["balance"] not in visible_text(doc.find("body"))
    # the answers wait in a data block the browser neither shows nor reads out
    answers = json.loads(tree(html).xpath("//script[@id='answers']")[0].text)
    assert [a["kind"] for a in answers] == [c.kind for c in r.outline.exercise_claims]


@pytest.mark.parametrize("case", CASES)
def test_blank_maps_give_no_kind_away_by_shape_or_colour(pages, case):
    """Every box of a student's map is the same plain rectangle: no rounded opinion, no
    arrow-shaped prediction, no kind's tint; the teacher's maps have them."""
    r, student_html, teacher_html = pages[case]
    tints = {look.tint.upper() for look in KIND_LOOK.values()}

    def fills(svg):
        return {f.lstrip("#").upper() for f in svg.xpath(".//@fill")}

    for svg in tree(student_html).xpath("//svg[contains(@class,'map')]"):
        assert not svg.xpath(".//rect[@rx]")
        # polygons are arrowheads only: three points
        assert all(len(p.get("points").split()) == 3 for p in svg.xpath(".//polygon"))
        assert not fills(svg) & tints
    teacher_svgs = tree(teacher_html).xpath("//svg[contains(@class,'map')]")
    kinds = {c.kind for c in r.outline.claims}
    shown = set().union(*(fills(svg) for svg in teacher_svgs))
    assert {KIND_LOOK[k].tint.upper() for k in kinds} <= shown
    if "opinion" in kinds:
        assert any(svg.xpath(".//rect[@rx]") for svg in teacher_svgs)


def test_student_page_orders_the_exercise_as_the_lesson_does(pages):
    r, html, _ = pages[("tiktok-us-deal", "en")]
    doc = tree(html)
    legends = [
        f.find("legend").text_content() for f in doc.xpath("//fieldset[contains(@class,'item')]")
    ]
    assert len(legends) == len(r.outline.exercise_claims)
    for legend, claim in zip(legends, r.outline.exercise_claims):
        assert claim.text["en"] in legend


def test_english_page_of_a_chinese_article_gives_translation_and_original(pages):
    r, html, _ = pages[("tiktok-us-deal", "en")]
    doc = tree(html)
    items = doc.xpath("//ol[@class='article']/li")
    article = r.article
    assert len(items) == len(article.paragraphs)
    for li, translated, original in zip(items, article.paragraphs_for("en"), article.paragraphs):
        shown = li.xpath("./p[@lang='en']")[0].text_content()
        assert shown == translated
        assert li.xpath(".//span[@lang='zh']")[0].text_content() == original
    # every quote from the article is marked as Chinese
    for q in doc.xpath("//blockquote/p[1]"):
        assert q.get("lang") == "zh"


def test_chinese_page_gives_the_article_once(pages):
    r, html, _ = pages[("tiktok-us-deal", "zh")]
    items = tree(html).xpath("//ol[@class='article']/li")
    assert [li.xpath("./p")[0].text_content() for li in items] == list(r.article.paragraphs)
    assert not tree(html).xpath("//p[@class='original']")


@pytest.mark.parametrize("case", CASES)
def test_teacher_page_holds_the_answers_the_plan_the_charts_and_the_debate_marks(pages, case):
    r, _, html = pages[case]
    lang = case[1]
    w = words(r.outline, lang)
    doc = tree(html)
    text = doc.text_content()
    for claim in r.outline.claims:
        article = doc.xpath(f"//article[h3[@id='a{r.outline.claim_number(claim.id)}']]")[0]
        marks = article.xpath(".//p[@class='marks']")[0].text_content()
        assert w[claim.kind] in marks
        if claim.fact_status:
            assert w[claim.fact_status] in marks
        if claim.why:
            assert claim.why[lang] in article.text_content()
        for accepted in claim.accept:
            assert accepted.why[lang] in article.text_content()
        if claim.check:
            for source in claim.check.sources:
                assert source in article.text_content()
    minutes = [int(td.text) for td in doc.xpath("//table[@class='plan']/tbody//td")]
    assert sum(minutes) == lesson_minutes(r.outline)
    assert int(doc.xpath("//table[@class='plan']/tfoot//td")[0].text) == sum(minutes)
    assert len(doc.xpath("//svg[contains(@class,'chart')]")) == len(r.outline.figures) + 1
    assert doc.xpath("//svg[@id='balance-chart']")
    for debate in r.outline.debates:
        assert debate.motion[lang] in text
    points = doc.xpath("//ol[@class='points']/li")
    assert len(points) == sum(len(d.pro) + len(d.con) for d in r.outline.debates)
    assert all(p.xpath(".//span[contains(@class,'kind ')]") for p in points)


def test_text_is_escaped_never_markup(sample_project):
    path = sample_project / "outlines" / "sample.yaml"
    text = path.read_text("utf-8").replace(
        "en: ByteDance keeps a 19.9% stake", 'en: "<script>alert(1)</script> R&D <b>bold</b>"'
    )
    path.write_text(text, "utf-8")
    r = read_outline(path)
    for module in (student, teacher):
        html = module.render(Job(r.outline, "en", article=r.article)).decode()
        assert "<script>alert(1)" not in html and "<b>bold</b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D &lt;b&gt;bold&lt;/b&gt;" in html
        # the teacher page and the student's maps hold it in SVG text too, escaped
        assert html.count("&lt;b&gt;bold") >= 2


def test_pages_are_byte_identical_on_a_second_render(pages):
    r = reading(FLAGSHIP)
    for lang in r.outline.languages:
        job = Job(r.outline, lang, article=r.article)
        assert student.render(job).decode() == pages[("tiktok-us-deal", lang)][1]
        assert teacher.render(job).decode() == pages[("tiktok-us-deal", lang)][2]


def test_pages_are_registered_built_and_incremental(sample_project):
    assert WRITERS["student-page"].suffix == "student.html"
    assert WRITERS["teacher-page"].suffix == "teacher.html"
    out = sample_project / "output"
    options = BuildOptions(out_dir=out, only=("student-page", "teacher-page"), jobs=1)
    first = build([sample_project / "outlines" / "sample.yaml"], options)
    names = sorted(p.name for p in first.written)
    assert names == [
        "sample-en-student.html",
        "sample-en-teacher.html",
        "sample-zh-student.html",
        "sample-zh-teacher.html",
    ]
    again = build([sample_project / "outlines" / "sample.yaml"], options)
    assert not again.written and len(again.unchanged) == 4


@pytest.mark.parametrize("case", CASES)
def test_text_alternatives_say_what_the_drawings_show(pages, case):
    r, student_html, teacher_html = pages[case]
    outline, lang = r.outline, case[1]
    w = words(outline, lang)
    teacher_descs = " ".join(d.text for d in tree(teacher_html).xpath("//svg/desc"))
    student_descs = " ".join(d.text for d in tree(student_html).xpath("//svg/desc"))
    for claim in outline.claims:
        for relation in ("supports", "challenges"):
            for target in getattr(claim, relation):
                said = (f"#{outline.claim_number(claim.id)} {w[relation]} "
                        f"#{outline.claim_number(target)}")
                assert said in teacher_descs and said in student_descs
    for figure in outline.figures:
        for series in figure.series:
            for point in series.points:
                assert f"{point.label[lang]} {point.value:g}" in teacher_descs
    for kind in ("fact", "opinion", "prediction"):
        assert w[kind] in teacher_descs
        assert w[kind] not in student_descs


def test_english_student_reads_every_quote_in_english(pages):
    """A quote in Chinese comes with its own translation, or its paragraph's."""
    r, html, _ = pages[("tiktok-us-deal", "en")]
    items = tree(html).xpath("//fieldset[contains(@class,'item')]")
    for item, claim in zip(items, r.outline.exercise_claims):
        if not claim.quote:
            continue
        quote = item.xpath(".//blockquote")[0]
        shown = quote.text_content()
        if claim.quote_translation.get("en"):
            assert claim.quote_translation["en"] in shown
        else:
            number = r.article.paragraph_of(claim.quote)
            assert r.article.paragraphs_for("en")[number - 1] in shown


def test_cited_sources_in_another_language_are_marked():
    """A citation in English on the Chinese page is read with an English voice."""
    r = reading(FLAGSHIP)
    html = teacher.render(Job(r.outline, "zh", article=r.article)).decode()
    cited = tree(html).xpath("//ul[@class='sources']/li")
    assert cited
    for li in cited:
        text = li.text_content()
        if not re.search(r"[\u3000-\u9fff\uff00-\uffef]", text):
            assert li.get("lang") == "en", text
