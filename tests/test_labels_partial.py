"""An outline in a language debatekit has no words for: a partial `style.labels` table
is used, and validation names the words that stay in English."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from support import DATA
from debatekit.cli import main
from debatekit.labels import labels_for
from debatekit.reader import read_outline

SPANISH = """style:
  labels:
    es:
      opinion: Opinión
      pro: A favor
"""


def spanish_outline(tmp_path, labels: str) -> str:
    shutil.copy(DATA / "phones-article-en.txt", tmp_path / "phones-article-en.txt")
    text = (DATA / "phones-en.yaml").read_text(encoding="utf-8").replace("languages: [en]", "languages: [es]")
    path = tmp_path / "phones-es.yaml"
    path.write_text(text + labels, encoding="utf-8")
    return str(path)


def test_partial_labels_are_used_and_the_rest_is_named(tmp_path):
    path = spanish_outline(tmp_path, SPANISH)
    table = labels_for(read_outline(path).outline, "es")
    assert table["opinion"] == "Opinión" and table["pro"] == "A favor" and table["con"] == "Against"
    result = CliRunner().invoke(main, ["validate", path])
    assert result.exit_code == 0, result.output
    assert "`style.labels.es` gives 2 of debatekit's" in result.output
    assert "`fact`" in result.output


def test_no_labels_at_all_gives_the_general_warning(tmp_path):
    result = CliRunner().invoke(main, ["validate", spanish_outline(tmp_path, "")])
    assert result.exit_code == 0, result.output
    assert "no words of its own in `es`" in result.output


def test_comma_inside_a_flow_mapping_text_gets_a_message_that_says_why(tmp_path):
    """`{zh: ..., en: 19,9 %}` is cut by YAML at the comma: say so, not just "not text"."""
    text = (DATA / "sample.yaml").read_text(encoding="utf-8")
    text = text.replace("../../seeds/", str(DATA.parent.parent / "seeds") + "/")
    text = text.replace("en: ByteDance keeps a 19.9% stake", "en: ByteDance keeps a 19,9 % stake")
    path = tmp_path / "comma.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code != 0
    assert "`9 % stake` has no text" in result.output and "in quotes" in result.output
