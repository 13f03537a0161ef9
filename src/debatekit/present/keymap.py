"""One map per strand for teaching: the strand's key claims only, readable from the
back of a room.

The strand's main claim (the root of its argument the most of the strand rests on, see
``_trees``) sits at the top, what supports or challenges it beneath, then what those rest
on, up to ``limit`` claims, each drawn below a claim it bears on; claims of other strands
that bear on them appear as small reference boxes (never a reference to the strand the
map is about). Claims left out are
named in ``KeyMap.omitted`` so the teacher's notes can say which. No drawing library is
imported here.
"""

from __future__ import annotations

from typing import NamedTuple

from collections.abc import Collection
from dataclasses import replace

from ..model import Claim, Outline
from . import layered
from .argmap import MapPage, MapStyle, _forced_scale
from .mapboxes import RELATIONS, Builder, Content, legend_entries

KEY_CLAIMS = 7       # claims on a teaching map at most
KEY_REFS = 2         # references to other strands at most
SPARSE = 4           # a map showing fewer claims (of more) is tried with wider boxes


class KeyMap(NamedTuple):
    page: MapPage
    omitted: tuple[str, ...]          # claims of the strand not drawn
    outside: tuple[tuple[str, str, str], ...]   # relations to other strands not drawn


def key_order(b: Builder, strand_index: int) -> list[Claim]:
    """The strand's claims by importance, the main claim first (see ``_trees``)."""
    return _trees(b, strand_index)[0]


def _trees(b: Builder, strand_index: int) -> tuple[list[Claim], set[str]]:
    """(the strand's claims by importance: the main claim, what supports or challenges it
    (breadth first down its tree, most connected first), then the next tree's root and
    its tree, and so on; the claims related to nothing in the strand last, in outline
    order; the heads of the trees).

    The main claim is a root of the strand's argument: a claim that supports or
    challenges no other claim of the strand (the layout draws a claim above what
    supports it, so only a root can head the map). Among the roots it is the one the
    most of the strand rests on (the claims whose supports and challenges lead to it),
    then the one with the most direct supports and challenges, then the first in the
    outline. A strand whose links all run in circles has no root: its most supported
    claim leads, and ``_key_map`` draws nothing that would sit above it."""
    strand = b.outline.strands[strand_index]
    own = {c.id: c for c in strand.claims}
    below: dict[str, set[str]] = {c.id: set() for c in strand.claims}  # what bears on it
    above: dict[str, set[str]] = {c.id: set() for c in strand.claims}  # what it bears on
    for c in strand.claims:
        for source, target, _ in b.relations_of(c.id):
            if source == c.id and target in own and target != source:
                above[source].add(target)
                below[target].add(source)
    position = {c.id: i for i, c in enumerate(strand.claims)}
    degree = {i: len(above[i] | below[i]) for i in own}

    def resting_on(root: str) -> int:
        seen, stack = {root}, [root]
        while stack:
            for nxt in below[stack.pop()] - seen:
                seen.add(nxt)
                stack.append(nxt)
        return len(seen) - 1

    roots = [c.id for c in strand.claims if below[c.id] and not above[c.id]]
    weight = {r: resting_on(r) for r in roots}
    ranked = sorted(roots, key=lambda i: (-weight[i], -len(below[i]), position[i]))
    # claims left over sit in circles: the most supported of them first
    ranked += sorted((i for i in own if degree[i] and i not in weight),
                     key=lambda i: (-len(below[i]), -degree[i], position[i]))

    order: list[Claim] = []
    seen: set[str] = set()
    heads: set[str] = set()
    for root in ranked:
        if root in seen:
            continue
        seen.add(root)
        heads.add(root)
        queue = [root]
        while queue:
            current = queue.pop(0)
            order.append(own[current])
            # a claim bearing on this one alone sits right under it; one that also bears
            # on another claim sits a row lower: the shallow ones first, so more fit
            for nxt in sorted(below[current] - seen,
                              key=lambda i: (len(above[i]), -degree[i], position[i])):
                seen.add(nxt)
                queue.append(nxt)
    order += [c for c in strand.claims if c.id not in seen]
    return order, heads


def _page(b: Builder, strand_index: int, shown: list[Claim], title: str, max_refs: int,
          refs_to: Collection[str] | None = None):
    """(the page or None if it does not fit, the relations to other strands left out,
    the number of reference boxes drawn). ``refs_to``: the other strands' claims a
    reference box may show (None: any)."""
    contents, nodes, edges, legend, outside, refs = _graph(b, strand_index, shown, max_refs,
                                                           refs_to)
    page = b.page("strand", title, contents, nodes, edges, legend,
                  b.outline.strands[strand_index].id, tuple(c.id for c in shown))
    return page, outside, refs


def _fits(b: Builder, strand_index: int, shown: list[Claim], max_refs: int,
          refs_to: Collection[str] | None = None):
    """(whether ``_page`` would fit, the number of reference boxes it would draw),
    without laying the page out in full."""
    contents, nodes, edges, legend, _, refs = _graph(b, strand_index, shown, max_refs, refs_to)
    return b.fits(contents, nodes, edges, legend, tuple(c.id for c in shown)), refs


