"""Malformed YAML of many kinds: always a located error and exit 1, never a traceback,
and nothing in the file is ever executed or constructed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from debatekit.cli import main
from debatekit.loader import MAX_BYTES, parse_tree
from debatekit.problems import OutlineError

from support import inside, outline_text
from support import run_validate as run

RAW_CASES = [
    ("syntax", b"format: debatekit/1\nid: [unclosed\n", ["o.yaml:3:1: error: YAML syntax: while parsing a flow sequence, did not find expected ',' or ']'"]),
    ("tab-indent", b"format: debatekit/1\nsource:\n\tpath: x\n", ["o.yaml:3:1: error: tab used for indentation; YAML indents with spaces only"]),
    ("duplicate-key", b"format: debatekit/1\nid: a\nid: b\n", ["o.yaml:3:1: error: duplicate key `id` (first given at line 2); a key may appear once"]),
    ("anchor-alias", b"format: debatekit/1\nid: &x a\ntitle: *x\n", [
        "o.yaml:2:5: error: anchors (`&x`) are not allowed in outlines; write each value out",
        "o.yaml:3:8: error: aliases (`*x`) are not allowed in outlines; write the value out",
    ]),
    ("python-tag", b"format: debatekit/1\nid: !!python/object/apply:os.system ['touch pwned']\n", [
        "o.yaml:2:5: error: tags (`!!python/object/apply:os.system`) are not allowed in outlines; an outline holds plain text, numbers and lists",
    ]),
    ("invalid-utf8", b"format: debatekit/1\nid: caf\xe9\n", ["o.yaml:2:8: error: the file is not valid UTF-8 (byte 0xe9); save it as UTF-8"]),
    ("empty", b"", ["o.yaml:1:1: error: the outline is empty; it needs at least `format: debatekit/1`"]),
    ("only-comments", b"# nothing\n\n", ["o.yaml:1:1: error: the outline is empty; it needs at least `format: debatekit/1`"]),
    ("top-level-list", b"- format: debatekit/1\n", ["o.yaml:1:1: error: the top level must be a mapping of keys (format:, id:, title:, ...), not a list"]),
    ("top-level-scalar", b"just words\n", ["o.yaml:1:1: error: the top level must be a mapping of keys (format:, id:, title:, ...), not a single value"]),
    ("deep-nesting", b"a: " + b"[" * 200 + b"]" * 200 + b"\n", ["o.yaml:1:35: error: nesting deeper than 32 levels; an outline never needs that"]),
    ("two-documents", b"format: debatekit/1\n---\nid: a\n", ["o.yaml:2:1: error: an outline is one YAML document; remove the second `---`"]),
    ("complex-key", b"? [a, b]\n: c\n", ["o.yaml:1:3: error: a key must be a plain name, not a list or mapping"]),
]


@pytest.mark.parametrize("name,raw,expected", RAW_CASES, ids=[c[0] for c in RAW_CASES])
def test_malformed_yaml_is_located(name, raw, expected, tmp_path):
    code, _, err = run(None, raw=raw, tmp=tmp_path)
    assert err.splitlines()[:-1] == expected
    assert err.splitlines()[-1].startswith(f"{len(expected)} error")
    assert code == 1
    assert not (tmp_path / "pwned").exists()


def test_oversized_file_is_refused(tmp_path):
    raw = b"format: debatekit/1\n" + b"# padding\n" * (MAX_BYTES // 10 + 1)
    code, _, err = run(None, raw=raw, tmp=tmp_path)
    assert code == 1
    assert err.splitlines()[0].startswith("o.yaml:1:1: error: file is ")
    assert "an outline may be at most 4 MiB" in err


def test_positions_point_at_values_and_keys():
    tree = parse_tree("a:\n  b: [x, 'y']\n  c: NO\n".encode(), "f.yaml")
    assert tree.where(("a", "b", 1)) == (2, 10)
    assert tree.where_key(("a", "c")) == (3, 3)
    assert tree.where(("a", "missing", 4)) == (2, 3)
    assert tree.typed_scalars[("a", "c")] == ("NO", "a boolean (true/false)")
    assert tree.data == {"a": {"b": ["x", "y"], "c": False}}


def test_dates_stay_text_and_quoted_words_stay_text():
    tree = parse_tree(b"accessed: 2026-11-24\nword: 'on'\n", "f.yaml")
    assert tree.data == {"accessed": "2026-11-24", "word": "on"}


def test_loader_error_carries_every_problem_in_file_order():
    with pytest.raises(OutlineError) as info:
        parse_tree(b"a: &x 1\nb: *x\nc: &y 2\n", "f.yaml")
    assert [(p.line, p.column) for p in info.value.problems] == [(1, 4), (2, 4), (3, 4)]


def test_quotes_match_across_white_space_width_and_quote_marks(tmp_path):
    edits = [("quote: 到2025年底,TikTok在美国的用户已经超过了2亿", "quote: \"到2025年底，TikTok 在美国的用户\\n已经超过了2亿\"")]
    code, _, err = run(edits, tmp=tmp_path)
    assert (code, err) == (0, ""), err
    curly = [("quote: 2026年,TikTok Shop计划全面进入欧洲市场", "quote: 五年拉锯战:美国从“极限施-压”到“务实妥协”的转变")]
    assert run(curly, tmp=tmp_path)[0] == 0


def test_quote_gaps_match_in_order_within_one_paragraph(tmp_path):
    ok = [("quote: 2026年,TikTok Shop计划全面进入欧洲市场", "quote: 2026年,TikTok Shop计划全面进入欧洲市场……实现“本地备货、本地配送”")]
    assert run(ok, tmp=tmp_path)[0] == 0
    ascii_gap = [("quote: 2026年,TikTok Shop计划全面进入欧洲市场", "quote: 2026年,TikTok Shop计划全面进入欧洲市场...让送货更快")]
    assert run(ascii_gap, tmp=tmp_path)[0] == 0
    wrong_order = [("quote: 2026年,TikTok Shop计划全面进入欧洲市场", "quote: 让送货更快……2026年,TikTok Shop计划全面进入欧洲市场")]
    assert run(wrong_order, tmp=tmp_path)[0] == 1


def test_strict_turns_warnings_into_errors(tmp_path):
    edits = [("        why: {zh: 数字可以核实, en: A number that can be checked}\n", "")]
    code, _, err = run(edits, "--strict", tmp=tmp_path)
    assert code == 1
    assert err.splitlines() == [
        "o.yaml:46:9: error: claim `users-2025` has no `why`: the answer key cannot give the reason for its label [no-why]",
        "1 error, 0 warnings",
    ]


def test_several_files_report_each_and_fail_if_any_fails(tmp_path):
    runner = CliRunner()
    with inside(tmp_path):
        Path("good.yaml").write_text(outline_text([]), encoding="utf-8")
        Path("bad.yaml").write_text(outline_text([("id: future", "id: deal")]), encoding="utf-8")
        result = runner.invoke(main, ["validate", "good.yaml", "bad.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["good.yaml: ok, 4 claims"]
    assert result.stderr.splitlines() == [
        "bad.yaml:38:9: error: duplicate id `deal` (first used at line 22); ids are unique across the outline",
        "1 error, 0 warnings",
    ]


def test_valid_outline_passes_quietly(tmp_path):
    code, out, err = run([], tmp=tmp_path)
    assert (code, err) == (0, "")
    assert out.splitlines() == ["o.yaml: ok, 4 claims", "0 errors, 0 warnings"]
