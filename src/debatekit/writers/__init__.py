"""The writer registry: every output format, by name.

A writer is a module exposing ``VERSION`` (bumped when its output changes) and
``render(job) -> bytes``. The registry names each one with its file suffix and imports
it only when asked, so commands that write nothing never load python-pptx or reportlab.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable

from ..article import Article
from ..model import Outline
from ..pipeline.manifest import WriterInfo


@dataclass(frozen=True)
class Job:
    """Everything one writer needs to render one outline in one language."""

    outline: Outline
    lang: str
    paper: str = "a4"                      # a4 | letter
    template: Path | None = None           # a teacher's .pptx, resolved
    font: Path | None = None               # a TrueType/TrueType-collection font for PDFs
    warn: Callable[[str], None] = field(default=lambda message: None, compare=False)
    article: Article | None = None         # the source's paragraphs and translations


@dataclass(frozen=True)
class WriterSpec(WriterInfo):
    """A writer's name (as given to --only), file suffix, module and what it makes; the
    file naming is WriterInfo's, shared with the no-op build that never imports this."""

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
