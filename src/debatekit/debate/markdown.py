"""Writer: the debate prompts as CommonMark, to paste into a course page.

Every point is one list item whose first line names its kind in words (with the kind's
symbol beside the word, never instead of it) and, for a fact, its status; a quote from
the article follows as a block quote in the source language, sources as links.
"""

from __future__ import annotations

from typing import Mapping

from ..job import Job
from ..labels import labels_for
from ..language import profile
from ..looks import KIND_LOOK, STATUS_LOOK
from ..model import KINDS, STATUSES
from ..present.points import SIDES, ShownDebate, ShownPoint, Source, resolve_debates
from .mdtext import inline, leading, source_link

VERSION = "1"

_INDENT = "   "  # continuation lines of an ordered list item "1. "


class _Prompts:
    def __init__(self, job: Job):
        self.outline = job.outline
        self.lang = job.lang
        self.w: Mapping[str, str] = labels_for(job.outline, job.lang)
        self.colon = profile(job.lang).colon
        self.parens = profile(job.lang).parens
        self.lines: list[str] = []

    def block(self, *lines: str) -> None:
        """Blocks are separated by one blank line, so no block runs into the next."""
        if self.lines:
            self.lines.append("")
        self.lines.extend(lines)

    def label(self, key: str) -> str:
        return inline(self.w[key])

    # -- the document --------------------------------------------------------------

    def render(self) -> str:
        title = inline(self.outline.title[self.lang])
        self.block(f"# {self.label('debate_prompts')}{self.colon}{title}")
        self.block(self.based_on())
        self.key()
        for debate in resolve_debates(self.outline, self.lang):
            self.motion(debate)
        return "\n".join(self.lines) + "\n"

    def based_on(self) -> str:
        source = self.outline.source
        title = inline(source.title)
        if source.url:
            title = source_link(Source(source.title, source.url, source.title))
        details = ", ".join(inline(v) for v in (source.publisher, source.published) if v)
        opening, closing = self.parens
        return f"*{self.label('based_on')}*{self.colon}{title}{opening}{details}{closing}"

    def key(self) -> None:
        self.block(f"## {self.label('kinds_key')}")
        self.block(
            *(f"- {self.kind_badge(kind)} — {self.label(kind + '_test')}" for kind in KINDS)
        )
        statuses = " · ".join(f"{STATUS_LOOK[s].symbol} {self.label(s)}" for s in STATUSES)
        lead = self.label("status_key")
        self.block(f"{lead}{'' if lead.endswith('：') else ' '}{statuses}")

    def motion(self, debate: ShownDebate) -> None:
        number = inline(self.w["motion_number"].format(n=debate.number))
        self.block(f"## {number}{self.colon}{inline(debate.motion)}")
        if debate.context:
            self.block(f"**{self.label('context')}**{self.colon}{inline(debate.context)}")
        for side in SIDES:
            self.block(f"### {self.label(side)}")
            for n, point in enumerate(debate.side(side), 1):
                self.point(n, point)
        if debate.questions:
            self.block(f"### {self.label('debate_questions')}")
            self.block(*(f"{n}. {leading(q)}" for n, q in enumerate(debate.questions, 1)))

    # -- one point -----------------------------------------------------------------

    def kind_badge(self, kind: str) -> str:
        return f"**{self.label(kind)}** {KIND_LOOK[kind].symbol}"

    def point(self, number: int, point: ShownPoint) -> None:
        head = self.kind_badge(point.kind)
        if point.status:
            opening, closing = self.parens
            head += (
                f"{opening}{STATUS_LOOK[point.status].symbol} *{self.label(point.status)}*{closing}"
            )
        line = f"{number}. {head} — {inline(point.text)}"
        if point.use:
            line += f" — *{self.label('how_used')}*{self.colon}{inline(point.use)}"
        if not point.from_article:
            opening, closing = self.parens
            line += f"{opening}*{self.label('own_point')}*{closing}"
        self.block(line)
        if point.quote:
            speaker = point.speaker or self.w["the_author"]
            by = inline(self.w["quote_by"].format(speaker=speaker))
            meaning = self.quote_meaning(point)
            lines = [f"{_INDENT}> {leading(point.quote)}", f"{_INDENT}>"]
            if meaning:
                # as on the cards: a student of another language reads the quote's own translation
                lines += [f"{_INDENT}> {leading(meaning)}", f"{_INDENT}>"]
            self.block(*lines, f"{_INDENT}> — {by}")
        if point.sources:
            links = "; ".join(source_link(s) for s in point.sources)
            self.block(f"{_INDENT}*{self.label('sources')}*{self.colon}{links}")


    def quote_meaning(self, point: ShownPoint) -> str | None:
        """The quote's own translation into this language, when the article is in another."""
        if not point.claim_id or self.lang == self.outline.source.language:
            return None
        return self.outline.claim(point.claim_id).quote_translation.get(self.lang)


def render_text(job: Job) -> str:
    return _Prompts(job).render()


def render(job: Job) -> bytes:
    return render_text(job).encode("utf-8")
