"""The lesson keys of the outline format: the exercise and its default pick, accepted
labels, the `misleading` status, translations of the quotes and of the article, the
reported-speech lint, the Article model, and the build's use of translations."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from debatekit import registry as writers
from debatekit.article import Article, first_drift, split_paragraphs
from debatekit.build import BuildOptions, build
from debatekit.cli import main
from debatekit.model import Strand, default_exercise
from debatekit.reader import read_outline
from debatekit.shape import validate

DATA = Path(__file__).resolve().parent / "data"
LESSON = (DATA / "lesson.yaml").read_text(encoding="utf-8")
ARTICLE = "lesson-article-zh.txt"
TRANSLATION = "lesson-article-zh.en.txt"


def lesson_project(folder: Path, edits=(), translation: bytes | None = None) -> Path:
    """The lesson outline, edited, with its article and translation, in ``folder``."""
    text = LESSON
    for old, new in edits:
        assert old in text, f"test edit does not apply: {old!r}"
        text = text.replace(old, new, 1)
    (folder / "o.yaml").write_text(text, encoding="utf-8")
    shutil.copy(DATA / ARTICLE, folder / ARTICLE)
    (folder / TRANSLATION).write_bytes(translation if translation is not None else (DATA / TRANSLATION).read_bytes())
    return folder / "o.yaml"


def run(tmp_path, monkeypatch, edits=(), *args: str, translation: bytes | None = None):
    lesson_project(tmp_path, edits, translation)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "o.yaml", *args])
    return result.exit_code, result.stdout, result.stderr


CASES = [
    ("exercise-unknown-id", [("branch-plan, best-library]", "branch-plan, best-librar]")], [
        "o.yaml:15:91: error: no claim has the id `best-librar`; did you mean `best-library`?",
        "1 error, 0 warnings",
    ]),
    ("exercise-repeat", [("branch-plan, best-library]", "branch-plan, most-important]")], [
        "o.yaml:15:91: error: `most-important` is already in the exercise (item 2); list each claim once",
        "1 error, 0 warnings",
    ]),
    ("exercise-too-short", [(", readers-2025, parents-complain", "")], [
        "o.yaml:15:13: error: the exercise lists 4 claims; it needs 6 to 15",
        "1 error, 0 warnings",
    ]),
    ("exercise-bad-id-is-not-counted-twice", [("[hours-extended, most", "[Hours_Extended, most")], [
        "o.yaml:15:14: error: `Hours_Extended` is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit",
        "1 error, 0 warnings",
    ]),
    ("quote-translation-bad-language-code", [("quote_translation: {en: This", "quote_translation: {English: This")], [
        "o.yaml:35:29: error: `English` is not a language code such as `zh` or `en`",
        "1 error, 0 warnings",
    ]),
    ("exercise-empty", [("[hours-extended, most-important, readers-2025, parents-complain, branch-plan, best-library]", "[]")], [
        "o.yaml:15:13: error: the exercise lists 0 claims; it needs 6 to 15",
        "1 error, 0 warnings",
    ]),
    ("exercise-missing-kind", [(" branch-plan,", "")], [
        "o.yaml:15:13: error: the exercise lists 5 claims; it needs 6 to 15",
        "o.yaml:15:13: warning: the exercise has no prediction; a class practises the labels best with every kind in it [exercise-kinds]",
        "1 error, 1 warning",
    ]),
    ("misleading-without-check", [('''        check:
          note: {en: "The count is visits, not readers", zh: 这是到访人次，不是读者人数}
          sources: ["City library, annual report"]
''', "")], [
        "o.yaml:39:17: error: a fact marked `misleading` needs a `check` with a note and sources",
        "1 error, 0 warnings",
    ]),
    ("accept-own-kind", [("          - kind: prediction\n", "          - kind: fact\n")], [
        "o.yaml:27:19: error: `accept` lists other labels a teacher should accept; this claim is already a fact",
        "1 error, 0 warnings",
    ]),
    ("accept-twice", [("          - kind: prediction\n            why: {en: \"“will be extended” speaks of the future\", zh: “将延长”说的是将来}\n",
                       "          - kind: prediction\n            why: {en: a, zh: b}\n          - kind: prediction\n            why: {en: c, zh: d}\n")], [
        "o.yaml:29:19: error: `prediction` is already accepted (item 1); list each label once",
        "1 error, 0 warnings",
    ]),
    ("accept-why-in-every-language", [("why: {en: “Too crowded” is their judgement, zh: “太拥挤”是他们的判断}", "why: {en: “Too crowded” is their judgement}")], [
        "o.yaml:54:18: error: missing translation: `zh`",
        "1 error, 0 warnings",
    ]),
    ("quote-translation-without-quote", [("        quote: 这是我们最重要的一项改变\n", ""), ("        signals: [最重要]\n", "")], [
        "o.yaml:29:9: warning: claim `most-important` has no `quote`: students cannot find it in the article [no-quote]",
        "o.yaml:33:9: error: `quote_translation` translates the quote, but this claim has no `quote`",
        "1 error, 1 warning",
    ]),
    ("quote-translation-in-source-language", [("quote_translation: {en: This", "quote_translation: {zh: This")], [
        "o.yaml:35:29: error: the quote is already in `zh`, the source's language; translate into the other languages of the kit only",
        "1 error, 0 warnings",
    ]),
    ("quote-translation-other-language", [("quote_translation: {en: This", "quote_translation: {es: This")], [
        "o.yaml:35:29: error: language `es` is not in `languages` (en, zh)",
        "1 error, 0 warnings",
    ]),
    ("translation-in-source-language", [("translations: {en: lesson", "translations: {zh: lesson")], [
        "o.yaml:12:18: error: the source is already in `zh`, the source's language; translate into the other languages of the kit only",
        "1 error, 0 warnings",
    ]),
    ("translation-missing-file", [("translations: {en: lesson-article-zh.en.txt}", "translations: {en: nowhere.txt}")], [
        "o.yaml:12:22: error: translation file not found: {tmp}/nowhere.txt",
        "1 error, 0 warnings",
    ]),
    ("speech-fact-with-opinion-words", [("        quote: 一些家长抱怨，周末的自习室太拥挤了\n", "        quote: 有人说，这个城市的图书馆是全省最好的\n"),
                                        ("        accept:\n          - kind: opinion\n            why: {en: “Too crowded” is their judgement, zh: “太拥挤”是他们的判断}\n", "")], [
        "o.yaml:47:15: warning: a fact with a speaker whose quote holds 最: a claim is labelled by what is said; "
        "label it by its content, or, if only the saying is at stake, add an `accept` entry for the other label [reported-speech]",
        "0 errors, 1 warning",
    ]),
    ("speech-opinion-about-the-saying", [("        kind: fact\n        text: {en: Some parents", "        kind: opinion\n        text: {en: Some parents"),
                                         ("        accept:\n          - kind: opinion\n            why: {en: “Too crowded” is their judgement, zh: “太拥挤”是他们的判断}\n", "")], [
        "o.yaml:47:15: warning: an opinion with a speaker whose quote holds no opinion words; the saying is reported by "
        "the quote (抱怨) and the claim's text in `en` (complained), `zh` (抱怨): "
        "where only the saying is at stake, \"X said Y\" is a fact; label it a fact, or add an `accept` entry [reported-speech]",
        "0 errors, 1 warning",
    ]),
    # the word of saying only in the claim's text (说 in 家长说…): the message says so
    ("speech-opinion-saying-in-the-text-only", [("        kind: fact\n        text: {en: Some parents", "        kind: opinion\n        text: {en: Some parents"),
                                                ("        quote: 一些家长抱怨，周末的自习室太拥挤了\n", "        quote: 周末的自习室太拥挤了\n"),
                                                ("        accept:\n          - kind: opinion\n            why: {en: “Too crowded” is their judgement, zh: “太拥挤”是他们的判断}\n", "")], [
        "o.yaml:47:15: warning: an opinion with a speaker whose quote holds no opinion words; the saying is reported by "
        "the claim's text in `en` (complained), `zh` (抱怨): "
        "where only the saying is at stake, \"X said Y\" is a fact; label it a fact, or add an `accept` entry [reported-speech]",
        "0 errors, 1 warning",
    ]),
    # the teacher named the quote's judging word (太): the content is marked, even though
    # the lint's own short table does not hold the word
    ("speech-opinion-with-named-signal-is-quiet", [("        kind: fact\n        text: {en: Some parents", "        kind: opinion\n        text: {en: Some parents"),
                                                   ("        speaker: {en: some parents, zh: 一些家长}\n",
                                                    "        speaker: {en: some parents, zh: 一些家长}\n        signals: [太]\n"),
                                                   ("        accept:\n          - kind: opinion\n            why: {en: “Too crowded” is their judgement, zh: “太拥挤”是他们的判断}\n", "")], [
    ]),
    ("speech-opinion-with-accept-is-quiet", [("        kind: fact\n        text: {en: Some parents", "        kind: opinion\n        text: {en: Some parents"),
                                             ("          - kind: opinion\n            why: {en: “Too crowded”", "          - kind: fact\n            why: {en: “Too crowded”")], [
    ]),
]


@pytest.mark.parametrize("name,edits,expected", CASES, ids=[c[0] for c in CASES])
def test_rule_is_reported_exactly(tmp_path, monkeypatch, name, edits, expected):
    code, _, err = run(tmp_path, monkeypatch, edits)
    folder = str(tmp_path.resolve())
    assert err.splitlines() == [line.replace("{tmp}", folder) for line in expected]
    assert code == (1 if any(": error: " in line for line in expected) else 0)


def test_translation_must_be_utf8(tmp_path, monkeypatch):
    code, _, err = run(tmp_path, monkeypatch, translation="Café\n\nau lait\n".encode("latin-1"))
    assert code == 1
    assert err.splitlines() == [f"o.yaml:12:22: error: the translation file is not valid UTF-8: {tmp_path.resolve()}/{TRANSLATION}",
                                "1 error, 0 warnings"]


def test_translation_with_a_paragraph_missing_names_both_counts_and_where(tmp_path, monkeypatch):
    paragraphs = split_paragraphs((DATA / TRANSLATION).read_text("utf-8"))
    dropped = "\n\n".join(paragraphs[:3] + paragraphs[4:]) + "\n"  # paragraph 4 left out
    code, _, err = run(tmp_path, monkeypatch, translation=dropped.encode())
    assert code == 1
    assert err.splitlines() == ["o.yaml:12:22: error: the translation has 5 paragraphs and the source 6; they drift apart at paragraph 4",
                                "1 error, 0 warnings"]


def test_validate_names_the_exercise_only_when_verbose(tmp_path, monkeypatch):
    code, out, err = run(tmp_path, monkeypatch)
    assert (code, out, err) == (0, "o.yaml: ok, 7 claims\n0 errors, 0 warnings\n", "")
    code, out, _ = run(tmp_path, monkeypatch, (), "--verbose")
    assert out.splitlines() == [
        "o.yaml: ok, 7 claims",
        "o.yaml: exercise from lesson.exercise, 6 claims: hours-extended, most-important, readers-2025, parents-complain, branch-plan, best-library",
        "0 errors, 0 warnings",
    ]
    no_exercise = [("  exercise: [hours-extended, most-important, readers-2025, parents-complain, branch-plan, best-library]\n", "")]
    code, out, _ = run(tmp_path, monkeypatch, no_exercise, "-v")
    assert out.splitlines()[1] == ("o.yaml: exercise by the default pick (no lesson.exercise), 7 of 7 claims: hours-extended, "
                                   "most-important, readers-2025, parents-complain, branch-plan, young-readers, best-library")


def test_model_carries_the_lesson_keys(tmp_path):
    reading = read_outline(lesson_project(tmp_path))
    outline = reading.outline
    claim = outline.claim
    assert claim("readers-2025").fact_status == "misleading"
    assert [(a.kind, a.why["en"]) for a in claim("parents-complain").accept] == [("opinion", "“Too crowded” is their judgement")]
    assert dict(claim("most-important").quote_translation) == {"en": "This is the most important change we have made."}
    assert dict(outline.source.translations) == {"en": TRANSLATION}
    assert [c.id for c in outline.exercise_claims] == list(outline.lesson.exercise)
    assert [c.id for c in outline.extension_claims] == ["young-readers"]
    hash(claim("most-important"))  # claims stay hashable: writers keep them in sets
    assert reading.article.paragraphs_for("en")[3] == "Some parents complained that the weekend study rooms are too crowded."
    assert reading.article.paragraphs_for("zh")[3] == "一些家长抱怨，周末的自习室太拥挤了。"


def test_the_exercise_keeps_the_teachers_order(tmp_path):
    order = "[best-library, branch-plan, hours-extended, most-important, readers-2025, parents-complain]"
    path = lesson_project(tmp_path, [("[hours-extended, most-important, readers-2025, parents-complain, branch-plan, best-library]", order)])
    outline = read_outline(path).outline
    assert [c.id for c in outline.exercise_claims] == order.strip("[]").split(", ")
    assert [c.id for c in outline.extension_claims] == ["young-readers"]


def strands(layout: list[str]) -> tuple[Strand, ...]:
    """Strands from letters per strand: f(act), o(pinion), p(rediction); claim ids s<strand>c<claim>."""
    names = {"f": "fact", "o": "opinion", "p": "prediction"}
    return tuple(validate(Strand, {
        "id": f"s{s}", "title": "t",
        "claims": [{"id": f"s{s}c{c}", "kind": names[k], "text": "t"} for c, k in enumerate(kinds, 1)],
    }) for s, kinds in enumerate(layout, 1))


def test_default_pick_takes_every_claim_of_a_small_outline_in_outline_order():
    picked = default_exercise(strands(["pp", "ffo", "o"]))
    assert [c.id for c in picked] == ["s1c1", "s1c2", "s2c1", "s2c2", "s2c3", "s3c1"]


def test_default_pick_spreads_twelve_over_strands_and_kinds():
    # strand 1 is all facts up front; a pick in outline order alone would take 12 facts
    layout = ["ffffffffop", "fffooo", "pppf", "ofp"]
    picked = [c.id for c in default_exercise(strands(layout))]
    # turn by turn: s1c1 f, s2c4 o, s3c1 p, s4c2 f | s1c9 o, s2c1 f, s3c2 p, s4c1 o |
    # s1c10 p, s2c2 f, s3c3 p (s3 has no opinion), s4c3 p (s4 has no opinion or fact left)
    assert picked == ["s1c1", "s1c9", "s1c10", "s2c1", "s2c2", "s2c4",
                      "s3c1", "s3c2", "s3c3", "s4c1", "s4c2", "s4c3"]
    kinds = {c.id: c.kind for s in strands(layout) for c in s.claims}
    counts = {k: sum(kinds[i] == k for i in picked) for k in ("fact", "opinion", "prediction")}
    assert counts == {"fact": 4, "opinion": 3, "prediction": 5}


def test_default_pick_is_between_six_and_twelve():
    assert len(default_exercise(strands(["f" * 40]))) == 12
    assert len(default_exercise(strands(["fo", "op", "pf"]))) == 6


def test_article_paragraphs_and_quotes():
    article = Article.from_texts("zh", "第一段。\r\n\r\n  第二段，有“引语”……和更多。 \n \n第三段\n仍是第三段",
                                 {"en": "One.\n\nTwo.\n\nThree."})
    assert article.paragraphs == ("第一段。", "第二段，有“引语”……和更多。", "第三段\n仍是第三段")
    assert article.paragraphs_for("en") == ("One.", "Two.", "Three.")
    assert article.paragraphs_for("zh") == article.paragraphs
    assert article.paragraphs_for("fr") == article.paragraphs  # no translation: the source's own
    assert article.paragraph_of('有"引语"...更多') == 2
    assert article.paragraph_of("第三段 仍是") == 3
    assert article.paragraph_of("第四段") is None
    assert pickle.loads(pickle.dumps(article)) == article  # sent to worker processes
    with pytest.raises(TypeError):
        article.translations["fr"] = ()  # type: ignore[index]


@pytest.mark.parametrize("change,expected", [
    (lambda p: p[:4] + p[5:], 5),                       # paragraph 5 missing
    (lambda p: p[:2] + [p[2] + p[3]] + p[4:], 3),       # paragraphs 3 and 4 merged
    (lambda p: p + ["An extra closing line."], 7),      # one added at the end
])
def test_drift_is_where_the_pairing_breaks(change, expected):
    source = ["短标题", "这是一个比较长的段落，里面有很多文字和细节。" * 3, "第三段，中等长度的文字。" * 2,
              "短短一句。", "这是第五段，它也比较长，说了不少事情。" * 3, "结尾。"]
    english = ["A short title", "This is a rather long paragraph with many words and details. " * 3,
               "The third paragraph, of middling length. " * 2, "A short line.",
               "This is the fifth paragraph; it is long too and says a lot. " * 3, "The end."]
    assert first_drift(tuple(source), tuple(change(english))) == expected


REPORT_ZH = ["杭州地铁3号线北延段今日开通 早高峰客流超预期", "本报记者 王明", "2026年6月18日",
             "6月18日上午9时，杭州地铁3号线北延段正式开通运营。该段全长12.6公里，设车站7座，总投资约98亿元。",
             "开通首日，北延段客流达到8.2万人次，比预测多出约三成。杭州市地铁集团一位负责人表示，早高峰期间部分车站一度实行限流。",
             "“以前进城要倒两趟公交，现在一趟地铁四十分钟就到了，”家住良渚的市民李女士说，“这条线真是修到了大家心坎上。”",
             "不过，也有专家提醒，北延段沿线住宅开发还在进行，客流短期内可能回落。浙江大学交通研究所一位教授认为，单看开通首日的数字来评价线路，显然过于乐观。",
             "按照规划，杭州地铁3号线北延段二期将于2028年底开工，届时线路将延伸至德清县境内。"]
REPORT_EN = ["Hangzhou Metro Line 3 northern extension opens today; morning rush-hour ridership beats forecasts",
             "By our reporter Wang Ming", "18 June 2026",
             "At 9 a.m. on 18 June, the northern extension of Hangzhou Metro Line 3 opened to passengers. "
             "The section is 12.6 kilometres long, has seven stations and cost about 9.8 billion yuan in all.",
             "On its first day the extension carried 82,000 passenger trips, about 30 per cent more than forecast. "
             "A manager at the Hangzhou Metro Group said that some stations limited entry for a time during the morning rush.",
             "\"I used to change buses twice to get into town; now one metro ride takes forty minutes,\" said Ms Li, "
             "who lives in Liangzhu. \"This line really was built where people needed it.\"",
             "Some experts warn, however, that housing along the extension is still being built and ridership may fall "
             "back in the short term. A professor at Zhejiang University's transport institute said that judging the line "
             "by its opening-day figure alone is clearly too optimistic.",
             "Under the plan, work on the second phase of the northern extension will begin at the end of 2028, "
             "taking the line into Deqing County."]


@pytest.mark.parametrize("missing", [4, 5, 6, 7, 8])
def test_drift_names_the_missing_paragraph_among_others_of_like_length(missing):
    """A news report: short headline, byline and date, then long paragraphs of about the
    same length. One missing makes every other paragraph a larger share of the whole; the
    pairing allows for that and names the missing one, not one two paragraphs before it."""
    english = REPORT_EN[:missing - 1] + REPORT_EN[missing:]
    assert first_drift(tuple(REPORT_ZH), tuple(english)) == missing


def echo_article(job) -> bytes:
    """A writer for the build test: what a job's language is shown of the article."""
    return json.dumps(job.article.paragraphs_for(job.lang), ensure_ascii=False).encode()


VERSION = "1"
render = echo_article


def test_build_hands_writers_the_article_and_rebuilds_when_a_translation_changes(tmp_path, monkeypatch):
    lesson_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    spec = writers.WriterSpec("article", "article.json", __name__, "the article as a job sees it")
    monkeypatch.setattr(writers, "WRITERS", {"article": spec})
    options = BuildOptions(out_dir=Path("out"), jobs=1)

    def rebuilt() -> list[str]:
        report = build([Path("o.yaml")], options)
        assert report.ok, report.failed
        return sorted(p.name for p in report.written)

    assert rebuilt() == ["library-hours-en-article.json", "library-hours-zh-article.json"]
    shown = json.loads(Path("out/library-hours/library-hours-en-article.json").read_text("utf-8"))
    assert shown[2] == "Last year the library welcomed 120,000 readers, 15% more than the year before."
    assert rebuilt() == []
    translation = Path(TRANSLATION)
    translation.write_text(translation.read_text("utf-8").replace("120,000", "120 000"), "utf-8")
    assert rebuilt() == ["library-hours-en-article.json"]
