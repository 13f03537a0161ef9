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

from dataclasses import dataclass, field, replace
from typing import Sequence

from ..kinds import KIND_LOOK
from ..labels import words
from ..model import KINDS, Claim, Outline
from . import layered
from .. import textfit

RELATIONS = ("supports", "challenges")
BOLD_BODY = ("thesis", "strand")
WHOLE_MAP_MAX = 16     # claims beyond which no whole-outline map is attempted
MAX_NODE_EM = 90.0     # longest claim text drawn whole in a map box (ems: ~90 CJK characters)   # roles whose text is drawn bold
ROUND_RADIUS = 12.0    # corner radius of opinion boxes (points)
# A rounded rectangle's text area is inset by 0.29 of the radius on each side.
ROUND_INSET = 2 * 0.3 * ROUND_RADIUS


@dataclass(frozen=True)
class MapStyle:
    """Type sizes and spacing (points). Renderers read the same values, so the boxes
    they draw hold exactly the lines computed here."""
    body_size: float = 11.0
    heading_scale: float = 0.82      # the badge line above the text
    ref_scale: float = 0.85          # reference nodes are smaller
    leading: float = textfit.LEADING  # line height / type size
    pad_x: float = 6.0
    pad_y: float = 4.0
    arrow_tip: float = 10.0          # depth of the prediction arrow's point
    gap: float = 14.0
    channel: float = 26.0
    min_width: float = 64.0

    def scaled(self, factor: float) -> "MapStyle":
        return replace(self, **{k: getattr(self, k) * factor for k in (
            "body_size", "pad_x", "pad_y", "arrow_tip", "gap", "channel", "min_width")})


@dataclass(frozen=True)
class MapNode:
    id: str
    role: str                       # thesis | strand | claim | ref
    kind: str | None                # claims and refs
    status: str | None              # facts
    heading: tuple[str, ...]        # badge line(s), drawn bold and smaller, wrapped
    body: tuple[str, ...]           # the text, wrapped
    heading_text: str               # the same, unwrapped, for renderers that wrap
    body_text: str
    heading_size: float
    body_size: float
    x: float
    y: float
    width: float
    height: float
    footer: tuple[str, ...] = ()    # a small last line (a strand's counts), wrapped
    footer_text: str = ""


@dataclass(frozen=True)
class MapEdge:
    source: str
    target: str
    relation: str                   # supports | challenges | member
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class LegendItem:
    type: str                       # a kind, a relation, or "ref"
    text: str
    x: float                        # left of the sample drawing
    y: float                        # top of the line
    sample_width: float
    height: float                   # line height
    size: float                     # type size


@dataclass(frozen=True)
class MapPage:
    kind: str                       # whole | overview | strand
    title: str
    width: float
    height: float
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    legend: tuple[LegendItem, ...]  # the key, below the map
    style: MapStyle = field(default_factory=MapStyle)
    strand: str | None = None
    claims: tuple[str, ...] = ()    # the claims this page is the home of

    def node(self, node_id: str) -> MapNode:
        return next(n for n in self.nodes if n.id == node_id)


@dataclass(frozen=True)
class _Content:
    role: str
    kind: str | None
    status: str | None
    heading: str
    body: str
    cap: float                      # preferred maximum width
    footer: str = ""


