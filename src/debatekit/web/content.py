"""What the web pages show, taken from the outline once: plain data for the templates.

Nothing here writes markup except ``marked`` (signal words in a quote) and the SVG
drawings, and both escape every piece of outline text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..labels import labels_for as label_words
from ..language import first_cjk, has_cjk, profile
from ..looks import KIND_LOOK, STATUS_LOOK
from ..model import KINDS, Claim, Outline
from ..present import argmap
from ..present.balance import balance
from ..present.descriptions import (
    balance_description,
    figure_description,
    map_description,
    number,
    strand_counts,
)
from ..present.figures import all_figures
from ..present.mapboxes import RELATIONS
from . import svgcharts, svgmaps

# Points. The SVG scales to the page: on a printed A4 or Letter page this width keeps the
# map's 11-point type at about 9 points.
MAP_WIDTH, MAP_HEIGHT = 640.0, 1000.0


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    lang: str
    original: str | None = None  # the source paragraph, under a translation


@dataclass(frozen=True)
class Passage:
    """A text of unknown language (a cited source) with the language it is most likely in,
    where that differs from the page's: a screen reader then reads it with the right voice."""

    text: str
    lang: str | None = None


def passage(outline: Outline, text: str, page_lang: str) -> Passage:
    """On a CJK page a citation without any CJK character is taken to be in the outline's
    first other language (the sources of a Chinese article taught in English are mostly
    English); on any other page a citation mostly in CJK characters, in the first CJK
    language. A citation in English with a Chinese title in it stays unmarked."""
    cjk_page = profile(page_lang).cjk
    if cjk_page and not has_cjk(text):
        other = next((lang for lang in outline.languages if not profile(lang).cjk), None)
        return Passage(text, other)
    letters = [ch for ch in text if ch.isalpha()]
    cjk_letters = [ch for ch in letters if has_cjk(ch)]
    if not cjk_page and len(cjk_letters) * 2 > len(letters):
        return Passage(text, first_cjk((outline.source.language, *outline.languages)))
    return Passage(text)


@dataclass(frozen=True)
class Mark:
    """A kind or status as the teacher sees it: the kind's shape (css class), symbol and word."""

    css: str
    symbol: str
    word: str


@dataclass(frozen=True)
class Alternative:
    kind: str
    mark: Mark
    why: str


@dataclass(frozen=True)
class Item:
    number: int  # position in the exercise
    claim_number: int  # the claim's number in the outline (#n on the maps)
    text: str
    quote: str | None
    quote_marked: Markup | None  # the quote with its signal words marked
    quote_translation: str | None
    speaker: str | None
    paragraph: int | None
    paragraph_translation: str | None  # where the quote has no translation of its own
    kind: str
    kind_mark: Mark
    status_mark: Mark | None
    why: str | None
    accept: tuple[Alternative, ...]
    signals: tuple[str, ...]
    check_note: str | None
    check_sources: tuple[Passage, ...]
    notes: str | None


@dataclass(frozen=True)
class ListNode:
    text: str
    mark: Mark | None = None
    status: Mark | None = None
    relation: str | None = None  # how this node relates to its parent
    extra: tuple[str, ...] = ()  # further relations, "also supports #4"
    children: tuple[ListNode, ...] = field(default=())


@dataclass(frozen=True)
class MapView:
    title: str
    svg: Markup
    tree: tuple[ListNode, ...]


# -- article ----------------------------------------------------------------------------


def paragraphs(article, lang: str) -> tuple[Paragraph, ...]:
    """The article in the page's language: the translation with the source paragraph under
    it, or the source's own paragraphs (marked in their language) where there is none."""
    if article is None:
        return ()
    shown = tuple(article.paragraphs_for(lang))
    translated = lang != article.language and lang in article.translations
    if not translated:
        return tuple(Paragraph(i, p, article.language) for i, p in enumerate(article.paragraphs, 1))
    return tuple(
        Paragraph(i, p, lang, original)
        for i, (p, original) in enumerate(zip(shown, article.paragraphs), 1)
    )


# -- marks and items ---------------------------------------------------------------------


def kind_mark(w: Mapping[str, str], kind: str) -> Mark:
    return Mark(f"kind kind-{kind}", KIND_LOOK[kind].symbol, w[kind])


