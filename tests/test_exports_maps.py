"""The map exports read back by real consumers: the Argdown command line (its JSON
export) and networkx's GraphML reader, for the flagship and for an outline of texts full
of each format's special characters.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from debatekit.exports import map_argdown, map_graphml
from debatekit.exports.map_graphml import node_values
from debatekit.exports.map_items import build_map
from debatekit.job import Job
from debatekit.reader import read_outline
from support import DATA

ARGDOWN = Path(__file__).resolve().parent / "js" / "node_modules" / ".bin" / "argdown"
Y = "{http://www.yworks.com/xml/graphml}"


@pytest.fixture(scope="module", params=["flagship", "hard", "lesson"])
def outline(request, flagship, exports_hard):
    # the lesson outline: accepted labels, a misleading figure, a quote's own translation
    others = {"hard": lambda: exports_hard, "lesson": lambda: read_outline(DATA / "lesson.yaml").outline}
    return flagship.outline if request.param == "flagship" else others[request.param]()


def argdown_json(folder: Path) -> dict[str, dict]:
    """Every .argdown file of the folder through `argdown json`, once for all of them."""
    if shutil.which("node") is None or not ARGDOWN.exists():
        pytest.skip("needs node and @argdown/cli (npm ci in tests/js)")
    out = folder / "json"
    done = subprocess.run(
        [str(ARGDOWN), "json", str(folder / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "syntax error" not in (done.stdout + done.stderr).lower()
    return {path.stem: json.loads(path.read_text("utf-8")) for path in out.glob("*.json")}


@pytest.mark.slow  # the Argdown command line starts node with its whole toolchain
def test_argdown_read_back_by_the_argdown_parser(outline, tmp_path):
    for lang in outline.languages:
        (tmp_path / f"{lang}.argdown").write_bytes(map_argdown.render(Job(outline, lang)))
    parsed = argdown_json(tmp_path)
    assert sorted(parsed) == sorted(outline.languages)
    for lang, read in parsed.items():
        argmap = build_map(outline, lang)
        statements = read["statements"]
        assert sorted(statements) == sorted([argmap.thesis_title] + [n.title for n in argmap.nodes])
        assert read["arguments"] == {}
        thesis = statements[argmap.thesis_title]
        assert thesis["members"][0]["text"].strip() == f"{argmap.thesis} #thesis"
        for node in argmap.nodes:
            member = next(m for m in statements[node.title]["members"] if not m.get("isReference"))
            tags = [node.kind] + ([node.status] if node.status else [])
            assert member["text"].rstrip() == " ".join([node.text] + [f"#{t}" for t in tags])
            assert member["tags"] == tags
            data = member["data"]
            assert data.get("quote") == node.quote
            assert data.get("quote_translation") == node.quote_translation
            assert data.get("speaker") == node.speaker
            assert data.get("check") == node.check
            assert data.get("sources", []) == list(node.sources)
            assert data["strand"] == node.strand
        titles = {n.ident: n.title for n in argmap.nodes}
        want = sorted(
            (
                titles[e.source],
                {"supports": "support", "challenges": "attack"}[e.relation],
                titles[e.target],
            )
            for e in argmap.edges
        )
        got = sorted((r["from"], r["relationType"], r["to"]) for r in read["relations"])
        assert got == want
        strand = argmap.labels["strand"]
        assert [s["title"] for s in read["sections"]] == [
            f"{strand} {s.number}: {s.title}" for s in argmap.strands
        ]


def test_graphml_read_back_by_networkx(outline, tmp_path):
    for lang in outline.languages:
        argmap = build_map(outline, lang)
        path = tmp_path / f"{lang}.graphml"
        path.write_bytes(map_graphml.render(Job(outline, lang)))
        graph = nx.read_graphml(path)
        assert graph.graph["title"] == argmap.title and graph.graph["thesis"] == argmap.thesis
        assert list(graph.nodes) == [n.ident for n in argmap.nodes]
        for node in argmap.nodes:
            read = dict(graph.nodes[node.ident])
            # networkx adds yEd's geometry and shape beside the data keys
            assert {k: read[k] for k in read if k not in ("x", "y", "shape_type")} == node_values(
                argmap, node
            )
        assert sorted(
            (s, t, d["relation"], d["label"]) for s, t, d in graph.edges(data=True)
        ) == sorted(
            (e.source, e.target, e.relation, argmap.labels[e.relation]) for e in argmap.edges
        )


def test_graphml_boxes_carry_yed_labels_and_do_not_overlap(exports_hard):
    root = etree.fromstring(map_graphml.render(Job(exports_hard, "zh")))
    boxes = []
    for shape in root.iter(f"{Y}ShapeNode"):
        assert shape.findtext(f"{Y}NodeLabel").startswith("#")
        g = shape.find(f"{Y}Geometry")
        boxes.append(tuple(float(g.get(k)) for k in ("x", "y", "width", "height")))
    assert len(boxes) == len(exports_hard.claims)
    for i, (x, y, w, h) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y


def test_maps_are_byte_identical_on_a_second_render(exports_hard):
    for writer in (map_argdown, map_graphml):
        assert writer.render(Job(exports_hard, "en")) == writer.render(Job(exports_hard, "en"))
