"""The text measure's fast line breaking gives exactly the lines of the plain
character-by-character algorithm it replaced, kept here as the reference: every deck,
PDF and map is laid out from these line counts, so the same lines mean the same bytes."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from debatekit import textfit
from debatekit.language import NO_LINE_END, NO_LINE_START

NO_BREAK = "\u00a0"


# -- the reference: the measure as it was, one Python step per character ------------------

def ref_char_em(ch: str) -> float:
    width = textfit.ASCII_EM.get(" " if ch == NO_BREAK else ch)
    if width is not None:
        return width
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return textfit.WIDE_EM
    return textfit.OTHER_NARROW_EM


def ref_is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def ref_ems(text: str) -> float:
    return sum(map(ref_char_em, text))


def ref_glued(text: str, last: int, start: int) -> bool:
    return (text[last] in NO_LINE_START and ref_is_wide(text[last])
            and not ref_is_wide(text[start]) and not text[start].isspace())


def ref_tokens(text: str) -> list[tuple[int, int]]:
    tokens: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        j = i
        if ref_is_wide(text[i]):
            j = i + 1
        else:
            while j < n and (not text[j].isspace() or text[j] == NO_BREAK) and not ref_is_wide(text[j]):
                j += 1
                if text[j - 1] in "-/" and j < n and text[j].isalpha():
                    break
            j = max(j, i + 1)
        while j < n and text[j] in NO_LINE_START:
            j += 1
        while j < n and text[j] == " ":
            j += 1
        if tokens and ref_glued(text, tokens[-1][1] - 1, i):
            i = tokens.pop()[0]
        tokens.append((i, j))
        i = j
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
            merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    if carry is not None:
        merged.append((carry, n))
    return merged


def ref_wrap_paragraph(text: str, usable: float, factor: float) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    line_start, line_width, line_end = 0, 0.0, 0
    for start, end in ref_tokens(text):
        piece = text[start:end]
        visible = ref_ems(piece.rstrip()) * factor
        full = ref_ems(piece) * factor
        if line_end > line_start and line_width + visible > usable:
            result.append((line_start, line_end))
            line_start, line_width = start, 0.0
        if visible > usable:
            for index in range(start, end):
                w = ref_char_em(text[index]) * factor
                if line_width + w > usable and index > line_start and not text[index].isspace():
                    result.append((line_start, index))
                    line_start, line_width = index, 0.0
                line_width += w
            line_end = end
            continue
        line_width += full
        line_end = end
    if line_end > line_start or not result:
        result.append((line_start, line_end))
    return result


def ref_wrap(text: str, width: float, size: float, bold: bool) -> list[tuple[int, int]]:
    usable = width * textfit.SAFETY
    factor = size * (textfit.BOLD_FACTOR if bold else 1.0)
    lines, offset = [], 0
    for paragraph in text.split("\n"):
        if not paragraph:
            lines.append((offset, offset))
        else:
            lines.extend((offset + a, offset + b) for a, b in ref_wrap_paragraph(paragraph, usable, factor))
        offset += len(paragraph) + 1
    return lines


# -- random texts mixing everything the rules treat differently ---------------------------

CHARACTERS = (
    "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789"       # letters and digits
    "   \t\u3000\u2003" + NO_BREAK +                    # spaces: plain, tab, wide, em, no-break
    "-/-/'\"#&*+=@_~|"                                   # hyphens, slashes, other narrow marks
    + "".join(sorted(NO_LINE_START)) + "".join(sorted(NO_LINE_END)) +
    "中文字词语句子国美抖音年月日的是了在有和人这为" "あいうアイウ한국"   # wide letters
    "●▲■○√éüßçñ€£αβγж\u0301\u200b²½ー々"                # ambiguous, accented, combining, zero-width
)
texts = st.text(alphabet=st.sampled_from(CHARACTERS), max_size=80)
lines_of_text = st.lists(texts, min_size=1, max_size=3).map("\n".join)
widths = st.one_of(st.floats(min_value=0.0, max_value=600.0), st.integers(0, 600).map(float),
                   st.sampled_from([164.7, 200.0, 300.0, 412.0, 856.0]))
sizes = st.one_of(st.floats(min_value=1.0, max_value=60.0), st.sampled_from([10.0, 12.0, 14.0, 18.0, 20.0, 24.0]))


@settings(max_examples=600, deadline=None)
@given(texts)
def test_tokens_are_the_reference_tokens(text):
    ends = textfit._token_ends(text) if text else ()
    assert list(zip((0, *ends), ends)) == ref_tokens(text)


@settings(max_examples=1500, deadline=None)
@given(lines_of_text, widths, sizes, st.booleans())
def test_lines_are_the_reference_lines(text, width, size, bold):
    expected = ref_wrap(text, width, size, bold)
    assert [(line.start, line.end) for line in textfit.wrap(text, width, size, bold)] == expected
    assert textfit.line_count(text, width, size, bold) == len(expected)


@given(st.sampled_from(CHARACTERS))
def test_character_widths_are_the_reference_widths(ch):
    assert textfit.char_em(ch) == ref_char_em(ch)
    assert textfit.is_wide(ch) == ref_is_wide(ch)


def test_narrow_marks_are_not_letters():
    """The hyphen rule asks whether a letter follows: the character classes give that
    answer only for characters that are neither closing nor opening marks."""
    for ch in NO_LINE_START | NO_LINE_END:
        assert ref_is_wide(ch) or not ch.isalpha()
