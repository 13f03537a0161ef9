"""The deck writes its text as XML in one go (fast path); it must be the very XML that
python-pptx's own calls produce (slow path, still used for frames that hold something)."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation

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
