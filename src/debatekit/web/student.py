"""Writer: the student's web page, ``<id>-<lang>-student.html``.

The article, the exercise as a self-check (the answer, its reason and the accepted
alternatives are shown only after the student commits an answer; progress is kept in the
browser), blank argument maps, the debate motions with their questions, discussion
questions and the glossary. No kind, status, count or balance chart of a statement is on
the page before its answer.
"""

from __future__ import annotations

from . import content, page

VERSION = "1"


def context(job) -> dict:
    outline, lang = job.outline, job.lang
    article = getattr(job, "article", None)
    items = content.exercise(outline, article, lang)
    ctx = page.common(job, "web_student")
    w = ctx["w"]
    ctx.update(
        page_class="student",
        paragraphs=content.paragraphs(article, lang),
        items=items,
        maps=content.maps(outline, lang, blank=True, prefix="s"),
        answers=content.answers_json(items),
        ui={
            "key": f"debatekit:{outline.id}:{lang}:{len(items)}",
            **{
                k: w[k]
                for k in (
                    "choose_first",
                    "answer_right",
                    "answer_accepted",
                    "answer_wrong",
                    "quiz_answer",
                    "status",
                    "why",
                    "answer_also_accepted",
                    "score",
                    "your_answer",
                    "start_again_confirm",
                )
            },
            "colon": ctx["colon"],
        },
        script=page.asset("selfcheck.js"),
    )
    sections = [("about", w["about_source"])] if ctx["source"]["perspective"] else []
    sections += [("article", w["article"])] if ctx["paragraphs"] else []
    sections += [("exercise", w["worksheet"]), ("maps", w["argument_map"])]
    sections += [("debates", w["debate"])] if ctx["debates"] else []
    sections += [("discussion", w["discussion"])] if ctx["questions"] else []
    sections += [("glossary", w["glossary"])] if ctx["glossary"] else []
    ctx["sections"] = sections
    return ctx


def render(job) -> bytes:
    return page.render("student.html.j2", context(job))
