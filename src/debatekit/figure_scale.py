"""Whether a figure's numbers can share one axis: on a scale set by the largest value, a
value a hundredth of it draws as a sliver at zero, and its label lands on its neighbours'."""

from __future__ import annotations

from .model import Figure

# the largest value over the smallest (zeros aside) past which the small ones are lost
SPREAD = 100


def too_spread(figure: Figure) -> tuple[tuple[int, int], float, float] | None:
    """((series index, point index) of the smallest value, smallest, largest), sizes
    taken without their sign, when the largest is more than ``SPREAD`` times the smallest
    other than zero; else None."""
    sizes = [(abs(point.value), (s, p)) for s, series in enumerate(figure.series)
             for p, point in enumerate(series.points) if point.value]
    if not sizes:
        return None
    smallest, where = min(sizes)
    largest = max(size for size, _ in sizes)
    if largest <= SPREAD * smallest:
        return None
    return where, smallest, largest


def spread_warning(figure: Figure) -> tuple[tuple, str] | None:
    """(path of the smallest value inside the figure, message) when ``too_spread``."""
    spread = too_spread(figure)
    if spread is None:
        return None
    (s, p), smallest, largest = spread
    marks = "points" if figure.chart == "line" else "bars"
    return (("series", s, "points", p, "value"),
            f"the values of figure `{figure.id}` differ by more than {SPREAD}x ({smallest:g} to {largest:g}): "
            f"the small {marks} will not be readable; split it into two figures")
