"""Argument-map pages as inline SVG, drawn from the format-neutral map layout.

The boxes, lines and wrapped text lines are the layout's own (the deck and the handout
draw the same pages); this module only writes them as SVG elements. Every piece of
outline text goes through ``escape``.

A *blank* map is for students: every claim box is the same plain rectangle holding its
number, an empty badge to write the kind in, and the claim's text; the key names only the
relations. The blank pages come from ``argmap.blank_strand_pages``, laid out with no kind at all,
so neither a box's shape nor its width gives a kind away.
"""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup, escape

from .. import textfit
from ..looks import INK, KIND_LOOK, MUTED, PAPER
from ..present.mapgeometry import arrow_head, box_scale, cropped, heading_colour, node_colours
from ..present.mapboxes import (
    BOLD_BODY,
    MEMBER_COLOUR,
    RELATION_COLOURS,
    RELATIONS,
    ROUND_RADIUS,
    MapNode,
    MapPage,
    MapStyle,
)
from . import svg
from .svg import coord

EDGE_LOOK = {  # colour, width, dash, filled head
    "supports": (RELATION_COLOURS["supports"], 1.4, None, True),
    "challenges": (RELATION_COLOURS["challenges"], 1.4, "5 3", False),
    "member": (MEMBER_COLOUR, 1.0, None, None),
}
OUTLINE_WIDTH = {"thesis": 1.8, "strand": 1.0, "ref": 1.0, "claim": 1.2}
BLANK_FRAME = "767676"  # the dashed frame of an empty badge


def _shape(
    shape: str, x: float, y: float, w: float, h: float, radius: float, tip: float, attrs: str
) -> str:
    if shape == "rounded":
        return (
            f'<rect x="{coord(x)}" y="{coord(y)}" width="{coord(w)}" height="{coord(h)}" '
            f'rx="{coord(radius)}" {attrs}/>'
        )
    if shape == "arrow":
        pts = [(x, y), (x + w - tip, y), (x + w, y + h / 2), (x + w - tip, y + h), (x, y + h)]
        return f'<polygon points="{" ".join(f"{coord(a)},{coord(b)}" for a, b in pts)}" {attrs}/>'
    return f'<rect x="{coord(x)}" y="{coord(y)}" width="{coord(w)}" height="{coord(h)}" {attrs}/>'


def _node(node: MapNode, page: MapPage, blank: bool) -> list[str]:
    st = page.style
    look = KIND_LOOK.get(node.kind) if node.kind else None
    fill, stroke, ink = node_colours(node)
    shape = look.shape if look else "rectangle"
    if blank and node.role in ("claim", "ref"):
        fill, stroke, ink, shape = PAPER, INK if node.role == "claim" else MUTED, INK, "rectangle"
    scale = box_scale(node, st)
    tip = st.arrow_tip * scale
    dash = ' stroke-dasharray="3 2"' if node.role == "ref" else ""
    attrs = f'fill="#{fill}" stroke="#{stroke}" stroke-width="{OUTLINE_WIDTH[node.role]}"{dash}'
    out = [
        _shape(
            shape,
            node.x,
            node.y,
            node.width,
            node.height,
            min(node.height / 2, ROUND_RADIUS * scale),
            tip,
            attrs,
        )
    ]
    lines = [("heading", t, node.heading_size, True, heading_colour(node)) for t in node.heading]
    lines += [("body", t, node.body_size, node.role in BOLD_BODY, ink) for t in node.body]
    lines += [("footer", t, node.heading_size, True, MUTED) for t in node.footer]
    block = sum(size * st.leading for _, _, size, _, _ in lines)
    text_right = tip if shape == "arrow" else 0.0
    cx = node.x + (node.width - text_right) / 2
    top = node.y + (node.height - block) / 2
    first_heading = True
    for part, text, size, bold, colour in lines:
        pitch = size * st.leading
        baseline = top + (pitch - size) / 2 + size * 0.86
        if blank and part == "heading" and node.role in ("claim", "ref"):
            if first_heading:
                out += _blank_badge(node, text, top, size, pitch, st)
            first_heading = False
        else:
            out.append(svg.text(text, cx, baseline, size, colour, bold=bold))
        top += pitch
    return out


