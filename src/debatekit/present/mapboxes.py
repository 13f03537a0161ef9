"""The boxes of an argument map: their contents (badge, text, counts), sizes measured
with ``textfit``, the key, and one laid-out page from a set of nodes and edges.

``argmap`` decides what goes on which page; this module only builds and measures.
"""

from __future__ import annotations

from typing import NamedTuple

from dataclasses import dataclass, field, replace

from .. import textfit
from ..labels import labels_for
from ..language import profile
from ..looks import KIND_LOOK
from ..model import KINDS, Claim, Outline
from . import layered
from .balance import kind_counts

RELATIONS = ("supports", "challenges")
# Line colours of the relations, the same in the deck and the handout (green as a
# verified fact's mark, red as a false one's); they differ in greyscale by dash and head.
RELATION_COLOURS = {"supports": "2E6B30", "challenges": "A11D1D"}
# The lines from strands to the thesis: grey, but dark enough (4.5:1 on white) to read as
# the structure they are; the light rule grey of tables reaches only 1.8:1.
MEMBER_COLOUR = "767676"
BOLD_BODY = ("thesis", "strand")   # roles whose text is drawn bold
# A blank map (the students' copy) writes this after a claim's number, where the kind
# badge would be; the renderers draw an empty box over it for the student to fill in.
BLANK_BADGE = "\uff3f\uff3f\uff3f\uff3f"   # not white space: wrapping keeps it
MAX_NODE_EM = 90.0     # longest claim text drawn whole in a map box (ems: ~90 CJK characters)
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
    text_em: float = 90.0            # longest claim text drawn whole (ems), see ``shortened``
    short_kinds: bool = False        # "Fact" rather than "Stated fact" in a box's badge line
    claim_cap: float = 260.0         # widest a claim's box may be
    claim_share: float = 3.4         # ... and at most the map's width over this
    key_kinds: bool = True           # the key shows the kinds' boxes (else the relations only)
    # Lines a page of several claims may route past a row of boxes (None: any number);
    # beyond that they run side by side in the same gaps, and the page counts as full.
    long_lines: int | None = None
    max_grow: float = 1.0            # a page too tall widens its rows' boxes up to this

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


class Content(NamedTuple):
    role: str
    kind: str | None
    status: str | None
    heading: str
    body: str
    cap: float                      # preferred maximum width
    footer: str = ""


