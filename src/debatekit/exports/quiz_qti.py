"""Writer: the exercise as a QTI 1.2 package, the zip that Canvas and Blackboard import.

The zip holds ``imsmanifest.xml``, whose one ``imsqti_xmlv1p2`` resource points to the
assessment file ``<ident>/<ident>.xml``, in the shape Canvas itself exports: one
``multiple_choice_question`` item per question, its choices as ``response_label``s of a
single-cardinality ``response_lid``, a ``respcondition`` setting SCORE to 100 for the
outline's label and for each accepted alternative, and ``itemfeedback`` for every choice
and for the question as a whole. Question texts and feedback are HTML (escaped once as
HTML, once more as XML, as Canvas writes them); the choices are plain text.
"""

from __future__ import annotations

from html import escape as html_escape
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..files import fixed_zip
from ..job import Job
from .quiz_items import Question, Quiz, build_quiz, stem_html

VERSION = "1"

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
MD_NS = "http://www.imsglobal.org/xsd/imsmd_v1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"


def _mattext(html: str) -> str:
    return f'<material><mattext texttype="text/html">{xml_escape(html)}</mattext></material>'


def _field(label: str, entry: str) -> str:
    return (
        f"<qtimetadatafield><fieldlabel>{label}</fieldlabel>"
        f"<fieldentry>{entry}</fieldentry></qtimetadatafield>"
    )


def _condition(label: str | None, then: str, go_on: bool = True) -> str:
    """A response condition: on this choice (None: on any answer), do ``then``."""
    test = "<other/>" if label is None else f'<varequal respident="response1">{label}</varequal>'
    return (
        f'          <respcondition continue="{"Yes" if go_on else "No"}">'
        f"<conditionvar>{test}</conditionvar>{then}</respcondition>"
    )


def _show(feedback_ident: str) -> str:
    return f'<displayfeedback feedbacktype="Response" linkrefid="{feedback_ident}"/>'


def _item(quiz: Quiz, question: Question) -> list[str]:
    ident = f"{quiz.ident}-{question.ident}"
    labels = [f"{question.ident}-{i}" for i in range(1, len(question.choices) + 1)]
    choices = list(zip(labels, question.choices))
    lines = [
        f"      <item ident={quoteattr(ident)} title={quoteattr(question.name)}>",
        "        <itemmetadata><qtimetadata>"
        + _field("question_type", "multiple_choice_question")
        + _field("points_possible", "1.0")
        + "</qtimetadata></itemmetadata>",
        "        <presentation>",
        f"          {_mattext(stem_html(question))}",
        '          <response_lid ident="response1" rcardinality="Single">',
        '            <render_choice shuffle="No">',
    ]
    lines += [
        f"              <response_label ident={quoteattr(label)}><material>"
        f'<mattext texttype="text/plain">{xml_escape(choice.text)}</mattext>'
        "</material></response_label>"
        for label, choice in choices
    ]
    lines += [
        "            </render_choice>",
        "          </response_lid>",
        "        </presentation>",
        "        <resprocessing>",
        (
            '          <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" '
            'vartype="Decimal"/></outcomes>'
        ),
        _condition(None, _show("general_fb")),
    ]
    lines += [_condition(label, _show(f"{label}_fb")) for label in labels]
    lines += [
        _condition(label, f'<setvar action="Set" varname="SCORE">{c.credit}</setvar>', go_on=False)
        for label, c in choices
        if c.credit
    ]
    lines.append("        </resprocessing>")
    feedback = [("general_fb", question.feedback)]
    feedback += [(f"{label}_fb", c.feedback) for label, c in choices]
    lines += [
        f'        <itemfeedback ident="{fb}"><flow_mat>'
        f"{_mattext(html_escape(text, quote=False))}</flow_mat></itemfeedback>"
        for fb, text in feedback
    ]
    lines.append("      </item>")
    return lines


def assessment_xml(quiz: Quiz) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            f'<questestinterop xmlns="{QTI_NS}" xmlns:xsi="{XSI_NS}" '
            f'xsi:schemaLocation="{QTI_NS} {QTI_XSD}">'
        ),
        f"  <assessment ident={quoteattr(quiz.ident)} title={quoteattr(quiz.title)}>",
        "    <qtimetadata>" + _field("cc_maxattempts", "1") + "</qtimetadata>",
        '    <section ident="root_section">',
    ]
    for question in quiz.questions:
        lines += _item(quiz, question)
    lines += ["    </section>", "  </assessment>", "</questestinterop>"]
    return "\n".join(lines) + "\n"


def assessment_path(quiz: Quiz) -> str:
    return f"{quiz.ident}/{quiz.ident}.xml"


def manifest_xml(quiz: Quiz) -> str:
    identifier = quoteattr(quiz.ident + "-manifest")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<manifest identifier={identifier} xmlns="{CP_NS}" xmlns:imsmd="{MD_NS}">',
        "  <metadata>",
        "    <schema>IMS Content</schema>",
        "    <schemaversion>1.1.3</schemaversion>",
        (
            "    <imsmd:lom><imsmd:general><imsmd:title>"
            f"<imsmd:string>{xml_escape(quiz.title)}</imsmd:string>"
            "</imsmd:title></imsmd:general></imsmd:lom>"
        ),
        "  </metadata>",
        "  <organizations/>",
        "  <resources>",
        f'    <resource identifier={quoteattr(quiz.ident)} type="imsqti_xmlv1p2">',
        f"      <file href={quoteattr(assessment_path(quiz))}/>",
        "    </resource>",
        "  </resources>",
        "</manifest>",
    ]
    return "\n".join(lines) + "\n"


def render(job: Job) -> bytes:
    quiz = build_quiz(job.outline, job.lang)
    return fixed_zip(
        [
            ("imsmanifest.xml", manifest_xml(quiz).encode("utf-8")),
            (assessment_path(quiz), assessment_xml(quiz).encode("utf-8")),
        ]
    )
