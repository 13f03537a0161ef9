"""Writer: the exercise as Moodle XML, Moodle's full question import.

A category question per lesson and part, then one single-answer multichoice question per
item, with feedback on every answer and general feedback. Texts are HTML (Moodle's
default format, so a teacher can edit them in the usual editor) inside CDATA sections;
the HTML escapes the claim's own ``<``, ``>`` and ``&``, and a ``]]>`` that still reached
a CDATA section would be split across two, so no text can end one early.
"""

from __future__ import annotations

from html import escape
from xml.sax.saxutils import escape as xml_escape

from ..job import Job
from .quiz_items import Question, Quiz, build_quiz, category_path, stem_html

VERSION = "1"


def cdata(html: str) -> str:
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _html(text: str) -> str:
    return escape(text, quote=False)


def _text(tag: str, html: str, indent: str) -> str:
    return f'{indent}<{tag} format="html"><text>{cdata(html)}</text></{tag}>'


def _question(question: Question) -> list[str]:
    lines = [
        '  <question type="multichoice">',
        f"    <name><text>{xml_escape(question.name)}</text></name>",
        _text("questiontext", stem_html(question), "    "),
        _text("generalfeedback", _html(question.feedback), "    "),
        "    <defaultgrade>1</defaultgrade>",
        "    <penalty>0.3333333</penalty>",
        "    <hidden>0</hidden>",
        "    <single>true</single>",
        "    <shuffleanswers>false</shuffleanswers>",
        "    <answernumbering>none</answernumbering>",
        "    <showstandardinstruction>0</showstandardinstruction>",
    ]
    for choice in question.choices:
        lines += [
            f'    <answer fraction="{choice.credit}" format="html">',
            f"      <text>{cdata(_html(choice.text))}</text>",
            _text("feedback", _html(choice.feedback), "      "),
            "    </answer>",
        ]
    lines.append("  </question>")
    return lines


def moodle_xml(quiz: Quiz) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for category in quiz.categories:
        lines += [
            '  <question type="category">',
            (
                f"    <category><text>{xml_escape(category_path(quiz, category.name))}</text>"
                "</category>"
            ),
            "  </question>",
        ]
        for question in category.questions:
            lines += _question(question)
    lines.append("</quiz>")
    return "\n".join(lines) + "\n"


def render(job: Job) -> bytes:
    return moodle_xml(build_quiz(job.outline, job.lang)).encode("utf-8")
