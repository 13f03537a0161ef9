"""Writer: the exercise as a GIFT quiz, Moodle's plain-text question import.

One ``$CATEGORY:`` per lesson and part (kinds, then statuses), each question named
(``::name::``) and written in ``[html]`` so every platform shows the text as it is:
HTML's own special characters become entities, then GIFT's (``~ = # { } :`` and the
backslash) are escaped with a backslash. An accepted alternative is a ``~%100%`` answer
with its own feedback; ``####`` carries the feedback shown after any answer.
"""

from __future__ import annotations

from html import escape

from ..job import Job
from .quiz_items import Question, Quiz, build_quiz, category_path, stem_html

VERSION = "1"

_GIFT_SPECIAL = str.maketrans({c: "\\" + c for c in "\\~=#{}:"})


def gift_text(text: str) -> str:
    """A plain text as GIFT ``[html]`` text that Moodle shows exactly as given."""
    return escape(text, quote=False).translate(_GIFT_SPECIAL)


def _question(question: Question) -> list[str]:
    stem = stem_html(question).translate(_GIFT_SPECIAL)
    lines = [f"::{question.name.translate(_GIFT_SPECIAL)}::[html]{stem} {{"]
    for choice in question.choices:
        if choice.answer:
            mark = "="
        elif choice.credit:
            mark = f"~%{choice.credit}%"
        else:
            mark = "~"
        lines.append(f"\t{mark}{gift_text(choice.text)}#{gift_text(choice.feedback)}")
    lines.append(f"\t####{gift_text(question.feedback)}")
    lines.append("}")
    return lines


def gift(quiz: Quiz) -> str:
    blocks = []
    for category in quiz.categories:
        # the category line is read to its end, unescaped: only a line break could break it
        blocks.append([f"$CATEGORY: {category_path(quiz, category.name)}"])
        blocks.extend(_question(question) for question in category.questions)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def render(job: Job) -> bytes:
    return gift(build_quiz(job.outline, job.lang)).encode("utf-8")
