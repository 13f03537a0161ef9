"""Argument maps as native, editable PowerPoint shapes.

``draw_map(shapes, page, left, top, fonts, lang)`` draws one ``argmap.MapPage`` into a
slide's shape collection at (left, top) points, as one group: a box per node, shaped by
its kind as the badges are (fact: rectangle, opinion: oval-ended, prediction: arrow),
a polyline with an arrow head per relation (supports: solid; challenges: dashed, other
head) and a key. Charts of figures and of the balance are in ``charts``.
"""

from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.util import Pt

from .. import textfit
from ..looks import ACCENT, INK, KIND_LOOK, MUTED, PAPER
from ..present.argmap import BOLD_BODY, RELATIONS, ROUND_RADIUS, MapNode, MapPage
from ..present.mapboxes import MEMBER_COLOUR, RELATION_COLOURS, node_colours
from .geometry import emu
from .pptx_internals import (
    count_shape_id,
    defer_group_extents,
    line_properties,
    nsdecls,
    parse_xml,
    qn,
    text_body,
)
from .runs import DeckFonts, add_run, keep_empty_texts, paragraph_end_xml, runs_xml

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
    group.element.recalculate_extents()
    if shapes.turbo_add_enabled:
        shapes.turbo_add_enabled = True     # the slide's next id follows the group's shapes
    group.name = f"Argument map: {page.title}"
    return group


OUTLINE_WIDTH = {"thesis": 2.25, "strand": 1.25, "ref": 1.0, "claim": 1.5}   # points, on a slide


def _node(shapes, node: MapNode, left, top, page: MapPage, fonts, lang):
    st = page.style
    look = KIND_LOOK.get(node.kind) if node.kind else None
    geometry = SHAPES[look.shape] if look else MSO_SHAPE.RECTANGLE
    shape = shapes.add_shape(geometry, emu(left + node.x), emu(top + node.y),
                             emu(node.width), emu(node.height))
    shape.name = f"{node.role} {node.id}"
    shape.shadow.inherit = False
    fill, line, ink = node_colours(node)
    line_w = OUTLINE_WIDTH[node.role]
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(fill)
    shape.line.color.rgb = RGBColor.from_string(line)
    shape.line.width = Pt(line_w)
    if node.role == "ref":
        shape.line.dash_style = MSO_LINE_DASH_STYLE.SQUARE_DOT
    if geometry == MSO_SHAPE.ROUNDED_RECTANGLE:
        shape.adjustments[0] = min(0.5, ROUND_RADIUS / min(node.width, node.height))
    right_extra = 0.0
    if geometry == MSO_SHAPE.PENTAGON:
        tip = st.arrow_tip * node.body_size / st.body_size
        shape.adjustments[0] = tip / min(node.width, node.height)
        right_extra = tip / 2      # the preset's text area already stops half-way into the tip
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = None
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    scale = node.body_size / (st.body_size * (st.ref_scale if node.role == "ref" else 1.0))
    frame.margin_left = frame.margin_right = emu(st.pad_x * scale)
    frame.margin_right = emu(st.pad_x * scale + right_extra)
    frame.margin_top = frame.margin_bottom = emu(st.pad_y * scale)
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
    _replace_paragraphs(frame, "".join(paragraphs))


def _paragraph_xml(text, size, fonts, lang, *, bold, colour) -> str:
    """A centred paragraph without spacing before or after, its runs styled and its end
    mark too (``slides.runs``), written as XML: a map has hundreds of them."""
    return (f'<a:p><a:pPr algn="ctr" hangingPunct="0"><a:spcBef><a:spcPts val="0"/></a:spcBef>'
            f'<a:spcAft><a:spcPts val="0"/></a:spcAft></a:pPr>'
            f"{runs_xml(text, fonts, lang, size, bold=bold, colour=colour)}"
            f"{paragraph_end_xml(fonts, lang, size)}</a:p>")


def _replace_paragraphs(frame, xml: str) -> None:
    body = text_body(frame)
    for old in body.findall(qn("a:p")):
        body.remove(old)
    for paragraph in parse_xml(f"<a:txBody {nsdecls('a')}>{xml}</a:txBody>"):
        body.append(paragraph)
    keep_empty_texts(body)


def _polyline(shapes, points, relation):
    colour, width, dash, head = EDGE_LOOK[relation]
    (x0, y0), rest = points[0], points[1:]
    builder = shapes.build_freeform(emu(x0), emu(y0), scale=1.0)
    builder.add_line_segments([(emu(x), emu(y)) for x, y in rest], close=False)
    shape = builder.convert_to_shape()
    if shapes.turbo_add_enabled:
        # a freeform takes the next id without the collection's count: count it (what
        # re-enabling turbo-add would find, without searching the slide again)
        count_shape_id(shapes, shape.shape_id)
    shape.name = f"{relation} line"
    shape.shadow.inherit = False
    shape.fill.background()
    line = shape.line
    line.color.rgb = RGBColor.from_string(colour)
    line.width = Pt(width)
    if dash is not None:
        line.dash_style = dash
    if head is not None:
        ln = line_properties(line)
        tail = etree.SubElement(ln, qn("a:tailEnd"))
        tail.set("type", head)
        tail.set("w", "med")
        tail.set("len", "med")
    return shape


def _legend(shapes, page: MapPage, left, top, fonts, lang):
    for item in page.legend:
        x, y, h = left + item.x, top + item.y, item.height
        mid = y + h / 2
        if item.type in RELATIONS:
            _polyline(shapes, [(x, mid), (x + item.sample_width, mid)], item.type)
        else:
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
        width = textfit.text_width(item.text, item.size) / textfit.SAFETY + 4
        label = shapes.add_textbox(emu(x + item.sample_width + 4), emu(y), emu(width), emu(h))
        frame = label.text_frame
        frame.word_wrap = False
        frame.auto_size = None
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        p = frame.paragraphs[0]
        add_run(p, item.text, fonts, lang, item.size, colour=INK)
        label.name = f"key {item.type}"