def _graph(b: Builder, strand_index: int, shown: list[Claim], max_refs: int,
           refs_to: Collection[str] | None):
    """What a page of the ``shown`` claims draws: (box contents, nodes, edges, key
    entries, the relations to other strands left out, the number of reference boxes)."""
    outline = b.outline
    strand = outline.strands[strand_index]
    ids = {c.id for c in shown}
    own = {c.id for c in strand.claims}
    contents: dict[str, Content] = {c.id: b.claim(c) for c in shown}
    nodes = [layered.GraphNode(c.id) for c in shown]
    edges: list[layered.GraphEdge] = []
    refs: list[str] = []
    outside: list[tuple[str, str, str]] = []
    number = outline.claim_number
    found = sorted({e for c in shown for e in b.relations_of(c.id)},
                   key=lambda e: (number(e[0]), RELATIONS.index(e[2]), number(e[1])))
    for source, target, relation in found:
        if source in ids and target in ids:
            edges.append(layered.GraphEdge(source, target, relation))
        elif (target in ids and source not in own and (refs_to is None or source in refs_to)
              and (source in refs or len(refs) < max_refs)):
            # another strand's claim bearing on this one: a reference box below it
            if source not in refs:
                refs.append(source)
            edges.append(layered.GraphEdge(source, target, relation))
        elif not (source in own and target in own):
            outside.append((source, target, relation))
    for ref in refs:
        contents[ref] = b.ref(outline.claim(ref))
        nodes.append(layered.GraphNode(ref))
    legend = legend_entries(b.labels, {e.relation for e in edges}, bool(refs),
                            kinds=b.style.key_kinds)
    return contents, nodes, edges, legend, tuple(outside), len(refs)


def key_map(outline: Outline, lang: str, strand_index: int, width: float, height: float,
            style: MapStyle, title: str, limit: int = KEY_CLAIMS,
            max_refs: int = KEY_REFS, refs_to: Collection[str] | None = None) -> KeyMap:
    """The strand's teaching map: as many of its key claims as fit (at most ``limit``)
    at the style's type size; only a single claim that cannot fit at all is scaled.
    ``refs_to``: the other strands' claims a reference box may show (None: any)."""
    return _key_map(Builder(outline, lang, width, height, style), strand_index, title,
                    limit, max_refs, refs_to)


def key_maps(outline: Outline, lang: str, width: float, height: float, style: MapStyle,
             titles: list[str]) -> list[KeyMap]:
    """Every strand's teaching map (``titles``: one per strand), the same as
    ``key_map`` of each with ``refs_to`` the claims the maps draw (a map left with few
    claims is tried with wider boxes, see ``_widened``). One builder serves them
    all: the outline's relations are indexed once, not once per strand, so the cost grows
    with the claims, not with claims times strands."""
    b = Builder(outline, lang, width, height, style)
    maps = [_key_map(b, i, title, KEY_CLAIMS, KEY_REFS) for i, title in enumerate(titles)]
    # A reference box ("→ Strand 4") sends the class to that strand's map, so it may only
    # show a claim that map draws: a map whose possible references include a claim no map
    # draws is laid out again with its references limited to drawn claims (the links left
    # out are named in its notes). That holds for a map whose references are all drawn
    # too: an undrawn candidate it tried and dropped may have taken the room of a drawn
    # one. Fewer references only leave more room, so this settles in a round or two.
    sources = [_ref_sources(b, i) for i in range(len(titles))]
    allowed = list(sources)       # the candidates each map was laid out with
    for _ in range(3):
        drawn = frozenset(c for m in maps for c in m.page.claims)
        stale = [i for i in range(len(maps)) if allowed[i] != sources[i] & drawn]
        if not stale:
            break
        for i in stale:
            maps[i] = _key_map(b, i, titles[i], KEY_CLAIMS, KEY_REFS, drawn)
            allowed[i] = sources[i] & drawn
    return _widened(maps, b, titles)


def _ref_sources(b: Builder, strand_index: int) -> frozenset[str]:
    """The other strands' claims that support or challenge one of the strand's: what its
    reference boxes may show."""
    claims = b.outline.strands[strand_index].claims
    own = {c.id for c in claims}
    return frozenset(s for c in claims for s, t, _ in b.relations_of(c.id)
                     if t == c.id and s not in own)


