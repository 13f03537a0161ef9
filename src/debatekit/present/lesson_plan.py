"""A lesson plan: the phases of one lesson with minutes that add up to ``lesson.minutes``.

Format-neutral (names are label keys): the teacher's web page shows it as a table, and
the printed answer key can take the same phases.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Outline

DEFAULT_MINUTES = 45  # when the outline names no lesson length
# (phase, share of the lesson): the class tries before it sees, then follows and debates.
PHASES = (
    ("plan_source", 6),
    ("plan_read", 16),
    ("plan_classify", 18),
    ("plan_reveal", 14),
    ("plan_maps", 14),
    ("plan_debate", 22),
    ("plan_discuss", 10),
)


@dataclass(frozen=True)
class Phase:
    key: str  # label key of its name; ``key + "_how"`` says what happens
    minutes: int


def lesson_minutes(outline: Outline) -> int:
    return outline.lesson.minutes if outline.lesson and outline.lesson.minutes else DEFAULT_MINUTES


def lesson_plan(outline: Outline) -> tuple[Phase, ...]:
    """The phases in order, their minutes shared out by weight (largest remainder, ties to
    the earlier phase) so they add up exactly; a kit without a debate has no debate phase."""
    phases = [(k, w) for k, w in PHASES if k != "plan_debate" or outline.debates]
    total = lesson_minutes(outline)
    weight = sum(w for _, w in phases)
    exact = [total * w / weight for _, w in phases]
    minutes = [int(x) for x in exact]
    order = sorted(range(len(phases)), key=lambda i: (-(exact[i] - minutes[i]), i))
    for i in order[: total - sum(minutes)]:
        minutes[i] += 1
    return tuple(Phase(k, m) for (k, _), m in zip(phases, minutes) if m > 0)
