"""The lesson plan: the phases of a lesson, their minutes, and which parts of the deck and
of the student handout each uses. Format-neutral: the answer key prints it, a web page
could show it.

The minutes rule: a lesson lasts ``lesson.minutes`` (90 when the outline gives none).
Each phase keeps its share of the 90-minute plan below, rounded to whole minutes by the
largest remainders, so the phases always add up to the lesson's minutes exactly. A phase
with nothing to do (no debate, no discussion question in the outline) gives its share to
the others; one whose share rounds to nothing (a lesson of a few minutes) is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Outline

DEFAULT_MINUTES = 90


@dataclass(frozen=True)
class Phase:
    name: str                       # labels: phase_<name>, do_<name>
    share: int                      # minutes in a 90-minute lesson
    deck: tuple[str, ...]           # labels: deck_<part>; the deck's parts, by name
    handout: tuple[str, ...]        # the student handout's sections (see handout.student)
    cards: bool = False             # the debate cards are handed out in this phase


PHASES = (
    Phase("opening", 5, ("title", "source", "objectives"), ("cover",)),
    Phase("reading", 15, ("source",), ("article", "glossary")),
    Phase("exercise", 15, ("badge_key", "exercise"), ("worksheet",)),
    Phase("reveal", 10, ("reveal",), ("worksheet",)),
    Phase("argument", 15, ("strands", "figures", "balance"), ()),
    Phase("debate", 20, ("debates",), ("debate_prep", "prep_sheet"), cards=True),
    Phase("discussion", 5, ("questions",), ("discussion",)),
    Phase("exit", 5, ("exit_ticket", "glossary", "sources"), ()),
)
assert sum(p.share for p in PHASES) == DEFAULT_MINUTES


@dataclass(frozen=True)
class PlannedPhase:
    phase: Phase
    minutes: int


def lesson_minutes(outline: Outline) -> int:
    lesson = outline.lesson
    return lesson.minutes if lesson is not None and lesson.minutes else DEFAULT_MINUTES


def split_minutes(total: int, shares: list[int]) -> list[int]:
    """``total`` split in proportion to ``shares``, whole numbers adding up to ``total``
    (largest remainders; ties go to the earlier share)."""
    whole = sum(shares)
    exact = [total * s / whole for s in shares]
    minutes = [int(x) for x in exact]
    order = sorted(range(len(shares)), key=lambda i: (-(exact[i] - minutes[i]), i))
    for i in order[: total - sum(minutes)]:
        minutes[i] += 1
    return minutes


def plan(outline: Outline) -> tuple[PlannedPhase, ...]:
    """The phases of this outline's lesson with their minutes (see the module's rule)."""
    phases = [p for p in PHASES if _has_material(outline, p.name)]
    minutes = split_minutes(lesson_minutes(outline), [p.share for p in phases])
    return tuple(PlannedPhase(p, m) for p, m in zip(phases, minutes) if m > 0)


def _has_material(outline: Outline, name: str) -> bool:
    if name == "debate":
        return bool(outline.debates)
    if name == "discussion":
        return bool(outline.questions)
    if name == "exit":
        # the ticket asks about statements outside the exercise: without any, the deck has none
        return bool(outline.extension_claims)
    return True
