"""A small layered (Sugiyama-style) graph layout with box-free edge routes.

Nodes sit in horizontal rows; an edge points from a node in a lower row to one in a
higher row (a claim below the claim it supports). Edges spanning several rows pass
through reserved narrow slots ("dummies") in the rows between, and between rows they
run in the empty channel. So every edge segment is either inside its own node's column
stub, inside a reserved slot, or inside a channel: no line ever crosses a box.

Pure Python, in points, y growing downwards (the renderers flip it where needed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from .rows import SLOT, least_height, measure_rows


@dataclass(frozen=True)
class GraphNode:
    id: str
    layer: int | None = None     # pinned row (headers); None: placed by the edges


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    relation: str                # supports | challenges | member


@dataclass
class Placed:
    id: str
    x: float
    y: float
    width: float
    height: float
    row: int
    shrink: float = 1.0

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass
class Route:
    edge: GraphEdge
    points: list[tuple[float, float]]


@dataclass
class Layout:
    boxes: dict[str, Placed]
    routes: list[Route]
    width: float
    height: float
    fits: bool
    rows: int = 0
    shrink: list[float] = field(default_factory=list)


# size(node_id, shrink) -> (width, height); shrink 1 is the preferred width, smaller
# values ask for a narrower (taller) box.
SizeFn = Callable[[str, float], tuple[float, float]]


def assign_layers(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge]) -> dict[str, int]:
    """Pinned nodes keep their row; the others go below every pinned row, each one row
    under the lowest node it points to. Cycles are broken by ignoring the edge that
    closes them, in a fixed order, so the result is deterministic."""
    free = [n.id for n in nodes if n.layer is None]
    free_set = set(free)
    base = max((n.layer for n in nodes if n.layer is not None), default=-1) + 1
    targets: dict[str, list[str]] = {n: [] for n in free}
    for e in edges:
        if e.source in free_set and e.target in free_set and e.source != e.target:
            targets[e.source].append(e.target)
    depth: dict[str, int] = {}
    on_stack: set[str] = set()

    def visit(node: str) -> int:
        if node in depth:
            return depth[node]
        on_stack.add(node)
        below = [visit(t) for t in targets[node] if t not in on_stack]
        on_stack.discard(node)
        depth[node] = 1 + max(below) if below else 0
        return depth[node]

    for node in free:
        visit(node)
    layers = {n.id: n.layer for n in nodes if n.layer is not None}
    for node in free:
        layers[node] = base + depth[node]
    # A node pointing only at pinned headers still belongs under them.
    for e in edges:
        if e.source in free_set and e.target not in free_set:
            layers[e.source] = max(layers[e.source], layers[e.target] + 1)
    return _compact(layers)


def _compact(layers: dict[str, int]) -> dict[str, int]:
    used = sorted(set(layers.values()))
    index = {layer: i for i, layer in enumerate(used)}
    return {n: index[layer] for n, layer in layers.items()}


def _narrow_rows(nodes, edges, layers, size, width, gap, min_shrink) -> dict[str, int]:
    """Move nodes down out of rows that are too wide even at the narrowest boxes, when
    all their neighbours are above (or at least two rows below): their edges just get
    longer, passing through a narrow slot of the row they left."""
    layers = dict(layers)
    pinned = {n.id for n in nodes if n.layer is not None}
    order = {n.id: i for i, n in enumerate(nodes)}
    neighbours: dict[str, set[str]] = {n.id: set() for n in nodes}
    for e in edges:
        if e.source != e.target:
            neighbours[e.source].add(e.target)
            neighbours[e.target].add(e.source)
    widths = {n.id: size(n.id, min_shrink)[0] for n in nodes}

    def row_width(r):
        members = [n for n, layer in layers.items() if layer == r]
        passing = sum(1 for e in edges if min(layers[e.source], layers[e.target]) < r
                      < max(layers[e.source], layers[e.target]))
        return sum(widths[n] for n in members) + SLOT * passing + gap * (len(members) + passing - 1)

    def saves(n):
        """Width freed in the row by moving ``n`` down (its upward edges stay as slots)."""
        up = sum(1 for m in neighbours[n] if layers[m] < layers[n])
        return widths[n] + gap - up * (SLOT + gap)

    r = 0
    limit = 2 * (max(layers.values(), default=0) + 1)
    while r <= max(layers.values(), default=0) and r < limit:
        while row_width(r) > width:
            movable = [n for n, layer in layers.items() if layer == r and n not in pinned
                       and all(layers[m] != r + 1 for m in neighbours[n]) and saves(n) > 0]
            if not movable:
                break
            pick = min(movable, key=lambda n: (len(neighbours[n]), -order[n]))
            layers[pick] = r + 1
        r += 1
    return layers


def _chains(edges, layers):
    """Each edge as the list of rows it visits; dummy ids name the in-between slots."""
    chains = []
    for i, e in enumerate(edges):
        a, b = layers[e.source], layers[e.target]
        step = -1 if b < a else 1
        ids = [e.source]
        for row in range(a + step, b, step):
            ids.append(f"\0{i}:{row}")
        ids.append(e.target)
        chains.append(ids)
    return chains


def _order_rows(rows: list[list[str]], chains) -> None:
    """Barycentre sweeps to reduce crossings, stable on ties."""
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    row_of = {n: r for r, row in enumerate(rows) for n in row}
    for chain in chains:
        for a, b in zip(chain, chain[1:]):
            lo, hi = (a, b) if row_of[a] > row_of[b] else (b, a)
            up.setdefault(lo, []).append(hi)
            down.setdefault(hi, []).append(lo)

    def sweep(order: range, neighbours: dict[str, list[str]]):
        for r in order:
            position = {n: i for i, n in enumerate(rows[r + (1 if neighbours is down else -1)])}
            def key(item, position=position):
                i, n = item
                ns = [position[m] for m in neighbours.get(n, ()) if m in position]
                return (sum(ns) / len(ns) if ns else i, i)
            rows[r] = [n for _, n in sorted(enumerate(rows[r]), key=key)]

    for _ in range(4):
        before = [list(row) for row in rows]
        sweep(range(1, len(rows)), up)
        sweep(range(len(rows) - 2, -1, -1), down)
        if rows == before:
            break       # a pair of sweeps that changed nothing would change nothing again


def _place_row(widths: list[float], desired: list[float], gap: float, total: float) -> list[float]:
    """Left edges as close as possible to the desired centres without overlap, within
    [0, total]: blocks of touching boxes are merged and centred on their mean wish.
    Each block keeps running sums, so a row of n boxes costs O(n)."""
    # a block: [first index, count, span (widths and gaps), sum of its members' wished starts]
    blocks: list[list] = []
    for i in range(len(widths)):
        blocks.append([i, 1, widths[i] + gap, desired[i] - widths[i] / 2])
        while len(blocks) > 1:
            prev, last = blocks[-2], blocks[-1]
            if prev[3] / prev[1] + prev[2] <= last[3] / last[1]:
                break
            blocks[-2:] = [[prev[0], prev[1] + last[1], prev[2] + last[2],
                            prev[3] + last[3] - last[1] * prev[2]]]
    starts = [block[3] / block[1] for block in blocks]
    blocks = [list(range(block[0], block[0] + block[1])) for block in blocks]
    lefts: list[float] = []
    for block, start in zip(blocks, starts):
        x = start
        for j in block:
            lefts.append(x)
            x += widths[j] + gap
    for i in range(len(lefts)):
        floor = 0.0 if i == 0 else lefts[i - 1] + widths[i - 1] + gap
        lefts[i] = max(lefts[i], floor)
    for i in range(len(lefts) - 1, -1, -1):
        ceiling = total - widths[i] if i == len(lefts) - 1 else lefts[i + 1] - gap - widths[i]
        lefts[i] = min(lefts[i], ceiling)
    return lefts


def layout(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], size: SizeFn,
           width: float, height: float, gap: float = 12.0, channel: float = 26.0,
           min_shrink: float = 0.6, placed_if_unfit: bool = True,
           long_lines: int | None = None, place: bool = True,
           max_grow: float = 1.0) -> Layout:
    """The boxes and routes of the graph in a ``width`` by ``height`` box. With
    ``placed_if_unfit`` False, a graph that does not fit comes back at once with its
    rows measured but no boxes or routes: callers that search for a page that fits
    skip placing the pages they reject. With ``place`` False, no graph is placed: only
    whether it fits is decided (a search that keeps the last page that fits places
    that one alone). A graph with more than ``long_lines`` edges passing a row of boxes
    does not fit either. ``max_grow`` above 1: a graph too tall at the boxes' preferred
    widths is measured again with each row's boxes as wide as the row allows, up to that
    factor (wider boxes take fewer lines, so a row with room to spare gets shorter)."""
    layers = assign_layers(nodes, edges)
    layers = _narrow_rows(nodes, edges, layers, size, width, gap, min_shrink)
    edges = [e for e in edges if e.source != e.target and layers[e.source] != layers[e.target]]
    chains = _chains(edges, layers)
    n_rows = max(layers.values(), default=-1) + 1
    rows: list[list[str]] = [[] for _ in range(n_rows)]
    for n in nodes:
        rows[layers[n.id]].append(n.id)
    for chain in chains:
        for dummy in chain[1:-1]:
            rows[int(dummy.rsplit(":", 1)[1])].append(dummy)
    _order_rows(rows, chains)

    fits = long_lines is None or sum(len(chain) > 2 for chain in chains) <= long_lines
    measured = measure_rows(rows, size, width, gap, channel, min_shrink, 1.0)
    if measured[0] and measured[-1] > height + 0.01 and max_grow > 1.0 \
            and least_height(rows, size, channel, max_grow) <= height + 0.01:
        measured = measure_rows(rows, size, width, gap, channel, min_shrink, max_grow)
    rows_fit, sizes, shrinks, tops, row_heights, total_height = measured
    fits = fits and rows_fit and total_height <= height + 0.01
    if not place or (not fits and not placed_if_unfit):
        return Layout({}, [], 0.0, total_height, fits, n_rows, shrinks)

    centres = _place_x(rows, chains, sizes, width, gap)
    boxes = {}
    for r, row in enumerate(rows):
        for n in row:
            w, h = sizes[n]
            boxes[n] = Placed(n, centres[n] - w / 2, tops[r] + (row_heights[r] - h) / 2,
                              w, h, r, shrinks[r])
    routes = _route(edges, chains, boxes, tops, row_heights)
    real = {k: v for k, v in boxes.items() if not k.startswith("\0")}
    used_width = max((b.right for b in real.values()), default=0.0)
    return Layout(real, routes, max(used_width, 0.0), total_height, fits, n_rows, shrinks)


def _place_x(rows, chains, sizes, width, gap):
    neighbours: dict[str, list[str]] = {}
    for chain in chains:
        for a, b in zip(chain, chain[1:]):
            neighbours.setdefault(a, []).append(b)
            neighbours.setdefault(b, []).append(a)
    centres: dict[str, float] = {}
    for row in rows:       # start packed and centred
        used = sum(sizes[n][0] for n in row) + gap * (len(row) - 1)
        x = (width - used) / 2
        for n in row:
            centres[n] = x + sizes[n][0] / 2
            x += sizes[n][0] + gap
    order = list(range(len(rows)))
    for _ in range(3):
        before = dict(centres)
        for r in order + order[::-1]:      # a sweep down the rows, then one up
            row = rows[r]
            desired = []
            for n in row:
                ns = [centres[m] for m in neighbours.get(n, ())]
                desired.append(sum(ns) / len(ns) if ns else centres[n])
            widths = [sizes[n][0] for n in row]
            lefts = _place_row(widths, desired, gap, width)
            for n, left, w in zip(row, lefts, widths):
                centres[n] = left + w / 2
        if centres == before:
            break       # a pair of sweeps that moved nothing would move nothing again
    return centres


def _route(edges, chains, boxes, tops, heights) -> list[Route]:
    """Polylines: out of the source's top (or bottom), across each channel with a
    short vertical lead at both ends, through reserved slots, into the target."""
    ports: dict[tuple[str, str], list[tuple[int, float]]] = {}

    def side(node, towards_row):
        return "top" if towards_row < boxes[node].row else "bottom"

    # Spread the ports of each box side by the x of the next point, to avoid crossings.
    for i, chain in enumerate(chains):
        for end, nxt in ((chain[0], chain[1]), (chain[-1], chain[-2])):
            key = (end, side(end, boxes[nxt].row))
            ports.setdefault(key, []).append((i, boxes[nxt].x + boxes[nxt].width / 2))
    port_x: dict[tuple[str, str, int], float] = {}
    for (node, s), items in ports.items():
        box = boxes[node]
        items.sort(key=lambda item: (item[1], item[0]))
        inset = min(10.0, box.width / 6)
        for k, (i, _) in enumerate(items):
            port_x[(node, s, i)] = (
                box.x + inset + (box.width - 2 * inset) * (k + 1) / (len(items) + 1)
            )

    routes = []
    for i, (e, chain) in enumerate(zip(edges, chains)):
        pts: list[tuple[float, float]] = []
        for k, node in enumerate(chain):
            box = boxes[node]
            r = box.row
            top, bottom = tops[r], tops[r] + heights[r]
            if node.startswith("\0"):
                x = box.x + box.width / 2
                going_up = boxes[chain[k + 1]].row < r
                pts += [(x, bottom), (x, top)] if going_up else [(x, top), (x, bottom)]
                continue
            towards = boxes[chain[k + 1] if k == 0 else chain[k - 1]].row
            s = side(node, towards)
            x = port_x[(node, s, i)]
            edge_y, row_y = (box.y, top) if s == "top" else (box.bottom, bottom)
            if k == 0:
                pts += [(x, edge_y), (x, row_y)]
            else:
                pts += [(x, row_y), (x, edge_y)]
        routes.append(Route(e, _with_leads(pts)))
    return routes


def _with_leads(pts):
    """Between two row boundaries, go straight for a quarter of the channel at each
    end so arrows meet boxes head-on and lines leave boxes cleanly."""
    out = [pts[0]]
    for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
        if x1 != x2 and y1 != y2:
            lead = (y2 - y1) / 4
            out += [(x1, y1 + lead), (x2, y2 - lead)]
        out.append((x2, y2))
    dedup = [out[0]]
    for p in out[1:]:
        if abs(p[0] - dedup[-1][0]) > 1e-6 or abs(p[1] - dedup[-1][1]) > 1e-6:
            dedup.append(p)
    return dedup
