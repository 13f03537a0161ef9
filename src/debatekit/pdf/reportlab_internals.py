"""Every internal of reportlab the PDFs rely on, and why; nowhere else in debatekit.

reportlab is pinned to ``>=4.5,<4.6`` in pyproject.toml, so an upgrade is checked here and
by the handout and card tests. Besides the name below, ``cjkwrap`` replaces reportlab's
CJK line splitters (``reportlab.platypus.paragraph.cjkFragSplit``,
``reportlab.lib.textsplit.dumbSplit``) and extends the marks no line may start with
(``textsplit.ALL_CANNOT_START``): module globals reportlab reads at wrap time, with no
public hook for line-breaking rules.
"""

from __future__ import annotations


def start_page(canvas) -> None:
    """Begin a new page without emitting the current one: "page x of y" keeps every page
    until the total is known (reportlab's own recipe for it), and ``showPage`` would
    write the page out at once."""
    canvas._startPage()


def table_row_count(table) -> int:
    """The rows of a laid-out Table (or of one part of a split one): tables keep no
    public count, and a split part is only known by its rows."""
    return table._nrows


def table_height(table) -> float:
    """The height of a laid-out Table (set by ``wrap``): ``split`` is given only the room
    left, and deciding whether a table could fit a whole page needs its own height."""
    return table._height
