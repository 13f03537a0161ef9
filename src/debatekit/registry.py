"""The writer registry: the one place an output format is registered.

A writer is a module exposing ``VERSION`` (bumped when its output changes) and
``render(job: Job) -> bytes``. Each entry names the writer (as given to ``--only``), its
file suffix, its module and what it makes; the command line takes its ``--only`` list and
help from here. Standard library only, and the modules are imported only when a render
needs them, so commands that write nothing never load python-pptx or reportlab.

Adding an output format: write its module (and its drawing code beside it, in ``slides/``
for python-pptx or ``pdf/`` for reportlab), then add one line to ``WRITERS``. A format
that is not part of the classroom kit says ``default=False`` and names its ``group``
(the exports into other tools are ``exports/`` and the ``exports`` group): a build
without ``--only`` leaves it out, and ``--only`` takes the group's name for all of them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .job import Job


@dataclass(frozen=True)
class WriterInfo:
    """A registered writer as far as planning needs it: no import of its module."""

    name: str
    suffix: str
    module: str

    def filename(self, outline_id: str, lang: str) -> str:
        return f"{outline_id}-{lang}-{self.suffix}"


@dataclass(frozen=True)
class WriterSpec(WriterInfo):
    """A registered writer with what it makes, as the command line's help says it."""

    summary: str
    default: bool = True       # part of a build without --only (the classroom kit)
    group: str | None = None   # a name --only accepts for all the writers of the group

    def load(self) -> ModuleType:
        return importlib.import_module(self.module)

    def render(self, job: Job) -> bytes:
        return self.load().render(job)


EXPORTS = "exports"

# Registered in the order a build writes them.
WRITERS: dict[str, WriterSpec] = {
    spec.name: spec
    for spec in (
        WriterSpec("slides", "slides.pptx", "debatekit.slides.writer", "slide deck"),
        WriterSpec("handout", "handout.pdf", "debatekit.handout.student", "student handout"),
        WriterSpec(
            "answer-key", "answer-key.pdf", "debatekit.handout.answer_key", "teacher's answer key"
        ),
        WriterSpec("debate-cards", "debate-cards.pdf", "debatekit.debate.cards", "debate cards"),
        WriterSpec(
            "debate-md", "debate.md", "debatekit.debate.markdown", "debate prompts in Markdown"
        ),
        WriterSpec(
            "student-page", "student.html", "debatekit.web.student", "student web page with a self-check"
        ),
        WriterSpec("teacher-page", "teacher.html", "debatekit.web.teacher", "teacher's web page"),
        # exports into other tools: built only when asked for, by name or as `exports`
        WriterSpec(
            "quiz-gift", "quiz.gift.txt", "debatekit.exports.quiz_gift", "quiz in GIFT (Moodle)",
            default=False, group=EXPORTS,
        ),
        WriterSpec(
            "quiz-moodle", "quiz.moodle.xml", "debatekit.exports.quiz_moodle", "quiz in Moodle XML",
            default=False, group=EXPORTS,
        ),
        WriterSpec(
            "quiz-qti", "quiz.qti.zip", "debatekit.exports.quiz_qti",
            "quiz as a QTI 1.2 package (Canvas, Blackboard)", default=False, group=EXPORTS,
        ),
        WriterSpec(
            "map-argdown", "map.argdown", "debatekit.exports.map_argdown",
            "argument map in Argdown", default=False, group=EXPORTS,
        ),
        WriterSpec(
            "map-graphml", "map.graphml", "debatekit.exports.map_graphml",
            "argument map in GraphML (yEd, draw.io)", default=False, group=EXPORTS,
        ),
    )
}


class UnknownWriter(ValueError):
    pass


def groups(writers: Iterable[WriterInfo] | None = None) -> dict[str, list[str]]:
    """Each group name with the names of its writers, in registry order."""
    found: dict[str, list[str]] = {}
    for spec in WRITERS.values() if writers is None else writers:
        group = getattr(spec, "group", None)
        if group:
            found.setdefault(group, []).append(spec.name)
    return found


def select(
    names: Iterable[str] | None, writers: Iterable[WriterInfo] | None = None
) -> list[WriterInfo]:
    """The writers asked for, in registry order: without names, the default ones; a
    group name stands for its writers; an unknown name lists the valid ones."""
    available = list(WRITERS.values() if writers is None else writers)
    names = list(names or ())
    if not names:
        return [spec for spec in available if getattr(spec, "default", True)]
    by_group = groups(available)
    known = {spec.name for spec in available}
    unknown = [n for n in names if n not in known and n not in by_group]
    if unknown:
        valid = ", ".join([spec.name for spec in available] + list(by_group)) or "none yet"
        raise UnknownWriter(f"unknown output `{unknown[0]}`; valid outputs: {valid}")
    wanted = {member for n in names for member in by_group.get(n, [n])}
    return [spec for spec in available if spec.name in wanted]
