"""The exports in the build: a group outside the default build, named by `--only`,
built incrementally like every writer."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from debatekit.build import build
from debatekit.cli import main
from debatekit.job import BuildOptions
from debatekit.registry import WRITERS, select
from support import DATA

EXPORTS = ["quiz-gift", "quiz-moodle", "quiz-qti", "map-argdown", "map-graphml"]


def hard_project(tmp_path: Path) -> Path:
    shutil.copy(DATA / "exports-hard.yaml", tmp_path / "exports-hard.yaml")
    shutil.copy(DATA / "exports-hard-article.txt", tmp_path / "exports-hard-article.txt")
    return tmp_path / "exports-hard.yaml"


def test_exports_are_a_group_outside_the_default_build():
    assert [s.name for s in select(None)] == [
        "slides",
        "handout",
        "answer-key",
        "debate-cards",
        "debate-md",
        "student-page",
        "teacher-page",
    ]
    assert [s.name for s in select(["exports"])] == EXPORTS
    assert [s.name for s in select(["map-argdown", "quiz-gift"])] == ["quiz-gift", "map-argdown"]
    assert WRITERS["quiz-qti"].filename("x", "en") == "x-en-quiz.qti.zip"


def test_only_exports_builds_each_export_once_then_nothing(tmp_path):
    outline = hard_project(tmp_path)
    options = BuildOptions(out_dir=tmp_path / "out", only=("exports",), jobs=1)
    first = build([outline], options)
    assert first.ok and not first.unchanged
    names = sorted(p.name for p in first.written)
    assert names == sorted(
        WRITERS[n].filename("exports-hard", lang) for n in EXPORTS for lang in ("en", "zh")
    )
    second = build([outline], options)
    assert second.ok and not second.written and len(second.unchanged) == 10


def test_cli_names_exports_one_by_one_and_as_a_group(tmp_path, monkeypatch):
    hard_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    one = runner.invoke(
        main,
        [
            "build",
            "exports-hard.yaml",
            "--only",
            "map-argdown,quiz-gift",
            "--lang",
            "zh",
            "--quiet",
        ],
    )
    assert one.exit_code == 0, one.output
    assert sorted(p.name for p in Path("output/exports-hard").iterdir()) == [
        "exports-hard-zh-map.argdown",
        "exports-hard-zh-quiz.gift.txt",
    ]
    wrong = runner.invoke(main, ["build", "exports-hard.yaml", "--only", "export"])
    assert wrong.exit_code == 2
    assert (
        "unknown output `export`; valid outputs: slides, handout, answer-key, debate-cards, "
        "debate-md, student-page, teacher-page, quiz-gift, quiz-moodle, quiz-qti, map-argdown, "
        "map-graphml, exports"
        in wrong.output
    )
    # click wraps the help, breaking lines after hyphens too
    help_text = "".join(runner.invoke(main, ["build", "--help"]).output.split())
    assert "exports=quiz-gift,quiz-moodle,quiz-qti,map-argdown,map-graphml." in help_text
