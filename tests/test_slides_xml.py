"""The deck writes its text boxes, shapes (map boxes and lines, badges, panels), notes pages
and relationship files as XML in one go (fast path); it must be the very XML that
python-pptx's own calls produce (slow path: still used for text frames that hold something,
and kept here as the reference for the rest)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from pptx import Presentation

from debatekit.slides.pptx_internals import nsdecls, parse_xml, qn
from debatekit.slides.runs import DeckFonts
from debatekit.slides.textbox import Para, Span, fill_frame

FONTS = DeckFonts("Calibri", "Microsoft YaHei", "zh")
PARAS = [
    Para((Span("Ban & <order> 禁令「TikTok」 ok\x07", bold=True, colour="a64b00"), Span("", italic=True),
          Span(" said 美国", lang="zh")), 14.0, "en", space_before=6.0, align="center"),
    Para((Span("第二段：TikTok 在美国", italic=True),), 12.5, "zh", colour="1A1A1A", space_before=4.0),
    Para((Span(""),), 11.0, "en", align="right"),
]


def _body_xml(frame) -> bytes:
    return etree.tostring(frame._txBody)


def test_fast_text_is_what_python_pptx_writes():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    fast = slide.shapes.add_textbox(0, 0, 100, 100).text_frame
    fill_frame(fast, PARAS, FONTS, "middle")
    slow = slide.shapes.add_textbox(0, 0, 100, 100).text_frame
    first = slow.paragraphs[0]._p
    first.set("marker", "1")            # a frame that holds something takes the slow path
    fill_frame(slow, PARAS, FONTS, "middle")
    del first.attrib["marker"]
    assert _body_xml(fast) == _body_xml(slow)
    # and it says what was asked: CJK stretches of English text are runs of their own,
    # control characters escaped, empty spans kept
    runs = [(r.text, r._r.rPr.get("lang")) for r in fast.paragraphs[0].runs]
    assert runs == [("Ban & <order> ", "en-US"), ("禁令「", "zh-CN"), ("TikTok", "en-US"), ("」", "zh-CN"),
                    (" ok_x0007_", "en-US"), ("", "en-US"), (" said 美国", "zh-CN")]
    assert [r.font.italic for r in fast.paragraphs[1].runs] == [True]


# -- argument maps: boxes and lines written as XML, against python-pptx's own calls ------

def _reference_node(shapes, node, left, top, page, fonts, lang):
    """A map box drawn through python-pptx's API (how the deck drew them before)."""
    from pptx.dml.color import RGBColor
    from pptx.enum.dml import MSO_LINE_DASH_STYLE
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Pt

    from debatekit.looks import ACCENT, KIND_LOOK, MUTED
    from debatekit.present.argmap import BOLD_BODY, ROUND_RADIUS
    from debatekit.present.mapgeometry import node_colours
    from debatekit.slides.geometry import emu
    from debatekit.slides.map_drawing import OUTLINE_WIDTH, SHAPES, _paragraph_xml
    from debatekit.slides.runs import keep_empty_texts

    st = page.style
    look = KIND_LOOK.get(node.kind) if node.kind else None
    geometry = SHAPES[look.shape] if look else MSO_SHAPE.RECTANGLE
    shape = shapes.add_shape(geometry, emu(left + node.x), emu(top + node.y),
                             emu(node.width), emu(node.height))
    shape.name = f"{node.role} {node.id}"
    shape.shadow.inherit = False
    fill, line, ink = node_colours(node)
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(fill)
    shape.line.color.rgb = RGBColor.from_string(line)
    shape.line.width = Pt(OUTLINE_WIDTH[node.role])
    if node.role == "ref":
        shape.line.dash_style = MSO_LINE_DASH_STYLE.SQUARE_DOT
    if geometry == MSO_SHAPE.ROUNDED_RECTANGLE:
        shape.adjustments[0] = min(0.5, ROUND_RADIUS / min(node.width, node.height))
    right_extra = 0.0
    if geometry == MSO_SHAPE.PENTAGON:
        tip = st.arrow_tip * node.body_size / st.body_size
        shape.adjustments[0] = tip / min(node.width, node.height)
        right_extra = tip / 2
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = None
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    scale = node.body_size / (st.body_size * (st.ref_scale if node.role == "ref" else 1.0))
    frame.margin_left = frame.margin_right = emu(st.pad_x * scale)
    frame.margin_right = emu(st.pad_x * scale + right_extra)
    frame.margin_top = frame.margin_bottom = emu(st.pad_y * scale)
    heading_colour = look.colour if look else (ACCENT if node.role == "thesis" else MUTED)
    xml = (_paragraph_xml(node.heading_text, node.heading_size, fonts, lang, bold=True,
                          colour=heading_colour)
           + _paragraph_xml(node.body_text, node.body_size, fonts, lang,
                            bold=node.role in BOLD_BODY, colour=ink))
    body = frame._txBody
    for old in body.findall(qn("a:p")):
        body.remove(old)
    for paragraph in parse_xml(f"<a:txBody {nsdecls('a')}>{xml}</a:txBody>"):
        body.append(paragraph)
    keep_empty_texts(body)