class _Builder:
    def __init__(self, outline: Outline, lang: str, width: float, height: float,
                 style: MapStyle):
        self.outline, self.lang, self.style = outline, lang, style
        self.words = words(outline, lang)
        self.width, self.height = width, height
        self._wrapped: dict[tuple[_Content, float], tuple] = {}

    # ---- node contents -------------------------------------------------------------
    def kind_badge(self, claim: Claim) -> str:
        look = KIND_LOOK[claim.kind]
        badge = f"#{self.outline.claim_number(claim.id)} {look.symbol} {self.words[claim.kind]}"
        if claim.fact_status not in (None, "stated"):
            badge += f" · {self.words[claim.fact_status]}"
        return badge

    def counts(self, strand) -> str:
        n = {k: sum(c.kind == k for c in strand.claims) for k in KINDS}
        return "  ".join(f"{KIND_LOOK[k].symbol} {n[k]}" for k in KINDS)

    def thesis(self) -> _Content:
        return _Content("thesis", None, None, self.words["thesis"],
                        shortened(self.outline.thesis[self.lang], 5 * MAX_NODE_EM),
                        max(200.0, self.width * 0.6))

    def strand(self, index: int, with_counts: bool) -> _Content:
        s = self.outline.strands[index]
        heading = f"{self.words['strand']} {index + 1}"
        return _Content("strand", None, None, heading, shortened(s.title[self.lang]),
                        max(150.0, min(self.width * 0.45, 260.0)),
                        self.counts(s) if with_counts else "")

    def claim(self, claim: Claim) -> _Content:
        return _Content("claim", claim.kind, claim.fact_status, self.kind_badge(claim),
                        shortened(claim.text[self.lang]), max(110.0, min(self.width / 3.4, 260.0)))

    def ref(self, claim: Claim) -> _Content:
        strand = self.outline.strands.index(self.outline.strand_of(claim.id))
        return _Content("ref", claim.kind, claim.fact_status, self.kind_badge(claim),
                        f"→ {self.words['strand']} {strand + 1}", max(90.0, min(self.width / 6, 130.0)))

    # ---- sizing ----------------------------------------------------------------------
    def sizes(self, content: _Content):
        st = self.style
        body = st.body_size * (st.ref_scale if content.role == "ref" else 1.0)
        head = body * st.heading_scale
        extra = {"prediction": st.arrow_tip, "opinion": ROUND_INSET}.get(content.kind, 0.0)
        return head, body, 2 * st.pad_x + extra

    def wrapped(self, content: _Content, shrink: float):
        """(width, height, heading lines, body lines, heading size, body size, footer
        lines) of a box, remembered: paging lays the same boxes out many times."""
        key = (content, round(shrink, 4))
        if key not in self._wrapped:
            self._wrapped[key] = self._wrap(content, shrink)
        return self._wrapped[key]

    def _wrap(self, content: _Content, shrink: float):
        head, body, chrome = self.sizes(content)
        st = self.style
        cap = max(st.min_width, content.cap * shrink)
        bold = content.role in BOLD_BODY
        natural = max(textfit.text_width(content.heading, head, bold=True),
                      textfit.text_width(content.footer, head, bold=True),
                      textfit.text_width(content.body, body, bold)) / textfit.SAFETY
        inner = min(cap - chrome, natural + 1.0)
        h_lines = _lines(content.heading, inner, head, bold=True)
        b_lines = _lines(content.body, inner, body, bold)
        f_lines = _lines(content.footer, inner, head, bold=True) if content.footer else ()
        used = max(max(textfit.text_width(x, head, bold=True) for x in h_lines + f_lines),
                   max(textfit.text_width(x, body, bold) for x in b_lines)) / textfit.SAFETY
        w = max(st.min_width, used + chrome + 1.0)
        # 2 pt spare: CJK fonts differ a little in ascent and descent.
        h = 2 * st.pad_y + st.leading * (head * (len(h_lines) + len(f_lines))
                                         + body * len(b_lines)) + 2.0
        return w, h, h_lines, b_lines, head, body, f_lines

    # ---- pages -------------------------------------------------------------------------
    def page(self, kind, title, contents: dict[str, _Content], nodes, edges, legend,
             strand=None, claims=()) -> MapPage | None:
        """Lay out one page; None when it does not fit the box."""
        def size(node_id, shrink):
            return self.wrapped(contents[node_id], shrink)[:2]

        key, key_height = self.legend(legend)
        lay = layered.layout(nodes, edges, size, self.width, self.height - key_height,
                             gap=self.style.gap, channel=self.style.channel)
        if not lay.fits:
            return None
        # Centre the drawing in the box: the row placement may leave it off to one side.
        left = min((b.x for b in lay.boxes.values()), default=0.0)
        right = max((b.right for b in lay.boxes.values()), default=0.0)
        for r in lay.routes:
            left = min([left] + [x for x, _ in r.points])
            right = max([right] + [x for x, _ in r.points])
        dx = (self.width - (right - left)) / 2 - left
        for box in lay.boxes.values():
            box.x += dx
        for r in lay.routes:
            r.points = [(x + dx, y) for x, y in r.points]
        placed = []
        for node_id, box in sorted(lay.boxes.items(), key=lambda kv: (kv[1].y, kv[1].x)):
            c = contents[node_id]
            _, _, h_lines, b_lines, head, body, f_lines = self.wrapped(c, box.shrink)
            placed.append(MapNode(node_id, c.role, c.kind, c.status, h_lines, b_lines,
                                  c.heading, c.body, head, body,
                                  box.x, box.y, box.width, box.height, f_lines, c.footer))
        routes = tuple(MapEdge(r.edge.source, r.edge.target, r.edge.relation,
                               tuple(r.points)) for r in lay.routes)
        return MapPage(kind, title, self.width, self.height, tuple(placed), routes,
                       key, self.style, strand, claims)

    def legend(self, entries) -> tuple[tuple[LegendItem, ...], float]:
        """The key's items flowed left to right, wrapping as needed, bottom-aligned in
        the box; and the height it takes from the map (with a gap above it)."""
        st = self.style
        size = st.body_size * st.heading_scale
        line = size * st.leading
        flows: list[list[tuple[str, str, float, float]]] = [[]]
        x = 0.0
        for type_, text in entries:
            sample = 30.0 if type_ in RELATIONS else 16.0
            w = sample + 4 + textfit.text_width(text, size) / textfit.SAFETY + 2
            if flows[-1] and x + w > self.width:
                flows.append([])
                x = 0.0
            flows[-1].append((type_, text, sample, x))
            x += w + 2 * st.gap
        top = self.height - line * len(flows)
        items = tuple(LegendItem(t, text, x, top + i * line, sample, line, size)
                      for i, flow in enumerate(flows) for t, text, sample, x in flow)
        return items, line * len(flows) + st.gap


