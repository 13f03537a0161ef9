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
    next_shape_id,
    nsdecls,
    parse_xml,
    qn,
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
    _fit_group(group.element)
    if shapes.turbo_add_enabled:
        shapes.turbo_add_enabled = True     # the slide's next id follows the group's shapes
    group.name = f"Argument map: {page.title}"
    return group


OUTLINE_WIDTH = {"thesis": 2.25, "strand": 1.25, "ref": 1.0, "claim": 1.5}   # points, on a slide

# A map has dozens of boxes and lines, and python-pptx builds each of them element by
# element, then each setter walks the schema's child lists again. Boxes and lines are
# therefore written as the XML that python-pptx's add_shape or freeform builder writes,
# with the settings below applied (outline, fill, no shadow; the text frame's wrap,
# insets and anchor), and parsed in one go. tests/test_slides_xml.py checks them against
# python-pptx's own calls.
_STYLE = ('<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
          '<a:fillRef idx="3"><a:schemeClr val="accent1"/></a:fillRef>'
          '<a:effectRef idx="2"><a:schemeClr val="accent1"/></a:effectRef>'
          '<a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>')
_NS = nsdecls("a", "p")
_EMPTY_PARAGRAPH = '<a:p><a:pPr algn="ctr"/></a:p>'     # a new shape's text
_INSET_DEFAULTS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}


def _add_shape(shapes, shape_id: int, name: str, box: tuple[int, int, int, int], geometry: str,
               look: str, body: str, paragraphs: str):
    """Append a ``p:sp`` (EMU ``box``: left, top, width, height) to ``shapes``."""
    x, y, cx, cy = box
    xml = (f'<p:sp {_NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name=""/><p:cNvSpPr/><p:nvPr/>'
           f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/>'
           f"</a:xfrm>{geometry}{look}</p:spPr>{_STYLE}<p:txBody>{body}<a:lstStyle/>"
           f"{paragraphs}</p:txBody></p:sp>")
    sp = parse_xml(xml)
    sp[0][0].set("name", name)          # p:nvSpPr/p:cNvPr; set here, where it is escaped
    if "<a:t></a:t>" in paragraphs:
        keep_empty_texts(sp)
    shapes.element.insert_element_before(sp, "p:extLst")
    return sp


def _look_xml(fill: str | None, line: str, width: float, dash=None, head: str | None = None) -> str:
    """What ``shape.fill.solid()`` and its colour (or ``fill.background()`` for no
    fill), ``line.color.rgb``, ``line.width``, ``line.dash_style``, an arrow head and
    ``shadow.inherit = False`` write after the shape's geometry."""
    fill_xml = (f'<a:solidFill><a:srgbClr val="{RGBColor.from_string(fill)}"/></a:solidFill>'
                if fill else "<a:noFill/>")
    dash_xml = f'<a:prstDash val="{dash.xml_value}"/>' if dash is not None else ""
    head_xml = f'<a:tailEnd type="{head}" w="med" len="med"/>' if head else ""
    return (f'{fill_xml}<a:ln w="{Pt(width)}"><a:solidFill><a:srgbClr '
            f'val="{RGBColor.from_string(line)}"/></a:solidFill>{dash_xml}{head_xml}</a:ln>'
            "<a:effectLst/>")


def _preset_xml(geometry, adjustment: float | None) -> str:
    """A preset shape, with its one adjustment (a rounded rectangle's corner, an arrow's
    point) written as python-pptx's ``shape.adjustments[0] = value`` writes it."""
    guides = ("" if adjustment is None else
              f'<a:gd name="adj" fmla="val {int(adjustment * 100000.0)}"/>')
    return (f'<a:prstGeom prst="{geometry.xml_value}"><a:avLst>{guides}</a:avLst></a:prstGeom>'
            if guides else f'<a:prstGeom prst="{geometry.xml_value}"><a:avLst/></a:prstGeom>')


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
    insets = {"lIns": emu(st.pad_x * scale), "rIns": emu(st.pad_x * scale + right_extra),
              "tIns": emu(st.pad_y * scale), "bIns": emu(st.pad_y * scale)}
    # python-pptx leaves out an inset equal to the default (its setter removes it)
    body = '<a:bodyPr rtlCol="0" anchor="ctr" wrap="square"' + "".join(
        f' {name}="{value}"' for name, value in insets.items()
        if value != _INSET_DEFAULTS[name]) + "/>"
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
    _add_shape(shapes, next_shape_id(shapes), f"{node.role} {node.id}", box,
               _preset_xml(geometry, adjustment),
               _look_xml(fill, line, OUTLINE_WIDTH[node.role], dash), body, "".join(paragraphs))


def _paragraph_xml(text, size, fonts, lang, *, bold, colour) -> str:
    """A centred paragraph without spacing before or after, its runs styled and its end
    mark too (``slides.runs``), written as XML: a map has hundreds of them."""
    return (f'<a:p><a:pPr algn="ctr" hangingPunct="0"><a:spcBef><a:spcPts val="0"/></a:spcBef>'
            f'<a:spcAft><a:spcPts val="0"/></a:spcAft></a:pPr>'
            f"{runs_xml(text, fonts, lang, size, bold=bold, colour=colour)}"
            f"{paragraph_end_xml(fonts, lang, size)}</a:p>")


def _polyline(shapes, points, relation):
    """A line through ``points`` (slide points), drawn as python-pptx's freeform builder
    draws it at scale 1: its box spans the points, which the path gives relative to it."""
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
    return _add_shape(shapes, shape_id, f"{relation} line", (x0, y0, cx, cy), geometry,
                      _look_xml(None, colour, width, dash, head),
                      '<a:bodyPr rtlCol="0" anchor="ctr"/>', _EMPTY_PARAGRAPH)


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