def _blank_badge(
    node: MapNode, heading: str, top: float, size: float, pitch: float, style: MapStyle
) -> list[str]:
    """The claim's number and an empty box where the student writes its kind."""
    number = heading.split(" ", 1)[0]
    pad = style.pad_x * box_scale(node, style)
    left, right = node.x + pad, node.x + node.width - pad
    baseline = top + (pitch - size) / 2 + size * 0.86
    out = [svg.text(number, left, baseline, size, INK, "start", bold=True)]
    box_left = left + textfit.text_width(number, size, bold=True) + size * 0.5
    if right - box_left > size * 2:
        out.append(
            f'<rect x="{coord(box_left)}" y="{coord(top + 1)}" width="{coord(right - box_left)}" '
            f'height="{coord(pitch - 2)}" fill="none" stroke="#{BLANK_FRAME}" '
            f'stroke-width="0.8" stroke-dasharray="2 2"/>'
        )
    return out


def _edge(points, relation: str, head_size: float = 6.5) -> list[str]:
    colour, width, dash, filled = EDGE_LOOK[relation]
    pts = list(points)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    out = []
    if filled is not None and len(pts) >= 2:
        pts[-1], wing = arrow_head(pts, head_size, head_size / 2)
        line = " ".join(f"{coord(a)},{coord(b)}" for a, b in wing)
        if filled:
            head = (
                f'<polygon points="{line}" fill="#{colour}" stroke="#{colour}" stroke-width="0.6"/>'
            )
        else:
            head = (
                f'<polyline points="{line}" fill="none" stroke="#{colour}" stroke-width="{width}"/>'
            )
    else:
        head = ""
    out.append(
        f'<polyline points="{" ".join(f"{coord(a)},{coord(b)}" for a, b in pts)}" fill="none" '
        f'stroke="#{colour}" stroke-width="{width}"{dash_attr}/>'
    )
    if head:
        out.append(head)
    return out


def _key(page: MapPage, blank: bool) -> list[str]:
    items = [i for i in page.legend if not (blank and i.type in KIND_LOOK)]
    out = []
    x = 0.0
    for item in items:
        if blank:  # re-flowed: the kinds' samples are left out of a blank map's key
            item = replace(item, x=x, y=page.legend[0].y)
            x += (
                item.sample_width
                + 4
                + textfit.text_width(item.text, item.size)
                + 2 * page.style.gap
            )
        mid = item.y + item.height / 2
        if item.type in RELATIONS:
            out += _edge([(item.x, mid), (item.x + item.sample_width, mid)], item.type, 5.0)
        else:
            look = KIND_LOOK.get(item.type)
            h = item.height * 0.6
            attrs = (
                f'fill="#{look.tint if look else PAPER}" '
                f'stroke="#{look.colour if look else MUTED}" '
                f'stroke-width="1"' + ("" if look else ' stroke-dasharray="3 2"')
            )
            out.append(
                _shape(
                    look.shape if look else "rectangle",
                    item.x,
                    mid - h / 2,
                    item.sample_width,
                    h,
                    h / 2,
                    4,
                    attrs,
                )
            )
        out.append(
            svg.text(
                item.text,
                item.x + item.sample_width + 4,
                mid + item.size * 0.35,
                item.size,
                INK,
                "start",
            )
        )
    return out


def map_svg(
    page: MapPage, svg_id: str, title: str, description: str, blank: bool = False
) -> Markup:
    """One map page as an ``<svg role="img">`` with its title and description."""
    page = cropped(page)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" id="{svg_id}" '
        f'viewBox="-3 -3 {coord(page.width + 6)} {coord(page.height + 6)}" width="{coord(page.width + 6)}" '
        f'height="{coord(page.height + 6)}" aria-labelledby="{svg_id}-t {svg_id}-d">',
        f'<title id="{svg_id}-t">{escape(title)}</title>',
        f'<desc id="{svg_id}-d">{escape(description)}</desc>',
    ]
    for edge in page.edges:
        parts += _edge(edge.points, edge.relation)
    for node in page.nodes:
        parts += _node(node, page, blank)
    parts += _key(page, blank)
    parts.append("</svg>")
    return Markup("\n".join(parts))
