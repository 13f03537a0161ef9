"""A claim too tall for one slide continues on the next; the short lines after its text
(who says it) are never cut in two across slides."""

from __future__ import annotations

from debatekit.slides.blocks import badge_width, claim_rows
from debatekit.slides.deck import Deck
from debatekit.text import Text
from debatekit.job import Job

SPEAKER = "a very important senior government official with a very long title indeed"


def test_speaker_line_is_never_split_across_slides(sample):
    outline = sample.outline
    deck = Deck(Job(outline, "en"))
    body = deck.body_for(deck.continued("A strand"))
    badge_w = badge_width(deck)
    base = outline.claims[1]
    split_texts = 0
    for words in range(150, 260, 3):
        claim = base.model_copy(update={"text": Text({"zh": "长", "en": " ".join(["overflowing"] * words)}),
                                        "speaker": Text({"zh": "官员", "en": SPEAKER})})
        rows = claim_rows(deck, claim, body, badge_w)
        split_texts += len(rows) > 1
        whole = [p for row in rows for p in row.paras if SPEAKER in p.text]
        assert whole, f"the speaker line is cut across slides ({words} words)"
    assert split_texts, "no claim was tall enough to continue: the test proves nothing"


def test_a_heading_is_never_the_last_paragraph_of_a_slide(sample):
    """A thesis that fills its slide must take the "Lesson objectives" heading along to
    the continuation slide, not leave it at the foot with nothing under it."""
    from debatekit.slides import sections

    outline = sample.outline
    continued = 0
    for words in range(20, 140, 4):
        thesis = Text({"zh": "论点", "en": " ".join(["argument"] * words)})
        deck = Deck(Job(outline.model_copy(update={"thesis": thesis}), "en"))
        heading = deck.labels["objectives"]
        sections.thesis(deck)
        continued += len(deck.prs.slides) > 1
        for slide in deck.prs.slides:
            for shape in slide.shapes:
                if shape.has_text_frame and shape.text_frame.paragraphs[-1].text == heading:
                    raise AssertionError(f"the heading ends a slide ({words} words)")
    assert continued, "the thesis never needed a second slide: the test proves nothing"
