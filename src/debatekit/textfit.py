"""Measuring and wrapping text without a rendering engine, for slides and PDFs alike.

Renderers (PowerPoint, LibreOffice, reportlab) wrap text themselves; we only need to know,
before writing, how many lines a text will take in a box, so that nothing overflows.
The estimate is deliberately pessimistic: Latin widths follow DejaVu Sans (what
LibreOffice substitutes for Calibri or Arial on a bare Linux machine, and wider than
both), bold adds 10 %, East Asian wide characters take a full em, and the usable width is
reduced by a safety margin. A renderer whose glyphs are narrower, breaking at the same
places or more, never needs more lines than we counted.

Sizes and widths are in points; callers convert to EMU or anything else.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

# Line-breaking rules for CJK text (kinsoku), shared with the PDF wrapping.
from .language import NO_LINE_END, NO_LINE_START

# Advance widths in thousandths of an em for printable ASCII (DejaVu Sans, rounded up).
_ASCII = (
    " 320 !402 \"461 #838 $637 %951 &781 '276 (391 )391 *500 +838 ,319 -362 .319 /338 "
    "0637 1637 2637 3637 4637 5637 6637 7637 8637 9637 :338 ;338 <838 =838 >838 ?532 "
    "@1000 A685 B687 C699 D771 E633 F576 G776 H753 I296 J296 K657 L558 M864 N749 O788 "
    "P604 Q788 R696 S636 T612 U733 V685 W990 X686 Y612 Z686 [391 \\338 ]391 ^838 _500 "
    "`500 a614 b636 c551 d636 e616 f353 g636 h635 i279 j279 k580 l279 m975 n635 o613 "
    "p636 q636 r412 s522 t393 u635 v593 w819 x593 y593 z526 {637 |338 }637 ~838"
)


def _parse_ascii(table: str) -> dict[str, float]:
    widths = {" ": 0.320}
    for token in table.split():
        widths[token[0]] = int(token[1:]) / 1000
    return widths


ASCII_EM = _parse_ascii(_ASCII)
OTHER_NARROW_EM = 0.72     # accented Latin, Greek, Cyrillic, symbols: wide end of the range
WIDE_EM = 1.0              # CJK ideographs, kana, hangul, full-width forms
BOLD_FACTOR = 1.10
SAFETY = 0.94              # use only this share of the box width
LEADING = 1.32             # line height as a multiple of the font size, single spacing
NO_BREAK = "\u00a0"         # joins the words beside it: no line breaks there


class _Table(dict):
    """One fact about each character (or token), worked out the first time it is looked
    up and kept: a deck meets a thousand or so distinct characters and a few thousand
    tokens, and a dict lookup costs a fraction of a function call (``map`` and
    ``str.translate`` run the lookups of a whole text without a Python step each).
    ``forget`` empties the token table; the character tables cannot outgrow Unicode."""

    def __init__(self, fact):
        super().__init__()
        self.fact = fact

    def __missing__(self, key):
        value = self[key] = self.fact(key)
        return value


def _em_of(ch: str) -> float:
    width = ASCII_EM.get(" " if ch == NO_BREAK else ch)   # a no-break space is a space
    if width is not None:
        return width
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        # Ambiguous-width symbols (●▲■○√) come from a CJK font in CJK runs: full width.
        return WIDE_EM
    return OTHER_NARROW_EM


_EM = _Table(_em_of)
_WIDE = _Table(lambda ch: unicodedata.east_asian_width(ch) in ("W", "F"))


# The tables' own lookups, without a Python function around them: the deck's runs ask
# whether each character of a text is wide, tens of thousands of times per deck.
char_em = _EM.__getitem__      # advance width of one character, in ems, pessimistically
is_wide = _WIDE.__getitem__    # East Asian Wide or Full-width


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of a single line of text in points."""
    factor = BOLD_FACTOR if bold else 1.0
    return _ems(text) * size * factor


@lru_cache(maxsize=8192)
def _ems(text: str) -> float:
    """A text's width in ems; remembered, as layouts measure the same texts many times."""
    return sum(map(_EM.__getitem__, text))


