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

    @property
    def directory(self) -> Path:
        return self.path.parent

    def resolve(self, relative: str) -> Path:
        """A path written in the outline, relative to the outline's folder."""
        return (self.directory / relative).resolve()
