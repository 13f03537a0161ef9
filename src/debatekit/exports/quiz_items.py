"""The exercise as a list of quiz questions, independent of any quiz format.

Each statement the class classifies becomes one multiple-choice question on its kind,
with the outline's reason (``why``) as feedback; a kind the outline accepts as well
(``accept``) earns full credit too, with its own reason as feedback, because the outline
says a teacher should accept it. Every fact whose status the outline checked (verified,
disputed, misleading, false) gets a second question on that status, with the check note
as feedback. The status questions come after all kind questions, in a category of their
own: a status question tells that its statement is a fact, so a quiz that draws the kind
questions first gives nothing away.

Which statements: ``lesson.exercise`` (or its documented default pick); with
``style.quiz: all``, every claim in outline order. Statements are numbered 1, 2, ... in
the quiz's order, as the worksheet and the deck number the exercise, with their number on
the maps beside it (``#12``); never by their id.

Texts come out as plain strings (no markup, whitespace runs and line breaks folded to
one space); each format escapes them its own way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from ..labels import labels_for
from ..language import profile
from ..model import CHECKED_STATUSES, KINDS, Claim, Outline
from . import plain

FULL_CREDIT = 100  # percent; an accepted alternative earns this too


@dataclass(frozen=True)
class Choice:
    text: str
    credit: int  # percent of the question's mark
    feedback: str
    answer: bool = False  # the outline's own label (an accepted alternative has credit too)


@dataclass(frozen=True)
class Question:
    ident: str  # stable and unique within the quiz, e.g. "s12-kind"; never shown
    name: str  # the question bank's name, with the statement's number
    prompt: str  # what the student is asked
    statement: str  # the statement, in the quiz's language
    choices: tuple[Choice, ...]
    feedback: str  # shown after any answer: the answer and why

    @property
    def correct(self) -> tuple[Choice, ...]:
        return tuple(choice for choice in self.choices if choice.credit == FULL_CREDIT)


@dataclass(frozen=True)
class Category:
    name: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Quiz:
    ident: str  # e.g. "tiktok-us-deal-en-quiz"
    title: str  # the outline's title in the quiz's language
    lang: str
    categories: tuple[Category, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for category in self.categories for q in category.questions)


def category_path(quiz: Quiz, name: str) -> str:
    """Moodle's category path: a slash inside a name is written twice."""
    parts = (quiz.title, name)
    return "$course$/top/" + "/".join(part.replace("/", "//") for part in parts)


def stem_html(question: Question) -> str:
    """The question as every platform shows it: the prompt, then the statement (HTML)."""
    prompt, statement = (
        escape(text, quote=False) for text in (question.prompt, question.statement)
    )
    return f"<p>{prompt}</p><p>{statement}</p>"


def quiz_claims(outline: Outline) -> tuple[Claim, ...]:
    if outline.style.quiz == "all":
        return outline.claims
    return outline.exercise_claims


def build_quiz(outline: Outline, lang: str) -> Quiz:
    labels = labels_for(outline, lang)
    claims = quiz_claims(outline)
    # statements are numbered 1, 2, ... in the quiz's order, as the worksheet and the deck
    # number the exercise; the claim's number on the maps follows as #n
    numbered = list(enumerate(claims, 1))
    kinds = tuple(_kind_question(outline, labels, lang, c, n, n) for n, c in numbered)
    checked = [
        (n, c)
        for n, c in numbered
        if c.kind == "fact" and c.fact_status in CHECKED_STATUSES and c.check
    ]
    statuses = tuple(
        _status_question(outline, labels, lang, c, n, position)
        for position, (n, c) in enumerate(checked, len(kinds) + 1)
    )
    categories = [Category(plain(labels["quiz_kinds"]), kinds)]
    if statuses:
        categories.append(Category(plain(labels["quiz_statuses"]), statuses))
    return Quiz(f"{outline.id}-{lang}-quiz", plain(outline.title[lang]), lang, tuple(categories))


def _join(lang: str, *sentences: str) -> str:
    # sentences of a language written without spaces between words follow each other directly
    gap = " " if profile(lang).spaced else ""
    return gap.join(s for s in sentences if s)


def _name(labels: Mapping[str, str], key: str, position: int, statement: int, ref: int) -> str:
    # the question's position first, so a question bank sorted by name keeps the quiz's order
    return plain(f"{position:02d} {labels[key].format(n=statement, ref=ref)}")


def _kind_question(
    outline: Outline,
    labels: Mapping[str, str],
    lang: str,
    claim: Claim,
    statement: int,
    position: int,
) -> Question:
    number = outline.claim_number(claim.id)
    reason = plain(claim.why[lang]) if claim.why else plain(labels[f"{claim.kind}_test"])
    answer = plain(labels["quiz_answer_is"].format(label=labels[claim.kind]))
    accepted = {a.kind: plain(a.why[lang]) for a in claim.accept if a.kind != claim.kind}
    choices = []
    for kind in KINDS:
        if kind == claim.kind:
            choices.append(Choice(plain(labels[kind]), FULL_CREDIT, reason, answer=True))
        elif kind in accepted:
            choices.append(Choice(plain(labels[kind]), FULL_CREDIT, accepted[kind]))
        else:
            choices.append(Choice(plain(labels[kind]), 0, _join(lang, answer, reason)))
    also = [
        _join(lang, plain(labels["quiz_also_accepted"].format(label=labels[kind])), why)
        for kind, why in accepted.items()
    ]
    return Question(
        ident=f"s{number}-kind",
        name=_name(labels, "quiz_kind_name", position, statement, number),
        prompt=plain(labels["quiz"]),
        statement=plain(claim.text[lang]),
        choices=tuple(choices),
        feedback=_join(lang, answer, reason, *also),
    )


def _status_question(
    outline: Outline,
    labels: Mapping[str, str],
    lang: str,
    claim: Claim,
    statement: int,
    position: int,
) -> Question:
    number = outline.claim_number(claim.id)
    check = claim.check
    assert check is not None
    note = plain(check.note[lang])
    status = claim.fact_status
    answer = plain(labels["quiz_answer_is"].format(label=labels[status]))
    sources = plain(profile(lang).labelled(labels["sources"], "; ".join(check.sources)))
    choices = tuple(
        Choice(
            plain(labels[s]),
            FULL_CREDIT if s == status else 0,
            note if s == status else _join(lang, answer, note),
            s == status,
        )
        for s in CHECKED_STATUSES
    )
    return Question(
        ident=f"s{number}-status",
        name=_name(labels, "quiz_status_name", position, statement, number),
        prompt=plain(labels["quiz_status"]),
        statement=plain(claim.text[lang]),
        choices=choices,
        feedback=_join(lang, answer, note, sources),
    )
