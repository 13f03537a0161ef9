"""The quiz exports read back by real consumers: gift-pegjs for GIFT, lxml for Moodle XML
and for the QTI 1.2 package's structure as Canvas exports it. No QTI 1.2 reader on PyPI
works here: qti2txt needs Python 3.13, qti2latex needs pandoc, and qti-package-maker
writes Canvas packages but raises NotImplementedError when asked to read one.

Every question, answer, credit and feedback must come back exactly, for the flagship and
for an outline of texts full of each format's special characters.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from debatekit.exports import quiz_gift, quiz_moodle, quiz_qti
from debatekit.exports.quiz_items import (
    FULL_CREDIT,
    build_quiz,
    category_path,
    stem_html,
)
from debatekit.job import Job
from debatekit.labels import labels_for
from debatekit.reader import read_outline
from support import DATA
from debatekit.model import CHECKED_STATUSES

JS = Path(__file__).resolve().parent / "js"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


@pytest.fixture(scope="module", params=["flagship", "hard", "lesson"])
def outline(request, flagship, exports_hard):
    # the lesson outline: accepted labels, a misleading figure, a quote's own translation
    others = {"hard": lambda: exports_hard, "lesson": lambda: read_outline(DATA / "lesson.yaml").outline}
    return flagship.outline if request.param == "flagship" else others[request.param]()


def gift_pegjs(paths: list[Path]) -> dict:
    if shutil.which("node") is None or not (JS / "node_modules" / "gift-pegjs").is_dir():
        pytest.skip("needs node and gift-pegjs (npm ci in tests/js)")
    done = subprocess.run(
        ["node", str(JS / "parse_gift.js"), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def test_gift_read_back_by_gift_pegjs(outline, tmp_path):
    files = {}
    for lang in outline.languages:
        files[lang] = tmp_path / f"{lang}.gift.txt"
        files[lang].write_bytes(quiz_gift.render(Job(outline, lang)))
    parsed = gift_pegjs(list(files.values()))
    for lang, path in files.items():
        quiz = build_quiz(outline, lang)
        read = parsed[str(path)]
        categories = [q["title"] for q in read if q["type"] == "Category"]
        assert categories == [category_path(quiz, c.name) for c in quiz.categories]
        questions = [q for q in read if q["type"] != "Category"]
        assert len(questions) == len(quiz.questions)
        for want, got in zip(quiz.questions, questions):
            assert got["type"] == "MC"
            assert got["title"] == want.name
            assert got["stem"] == {"format": "html", "text": stem_html(want)}
            assert html.unescape(got["globalFeedback"]["text"]) == want.feedback
            assert [html.unescape(c["text"]["text"]) for c in got["choices"]] == [
                c.text for c in want.choices
            ]
            assert [html.unescape(c["feedback"]["text"]) for c in got["choices"]] == [
                c.feedback for c in want.choices
            ]
            # the outline's label is "=", an accepted alternative "~%100%", a wrong answer "~"
            assert [c["isCorrect"] for c in got["choices"]] == [c.answer for c in want.choices]
            assert [c["weight"] for c in got["choices"]] == [
                c.credit if c.credit and not c.answer else None for c in want.choices
            ]


def _cdata_text(element) -> str:
    return element.find("text").text


def test_moodle_xml_parsed_and_counted(outline):
    for lang in outline.languages:
        quiz = build_quiz(outline, lang)
        root = etree.fromstring(quiz_moodle.render(Job(outline, lang)))
        assert root.tag == "quiz"
        categories = root.findall("question[@type='category']")
        assert [c.findtext("category/text") for c in categories] == [
            category_path(quiz, c.name) for c in quiz.categories
        ]
        questions = root.findall("question[@type='multichoice']")
        assert len(questions) == len(quiz.questions) == len(root) - len(categories)
        for want, got in zip(quiz.questions, questions):
            assert got.findtext("name/text") == want.name
            assert _cdata_text(got.find("questiontext")) == stem_html(want)
            assert html.unescape(_cdata_text(got.find("generalfeedback"))) == want.feedback
            assert got.findtext("single") == "true"
            answers = got.findall("answer")
            assert [int(a.get("fraction")) for a in answers] == [c.credit for c in want.choices]
            assert [html.unescape(a.findtext("text")) for a in answers] == [
                c.text for c in want.choices
            ]
            assert [html.unescape(_cdata_text(a.find("feedback"))) for a in answers] == [
                c.feedback for c in want.choices
            ]


def test_qti_package_has_the_qti_1_2_structure(outline):
    for lang in outline.languages:
        quiz = build_quiz(outline, lang)
        package = zipfile.ZipFile(io.BytesIO(quiz_qti.render(Job(outline, lang))))
        assert package.testzip() is None
        manifest = etree.fromstring(package.read("imsmanifest.xml"))
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        assert [r.get("type") for r in resources] == ["imsqti_xmlv1p2"]
        href = resources[0].find(f"{CP}file").get("href")
        assert sorted(package.namelist()) == sorted(["imsmanifest.xml", href])
        root = etree.fromstring(package.read(href))
        assert root.tag == f"{QTI}questestinterop"
        assessment = root.find(f"{QTI}assessment")
        assert assessment.get("title") == quiz.title
        items = assessment.findall(f"{QTI}section/{QTI}item")
        assert len(items) == len(quiz.questions)
        for want, item in zip(quiz.questions, items):
            assert item.get("title") == want.name
            fields = {
                f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                for f in item.iter(f"{QTI}qtimetadatafield")
            }
            assert fields["question_type"] == "multiple_choice_question"
            assert item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext") == stem_html(want)
            lid = item.find(f"{QTI}presentation/{QTI}response_lid")
            assert lid.get("rcardinality") == "Single"
            labels = lid.findall(f"{QTI}render_choice/{QTI}response_label")
            assert [lab.findtext(f"{QTI}material/{QTI}mattext") for lab in labels] == [
                c.text for c in want.choices
            ]
            idents = [lab.get("ident") for lab in labels]
            scored = {
                cond.findtext(f"{QTI}conditionvar/{QTI}varequal"): int(
                    cond.findtext(f"{QTI}setvar")
                )
                for cond in item.iter(f"{QTI}respcondition")
                if cond.find(f"{QTI}setvar") is not None
            }
            assert scored == {i: c.credit for i, c in zip(idents, want.choices) if c.credit}
            assert set(scored) <= set(idents) and any(v == 100 for v in scored.values())
            feedback = {
                fb.get("ident"): html.unescape(fb.findtext(f".//{QTI}mattext"))
                for fb in item.findall(f"{QTI}itemfeedback")
            }
            assert feedback == {
                "general_fb": want.feedback,
                **{f"{i}_fb": c.feedback for i, c in zip(idents, want.choices)},
            }
            shown = {
                cond.find(f"{QTI}displayfeedback").get("linkrefid")
                for cond in item.iter(f"{QTI}respcondition")
                if cond.find(f"{QTI}displayfeedback") is not None
            }
            assert shown == set(feedback)


def test_questions_cover_the_exercise_and_the_checked_facts(outline):
    for lang in outline.languages:
        quiz = build_quiz(outline, lang)
        exercise = outline.exercise_claims
        checked = [c for c in exercise if c.kind == "fact" and c.fact_status in CHECKED_STATUSES]
        assert [q.ident for q in quiz.questions] == (
            [f"s{outline.claim_number(c.id)}-kind" for c in exercise]
            + [f"s{outline.claim_number(c.id)}-status" for c in checked]
        )
        for claim, question in zip(exercise, quiz.questions):
            assert question.statement == " ".join(claim.text[lang].split())
            answer = next(c for c in question.choices if c.answer)
            assert (
                answer.credit == FULL_CREDIT
                and answer.text
                == question.choices[["fact", "opinion", "prediction"].index(claim.kind)].text
            )
            accepted = {a.kind for a in claim.accept}
            credited = {
                k for k, c in zip(("fact", "opinion", "prediction"), question.choices) if c.credit
            }
            assert credited == {claim.kind} | accepted


def test_accepted_alternative_earns_credit_with_its_own_reason(exports_hard):
    quiz = build_quiz(exports_hard, "zh")
    question = next(
        q for q in quiz.questions if q.ident == f"s{exports_hard.claim_number('best-deal')}-kind"
    )
    fact, opinion, prediction = question.choices
    assert (fact.credit, opinion.credit, prediction.credit) == (100, 100, 0)
    assert opinion.answer and not fact.answer
    assert fact.feedback == "也可算事实：它报道了说过的话～＝#｛｝："
    fact_word = labels_for(exports_hard, "zh")["fact"]
    assert f"也可接受：{fact_word}。也可算事实" in question.feedback


def test_status_question_gives_the_check_note(exports_hard):
    quiz = build_quiz(exports_hard, "en")
    question = next(
        q for q in quiz.questions if q.ident == f"s{exports_hard.claim_number('chinese-quote')}-status"
    )
    assert [c.text for c in question.choices] == ["verified", "disputed", "misleading", "false"]
    right = [c for c in question.choices if c.credit]
    assert [c.text for c in right] == ["misleading"]
    assert right[0].feedback.startswith("Check note: He said: 'prices will rise' [sic]")
    assert question.feedback.endswith("Sources: 《年度报告》，2025年：第3页 ~ {附表}")


def test_style_quiz_all_asks_about_every_claim(exports_hard):
    everything = exports_hard.model_copy(update={"style": exports_hard.style.model_copy(update={"quiz": "all"})})
    kinds = [q for q in build_quiz(everything, "en").questions if q.ident.endswith("-kind")]
    assert len(kinds) == len(exports_hard.claims)


def test_no_claim_id_in_the_flagship_quizzes(flagship):
    outline = flagship.outline
    ids = [
        c.id for c in outline.claims if "-" in c.id
    ]  # single words like `tariffs` are ordinary words
    for lang in outline.languages:
        for writer in (quiz_gift, quiz_moodle):
            text = writer.render(Job(outline, lang)).decode("utf-8")
            leaked = [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
            assert leaked == []


def test_quizzes_are_byte_identical_on_a_second_render(exports_hard):
    for writer in (quiz_gift, quiz_moodle, quiz_qti):
        assert writer.render(Job(exports_hard, "zh")) == writer.render(Job(exports_hard, "zh"))


def test_cdata_sections_survive_a_closing_marker_in_the_text():
    # HTML escaping already turns `]]>` into `]]&gt;`; the split guards any text that is not escaped
    text = etree.fromstring(f"<t>{quiz_moodle.cdata('a ]]> b ]]]]> c')}</t>").text
    assert text == "a ]]> b ]]]]> c"
