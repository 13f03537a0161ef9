"""The argument map and the figures for the handouts.

The drawings (argument map, figure charts, balance chart) come from
``debatekit.visuals.handout_visuals``.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..pdf import PdfDocument
from ..visuals import handout_visuals


def visual_flowables(doc: PdfDocument) -> list[Flowable]:
    """Flowables for the argument map and the charts (headings included)."""
    return handout_visuals.flowables(doc)
