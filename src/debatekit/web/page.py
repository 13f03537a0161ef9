"""The Jinja2 environment and what both web pages share: header, source, debates, glossary.

Autoescaping is on for every template, so outline text is never read as markup; only the
SVG drawings and the inline style sheet and script enter as ``Markup``, and the drawings
escape every text they hold.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..labels import labels_for as label_words
from ..language import profile
from ..looks import ACCENT, INK, KIND_LOOK, MUTED, PAPER, STATUS_LOOK
from ..model import KINDS
from ..present.figures import cited_title
from ..present.points import SIDES, resolve_debates
from .content import Mark, Passage, kind_mark, passage, status_mark

# The page's own colours beside the kit's (kinds.py); the contrast test checks every pair
# the style sheet sets.
WEB_COLOURS = {
    "ink": INK,
    "muted": MUTED,
    "accent": ACCENT,
    "paper": PAPER,
    "rule": "767676",  # borders of controls and boxes: 3:1 on white
    "soft": "F3F3F3",  # panels behind text (contents, quotes)
    "mark": "FFF3A8",  # signal words marked in a quote
    "hover": "163A5A",  # a button under the pointer
    "right": STATUS_LOOK["verified"].colour,
    "wrong": STATUS_LOOK["false"].colour,
}


def palette() -> dict[str, str]:
    """Every colour the style sheet uses, by custom property name."""
    colours = dict(WEB_COLOURS)
    for kind, look in KIND_LOOK.items():
        colours[kind] = look.colour
        colours[f"{kind}-tint"] = look.tint
    for status, look in STATUS_LOOK.items():
        colours[f"status-{status}"] = look.colour
    return colours


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("debatekit.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@functools.cache
def asset(name: str) -> Markup:
    """An inline style sheet or script, as written (no template syntax is read in it)."""
    return Markup(resources.files("debatekit.web").joinpath("templates", name).read_text("utf-8"))


@dataclass(frozen=True)
class KindKey:
    kind: str
    mark: Mark
    test: str


@dataclass(frozen=True)
class GlossaryView:
    term: str
    original: str | None
    definition: str


@dataclass(frozen=True)
class PointView:
    mark: Mark
    status: Mark | None
    text: str
    use: str | None
    quote: str | None
    speaker: str | None
    sources: tuple[Passage, ...]
    claim_number: int | None


@dataclass(frozen=True)
class DebateView:
    number: int
    motion: str
    context: str | None
    questions: tuple[str, ...]
    pro: tuple[PointView, ...]
    con: tuple[PointView, ...]

    def side(self, name: str) -> tuple[PointView, ...]:
        return self.pro if name == "pro" else self.con


def _point(outline, w, lang: str, p) -> PointView:
    return PointView(
        kind_mark(w, p.kind),
        status_mark(w, p.status),
        p.text,
        p.use,
        p.quote,
        p.speaker,
        tuple(passage(outline, s.text, lang) for s in p.sources),
        outline.claim_number(p.claim_id) if p.claim_id else None,
    )


def debates(outline, lang: str, w) -> tuple[DebateView, ...]:
    return tuple(
        DebateView(
            d.number,
            d.motion,
            d.context,
            d.questions,
            tuple(_point(outline, w, lang, p) for p in d.side("pro")),
            tuple(_point(outline, w, lang, p) for p in d.side("con")),
        )
        for d in resolve_debates(outline, lang)
    )


def glossary(outline, lang: str) -> tuple[GlossaryView, ...]:
    source_lang = outline.source.language
    out = []
    for g in outline.glossary:
        term = g.term[lang]
        original = g.term.get(source_lang) if lang != source_lang else None
        out.append(
            GlossaryView(
                term, original if original and original != term else None, g.definition[lang]
            )
        )
    return tuple(out)


def common(job, page_title_key: str) -> dict:
    """The context both templates use."""
    outline, lang = job.outline, job.lang
    w = label_words(outline, lang)
    look = profile(lang)
    source = outline.source
    return {
        "lang": lang,
        "w": w,
        "colon": look.colon,
        "dir": "rtl" if look.rtl else "ltr",
        "page_title": w[page_title_key],
        "title": outline.title[lang],
        "subtitle": outline.subtitle[lang] if outline.subtitle else None,
        "source": {
            "language": source.language,
            "publisher": source.publisher,
            "published": source.published,
            "accessed": source.accessed,
            "url": source.url,
            "perspective": source.perspective[lang] if source.perspective else None,
        },
        "cited_title": cited_title(source.title, source.language),
        "kinds": tuple(KindKey(k, kind_mark(w, k), w[k + "_test"]) for k in KINDS),
        "debates": debates(outline, lang, w),
        "sides": SIDES,
        "questions": tuple(q[lang] for q in outline.questions),
        "glossary": glossary(outline, lang),
        "css": asset("page.css"),
        "palette": palette(),
        "statuses": tuple(STATUS_LOOK),
    }


def render(template: str, context: dict) -> bytes:
    html = environment().get_template(template).render(**context)
    return html.encode("utf-8")
