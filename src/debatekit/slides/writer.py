"""The ``slides`` writer: ``<id>-<lang>-slides.pptx``, a 16:9 deck with native text.

Order: cover; about the source; thesis and objectives; badge key; the argument map (the
whole outline, or its overview of thesis and strands); per strand a section slide, that
strand's map page(s) and its claim slides; figures; balance; quiz; debates; discussion
questions; glossary; sources and credits.
"""

from __future__ import annotations

from ..job import Job
from . import debates, package, quiz, sections, visual_slides
from .deck import Deck
from .template import TemplateError

# 2: the deck carries the visuals (maps beside their strands, charts)
VERSION = "2"

__all__ = ["VERSION", "render", "build_deck", "TemplateError"]


def build_deck(job: Job) -> Deck:
    """The deck with every slide, before saving (the visuals and tests use it)."""
    deck = Deck(job)
    sections.cover(deck)
    sections.about_source(deck)
    sections.thesis(deck)
    sections.badge_key(deck)
    plan = visual_slides.map_plan(deck)
    visual_slides.argument_map_slides(deck, plan)
    strands = deck.outline.strands
    for number, strand in enumerate(strands, 1):
        sections.strand_section(deck, strand, number, len(strands))
        visual_slides.argument_map_slides(deck, plan, strand.id)
        sections.strand_claims(deck, strand)
    visual_slides.figure_slides(deck)
    visual_slides.balance_slide(deck)
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
