"""The writer registry: the one place an output format is registered.

A writer is a module exposing ``VERSION`` (bumped when its output changes) and
``render(job: Job) -> bytes``. Each entry names the writer (as given to ``--only``), its
file suffix, its module and what it makes; the command line takes its ``--only`` list and
help from here. Standard library only, and the modules are imported only when a render
needs them, so commands that write nothing never load python-pptx or reportlab.

Adding an output format: write its module (and its drawing code beside it, in ``slides/``
for python-pptx or ``pdf/`` for reportlab), then add one line to ``WRITERS``.
"""

from __future__ import annotations

import importlib
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

    def load(self) -> ModuleType:
        return importlib.import_module(self.module)

    def render(self, job: Job) -> bytes:
        return self.load().render(job)


# Registered in the order a build writes them.
WRITERS: dict[str, WriterSpec] = {
    spec.name: spec
    for spec in (
        WriterSpec("slides", "slides.pptx", "debatekit.slides.writer", "slide deck"),
        WriterSpec("handout", "handout.pdf", "debatekit.handout.student", "student handout"),
        WriterSpec("answer-key", "answer-key.pdf", "debatekit.handout.answer_key", "teacher's answer key"),
        WriterSpec("debate-cards", "debate-cards.pdf", "debatekit.debate.cards", "debate cards"),
        WriterSpec("debate-md", "debate.md", "debatekit.debate.markdown", "debate prompts in Markdown"),
    )
}


class UnknownWriter(ValueError):
    pass


def select(names: list[str] | None) -> list[WriterSpec]:
    """The writers asked for, in registry order; an unknown name lists the valid ones."""
    if not names:
        return list(WRITERS.values())
    unknown = [n for n in names if n not in WRITERS]
    if unknown:
        valid = ", ".join(WRITERS) or "none yet"
        raise UnknownWriter(f"unknown output `{unknown[0]}`; valid outputs: {valid}")
    return [spec for name, spec in WRITERS.items() if name in names]
