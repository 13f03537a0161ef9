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

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

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


@lru_cache(maxsize=4096)
def char_em(ch: str) -> float:
    """Advance width of one character, in ems, pessimistically."""
    width = ASCII_EM.get(" " if ch == NO_BREAK else ch)   # a no-break space is a space
    if width is not None:
        return width
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        # Ambiguous-width symbols (●▲■○√) come from a CJK font in CJK runs: full width.
        return WIDE_EM
    return OTHER_NARROW_EM


@lru_cache(maxsize=4096)
def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of a single line of text in points."""
    factor = BOLD_FACTOR if bold else 1.0
    return _ems(text) * size * factor


@lru_cache(maxsize=8192)
def _ems(text: str) -> float:
    """A text's width in ems; remembered, as layouts measure the same texts many times."""
    return sum(map(char_em, text))


def line_height(size: float, leading: float = LEADING) -> float:
    return size * leading


@dataclass(frozen=True)
class Line:
    """A wrapped line as a slice ``text[start:end]`` of the original text."""

    start: int
    end: int


def _glued(text: str, last: int, start: int) -> bool:
    """Whether LibreOffice keeps a token ending at ``last`` on the line of the one at
    ``start``: it never breaks after full-width closing punctuation that a Latin word or
    a number follows directly (“受伤，2023年” moves “伤，2023” to the next line whole), so
    counting a break there would find a line fewer than it draws."""
    return (text[last] in NO_LINE_START and is_wide(text[last])
            and not is_wide(text[start]) and not text[start].isspace())


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[int, int], ...]:
    """Unbreakable pieces of one paragraph as (start, end) slices. A break may occur
    between any two tokens; trailing spaces belong to the token before them. Remembered:
    a layout wraps the same text at several widths."""
    tokens: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        j = i
        if is_wide(text[i]):
            j = i + 1
        else:
            # a no-break space joins the words beside it, as renderers keep them
            while j < n and (not text[j].isspace() or text[j] == NO_BREAK) and not is_wide(text[j]):
                j += 1
                if text[j - 1] in "-/" and j < n and text[j].isalpha():
                    break  # break opportunity after a hyphen or slash
            j = max(j, i + 1)
        while j < n and text[j] in NO_LINE_START:
            j += 1
        while j < n and text[j] == " ":
            j += 1
        if tokens and _glued(text, tokens[-1][1] - 1, i):
            i = tokens.pop()[0]
        tokens.append((i, j))
        i = j
    # an opening mark sticks to what follows it
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in tokens:
        if carry is not None:
            start, carry = carry, None
        visible = text[start:end].rstrip()
        if visible and visible[-1] in NO_LINE_END and end < n:
            carry = start
            continue
        if text[start] == NO_BREAK and merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)   # glued to the (wide) character before it
            continue
        merged.append((start, end))
    if carry is not None:
        merged.append((carry, n))
    return tuple(merged)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[Line]:
    """Wrap text (which may hold ``\\n``) into lines no wider than ``width`` points.
    A token wider than a line is broken between characters, as renderers do."""
    return list(_wrapped(text, width, size, bold))


@lru_cache(maxsize=8192)
def _wrapped(text: str, width: float, size: float, bold: bool) -> tuple[Line, ...]:
    """``wrap``'s lines, remembered: a layout tries the same text at the same widths
    again and again while it searches for a fit."""
    usable = width * SAFETY
    factor = size * (BOLD_FACTOR if bold else 1.0)
    lines: list[Line] = []
    offset = 0
    for paragraph in text.split("\n"):
        if not paragraph:
            lines.append(Line(offset, offset))
        else:
            lines.extend(
                Line(offset + a, offset + b) for a, b in _wrap_paragraph(paragraph, usable, factor)
            )
        offset += len(paragraph) + 1
    return tuple(lines)


def _wrap_paragraph(text: str, usable: float, factor: float) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    line_start, line_width = 0, 0.0
    line_end = 0
    for start, end in _tokens(text):
        piece = text[start:end]
        shown = piece.rstrip()
        visible = _ems(shown) * factor
        # most tokens (every Chinese character) end in no space: measured once
        full = visible if len(shown) == len(piece) else _ems(piece) * factor
        if line_end > line_start and line_width + visible > usable:
            result.append((line_start, line_end))
            line_start, line_width = start, 0.0
        if visible > usable:
            # a word longer than the line: break it between characters
            for ch_index in range(start, end):
                w = char_em(text[ch_index]) * factor
                if (
                    line_width + w > usable
                    and ch_index > line_start
                    and not text[ch_index].isspace()
                ):
                    result.append((line_start, ch_index))
                    line_start, line_width = ch_index, 0.0
                line_width += w
            line_end = end
            continue
        line_width += full
        line_end = end
    if line_end > line_start or not result:
        result.append((line_start, line_end))
    return result


def line_count(text: str, width: float, size: float, bold: bool = False) -> int:
    return len(wrap(text, width, size, bold))


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
    for remembered in (_ems, _tokens, _wrapped):
        remembered.cache_clear()