def shortened(text: str, limit_em: float = MAX_NODE_EM) -> str:
    """A claim text for a map box: whole when it is of a size a diagram can hold (all the
    outlines' texts should be); otherwise cut at a word (or character) near ``limit_em``
    ems with "…". The full text is on the claim's own slide, in the notes of the map
    slide and in the handout's worksheet."""
    if textfit.text_width(text, 1.0) <= limit_em:
        return text
    cut = 0
    while textfit.text_width(text[:cut + 1], 1.0) <= limit_em:
        cut += 1
    space = text.rfind(" ", 0, cut)
    if space > cut * 0.6:
        cut = space
    return text[:cut].rstrip(" ,;:，、；：") + "…"


def titled(first: str, second: str) -> str:
    """``first: second``, with a full-width colon after CJK words."""
    return f"{first}：{second}" if textfit.is_wide(first[-1:] or "a") else f"{first}: {second}"


def numbered(title: str, i: int, n: int) -> str:
    return f"{title}（{i}/{n}）" if textfit.is_wide(title[-1:] or "a") else f"{title} ({i}/{n})"


def _lines(text: str, width: float, size: float, bold: bool = False) -> tuple[str, ...]:
    return tuple(text[line.start:line.end].strip() for line in textfit.wrap(text, width, size, bold))


def _legend(w, relations: set[str], refs: bool) -> tuple[tuple[str, str], ...]:
    entries = [(k, f"{KIND_LOOK[k].symbol} {w[k]}") for k in KINDS]
    entries += [(r, w[r]) for r in RELATIONS if r in relations]
    if refs:
        entries.append(("ref", w["map_reference"]))
    return tuple(entries)


