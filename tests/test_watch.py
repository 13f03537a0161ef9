"""`debatekit watch`, for real, in a subprocess: edits rebuild, broken saves are reported
and survived, its own output never wakes it, Ctrl-C ends it cleanly."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

import fake_writers as fakes
from support import SEED

pytestmark = pytest.mark.slow

WAIT = 30  # seconds: a bound for CI, far above the normal fraction of a second


class Watcher:
    def __init__(self, project: Path):
        self.process = subprocess.Popen(
            fakes.cli_command("watch"), cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, pattern: str) -> list[str]:
        """Lines up to and including the first that matches pattern."""
        deadline = time.monotonic() + WAIT
        got = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no line matching {pattern!r} within {WAIT} s; got {got}")
            try:
                line = self.lines.get(timeout=remaining)
            except queue.Empty:
                continue
            got.append(line)
            self.seen.append(line)
            if re.search(pattern, line):
                return got

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        self.reader.join(timeout=WAIT)
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return code


def save(path: Path, text: str) -> None:
    """Save as many editors do: write a new file beside it and rename it over the old."""
    temp = path.with_name(f".{path.name}.swp")
    temp.write_text(text, "utf-8")
    os.replace(temp, path)


@pytest.fixture
def project(sample_project):
    return sample_project


def test_watch_rebuilds_on_save_survives_errors_and_stops_on_ctrl_c(project):
    watcher = Watcher(project)
    try:
        watcher.expect(r"^4 written, 0 unchanged, 0 failed$")
        watcher.expect(r"^watching outlines/, seeds/ ")
        outline = project / "outlines/sample.yaml"
        good = outline.read_text("utf-8")

        # a file nobody depends on, then a real edit: only the edit is reported
        (project / "outlines/notes.txt").write_text("my notes", "utf-8")
        edited = good.replace("示例大纲", "新的大纲")
        save(outline, edited)
        lines = watcher.expect(r"^\d+ written, \d+ unchanged, \d+ failed$")
        assert "changed: outlines/sample.yaml" in lines
        assert lines[-1] == "2 written, 2 unchanged, 0 failed"
        assert "新的大纲" in (project / "output/sample/sample-zh-slides.txt").read_text("utf-8")

        # a broken save: the located error, and the watch goes on
        save(outline, edited + "broken: [\n")
        lines = watcher.expect(r"failed$")
        assert any(re.match(r"outlines/sample\.yaml:\d+:\d+: error: YAML syntax", line) for line in lines), lines
        assert lines[-1] == "0 written, 0 unchanged, 1 failed"
        assert watcher.process.poll() is None
        assert "新的大纲" in (project / "output/sample/sample-zh-slides.txt").read_text("utf-8")

        # the source article is watched too: breaking a quote there is reported at the quote
        save(outline, edited)
        watcher.expect(r"^0 written, 4 unchanged, 0 failed$")
        source = project / "seeds" / SEED.name
        save(source, source.read_text("utf-8").replace("字节跳动保留了", "字节跳动放弃了"))
        lines = watcher.expect(r"failed$")
        assert f"changed: seeds/{SEED.name}" in lines
        assert any(line.startswith("outlines/sample.yaml:") and "quote not found" in line for line in lines)

        # a new outline in the folder is picked up
        save(source, SEED.read_text("utf-8"))
        watcher.expect(r"^0 written, 4 unchanged, 0 failed$")
        save(project / "outlines/second.yaml", edited.replace("id: sample", "id: second"))
        lines = watcher.expect(r"^4 written, 0 unchanged, 0 failed$")
        assert "changed: outlines/second.yaml" in lines
    finally:
        code = watcher.stop()
    everything = "\n".join(watcher.seen)
    assert code == 0
    assert "Traceback" not in everything
    assert "stopped watching" in everything
    # its own writes never woke it: every rebuild above was announced by a change line
    assert sum(line.startswith("changed: ") for line in watcher.seen) == sum(
        re.match(r"^\d+ written, \d+ unchanged, \d+ failed$", line) is not None for line in watcher.seen) - 1
