"""Text alternatives of maps and charts, generated from the data they are drawn from, in
the output's language: what a screen reader says for a drawing (the web pages' SVG
``<desc>``; a deck's or a document's alternative text can use the same sentences).
"""

from __future__ import annotations

from ..labels import labels_for
from ..language import profile
from ..model import Outline
from .balance import Balance, kind_counts
from .figures import FigureData
from .mapboxes import RELATIONS, MapPage


def number(value: float) -> str:
    return f"{value:g}"


def _joiners(lang: str) -> tuple[str, str]:
    """(between sentences, between items of a sentence)."""
    return ("。", "；") if profile(lang).full_width else (". ", "; ")


def _sentences(parts: list[str], lang: str) -> str:
    stop, _ = _joiners(lang)
    return stop.join(parts) + stop.strip()


def strand_counts(outline: Outline, strand, lang: str) -> str:
    """ "9 facts, 8 opinions, 0 predictions": counts in words a screen reader says as they are."""
    return labels_for(outline, lang)["counts"].format(**kind_counts(strand.claims))


def map_description(outline: Outline, page: MapPage, lang: str, blank: bool = False) -> str:
    """The map in sentences: its title and size, each box's kind (not on a blank map), each
    line ("#2 supports #5"), and on an overview each strand with its counts."""
    w = labels_for(outline, lang)
    look = profile(lang)
    _, separator = _joiners(lang)
    boxes = [n for n in page.nodes if n.role in ("claim", "ref")]
    home = sum(1 for n in boxes if n.role == "claim")
    size = w["map_claims"].format(n=home)
    sentences = [page.title if page.kind == "overview" else look.labelled(page.title, size)]
    if boxes and not blank:
        labels = []
        for n in sorted(boxes, key=lambda b: outline.claim_number(b.id)):
            claim = outline.claim(n.id)
            label = f"#{outline.claim_number(n.id)} {w[claim.kind]}"
            if claim.fact_status not in (None, "stated"):
                label = look.remark(label, w[claim.fact_status])
            labels.append(label)
        sentences.append(separator.join(labels))
    relations = [
        f"#{outline.claim_number(e.source)} {w[e.relation]} #{outline.claim_number(e.target)}"
        for e in page.edges
        if e.relation in RELATIONS
    ]
    if relations:
        sentences.append(separator.join(relations))
    if page.kind == "overview":
        strands = []
        for strand in outline.strands:
            name = f"{w['strand']} {outline.strand_number(strand.id)}"
            strands.append(
                look.remark(
                    look.labelled(name, strand.title[lang]), strand_counts(outline, strand, lang)
                )
            )
        sentences.append(separator.join(strands))
    return _sentences(sentences, lang)


def figure_description(outline: Outline, figure: FigureData, lang: str) -> str:
    """"Column chart (million): US users. Users: 2024 170, 2025 200." from the chart's data."""
    w = labels_for(outline, lang)
    look = profile(lang)
    _, separator = _joiners(lang)
    kind = w.get(f"chart_{figure.chart}", figure.chart)
    head = look.remark(kind, figure.unit) if figure.unit else kind
    comma = look.list_separator
    parts = []
    for name, values in figure.series:
        shown = comma.join(
            f"{c} {number(v)}" for c, v in zip(figure.categories, values) if v is not None
        )
        parts.append(look.labelled(name, shown) if name else shown)
    return _sentences([look.labelled(head, figure.title), separator.join(parts)], lang)


def balance_description(balance: Balance, lang: str) -> str:
    """ "Facts, opinions and predictions per strand. The deal: Stated fact 5, Opinion 5, …"."""
    look = profile(lang)
    _, separator = _joiners(lang)
    comma = look.list_separator
    rows = []
    for i, category in enumerate(balance.categories):
        counts = comma.join(f"{word} {values[i]}" for _, word, values in balance.series)
        rows.append(look.labelled(category, counts))
    return _sentences([balance.title, separator.join(rows)], lang)
