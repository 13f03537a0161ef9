"""The lesson deck's strand maps: the main claim heads its map, claims that fit are
drawn, reference boxes keep a strand's number with its word, and the notes send the
teacher to what the deck they are in holds."""

from __future__ import annotations

import pytest

from debatekit.labels import labels_for
from debatekit.model import Outline
from debatekit.present.keymap import key_map, key_order
from debatekit.present.mapboxes import Builder
from debatekit.shape import validate
from debatekit.slides.visual_slides import LESSON_MAP_STYLE
from support import deck_bytes, read


def strand_outline(rows, others=()) -> Outline:
    """One strand of (id, kind, supports, challenges, text) rows, and a second strand
    of such rows (``others``)."""
    def claims(rows):
        return [{"id": i, "kind": kind, "text": text, "why": "The article says so.",
                 "supports": list(sup), "challenges": list(chal),
                 **({"status": "stated"} if kind == "fact" else {})}
                for i, kind, sup, chal, text in rows]

    strands = [{"id": "s", "title": "The shops", "claims": claims(rows)}]
    if others:
        strands.append({"id": "t", "title": "The costs", "claims": claims(others)})
    return validate(Outline, {
        "format": "debatekit/1", "id": "shops", "languages": ["en"], "title": "Old town",
        "source": {"path": "none.txt", "title": "Old town", "publisher": "example.org",
                   "language": "en", "published": "2026"},
        "thesis": "Closing the old town to cars is good for the town.", "strands": strands})


def above(page, claim_id):
    """The boxes drawn wholly above the claim's box."""
    top = page.node(claim_id).y
    return [n.id for n in page.nodes if n.y + n.height <= top]


# The most supported claim ("half", two surveys bear on it) itself supports a claim,
# which supports the strand's conclusion: the map once put "half" first and drew the
# claims it supports above it.
SHOPS = [
    ("fear", "prediction", (), (), "Some old town shops will close within a year."),
    ("customers", "opinion", ("fear",), (), "Taking the cars away takes the customers away."),
    ("half", "fact", ("customers",), (), "Half of the customers arrive by car."),
    ("survey", "fact", ("half",), (), "The traders' survey asked 52 shops."),
    ("city", "fact", (), ("half",), "The city's survey found 23 per cent."),
]


def test_the_main_claim_heads_its_map_though_the_most_supported_claim_supports_others():
    outline = strand_outline(SHOPS)
    b = Builder(outline, "en", 864, 396, LESSON_MAP_STYLE)
    assert key_order(b, 0)[0].id == "fear"
    page = key_map(outline, "en", 0, 864, 396, LESSON_MAP_STYLE, "t").page
    assert "fear" in page.claims and above(page, "fear") == []
    for claim_id in page.claims:              # no claim sits above one it supports
        for target in outline.claim(claim_id).supports:
            if target in page.claims:
                assert page.node(target).y < page.node(claim_id).y


def test_the_main_claim_is_the_root_the_most_of_the_strand_rests_on():
    rows = [("small", "opinion", (), (), "A small point."),
            ("aside", "fact", ("small",), (), "An aside backs it."),
            ("big", "opinion", (), (), "The strand's conclusion."),
            ("step", "opinion", ("big",), (), "A step towards it."),
            ("base", "fact", ("step",), (), "A fact under the step."),
            ("doubt", "fact", (), ("step",), "A doubt about the step.")]
    b = Builder(strand_outline(rows), "en", 864, 396, LESSON_MAP_STYLE)
    assert [c.id for c in key_order(b, 0)] == ["big", "step", "base", "doubt", "small", "aside"]


