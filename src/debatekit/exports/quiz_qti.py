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


def _mattext(html: str) -> str:
    return f'<material><mattext texttype="text/html">{xml_escape(html)}</mattext></material>'


def _field(label: str, entry: str) -> str:
    return f"<qtimetadatafield><fieldlabel>{label}</fieldlabel><fieldentry>{entry}</fieldentry></qtimetadatafield>"


def _item(quiz: Quiz, question: Question) -> list[str]:
    ident = f"{quiz.ident}-{question.ident}"
    labels = [f"{question.ident}-{i}" for i in range(1, len(question.choices) + 1)]
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
    for label, choice in zip(labels, question.choices):
        lines.append(
            f"              <response_label ident={quoteattr(label)}><material>"
            f'<mattext texttype="text/plain">{xml_escape(choice.text)}</mattext></material></response_label>'
        )
    lines += [
        "            </render_choice>",
        "          </response_lid>",
        "        </presentation>",
        "        <resprocessing>",
        '          <outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>',
        ('          <respcondition continue="Yes"><conditionvar><other/></conditionvar>'
        '<displayfeedback feedbacktype="Response" linkrefid="general_fb"/></respcondition>'),
    ]
    for label in labels:
        lines.append(
            f'          <respcondition continue="Yes"><conditionvar><varequal respident="response1">{label}</varequal>'
            f'</conditionvar><displayfeedback feedbacktype="Response" linkrefid="{label}_fb"/></respcondition>'
        )
    for label, choice in zip(labels, question.choices):
        if choice.credit:
            lines.append(
                f'          <respcondition continue="No"><conditionvar><varequal respident="response1">{label}</varequal>'
                f'</conditionvar><setvar action="Set" varname="SCORE">{choice.credit}</setvar></respcondition>'
            )
    lines.append("        </resprocessing>")
    feedback = [("general_fb", question.feedback)] + [(f"{label}_fb", c.feedback) for label, c in zip(labels, question.choices)]
    for ident_fb, text in feedback:
        lines.append(
            f'        <itemfeedback ident="{ident_fb}"><flow_mat>{_mattext(html_escape(text, quote=False))}</flow_mat></itemfeedback>'
        )
    lines.append("      </item>")
    return lines


def assessment_xml(quiz: Quiz) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (f'<questestinterop xmlns="{QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">'),
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
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<manifest identifier={quoteattr(quiz.ident + "-manifest")} xmlns="{CP_NS}" xmlns:imsmd="{MD_NS}">',
        "  <metadata>",
        "    <schema>IMS Content</schema>",
        "    <schemaversion>1.1.3</schemaversion>",
        ("    <imsmd:lom><imsmd:general><imsmd:title>"
        f"<imsmd:string>{xml_escape(quiz.title)}</imsmd:string></imsmd:title></imsmd:general></imsmd:lom>"),
        "  </metadata>",
        "  <organizations/>",
        "  <resources>",
        f'    <resource identifier={quoteattr(quiz.ident)} type="imsqti_xmlv1p2">',
        f"      <file href={quoteattr(assessment_path(quiz))}/>",
        "    </resource>",
        "  </resources>",
        "</manifest>",
    ]) + "\n"


def render(job: Job) -> bytes:
    quiz = build_quiz(job.outline, job.lang)
    return fixed_zip([
        ("imsmanifest.xml", manifest_xml(quiz).encode("utf-8")),
        (assessment_path(quiz), assessment_xml(quiz).encode("utf-8")),
    ])
