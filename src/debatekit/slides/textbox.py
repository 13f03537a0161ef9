"""Paragraphs that know their height, and text boxes that are written from them.

Every text box is written with word wrap on, autofit off and fixed insets, and sized
from ``textfit``'s pessimistic measure, so the text cannot spill out of it.
"""

from __future__ import annotations

from typing import NamedTuple
from functools import lru_cache

from lxml import etree
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Pt

from .. import textfit
from ..language import profile
from .geometry import INSET_X, INSET_Y, LINE_PITCH, Box, emu
from .pptx_internals import (
    next_shape_id,
    nsdecls,
    paragraph_element,
    parse_xml,
    qn,
    run_element,
    text_body,
)
from .runs import (
    DeckFonts,
    add_run,
    add_runs,
    keep_empty_texts,
    paragraph_end_xml,
    runs_xml,
    style_paragraph_end,
)


class Span(NamedTuple):
    text: str
    bold: bool = False
    italic: bool = False
    colour: str | None = None
    lang: str | None = None      # None: the paragraph's language


class Para(NamedTuple):
    spans: tuple[Span, ...]
    size: float
    lang: str
    colour: str | None = None
    space_before: float = 0.0
    align: str = "left"          # left | center | right
    keep_with_next: bool = False  # a heading: never the last paragraph on a slide

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def bold(self) -> bool:
        return any(s.bold for s in self.spans)

    def lines(self, width: float) -> int:
        return _line_count(self.text, width - 2 * INSET_X, self.size, self.bold)

    def height(self, width: float, first: bool = False) -> float:
        gap = 0.0 if first else self.space_before
        return gap + self.lines(width) * textfit.line_height(self.size, LINE_PITCH)


@lru_cache(maxsize=4096)
def _line_count(text: str, width: float, size: float, bold: bool) -> int:
    # layout measures the same paragraphs again and again (fitting, splitting, placing)
    return textfit.line_count(text, width, size, bold)


def para(text: str, size: float, lang: str, *, bold: bool = False, colour: str | None = None,
         space_before: float = 0.0, align: str = "left", italic: bool = False) -> Para:
    return Para((Span(text, bold=bold, italic=italic),), size, lang, colour, space_before, align)


def paras_height(paras: list[Para] | tuple[Para, ...], width: float) -> float:
    """Height of a text box holding these paragraphs, insets included."""
    body = sum(p.height(width, first=(i == 0)) for i, p in enumerate(paras))
    return body + 2 * INSET_Y


def split_para(p: Para, width: float, max_height: float) -> tuple[Para | None, Para]:
    """Cut a paragraph at a line end so that its head fits ``max_height`` (without space
    before): (head or None, rest). Spans keep their styles on both sides of the cut, and
    the cut leaves at least two lines for the rest when it can (no lone last line)."""
    line_h = textfit.line_height(p.size, LINE_PITCH)
    max_lines = int((max_height - 2 * INSET_Y) // line_h)
    if max_lines < 1:
        return None, p
    total = p.lines(width)
    if total - max_lines == 1 and max_lines >= 3:
        max_lines -= 1
    head, rest = textfit.split_at_lines(p.text, width - 2 * INSET_X, p.size, max_lines, p.bold)
    if not rest:
        return p, p._replace(spans=(p.spans[-1]._replace(text=""),), space_before=0.0)
    cut = len(head)
    head_spans, rest_spans, offset = [], [], 0
    for span in p.spans:
        start, end = offset, offset + len(span.text)
        offset = end
        if end <= cut:
            head_spans.append(span)
        elif start >= cut:
            rest_spans.append(span)
        else:
            head_spans.append(span._replace(text=span.text[: cut - start]))
            rest_spans.append(span._replace(text=span.text[cut - start:]))
    # the white space at the cut goes: it ends one line and would start the next
    if rest_spans:
        rest_spans[0] = rest_spans[0]._replace(text=rest_spans[0].text.lstrip())
    if head_spans:
        head_spans[-1] = head_spans[-1]._replace(text=head_spans[-1].text.rstrip())
    return (
        p._replace(spans=tuple(s for s in head_spans if s.text)),
        p._replace(spans=tuple(s for s in rest_spans if s.text) or (p.spans[-1]._replace(text=""),),
                   space_before=0.0),
    )


def clip_para(p: Para, width: float, lines: int) -> Para:
    """The paragraph as it is when it takes at most ``lines`` lines, else its last span
    cut at a word (at a character in Chinese and Japanese) and ending in "…", within
    ``lines``. For overviews whose full text is elsewhere (the notes, the printed cards)."""
    if p.lines(width) <= lines:
        return p
    head, _ = textfit.split_at_lines(p.text, width - 2 * INSET_X, p.size, lines, p.bold)
    *kept, last = p.spans
    fixed = sum(len(s.text) for s in kept)
    text = last.text[: max(len(head) - fixed, 0)]
    by_word = not profile(p.lang).cjk
    while text:
        clipped = p._replace(spans=(*kept, last._replace(text=text.rstrip(" ,;:，、；：") + "…")))
        if clipped.lines(width) <= lines:
            return clipped
        space = text.rstrip().rfind(" ") if by_word else -1
        text = text[:space] if space > 0 else text[:-1]
    return p._replace(spans=(*kept, last._replace(text="…")))


_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}


