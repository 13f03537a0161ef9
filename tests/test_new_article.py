"""`debatekit new` reading an article: quotations never cut, byline and dateline into the
source, headline and subheadings, speakers, hedges and schedules, stubs and `$schema`."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from click.testing import CliRunner

from debatekit.cli import main
from debatekit.problems import OutlineError
from debatekit.reader import read_outline
from debatekit.scaffold import scaffold_file, suggest
from debatekit.sentences import quoted_spans, read_parts, split_sentences
from debatekit.suggestions import speaker
from support import ROOT, inside

ENGLISH = """\
Council backs bus plan

By Daniel Okafor

RIVERTON, Nov. 3 (Valley Press)

The council voted 7 to 2 on Tuesday. “This is a turning point. We waited too long,” said Mayor Linda Cho. \
Cho called the vote “historic.” Fares will rise on January 1.

## The objections

“Nobody asked us. Not once,” he added. Critics say the plan may fail.
"""

CHINESE = """\
新规出台

记者 陈静

本报北京11月3日电

商务部11月2日发布新规。历史老师李强说：“午饭时，学生们又聊天了。大家都很开心。”“这是最好的变化。”李强说。

专家观点

他们说：“规则「清楚」了。我们『很』满意！”办法将于2026年1月1日起施行。
"""


def test_english_sentences_never_cut_a_quotation():
    paragraph = "“This is a turning point. We waited too long,” said Mayor Linda Cho. Then it rained. \"Go. Now.\" Done."
    assert split_sentences(paragraph, "en") == [
        "“This is a turning point. We waited too long,” said Mayor Linda Cho.", "Then it rained.", '"Go. Now."', "Done."]


def test_chinese_sentences_never_cut_a_quotation_nested_or_not():
    paragraph = "他说：“规则「清楚」了。我们『很』满意！”然后走了。「甲。『乙。』丙。」天晴了。"
    assert split_sentences(paragraph, "zh") == ["他说：“规则「清楚」了。我们『很』满意！”", "然后走了。", "「甲。『乙。』丙。」", "天晴了。"]
    assert split_sentences("“这是最好的变化。”李强说。下雨了。", "zh") == ["“这是最好的变化。”李强说。", "下雨了。"]


def test_quotation_marks_pair_with_nesting_and_unclosed_ones_are_ignored():
    assert quoted_spans("“a「b」c”") == [(2, 4), (0, 6)]
    assert quoted_spans("“a. b") == []


def test_headline_byline_dateline_and_subheadings():
    parts = read_parts(ENGLISH, "en")
    assert parts.title == "Council backs bus plan"
    assert parts.author == "Daniel Okafor"
    assert parts.published == "Nov. 3"
    assert [s.heading for s in parts.sections] == [None, "The objections"]
    parts = read_parts(CHINESE, "zh")
    assert (parts.title, parts.author, parts.published) == ("新规出台", "陈静", "11月3日")
    assert [s.heading for s in parts.sections] == [None, "专家观点"]


def test_a_byline_may_name_the_paper_and_the_date_too():
    article = "Main Street to close on Sundays\n\nBy Dana Ortiz, Riverton Gazette, 3 March 2026\n\n" \
              "The council voted 5 to 2 on Monday. Shop owners collected 340 signatures.\n"
    parts = read_parts(article, "en")
    assert (parts.author, parts.publisher, parts.published) == ("Dana Ortiz", "Riverton Gazette", "3 March 2026")
    staff = read_parts(article.replace("Riverton Gazette, 3 March 2026", "Staff Writer"), "en")
    assert (staff.author, staff.publisher, staff.published) == ("Dana Ortiz", None, None)


def test_a_chinese_byline_with_its_date_gives_the_date_to_published(tmp_path):
    """"本报记者 林晓雨 2026年3月12日": the author is 林晓雨, the date is `published`, in
    the parts read and in the outline `debatekit new` writes."""
    article = "江州出台外卖骑手新规\n\n本报记者 林晓雨 2026年3月12日\n\n" \
              "3月10日，江州市发布了新的管理办法。新规将于今年7月1日起施行。\n"
    parts = read_parts(article, "zh")
    assert (parts.author, parts.publisher, parts.published) == ("林晓雨", None, "2026年3月12日")
    assert read_parts(article.replace(" 2026年3月12日", ""), "zh").author == "林晓雨"
    (tmp_path / "riders.txt").write_text(article, "utf-8")
    data = yaml.safe_load(scaffold_file("riders", tmp_path / "riders.txt", tmp_path / "out").read_text("utf-8"))
    assert (data["source"]["author"], data["source"]["published"]) == ("林晓雨", "2026年3月12日")


def test_speakers_are_named_people_and_later_surnames_are_recognised():
    known: set[str] = set()
    assert speaker("“This is it,” said Mayor Linda Cho.", "en", known) == "Mayor Linda Cho"
    assert speaker("Cho called the vote “historic.”", "en", known) == "Mayor Linda Cho"
    assert speaker("“Nobody asked us,” he added.", "en", known) is None
    assert speaker("Critics say the plan may fail.", "en", known) is None
    # the paper is who was told, not who spoke
    assert speaker("“We lost a day,” one mother told the Kansas City Star.", "en", set()) != "Kansas City Star"
    known = set()
    assert speaker("历史老师李强说：“好。”", "zh", known) == "历史老师李强"
    assert speaker("“这是最好的变化。”李强说。", "zh", known) == "李强"
    assert speaker("他们说：“好。”", "zh", known) is None
    assert speaker("商务部表示，新规合理。", "zh", known) is None
    assert speaker("“好多了，”家住良渚的市民李女士说，“真方便。”", "zh", set()) == "市民李女士"


def test_kind_suggestions_for_the_hard_families():
    cases = [
        ("The vote was a disaster for taxpayers.", "en", "opinion"),
        ("Attention is a skill we have forgotten.", "en", "opinion"),
        ("“It is heartbreaking to watch,” said Owen Price.", "en", "opinion"),
        ("Other districts may follow.", "en", "prediction"),
        ("The board is expected to publish guidance.", "en", "prediction"),
        ("The board will meet on April 2 to vote.", "en", "fact"),
        ("Fares will rise on January 1.", "en", "fact"),
        ("Prices rose in May.", "en", "fact"),
        ("Officials could not say why.", "en", "fact"),
        ("短视频偷走了孩子们的注意力。", "zh", "opinion"),
        ("沉迷手机严重影响了睡眠。", "zh", "opinion"),
        ("其他区可能效仿。", "zh", "prediction"),
        ("全年有望突破2.5万亿元。", "zh", "prediction"),
        ("峰会将于12月5日举行。", "zh", "fact"),
        ("办法自2026年1月1日起施行。", "zh", "fact"),
        ("降雨量为有气象记录以来最高。", "zh", "fact"),
        ("开通首日，客流达到8.2万人次，比预测多出约三成。", "zh", "fact"),   # a past forecast
        ("现在一趟地铁四十分钟就到了。", "zh", "fact"),                       # minutes, not "very"
        ("这个办法十分有效。", "zh", "opinion"),
    ]
    assert [(s, suggest(s, lang).kind) for s, lang, _ in cases] == [(s, kind) for s, _, kind in cases]


def test_the_scaffold_holds_source_speakers_stubs_and_a_schema_line_that_resolves(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "outline-v1.json").write_text("{}", "utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "bus.txt").write_text(ENGLISH, "utf-8")
    path = scaffold_file("bus", tmp_path / "seeds" / "bus.txt", tmp_path / "outlines" / "civics")
    text = path.read_text("utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/outline-v1.json"
    assert (path.parent / first.split("=", 1)[1]).resolve() == (tmp_path / "schema" / "outline-v1.json").resolve()
    for stub in ("# lesson:", "#   exercise: [", "# thesis:", "# figures:", "# debates:", "# questions:", "# glossary:"):
        assert stub in text
    data = yaml.safe_load(text)
    assert data["title"] == "Council backs bus plan"
    assert data["source"]["author"] == "Daniel Okafor" and data["source"]["published"] == "Nov. 3"
    assert [s["title"] for s in data["strands"]][1] == "The objections"
    assert all("Okafor" not in s["title"] for s in data["strands"])
    claims = [c for s in data["strands"] for c in s["claims"]]
    assert claims[1]["speaker"] == "Mayor Linda Cho" and claims[1]["kind"] == "opinion"
    assert all(c["why"].startswith("Suggested: ") for c in claims)


def test_without_a_project_schema_a_copy_is_written_beside_the_outline(tmp_path):
    (tmp_path / "bus.txt").write_text(ENGLISH, "utf-8")
    path = scaffold_file("bus", tmp_path / "bus.txt", tmp_path / "out")
    assert path.read_text("utf-8").splitlines()[0] == "# yaml-language-server: $schema=outline-v1.json"
    assert (tmp_path / "out" / "outline-v1.json").read_text("utf-8") == (ROOT / "schema" / "outline-v1.json").read_text("utf-8")


def test_a_two_language_scaffold_fails_validate_strict_with_located_warnings(tmp_path):
    with inside(tmp_path):
        Path("seeds").mkdir()
        Path("seeds/zh.txt").write_text(CHINESE, "utf-8")
        created = CliRunner().invoke(main, ["new", "rules", "--source", "seeds/zh.txt", "--lang", "zh,en"])
        assert created.exit_code == 0, created.output
        result = CliRunner().invoke(main, ["validate", "--strict", "outlines/rules.yaml"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[:4] == [
        "outlines/rules.yaml:7:5: error: the kit has no debate: add one under `debates` (a motion and points for each side) "
        "for the debate cards and slides [no-debate]",
        "outlines/rules.yaml:9:25: error: this text is still marked [translate]: translate it and remove the mark [untranslated]",
        "outlines/rules.yaml:13:14: error: this is still a blank to fill in: “（请填写出版方）” [fill-in]",
        "outlines/rules.yaml:24:14: error: the thesis repeats the headline: write the article's central claim in your own words "
        "[thesis-is-title]",
    ]
    codes = {line.rsplit("[", 1)[1].rstrip("]") for line in lines[:-1] if line.endswith("]")}
    assert codes == {"no-debate", "untranslated", "fill-in", "thesis-is-title", "suggested-why"}
    assert all(line.startswith("outlines/rules.yaml:") for line in lines[:-1])
    assert lines[-1].endswith(" errors, 0 warnings")


def test_a_scaffold_is_valid_without_strict(tmp_path):
    (tmp_path / "zh.txt").write_text(CHINESE, "utf-8")
    path = scaffold_file("rules", tmp_path / "zh.txt", tmp_path, ("zh", "en"))
    try:
        reading = read_outline(path)
    except OutlineError as exc:
        raise AssertionError(str(exc)) from None
    assert reading.outline.source.author == "陈静"
    assert os.path.exists(path)
