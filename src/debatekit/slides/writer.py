"""The ``slides`` writer: ``<id>-<lang>-slides.pptx``, a 16:9 deck with native text.

The default deck is a lesson, in the order it is taught: cover; the source and who is
behind it; the lesson's objectives; how to read the badges; the exercise (the statements
with no label on screen); the reveal (kind, status, reason, accepted alternatives); the
article's central claim and one map per strand of its key claims; figures; the balance of
kinds; the debates; discussion questions; an exit ticket of statements the class has not
seen; glossary; sources. With ``style.deck: full`` (or ``--deck full``) the claim-by-claim
walk-through follows as an appendix: the overview map; per strand a section slide, its
full maps and every claim beside its badges; the debates point by point; every source.

The lesson keeps to about one slide per 2.25 minutes of ``lesson.minutes`` (45 when not
given), at most 40 slides (``slide_budget``); where the loosest layout needs more, the
exercise and reveal are set tighter (``lesson.DENSITIES``) until it fits, or it warns.
"""

from __future__ import annotations

from ..job import Job, Remark
from . import debates, lesson, lesson_debates, package, reveal, sections, source_slides, visual_slides
from .deck import Deck
from .pptx_internals import qn
from .template import TemplateError

# 3: the deck is a lesson; the walk-through is the `full` deck's appendix
VERSION = "3"

# the cached text of a slide's number field, shown until a viewer fills the field in
SLIDE_NUMBER = f".//{qn('a:fld')}[@type='slidenum']/{qn('a:t')}"

MINUTES_PER_SLIDE = 2.25
MOST_SLIDES = 40
FEWEST_SLIDES = 12
DEFAULT_MINUTES = 45

__all__ = ["VERSION", "render", "build_deck", "slide_budget", "TemplateError"]


def slide_budget(outline) -> int:
    """How many slides the lesson may have: one per 2.25 minutes of the lesson, between
    12 and 40 (a 90-minute lesson: 40; 45 minutes: 20)."""
    minutes = (outline.lesson.minutes if outline.lesson and outline.lesson.minutes
               else DEFAULT_MINUTES)
    return max(FEWEST_SLIDES, min(MOST_SLIDES, round(minutes / MINUTES_PER_SLIDE)))


def lesson_slides(deck: Deck, budget: int) -> bool:
    """The lesson in teaching order; False when even its tightest setting runs over
    ``budget``. The exercise and its reveal are the parts set tighter when the lesson runs
    over (``lesson.DENSITIES``): they are made last, once the other slides are counted, and
    moved into their place, so no slide is laid out twice."""
    sections.cover(deck)
    sections.about_source(deck)
    sections.objectives(deck)
    sections.badge_key(deck)
    at = len(deck.prs.slides)
    sections.central_claim(deck)
    visual_slides.strand_map_slides(deck)
    visual_slides.figure_slides(deck)
    visual_slides.balance_slide(deck)
    lesson_debates.debates(deck)
    sections.discussion(deck)
    lesson.exit_ticket(deck)
    sections.glossary(deck)
    source_slides.lesson_sources(deck)
    others = len(deck.prs.slides)
    # a short lesson may have more parts than its minutes have slides: a slide a part is
    # as short as it gets, and a warning would name slides nobody can cut
    most = max(budget, deck.parts() + (2 if deck.outline.exercise_claims else 0))
    density = next((d for d in lesson.DENSITIES
                    if others + lesson.exercise_slides(deck, d) + reveal.reveal_slides(deck, d)
                    <= most), None)
    lesson.exercise(deck, density or lesson.DENSITIES[-1])
    reveal.reveal(deck, density or lesson.DENSITIES[-1])
    _move_slides(deck, others, at)
    return density is not None


def _move_slides(deck: Deck, start: int, to: int) -> None:
    """Move the slides from position ``start`` on (the last made) to position ``to``; the
    numbers their footers show before a viewer fills in the field follow."""
    order = deck.prs.slides.element
    moved = list(order)[start:]
    for offset, slide_id in enumerate(moved):
        order.insert(to + offset, slide_id)     # lxml moves an element it re-inserts
    deck.titles[to:to] = deck.titles[start:]
    del deck.titles[start + len(moved):]
    for number, slide in enumerate(deck.prs.slides, 1):
        field = slide.shapes.element.find(SLIDE_NUMBER) if number > to else None
        if field is not None:
            field.text = str(number)


def appendix(deck: Deck) -> None:
    """The claim-by-claim walk-through: the full maps, every claim with its badges, the
    debates with every point in full, and every source."""
    plan = visual_slides.map_plan(deck)
    sections.appendix_section(deck)
    visual_slides.argument_map_slides(deck, plan)
    strands = deck.outline.strands
    for number, strand in enumerate(strands, 1):
        sections.strand_section(deck, strand, number, len(strands))
        visual_slides.argument_map_slides(deck, plan, strand.id)
        sections.strand_claims(deck, strand)
    debates.debates(deck)          # every point in full beside its badges
    source_slides.sources(deck, deck.labels["sources"])   # every source the checks cite


def build_deck(job: Job) -> Deck:
    """The deck with every slide, before saving (the visuals and tests use it)."""
    budget = slide_budget(job.outline)
    deck = Deck(job)
    if not lesson_slides(deck, budget):
        o = job.outline
        # without `lesson.exercise` there is no list to shorten: the default pick chose it
        cut = ("shorten `lesson.exercise`" if o.exercise_given else
               f"give a `lesson.exercise` of fewer than the {len(o.exercise_claims)} "
               "statements the default pick chose")
        given = o.lesson is not None and o.lesson.minutes is not None
        allowed = ("its minutes allow (one per 2.25 minutes, at most 40)" if given else
                   f"a lesson of {DEFAULT_MINUTES} minutes allows (one per 2.25 minutes; "
                   "`lesson.minutes` is not given)")
        more = "give the lesson more `lesson.minutes`" if given else "give `lesson.minutes`"
        parts = deck.parts()
        if parts >= budget:   # a slide a part: shortening the exercise cannot be enough
            advice = (f"a shorter exercise helps ({cut}), but its {parts} parts (a map per "
                      "strand, a chart per figure, each debate, ...) take a slide each, so only "
                      f"more `lesson.minutes` or fewer strands, figures or debates bring it within {budget}")
        else:
            advice = f"{cut} or {more}"
        job.warn(Remark(f"the lesson has {len(deck.prs.slides)} slides, more than the {budget} "
                        f"{allowed}: {advice}", at="lesson.minutes"))
    deck.lesson_slides = len(deck.prs.slides)
    if (job.deck or job.outline.style.deck) == "full":
        appendix(deck)
    deck.finish()
    return deck


def render(job: Job) -> bytes:
    deck = build_deck(job)
    o = job.outline
    package.set_properties(deck.prs, title=deck.t(o.title), subject=deck.t(o.thesis),
                           lang=job.lang, keywords=o.id)
    package.drop_thumbnail(deck.prs)
    notes = sum(1 for s in deck.prs.slides if s.has_notes_slide)
    return package.save(deck.prs, len(deck.prs.slides), notes)