def fill_frame(frame, paras: list[Para] | tuple[Para, ...], fonts: DeckFonts,
               anchor: str = "top", inherit_colour: bool = False) -> None:
    """Write paragraphs into a text frame (of a text box, shape or placeholder)."""
    body = text_body(frame)
    props = body.bodyPr
    # what python-pptx's word_wrap, margin_* and vertical_anchor setters write, in their
    # order, without their per-attribute overhead (auto_size is set below)
    props.set("wrap", "square")
    for name, value in _INSETS:
        props.set(name, value)
    props.set("anchor", _ANCHOR_XML[anchor])
    existing = body.findall(_P)
    if len(existing) == 1 and _blank(existing[0]):
        # a fresh frame: its paragraphs are written as XML in one go (as below, faster)
        _no_autofit(props)
        xml = paragraphs_xml(paras, fonts)
        holder = parse_xml(f"<a:txBody {_NS}>{xml}</a:txBody>")
        if len(holder):
            body.remove(existing[0])
            for element in list(holder):
                body.append(element)
            if _EMPTY_TEXT in xml:
                keep_empty_texts(body)
        return
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for i, p in enumerate(paras):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        for r in list(paragraph.runs):
            paragraph_element(paragraph).remove(run_element(r))
        paragraph.alignment = _ALIGN[p.align]
        paragraph.line_spacing = Pt(p.size * LINE_PITCH)
        if p.space_before and i > 0:
            paragraph.space_before = Pt(p.space_before)
        for span in p.spans:
            colour = span.colour or p.colour
            add_runs(paragraph, span.text, fonts, span.lang or p.lang, p.size,
                     bold=span.bold, italic=span.italic or None, colour=colour)
        style_paragraph_end(paragraph, fonts, p.lang, p.size)


def _no_autofit(props) -> None:
    """What python-pptx's ``frame.auto_size = MSO_AUTO_SIZE.NONE`` writes (its setter walks
    the schema's element lists on every call): any autofit choice in the ``a:bodyPr``
    replaced by ``<a:noAutofit/>``, placed before the elements that follow it."""
    for old in [child for child in props if child.tag in _AUTOFITS]:
        props.remove(old)
    mark = props.makeelement(_NO_AUTOFIT)
    later = next((props.find(tag) for tag in _AFTER_AUTOFIT if props.find(tag) is not None),
                 None)
    if later is None:
        props.append(mark)
    else:
        later.addprevious(mark)


def _blank(p) -> bool:
    """A paragraph with nothing in it but, at most, an alignment (what a new text box or
    shape holds): what the slow path would keep of it, the fast path writes anew."""
    if p.attrib or len(p) > 1:
        return False
    if len(p) == 0:
        return True
    props = p[0]
    return props.tag == _PPR and len(props) == 0 and set(props.attrib) <= {"algn"}


_P = qn("a:p")
_AUTOFITS = frozenset(qn(tag) for tag in ("a:noAutofit", "a:normAutofit", "a:spAutoFit"))
_NO_AUTOFIT = qn("a:noAutofit")
_AFTER_AUTOFIT = tuple(qn(tag) for tag in ("a:scene3d", "a:sp3d", "a:flatTx", "a:extLst"))
_EMPTY_TEXT = "<a:t></a:t>"      # an empty run, which keep_empty_texts keeps that way
_INSETS = (("lIns", str(Pt(INSET_X))), ("rIns", str(Pt(INSET_X))), ("tIns", str(Pt(INSET_Y))),
           ("bIns", str(Pt(INSET_Y))))
_ANCHOR_XML = {"top": "t", "middle": "ctr", "bottom": "b"}
_INSETS_XML = "".join(f' {name}="{value}"' for name, value in _INSETS)
_NS_SHAPE = nsdecls("a", "p")
_PPR = qn("a:pPr")
_NS = nsdecls("a")
_ALIGN_XML = {"left": "l", "center": "ctr", "right": "r"}


