"""Argument-map pages as reportlab vector Drawings for the PDFs, drawn from the
format-neutral map layout: the boxes hold exactly the lines the layout wrapped."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Polygon, PolyLine, Rect

from ..looks import INK, KIND_LOOK, MUTED, PAPER
from ..present.argmap import BOLD_BODY, RELATIONS, ROUND_RADIUS, MapNode, MapPage
from ..present.mapboxes import BLANK_BADGE, MEMBER_COLOUR, RELATION_COLOURS
from ..present.mapgeometry import arrow_head, box_scale, cropped, heading_colour, node_colours
from .drawings import new_drawing, text_group
from .fonts import FontSet
from .styles import hex_colour

EDGE_LOOK = {   # colour, width, dash, filled head
    "supports": (RELATION_COLOURS["supports"], 1.2, None, True),
    "challenges": (RELATION_COLOURS["challenges"], 1.2, (4, 2.5), False),
    "member": (MEMBER_COLOUR, 0.7, None, None),
}
OUTLINE_WIDTH = {"thesis": 1.6, "strand": 0.9, "ref": 0.8, "claim": 1.0}   # points


def map_drawing(page: MapPage, fonts: FontSet) -> Drawing:
    """The map, cropped to its content with the key right below it."""
    page = cropped(page)
    d = new_drawing(page.width, page.height, fonts)
    flip = page.height
    for edge in page.edges:
        _edge(d, [(x, flip - y) for x, y in edge.points], edge.relation)
    for node in page.nodes:
        _node(d, node, page, fonts, flip)
    _key(d, page, fonts, flip)
    return d


def _node(d: Drawing, node: MapNode, page: MapPage, fonts: FontSet, flip: float) -> None:
    st = page.style
    look = KIND_LOOK.get(node.kind) if node.kind else None
    fill, stroke, ink = node_colours(node)
    width = OUTLINE_WIDTH[node.role]
    x, y, w, h = node.x, flip - node.y - node.height, node.width, node.height
    # The kind's border pattern (solid, dashed, dotted) survives a greyscale copy.
    dash = look.dash if look else None
    shape = look.shape if look else "rectangle"
    scale = box_scale(node, st)
    tip = st.arrow_tip * scale
    text_right = tip if shape == "arrow" else 0.0
    outline = _kind_shape(shape, x, y, w, h, min(h / 2, ROUND_RADIUS * scale), tip)
    outline.fillColor, outline.strokeColor, outline.strokeWidth = hex_colour(fill), hex_colour(stroke), width
    outline.strokeDashArray = dash
    outline.strokeLineCap = 1 if dash else 0
    d.add(outline)
    lines = [(t, node.heading_size, True, heading_colour(node)) for t in node.heading]
    lines += [(t, node.body_size, node.role in BOLD_BODY, ink) for t in node.body]
    lines += [(t, node.heading_size, True, MUTED) for t in node.footer]
    block = sum(size * st.leading for _, size, _, _ in lines)
    cx = x + (w - text_right) / 2
    top = y + h - (h - block) / 2
    for text, size, bold, colour in lines:
        pitch = size * st.leading
        # Baseline about 0.78 of the way down the line box, as fonts ascend.
        baseline = top - (pitch - size) / 2 - size * 0.86
        if text.endswith(BLANK_BADGE):
            _blank_badge(d, fonts, text, cx, baseline, size, colour)
        else:
            d.add(text_group(fonts, text, cx, baseline, size, colour, bold, "middle"))
        top -= pitch


def _blank_badge(d: Drawing, fonts: FontSet, text: str, cx: float, baseline: float,
                 size: float, colour: str) -> None:
    """"#12" and an empty box after it, where a student writes the kind."""
    number = text[: -len(BLANK_BADGE)].rstrip()
    whole = fonts.string_width(text, size, True)
    left = cx - whole / 2
    d.add(text_group(fonts, number, left, baseline, size, colour, True))
    box_left = left + fonts.string_width(number + " ", size, True)
    d.add(Rect(box_left, baseline - size * 0.3, left + whole - box_left, size * 1.25,
               fillColor=hex_colour(PAPER), strokeColor=hex_colour(INK), strokeWidth=0.7))


def _kind_shape(shape: str, x: float, y: float, w: float, h: float, radius: float, tip: float):
    """A box shaped as a kind's badge (``kinds.Look.shape``), bottom-left at (x, y)."""
    if shape == "rounded":
        return Rect(x, y, w, h, rx=radius, ry=radius)
    if shape == "arrow":
        return Polygon([x, y, x + w - tip, y, x + w, y + h / 2, x + w - tip, y + h, x, y + h])
    return Rect(x, y, w, h)


def _edge(d: Drawing, points, relation: str) -> None:
    colour, width, dash, filled = EDGE_LOOK[relation]
    flat = [v for p in points for v in p]
    line = PolyLine(flat, strokeColor=hex_colour(colour), strokeWidth=width)
    if dash:
        line.strokeDashArray = dash
    if filled is None:
        d.add(line)
        return
    base, corners = arrow_head(points, 6.0, 3.2)
    wing = [v for p in corners for v in p]
    flat[-2:] = base
    line.points = flat
    d.add(line)
    if filled:
        d.add(Polygon(wing, fillColor=hex_colour(colour), strokeColor=hex_colour(colour), strokeWidth=0.5))
    else:
        d.add(PolyLine(wing, strokeColor=hex_colour(colour), strokeWidth=width))


def _key(d: Drawing, page: MapPage, fonts: FontSet, flip: float) -> None:
    for item in page.legend:
        mid = flip - item.y - item.height / 2
        x = item.x
        if item.type in RELATIONS:
            _edge(d, [(x, mid), (x + item.sample_width, mid)], item.type)
        else:
            look = KIND_LOOK.get(item.type)
            h = item.height * 0.6
            box = _kind_shape(
                look.shape if look else "rectangle",
                x,
                mid - h / 2,
                item.sample_width,
                h,
                radius=h / 2,
                tip=4,
            )
            box.fillColor = hex_colour(look.tint if look else PAPER)
            box.strokeColor = hex_colour(look.colour if look else MUTED)
            box.strokeWidth = 0.9 if look else 0.6
            if look and look.dash:
                box.strokeDashArray = look.dash
                box.strokeLineCap = 1
            d.add(box)
        d.add(text_group(fonts, item.text, x + item.sample_width + 4, mid - item.size * 0.35,
                         item.size, INK))


