"""Renders in worker processes, for builds where they pay.

Workers are *spawned* (never forked: `watch` runs a watcher thread, and forking a threaded
process can deadlock), receive the outline pickled with each task (unpickled once per
outline, equal to the parent's, and without importing pydantic), and return bytes; only
the parent ever writes a file. `watch` keeps one pool warm across rebuilds.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Iterator

from ..article import Article
from ..model import Outline
from .tasks import Result, Task, render_one

# In a worker: the last outline it was sent, by the digest of its pickle.
_WORKER_OUTLINE: tuple[str, Outline] | None = None
# In `watch`: a pool kept warm across rebuilds, so workers start and import writers once.
_KEPT: dict[str, ProcessPoolExecutor | int] = {}


def _start_worker(parent: int) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A killed build must not leave workers behind: the pool's queues never tell them."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _render_in_worker(
    index: int, task: Task, key: str, pickled: bytes, article: Article | None
) -> Result:
    global _WORKER_OUTLINE
    if _WORKER_OUTLINE is None or _WORKER_OUTLINE[0] != key:
        _WORKER_OUTLINE = (key, pickle.loads(pickled))
    return render_one(_WORKER_OUTLINE[1], index, task, article)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(os.getpid(),))


@contextmanager
def kept_workers(jobs: int):
    """Within this block, parallel renders share one pool of ``jobs`` workers."""
    _KEPT.clear()
    _KEPT["jobs"] = jobs
    try:
        yield
    finally:
        pool = _KEPT.pop("pool", None)
        _KEPT.clear()
        if isinstance(pool, ProcessPoolExecutor):
            pool.shutdown(wait=False, cancel_futures=True)


def in_workers(
    outline: Outline, tasks: list[Task], jobs: int, article: Article | None
) -> Iterator[Result]:
    kept = "jobs" in _KEPT
    if kept:
        pool = _KEPT.get("pool")
        if not isinstance(pool, ProcessPoolExecutor):
            pool = _KEPT["pool"] = _new_pool(int(_KEPT["jobs"]))
    else:
        pool = _new_pool(min(jobs, len(tasks)))
    pickled = pickle.dumps(outline, protocol=pickle.HIGHEST_PROTOCOL)
    key = hashlib.sha256(pickled).hexdigest()
    broken = False
    try:
        index_of = {
            pool.submit(_render_in_worker, i, task, key, pickled, article): i
            for i, task in enumerate(tasks)
        }
        pending = set(index_of)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=index_of.__getitem__):
                try:
                    result = future.result()
                except Exception as exc:  # a worker died (out of memory, a crash in a library)
                    broken = True
                    result = Result(
                        index_of[future],
                        None,
                        f"the worker process failed: {type(exc).__name__}: {exc}",
                        (),
                    )
                yield result
                if result.error:
                    for other in pending:
                        other.cancel()
                    return
    finally:
        if not kept:
            pool.shutdown(wait=True, cancel_futures=True)
        elif broken:
            _KEPT.pop("pool", None)
            pool.shutdown(wait=False, cancel_futures=True)