def paragraphs_xml(paras, fonts: DeckFonts) -> str:
    """The paragraphs as ``fill_frame`` writes them into a fresh frame."""
    return "".join(_paragraph_xml(p, fonts, i) for i, p in enumerate(paras))


def _paragraph_xml(p: Para, fonts: DeckFonts, index: int) -> str:
    """One paragraph as the slow path above writes it, element for element."""
    runs = "".join(runs_xml(span.text, fonts, span.lang or p.lang, p.size, bold=span.bold,
                            italic=span.italic or None, colour=span.colour or p.colour)
                   for span in p.spans)
    space_before = p.space_before if index > 0 else 0.0
    return (f"<a:p>{_properties_xml(p.align, p.size, space_before)}{runs}"
            f"{paragraph_end_xml(fonts, p.lang, p.size)}</a:p>")


@lru_cache(maxsize=256)
def _properties_xml(align: str, size: float, space_before: float) -> str:
    # a deck's paragraphs come in a handful of sizes and spacings: each written once
    spacing = f'<a:lnSpc><a:spcPts val="{Pt(size * LINE_PITCH).centipoints}"/></a:lnSpc>'
    if space_before:
        spacing += f'<a:spcBef><a:spcPts val="{Pt(space_before).centipoints}"/></a:spcBef>'
    return f'<a:pPr algn="{_ALIGN_XML[align]}" hangingPunct="0">{spacing}</a:pPr>'


def add_text(slide, box: Box, paras, fonts: DeckFonts, *, name: str = "Text",
             anchor: str = "top", inherit_colour: bool = False):
    """A text box at ``box`` holding the paragraphs; returns its ``p:sp`` element. A deck
    has hundreds: each is written as one piece of XML, the text box python-pptx's
    ``add_textbox`` makes as ``fill_frame`` fills it (tests/test_slides_xml.py checks the
    two are the same)."""
    shapes = slide.shapes
    x, y, cx, cy = box.emu()
    # a frame given no paragraphs keeps the new text box's empty one
    paragraphs = paragraphs_xml(paras, fonts) or "<a:p/>"
    sp = parse_xml(
        f'<p:sp {_NS_SHAPE}><p:nvSpPr><p:cNvPr id="{next_shape_id(shapes)}" name=""/>'
        f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square"{_INSETS_XML} '
        f'anchor="{_ANCHOR_XML[anchor]}"><a:noAutofit/></a:bodyPr><a:lstStyle/>{paragraphs}'
        "</p:txBody></p:sp>")
    sp[0][0].set("name", name)          # p:nvSpPr/p:cNvPr; set here, where it is escaped
    if _EMPTY_TEXT in paragraphs:
        keep_empty_texts(sp)
    shapes.element.insert_element_before(sp, "p:extLst")
    return sp


def add_field(paragraph, field_type: str, placeholder_text: str, fonts: DeckFonts, lang: str,
              size: float, colour: str | None) -> None:
    """A text field (``slidenum``) that PowerPoint and LibreOffice fill in themselves."""
    run = add_run(paragraph, placeholder_text, fonts, lang, size, colour=colour)
    r = run_element(run)
    fld = etree.Element(qn("a:fld"))
    fld.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
    fld.set("type", field_type)
    for child in list(r):
        fld.append(child)
    r.addprevious(fld)
    r.getparent().remove(r)


__all__ = ["Span", "Para", "para", "paras_height", "split_para", "fill_frame", "add_text",
           "add_field", "emu", "paragraphs_xml"]


def split_paras(
    paras, width: float, max_height: float, min_lines: int = 1
) -> tuple[list[Para], list[Para]]:
    """As many paragraphs as fit a box ``max_height`` tall, the first that does not fit
    cut at a line end when at least ``min_lines`` of it fit: (head, rest)."""
    # the heights summed as paras_height sums them, one paragraph more each time
    body, fit = 0, 0
    for p in paras:
        grown = body + p.height(width, first=fit == 0)
        if grown + 2 * INSET_Y > max_height:
            break
        body, fit = grown, fit + 1
    head, rest = list(paras[:fit]), list(paras[fit:])
    if rest:
        gap = rest[0].space_before if head else 0.0
        room = max_height - (paras_height(head, width) if head else 2 * INSET_Y) - gap + 2 * INSET_Y
        line_h = textfit.line_height(rest[0].size, LINE_PITCH)
        if room - 2 * INSET_Y >= (min_lines if head else 1) * line_h:
            first, remainder = split_para(rest[0], width, room)
            if first is not None and first.text:
                head.append(first)
                rest[0] = remainder
                if not remainder.text:
                    rest.pop(0)
    return head, rest
