"""Argument maps as native, editable PowerPoint shapes.

``draw_map(shapes, page, left, top, fonts, lang)`` draws one ``argmap.MapPage`` into a
slide's shape collection at (left, top) points, as one group: a box per node, shaped by
its kind as the badges are (fact: rectangle, opinion: oval-ended, prediction: arrow),
a polyline with an arrow head per relation (supports: solid; challenges: dashed, other
head) and a key. Charts of figures and of the balance are in ``charts``.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from .. import textfit
from ..looks import ACCENT, INK, KIND_LOOK, MUTED, PAPER
from ..present.argmap import BOLD_BODY, RELATIONS, ROUND_RADIUS, MapNode, MapPage
from ..present.mapboxes import MEMBER_COLOUR, RELATION_COLOURS
from ..present.mapgeometry import node_colours
from . import shape_xml
from .geometry import emu
from .pptx_internals import (
    count_shape_id,
    defer_group_extents,
    qn,
)
from .runs import DeckFonts, paragraph_end_xml, runs_xml

EDGE_LOOK = {   # colour, width (pt), dash, arrow head
    "supports": (RELATION_COLOURS["supports"], 1.75, None, "triangle"),
    "challenges": (RELATION_COLOURS["challenges"], 1.75, MSO_LINE_DASH_STYLE.DASH, "stealth"),
    "member": (MEMBER_COLOUR, 1.0, None, None),
}
SHAPES = {"rectangle": MSO_SHAPE.RECTANGLE, "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
          "arrow": MSO_SHAPE.PENTAGON}


def draw_map(shapes, page: MapPage, left: float, top: float, fonts: DeckFonts, lang: str):
    """Draw ``page`` with its top-left corner at (left, top) points; return the group."""
    group = shapes.add_group_shape()
    inner = group.shapes
    # python-pptx recomputes the group's extents from all its children after every shape
    # added (quadratic in the shapes of a map); the extents depend only on the children,
    # so they are computed once, when the map is complete.
    defer_group_extents(inner)
    inner.turbo_add_enabled = True      # ids count up, as on the slide (see slides.deck)
    # Lines first, so boxes sit on top of any line end that touches them.
    for edge in page.edges:
        _polyline(inner, [(left + x, top + y) for x, y in edge.points], edge.relation)
    for node in page.nodes:
        _node(inner, node, left, top, page, fonts, lang)
    _legend(inner, page, left, top, fonts, lang)
    _fit_group(group.element)
    if shapes.turbo_add_enabled:
        shapes.turbo_add_enabled = True     # the slide's next id follows the group's shapes
    group.name = f"Argument map: {page.title}"
    return group


OUTLINE_WIDTH = {"thesis": 2.25, "strand": 1.25, "ref": 1.0, "claim": 1.5}   # points, on a slide


def _node(shapes, node: MapNode, left, top, page: MapPage, fonts, lang):
    st = page.style
    look = KIND_LOOK.get(node.kind) if node.kind else None
    geometry = SHAPES[look.shape] if look else MSO_SHAPE.RECTANGLE
    fill, line, ink = node_colours(node)
    adjustment = None
    right_extra = 0.0
    if geometry == MSO_SHAPE.ROUNDED_RECTANGLE:
        adjustment = min(0.5, ROUND_RADIUS / min(node.width, node.height))
    if geometry == MSO_SHAPE.PENTAGON:
        tip = st.arrow_tip * node.body_size / st.body_size
        adjustment = tip / min(node.width, node.height)
        right_extra = tip / 2      # the preset's text area already stops half-way into the tip
    scale = node.body_size / (st.body_size * (st.ref_scale if node.role == "ref" else 1.0))
    body = shape_xml.text_body({"lIns": emu(st.pad_x * scale),
                                "rIns": emu(st.pad_x * scale + right_extra),
                                "tIns": emu(st.pad_y * scale), "bIns": emu(st.pad_y * scale)})
    heading_colour = look.colour if look else (ACCENT if node.role == "thesis" else MUTED)
    paragraphs = [_paragraph_xml(node.heading_text, node.heading_size, fonts, lang, bold=True,
                                 colour=heading_colour),
                  _paragraph_xml(node.body_text, node.body_size, fonts, lang,
                                 bold=node.role in BOLD_BODY, colour=ink)]
    if node.footer_text:
        paragraphs.append(
            _paragraph_xml(
                node.footer_text, node.heading_size, fonts, lang, bold=True, colour=MUTED
            )
        )
    dash = MSO_LINE_DASH_STYLE.SQUARE_DOT if node.role == "ref" else None
    box = (emu(left + node.x), emu(top + node.y), emu(node.width), emu(node.height))
    # a map has dozens of boxes: each is written as XML in one go (see slides.shape_xml)
    shape_xml.add_shape(shapes, f"{node.role} {node.id}", box, shape_xml.preset(geometry, adjustment),
                        shape_xml.look(fill, line, OUTLINE_WIDTH[node.role], dash), body,
                        "".join(paragraphs))


def _paragraph_xml(text, size, fonts, lang, *, bold, colour) -> str:
    """A centred paragraph without spacing before or after, its runs styled and its end
    mark too (``slides.runs``), written as XML: a map has hundreds of them."""
    return (f'<a:p><a:pPr algn="ctr" hangingPunct="0"><a:spcBef><a:spcPts val="0"/></a:spcBef>'
            f'<a:spcAft><a:spcPts val="0"/></a:spcAft></a:pPr>'
            f"{runs_xml(text, fonts, lang, size, bold=bold, colour=colour)}"
            f"{paragraph_end_xml(fonts, lang, size)}</a:p>")


def _polyline(shapes, points, relation):
    """A line through ``points`` (slide points), written as the XML python-pptx's freeform
    builder writes at scale 1 (see slides.shape_xml): its box spans the points, which the
    path gives relative to it."""
    colour, width, dash, head = EDGE_LOOK[relation]
    xs = [emu(x) for x, _ in points]
    ys = [emu(y) for _, y in points]
    x0, y0 = min(xs), min(ys)
    cx, cy = max(xs) - x0, max(ys) - y0
    moves = [f'<a:pt x="{x - x0}" y="{y - y0}"/>' for x, y in zip(xs, ys)]
    path = (f"<a:moveTo>{moves[0]}</a:moveTo>"
            + "".join(f"<a:lnTo>{move}</a:lnTo>" for move in moves[1:]))
    geometry = ('<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
                '<a:rect l="l" t="t" r="r" b="b"/>'
                f'<a:pathLst><a:path w="{cx}" h="{cy}">{path}</a:path></a:pathLst></a:custGeom>')
    # python-pptx gives a freeform the lowest id no element of the slide has, not the
    # next one the collection counts; the collection is told of it (see draw_map: the
    # map's collection counts ids)
    shape_id = _lowest_free_id(shapes.element)
    count_shape_id(shapes, shape_id)
    return shape_xml.add_shape(shapes, f"{relation} line", (x0, y0, cx, cy), geometry,
                               shape_xml.look(None, colour, width, dash, head),
                               shape_id=shape_id)


def _lowest_free_id(element) -> int:
    used = {int(value) for value in element.xpath("//@id") if value.isdigit()}
    free = 1
    while free in used:
        free += 1
    return free


def _fit_group(group) -> None:
    """What python-pptx's ``recalculate_extents`` writes for a group of the slide: its
    position and size, and those of its children's frame, spanning its shapes."""
    boxes = [(int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
             for off, ext in (_frame(child) for child in group.iter_shape_elms())]
    if not boxes:
        x = y = cx = cy = 0
    else:
        x, y = min(b[0] for b in boxes), min(b[1] for b in boxes)
        cx = max(b[0] + b[2] for b in boxes) - x
        cy = max(b[1] + b[3] for b in boxes) - y
    xfrm = group.find(f"{_GROUP_PROPS}/{_XFRM}")
    for tag in (_OFF, _CH_OFF):
        xfrm.find(tag).set("x", str(x))
        xfrm.find(tag).set("y", str(y))
    for tag in (_EXT, _CH_EXT):
        xfrm.find(tag).set("cx", str(cx))
        xfrm.find(tag).set("cy", str(cy))


def _frame(shape):
    """A shape's ``a:off`` and ``a:ext`` (every shape a map draws has them)."""
    xfrm = shape[1].find(_XFRM)       # p:spPr/a:xfrm
    return xfrm.find(_OFF), xfrm.find(_EXT)


_GROUP_PROPS = qn("p:grpSpPr")
_XFRM, _OFF, _EXT = qn("a:xfrm"), qn("a:off"), qn("a:ext")
_CH_OFF, _CH_EXT = qn("a:chOff"), qn("a:chExt")


def key_sample(shapes, item, x: float, mid: float) -> None:
    """The small box beside a kind's (or a reference's) word in a map's key."""
    h = item.height
    look = KIND_LOOK[item.type] if item.type in KIND_LOOK else None
    geometry = SHAPES[look.shape] if look else MSO_SHAPE.RECTANGLE
    sample = shapes.add_shape(geometry, emu(x), emu(mid - h * 0.3),
                              emu(item.sample_width), emu(h * 0.6))
    sample.shadow.inherit = False
    sample.fill.solid()
    sample.fill.fore_color.rgb = RGBColor.from_string(look.tint if look else PAPER)
    sample.line.color.rgb = RGBColor.from_string(look.colour if look else MUTED)
    sample.line.width = Pt(1.0)
    if look is None:
        sample.line.dash_style = MSO_LINE_DASH_STYLE.SQUARE_DOT
    if geometry == MSO_SHAPE.ROUNDED_RECTANGLE:
        sample.adjustments[0] = 0.5


def _legend(shapes, page: MapPage, left, top, fonts, lang):
    for item in page.legend:
        x, y, h = left + item.x, top + item.y, item.height
        mid = y + h / 2
        if item.type in RELATIONS:
            _polyline(shapes, [(x, mid), (x + item.sample_width, mid)], item.type)
        else:
            key_sample(shapes, item, x, mid)
        width = textfit.text_width(item.text, item.size) / textfit.SAFETY + 4
        shape_xml.add_label(shapes, f"key {item.type}",
                            (emu(x + item.sample_width + 4), emu(y), emu(width), emu(h)),
                            runs_xml(item.text, fonts, lang, item.size, colour=INK))
