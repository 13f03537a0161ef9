"""Chart labels in the PDFs stay on the drawing and apart from each other, however long
the point labels and strand titles are."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Group, String, mmult

from debatekit.pdf import document_for
from debatekit.pdf import chartdrawing
from debatekit.present.balance import Balance
from debatekit.present.figures import FigureData
from debatekit.job import Job

LONG = "A very long point label that says a lot about what is counted here number {}"


def strings(node, transform=(1, 0, 0, 1, 0, 0)):
    """(text, x0, y0, x1, y1) of every String, in drawing coordinates."""
    if isinstance(node, String):
        x0, y0, x1, y1 = node.getBounds()
        a, b, c, d, e, f = transform
        xs = [a * x + c * y + e for x in (x0, x1) for y in (y0, y1)]
        ys = [b * x + d * y + f for x in (x0, x1) for y in (y0, y1)]
        yield node.text, min(xs), min(ys), max(xs), max(ys)
        return
    if hasattr(node, "draw") and not isinstance(node, Group):
        node = node.draw()
    if isinstance(node, Group):
        inner = mmult(transform, node.transform) if node.transform else transform
        for child in node.contents:
            yield from strings(child, inner)


def check(drawing, labels):
    boxes = [s for s in strings(drawing) if any(s[0] and s[0] in label for label in labels)]
    assert boxes, "no label was drawn"
    for text, x0, _y0, x1, _y1 in boxes:
        assert x0 >= -0.5 and x1 <= drawing.width + 0.5, f"{text!r} leaves the drawing"
    for i, one in enumerate(boxes):
        for other in boxes[i + 1:]:
            apart = one[3] <= other[1] or other[3] <= one[1] or one[4] <= other[2] or other[4] <= one[2]
            assert apart, f"{one[0]!r} overlaps {other[0]!r}"


@pytest.fixture(scope="module")
def doc(sample):
    return document_for(Job(sample.outline, "en"), header_right="x")


@pytest.mark.parametrize("chart", ["column", "bar", "line"])
def test_long_point_labels_wrap_inside_the_chart(doc, chart):
    labels = tuple(LONG.format(n) for n in range(6))
    figure = FigureData("f", "Title", "million", chart, labels,
                        (("users", tuple(float(10 * n + 5) for n in range(6))),), "caption", ())
    check(chartdrawing.figure_drawing(figure, doc.fonts, doc.page.frame_width), labels)


def test_long_strand_titles_stay_on_the_balance_chart(doc):
    titles = tuple(f"Strand {n}: " + "a deliberately long strand title that goes on " * 4 for n in range(3))
    data = Balance("Balance", titles, (("fact", "Fact", (3, 1, 2)), ("opinion", "Opinion", (1, 2, 0)),
                                       ("prediction", "Prediction", (0, 1, 1))), "prompt", "Number")
    check(chartdrawing.balance_drawing(data, doc.fonts, doc.page.frame_width), titles)


def test_section_headings_travel_with_their_first_drawing(sample):
    """A heading outside the KeepTogether of its drawing is left alone at a page's foot
    whenever the drawing moves to the next page (seen with long figure titles)."""
    from reportlab.platypus import CondPageBreak, KeepTogether

    from debatekit.handout import visuals as handout_visuals

    doc = document_for(Job(sample.outline, "en"), header_right="x")
    for story in (handout_visuals.map_flowables(doc), handout_visuals.figure_flowables(doc)):
        assert story
        assert all(isinstance(f, (CondPageBreak, KeepTogether)) for f in story), story


def test_summary_heading_travels_with_the_first_strand(sample):
    """Seen with long Chinese summaries: the heading "概要" alone at the foot of page 1."""
    from reportlab.platypus import KeepTogether, Paragraph

    from debatekit.handout import common

    doc = document_for(Job(sample.outline, "zh"), header_right="x")
    story = common.thesis_block(doc)
    summary = doc.labels["summary"]
    assert not any(isinstance(f, Paragraph) and f.text == summary for f in story)
    first = next(f for f in story if isinstance(f, KeepTogether))
    assert any(isinstance(f, Paragraph) and f.text == summary for f in first._content)


def test_short_labels_stay_on_one_line(doc):
    labels = ("Fewer disruptions", "Objections and evidence")
    figure = FigureData("f", "Title", None, "bar", labels, (("share", (71.0, 40.0)),), "caption", ())
    drawn = [s[0] for s in strings(chartdrawing.figure_drawing(figure, doc.fonts, doc.page.frame_width))]
    assert all(label in drawn for label in labels), drawn
    data = Balance("Balance", labels, (("fact", "Fact", (3, 1)), ("opinion", "Opinion", (1, 2)),
                                       ("prediction", "Prediction", (0, 1))), "prompt", "Number")
    drawn = [s[0] for s in strings(chartdrawing.balance_drawing(data, doc.fonts, doc.page.frame_width))]
    assert all(label in drawn for label in labels), drawn
