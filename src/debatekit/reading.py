"""What reading an outline gives: the model, its warnings and the article it maps.

Apart from the reader, so that a build can use a remembered reading (see
``pipeline.readings``) without importing the reader, YAML and the checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .article import Article
from .model import Outline
from .problems import Problem


@dataclass(frozen=True)
class Reading:
    path: Path
    outline: Outline
    warnings: tuple[Problem, ...]
    article: Article  # the source's paragraphs and its translations'
    id_at: tuple[int, int] = (1, 1)  # line and column of the outline's `id`
    # line and column of each top-level key and of the keys of a top-level mapping
    # ("lesson", "lesson.minutes"): where a writer's warning about a setting points
    places: tuple[tuple[str, int, int], ...] = ()

    def place(self, at: str) -> tuple[int, int]:
        """Line and column of the setting ``at``, or of the nearest one above it that the
        outline has; the outline's `id` when it has none of them."""
        found = {name: (line, column) for name, line, column in self.places}
        while at:
            if at in found:
                return found[at]
            at = at.rpartition(".")[0]
        return self.id_at

    @property
    def directory(self) -> Path:
        return self.path.parent

    def resolve(self, relative: str) -> Path:
        """A path written in the outline, relative to the outline's folder."""
        return (self.directory / relative).resolve()
