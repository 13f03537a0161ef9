"""Fake writers for testing the build pipeline without python-pptx or reportlab.

This module is the fake `slides` writer and `fake_writer_handout` the fake
`handout`: real modules, so worker processes can import them too.
Each renders the outline's texts in the job's language, so the bytes change exactly when
that language's view of the outline changes. The environment steers them, which also
works in a subprocess: DEBATEKIT_FAKE_FAIL="writer:lang,..." makes those renders raise,
DEBATEKIT_FAKE_SLOW=seconds makes every render sleep first, DEBATEKIT_FAKE_LOG=file
appends one line per render, DEBATEKIT_FAKE_WARN=1 makes every render warn (="at:lesson.minutes": about that setting), and (in a subprocess, through install())
DEBATEKIT_FAKE_SLOW_REPLACE=seconds makes moving a finished file into place sleep first,
so a test can kill a build between writing a temporary file and replacing the output.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _renderer(name: str):
    def render(job) -> bytes:
        if os.environ.get("DEBATEKIT_FAKE_SLOW"):
            time.sleep(float(os.environ["DEBATEKIT_FAKE_SLOW"]))
        failing = os.environ.get("DEBATEKIT_FAKE_FAIL", "").split(",")
        if f"{name}:{job.lang}" in failing or f"{name}:*" in failing:
            raise RuntimeError(f"fake {name} failure on purpose")
        warn = os.environ.get("DEBATEKIT_FAKE_WARN")
        if warn:
            from debatekit.job import Remark

            at = warn.partition("at:")[2] or None
            job.warn(Remark(f"fake {name} warning in {job.lang}", at) if at else
                     f"fake {name} warning in {job.lang}")
        if os.environ.get("DEBATEKIT_FAKE_LOG"):
            with open(os.environ["DEBATEKIT_FAKE_LOG"], "a", encoding="utf-8") as log:
                log.write(f"{name} {job.outline.id} {job.lang}\n")
        outline = job.outline
        content = {
            "writer": name,
            "title": outline.title[job.lang],
            "claims": [[c.id, c.kind, c.text[job.lang]] for c in outline.claims],
            "paper": job.paper,
            "template": job.template.name if job.template else None,
        }
        return json.dumps(content, ensure_ascii=False, indent=1).encode("utf-8")

    return render


VERSION = "1"
render = _renderer("slides")

import fake_writer_handout  # noqa: E402  (it takes _renderer from this module)

MODULES = {"slides": sys.modules[__name__], "handout": fake_writer_handout}


def specs() -> dict:
    from debatekit.registry import WriterSpec

    return {
        "slides": WriterSpec("slides", "slides.txt", "fake_writers", "fake deck"),
        "handout": WriterSpec("handout", "handout.txt", "fake_writer_handout", "fake handout"),
    }


def install() -> None:
    """Replace the real registry with the fakes, for a subprocess running the CLI."""
    from debatekit import registry as writers

    writers.WRITERS.clear()
    writers.WRITERS.update(specs())
    if os.environ.get("DEBATEKIT_FAKE_SLOW_REPLACE"):
        pause = float(os.environ["DEBATEKIT_FAKE_SLOW_REPLACE"])
        replace = os.replace

        def slow_replace(src, dst):
            time.sleep(pause)
            return replace(src, dst)

        os.replace = slow_replace


def cli_command(*args: str) -> list[str]:
    """A command line running `debatekit ARGS` with the fake writers installed."""
    code = (f"import sys; sys.path.insert(0, {str(TESTS)!r}); import fake_writers as f; f.install(); "
            "from debatekit.cli import main; main()")
    return [sys.executable, "-c", code, *args]
