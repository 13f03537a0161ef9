"""The argument map and the figures for the handouts.

Placeholder: the visuals work (issue 8) fills ``visual_flowables`` with reportlab
drawings. Until then it adds nothing, so no handout prints an empty box.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from ..pdf import PdfDocument


def visual_flowables(doc: PdfDocument) -> list[Flowable]:
    """Flowables for the argument map and the charts (headings included), or []."""
    return []
