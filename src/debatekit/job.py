"""What a build is asked to do and what one writer is asked to render.

Standard library only (the outline's type is named for checkers alone): the registry, the
build pipeline, the no-op build and every writer import this module, so it imports none
of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple, TYPE_CHECKING

if TYPE_CHECKING:
    from .article import Article
    from .model import Outline


class Remark(str):
    """A writer's warning about one setting of the outline: the message, and ``at``, the
    setting's dotted path ("lesson.minutes"), so the build can say on which line it is.
    A string still, for every caller that collects warnings as text."""

    at: str | None

    def __new__(cls, message: str, at: str | None = None) -> "Remark":
        remark = super().__new__(cls, message)
        remark.at = at
        return remark


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
    deck: str | None = None                # lesson | full (with a claim-by-claim appendix);
                                           # None: the outline's style.deck


class BuildOptions(NamedTuple):
    out_dir: Path = Path("output")
    langs: tuple[str, ...] = ()      # empty: every language of each outline
    only: tuple[str, ...] = ()       # writer or group names; empty: the default writers
    paper: str | None = None         # overrides style.paper
    template: Path | None = None     # overrides style.template
    font: Path | None = None
    deck: str | None = None          # overrides style.deck: lesson | full
    force: bool = False              # render everything, ignoring the manifest
    jobs: int = 0                    # worker processes for big renders; 0: one per core, up to 4

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else min(os.cpu_count() or 1, 4)

    def request(self) -> dict:
        """The options that every output's key includes, as plain data."""
        return {
            "paper": self.paper,
            "template": str(self.template.resolve()) if self.template else None,
            "font": str(self.font.resolve()) if self.font else None,
            "deck": self.deck,
        }


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)   # (outline or output, message)
    cleaned: list[Path] = field(default_factory=list)  # leftovers of killed builds
    ids: dict[str, Path] = field(default_factory=dict)  # outline id -> the outline that used it

    @property
    def ok(self) -> bool:
        return not self.failed