def test_a_main_claim_in_a_circle_of_challenges_has_nothing_drawn_above_it():
    """Two claims that challenge each other: the more supported leads, and the other is
    left out rather than drawn above it."""
    rows = [("ban", "opinion", (), ("wait",), "The ban should start in spring."),
            ("wait", "opinion", (), ("ban",), "The city should wait a year."),
            ("air", "fact", ("ban",), (), "The air is the dirtiest in the region."),
            ("kids", "fact", ("ban",), (), "Children walk to school along the street.")]
    outline = strand_outline(rows)
    assert key_order(Builder(outline, "en", 864, 396, LESSON_MAP_STYLE), 0)[0].id == "ban"
    page = key_map(outline, "en", 0, 864, 396, LESSON_MAP_STYLE, "t").page
    assert above(page, "ban") == []
    assert {"air", "kids"} <= set(page.claims)


def test_a_claim_is_never_drawn_apart_from_what_it_bears_on():
    """A challenge to a claim too deep to draw is left out with it, not drawn as a
    fragment of its own at the top of the map."""
    rows = SHOPS + [("fairy", "opinion", (), ("city",), "The mayor calls the survey a fairy tale."),
                    ("raw", "prediction", (), ("fairy",), "The raw data will be published.")]
    outline = strand_outline(rows)
    page = key_map(outline, "en", 0, 864, 250, LESSON_MAP_STYLE, "t").page
    for claim_id in page.claims:
        claim = outline.claim(claim_id)
        targets = set(claim.supports) | set(claim.challenges)
        assert not targets or targets & set(page.claims), claim_id


# A main claim with three supports, one of them challenged: the third row fits only
# when the rows with room to spare take wider boxes of fewer lines (the map once left
# the challenge out above an inch and a half of empty slide).
SAFETY = [
    ("safety", "opinion", (), (), "Riders' safety must come first, and the app must stop "
                                  "pushing them through red lights."),
    ("total", "fact", ("safety",), (), "Accidents involving riders rose from 890 in 2023 "
                                      "to 1,240 in 2025 in the city."),
    ("causes", "fact", ("safety",), (), "Most of those accidents were caused by red lights, "
                                       "wrong-way riding and speeding."),
    ("fall", "fact", ("safety",), (), "After Nanchuan set a speed limit, rider accidents "
                                     "fell by 23 per cent in a year."),
    ("lanes", "fact", (), ("fall",), "Nanchuan opened forty kilometres of new bicycle "
                                     "lanes in the same year as well."),
]


def test_a_claim_that_fits_under_its_target_is_drawn():
    outline = strand_outline(SAFETY)
    keymap = key_map(outline, "en", 0, 864, 396, LESSON_MAP_STYLE, "t")
    assert set(keymap.page.claims) == {c[0] for c in SAFETY}, keymap.omitted
    page = keymap.page
    assert page.node("lanes").y > page.node("fall").y > page.node("safety").y
    assert all(n.body_size >= 18 for n in page.nodes)
    assert max(n.y + n.height for n in page.nodes) <= page.height


def test_a_reference_box_keeps_the_strand_number_with_its_word(flagship):
    for lang in ("zh", "en"):
        outline = flagship.outline
        w = labels_for(outline, lang)
        b = Builder(outline, lang, 864, 396, LESSON_MAP_STYLE)
        claim = outline.strands[0].claims[0]
        content = b.ref(claim)
        assert content.body.endswith(f"{w['strand']}\u00a01")
        # on one line: LibreOffice breaks at a no-break space after a Chinese word
        for shrink in (1.0, 0.6):
            assert b.wrapped(content, shrink)[3] == (content.body,)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_map_notes_send_the_teacher_to_what_the_lesson_deck_has(lang, flagship):
    """The lesson deck holds no claim-by-claim slides: the notes of a map that leaves
    claims out point to the answer key (which lists every claim) and the full deck."""
    outline = flagship.outline
    w = labels_for(outline, lang)
    prs = read(deck_bytes("flagship", lang))
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    left_out = [n for n in notes if w["map_not_shown"] in n]
    assert left_out
    assert w["answer_key"].lower() in w["map_not_shown"].lower()
    assert ("claim-by-claim slides" if lang == "en" else "逐条论断幻灯片") not in w["map_not_shown"]