def line_height(size: float, leading: float = LEADING) -> float:
    return size * leading


@dataclass(frozen=True)
class Line:
    """A wrapped line as a slice ``text[start:end]`` of the original text."""

    start: int
    end: int


# -- where lines may break ---------------------------------------------------------------
#
# The rules, as renderers apply them: a wide (CJK) character may be broken before or after;
# a run of other non-space characters is a word, which may also be broken after a hyphen
# or slash that a letter follows; a no-break space joins the words beside it; closing
# marks (kinsoku) and then spaces stay with what precedes them; an opening mark stays
# with what follows it; and no break falls after a full-width closing mark that a Latin
# word or number follows directly (LibreOffice keeps "伤，2023" together).
#
# To apply them without a Python step per character, each character is first replaced
# by a letter naming its class (``str.translate``, which runs in C), and the rules become
# regular expressions over that string of classes, whose positions are the text's:
#   W  wide          C  wide closing mark   O  wide opening mark   Z  wide space (U+3000)
#   a  narrow letter c  narrow closing mark o  narrow opening mark h  hyphen or slash
#   x  any other narrow visible character   s  space   b  no-break space   S  other space

def _class_of(code: int) -> str:
    ch = chr(code)
    wide = is_wide(ch)
    if ch.isspace():
        return "Z" if wide else {" ": "s", NO_BREAK: "b"}.get(ch, "S")
    if ch in NO_LINE_START:
        return "C" if wide else "c"
    if ch in NO_LINE_END:
        return "O" if wide else "o"
    if wide:
        return "W"
    if ch in "-/":
        return "h"
    return "a" if ch.isalpha() else "x"


_CLASS = _Table(_class_of)     # keyed by code point, as str.translate looks it up

# A piece that no line break may split, before the joins below: one wide character, a
# word (ending after a hyphen or slash that a letter follows), or a lone white space;
# then the closing marks and the spaces after it.
_PIECE = re.compile(r"(?:[WCOZ]|(?:[aocxb]|h(?!a))+h?|h|[sS])[Cc]*s*")
# Breaks that the joins forbid, at the position of the character after them: after a
# wide closing mark that a visible narrow character follows, and before a no-break space.
_GLUED = re.compile(r"(?<=C)[aocxh]|b")
# After an opening mark, and after any white space that follows it.
_OPENING = re.compile(r"[oO][sSbZ]*")


@lru_cache(maxsize=4096)
def _token_ends(text: str) -> tuple[int, ...]:
    """Where the unbreakable pieces of one paragraph end (the first starts at 0, each
    other where the one before it ends). A break may occur between any two tokens;
    trailing spaces belong to the token before them."""
    classes = text.translate(_CLASS)
    ends = list(accumulate(map(len, _PIECE.findall(classes))))
    joined = {m.start() for m in _GLUED.finditer(classes)}
    for m in _OPENING.finditer(classes):
        joined.update(range(m.start() + 1, m.end() + 1))
    if joined:
        # the text's end stays an end, whatever precedes it
        ends = [end for end in ends[:-1] if end not in joined] + ends[-1:]
    return tuple(ends)


def _token_widths(piece: str) -> tuple[float, float]:
    """A token's width in ems without its trailing spaces, and with them (summed as
    ``_ems`` sums them)."""
    full = sum(map(_EM.__getitem__, piece))
    shown = piece.rstrip()
    return (full if len(shown) == len(piece) else sum(map(_EM.__getitem__, shown))), full


# Token widths by token: a deck's texts share most of their tokens (every Chinese
# character is one), so each is measured once, and looked up without a Python step.
_TOKEN_WIDTHS = _Table(_token_widths)


@lru_cache(maxsize=4096)
def _measured_tokens(text: str) -> tuple[tuple[int, ...], tuple[tuple[float, float], ...]]:
    """A paragraph's token ends with each token's widths in ems, without and with its
    trailing spaces; remembered, as a layout wraps the same text at several widths."""
    ends = _token_ends(text)
    widths = _TOKEN_WIDTHS
    return ends, tuple([widths[text[start:end]] for start, end in zip((0, *ends), ends)])


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[Line]:
    """Wrap text (which may hold ``\\n``) into lines no wider than ``width`` points.
    A token wider than a line is broken between characters, as renderers do."""
    return list(_wrapped(text, width, size, bold))


