"""The debate prompts in Markdown, read back with markdown-it-py (CommonMark)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from debatekit.debate import markdown
from debatekit.present.points import one_line, resolve_debates
from debatekit.labels import labels_for
from debatekit.job import Job
from debatekit.registry import WRITERS
from support import NASTY, with_debates

LANGS = ("zh", "en")


def parse(text: str):
    return MarkdownIt("commonmark").parse(text)


def plain(inline) -> str:
    """The words a reader sees in an inline token."""
    out = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def sections(tokens):
    """Per motion heading (h2): per side heading (h3): the list items, each as
    (first line's plain text, its bold words, source line count), plus block quotes."""
    found: dict[str, dict[str, list]] = {}
    quotes: list[str] = []
    motion = side = None
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            text = plain(tokens[i + 1])
            if tok.tag == "h2":
                motion, side = text, None
                found[motion] = {}
            elif tok.tag == "h3" and motion is not None:
                side = text
                found[motion][side] = []
        elif tok.type == "list_item_open":
            depth += 1
            para = tokens[i + 1]
            if depth == 1 and motion is not None and side is not None and para.type == "paragraph_open":
                inline = tokens[i + 2]
                bold = [inline.children[j + 1].content for j, c in enumerate(inline.children)
                        if c.type == "strong_open"]
                found[motion][side].append((plain(inline), bold, para.map[1] - para.map[0]))
        elif tok.type == "list_item_close":
            depth -= 1
        elif tok.type == "blockquote_open":
            quotes.append(plain(tokens[i + 2]))
    return found, quotes


def check_every_point(outline, lang: str, text: str) -> None:
    w = labels_for(outline, lang)
    found, quotes = sections(parse(text))
    for debate in resolve_debates(outline, lang):
        heading = next((h for h in found if h.endswith(debate.motion)), None)
        assert heading is not None, f"no heading for motion {debate.motion!r}"
        for side in ("pro", "con"):
            items = found[heading][w[side]]
            assert len(items) == len(debate.side(side))
            for (line, bold, lines), point in zip(items, debate.side(side)):
                assert lines == 1, f"point spans {lines} source lines: {line!r}"
                assert bold[0] == w[point.kind], f"kind word missing: {line!r}"
                assert point.text in line
                if point.use:
                    assert point.use in line
                if point.status:
                    assert w[point.status] in line
                if point.quote:
                    assert point.quote in quotes
        if debate.questions:
            assert w["debate_questions"] in found[heading]


@pytest.mark.parametrize("lang", LANGS)
def test_sample_every_motion_and_point_named_with_its_kind(sample, lang):
    check_every_point(sample.outline, lang, markdown.render_text(Job(sample.outline, lang)))


@pytest.mark.parametrize("lang", LANGS)
def test_flagship_every_motion_and_point_named_with_its_kind(flagship, lang):
    outline = flagship.outline
    assert outline.debates, "the flagship outline should have debates"
    check_every_point(outline, lang, markdown.render_text(Job(outline, lang)))


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_specials_in_user_text_render_as_written(sample, lang):
    outline = with_debates(sample.outline, NASTY)
    text = markdown.render_text(Job(outline, lang))
    tokens = parse(text)
    check_every_point(outline, lang, text)
    # nothing the teacher typed became markup
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_inline", "html_block", "code_block", "fence", "code_inline", "hr"}
    links = [c.attrs["href"] for t in tokens for c in t.children or () if c.type == "link_open"]
    assert "links" not in links
    questions = [plain(tokens[i + 2]) for i, t in enumerate(tokens)
                 if t.type == "list_item_open" and plain(tokens[i + 2]) in
                 {one_line(q[lang]) for q in NASTY["questions"]}]
    assert len(questions) == 2, "a question starting with `1.` or `>` became another block"
    # one h1 (the title), one h2 per motion plus the key
    levels = [t.tag for t in tokens if t.type == "heading_open"]
    assert levels.count("h1") == 1 and levels.count("h2") == 2
    html = MarkdownIt("commonmark").render(text)
    assert "&lt;b&gt;" in html and "R&amp;D" in html
    motion = one_line(NASTY["motion"][lang])
    assert any(plain(tokens[i + 1]).endswith(motion) for i, t in enumerate(tokens) if t.type == "heading_open")


def test_sources_become_links_and_keep_their_words(sample):
    outline = with_debates(sample.outline, NASTY)
    tokens = parse(markdown.render_text(Job(outline, "en")))
    children = [c for t in tokens for c in t.children or ()]
    hrefs = [c.attrs["href"] for c in children if c.type == "link_open"]
    assert "https://example.com/a_(b)_c" in hrefs
    assert "https://www.073980.com/126820.html" in hrefs  # the article itself
    seen = " ".join(plain(t) for t in tokens if t.type == "inline")
    assert "Reuters, Deal (signed), 2025" in seen
    assert "a book without a URL [p. 3]" in seen


@pytest.mark.parametrize("lang", LANGS)
def test_key_explains_each_kind_in_words(sample, lang):
    w = labels_for(sample.outline, lang)
    text = markdown.render_text(Job(sample.outline, lang))
    for kind in ("fact", "opinion", "prediction"):
        assert f"**{w[kind]}**" in text and w[kind + "_test"] in text


def test_same_input_same_bytes_and_registered(sample):
    job = Job(sample.outline, "zh")
    assert markdown.render(job) == markdown.render(Job(sample.outline, "zh"))
    spec = WRITERS["debate-md"]
    assert spec.filename("sample", "zh") == "sample-zh-debate.md"
    assert spec.render(job).decode("utf-8").startswith("# ")


@pytest.mark.parametrize("lang", LANGS)
def test_emphasis_markers_never_show_as_stars(sample, flagship, lang):
    """Our own bold and italic labels must close properly next to CJK punctuation: a
    marker that fails to pair shows up as a literal `*` on the course page."""
    for outline in (sample.outline, flagship.outline):
        text = markdown.render_text(Job(outline, lang))
        html = MarkdownIt("commonmark").render(text)
        visible = "".join(part for part in html.replace(">", "<").split("<")[::2])
        user_stars = sum(
            text.count("*")
            for d in resolve_debates(outline, lang)
            for text in (d.motion, d.context or "", *d.questions,
                         *(t for p in d.pro + d.con for t in (p.text, p.use or "", p.quote or "")),
                         *(s.text for p in d.pro + d.con for s in p.sources)))
        assert visible.count("*") == user_stars
        w = labels_for(outline, lang)
        points = sum(len(d.pro) + len(d.con) for d in outline.debates)
        assert html.count("<strong>") >= points + 3  # every point's kind word, and the key
        assert html.count(f"<strong>{w['fact']}</strong>") >= 1


def test_a_quote_in_another_language_carries_its_own_translation():
    """As on the cards: an English class reads a Chinese quote's own translation under it,
    a Chinese class the quote alone."""
    from debatekit.reader import read_outline
    from support import DATA

    outline = with_debates(read_outline(DATA / "lesson.yaml").outline, {
        "id": "d", "motion": {"en": "This house would open on Sundays", "zh": "本院认为周日应开放"},
        "pro": [{"claim": "most-important"}],
        "con": [{"point": {"en": "Staff need rest", "zh": "员工需要休息"}, "kind": "opinion"}]})
    quotes, inside = [], False
    for tok in parse(markdown.render_text(Job(outline, "en"))):
        if tok.type == "blockquote_open":
            quotes.append("")
            inside = True
        elif tok.type == "blockquote_close":
            inside = False
        elif inside and tok.type == "inline":
            quotes[-1] += plain(tok) + "\n"
    assert any("这是我们最重要的一项改变" in q and "This is the most important change we have made." in q
               for q in quotes), quotes
    assert "This is the most important change" not in markdown.render_text(Job(outline, "zh"))