def _reference_line(shapes, points, relation):
    """A map line drawn with python-pptx's freeform builder (how the deck drew them)."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    from debatekit.slides.geometry import emu
    from debatekit.slides.map_drawing import EDGE_LOOK

    colour, width, dash, head = EDGE_LOOK[relation]
    (x0, y0), rest = points[0], points[1:]
    builder = shapes.build_freeform(emu(x0), emu(y0), scale=1.0)
    builder.add_line_segments([(emu(x), emu(y)) for x, y in rest], close=False)
    shape = builder.convert_to_shape()
    shapes._cached_max_shape_id = max(shapes._cached_max_shape_id, shape.shape_id)
    shape.name = f"{relation} line"
    shape.shadow.inherit = False
    shape.fill.background()
    line = shape.line
    line.color.rgb = RGBColor.from_string(colour)
    line.width = Pt(width)
    if dash is not None:
        line.dash_style = dash
    if head is not None:
        tail = etree.SubElement(line._get_or_add_ln(), qn("a:tailEnd"))
        tail.set("type", head)
        tail.set("w", "med")
        tail.set("len", "med")


def _reference_legend(shapes, page, left, top, fonts, lang):
    """A map's key with its words drawn through python-pptx's API (how the deck drew them
    before); the kinds' sample boxes are the deck's own, drawn through that API still."""
    from pptx.enum.text import MSO_ANCHOR

    from debatekit import textfit
    from debatekit.looks import INK
    from debatekit.present.argmap import RELATIONS
    from debatekit.slides.geometry import emu
    from debatekit.slides.map_drawing import key_sample
    from debatekit.slides.runs import add_run

    for item in page.legend:
        x, y, h = left + item.x, top + item.y, item.height
        mid = y + h / 2
        if item.type in RELATIONS:
            _reference_line(shapes, [(x, mid), (x + item.sample_width, mid)], item.type)
        else:
            key_sample(shapes, item, x, mid)
        width = textfit.text_width(item.text, item.size) / textfit.SAFETY + 4
        label = shapes.add_textbox(emu(x + item.sample_width + 4), emu(y), emu(width), emu(h))
        frame = label.text_frame
        frame.word_wrap = False
        frame.auto_size = None
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        add_run(frame.paragraphs[0], item.text, fonts, lang, item.size, colour=INK)
        label.name = f"key {item.type}"


def test_map_boxes_and_lines_are_what_python_pptx_writes():
    from debatekit.present.argmap import LegendItem, MapNode, MapPage
    from debatekit.present.mapboxes import MapStyle
    from debatekit.slides import map_drawing

    style = MapStyle(body_size=14.0)
    nodes = []
    for i, (role, kind, size) in enumerate([
            ("thesis", None, 14.0), ("strand", None, 14.0), ("claim", "fact", 14.0),
            ("claim", "opinion", 13.0), ("claim", "prediction", 14.0), ("ref", "opinion", 11.9),
            ("ref", "prediction", 11.9), ("ref", None, 11.9), ("claim", "opinion", 14.0)]):
        width, height = (300.0, 1.0) if i == 8 else (120.0 + 10 * i, 40.0 + 3 * i)
        nodes.append(MapNode(f"c{i}&<x>", role, kind, None, ("#1",), ("text",), "#1 ● 观点",
                             "" if i == 3 else "Ban & <order> 禁令", 0.82 * size, size,
                             12.5 * i, 7.25 * i, width, height))
    # boxes whose side or top inset is python-pptx's default, which its setter leaves out
    for size in (16.8, 12.6):
        nodes.append(MapNode(f"plain {size}", "claim", "fact", None, (), (), "h", "b", size,
                             size, 1.0, 2.0, 80.0, 30.0))
    legend = tuple(LegendItem(kind, f"{kind} & 关键", 10.0 + 90 * i, 400.0, 24.0, 16.8, 14.0)
                   for i, kind in enumerate(["supports", "challenges", "fact", "opinion", "ref"]))
    page = MapPage("whole", "map", 900.0, 500.0, tuple(nodes), (), legend, style)
    lines = [([(10.0, 20.0), (10.0, 60.5), (200.25, 60.5), (200.25, 90.0)], "supports"),
             ([(300.0, 10.0), (120.0, 10.0)], "challenges"), ([(5.0, 5.0), (5.0, 5.0)], "member")]

    def draw(reference: bool) -> bytes:
        prs = Presentation()
        slide = prs.slides.add_slide(prs.slide_layouts[3])    # title and two bodies
        for placeholder in list(slide.placeholders)[:2]:       # ids 2 and 3: the group
            placeholder.element.getparent().remove(placeholder.element)   # takes one
        group = slide.shapes.add_group_shape()
        shapes = group.shapes
        shapes._recalculate_extents = lambda: None
        shapes.turbo_add_enabled = True
        for points, relation in lines:
            (_reference_line if reference else map_drawing._polyline)(shapes, points, relation)
        for node in page.nodes:
            (_reference_node if reference else map_drawing._node)(
                shapes, node, 30.0, 40.0, page, FONTS, "zh")
        (_reference_legend if reference else map_drawing._legend)(
            shapes, page, 30.0, 40.0, FONTS, "zh")
        if reference:
            group.element.recalculate_extents()
        else:
            map_drawing._fit_group(group.element)
        return etree.tostring(slide.shapes.element)

    reference, fast = draw(True), draw(False)
    assert b'id="3" name="supports line"' in reference    # the freeform took the gap
    assert fast == reference


def test_chart_text_style_is_what_python_pptx_writes():
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE

    from debatekit.slides import charts

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", [1, 2])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, 0, 0, 100, 100, data).chart
    fast, slow = chart.category_axis.tick_labels.font, chart.value_axis.tick_labels.font
    charts._font(fast, FONTS, "zh", 16.0, "1a1a1a", bold=True)
    slow._rPr.set("marker", "1")        # a style that holds something takes python-pptx's way
    charts._font(slow, FONTS, "zh", 16.0, "1a1a1a", bold=True)
    del slow._rPr.attrib["marker"]
    assert etree.tostring(fast._rPr) == etree.tostring(slow._rPr)
    assert b'<a:ea typeface="Microsoft YaHei"/>' in etree.tostring(fast._rPr)


def test_text_box_is_what_python_pptx_writes():
    from debatekit.slides.geometry import Box
    from debatekit.slides.textbox import add_text

    prs = Presentation()
    for paras, anchor in ((PARAS, "top"), (PARAS[1:], "middle"), ([], "bottom")):
        fast_slide = prs.slides.add_slide(prs.slide_layouts[6])
        slow_slide = prs.slides.add_slide(prs.slide_layouts[6])
        box = Box(10.5, 20.25, 300.0, 40.0)
        for slide in (fast_slide, slow_slide):
            slide.shapes.turbo_add_enabled = True
        add_text(fast_slide, box, paras, FONTS, name="Point & <pro>", anchor=anchor)
        shape = slow_slide.shapes.add_textbox(*box.emu())
        shape.name = "Point & <pro>"
        fill_frame(shape.text_frame, paras, FONTS, anchor)
        assert etree.tostring(fast_slide.shapes.element) == etree.tostring(slow_slide.shapes.element)


def _reference_badge(deck, page, box, height, label, shape, fill, text_colour, line, name, size):
    """A badge drawn through python-pptx's API (how the deck drew them before)."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    from debatekit.slides.blocks import _SHAPES, ARROW_ROOM, BADGE_PAD, _badge_paras

    s = page.slide.shapes.add_shape(_SHAPES[shape], *box)
    s.name = name
    if shape == "rounded":
        s.adjustments[0] = 0.5
    if shape == "arrow":
        s.adjustments[0] = min(ARROW_ROOM / height, 0.5) if height else 0.3
    s.fill.solid()
    s.fill.fore_color.rgb = RGBColor.from_string(fill)
    if line:
        s.line.color.rgb = RGBColor.from_string(line)
        s.line.width = Pt(1.5)
    else:
        s.line.fill.background()
    s.shadow.inherit = False
    frame = s.text_frame
    fill_frame(frame, _badge_paras(label, size, deck.lang, text_colour), deck.fonts, "middle")
    frame.margin_left = Pt(BADGE_PAD)
    frame.margin_right = Pt(BADGE_PAD + (ARROW_ROOM if shape == "arrow" else 0.0))


