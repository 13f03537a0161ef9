"""Where sections land: zero-size flowables that note the page they are drawn on
(``Anchor``), and room for words known only once every page is laid out (``Later``), so a
document can name its own page numbers in one pass (and another document can read them
after a layout)."""

from __future__ import annotations

from typing import Callable, Sequence

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from .stacked import stacked


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


class Later(Flowable):
    """Room for flowables whose words are known only at the end (a contents list's page
    numbers): sized by ``stand_in`` (the same flowables with the widest words), drawn as
    a PDF form that the document fills with ``make()`` once its pages are laid out.
    ``forms`` is the document's list of (name, draw) it draws at the end."""

    def __init__(self, stand_in: Sequence[Flowable], make: Callable[[], Sequence[Flowable]],
                 forms: list):
        super().__init__()
        self.name = f"later{len(forms) + 1}"      # per document: the same bytes every build
        self.stand_in, self.make = list(stand_in), make
        forms.append((self.name, self._fill))

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = stacked(self.stand_in, avail_width)[1]
        return self.width, self.height

    def draw(self):
        self.canv.doForm(self.name)

    def _fill(self, canvas) -> None:
        placed, _ = stacked(self.make(), self.width)
        for item, y, h in placed:
            item.drawOn(canvas, 0, self.height - y - h)
