"""`validate` on outlines that are valid but unfinished, or that the outputs cannot show:
located warnings with codes, a line-level way to silence one, and exact messages."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from debatekit.cli import main
from debatekit.drafts import ignores
from support import inside, outline_text, run_validate

THESIS = "thesis: {zh: TikTok已成为电商基础设施, en: TikTok has become e-commerce infrastructure}"
USERS_EN = "en: Over 200 million US users}"


def test_the_sample_has_nothing_unfinished():
    assert run_validate([], "--strict")[0] == 0


def test_a_translate_mark_and_a_thesis_that_repeats_the_title_are_located():
    code, _, err = run_validate([(THESIS, 'thesis: {zh: 示例大纲, en: "[translate] TikTok"}')])
    assert code == 0
    assert err.splitlines() == [
        "o.yaml:20:14: warning: the thesis repeats the headline: write the article's central claim in your own words [thesis-is-title]",
        "o.yaml:20:24: warning: this text is still marked [translate]: translate it and remove the mark [untranslated]",
        "0 errors, 2 warnings",
    ]
    assert run_validate([(THESIS, 'thesis: {zh: 示例大纲, en: "[translate] TikTok"}')], "--strict")[0] == 1


def test_a_blank_to_fill_in_and_a_suggested_reason_are_located():
    code, _, err = run_validate([
        ("publisher: 073980.com", "publisher: (fill in the publisher)"),
        ("why: {zh: 可以核实, en: It can be checked against the deal documents}",
         'why: {zh: "建议：事实陈述：含有可核实的“19.9%”。请核对标签，再用自己的话写出理由。", en: Checked against the deal}'),
    ], "--strict")
    assert code == 1
    assert err.splitlines() == [
        "o.yaml:9:14: error: this is still a blank to fill in: “(fill in the publisher)” [fill-in]",
        "o.yaml:30:19: error: this reason is still the suggestion `debatekit new` made: check the label, then say why in "
        "your own words [suggested-why]",
        "2 errors, 0 warnings",
    ]


def test_a_kit_without_a_debate_and_an_empty_translation():
    text = outline_text([(USERS_EN, 'en: " "}')])
    text = text[: text.index("debates:")] + text[text.index("questions:\n  - {zh: 这篇"):]
    with inside(Path(__import__("tempfile").mkdtemp())):
        Path("o.yaml").write_text(text, "utf-8")
        result = CliRunner().invoke(main, ["validate", "o.yaml"])
    assert result.stderr.splitlines() == [
        "o.yaml:3:5: warning: the kit has no debate: add one under `debates` (a motion and points for each side) "
        "for the debate cards and slides [no-debate]",
        "o.yaml:49:34: warning: the `en` text is empty: every language of the kit needs its text [missing-text]",
        "0 errors, 2 warnings",
    ]


def test_a_trailing_comment_silences_one_warning_on_its_line():
    edit = (THESIS, 'thesis: {zh: 示例大纲, en: "[translate] TikTok"}')
    code, _, err = run_validate([(edit[0], edit[1] + "  # debatekit: ignore[thesis-is-title]")], "--strict")
    assert err.splitlines() == [
        "o.yaml:20:24: error: this text is still marked [translate]: translate it and remove the mark [untranslated]",
        "1 error, 0 warnings",
    ]
    code, _, err = run_validate([(edit[0], edit[1] + "  # debatekit: ignore[thesis-is-title, untranslated]")], "--strict")
    assert code == 0 and err == ""
    code, _, err = run_validate([(edit[0], "# debatekit: ignore\n" + edit[1])], "--strict")
    assert code == 0 and err == ""


def test_the_advice_on_a_finished_outline_is_silenced_by_its_code_too():
    edits = [("        why: {zh: 数字可以核实, en: A number that can be checked}\n", "")]
    code, _, err = run_validate(edits, "--strict")
    warning = err.splitlines()[0]
    assert code == 1 and warning.endswith("[no-why]"), warning
    lines = outline_text(edits).splitlines(keepends=True)
    number = int(warning.split(":")[1])
    lines[number - 1] = lines[number - 1].rstrip("\n") + "  # debatekit: ignore[no-why]\n"
    code, _, err = run_validate([], "--strict", raw="".join(lines).encode("utf-8"))
    assert code == 0 and err == ""


def test_an_ignore_comment_never_silences_an_error():
    code, _, err = run_validate([("value: 200,", "value: .nan,  # debatekit: ignore")])
    assert code == 1 and "`.nan` is not a number" in err


def test_ignore_comments_are_read_per_line():
    table = ignores(["a: 1  # debatekit: ignore[no-debate]", "# debatekit: ignore", "b: 2", 'c: "# debatekit: ignore[x]" d'])
    assert table == {1: frozenset({"no-debate"}), 2: None, 3: None}


def test_non_finite_numbers_are_refused_where_they_stand():
    for value in (".nan", ".inf", "-.Inf", ".NaN"):
        code, _, err = run_validate([("value: 200,", f"value: {value},")])
        assert code == 1
        assert err.splitlines()[0] == (f"o.yaml:60:36: error: `{value}` is not a number a chart can show; write a finite "
                                       "number (or put it in quotes if it is text)")


def test_control_characters_are_an_error_emoji_and_right_to_left_text_a_warning():
    code, _, err = run_validate([(USERS_EN, 'en: "Over 200\\u0000 million 😀 users"}')])
    assert code == 1
    assert err.splitlines() == [
        "o.yaml:49:34: error: the text holds (U+0000), which no output can show; remove it",
        "o.yaml:49:34: warning: no embedded font can draw “😀” (U+1F600): the PDFs would show empty boxes; write it in "
        "words [undrawable]",
        "1 error, 1 warning",
    ]
    code, _, err = run_validate([(USERS_EN, "en: Over 200 million users (שלום)}")])
    assert code == 0
    assert err.splitlines()[0] == (
        "o.yaml:49:34: warning: right-to-left text (“ש” (U+05E9), “ל” (U+05DC), “ו” (U+05D5), “ם” (U+05DD)) would be "
        "printed reversed and unjoined: debatekit does not lay out right-to-left scripts [undrawable]")


def test_a_plain_text_with_a_colon_gets_put_it_in_quotes_at_its_line():
    code, _, err = run_validate([(THESIS, "thesis: The vote: 31 to 24.")])
    assert code == 1
    assert err.splitlines() == [
        'o.yaml:20:9: error: YAML syntax: a text that holds `: ` must be quoted; put the text in quotes: '
        'thesis: "The vote: 31 to 24."',
        "1 error, 0 warnings",
    ]


def test_a_text_between_braces_with_a_colon_gets_put_it_in_quotes_where_it_starts():
    code, _, err = run_validate([(THESIS, "thesis: {zh: 投票结果, en: The vote: 31 to 24, all the same}")])
    assert code == 1
    assert err.splitlines() == [
        'o.yaml:20:24: error: YAML syntax: a text between braces that holds `: ` must be quoted; put the text in '
        'quotes: en: "The vote: 31 to 24, all the same"',
        "1 error, 0 warnings",
    ]


def test_an_unterminated_quote_is_reported_where_it_opens():
    code, _, err = run_validate([("title: TikTok活下来之后", 'title: "TikTok活下来之后')])
    assert code == 1
    assert err.splitlines() == [
        "o.yaml:8:10: error: YAML syntax: this quotation mark opens a text that is never closed; add the closing quote",
        "1 error, 0 warnings",
    ]


def test_two_outlines_with_one_id_are_a_located_error_in_validate(tmp_path):
    with inside(tmp_path):
        Path("a.yaml").write_text(outline_text([]), "utf-8")
        Path("b.yaml").write_text(outline_text([]), "utf-8")
        result = CliRunner().invoke(main, ["validate", "a.yaml", "b.yaml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "b.yaml:3:5: error: the id `sample` is already used by a.yaml; ids name the output folder, so give each outline its own",
        "1 error, 0 warnings",
    ]


def test_the_how_to_lists_every_label_key_and_every_warning_code_once():
    import re
    from collections import Counter

    from debatekit import labels
    from debatekit.drafts import CODES
    from support import ROOT

    text = (ROOT / "docs" / "how-to.md").read_text("utf-8")
    table = text[text.index("## The words debatekit writes"):text.index("## How the exercise")]
    listed = Counter(re.findall(r"\| `(\w+)` \|", table))
    assert set(listed) == set(labels.KEYS) and set(listed.values()) == {1}
    warnings = text[text.index("## What each warning means"):]
    assert set(re.findall(r"^\| `([\w-]+)` \|", warnings, re.M)) == set(CODES)
    assert "docs/how-to.md" in (ROOT / "README.md").read_text("utf-8")


def test_a_title_too_long_to_set_is_a_located_error():
    code, _, err = run_validate([("title: {zh: 协议, en: The deal}", "title: {zh: 协议, en: " + "x" * 601 + "}")])
    assert code == 1
    assert err.splitlines() == [
        "o.yaml:23:25: error: this title is 601 characters long, too long to set as a title; keep it under 300 "
        "Chinese or 600 Latin characters and put the rest in the strand's `summary`",
        "1 error, 0 warnings",
    ]
    code, _, err = run_validate([("title: {zh: 示例大纲, en: A sample outline}", "title: {zh: " + "字" * 351 + ", en: A}")])
    assert err.splitlines()[0] == (
        "o.yaml:5:13: error: this title is 351 characters long, too long to set as a title; keep it under 350 "
        "Chinese or 700 Latin characters and put the rest in `subtitle`")
    assert run_validate([("title: {zh: 协议, en: The deal}", "title: {zh: " + "字" * 300 + ", en: " + "x" * 600 + "}")])[0] == 0


def test_figure_values_beyond_any_chart_axis_are_located_errors():
    for value, word in (("1.7976931348623157e+308", "large"), ("1.1125369292536007e-308", "small"), ("2.0e+15", "large")):
        code, _, err = run_validate([("value: 200,", f"value: {value},")])
        assert code == 1
        assert err.splitlines()[0].startswith("o.yaml:60:36: error: `")
        assert err.splitlines()[0].endswith(f"` is too {word} for a chart axis; give the figure in another unit "
                                            "(thousands, millions, percent)")
    assert run_validate([("value: 200,", "value: 1.0e+15,")])[0] == 0
    assert run_validate([("value: 200,", "value: 0,")])[0] == 0
