"""Rendering one outline's outputs, on several cores when that pays.

A deck or a PDF takes seconds and the writers share nothing, so a build with several
big renders hands them to worker processes (see ``workers``). Small jobs stay in the
process, where starting workers would cost more than it saves.
"""

from __future__ import annotations

from typing import Iterator

from ..article import Article
from ..model import Outline
from .tasks import Result, Task, render_one

__all__ = ["PARALLEL_FROM", "Result", "Task", "render_all"]

# Claims x renders from which workers are worth their start-up (about half a second).
PARALLEL_FROM = 200


def render_all(
    outline: Outline, tasks: list[Task], jobs: int, article: Article | None = None
) -> Iterator[Result]:
    """Each task's result as it is ready; stops after the first failure."""
    if jobs > 1 and len(tasks) > 1 and len(outline.claims) * len(tasks) >= PARALLEL_FROM:
        # Imported here: multiprocessing and concurrent.futures add milliseconds to
        # every start, and most builds (a teacher's edit, one output) never use a worker.
        from .workers import in_workers

        yield from in_workers(outline, tasks, jobs, article)
        return
    for index, task in enumerate(tasks):
        result = render_one(outline, index, task, article)
        yield result
        if result.error:
            return
