"""Shapes written as XML in one go: the ``p:sp`` python-pptx's ``add_shape`` (or its
freeform builder) makes, with the deck's settings applied (fill, outline, no shadow; the
text frame's wrap, insets and anchor) as python-pptx's setters would write them.

python-pptx builds a shape element by element, and each of its setters walks the
schema's lists of child elements again; a deck draws hundreds of map boxes and lines,
badges and panels. tests/test_slides_xml.py checks each kind against python-pptx's own
calls, so the decks stay byte for byte what python-pptx would write.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.util import Pt

from .pptx_internals import next_shape_id, nsdecls, parse_xml
from .runs import keep_empty_texts

# what python-pptx gives every new shape: a theme style, and an empty centred paragraph
STYLE = ('<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef>'
         '<a:fillRef idx="3"><a:schemeClr val="accent1"/></a:fillRef>'
         '<a:effectRef idx="2"><a:schemeClr val="accent1"/></a:effectRef>'
         '<a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>')
EMPTY_PARAGRAPH = '<a:p><a:pPr algn="ctr"/></a:p>'
NEW_BODY = '<a:bodyPr rtlCol="0" anchor="ctr"/>'
# python-pptx's setters leave out an inset equal to its default (they remove it)
INSET_DEFAULTS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
_NS = nsdecls("a", "p")


def add_shape(shapes, name: str, box: tuple[int, int, int, int], geometry: str, look: str,
              body: str = NEW_BODY, paragraphs: str = EMPTY_PARAGRAPH,
              shape_id: int | None = None):
    """Append a ``p:sp`` (EMU ``box``: left, top, width, height) to the collection
    ``shapes`` and return it. Its id is the one python-pptx's ``add_shape`` would take
    from the collection, unless given."""
    x, y, cx, cy = box
    if shape_id is None:
        shape_id = next_shape_id(shapes)
    xml = (f'<p:sp {_NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name=""/>'
           f'<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
           f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm>{geometry}{look}</p:spPr>{STYLE}'
           f"<p:txBody>{body}<a:lstStyle/>{paragraphs}</p:txBody></p:sp>")
    sp = parse_xml(xml)
    sp[0][0].set("name", name)          # p:nvSpPr/p:cNvPr; set here, where it is escaped
    if "<a:t></a:t>" in paragraphs:
        keep_empty_texts(sp)
    shapes.element.insert_element_before(sp, "p:extLst")
    return sp


def look(fill: str | None, line: str | None, width: float = 0.0, dash=None,
         head: str | None = None) -> str:
    """What ``shape.fill.solid()`` and its colour (``fill.background()`` for no fill),
    ``line.color.rgb``, ``line.width`` and ``line.dash_style`` (``line.fill.background()``
    for no line), an arrow head and ``shadow.inherit = False`` write after the geometry."""
    fill_xml = (f'<a:solidFill><a:srgbClr val="{RGBColor.from_string(fill)}"/></a:solidFill>'
                if fill else "<a:noFill/>")
    if line is None:
        return f"{fill_xml}<a:ln><a:noFill/></a:ln><a:effectLst/>"
    dash_xml = f'<a:prstDash val="{dash.xml_value}"/>' if dash is not None else ""
    head_xml = f'<a:tailEnd type="{head}" w="med" len="med"/>' if head else ""
    return (f'{fill_xml}<a:ln w="{Pt(width)}"><a:solidFill><a:srgbClr '
            f'val="{RGBColor.from_string(line)}"/></a:solidFill>{dash_xml}{head_xml}</a:ln>'
            "<a:effectLst/>")


def preset(geometry, adjustment: float | None = None) -> str:
    """A preset shape (an ``MSO_SHAPE``), with its one adjustment (a rounded rectangle's
    corner, an arrow's point) as python-pptx's ``shape.adjustments[0] = value`` writes it."""
    if adjustment is None:
        return f'<a:prstGeom prst="{geometry.xml_value}"><a:avLst/></a:prstGeom>'
    return (f'<a:prstGeom prst="{geometry.xml_value}"><a:avLst>'
            f'<a:gd name="adj" fmla="val {int(adjustment * 100000.0)}"/></a:avLst></a:prstGeom>')


def text_body(insets: dict[str, int], no_autofit: bool = False) -> str:
    """A new shape's ``a:bodyPr`` after ``word_wrap = True`` and the insets (EMU, in the
    order lIns, rIns, tIns, bIns), and ``<a:noAutofit/>`` if ``auto_size`` was set to
    none (``auto_size = None`` writes nothing)."""
    attributes = "".join(f' {name}="{value}"' for name, value in insets.items()
                         if value != INSET_DEFAULTS[name])
    start = f'<a:bodyPr rtlCol="0" anchor="ctr" wrap="square"{attributes}'
    return f"{start}><a:noAutofit/></a:bodyPr>" if no_autofit else f"{start}/>"


def add_label(shapes, name: str, box: tuple[int, int, int, int], runs: str):
    """Append a one-line text box without insets, its text centred vertically, and return
    it: what python-pptx's ``add_textbox`` makes after ``word_wrap = False``,
    ``auto_size = None``, zero margins, a middle anchor and ``runs`` (``a:r`` elements)
    added to its paragraph."""
    x, y, cx, cy = box
    xml = (f'<p:sp {_NS}><p:nvSpPr><p:cNvPr id="{next_shape_id(shapes)}" name=""/>'
           f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
           f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
           '<a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="none" lIns="0" rIns="0" tIns="0" '
           f'bIns="0" anchor="ctr"/><a:lstStyle/><a:p>{runs}</a:p></p:txBody></p:sp>')
    sp = parse_xml(xml)
    sp[0][0].set("name", name)
    if "<a:t></a:t>" in runs:
        keep_empty_texts(sp)
    shapes.element.insert_element_before(sp, "p:extLst")
    return sp


def place(shape, box: tuple[int, int, int, int]) -> None:
    """Set a placeholder's position and size (EMU). A new slide's placeholder has no
    ``a:xfrm`` of its own (it inherits the layout's): the one python-pptx's left, top,
    width and height setters would add is written directly."""
    properties = shape.element.spPr
    if len(properties):
        shape.left, shape.top, shape.width, shape.height = box
        return
    x, y, cx, cy = box
    holder = parse_xml(f'<p:spPr {_NS}><a:xfrm><a:off x="{x}" y="{y}"/>'
                       f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm></p:spPr>')
    properties.append(holder[0])
