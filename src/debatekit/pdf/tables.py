"""Tables that split across pages with their header rows repeated, and cells that wrap."""

from __future__ import annotations

from typing import Sequence

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from ..kinds import RULE
from .styles import hex_colour

HEAD_FILL = "EDEDED"


def grid_table(rows: Sequence[Sequence], widths: Sequence[float], *, font: str, header_rows: int = 1,
               min_row_height: float | None = None, extra: Sequence[tuple] = ()) -> Table:
    """A ruled table: ``rows`` of flowables (Paragraphs, badges, lists of them), the first
    ``header_rows`` shaded and repeated on every page it continues onto. Cells wrap; a
    row taller than a page is split by reportlab rather than cut off. ``min_row_height``
    gives body rows room to write in by hand. ``font`` (``fonts.regular``) replaces the
    table's default Helvetica, which would otherwise be referenced and not embedded."""
    minimums = None
    if min_row_height:
        minimums = [0] * header_rows + [min_row_height] * (len(rows) - header_rows)
    table = Table(list(map(list, rows)), colWidths=list(widths), minRowHeights=minimums,
                  repeatRows=header_rows, splitByRow=1, splitInRow=1, hAlign="LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, hex_colour(RULE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), hex_colour(HEAD_FILL)))
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 1, colors.black))
    commands.extend(extra)
    table.setStyle(TableStyle(commands))
    return table
