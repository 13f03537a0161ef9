"""The argument map as plain nodes and edges, independent of any map format.

Every claim is a node named by its number on the maps ("#12"), never by its id, with its kind,
the status students see for a fact, its strand, and what the map formats show as its
description: the quote from the article (with the outline's translation of it, where the
map's language is not the article's), the speaker, the check note and the sources. Every
``supports`` and ``challenges`` entry is an edge from the claim that holds it to the
claim it names. Kinds, statuses and relations keep the outline's own words (``fact``,
``verified``, ``supports``), so tools can filter on them in any language; the words
shown to people come from the labels (``ArgumentMap.labels``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..labels import labels_for
from ..model import Claim, Outline
from ..present.mapboxes import RELATIONS
from . import plain


@dataclass(frozen=True)
class Node:
    ident: str  # "c12": the claim's number, stable across languages
    number: int
    title: str  # "#12", as the map label in the map's language says it
    text: str
    kind: str  # fact | opinion | prediction
    status: str | None  # a fact's status (stated when unchecked); None for other kinds
    strand: int  # the strand's number
    strand_title: str
    quote: str | None
    quote_translation: str | None
    speaker: str | None
    check: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Edge:
    source: str  # node ident of the claim that supports or challenges
    target: str
    relation: str  # supports | challenges


@dataclass(frozen=True)
class Strand:
    number: int
    title: str
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class ArgumentMap:
    title: str
    thesis: str
    thesis_title: str
    strands: tuple[Strand, ...]
    edges: tuple[Edge, ...]
    labels: Mapping[str, str]

    @property
    def nodes(self) -> tuple[Node, ...]:
        return tuple(node for strand in self.strands for node in strand.nodes)


def _node(
    outline: Outline,
    labels: Mapping[str, str],
    lang: str,
    claim: Claim,
    strand: int,
    strand_title: str,
) -> Node:
    number = outline.claim_number(claim.id)
    translated = claim.quote_translation.get(lang) if lang != outline.source.language else None
    return Node(
        ident=f"c{number}",
        number=number,
        title=plain(labels["map_claim"].format(n=number)),
        text=plain(claim.text[lang]),
        kind=claim.kind,
        status=claim.fact_status,
        strand=strand,
        strand_title=strand_title,
        quote=plain(claim.quote) if claim.quote else None,
        quote_translation=plain(translated) if translated else None,
        speaker=plain(claim.speaker[lang]) if claim.speaker else None,
        check=plain(claim.check.note[lang]) if claim.check else None,
        sources=tuple(plain(s) for s in claim.check.sources) if claim.check else (),
    )


def build_map(outline: Outline, lang: str) -> ArgumentMap:
    labels = labels_for(outline, lang)
    strands = []
    for number, strand in enumerate(outline.strands, 1):
        title = plain(strand.title[lang])
        strands.append(
            Strand(
                number,
                title,
                tuple(_node(outline, labels, lang, c, number, title) for c in strand.claims),
            )
        )
    edges = tuple(
        Edge(f"c{outline.claim_number(claim.id)}", f"c{outline.claim_number(target)}", relation)
        for claim in outline.claims
        for relation in RELATIONS
        for target in getattr(claim, relation)
    )
    return ArgumentMap(
        title=plain(outline.title[lang]),
        thesis=plain(outline.thesis[lang]),
        thesis_title=plain(labels["thesis"]),
        strands=tuple(strands),
        edges=edges,
        labels=labels,
    )
