"""One language profile decides every language rule; a language is added from outside."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pypdf import PdfReader

from debatekit import labels, language
from debatekit.debate import markdown
from debatekit.handout import answer_key
from debatekit.job import Job
from debatekit.language import Profile, profile
from debatekit.model import Outline
from debatekit.pdf import fonts
from debatekit.slides import writer
from debatekit.shape import dump, validate

JAPANESE = Profile(
    "ja",
    cjk=True,
    full_width=True,
    spaced=False,
    quotes=("「", "」"),
    title_marks=("『", "』"),
    region_tag="ja-JP",
    deck_font="Yu Gothic",
    cid_font="HeiseiMin-W3",
)


def with_language(outline: Outline, code: str, like: str) -> Outline:
    """The outline with one more language, ``code``, whose texts copy ``like``'s."""
    langs = set(outline.languages)

    def walk(node):
        if isinstance(node, dict):
            if (
                like in node
                and set(node) <= langs
                and all(isinstance(v, str) for v in node.values())
            ):
                return {**node, code: node[like]}
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value) for value in node]
        return node

    data = walk(dump(outline, mode="json"))
    data["languages"] = [*data["languages"], code]
    return validate(Outline, data)


@pytest.fixture
def japanese(monkeypatch, sample):
    """Japanese as a test adds it: its profile and its words, nothing else. The built-in
    profile is taken away first, so every rule seen below comes from this fixture."""
    monkeypatch.setattr(
        language, "_PROFILES", {k: v for k, v in language._PROFILES.items() if k != "ja"}
    )
    monkeypatch.setattr(labels, "_BUILTIN", dict(labels._BUILTIN))
    monkeypatch.setattr(labels, "BUILTIN", labels.MappingProxyType(labels._BUILTIN))
    assert not profile("ja").cjk and profile("ja").colon == ": "   # unknown: a Western default
    language.register(JAPANESE)
    words = {
        **labels.BUILTIN["zh"],
        "debate_prompts": "ディベートの論題",
        "answer_key": "解答",
        "fact": "事実",
    }
    labels.add_language("ja", words)
    return with_language(sample.outline, "ja", like="zh")


def test_a_language_added_from_a_test_gets_its_punctuation_everywhere(japanese):
    md = markdown.render(Job(japanese, "ja")).decode("utf-8")
    title = japanese.title["ja"]
    assert md.splitlines()[0] == f"# ディベートの論題：{title}"
    assert f"『{japanese.source.title}』" in md or "『" not in md  # cited as a title where cited

    deck = Presentation(io.BytesIO(writer.render(Job(japanese, "ja"))))
    xml = "".join(shape._element.xml for slide in deck.slides for shape in slide.shapes)
    assert 'lang="ja-JP"' in xml and 'altLang="en-US"' in xml
    assert 'typeface="Yu Gothic"' in xml
    notes = "".join(s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide)
    quotes = [c.quote for c in japanese.claims if c.quote]
    # quotes keep the marks of the article's language (Simplified Chinese: “ ”)
    assert quotes and any(f"“{q}”" in notes for q in quotes) and "「" not in notes

    key = PdfReader(io.BytesIO(answer_key.render(Job(japanese, "ja"))))
    text = "".join(page.extract_text() for page in key.pages)
    assert "解答" in text and "事実" in text
    assert re.search(r"”（", text)   # the speaker after a quote, in full-width brackets


def test_a_language_needs_all_its_words():
    table = {key: "x" for key in labels.KEYS if key not in ("about_source", "accessed")}
    with pytest.raises(ValueError) as raised:
        labels.add_language("xx", {**table, "nonsense": "y", "page_of": "{nope}"})
    assert str(raised.value) == (
        "words for `xx`: 2 missing word(s): `about_source`, `accessed`; unknown word "
        "`nonsense`; label `page_of` cannot fill `{nope}`; it may use {page}, {pages}"
    )
    assert "xx" not in labels.BUILTIN


@pytest.mark.parametrize("lang, colon, parens, separator", [
    ("zh", "：", ("（", "）"), "、"),
    ("zh-TW", "：", ("（", "）"), "、"),
    ("ja", "：", ("（", "）"), "、"),
    # Korean is set in a CJK font but uses Western punctuation, in every output alike
    ("ko", ": ", (" (", ")"), ", "),
    ("en", ": ", (" (", ")"), ", "),
    ("es-MX", ": ", (" (", ")"), ", "),
])
def test_punctuation_comes_from_the_profile(lang, colon, parens, separator):
    p = profile(lang)
    assert (p.colon, p.parens, p.list_separator) == (colon, parens, separator)


