"""Contrast of every colour pair the outputs use (WCAG 2.1 AA): text 4.5:1, large text
3:1, and lines or shapes that carry meaning 3:1, computed from the code's own constants:
the kinds' and statuses' looks, the map boxes, relation lines, chart series and balance
bars shared by the deck and the PDFs, the deck's and the PDFs' own colours, and the web
page's style sheet. A colour literal anywhere in the code that no check covers fails too,
so a new colour cannot slip in unchecked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debatekit import looks
from debatekit.looks import ACCENT, INK, KIND_LOOK, MUTED, PAPER, STATUS_LOOK
from debatekit.pdf import mapdrawing
from debatekit.present.balance import OPINION_BAR_FILL
from debatekit.present.figures import SERIES_COLOURS
from debatekit.present.mapboxes import RELATION_COLOURS, MapNode
from debatekit.present.mapgeometry import heading_colour, node_colours
from debatekit.slides import charts, map_drawing
from debatekit.web import svgcharts, svgmaps
from debatekit.web.page import palette

SRC = Path(__file__).resolve().parent.parent / "src" / "debatekit"
TEXT, LARGE, GRAPHIC = 4.5, 3.0, 3.0

# Colours that carry no meaning and hold no text: grid lines, rules between table cells,
# panels whose text is checked against them below.
DECORATIVE = {
    "E0E0E0": "chart grid lines (deck and PDF)",
    "D9D9D9": "chart grid lines (web)",
    "BFBFBF": "rules between table cells and the quiet frame of cards",
}


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _node(role: str, kind: str | None) -> MapNode:
    return MapNode("x", role, kind, None, (), (), "", "", 9, 11, 0, 0, 10, 10)


def pairs() -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, minimum ratio)."""
    out = [
        ("ink on paper", INK, PAPER, TEXT),
        ("muted text on paper", MUTED, PAPER, TEXT),
        ("accent headings on paper", ACCENT, PAPER, TEXT),
        ("table header text", INK, "EDEDED", TEXT),
        ("muted text on table headers and strand boxes", MUTED, "EDEDED", TEXT),
        ("teacher's overview card: ink", INK, "F2F2F2", TEXT),
        ("teacher's overview card: muted", MUTED, "F2F2F2", TEXT),
        ("deck quiz choices: text", "404040", PAPER, TEXT),
        ("deck quiz choices: outline", "7F7F7F", PAPER, GRAPHIC),
        ("deck debate 'against' header: white on dark grey", PAPER, "404040", TEXT),
        ("deck debate 'for' header: white on accent", PAPER, ACCENT, TEXT),
        ("debate cards: filled side mark", PAPER, INK, TEXT),
        ("balance bars: fact count", PAPER, KIND_LOOK["fact"].colour, TEXT),
        ("balance bars: opinion count", INK, OPINION_BAR_FILL, TEXT),
        ("balance bars: opinion outline", KIND_LOOK["opinion"].colour, PAPER, GRAPHIC),
        ("balance bars: prediction outline", KIND_LOOK["prediction"].colour, PAPER, GRAPHIC),
        ("map key and thesis box outline", ACCENT, PAPER, GRAPHIC),
        ("debate cards: quote on grey", INK, "EFEFEF", TEXT),
        ("debate cards: muted text on grey", MUTED, "EFEFEF", TEXT),
        ("deck map: strand-to-thesis lines", map_drawing.EDGE_LOOK["member"][0], PAPER, GRAPHIC),
        ("PDF map: strand-to-thesis lines", mapdrawing.EDGE_LOOK["member"][0], PAPER, GRAPHIC),
        ("web map: strand-to-thesis lines", svgmaps.EDGE_LOOK["member"][0], PAPER, GRAPHIC),
        ("web map: empty badge", svgmaps.BLANK_FRAME, PAPER, GRAPHIC),
    ]
    for kind, look in KIND_LOOK.items():
        out += [
            (f"{kind}: word on paper", look.colour, PAPER, TEXT),
            (f"{kind}: word on its tint", look.colour, look.tint, TEXT),
            (f"{kind}: text in its box", INK, look.tint, TEXT),
            (f"{kind}: white word on a filled badge", PAPER, look.colour, TEXT),
            (f"{kind}: box and badge outline", look.colour, PAPER, GRAPHIC),
        ]
    for status, look in STATUS_LOOK.items():
        out += [
            (f"{status}: word on paper", look.colour, PAPER, TEXT),
            (f"{status}: word on its tint", look.colour, look.tint, TEXT),
            (f"{status}: text on its tint", INK, look.tint, TEXT),
            (f"{status}: mark outline", look.colour, PAPER, GRAPHIC),
        ]
    for role, kind in (
        ("thesis", None),
        ("strand", None),
        ("claim", "fact"),
        ("claim", "opinion"),
        ("claim", "prediction"),
        ("ref", "fact"),
        ("ref", "opinion"),
        ("ref", "prediction"),
    ):
        node = _node(role, kind)
        fill, stroke, ink = node_colours(node)
        out += [
            (f"map {role} {kind or ''}: text", ink, fill, TEXT),
            (f"map {role} {kind or ''}: badge line", heading_colour(node), fill, TEXT),
            (f"map {role} {kind or ''}: outline", stroke, PAPER, GRAPHIC),
        ]
    for relation, colour in RELATION_COLOURS.items():
        out.append((f"map line: {relation}", colour, PAPER, GRAPHIC))
    for i, colour in enumerate(SERIES_COLOURS):
        out.append((f"chart series {i + 1}", colour, PAPER, GRAPHIC))
    for kind, (_, fill) in charts.KIND_FILLS.items():
        # the deck writes a bar's count on its fill (a hatch: on its stripes too)
        ink = PAPER if kind == "fact" else INK
        out.append((f"deck balance {kind}: count on the bar", ink, fill, TEXT))
    for kind, (fill, stroke, ink) in svgcharts.KIND_BARS.items():
        out += [
            (f"web balance {kind}: count", ink, fill, TEXT),
            (f"web balance {kind}: outline", stroke, PAPER, GRAPHIC),
        ]
    out += web_pairs()
    return out


