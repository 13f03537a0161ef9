"""How each kind and status looks, shared by every writer.

Kinds differ by shape, border pattern and symbol as well as colour, so a greyscale
photocopy still tells them apart: their tints turn to about the same light grey.
"""

from __future__ import annotations

from typing import NamedTuple



class Look(NamedTuple):
    colour: str   # hex RGB without '#'
    tint: str     # light background of the same hue
    shape: str    # fact: rectangle, opinion: rounded (oval ends), prediction: arrow
    symbol: str   # a glyph present in common CJK and Latin fonts
    dash: tuple[float, ...] | None = None   # border pattern (on, off in points); None: solid


KIND_LOOK = {
    "fact": Look("1F4E79", "DCE8F4", "rectangle", "■"),                # solid border
    "opinion": Look("A64B00", "F8E3D0", "rounded", "●", (4.0, 2.0)),   # dashed border
    "prediction": Look("5B2C83", "E9DEF3", "arrow", "▲", (1.2, 1.6)),  # dotted border
}

STATUS_LOOK = {
    "stated": Look("595959", "EDEDED", "rectangle", "○"),
    "verified": Look("2E6B30", "DDEEDB", "rectangle", "√"),
    "disputed": Look("8A6100", "F6EBCC", "rectangle", "?"),
    "misleading": Look("8B2F5F", "F4DCE8", "rectangle", "!"),
    "false": Look("A11D1D", "F6D8D8", "rectangle", "×"),
}

INK = "1A1A1A"
MUTED = "595959"
RULE = "BFBFBF"
ACCENT = "1F4E79"
PAPER = "FFFFFF"
