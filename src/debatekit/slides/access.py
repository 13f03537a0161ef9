"""What a screen reader needs of a deck: alternative text on charts, maps and pictures,
decorative shapes marked as such, one unique title per slide, and the shapes of each
slide in reading order (title, body as drawn, footer last).

python-pptx has no API for these; they are attributes and an extension element of each
shape's ``p:cNvPr``, reached through the public ``shape.element``.
"""

from __future__ import annotations

from lxml import etree

from .pptx_internals import qn

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
FOOTER_NAMES = ("Footer", "Slide number")
TITLE_NAMES = ("Title",)


def _properties(element):
    """The shape's ``p:cNvPr`` (its non-visual properties: id, name, descr)."""
    return element[0].find(_NON_VISUAL)


def set_alt_text(shape, text: str) -> None:
    _properties(shape.element).set("descr", " ".join(text.split()))


def mark_decorative(element) -> None:
    """Mark a shape (its XML element) that carries no meaning (a band, a rule) as
    decorative, as PowerPoint's "Mark as decorative" does; readers skip it."""
    props = _properties(element)
    ext_list = props.find(qn("a:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(props, qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"))
    ext.set("uri", DECORATIVE_URI)
    mark = etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC})
    mark.set("val", "1")


def reading_order(slide) -> None:
    """Title first and footer last; everything else keeps the order it was drawn in,
    which the writers keep top to bottom and left to right."""
    tree = slide.shapes.element
    shapes = [e for e in tree if e.tag in _SHAPE_TAGS]
    if not shapes:
        return

    def rank(element) -> int:
        props = _properties(element)
        name = props.get("name", "") if props is not None else ""
        if name in TITLE_NAMES:
            return 0
        ph = element.find(_PLACEHOLDER)
        if ph is not None and ph.get("type") in ("title", "ctrTitle"):
            return 0
        if name in FOOTER_NAMES:
            return 2
        return 1

    ordered = sorted(shapes, key=rank)     # stable: the drawing order within each rank
    if ordered == shapes:
        return
    # each shape goes right after the one before it in reading order; those already
    # there stay (moving an element in lxml is cheaper than removing it first)
    anchor = shapes[0].getprevious()
    for element in ordered:
        if anchor.getnext() is not element:
            anchor.addnext(element)
        anchor = element


_NON_VISUAL = qn("p:cNvPr")
_PLACEHOLDER = f"./{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"
_SHAPE_TAGS = {qn(t) for t in ("p:sp", "p:grpSp", "p:graphicFrame", "p:pic", "p:cxnSp")}

__all__ = ["set_alt_text", "mark_decorative", "reading_order"]
