"""Chinese line breaking fixes for reportlab (installed once, on import).

reportlab breaks CJK text between any two characters and lets one closing mark hang in
the margin rather than start a line, but (a) its list of such marks is Japanese-centred
and lacks the Chinese full-width comma, question mark, colon and closing quotes, and (b)
with two closing marks in a row (``》）``, ``”，``) the second still starts the next line.
This extends the list and, when a line still starts with a closing mark (or ends with an
opening one), breaks that line a little earlier. Both reportlab wrapping paths read these
module globals at wrap time, so the fix applies to every Paragraph with ``wordWrap='CJK'``.
"""

from __future__ import annotations

import re

from reportlab.lib import textsplit
from reportlab.platypus import paragraph

from ..language import NO_LINE_END, NO_LINE_START

# The language profile's kinsoku table, in a stable order.
CLOSING = "".join(sorted(NO_LINE_START))
# Opening marks belong with the text they open: never the last thing on a line.
OPENING = "".join(sorted(NO_LINE_END))
_RETRIES_PER_LINE = 4
# A web address breaks only after one of these; it is narrowed towards one, a step at a time.
URL_BREAKS = "/.-?&=_#:"
_URL = re.compile(r"https?://[^\s\u3000，。；、）」]+")
_URL_RETRIES = 40
_LATIN = re.compile(r"[A-Za-z0-9'’,.)(-]")


def _can_start(text: str) -> bool:
    stripped = text.lstrip()
    return not stripped or stripped[0] not in textsplit.ALL_CANNOT_START


def _ends_open(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in OPENING


def _line_text(line) -> str:
    if isinstance(line, (list, tuple)):       # dumbSplit: [extraSpace, text]
        return line[1]
    return "".join(getattr(word, "text", "") for word in getattr(line, "words", ()))


def _lines_of(result):
    return result if isinstance(result, list) else result.lines


def _source(first_arg) -> str:
    """The text being split: a string, or the text of a list of fragments."""
    if isinstance(first_arg, str):
        return first_arg
    return "".join(getattr(frag, "text", "") or "" for frag in first_arg)


def _url_cuts(texts: list[str], original: str) -> set[int]:
    """Indexes of the lines that begin inside a web address after a character that is
    not one of its separators (a break a reader could not follow), or inside a Latin word
    (a text with a web address is wrapped this way even when it is English: reportlab's
    own word wrap lets a long address run past the margin)."""
    spans = [m.span() for m in _URL.finditer(original)]
    cuts, position = set(), 0
    for k, text in enumerate(texts):
        text = text.strip()
        if not text:
            continue
        at = original.find(text, position)
        if at < 0:
            break            # the lines do not map onto the text: leave them as they are
        if k and at > 0:
            before, after = original[at - 1], original[at]
            if any(a < at < b for a, b in spans):
                if before not in URL_BREAKS:
                    cuts.add(k)
            elif _LATIN.match(before) and _LATIN.match(after):
                cuts.add(k)
        position = at + len(text)
    return cuts


def _retry_earlier(split, first_arg, max_widths, *rest):
    """Run ``split``; while some line starts with a closing mark or inside a web address
    (not after one of its separators), narrow the line before it and split again."""
    widths = list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]
    result = split(first_arg, widths, *rest)
    original = _source(first_arg)
    with_url = "://" in original
    # Lines before the one fixed never change, so the fixes move forward through the text.
    for _ in range((_RETRIES_PER_LINE + _URL_RETRIES) * (len(_lines_of(result)) + 1)):
        lines = _lines_of(result)
        texts = [_line_text(line) for line in lines]
        cuts = _url_cuts(texts, original) if with_url else set()
        bad = next(
            (
                k
                for k in range(1, len(lines))
                if not _can_start(texts[k]) or _ends_open(texts[k - 1]) or k in cuts
            ),
            None,
        )
        if bad is None:
            return result
        # maxWidths is per line (the last entry repeats): pin the later lines' width,
        # then shrink only the line before the bad one.
        while len(widths) <= bad:
            widths.append(widths[-1])
        widths[bad - 1] -= max(widths[bad - 1] * 0.02, 6)
        result = split(first_arg, widths, *rest)
    return result


_original_frag_split = paragraph.cjkFragSplit
_original_dumb_split = textsplit.dumbSplit


def _frag_split(frags, max_widths, calc_bounds, encoding="utf8"):
    return _retry_earlier(_original_frag_split, frags, max_widths, calc_bounds, encoding)


def _dumb_split(word, widths, max_widths):
    return _retry_earlier(lambda w, mw: _original_dumb_split(w, widths, mw), word, max_widths)


def install() -> None:
    """Idempotent: extend the closing marks and wrap reportlab's two CJK splitters."""
    missing = "".join(c for c in CLOSING if c not in textsplit.ALL_CANNOT_START)
    if missing:
        textsplit.ALL_CANNOT_START += missing
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    if paragraph.cjkFragSplit is _original_frag_split:
        paragraph.cjkFragSplit = _frag_split
    if textsplit.dumbSplit is _original_dumb_split:
        textsplit.dumbSplit = _dumb_split


install()