def _reference_panel(slide, box, fill, line, shape, name):
    """A panel drawn through python-pptx's API (how the deck drew them before)."""
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    from debatekit.slides.access import mark_decorative

    s = slide.shapes.add_shape(shape, *box)
    s.name = name
    if fill is None:
        s.fill.background()
    else:
        s.fill.solid()
        s.fill.fore_color.rgb = RGBColor.from_string(fill)
    if line is None:
        s.line.fill.background()
    else:
        s.line.color.rgb = RGBColor.from_string(line)
        s.line.width = Pt(1.25)
    s.shadow.inherit = False
    mark_decorative(s.element)


def test_badges_and_panels_are_what_python_pptx_writes():
    from types import SimpleNamespace

    from pptx.enum.shapes import MSO_SHAPE

    from debatekit.slides import blocks
    from debatekit.slides.deck import Deck
    from debatekit.slides.geometry import Box

    deck = SimpleNamespace(lang="zh", fonts=FONTS)
    badges = [("■ 事实 & <fact>", "rectangle", "1F4E79", "FFFFFF", None, 20.0),
              ("● 观点", "rounded", "A64B00", "FFFFFF", None, 18.0),
              ("▲ Prediction", "arrow", "5B2C83", "FFFFFF", None, 30.0),
              ("▲ Prediction", "arrow", "5B2C83", "FFFFFF", None, 0.0),
              ("√ verified", "rectangle", "FFFFFF", "2E6B30", "2E6B30", 24.0)]
    panels = [("1F4E79", None, MSO_SHAPE.RECTANGLE, "Accent band"),
              ("DDEEDB", "2E6B30", MSO_SHAPE.ROUNDED_RECTANGLE, "Side pro & <con>"),
              (None, "2E6B30", MSO_SHAPE.RECTANGLE, "Frame")]

    def draw(reference: bool) -> bytes:
        prs = Presentation()
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        slide.shapes.turbo_add_enabled = True
        page = SimpleNamespace(slide=slide)
        for i, (label, shape, fill, text, line, height) in enumerate(badges):
            box = (1000 * i, 2000, 1524000, int(height * 12700))
            (_reference_badge if reference else blocks._draw_badge)(
                deck, page, box, height, label, shape, fill, text, line, f"Badge {i}", 18.0)
        for i, (fill, line, shape, name) in enumerate(panels):
            box = Box(1.0 * i, 2.0, 18.0, 10.0)
            if reference:
                _reference_panel(slide, box.emu(), fill, line, shape, name)
            else:   # the deck is not looked at: only the page's slide
                Deck.panel(None, page, box, fill, line=line, shape=shape, name=name)
        return etree.tostring(slide.shapes.element)

    assert draw(False) == draw(True)


