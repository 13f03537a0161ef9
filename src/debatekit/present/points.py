"""What a debate point shows, resolved once for every debate writer.

A point is either a claim taken from the article (kind, status, quote and check sources
carry over from the claim) or the teacher's own (kind, status and sources given on the
point). Writers never look up claims themselves, so Markdown and cards cannot disagree
about what a point is.
"""

from __future__ import annotations

import re
from typing import Mapping, NamedTuple, Optional

from ..model import KINDS, Debate, DebatePoint, Outline

SIDES = ("pro", "con")

# A URL inside a free-text source string; trailing punctuation belongs to the sentence.
_URL = re.compile(r"https?://[^\s<>\"]+")
_TRAILING = ".,;:!?)]}'\u3002\uff0c\uff1b\uff1a\uff01\uff1f\uff09\u3001"


class Source(NamedTuple):
    """A source string split around the first URL it contains (url is None without one)."""

    text: str
    url: Optional[str] = None
    before: str = ""
    after: str = ""

    @property
    def gap(self) -> str:
        """What goes between the link and ``after``: "https://x.org." keeps its full stop
        against the link, words get a space."""
        return "" if self.after[:1] in tuple(".,;:!?)]}") else " "


class ShownPoint(NamedTuple):
    kind: str                    # fact | opinion | prediction
    status: Optional[str]        # facts only: stated | verified | disputed | misleading | false
    text: str                    # the point in the output language (the claim's paraphrase)
    use: Optional[str]           # how this side uses an article claim
    quote: Optional[str]         # verbatim, in the source language
    speaker: Optional[str]       # who says the quote
    sources: tuple[Source, ...]
    from_article: bool
    claim_id: Optional[str] = None


class ShownDebate(NamedTuple):
    id: str
    number: int
    motion: str
    context: Optional[str]
    pro: tuple[ShownPoint, ...]
    con: tuple[ShownPoint, ...]
    questions: tuple[str, ...]

    def side(self, name: str) -> tuple[ShownPoint, ...]:
        return self.pro if name == "pro" else self.con

    def counts(self, name: str) -> Mapping[str, int]:
        points = self.side(name)
        return {kind: sum(1 for p in points if p.kind == kind) for kind in KINDS}


def one_line(text: str) -> str:
    """User text with every run of white space (newlines included) made one space."""
    return " ".join(text.split())


def split_source(text: str) -> Source:
    text = one_line(text)
    found = _URL.search(text)
    if not found:
        return Source(text)
    url = found.group(0).rstrip(_TRAILING)
    # keep a closing bracket that has its opening one inside the URL (Wikipedia-style)
    while found.group(0)[len(url):len(url) + 1] == ")" and url.count("(") > url.count(")"):
        url += ")"
    start = found.start()
    end = start + len(url)
    before = text[:start].rstrip(" ,;:\u3001\uff0c-\u2013\u2014")
    return Source(text, url, before, text[end:].strip())


def resolve_point(outline: Outline, point: DebatePoint, lang: str) -> ShownPoint:
    if point.claim is not None:
        claim = outline.claim(point.claim)
        sources = claim.check.sources if claim.check else ()
        speaker = claim.speaker[lang] if claim.speaker else None
        return ShownPoint(
            kind=claim.kind,
            status=claim.fact_status,
            text=one_line(claim.text[lang]),
            use=one_line(point.use[lang]) if point.use else None,
            quote=one_line(claim.quote) if claim.quote else None,
            speaker=one_line(speaker) if speaker else None,
            sources=tuple(split_source(s) for s in sources),
            from_article=True,
            claim_id=claim.id,
        )
    kind = point.kind or "opinion"
    return ShownPoint(
        kind=kind,
        status=(point.status or "stated") if kind == "fact" else None,
        text=one_line(point.point[lang]) if point.point else "",
        use=None,
        quote=None,
        speaker=None,
        sources=tuple(split_source(s) for s in point.sources),
        from_article=False,
    )


def resolve_debate(outline: Outline, debate: Debate, number: int, lang: str) -> ShownDebate:
    return ShownDebate(
        id=debate.id,
        number=number,
        motion=one_line(debate.motion[lang]),
        context=one_line(debate.context[lang]) if debate.context else None,
        pro=tuple(resolve_point(outline, p, lang) for p in debate.pro),
        con=tuple(resolve_point(outline, p, lang) for p in debate.con),
        questions=tuple(one_line(q[lang]) for q in debate.questions),
    )


def resolve_debates(outline: Outline, lang: str) -> tuple[ShownDebate, ...]:
    return tuple(resolve_debate(outline, d, n, lang) for n, d in enumerate(outline.debates, 1))
