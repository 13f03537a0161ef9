"""Tables that split across pages with their header rows repeated, and cells that wrap."""

from __future__ import annotations

from typing import Sequence

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from ..kinds import RULE
from .styles import hex_colour

HEAD_FILL = "EDEDED"
PADDING = 4


def _cell_height(cell, width: float) -> float:
    items = cell if isinstance(cell, (list, tuple)) else [cell]
    total = 0.0
    for item in items:
        if hasattr(item, "wrap"):
            total += item.wrap(width, 1e6)[1] + item.getSpaceBefore() + item.getSpaceAfter()
    return total


def _tallest_row(rows: Sequence[Sequence], widths: Sequence[float]) -> float:
    return max((max((_cell_height(c, w - 2 * PADDING) for c, w in zip(row, widths)), default=0)
                for row in rows), default=0) + 2 * PADDING


def grid_table(rows: Sequence[Sequence], widths: Sequence[float], *, font: str, header_rows: int = 1,
               min_row_height: float | None = None, frame_height: float | None = None,
               extra: Sequence[tuple] = ()) -> Table:
    """A ruled table: ``rows`` of flowables (Paragraphs, badges, lists of them), the first
    ``header_rows`` shaded and repeated on every page it continues onto. Cells wrap; a
    row taller than a page is split by reportlab rather than cut off. ``min_row_height``
    gives body rows room to write in by hand. Rows move to the next page whole; only
    when a row is taller than ``frame_height`` (a page's body) is it split inside. ``font`` (``fonts.regular``) replaces the
    table's default Helvetica, which would otherwise be referenced and not embedded."""
    minimums = None
    if min_row_height:
        minimums = [0] * header_rows + [min_row_height] * (len(rows) - header_rows)
    # Splitting inside rows repeats the header mid-page in reportlab 4.x (seen on the
    # answer key), so it is kept for rows that could not fit on any page.
    giant = frame_height is not None and _tallest_row(rows, widths) > frame_height * 0.8
    table = Table(list(map(list, rows)), colWidths=list(widths), minRowHeights=minimums,
                  repeatRows=header_rows, splitByRow=1, splitInRow=1 if giant else 0, hAlign="LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, hex_colour(RULE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), hex_colour(HEAD_FILL)))
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 1, colors.black))
    commands.extend(extra)
    table.setStyle(TableStyle(commands))
    return table