def test_relationships_are_what_python_pptx_writes():
    from debatekit.slides.pptx_internals import relationships_xml

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    run = slide.shapes.title.text_frame.paragraphs[0].add_run()
    run.text = "source"
    run.hyperlink.address = "https://example.org/a?b=1&c=<2>"     # an external relationship
    slide.notes_slide.notes_text_frame.text = "notes"
    for _ in range(12):       # rId10 sorts after rId9
        prs.slides.add_slide(prs.slide_layouts[6])
    package = prs.part.package
    written = [(relationships_xml(p.rels), p.rels.xml) for p in package.iter_parts() if p.rels]
    written.append((relationships_xml(package._rels), package._rels.xml))
    assert all(fast == slow for fast, slow in written)
    assert any(b'TargetMode="External"' in fast for fast, _ in written)
    assert any(b'Id="rId10"' in fast for fast, _ in written)


def test_placeholder_position_is_what_python_pptx_writes():
    from debatekit.slides import shape_xml

    prs = Presentation()
    box = (457200, 274638, 8229600, 1143000)
    fast, slow = (prs.slides.add_slide(prs.slide_layouts[5]).shapes.title for _ in range(2))
    assert len(fast.element.spPr) == 0          # a new slide's title inherits its place
    shape_xml.place(fast, box)
    slow.left, slow.top, slow.width, slow.height = box
    assert etree.tostring(fast.element) == etree.tostring(slow.element)
    shape_xml.place(fast, (1, 2, 3, 4))          # placed again: through python-pptx's setters
    assert (fast.left, fast.top, fast.width, fast.height) == (1, 2, 3, 4)


