"""One render: which writer, for which language and options, and what it gave back.

A task and its result cross process boundaries (see ``workers``), so both are small frozen
values; ``render_one`` runs a task wherever it is, in the build's process or a worker.
"""

from __future__ import annotations

from typing import NamedTuple

import importlib
from pathlib import Path

from ..article import Article
from ..job import Job
from ..model import Outline


class Task(NamedTuple):
    writer: str
    module: str
    lang: str
    paper: str
    template: Path | None
    font: Path | None
    deck: str | None = None


class Result(NamedTuple):
    index: int
    data: bytes | None
    error: str | None          # "Type: message" when the writer failed
    warnings: tuple[str, ...]


def render_one(outline: Outline, index: int, task: Task, article: Article | None = None) -> Result:
    warnings: list[str] = []
    job = Job(
        outline,
        task.lang,
        task.paper,
        task.template,
        task.font,
        warn=warnings.append,
        article=article,
        deck=task.deck,
    )
    try:
        data = importlib.import_module(task.module).render(job)
        if not isinstance(data, bytes):
            raise TypeError(f"render() returned {type(data).__name__}, not bytes")
    except Exception as exc:  # reported as the writer's failure, never as a traceback
        return Result(index, None, f"{type(exc).__name__}: {exc}", tuple(warnings))
    return Result(index, data, None, tuple(warnings))
