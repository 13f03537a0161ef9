"""The ``slides`` writer: ``<id>-<lang>-slides.pptx``, a 16:9 deck with native text.

Order: cover; about the source; thesis and objectives; badge key; argument map; per
strand a section slide and claim slides; figures; balance; quiz; debates; discussion
questions; glossary; sources and credits.
"""

from __future__ import annotations

from ..writers import Job
from . import debates, package, quiz, sections, visual_slides
from .deck import Deck
from .template import TemplateError

VERSION = "1"

__all__ = ["VERSION", "render", "build_deck", "TemplateError"]


def build_deck(job: Job) -> Deck:
    """The deck with every slide, before saving (the visuals and tests use it)."""
    deck = Deck(job)
    sections.cover(deck)
    sections.about_source(deck)
    sections.thesis(deck)
    sections.badge_key(deck)
    deck.slots = visual_slides.argument_map_slides(deck)
    strands = deck.outline.strands
    for number, strand in enumerate(strands, 1):
        sections.strand(deck, strand, number, len(strands))
    deck.slots += visual_slides.figure_slides(deck)
    deck.slots += visual_slides.balance_slide(deck)
    quiz.quiz(deck)
    debates.debates(deck)
    sections.discussion(deck)
    sections.glossary(deck)
    sections.sources(deck)
    return deck


def render(job: Job) -> bytes:
    deck = build_deck(job)
    o = job.outline
    package.set_properties(deck.prs, title=deck.t(o.title), subject=deck.t(o.thesis),
                           lang=job.lang, keywords=o.id)
    package.drop_thumbnail(deck.prs)
    notes = sum(1 for s in deck.prs.slides if s.has_notes_slide)
    return package.save(deck.prs, len(deck.prs.slides), notes)
