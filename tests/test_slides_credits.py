"""The sources and credits slides: the article first, then each cited document once."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from debatekit.labels import labels_for
from debatekit.present.figures import cited_title
from debatekit.slides.credits import distinct_sources
from debatekit.shape import validate
from support import deck_bytes

EO = "The White House, Executive Order 14166, 'Application of the Act to TikTok', 20 January 2025, 90 FR 8611"
EO_SHORT = "The White House, Executive Order 14166, 20 January 2025, 90 FR 8611 ('used by 170 million Americans')"
COURT = "Supreme Court of the United States, TikTok Inc. v. Garland, No. 24-656, decided 17 January 2025"
COURT_PINPOINT = COURT + " ('more than 170 million Americans')"


def test_the_same_document_in_other_words_is_listed_once_in_its_fuller_wording():
    assert distinct_sources([EO_SHORT, COURT, EO, COURT_PINPOINT, COURT]) == [EO, COURT]


def test_different_documents_of_one_publisher_stay_apart():
    a = "Reuters, 'Truth Social tops downloads', 21 February 2022"
    b = "Reuters, 'TikTok deal closes', 21 February 2022"
    assert distinct_sources([a, b, "Reuters", "Variety", "Reuters"]) == [a, b, "Reuters", "Variety"]


def test_a_check_citing_the_article_itself_is_not_repeated():
    article = "Jane Doe, TikTok's deal, Example News, 2025-12-20"
    assert distinct_sources(["Example News, TikTok's deal, 2025-12-20", COURT], article=article) == [COURT]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _credits_text(data: bytes, title: str) -> str:
    """The text of the credits slides, titles left out, without spacing (a long source
    may be cut at a line end onto the next slide)."""
    text = []
    for slide in Presentation(io.BytesIO(data)).slides:
        shapes = list(slide.shapes)
        heading = slide.shapes.title or next(s for s in shapes if s.name == "Title")
        if heading.text_frame.text.startswith(title):
            text += [s.text_frame.text for s in shapes if s.name == "Text"]
    return _squash("".join(text))


@pytest.mark.parametrize("lang", ["zh", pytest.param("en", marks=pytest.mark.slow)])
def test_credits_slides_list_each_flagship_source_once_after_the_article(flagship, lang):
    outline = flagship.outline
    # the full deck's appendix lists every source (the lesson's slide says how many)
    text = _credits_text(deck_bytes("flagship", lang, "full"), labels_for(outline, lang)["sources"])
    cited = [s for c in outline.claims if c.check for s in c.check.sources]
    cited += [s for d in outline.debates for p in (*d.pro, *d.con) for s in p.sources]
    expected = distinct_sources(cited)
    assert len(expected) < len(set(cited))      # the flagship does cite documents twice
    for document in ("ExecutiveOrder14166", "ExecutiveOrder13942", "No.24-656"):
        assert text.count(document) == 1, document
    places = [text.find(_squash(source)) for source in expected]
    assert all(text.count(_squash(source)) == 1 for source in expected)
    assert places == sorted(places)
    # the article first, its title in the deck language's citation marks
    assert -1 < text.find(_squash(cited_title(outline.source.title, lang))) < places[0]


@pytest.mark.parametrize("lang, cited", [("zh", "《新规能否兼顾？》"), ("en", "“新规能否兼顾？”")])
def test_a_headline_ending_in_a_question_mark_is_cited_in_marks_not_followed_by_a_comma(lang, cited):
    from debatekit.model import Outline
    from support import read, render, sample_dict

    data = sample_dict()
    data["source"]["title"] = "新规能否兼顾？"
    deck = read(render(validate(Outline, data), lang))
    footers = [s.text_frame.text for slide in deck.slides for s in slide.shapes
               if s.has_text_frame and s.name == "Footer"]
    credits = [s.text_frame.text for s in deck.slides[-1].shapes if s.has_text_frame]
    assert footers and all(cited in f for f in footers), footers[:1]
    assert any(cited in t for t in credits), credits
    assert not any(re.search(r"[？?][,，]", t) for t in footers + credits)