@lru_cache(maxsize=8192)
def _wrapped(text: str, width: float, size: float, bold: bool) -> tuple[Line, ...]:
    """``wrap``'s lines, remembered."""
    return tuple(Line(start, end) for start, end in _line_slices(text, width, size, bold))


@lru_cache(maxsize=8192)
def _line_slices(text: str, width: float, size: float, bold: bool) -> tuple[tuple[int, int], ...]:
    """The lines as (start, end) slices, remembered: a layout tries the same text at the
    same widths again and again while it searches for a fit, mostly only counting the
    lines (which needs no ``Line`` objects)."""
    usable = width * SAFETY
    factor = size * (BOLD_FACTOR if bold else 1.0)
    lines: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        if not paragraph:
            lines.append((offset, offset))
        else:
            lines.extend((offset + a, offset + b)
                         for a, b in _wrap_paragraph(paragraph, usable, factor))
        offset += len(paragraph) + 1
    return tuple(lines)


def _wrap_paragraph(text: str, usable: float, factor: float) -> list[tuple[int, int]]:
    """Lines as (start, end) slices: each holds tokens while the visible part of the next
    (without its trailing spaces) still fits beside them."""
    ends, widths = _measured_tokens(text)
    result: list[tuple[int, int]] = []
    line_start, line_width, line_end = 0, 0.0, 0
    for end, (shown_ems, full_ems) in zip(ends, widths):
        visible = shown_ems * factor
        if line_end > line_start and line_width + visible > usable:
            result.append((line_start, line_end))
            line_start, line_width = line_end, 0.0
        if visible > usable:
            line_start, line_width = _break_word(text, line_end, end, usable, factor, result)
        else:
            line_width += full_ems * factor
        line_end = end
    result.append((line_start, line_end))
    return result


def _break_word(text: str, start: int, end: int, usable: float, factor: float,
                result: list[tuple[int, int]]) -> tuple[int, float]:
    """A word wider than a line, broken between characters as renderers do: the full
    lines go to ``result``; returns where the last line starts and how wide it is."""
    line_start, line_width = start, 0.0
    for index in range(start, end):
        width = _EM[text[index]] * factor
        if line_width + width > usable and index > line_start and not text[index].isspace():
            result.append((line_start, index))
            line_start, line_width = index, 0.0
        line_width += width
    return line_start, line_width


def line_count(text: str, width: float, size: float, bold: bool = False) -> int:
    return len(_line_slices(text, width, size, bold))


def text_height(text: str, width: float, size: float, bold: bool = False,
                leading: float = LEADING) -> float:
    return line_count(text, width, size, bold) * line_height(size, leading)


def fit_size(text: str, width: float, height: float, sizes: tuple[float, ...],
             bold: bool = False, leading: float = LEADING) -> float | None:
    """The first (largest) of ``sizes`` at which text fits the box, or None."""
    for size in sizes:
        if text_height(text, width, size, bold, leading) <= height:
            return size
    return None


def split_at_lines(text: str, width: float, size: float, max_lines: int,
                   bold: bool = False) -> tuple[str, str]:
    """Cut text after ``max_lines`` wrapped lines: (head, rest). Nothing is lost:
    head + rest is the text, minus the white space at the cut."""
    lines = wrap(text, width, size, bold)
    if len(lines) <= max_lines:
        return text, ""
    cut = lines[max(max_lines, 1) - 1].end
    return text[:cut].rstrip(), text[cut:].lstrip()


def forget() -> None:
    """Empty the measure's memory of texts, so that a layout timed after another starts
    as the first layout of a build does (the benchmarks compare outlines of many sizes)."""
    for remembered in (_ems, _token_ends, _measured_tokens, _line_slices, _wrapped):
        remembered.cache_clear()
    _TOKEN_WIDTHS.clear()
