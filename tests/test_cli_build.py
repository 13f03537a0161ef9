"""`debatekit build` as a user sees it: progress, summary, errors once, exit status."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

import fake_writers as fakes
from debatekit import registry as writers
from debatekit.cli import main
from support import ROOT



@pytest.fixture
def project(sample_project, monkeypatch):
    tmp_path = sample_project
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(writers, "WRITERS", fakes.specs())
    for name in ("DEBATEKIT_FAKE_FAIL", "DEBATEKIT_FAKE_SLOW", "DEBATEKIT_FAKE_LOG"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def cli(*args):
    return CliRunner().invoke(main, list(args))


def test_build_reports_progress_and_a_summary_with_paths(project):
    result = cli("build")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:4] == [f"[{n}/4] rendered output/sample/{name}" for n, name in enumerate(
        ["sample-zh-slides.txt", "sample-en-slides.txt", "sample-zh-handout.txt", "sample-en-handout.txt"], 1)]
    assert lines[4] == "written:"
    assert "  output/sample/sample-en-handout.txt" in lines
    assert lines[-1] == "4 written, 0 unchanged, 0 failed"
    again = cli("build")
    assert again.exit_code == 0
    assert again.stdout.splitlines() == ["unchanged: 4 files in output/sample/", "0 written, 4 unchanged, 0 failed"]


def test_quiet_build_prints_nothing_when_all_is_well(project):
    result = cli("build", "--quiet")
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert len(list((project / "output/sample").iterdir())) == 4


def test_broken_outline_exits_1_with_its_located_error_once(project):
    outline = project / "outlines/sample.yaml"
    outline.write_text(outline.read_text("utf-8").replace("kind: prediction", "kindd: prediction"), "utf-8")
    shutil.copy(outline, project / "outlines/copy.yaml")
    (project / "outlines/good.yaml").write_text(
        (ROOT / "tests/data/sample.yaml").read_text("utf-8").replace("../../seeds/", "../seeds/").replace("id: sample", "id: good"), "utf-8")
    result = cli("build")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if ": error:" in line]
    assert any(line.startswith("outlines/sample.yaml:") and "did you mean `kind`" in line for line in errors)
    assert len(errors) == len(set(errors))
    assert "failed:\n  outlines/copy.yaml\n  outlines/sample.yaml" in result.stdout
    assert result.stdout.splitlines()[-1] == "4 written, 0 unchanged, 2 failed"
    assert sorted(p.name for p in (project / "output/good").iterdir()) == [
        "good-en-handout.txt", "good-en-slides.txt", "good-zh-handout.txt", "good-zh-slides.txt"]


def test_missing_outline_is_an_error_not_a_traceback(project):
    result = cli("build", "outlines/nope.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("outlines/nope.yaml:1:1: error: cannot read the outline")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_only_and_lang_options(project):
    result = cli("build", "--only", "handout", "--lang", "en", "--paper", "letter")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (project / "output/sample").iterdir()] == ["sample-en-handout.txt"]
    assert '"paper": "letter"' in (project / "output/sample/sample-en-handout.txt").read_text("utf-8")


def test_unknown_only_name_lists_the_valid_ones(project):
    result = cli("build", "--only", "slides,deck")
    assert result.exit_code == 2
    assert "unknown output `deck`; valid outputs: slides, handout" in result.stderr
    assert not (project / "output/sample").exists()


def test_bad_paper_and_missing_font_are_usage_errors(project):
    assert cli("build", "--paper", "a5").exit_code == 2
    result = cli("build", "--font", "nofont.ttf")
    assert result.exit_code == 2 and "nofont.ttf" in result.stderr


def test_no_outlines_found(project):
    shutil.rmtree(project / "outlines")
    result = cli("build")
    assert result.exit_code == 2 and "outlines/*.yaml" in result.stderr


def test_help_lists_the_commands():
    result = cli("--help")
    for command in ("build", "watch", "new", "validate", "schema"):
        assert f"  {command} " in result.stdout


def test_a_folder_stands_for_the_outlines_in_it(project):
    (project / "more").mkdir()
    sample = (project / "outlines/sample.yaml").read_text("utf-8")
    (project / "more/other.yaml").write_text(sample.replace("id: sample", "id: other"), "utf-8")
    result = cli("build", "--quiet", "outlines/", "more")
    assert result.exit_code == 0, result.output
    assert (project / "output/other/other-zh-slides.txt").is_file()
    assert (project / "output/sample/sample-zh-slides.txt").is_file()
    checked = cli("validate", "more")
    assert checked.exit_code == 0 and checked.stdout.startswith("more/other.yaml: ok, ")


def test_a_folder_without_outlines_is_a_usage_error(project):
    (project / "empty").mkdir()
    result = cli("build", "empty")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: no outline found in empty/*.yaml"
