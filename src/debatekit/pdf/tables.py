"""Tables that split across pages with their header rows repeated, and cells that wrap."""

from __future__ import annotations

from typing import Sequence

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from ..looks import RULE
from .reportlab_internals import table_height, table_row_count
from .styles import hex_colour

HEAD_FILL = "EDEDED"
PADDING = 6


def _chunks(cell, width: float, limit: float) -> list[list]:
    """A cell's flowables cut into pieces no taller than ``limit``; a Paragraph taller than
    that is split between its lines."""
    queue = list(cell) if isinstance(cell, (list, tuple)) else [cell]
    chunks: list[list] = []
    current: list = []
    used = 0.0
    while queue:
        item = queue.pop(0)
        if not hasattr(item, "wrap"):
            current.append(item)
            continue
        height = item.wrap(width, limit)[1] + item.getSpaceBefore() + item.getSpaceAfter()
        if used + height <= limit:
            current.append(item)
            used += height
            continue
        parts = item.split(width, limit - used) if limit - used > 0 else []
        if len(parts) > 1:
            current.append(parts[0])
            queue[:0] = parts[1:]
        elif current:
            queue.insert(0, item)
        else:
            current.append(item)  # cannot be cut further: reportlab will report it
        chunks.append(current)
        current, used = [], 0.0
    if current or not chunks:
        chunks.append(current)
    return chunks


def _cell(chunk: list):
    """A piece of a cut cell as a table cell: reportlab wraps a list only when all of it
    is flowables, so a lone string (a claim's number) stays a string."""
    flowables = [item for item in chunk if hasattr(item, "wrap")]
    if len(flowables) == len(chunk):
        return chunk
    return chunk[0] if len(chunk) == 1 else flowables


def _rows_no_taller_than(
    rows: Sequence[Sequence], widths: Sequence[float], limit: float
) -> tuple[list[list], list[int]]:
    """Rows whose content is taller than ``limit`` become several rows, so a row never
    needs splitting inside (reportlab's in-row split repeats the header mid-page); and
    the indexes of the rows that continue the one before."""
    result, continuing = [], []
    for row in rows:
        pieces = [
            _chunks(cell, width - 2 * PADDING, limit - 2 * PADDING - 6)
            for cell, width in zip(row, widths)
        ]
        if all(len(p) == 1 for p in pieces):
            result.append(list(row))
            continue
        for index in range(max(len(p) for p in pieces)):
            if index:
                continuing.append(len(result))
            result.append([_cell(p[index]) if index < len(p) else "" for p in pieces])
    return result, continuing


SPLIT_STEP = 6.0    # points: how much less room to try when a split leaves a lone row
ROW_LIMIT = 0.85    # of a page's body: a taller row is cut into parts (one could not fit)


class _HoldingTable(Table):
    """A table whose split never leaves its last row alone on the next page: the page
    before gives up one more row, so no page carries a single row. (reportlab makes
    each part with ``self.__class__``, so the parts keep this rule.)"""

    frame_height: float | None = None    # a page's body, where known (grid_table)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.frame_height = self.frame_height
        if len(parts) != 2:
            return parts
        head = self.repeatRows
        kept = table_row_count(parts[0]) - head
        if table_row_count(parts[1]) - head != 1:
            return parts
        if kept < 2:
            # too few rows to share: the whole table moves on, unless no page could hold
            # it whole (two rows each cut to nearly a page): then one row a page
            whole = self.frame_height is not None and table_height(self) > self.frame_height
            return parts if whole else []
        height = availHeight
        while height > 0:
            height -= SPLIT_STEP
            fewer = super().split(availWidth, height)
            if len(fewer) == 2 and table_row_count(fewer[0]) - head < kept:
                return fewer
        return parts


def grid_table(
    rows: Sequence[Sequence],
    widths: Sequence[float],
    *,
    font: str,
    header_rows: int = 1,
    min_row_height: float | None = None,
    frame_height: float | None = None,
    extra: Sequence[tuple] = (),
    rules: str = "grid",
) -> Table:
    """A ruled table: ``rows`` of flowables (Paragraphs, badges, lists of them), the first
    ``header_rows`` shaded and repeated on every page it continues onto. Cells wrap.
    ``min_row_height`` gives body rows room to write in by hand. Rows move to the next page
    whole; with ``frame_height`` (a page's body height) a row too tall for a page is
    first cut into several rows between its flowables or lines (drawn as one row). ``font`` (``fonts.regular``) replaces the table's default Helvetica, which would
    otherwise be referenced and not embedded. ``rules="rows"`` draws only a rule between
    rows (running text such as the article), ``"grid"`` every cell's border."""
    rows = [list(r) for r in rows]
    continuing: list[int] = []
    if frame_height is not None:
        body, continuing = _rows_no_taller_than(rows[header_rows:], widths,
                                                frame_height * ROW_LIMIT)
        rows = rows[:header_rows] + body
        continuing = [header_rows + index for index in continuing]
    minimums = None
    if min_row_height:
        minimums = [0] * header_rows + [min_row_height] * (len(rows) - header_rows)
    table = _HoldingTable(rows, colWidths=list(widths), minRowHeights=minimums,
                  repeatRows=header_rows, splitByRow=1, splitInRow=0, hAlign="LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, hex_colour(RULE)) if rules == "grid"
        else ("LINEBELOW", (0, 0), (-1, -1), 0.5, hex_colour(RULE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), hex_colour(HEAD_FILL)))
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 1, colors.black))
    # a row cut because no page holds it reads as one: no rule between its parts
    commands += [("LINEABOVE", (0, r), (-1, r), 0.6, colors.white) for r in continuing]
    commands.extend(extra)
    table.setStyle(TableStyle(commands))
    table.frame_height = frame_height
    return table
