"""Argument maps of an outline, laid out into pages of a given size.

``map_pages(outline, lang, width, height)`` returns the pages to draw: one whole-outline
map when everything fits, otherwise an overview (thesis and strands, with the count of
each kind) followed by one map per strand, split over several pages when a strand is
too big. A strand's map shows its claims and the ``supports`` / ``challenges``
relations among them; claims of other strands (or other pages) that they relate to
appear as small reference nodes naming where the claim lives.

Everything is in points with y growing downwards from the top-left corner of the box.
No drawing library is imported here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..language import profile
from ..looks import KIND_LOOK
from ..model import KINDS, Claim, Outline
from . import layered
from .mapboxes import (
    BOLD_BODY,
    RELATIONS,
    ROUND_RADIUS,
    Builder,
    Content,
    LegendItem,
    MapEdge,
    MapNode,
    MapPage,
    MapStyle,
    legend_entries,
    numbered,
    shortened,
    titled,
)

__all__ = ["BOLD_BODY", "RELATIONS", "ROUND_RADIUS", "LegendItem", "MapEdge", "MapNode", "MapPage",
           "MapStyle", "blank_strand_pages", "map_pages", "numbered", "scale_page", "shortened", "titled"]

WHOLE_MAP_MAX = 16     # claims beyond which no whole-outline map is attempted
FULL_AFTER_MISSES = 6  # claims a page may refuse in a row before it counts as full


def _claim_pages(b: Builder, strand_index: int, primaries: Sequence[Claim], title: str,
                 homes: dict[str, str] | None = None):
    """One page of a strand's claims; ``homes`` names the other page of the same strand
    where a claim it refers to lives ("(2/3)"), so a reference never names its own strand."""
    outline = b.outline
    strand = outline.strands[strand_index]
    ids = {c.id for c in primaries}
    # No strand box on top: the slide or section title names the strand, and the room
    # goes to the claims.
    contents: dict[str, Content] = {}
    nodes: list[layered.GraphNode] = []
    edges: list[layered.GraphEdge] = []
    refs: dict[str, Claim] = {}
    for c in primaries:
        contents[c.id] = b.claim(c)
        nodes.append(layered.GraphNode(c.id))
    seen: set[tuple[str, str, str]] = set()
    found = [edge for c in primaries for edge in b.relations_of(c.id)]
    order = outline.claim_number          # the outline's order, without a pass over it
    for source, target, relation in sorted(set(found), key=lambda e: (
            order(e[0]), RELATIONS.index(e[2]), getattr(outline.claim(e[0]), e[2]).index(e[1]))):
        if (source, target, relation) in seen:
            continue
        seen.add((source, target, relation))
        for end in (source, target):
            if end not in ids:
                refs.setdefault(end, outline.claim(end))
        edges.append(layered.GraphEdge(source, target, relation))
    for ref_id, claim in sorted(refs.items(), key=lambda kv: outline.claim_number(kv[0])):
        contents[ref_id] = b.ref(claim, (homes or {}).get(ref_id))
        nodes.append(layered.GraphNode(ref_id))
    relations = {e.relation for e in edges}
    legend = legend_entries(b.labels, relations, bool(refs), kinds=not b.blank)
    return b.page("strand", title, contents, nodes, edges, legend, strand.id,
                  tuple(c.id for c in primaries))


def _related_order(claims: Sequence[Claim]) -> list[Claim]:
    """Claims grouped by connected component (within the list), each group in outline
    order, so splitting a strand keeps related claims on the same page where possible."""
    index = {c.id: i for i, c in enumerate(claims)}
    parent = list(range(len(claims)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for c in claims:
        for t in (*c.supports, *c.challenges):
            if t in index:
                parent[find(index[c.id])] = find(index[t])
    groups: dict[int, list[Claim]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(find(i), []).append(c)
    return [c for g in sorted(groups.values(), key=lambda g: index[g[0].id]) for c in g]


def _strand_pages(b: Builder, strand_index: int) -> list[MapPage]:
    strand = b.outline.strands[strand_index]
    base_title = titled(b.labels["argument_map"], strand.title[b.lang], b.lang)
    claims = _related_order(strand.claims)
    whole = _claim_pages(b, strand_index, claims, base_title)
    if whole is not None:
        return [whole]
    # First fit, in related order: fill a page with every remaining claim that still
    # fits, then start the next page with the first one left over.
    position = {c.id: i for i, c in enumerate(claims)}
    chunks: list[list[Claim]] = []
    left = list(claims)
    while left:
        chunk = [left.pop(0)]
        rest = []
        misses = 0
        for claim in left:
            # A page that refused several claims in a row is full: stop trying, which
            # keeps a huge strand from costing a layout per pair of claims.
            if misses < FULL_AFTER_MISSES and \
                    _claim_pages(b, strand_index, chunk + [claim], base_title) is not None:
                chunk.append(claim)
                misses = 0
            else:
                rest.append(claim)
                misses += 1
        left = rest
        chunks.append(sorted(chunk, key=lambda c: position[c.id]))
    _no_lone_claim(b, strand_index, chunks, base_title, position)
    homes = {c.id: profile(b.lang).remark("→", f"{i}/{len(chunks)}")
             for i, chunk in enumerate(chunks, 1) for c in chunk}
    pages = []
    for i, chunk in enumerate(chunks):
        title = numbered(base_title, i + 1, len(chunks), b.lang) if len(chunks) > 1 else base_title
        page = _claim_pages(b, strand_index, chunk, title, homes)
        pages.append(page if page is not None else _forced(b, strand_index, chunk, title, homes))
    return pages


def _no_lone_claim(b: Builder, strand_index: int, chunks: list[list[Claim]], title: str,
                   position: dict[str, int]) -> None:
    """A last page holding a single claim takes one from an earlier page, the latest that
    can move with both pages still fitting; a claim whose relations fill a page alone
    keeps it to itself."""
    if len(chunks) < 2 or len(chunks[-1]) != 1:
        return
    for chunk in reversed(chunks[:-1]):
        if len(chunk) < 3:
            continue
        for claim in sorted(chunk, key=lambda c: -position[c.id]):
            kept = [c for c in chunk if c is not claim]
            moved = sorted(chunks[-1] + [claim], key=lambda c: position[c.id])
            if _claim_pages(b, strand_index, moved, title) is not None and \
                    _claim_pages(b, strand_index, kept, title) is not None:
                chunk[:] = kept
                chunks[-1] = moved
                return


def _forced(b: Builder, strand_index: int, chunk, title, homes=None) -> MapPage:
    """A single claim whose relations alone overflow the box: lay it out on a larger
    canvas and scale the whole page down uniformly (text included) to fit."""
    def make(factor):
        big = Builder(b.outline, b.lang, b.width / factor, b.height / factor, b.style,
                      blank=b.blank)
        return _claim_pages(big, strand_index, chunk, title, homes)

    return _forced_scale(make, chunk[0].id)


def _forced_scale(make, what: str = "a claim") -> MapPage:
    """The first page ``make(factor)`` lays out on a canvas 1/factor as large, scaled
    down by factor to fit the box."""
    for factor in (0.85, 0.7, 0.55, 0.45, 0.35, 0.25, 0.18, 0.12, 0.08, 0.05):
        page = make(factor)
        if page is not None:
            return scale_page(page, factor)
    raise ValueError(f"argument map for {what} cannot be laid out")


def scale_page(page: MapPage, factor: float) -> MapPage:
    nodes = tuple(replace(n, x=n.x * factor, y=n.y * factor, width=n.width * factor,
                          height=n.height * factor, heading_size=n.heading_size * factor,
                          body_size=n.body_size * factor) for n in page.nodes)
    edges = tuple(replace(e, points=tuple((x * factor, y * factor) for x, y in e.points))
                  for e in page.edges)
    return replace(page, width=page.width * factor, height=page.height * factor,
                   nodes=nodes, edges=edges, style=page.style.scaled(factor),
                   legend=tuple(replace(i, x=i.x * factor, y=i.y * factor, height=i.height * factor,
                                        sample_width=i.sample_width * factor, size=i.size * factor)
                                for i in page.legend))


def _overview(b: Builder) -> MapPage:
    """The thesis over the strands, in as few rows as fit, at the largest scale that
    fits: the rows and the scale are computed from the boxes' sizes, so only one or two
    layouts are made whatever the number of strands (the cost grows with the strands,
    not with their square)."""
    per_row, factor = _overview_plan(b)
    for attempt in (factor, factor * 0.95, factor * 0.9, factor * 0.8):
        scaled = b if attempt >= 1.0 else \
            Builder(b.outline, b.lang, b.width / attempt, b.height / attempt, b.style, blank=b.blank)
        page = _overview_page(scaled, per_row)
        if page is not None:
            return page if attempt >= 1.0 else scale_page(page, attempt)
    # the estimate missed (it should not): try every row count and scale, as layouts
    for attempt in (1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2):
        scaled = b if attempt >= 1.0 else \
            Builder(b.outline, b.lang, b.width / attempt, b.height / attempt, b.style, blank=b.blank)
        for rows in range(1, len(b.outline.strands) + 1):
            page = _overview_page(scaled, -(-len(b.outline.strands) // rows))
            if page is not None:
                return page if attempt >= 1.0 else scale_page(page, attempt)
    raise ValueError("the overview map does not fit")


def _overview_contents(b: Builder) -> dict[str, Content]:
    contents = {"thesis": b.thesis()}
    for i, s in enumerate(b.outline.strands):
        contents[f"strand:{s.id}"] = b.strand(i, with_counts=True)
    return contents


def _overview_legend(b: Builder):
    return tuple((k, f"{KIND_LOOK[k].symbol} {b.labels[k]}") for k in KINDS)


def _overview_plan(b: Builder) -> tuple[int, float]:
    """(strands per row, scale) of the overview: for each row count, the canvas its rows
    need at the boxes' natural sizes, and so the scale that fits it into the page; the
    largest scale wins, fewer rows on a tie."""
    st = b.style
    contents = _overview_contents(b)
    _, key_h = b.legend(_overview_legend(b))
    n = len(b.outline.strands)
    best: tuple[float, int, int] | None = None
    # the layout narrows a row's boxes (down to 0.6 of their width) before it gives up:
    # estimate with the natural and the narrowest boxes, and take the better
    for shrink in (1.0, 0.6):
        strands = [b.wrapped(contents[f"strand:{s.id}"], shrink)[:2] for s in b.outline.strands]
        thesis_w, thesis_h = b.wrapped(contents["thesis"], shrink)[:2]
        for rows in range(1, n + 1):
            per_row = -(-n // rows)
            if rows > 1 and -(-n // (rows - 1)) == per_row:
                continue                    # the same rows as one fewer
            chunks = [strands[i:i + per_row] for i in range(0, n, per_row)]
            # each strand's line to the thesis passes through a slot in every row above it
            width = max([thesis_w] + [
                sum(w for w, _ in c) + st.gap * (len(c) - 1)
                + max(n - per_row * (r + 1), 0) * (layered.SLOT + st.gap)
                for r, c in enumerate(chunks)])
            height = thesis_h + sum(max(h for _, h in c) + st.channel for c in chunks)
            # 1% spare: an exact fit on paper may miss by a rounding in the layout
            factor = min(1.0, 0.99 * b.width / width, 0.99 * max(b.height - key_h, 1.0) / height)
            if best is None or (factor, -rows) > best[:2]:
                best = (factor, -rows, per_row)
    factor, _, per_row = best
    return per_row, factor


def _overview_page(b: Builder, per_row: int) -> MapPage | None:
    outline = b.outline
    contents = _overview_contents(b)
    legend = _overview_legend(b)
    title = titled(b.labels["argument_map"], b.labels["map_overview"], b.lang)
    nodes = [layered.GraphNode("thesis", 0)]
    nodes += [layered.GraphNode(f"strand:{s.id}", 1 + i // per_row)
              for i, s in enumerate(outline.strands)]
    edges = [layered.GraphEdge(f"strand:{s.id}", "thesis", "member") for s in outline.strands]
    return b.page("overview", title, contents, nodes, edges, legend)


def _whole(b: Builder) -> MapPage | None:
    outline = b.outline
    contents = {"thesis": b.thesis()}
    nodes = [layered.GraphNode("thesis", 0)]
    edges = []
    for i, s in enumerate(outline.strands):
        header = f"strand:{s.id}"
        contents[header] = b.strand(i, with_counts=False)
        nodes.append(layered.GraphNode(header, 1))
        edges.append(layered.GraphEdge(header, "thesis", "member"))
        own = {c.id for c in s.claims}
        for c in s.claims:
            contents[c.id] = b.claim(c)
            nodes.append(layered.GraphNode(c.id))
            for relation in RELATIONS:
                edges += [layered.GraphEdge(c.id, t, relation) for t in getattr(c, relation)]
            if not any(t in own for r in RELATIONS for t in getattr(c, r)):
                edges.append(layered.GraphEdge(c.id, header, "member"))
    legend = legend_entries(b.labels, {e.relation for e in edges}, refs=False)
    return b.page("whole", b.labels["argument_map"], contents, nodes, edges, legend,
                  claims=tuple(c.id for c in outline.claims))


def map_pages(outline: Outline, lang: str, width: float, height: float,
              style: MapStyle | None = None) -> list[MapPage]:
    """The argument map of ``outline`` in ``lang`` as pages of ``width`` x ``height``
    points: the whole outline on one page when it fits, otherwise an overview and
    one or more pages per strand. Every claim is the home claim of exactly one page."""
    style = style or MapStyle()
    # A small outline gets one map, in larger type when there is room for it. (More
    # claims than this never fit one readable page: skip the attempt.)
    for factor in (1.3, 1.15, 1.0) if len(outline.claims) <= WHOLE_MAP_MAX else ():
        whole = _whole(Builder(outline, lang, width, height, style.scaled(factor)))
        if whole is not None:
            return [whole]
    b = Builder(outline, lang, width, height, style)
    pages = [_overview(b)]
    for i in range(len(outline.strands)):
        pages += _strand_pages(b, i)
    return pages


def blank_strand_pages(outline: Outline, lang: str, width: float, height: float,
                       style: MapStyle | None = None) -> list[list[MapPage]]:
    """The students' maps, one list of pages per strand: every claim's box with its
    number, its text and an empty badge to fill in, the arrows drawn; no kind, status or
    count anywhere (no overview, whose boxes count the kinds)."""
    b = Builder(outline, lang, width, height, style or MapStyle(), blank=True)
    return [_strand_pages(b, i) for i in range(len(outline.strands))]
