"""Writer: the teacher's web page, ``<id>-<lang>-teacher.html``.

Everything the answer key holds: the lesson plan, the exercise answers with reasons,
signal words, accepted alternatives and checks, the other statements' answers, the
labelled maps, the figures and the balance chart, and the debates with each point's kind.
"""

from __future__ import annotations

from ..language import profile
from ..present.lessonplan import plan as lesson_plan
from . import content, page

VERSION = "1"


def context(job) -> dict:
    outline, lang = job.outline, job.lang
    article = getattr(job, "article", None)
    ctx = page.common(job, "web_teacher")
    w = ctx["w"]
    plan = lesson_plan(outline)
    lesson = outline.lesson
    facts = []
    if lesson and lesson.level:
        facts.append(f"{w['level']}{ctx['colon']}{lesson.level[lang]}")
    facts.append(w["minutes"].format(n=sum(p.minutes for p in plan)))
    balance, prompt = content.balance_chart(outline, lang)
    ctx.update(
        page_class="teacher",
        plan=plan,
        plan_total=sum(p.minutes for p in plan),
        lesson_facts=" · ".join(facts),
        objectives=tuple(o[lang] for o in lesson.objectives) if lesson else (),
        thesis=outline.thesis[lang],
        items=content.exercise(outline, article, lang),
        others=content.extension(outline, article, lang),
        maps=content.maps(outline, lang, blank=False, prefix="t"),
        figures=content.figures(outline, lang),
        balance=balance,
        balance_prompt=prompt,
        signal_sep=profile(outline.source.language).list_separator,
    )
    sections = [
        ("plan", w["lesson_plan"]),
        ("about", w["about_source"]),
        ("answers", w["exercise_answers"]),
    ]
    sections += [("extension", w["extension"])] if ctx["others"] else []
    sections += [("maps", w["argument_map"])]
    sections += [("figures", w["figures"])] if ctx["figures"] else []
    sections += [("balance", balance.title)]
    sections += [("debates", w["debate"])] if ctx["debates"] else []
    sections += [("discussion", w["discussion"])] if ctx["questions"] else []
    sections += [("glossary", w["glossary"])] if ctx["glossary"] else []
    ctx["sections"] = sections
    return ctx


def render(job) -> bytes:
    return page.render("teacher.html.j2", context(job))
