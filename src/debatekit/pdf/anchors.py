"""Where sections land: zero-size flowables that note the page they are drawn on, so a
document (or another one) can name its own page numbers after a first layout."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak


class Anchor(Flowable):
    """Records ``book[name]`` = the 1-based page it lands on (the last landing wins)."""

    def __init__(self, book: dict[str, int], name: str, keep_with_next: bool = False):
        super().__init__()
        self.book, self.name = book, name
        self.width = self.height = 0
        self.keepWithNext = keep_with_next   # a start moves with what it starts

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.book[self.name] = self.canv.getPageNumber()


def section(book: dict[str, int], name: str, flowables: list) -> list:
    """``flowables`` between a start and an end anchor (``name`` and ``name:end``); an
    empty section stays empty and unrecorded."""
    if not flowables:
        return []
    breaks = 0
    while breaks < len(flowables) and isinstance(flowables[breaks], (CondPageBreak, PageBreak)):
        breaks += 1
    return [*flowables[:breaks], Anchor(book, name, keep_with_next=True), *flowables[breaks:],
            Anchor(book, name + ":end")]


def page_span(book: dict[str, int], name: str) -> tuple[int, int] | None:
    """(first, last) page of a recorded section, or None."""
    if name not in book:
        return None
    return book[name], book.get(name + ":end", book[name])