# -- the web page's style sheet -----------------------------------------------------------

CSS = (SRC / "web" / "templates" / "page.css").read_text("utf-8")
RULE_RE = re.compile(r"([^{}]+)\{([^{}]*)\}")
VAR_RE = re.compile(r"var\(--([a-z-]+)\)")
# Text that sits inside a panel with its own background (nested rules the parser cannot see).
WEB_NESTED = [
    ("accent", "soft", "links in the contents panel"),
    ("ink", "soft", "quotes"),
    ("muted", "soft", "who said a quote"),
    ("ink", "mark", "signal words"),
    ("ink", "fact-tint", "a chosen answer"),
    ("accent", "fact-tint", "focus in a chosen answer"),
]


def web_pairs() -> list[tuple[str, str, str, float]]:
    colours = palette()
    out = []
    for selector, body in RULE_RE.findall(CSS):
        decls = dict(
            (k.strip(), v.strip())
            for k, _, v in (d.partition(":") for d in body.split(";") if ":" in d)
        )
        background = VAR_RE.search(decls.get("background", "") or decls.get("background-color", ""))
        bg = background.group(1) if background else "paper"
        text = VAR_RE.search(decls.get("color", ""))
        if text and not decls.get("color", "").startswith("transparent"):
            out.append((f"web {selector.strip()}: text", colours[text.group(1)], colours[bg], TEXT))
        # a border or focus ring must stand out from the page around the element
        for prop in ("border", "border-color", "border-left", "outline", "accent-color"):
            for name in VAR_RE.findall(decls.get(prop, "")):
                out.append(
                    (f"web {selector.strip()}: {prop}", colours[name], colours["paper"], GRAPHIC)
                )
    for fg, bg, what in WEB_NESTED:
        out.append((f"web {what}", colours[fg], colours[bg], TEXT))
    for status in STATUS_LOOK:
        out.append((f"web status {status}", colours[f"status-{status}"], colours["paper"], TEXT))
    return out


@pytest.mark.parametrize(
    "what,fg,bg,minimum", pairs(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_contrast(what, fg, bg, minimum):
    ratio = contrast(fg, bg)
    assert ratio >= minimum, f"{what}: #{fg} on #{bg} is {ratio:.2f}:1, needs {minimum}:1"


def test_every_colour_in_the_code_is_checked():
    checked = {c.upper() for _, fg, bg, _ in pairs() for c in (fg, bg)}
    checked |= {c.upper() for c in palette().values()}
    literals = {}
    for path in sorted(SRC.rglob("*.py")):
        for colour in re.findall(r"[\"']#?([0-9A-Fa-f]{6})[\"']", path.read_text("utf-8")):
            literals.setdefault(colour.upper(), path.relative_to(SRC).as_posix())
    for colour in re.findall(r"#([0-9A-Fa-f]{6})\b", CSS):
        literals.setdefault(colour.upper(), "web/templates/page.css")
    unchecked = {
        c: where for c, where in literals.items() if c not in checked and c not in DECORATIVE
    }
    assert not unchecked, f"colours used but never checked for contrast: {unchecked}"


def test_the_contrast_formula():
    assert contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast("BFBFBF", "FFFFFF") < GRAPHIC  # why the map's member lines are not RULE
    assert looks.RULE == "BFBFBF"
