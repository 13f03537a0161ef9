"""A file a teacher changed after a build is never lost silently: the next build that
rewrites it first keeps the teacher's version beside it, under a dated name."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner

from debatekit.cli import main
from support import inside


def build(*args: str):
    return CliRunner().invoke(main, ["build", "--quiet", "--only", "debate-md", "--lang", "en", *args])


def test_an_edited_output_is_kept_as_a_dated_copy_and_the_build_says_so(sample_project):
    with inside(sample_project):
        assert build().exit_code == 0
        target = Path("output/sample/sample-en-debate.md")
        original = target.read_bytes()
        record = json.loads(Path("output/.debatekit-manifest.json").read_text("utf-8"))
        outputs = next(iter(record["outlines"].values()))["outputs"]
        assert len(outputs["sample/sample-en-debate.md"]["sha256"]) == 64
        target.write_bytes(original + b"\nMy own closing question.\n")
        when = datetime(2026, 11, 30, 9, 30, tzinfo=timezone.utc).timestamp()
        os.utime(target, (when, when))
        result = build("--force")
        assert result.exit_code == 0
        aside = Path("output/sample/sample-en-debate.edited-2026-11-30T0930.md")
        assert result.stderr.splitlines() == [
            f"{target}: warning: changed since debatekit wrote it; your version is kept as {aside}"]
        assert aside.read_bytes().endswith(b"My own closing question.\n")
        assert target.read_bytes() == original
        # rebuilt and unchanged since: nothing more is copied
        again = build("--force")
        assert again.stderr == ""
        assert sorted(p.name for p in target.parent.iterdir()) == [
            "sample-en-debate.edited-2026-11-30T0930.md", "sample-en-debate.md"]


def test_an_untouched_output_is_rewritten_without_a_copy(sample_project):
    with inside(sample_project):
        assert build().exit_code == 0
        result = build("--force")
        assert result.exit_code == 0 and result.stderr == ""
        assert [p.name for p in Path("output/sample").iterdir()] == ["sample-en-debate.md"]


def test_an_edit_is_noticed_when_the_outline_changed_too(sample_project):
    with inside(sample_project):
        assert build().exit_code == 0
        target = Path("output/sample/sample-en-debate.md")
        target.write_text("polished by hand\n", "utf-8")
        outline = Path("outlines/sample.yaml")
        outline.write_text(outline.read_text("utf-8").replace("Who owns the algorithm?", "Who owns the code?"), "utf-8")
        result = build()
        assert result.exit_code == 0
        copies = [p for p in target.parent.iterdir() if ".edited-" in p.name]
        assert len(copies) == 1 and copies[0].read_text("utf-8") == "polished by hand\n"
        assert "Who owns the code?" in target.read_text("utf-8")