def test_notes_pages_are_what_python_pptx_writes():
    from debatekit.slides.notes_pages import NotesPages

    def deck(fast: bool) -> list:
        prs = Presentation()
        pages = NotesPages()
        for n in range(4):
            slide = prs.slides.add_slide(prs.slide_layouts[6])
            paras = PARAS[n % 3:] or PARAS
            if fast:
                pages.write(slide, paras, FONTS)
            else:
                fill_frame(slide.notes_slide.notes_text_frame, paras, FONTS)
        parts = [p for p in prs.part.package.iter_parts()
                 if "notesSlide" in str(p.partname) or "/slides/" in str(p.partname)]
        return sorted((str(p.partname), p.blob, p.rels.xml) for p in parts)

    fast, slow = deck(True), deck(False)
    assert len(fast) == 8      # four slides, four notes pages, related the same way
    assert fast == slow


@given(st.lists(st.sampled_from(["ppt", "slides", "slideLayouts", "charts", "a", "media"]), max_size=4),
       st.lists(st.sampled_from(["ppt", "slides", "slideLayouts", "charts", "a", "media"]), max_size=3),
       st.sampled_from(["slide1.xml", "chart2.xml", "x.xlsx"]))
def test_relationship_targets_are_python_pptx_s_relative_references(base, folders, name):
    from pptx.opc.packuri import PackURI

    from debatekit.slides.pptx_internals import _relative

    partname = PackURI("/" + "/".join([*folders, name]))
    start = "/" + "/".join(base)
    assert _relative(partname, start) == partname.relative_ref(start)


def test_remembered_part_names_are_the_ones_python_pptx_gives():
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE

    from debatekit.slides.pptx_internals import remember_partnames

    def names(remember: bool) -> list[str]:
        prs = Presentation()
        if remember:
            remember_partnames(prs.part.package)
        for _ in range(3):
            slide = prs.slides.add_slide(prs.slide_layouts[6])
            data = CategoryChartData()
            data.categories = ["a", "b"]
            data.add_series("s", (1, 2))
            slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, 0, 0, 100, 100, data)
        return sorted(str(p.partname) for p in prs.part.package.iter_parts())

    assert names(True) == names(False)
    assert "/ppt/charts/chart3.xml" in names(True)