def status_mark(w: Mapping[str, str], status: str | None) -> Mark | None:
    if not status:
        return None
    return Mark(f"status status-{status}", STATUS_LOOK[status].symbol, w[status])


def marked(text: str, phrases) -> Markup:
    """``text`` escaped, with every occurrence of ``phrases`` in ``<mark>``."""
    flags = [False] * len(text)
    for phrase in phrases:
        start = text.find(phrase) if phrase else -1
        while start >= 0:
            flags[start : start + len(phrase)] = [True] * len(phrase)
            start = text.find(phrase, start + len(phrase))
    out, start = [], 0
    for index in range(1, len(text) + 1):
        if index == len(text) or flags[index] != flags[start]:
            piece = escape(text[start:index])
            out.append(Markup("<mark>%s</mark>") % piece if flags[start] else piece)
            start = index
    return Markup("").join(out)


def item(outline: Outline, article, w, lang: str, number: int, claim: Claim) -> Item:
    quote_tr = claim.quote_translation.get(lang) if lang != outline.source.language else None
    paragraph = article.paragraph_of(claim.quote) if article is not None and claim.quote else None
    paragraph_tr = None
    if paragraph and not quote_tr and lang != article.language and lang in article.translations:
        paragraph_tr = article.paragraphs_for(lang)[paragraph - 1]
    return Item(
        number=number,
        claim_number=outline.claim_number(claim.id),
        text=claim.text[lang],
        quote=claim.quote,
        quote_marked=marked(claim.quote, claim.signals) if claim.quote else None,
        quote_translation=quote_tr,
        speaker=claim.speaker[lang] if claim.speaker else None,
        paragraph=paragraph,
        paragraph_translation=paragraph_tr,
        kind=claim.kind,
        kind_mark=kind_mark(w, claim.kind),
        status_mark=status_mark(w, claim.fact_status),
        why=claim.why[lang] if claim.why else None,
        accept=tuple(Alternative(a.kind, kind_mark(w, a.kind), a.why[lang]) for a in claim.accept),
        signals=tuple(claim.signals),
        check_note=claim.check.note[lang] if claim.check else None,
        check_sources=tuple(passage(outline, t, lang) for t in claim.check.sources)
        if claim.check
        else (),
        notes=claim.notes[lang] if claim.notes else None,
    )


def exercise(outline: Outline, article, lang: str) -> tuple[Item, ...]:
    w = label_words(outline, lang)
    return tuple(
        item(outline, article, w, lang, n, c) for n, c in enumerate(outline.exercise_claims, 1)
    )


def extension(outline: Outline, article, lang: str) -> tuple[Item, ...]:
    w = label_words(outline, lang)
    return tuple(
        item(outline, article, w, lang, outline.claim_number(c.id), c)
        for c in outline.extension_claims
    )


def answers_json(items: tuple[Item, ...]) -> list[dict]:
    """What the self-check reveals after an answer, kept out of the visible page until then."""
    return [
        {
            "kind": i.kind,
            "word": f"{i.kind_mark.symbol} {i.kind_mark.word}",
            "status": f"{i.status_mark.symbol} {i.status_mark.word}" if i.status_mark else "",
            "why": i.why or "",
            "accept": [
                {
                    "kind": a.kind,
                    "word": f"{a.mark.symbol} {a.mark.word}",
                    "why": a.why,
                }
                for a in i.accept
            ],
        }
        for i in items
    ]


# -- maps ----------------------------------------------------------------------------------