class Builder:
    """Measures and places one map page's boxes. ``blank``: the students' copy, where a
    claim's box shows its number and an empty badge instead of its kind and status."""

    def __init__(self, outline: Outline, lang: str, width: float, height: float,
                 style: MapStyle, blank: bool = False):
        self.outline, self.lang, self.style, self.blank = outline, lang, style, blank
        self.labels = labels_for(outline, lang)
        self.width, self.height = width, height
        self._wrapped: dict[tuple[Content, float], tuple] = {}
        self._boxes: dict[tuple[Content, float], tuple] = {}     # by the text's width
        self._claims: dict[str, Content] = {}
        self._legends: dict[tuple, tuple[tuple[LegendItem, ...], float]] = {}
        self._relations: dict[str, list[tuple[str, str, str]]] | None = None

    def relations_of(self, claim_id: str) -> list[tuple[str, str, str]]:
        """Every (source, target, relation) the claim takes part in, in outline order:
        the relations are indexed once per builder, not searched per page."""
        if self._relations is None:
            index: dict[str, list[tuple[str, str, str]]] = {}
            for other in self.outline.claims:
                for relation in RELATIONS:
                    for target in getattr(other, relation):
                        edge = (other.id, target, relation)
                        index.setdefault(other.id, []).append(edge)
                        if target != other.id:
                            index.setdefault(target, []).append(edge)
            self._relations = index
        return self._relations.get(claim_id, [])

    # ---- node contents -------------------------------------------------------------
    def kind_badge(self, claim: Claim) -> str:
        if self.blank:
            return f"#{self.outline.claim_number(claim.id)} {BLANK_BADGE}"
        look = KIND_LOOK[claim.kind]
        word = self.labels["fact_short"] if self.style.short_kinds and claim.kind == "fact" \
            else self.labels[claim.kind]
        badge = f"#{self.outline.claim_number(claim.id)} {look.symbol} {word}"
        if claim.fact_status not in (None, "stated"):
            badge += f" · {self.labels[claim.fact_status]}"
        return badge

    def counts(self, strand) -> str:
        n = kind_counts(strand.claims)
        return "  ".join(f"{KIND_LOOK[k].symbol} {n[k]}" for k in KINDS)

    def thesis(self) -> Content:
        return Content("thesis", None, None, self.labels["thesis"],
                        shortened(self.outline.thesis[self.lang], 5 * MAX_NODE_EM),
                        max(200.0, self.width * 0.6))

    def strand(self, index: int, with_counts: bool) -> Content:
        s = self.outline.strands[index]
        heading = f"{self.labels['strand']} {index + 1}"
        return Content("strand", None, None, heading, shortened(s.title[self.lang]),
                        max(150.0, min(self.width * 0.45, 260.0)),
                        self.counts(s) if with_counts else "")

    def _kind(self, claim: Claim) -> tuple[str | None, str | None]:
        return (None, None) if self.blank else (claim.kind, claim.fact_status)

    def claim(self, claim: Claim) -> Content:
        """A claim's box contents, made once per builder: a page search asks for the
        same claims' boxes page after page."""
        content = self._claims.get(claim.id)
        if content is None:
            content = Content("claim", *self._kind(claim), self.kind_badge(claim),
                              shortened(claim.text[self.lang], self.style.text_em),
                              max(110.0, min(self.width / self.style.claim_share,
                                             self.style.claim_cap)))
            self._claims[claim.id] = content
        return content

    def ref(self, claim: Claim, where: str | None = None) -> Content:
        """A pointer to a claim drawn on another map: its strand, or ``where`` (the page
        of the same strand's map that holds it)."""
        strand = self.outline.strand_number(self.outline.strand_of(claim.id).id)
        # a no-break space: the strand's number never stands alone on the box's last line
        return Content("ref", *self._kind(claim), self.kind_badge(claim),
                       where or f"→ {self.labels['strand']}\u00a0{strand}",
                       max(90.0, min(self.width / 6, 130.0)))

    # ---- sizing ----------------------------------------------------------------------
    def sizes(self, content: Content):
        st = self.style
        body = st.body_size * (st.ref_scale if content.role == "ref" else 1.0)
        head = body * st.heading_scale
        extra = {"prediction": st.arrow_tip, "opinion": ROUND_INSET}.get(content.kind, 0.0)
        return head, body, 2 * st.pad_x + extra

    def wrapped(self, content: Content, shrink: float):
        """(width, height, heading lines, body lines, heading size, body size, footer
        lines) of a box, remembered: paging lays the same boxes out many times."""
        key = (content, round(shrink, 4))
        found = self._wrapped.get(key)
        if found is None:
            found = self._wrapped[key] = self._wrap(content, shrink)
        return found

    def _wrap(self, content: Content, shrink: float):
        head, body, chrome = self.sizes(content)
        st = self.style
        # Reference boxes are small already: narrowing them only stacks their words.
        cap = max(st.min_width, content.cap * (1.0 if content.role == "ref" else shrink))
        bold = content.role in BOLD_BODY
        natural = max(textfit.text_width(content.heading, head, bold=True),
                      textfit.text_width(content.footer, head, bold=True),
                      textfit.text_width(content.body, body, bold)) / textfit.SAFETY
        inner = min(cap - chrome, natural + 1.0)
        # the badge line (number, kind, status) never breaks inside a box, nor a pointer
        # ("→ 论证线索 1": renderers break at a no-break space after Chinese): the box grows
        pointer = textfit.text_width(content.body, body) if content.role == "ref" else 0.0
        inner = max(inner, max(textfit.text_width(content.heading, head, bold=True),
                               pointer) / textfit.SAFETY + 1.0)
        # a short text is as wide at every shrink that leaves it room: wrapped once
        found = self._boxes.get((content, inner))
        if found is None:
            found = self._boxes[(content, inner)] = self._box(content, inner, head, body, chrome)
        return found

    def _box(self, content: Content, inner: float, head: float, body: float, chrome: float):
        st, bold = self.style, content.role in BOLD_BODY
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
    def page(self, kind, title, contents: dict[str, Content], nodes, edges, legend,
             strand=None, claims=()) -> MapPage | None:
        """Lay out one page; None when it does not fit the box."""
        key, _ = self.legend(legend)
        lay = self._layout(contents, nodes, edges, legend, claims, place=True)
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

    def fits(self, contents: dict[str, Content], nodes, edges, legend, claims=()) -> bool:
        """Whether ``page`` would lay these out within the box, without placing them: a
        page search tries many pages and keeps one, which it then lays out in full."""
        return self._layout(contents, nodes, edges, legend, claims, place=False).fits

    def _layout(self, contents, nodes, edges, legend, claims, place: bool):
        def size(node_id, shrink):
            return self.wrapped(contents[node_id], shrink)[:2]

        _, key_height = self.legend(legend)
        return layered.layout(nodes, edges, size, self.width, self.height - key_height,
                              gap=self.style.gap, channel=self.style.channel,
                              placed_if_unfit=False, place=place,
                              long_lines=self.style.long_lines if len(claims) > 1 else None,
                              max_grow=self.style.max_grow)

    def legend(self, entries) -> tuple[tuple[LegendItem, ...], float]:
        """The key's items flowed left to right, wrapping as needed, bottom-aligned in
        the box; and the height it takes from the map (with a gap above it). Remembered:
        a page search asks for the same few keys page after page."""
        entries = tuple(entries)
        found = self._legends.get(entries)
        if found is None:
            found = self._legends[entries] = self._legend(entries)
        return found

    def _legend(self, entries) -> tuple[tuple[LegendItem, ...], float]:
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
    # the longest start of the text within the limit, its width summed character by
    # character (measuring every prefix anew cost time with the square of the length)
    cut, width = 0, 0.0
    for ch in text:
        width += textfit.char_em(ch)
        if width > limit_em:
            break
        cut += 1
    space = text.rfind(" ", 0, cut)
    if space > cut * 0.6:
        cut = space
    return text[:cut].rstrip(" ,;:，、；：") + "…"


def titled(first: str, second: str, lang: str) -> str:
    """``first: second``, with the colon of ``lang``."""
    return profile(lang).labelled(first, second)


def numbered(title: str, i: int, n: int, lang: str) -> str:
    """``title (i/n)``, with the brackets of ``lang``."""
    return profile(lang).remark(title, f"{i}/{n}")


def _lines(text: str, width: float, size: float, bold: bool = False) -> tuple[str, ...]:
    return tuple(text[ln.start:ln.end].strip() for ln in textfit.wrap(text, width, size, bold))


def legend_entries(w, relations: set[str], refs: bool,
                   kinds: bool = True) -> tuple[tuple[str, str], ...]:
    entries = [(k, f"{KIND_LOOK[k].symbol} {w[k]}") for k in KINDS] if kinds else []
    entries += [(r, w[r]) for r in RELATIONS if r in relations]
    if refs:
        entries.append(("ref", w["map_reference"]))
    return tuple(entries)
