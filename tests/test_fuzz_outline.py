"""Random damage to a valid outline never escapes as anything but a located error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debatekit.problems import OutlineError
from debatekit.reader import read_outline

from support import DATA, outline_text

pytestmark = pytest.mark.slow

VALID = outline_text([])
# the outline with the lesson keys: exercise, accept, quote and article translations
LESSON = (DATA / "lesson.yaml").read_text(encoding="utf-8")
LESSON_FILES = ("lesson-article-zh.txt", "lesson-article-zh.en.txt")
FRAGMENTS = ["", ":", "- ", "  ", "\t", "&a ", "*a", "!!python/name:os.system ", "{", "}", "[", "]", "'", '"',
             "NO", "1.10", "~", "? ", "---\n", "%YAML 1.1\n", "#", "\\", "kindd", "id: deal", "\x00", "\ufeff", "…",
             "exercise: [deal]", "accept: [{kind: fact}]", "quote_translation: {zh: x}", "status: misleading",
             "translations: {en: nowhere.txt}", "kind: opinion"]

def edits_of(text: str):
    """Random damage to ``text``: insertions, deletions, dropped, swapped and dedented lines."""
    lines = len(text.splitlines())
    return st.one_of(
        st.tuples(st.just("insert"), st.integers(0, len(text)), st.sampled_from(FRAGMENTS) | st.text(max_size=8)),
        st.tuples(st.just("delete"), st.integers(0, len(text)), st.integers(1, 40)),
        st.tuples(st.just("drop-line"), st.integers(0, lines - 1), st.just(0)),
        st.tuples(st.just("swap-lines"), st.integers(0, lines - 1), st.integers(0, lines - 1)),
        st.tuples(st.just("dedent"), st.integers(0, lines - 1), st.integers(1, 4)),
    )


def apply(text: str, edits) -> str:
    for op, a, b in edits:
        lines = text.splitlines(keepends=True) or [""]
        a_line = min(a, len(lines) - 1) if isinstance(a, int) else 0
        if op == "insert":
            text = text[:a] + b + text[a:]
        elif op == "delete":
            text = text[:a] + text[a + b:]
        elif op == "drop-line":
            del lines[a_line]
            text = "".join(lines)
        elif op == "swap-lines":
            b_line = min(b, len(lines) - 1)
            lines[a_line], lines[b_line] = lines[b_line], lines[a_line]
            text = "".join(lines)
        elif op == "dedent":
            lines[a_line] = re.sub(r"^ {1,%d}" % b, "", lines[a_line])
            text = "".join(lines)
    return text


def assert_only_located_errors(path: Path) -> None:
    try:
        read_outline(path)
    except OutlineError as exc:
        assert exc.problems, "an OutlineError must carry at least one problem"
        for problem in exc.problems:
            assert problem.line >= 1 and problem.column >= 1
            assert str(problem).startswith(f"{problem.file}:{problem.line}:{problem.column}: ")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(edits_of(VALID), min_size=1, max_size=4))
def test_damaged_outline_gives_only_located_errors(tmp_path_factory, edits):
    path = tmp_path_factory.mktemp("fuzz") / "o.yaml"
    path.write_bytes(apply(VALID, edits).encode("utf-8", "surrogatepass"))
    assert_only_located_errors(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(edits_of(LESSON), min_size=1, max_size=4))
def test_damaged_lesson_outline_gives_only_located_errors(tmp_path_factory, edits):
    folder = tmp_path_factory.mktemp("fuzz-lesson")
    for name in LESSON_FILES:
        shutil.copy(DATA / name, folder / name)
    path = folder / "o.yaml"
    path.write_bytes(apply(LESSON, edits).encode("utf-8", "surrogatepass"))
    assert_only_located_errors(path)