def _tree(outline: Outline, page, w, lang: str, blank: bool) -> tuple[ListNode, ...]:
    """The page's boxes as nested lists: each box under the first box it points to on the
    page (a claim under the claim it supports), its further relations named beside it."""
    ids = sorted((n.id for n in page.nodes), key=lambda i: _outline_order(outline, i))
    on_page = set(ids)
    look = profile(lang)
    parent: dict[str, tuple[str, str]] = {}
    extra: dict[str, list[str]] = {}

    def ancestors(node_id):
        seen = set()
        while node_id in parent and node_id not in seen:
            seen.add(node_id)
            node_id = parent[node_id][0]
            yield node_id

    for edge in page.edges:
        source, target = edge.source, edge.target
        if source not in on_page or target not in on_page or source == target:
            continue
        if source not in parent and source not in set(ancestors(target)):
            parent[source] = (target, edge.relation)
        elif edge.relation in RELATIONS:
            extra.setdefault(source, []).append(
                w["also_rel"].format(relation=w[edge.relation], n=outline.claim_number(target))
            )

    def node(node_id: str) -> ListNode:
        box = page.node(node_id)
        children = tuple(node(c) for c in ids if parent.get(c, ("",))[0] == node_id)
        relation = parent.get(node_id, (None, None))[1]
        relation_word = w[relation] if relation in RELATIONS else None
        if box.role == "thesis":
            return ListNode(look.labelled(w["thesis"], outline.thesis[lang]), children=children)
        if box.role == "strand":
            strand = outline.strands[outline.strand_number(node_id.split(":", 1)[1]) - 1]
            text = look.labelled(box.heading_text, strand.title[lang])
            if box.footer_text and not blank:
                text = look.remark(text, strand_counts(outline, strand, lang))
            return ListNode(text, children=children)
        claim = outline.claim(node_id)
        text = f"#{outline.claim_number(node_id)} {claim.text[lang]}"
        if box.role == "ref":
            strand_no = outline.strand_number(outline.strand_of(node_id).id)
            text += f" ({w['on_map_of'].format(n=strand_no)})"
        return ListNode(
            text,
            None if blank else kind_mark(w, claim.kind),
            None if blank or claim.fact_status == "stated" else status_mark(w, claim.fact_status),
            relation_word,
            tuple(extra.get(node_id, ())),
            children,
        )

    return tuple(node(i) for i in ids if i not in parent)


def _outline_order(outline: Outline, node_id: str) -> tuple[int, int]:
    """Thesis, then strands, then claims, each in outline order."""
    if node_id == "thesis":
        return (0, 0)
    if node_id.startswith("strand:"):
        return (1, outline.strand_number(node_id.split(":", 1)[1]))
    return (2, outline.claim_number(node_id))


def maps(outline: Outline, lang: str, blank: bool, prefix: str) -> tuple[MapView, ...]:
    """Every map page, drawn and listed: the labelled maps, or the blank ones for students
    (``argmap.blank_strand_pages``: no overview, no kind anywhere)."""
    if blank:
        strands = argmap.blank_strand_pages(outline, lang, MAP_WIDTH, MAP_HEIGHT)
        pages = [page for strand_pages in strands for page in strand_pages]
    else:
        pages = argmap.map_pages(outline, lang, MAP_WIDTH, MAP_HEIGHT)
    w = label_words(outline, lang)
    views = []
    for n, page in enumerate(pages, 1):
        description = map_description(outline, page, lang, blank)
        svg = svgmaps.map_svg(page, f"{prefix}-map{n}", page.title, description, blank)
        views.append(MapView(page.title, svg, _tree(outline, page, w, lang, blank)))
    return tuple(views)


# -- charts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartView:
    title: str
    svg: Markup
    caption: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def figures(outline: Outline, lang: str) -> tuple[ChartView, ...]:
    views = []
    for n, f in enumerate(all_figures(outline, lang), 1):
        title = profile(lang).remark(f.title, f.unit) if f.unit else f.title
        svg = svgcharts.figure_svg(f, f"fig{n}", figure_description(outline, f, lang))
        head = ("",) + tuple(name for name, _ in f.series)
        rows = tuple(
            (c,) + tuple("" if vs[j] is None else number(vs[j]) for _, vs in f.series)
            for j, c in enumerate(f.categories)
        )
        views.append(ChartView(title, svg, f.caption, head, rows))
    return tuple(views)


def balance_chart(outline: Outline, lang: str) -> tuple[ChartView, str]:
    data = balance(outline, lang)
    symbols = {k: KIND_LOOK[k].symbol for k in KINDS}
    svg = svgcharts.balance_svg(data, "balance-chart", balance_description(data, lang), symbols)
    head = (label_words(outline, lang)["strand"],) + tuple(
        f"{symbols[k]} {word}" for k, word, _ in data.series
    )
    rows = tuple(
        (c,) + tuple(str(values[i]) for _, _, values in data.series)
        for i, c in enumerate(data.categories)
    )
    return ChartView(data.title, svg, "", head, rows), data.prompt
