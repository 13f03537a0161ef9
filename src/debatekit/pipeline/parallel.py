"""Rendering one outline's outputs, on several cores when that pays.

A deck or a PDF takes seconds and the writers share nothing, so a build with several
big renders hands them to worker processes. Workers are *spawned* (never forked: `watch`
runs a watcher thread, and forking a threaded process can deadlock), receive the outline
as JSON (one model, validated once more, equal to the parent's), and return bytes;
only the parent ever writes a file. Small jobs stay in the process, where starting
workers would cost more than it saves.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..model import Outline
from ..writers import Job

# Claims x renders from which workers are worth their start-up (about half a second).
PARALLEL_FROM = 200


@dataclass(frozen=True)
class Task:
    writer: str
    module: str
    lang: str
    paper: str
    template: Path | None
    font: Path | None


@dataclass(frozen=True)
class Result:
    index: int
    data: bytes | None
    error: str | None          # "Type: message" when the writer failed
    warnings: tuple[str, ...]


def render_all(outline: Outline, tasks: list[Task], jobs: int) -> Iterator[Result]:
    """Each task's result as it is ready; stops after the first failure."""
    if jobs > 1 and len(tasks) > 1 and len(outline.claims) * len(tasks) >= PARALLEL_FROM:
        yield from _in_workers(outline, tasks, jobs)
        return
    for index, task in enumerate(tasks):
        result = _render(outline, index, task)
        yield result
        if result.error:
            return


def _render(outline: Outline, index: int, task: Task) -> Result:
    warnings: list[str] = []
    job = Job(outline, task.lang, task.paper, task.template, task.font, warn=warnings.append)
    try:
        data = importlib.import_module(task.module).render(job)
        if not isinstance(data, bytes):
            raise TypeError(f"render() returned {type(data).__name__}, not bytes")
    except Exception as exc:  # reported as the writer's failure, never as a traceback
        return Result(index, None, f"{type(exc).__name__}: {exc}", tuple(warnings))
    return Result(index, data, None, tuple(warnings))


_WORKER_OUTLINE: Outline | None = None


def _start_worker(outline_json: str, parent: int) -> None:
    global _WORKER_OUTLINE
    _WORKER_OUTLINE = Outline.model_validate_json(outline_json)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A killed build must not leave workers behind: the pool's queues never tell them."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _render_in_worker(index: int, task: Task) -> Result:
    assert _WORKER_OUTLINE is not None
    return _render(_WORKER_OUTLINE, index, task)


def _in_workers(outline: Outline, tasks: list[Task], jobs: int) -> Iterator[Result]:
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context,
                               initializer=_start_worker, initargs=(outline.model_dump_json(), os.getpid()))
    try:
        index_of = {pool.submit(_render_in_worker, i, task): i for i, task in enumerate(tasks)}
        pending = set(index_of)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=index_of.__getitem__):
                try:
                    result = future.result()
                except Exception as exc:  # a worker died (out of memory, a crash in a library)
                    result = Result(index_of[future], None, f"the worker process failed: {type(exc).__name__}: {exc}", ())
                yield result
                if result.error:
                    return
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
