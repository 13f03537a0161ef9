"""How wide a layered map's boxes are and how tall its rows stand (see ``layered``).

Each row is measured at a box width it can take: a box's ``size(node, shrink)`` is its
width and height with its text wrapped at ``shrink`` times its preferred width.
"""

from __future__ import annotations

SLOT = 8.0        # width reserved in a row for an edge passing through it


def measure_rows(rows, size, width, gap, channel, min_shrink, max_grow):
    """(whether every row fits the width, box sizes, each row's shrink, row tops, row
    heights, total height) with each row's boxes as wide as fits, at most ``max_grow``
    times their preferred width."""
    fitted = [_fit_row(row, size, width, gap, min_shrink, max_grow) for row in rows]
    sizes = {n: wh for _, row_sizes in fitted for n, wh in row_sizes.items()}
    row_heights = [max((sizes[n][1] for n in row if not n.startswith("\0")), default=SLOT)
                   for row in rows]
    tops = [sum(row_heights[:r]) + channel * r for r in range(len(rows))]
    return (all(shrink is not None for shrink, _ in fitted), sizes,
            [shrink or min_shrink for shrink, _ in fitted], tops, row_heights,
            sum(row_heights) + channel * max(0, len(rows) - 1))


def least_height(rows, size, channel, grow) -> float:
    """The least height the rows can take with boxes at most ``grow`` times as wide as
    they like: a wider box never takes more lines, so when even this is too tall,
    measuring each row at every width in between cannot help."""
    return sum(max((size(n, grow)[1] for n in row if not n.startswith("\0")), default=SLOT)
               for row in rows) + channel * max(0, len(rows) - 1)


def _fit_row(row, size, width, gap, min_shrink, max_grow=1.0):
    """The largest shrink, in steps of 0.05 from ``max_grow`` down to min_shrink, at
    which the row fits, and its sizes; (None, narrowest sizes) when even the narrowest
    does not. Fixed steps keep the set of box sizes small, so callers can remember
    them."""
    def measure(shrink):
        out = {n: (SLOT, 0.0) if n.startswith("\0") else size(n, shrink) for n in row}
        return out, sum(w for w, _ in out.values()) + gap * (len(row) - 1)

    steps = int(round((max_grow - min_shrink) / 0.05))
    sizes = {}
    for step in range(steps + 1):
        shrink = round(max_grow - 0.05 * step, 2)
        sizes, used = measure(shrink)
        if used <= width:
            return shrink, sizes
    return None, sizes