def _claim_pages(b: _Builder, strand_index: int, primaries: Sequence[Claim], title: str):
    outline = b.outline
    strand = outline.strands[strand_index]
    ids = {c.id for c in primaries}
    # No strand box on top: the slide or section title names the strand, and the room
    # goes to the claims.
    contents: dict[str, _Content] = {}
    nodes: list[layered.GraphNode] = []
    edges: list[layered.GraphEdge] = []
    refs: dict[str, Claim] = {}
    for c in primaries:
        contents[c.id] = b.claim(c)
        nodes.append(layered.GraphNode(c.id))
    for other in outline.claims:
        for relation in RELATIONS:
            for target in getattr(other, relation):
                if other.id in ids or target in ids:
                    for end in (other.id, target):
                        if end not in ids:
                            refs.setdefault(end, outline.claim(end))
                    edges.append(layered.GraphEdge(other.id, target, relation))
    for ref_id, claim in sorted(refs.items(), key=lambda kv: outline.claim_number(kv[0])):
        contents[ref_id] = b.ref(claim)
        nodes.append(layered.GraphNode(ref_id))
    relations = {e.relation for e in edges}
    legend = _legend(b.words, relations, bool(refs))
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


def _strand_pages(b: _Builder, strand_index: int) -> list[MapPage]:
    strand = b.outline.strands[strand_index]
    base_title = titled(b.words["argument_map"], strand.title[b.lang])
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
        for claim in left:
            if _claim_pages(b, strand_index, chunk + [claim], base_title) is not None:
                chunk.append(claim)
            else:
                rest.append(claim)
        left = rest
        chunks.append(sorted(chunk, key=lambda c: position[c.id]))
    pages = []
    for i, chunk in enumerate(chunks):
        title = numbered(base_title, i + 1, len(chunks))
        page = _claim_pages(b, strand_index, chunk, title)
        pages.append(page if page is not None else _forced(b, strand_index, chunk, title))
    return pages


def _forced(b: _Builder, strand_index: int, chunk, title) -> MapPage:
    """A single claim whose relations alone overflow the box: lay it out on a larger
    canvas and scale the whole page down uniformly (text included) to fit."""
    for factor in (0.85, 0.7, 0.55, 0.45, 0.35, 0.25, 0.18, 0.12):
        big = _Builder(b.outline, b.lang, b.width / factor, b.height / factor, b.style)
        page = _claim_pages(big, strand_index, chunk, title)
        if page is not None:
            return scale_page(page, factor)
    raise ValueError(f"argument map for {chunk[0].id} cannot be laid out")


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


def _overview(b: _Builder) -> MapPage:
    page = _overview_page(b)
    for factor in (0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2):
        if page is not None:
            break
        page = _overview_page(_Builder(b.outline, b.lang, b.width / factor, b.height / factor, b.style))
        page = page and scale_page(page, factor)
    if page is None:
        raise ValueError("the overview map does not fit")
    return page


def _overview_page(b: _Builder) -> MapPage | None:
    outline = b.outline
    contents = {"thesis": b.thesis()}
    for i, s in enumerate(outline.strands):
        contents[f"strand:{s.id}"] = b.strand(i, with_counts=True)
    legend = tuple((k, f"{KIND_LOOK[k].symbol} {b.words[k]}") for k in KINDS)
    title = titled(b.words["argument_map"], b.words["map_overview"])
    n = len(outline.strands)
    for per_row in range(n, 0, -1):
        nodes = [layered.GraphNode("thesis", 0)]
        nodes += [layered.GraphNode(f"strand:{s.id}", 1 + i // per_row)
                  for i, s in enumerate(outline.strands)]
        edges = [layered.GraphEdge(f"strand:{s.id}", "thesis", "member") for s in outline.strands]
        page = b.page("overview", title, contents, nodes, edges, legend)
        if page is not None:
            return page
    return None


def _whole(b: _Builder) -> MapPage | None:
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
    legend = _legend(b.words, {e.relation for e in edges}, refs=False)
    return b.page("whole", b.words["argument_map"], contents, nodes, edges, legend,
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
        whole = _whole(_Builder(outline, lang, width, height, style.scaled(factor)))
        if whole is not None:
            return [whole]
    b = _Builder(outline, lang, width, height, style)
    pages = [_overview(b)]
    for i in range(len(outline.strands)):
        pages += _strand_pages(b, i)
    return pages