def _widened(maps: list[KeyMap], b: Builder, titles: list[str]) -> list[KeyMap]:
    """A strand whose claims form a deep chain can leave its map with two or three boxes
    and half the slide empty: boxes wrapped narrow stack too tall to add a row. Such a
    map is laid out again with boxes up to half the width (fewer, longer lines), and kept
    when it shows more claims, every one it showed among them (other maps' reference
    boxes may point to those)."""
    drawn = frozenset(c for m in maps for c in m.page.claims)
    wide = None
    for i, m in enumerate(maps):
        if len(m.page.claims) >= SPARSE or not m.omitted:
            continue
        if wide is None:
            wide = Builder(b.outline, b.lang, b.width, b.height,
                           replace(b.style, claim_share=2.0,
                                   claim_cap=max(b.style.claim_cap, b.width / 2)))
        other = _key_map(wide, i, titles[i], KEY_CLAIMS, KEY_REFS, drawn)
        if (len(other.page.claims) > len(m.page.claims)
                and set(m.page.claims) <= set(other.page.claims)):
            maps[i] = other
    return maps


def _key_map(b: Builder, strand_index: int, title: str, limit: int, max_refs: int,
             refs_to: Collection[str] | None = None) -> KeyMap:
    order, heads = _trees(b, strand_index)
    # in order of importance (the main claim's tree first, then the next tree's), each
    # claim with a link in the strand (a strand without links: any claim) joins the map
    # if the map still fits with it and hangs from it: below a claim it supports or
    # challenges, or as the head of a further tree with one of its claims
    own = {c.id for c in order}
    linked = {c.id: {e for e in b.relations_of(c.id) if e[0] in own and e[1] in own
                     and e[0] != e[1]} for c in order}
    any_links = any(linked.values())
    by_id = {c.id: c for c in order}
    position = {c.id: i for i, c in enumerate(order)}
    shown: list[Claim] = []
    best_refs = None        # the references allowed on the last page that fit
    # only a main claim in a circle of links can have a claim drawn above it
    main_bears = bool(order) and any(s == order[0].id for s, _, _ in linked[order[0].id])
    for claim in order:
        # claims are compared by id: comparing the models field by field is slow
        ids = {c.id for c in shown}
        if len(shown) >= limit or claim.id in ids:
            continue
        if shown and any_links and not linked[claim.id]:
            continue            # a claim linked to nothing in the strand: its own box only
        joining = [claim]
        if shown and any_links and claim.id not in heads:
            if not any(s == claim.id and t in ids for s, t, _ in linked[claim.id]):
                continue        # what it bears on is not drawn: it would float apart
        elif shown and any_links and not any(s in ids or t in ids
                                             for s, t, _ in linked[claim.id]):
            # the root of another tree joins only with one of its claims, never alone
            partners = [by_id[s if t == claim.id else t] for s, t, _ in sorted(linked[claim.id])]
            partners = sorted(partners, key=lambda c: position[c.id])
            if not partners or len(shown) + 2 > limit:
                continue
            joining.append(partners[0])
        if main_bears and shown and not _main_on_top(shown + joining, linked):
            continue
        refs = max_refs
        while refs >= 0:
            fits, drawn = _fits(b, strand_index, shown + joining, refs, refs_to)
            if fits:
                shown.extend(joining)
                best_refs = refs
                break
            # allowing fewer references than were drawn changes nothing until the
            # allowance drops below that number: skip the identical pages
            refs = min(refs, drawn) - 1
    if best_refs is not None:
        # only the last page that fit is kept: it alone is laid out in full
        page, outside, _ = _page(b, strand_index, shown, title, best_refs, refs_to)
        ids = {c.id for c in shown}
        omitted = tuple(c.id for c in order if c.id not in ids)
        return KeyMap(page, omitted, outside)
    page = _forced_scale(lambda f: _page(Builder(b.outline, b.lang, b.width / f, b.height / f,
                                                 b.style),
                                         strand_index, order[:1], title, 0)[0])
    return KeyMap(page, tuple(c.id for c in order[1:]), ())


def _main_on_top(shown: list[Claim], linked) -> bool:
    """Whether the first of the ``shown`` claims is in the top row of their map."""
    ids = {c.id for c in shown}
    edges = [layered.GraphEdge(s, t, r) for c in shown for s, t, r in linked[c.id]
             if s == c.id and t in ids]
    # the nodes in the order the page lists them: that order decides which link of a
    # circle the layout ignores
    nodes = [layered.GraphNode(c.id) for c in shown]
    return layered.assign_layers(nodes, edges)[shown[0].id] == 0


def never_drawn(outline: Outline) -> frozenset[str]:
    """The claims no lesson map draws, whatever the language: a claim that neither
    supports nor challenges anything and that nothing supports or challenges, in a strand
    with links among its own claims (a map then draws only claims linked within the
    strand; see ``_key_map``), is neither a box nor a reference on any map, in any
    language: the exit ticket asks about these first."""
    targets = {t for c in outline.claims for t in (*c.supports, *c.challenges)}
    found: set[str] = set()
    for strand in outline.strands:
        own = {c.id for c in strand.claims}
        if any(own & {*c.supports, *c.challenges} for c in strand.claims):
            found |= {c.id for c in strand.claims
                      if not c.supports and not c.challenges and c.id not in targets}
    return frozenset(found)


__all__ = ["KeyMap", "KEY_CLAIMS", "key_map", "key_maps", "key_order", "never_drawn"]