def test_profiles_say_what_the_fonts_need():
    assert profile("zh").cjk and profile("ko").cjk and not profile("en").cjk
    assert (
        profile("zh-CN").tag == "zh-CN"
        and profile("zh").tag == "zh-CN"
        and profile("en").tag == "en-US"
    )
    assert profile("ar").rtl and not profile("en").rtl
    assert (
        fonts.cid_face("ja").name == "HeiseiMin-W3"
        and fonts.cid_face("zh-TW").name == "MSung-Light"
    )


def test_one_kinsoku_table_for_the_measure_and_the_pdf_wrapping():
    from debatekit import textfit
    from debatekit.pdf import cjkwrap

    assert textfit.NO_LINE_START is language.NO_LINE_START
    assert (
        set(cjkwrap.CLOSING) == language.NO_LINE_START
        and set(cjkwrap.OPENING) == language.NO_LINE_END
    )


def test_korean_takes_western_punctuation_in_cards_and_markdown_alike(monkeypatch, sample):
    """Korean is set in a CJK font but punctuated like English: before the profile, the
    cards gave it full-width colons and brackets and the Markdown half-width ones."""
    monkeypatch.setattr(labels, "_BUILTIN", dict(labels._BUILTIN))
    monkeypatch.setattr(labels, "BUILTIN", labels.MappingProxyType(labels._BUILTIN))
    labels.add_language(
        "ko", {**labels.BUILTIN["en"], "debate_cards": "토론 카드", "debate_prompts": "토론 주제"}
    )
    outline = with_language(sample.outline, "ko", like="en")
    title = outline.title["ko"]
    md = markdown.render(Job(outline, "ko")).decode("utf-8")
    assert md.splitlines()[0] == f"# 토론 주제: {title}"
    from debatekit.debate import cards

    pdf = PdfReader(io.BytesIO(cards.render(Job(outline, "ko"))))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert f"토론 카드: {title}" in text.replace("\n", " ")
    assert "：" not in text and "（" not in text


def test_count_words_agree_with_their_number():
    """English says "1 fact" and "2 facts"; a language without plural forms ignores them."""
    from debatekit.labels import BUILTIN, fill

    assert fill(BUILTIN["en"]["counts"], "en", fact=1, opinion=2, prediction=0) == \
        "1 fact, 2 opinions, 0 predictions"
    assert fill(BUILTIN["en"]["map_claims"], "en", n=1) == "1 statement"
    assert fill(BUILTIN["en"]["minutes"], "en", n=45) == "45 minutes"
    assert fill(BUILTIN["zh"]["counts"], "zh", fact=1, opinion=2, prediction=0) == "事实 1 条，观点 2 条，预测 0 条"


def test_a_words_module_beside_the_others_is_found_by_its_name(tmp_path, monkeypatch):
    """A new language's words are one module in debatekit/labels/, registered nowhere."""
    import sys

    from debatekit import labels

    table = dict(labels.BUILTIN["en"], fact="Fait")
    (tmp_path / "fr_ca.py").write_text(f"WORDS = {table!r}\n", "utf-8")
    monkeypatch.setattr(labels, "__path__", [*labels.__path__, str(tmp_path)])
    monkeypatch.delitem(sys.modules, "debatekit.labels.fr_ca", raising=False)
    found = labels._word_modules()
    assert found["fr-ca"]["fact"] == "Fait"
    assert set(found) == {"en", "zh", "fr-ca"}
    (tmp_path / "xx.py").write_text("WORDS = {'fact': 'x'}\n", "utf-8")
    with pytest.raises(ValueError, match="labels/xx.py lacks the words"):
        labels._word_modules()
    monkeypatch.delitem(sys.modules, "debatekit.labels.fr_ca", raising=False)
    monkeypatch.delitem(sys.modules, "debatekit.labels.xx", raising=False)


@pytest.mark.parametrize("lang, quote, shown", [
    ("zh", "是“国家安全威胁”", "“是‘国家安全威胁’”"),
    ("en", "a “substantive concession”", "“a ‘substantive concession’”"),
    ("zh-TW", "說「好」", "「說『好』」"),
])
def test_a_quotation_inside_a_quotation_takes_the_inner_marks(lang, quote, shown):
    assert profile(lang).quoted(quote) == shown
