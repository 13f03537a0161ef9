"""Warnings about outlines that validate but are not ready for a class: the marks a
scaffold leaves (``drafts``), a thesis that repeats the headline, a kit without a
debate, empty translations; and the characters the outputs cannot show (control
characters are errors; emoji and right-to-left text are warnings naming them).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import replace
from typing import Any, Iterator

from .drafts import TRANSLATE, unfinished_texts
from .language import is_emoji, is_right_to_left, suspicious_characters
from .loader import LocatedTree
from .model import Outline
from .problems import Problem

# Strings that name files, fonts or addresses rather than text a page shows.
_NOT_SHOWN = frozenset({"path", "url", "template", "translations", "fonts", "format", "id", "languages", "language"})


def strings(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string of the outline's data with its path, skipping file names and ids."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in _NOT_SHOWN:
                yield from strings(value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from strings(item, (*path, i))


def _warning(tree: LocatedTree, path: tuple, message: str, code: str) -> Problem:
    return replace(tree.problem(path, message, "warning"), code=code)


def unfinished_work(outline: Outline, tree: LocatedTree) -> Iterator[Problem]:
    """Located warnings about the scaffold's marks and the kit's missing parts; paths are
    those of the file's data (``tree``), not of a salvaged model."""
    def warning(path: tuple, message: str, code: str) -> Problem:
        return _warning(tree, path, message, code)

    for path, code, message in unfinished_texts(strings(tree.data)):
        yield warning(path, message, code)
    languages = set(outline.languages)
    for path, value in strings(tree.data):
        if path and path[-1] in languages and not value.strip():
            yield warning(path, f"the `{path[-1]}` text is empty: every language of the kit needs its text", "missing-text")
    yield from _thesis(outline, tree, warning)
    if not outline.debates:
        where = ("debates",) if "debates" in tree.data else ("id",)
        yield warning(where, "the kit has no debate: add one under `debates` (a motion and points for each side) "
                             "for the debate cards and slides", "no-debate")


def _thesis(outline: Outline, tree: LocatedTree, warning) -> Iterator[Problem]:
    def plain(text: str) -> str:
        return " ".join(text.removeprefix(TRANSLATE).split()).casefold()

    for lang in outline.languages:
        thesis = outline.thesis.get(lang)
        if thesis is None:
            continue
        headlines = {plain(outline.title.get(lang) or ""), plain(outline.source.title)}
        if plain(thesis) in headlines:
            where = ("thesis",) if outline.thesis.is_plain else ("thesis", lang)
            yield warning(where, "the thesis repeats the headline: write the article's central claim in your own words",
                          "thesis-is-title")
            return


def character_problems(tree: LocatedTree) -> Iterator[Problem]:
    def error(path: tuple, message: str) -> Problem:
        return tree.problem(path, message)

    def warning(path: tuple, message: str, code: str) -> Problem:
        return _warning(tree, path, message, code)

    for path, value in strings(tree.data):
        if not _SUSPECT.search(value):  # most texts: no character below is in them
            continue
        controls = sorted({ch for ch in value if _control(ch)})
        if controls:
            yield error(path, f"the text holds {_named(controls)}, which no output can show; remove "
                              f"{'it' if len(controls) == 1 else 'them'}")
        emoji = [ch for ch in dict.fromkeys(value) if is_emoji(ch) and ch not in "\u200d\ufe0f"]
        if emoji:
            yield warning(path, f"no embedded font can draw {_named(emoji)}: the PDFs would show empty boxes; "
                                "write it in words", "undrawable")
        rtl = [ch for ch in dict.fromkeys(value) if is_right_to_left(ch)]
        if rtl:
            yield warning(path, f"right-to-left text ({_named(rtl[:5])}{', …' if len(rtl) > 5 else ''}) would be "
                                "printed reversed and unjoined: debatekit does not lay out right-to-left scripts",
                          "undrawable")


# A title is set on one slide, a strand's also in a box of the overview map: past these
# widths (a CJK character counts two) no slide can hold it. Measured against the writers
# with a margin: the outline's title fails near 415 Chinese or 825 Latin characters, a
# strand's near 385 or 635.
TITLE_WIDTH = {"title": 700, "strand": 600}


def title_problems(tree: LocatedTree) -> Iterator[Problem]:
    """Titles too long to be set as a title: the outline's and each strand's."""
    strands = tree.data.get("strands")
    places = [(("title",), "title")] + [(("strands", i, "title"), "strand")
                                        for i in range(len(strands if isinstance(strands, list) else []))]
    for place, what in places:
        node: Any = tree.data
        for step in place:
            node = node[step] if isinstance(node, list) or isinstance(node, dict) and step in node else None
        limit = TITLE_WIDTH[what]
        for path, value in strings(node, place) if node is not None else ():
            width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)
            if width > limit:
                rest = "`subtitle`" if what == "title" else "the strand's `summary`"
                yield tree.problem(path, f"this title is {len(value)} characters long, too long to set as a title; "
                                         f"keep it under {limit // 2} Chinese or {limit} Latin characters and put "
                                         f"the rest in {rest}")


# A chart axis shows numbers within these magnitudes; far beyond them its scale
# arithmetic overflows. No figure of an article needs more: it changes its unit.
LARGEST, SMALLEST = 1e15, 1e-9


def number_problems(tree: LocatedTree) -> Iterator[Problem]:
    """Figure values no chart axis can show (non-finite ones are refused by the loader)."""
    figures = tree.data.get("figures")
    for f, figure in enumerate(figures if isinstance(figures, list) else []):
        series = figure.get("series") if isinstance(figure, dict) else None
        for s, one in enumerate(series if isinstance(series, list) else []):
            points = one.get("points") if isinstance(one, dict) else None
            for p, point in enumerate(points if isinstance(points, list) else []):
                value = point.get("value") if isinstance(point, dict) else None
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                    continue
                if abs(value) > LARGEST or 0 < abs(value) < SMALLEST:
                    yield tree.problem(("figures", f, "series", s, "points", p, "value"),
                                       f"`{value:g}` is too {'large' if abs(value) > LARGEST else 'small'} for a "
                                       "chart axis; give the figure in another unit (thousands, millions, percent)")


# Any character the three rules above might name: a text without one is skipped whole.
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|" + suspicious_characters())


def _control(ch: str) -> bool:
    """Characters XML (and so every output) refuses: C0 controls but tab and line breaks,
    lone surrogates, U+FFFE and U+FFFF."""
    return (ord(ch) < 0x20 and ch not in "\t\n\r") or unicodedata.category(ch) == "Cs" or ch in "\ufffe\uffff"


def _named(chars: list[str]) -> str:
    def one(ch: str) -> str:
        shown = f"“{ch}” " if unicodedata.category(ch) not in ("Cc", "Cs") else ""
        return f"{shown}(U+{ord(ch):04X})"

    return ", ".join(one(ch) for ch in chars)
