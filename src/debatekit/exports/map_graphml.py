"""Writer: the argument map as GraphML, for graph editors (yEd, draw.io) and libraries.

Plain GraphML data keys carry what a program needs: on every node ``label`` (what the
editors show), ``number``, ``title``, ``text``, ``kind``, ``status``, ``strand`` and
``strand_title``, and the description (``quote``, ``speaker``, ``check``, ``sources``);
on every edge ``relation`` (``supports`` or ``challenges``). yEd's own graphics (a
``y:ShapeNode`` with a ``y:NodeLabel``, a ``y:PolyLineEdge`` with a ``y:EdgeLabel``, from
the yFiles namespace) make the map readable the moment it opens, in yEd and in draw.io's
yEd import: one column per strand, each box wrapped to its text, kinds told apart by
shape and border as well as colour, challenges dashed.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..job import Job
from ..looks import KIND_LOOK, STATUS_LOOK
from ..present.mapboxes import RELATION_COLOURS
from ..textfit import line_height, wrap
from .map_items import ArgumentMap, Node, build_map

VERSION = "1"

Y_NS = "http://www.yworks.com/xml/graphml"
FONT_SIZE = 12
BOX_WIDTH = 260.0
PADDING = 10.0
COLUMN_GAP = 80.0
ROW_GAP = 30.0
# yEd shapes and border styles per kind, so a greyscale print still tells them apart
_SHAPE = {"rectangle": "rectangle", "rounded": "roundrectangle", "arrow": "hexagon"}
_BORDER = {"fact": "line", "opinion": "dashed", "prediction": "dotted"}

# (key id, for, attribute name, type)
NODE_KEYS = (
    ("label", "string"),
    ("number", "int"),
    ("title", "string"),
    ("text", "string"),
    ("kind", "string"),
    ("status", "string"),
    ("strand", "int"),
    ("strand_title", "string"),
    ("quote", "string"),
    ("quote_translation", "string"),
    ("speaker", "string"),
    ("check", "string"),
    ("sources", "string"),
)


def node_label(argmap: ArgumentMap, node: Node) -> str:
    """The box's text: number, kind and status in words, then the claim, wrapped."""
    labels = argmap.labels
    head = f"{node.title} · {labels[node.kind]}" + (
        f" · {labels[node.status]}" if node.status else ""
    )
    return "\n".join(_wrapped(head) + _wrapped(node.text))


def _wrapped(text: str) -> list[str]:
    return [
        text[line.start : line.end].rstrip()
        for line in wrap(text, BOX_WIDTH - 2 * PADDING, FONT_SIZE)
    ]


def node_values(argmap: ArgumentMap, node: Node) -> dict[str, str | int]:
    values: dict[str, str | int | None] = {
        "label": node_label(argmap, node),
        "number": node.number,
        "title": node.title,
        "text": node.text,
        "kind": node.kind,
        "status": node.status,
        "strand": node.strand,
        "strand_title": node.strand_title,
        "quote": node.quote,
        "quote_translation": node.quote_translation,
        "speaker": node.speaker,
        "check": node.check,
        "sources": "\n".join(node.sources) or None,
    }
    return {key: value for key, value in values.items() if value is not None}


def _text(value: str | int) -> str:
    # a line break kept as a character reference, so no XML reader folds it away
    return escape(str(value)).replace("\n", "&#10;")


def _node(argmap: ArgumentMap, node: Node, x: float, y: float) -> tuple[list[str], float]:
    values = node_values(argmap, node)
    label = str(values["label"])
    height = line_height(FONT_SIZE) * (label.count("\n") + 1) + 2 * PADDING
    look = KIND_LOOK[node.kind]
    border = STATUS_LOOK[node.status].colour if node.status else look.colour
    lines = [f"    <node id={quoteattr(node.ident)}>"]
    lines += [f'      <data key="n_{key}">{_text(value)}</data>' for key, value in values.items()]
    lines += [
        (
            '      <data key="n_graphics"><y:ShapeNode>'
            f'<y:Geometry height="{height:.1f}" width="{BOX_WIDTH:.1f}" x="{x:.1f}" y="{y:.1f}"/>'
            f'<y:Fill color="#{look.tint}" transparent="false"/>'
            f'<y:BorderStyle color="#{border}" type="{_BORDER[node.kind]}" width="2.0"/>'
            '<y:NodeLabel alignment="left" autoSizePolicy="content" fontFamily="Dialog" '
            f'fontSize="{FONT_SIZE}" modelName="internal" modelPosition="c" textColor="#1A1A1A">'
            f"{_text(label)}</y:NodeLabel>"
            f'<y:Shape type="{_SHAPE[look.shape]}"/></y:ShapeNode></data>'
        ),
        "    </node>",
    ]
    return lines, height


def graphml(argmap: ArgumentMap) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xmlns:y="{Y_NS}" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">'
        ),
        '  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>',
        '  <key id="g_thesis" for="graph" attr.name="thesis" attr.type="string"/>',
    ]
    lines += [
        f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>'
        for name, kind in NODE_KEYS
    ]
    lines += [
        '  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>',
        '  <key id="e_relation" for="edge" attr.name="relation" attr.type="string"/>',
        '  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>',
        '  <graph id="map" edgedefault="directed">',
        f'    <data key="g_title">{_text(argmap.title)}</data>',
        f'    <data key="g_thesis">{_text(argmap.thesis)}</data>',
    ]
    for column, strand in enumerate(argmap.strands):
        x, y = column * (BOX_WIDTH + COLUMN_GAP), 0.0
        for node in strand.nodes:
            node_lines, height = _node(argmap, node, x, y)
            lines += node_lines
            y += height + ROW_GAP
    for number, edge in enumerate(argmap.edges, 1):
        style = "line" if edge.relation == "supports" else "dashed"
        colour = RELATION_COLOURS[edge.relation]
        lines += [
            f'    <edge id="e{number}" source="{edge.source}" target="{edge.target}">',
            f'      <data key="e_relation">{edge.relation}</data>',
            (
                '      <data key="e_graphics"><y:PolyLineEdge>'
                f'<y:LineStyle color="#{colour}" type="{style}" width="2.0"/>'
                '<y:Arrows source="none" target="standard"/>'
                f'<y:EdgeLabel fontSize="{FONT_SIZE}">'
                f"{_text(argmap.labels[edge.relation])}</y:EdgeLabel>"
                "</y:PolyLineEdge></data>"
            ),
            "    </edge>",
        ]
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def render(job: Job) -> bytes:
    return graphml(build_map(job.outline, job.lang)).encode("utf-8")
