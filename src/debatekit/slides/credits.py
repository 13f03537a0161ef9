"""The distinct sources behind an outline's checks and debate points, for the credits.

Outlines cite the same document in several places, not always in the same words: once
with its title, once without; once plain, once with a pinpoint such as
"('more than 170 million Americans')". A source is therefore compared by its
comma-separated parts, with a closing parenthetical remark left out: two citations whose
parts are the same, or where one's parts all appear in the other, name one document.
The fuller wording is listed, at the place the document was first cited.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

_CLOSING_REMARK = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_MIN_PARTS = 2      # a one-part citation ("Reuters") only merges with an identical one


def source_parts(source: str) -> frozenset[str]:
    """What a citation names, part by part: NFKC, case and spacing aside, quote marks
    unified, and without a remark in brackets at its end."""
    text = unicodedata.normalize("NFKC", source)
    text = text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    text = _CLOSING_REMARK.sub("", text)
    parts = (" ".join(p.split()).strip(" .;").casefold() for p in text.split(","))
    return frozenset(p for p in parts if p)


def _same(a: frozenset[str], b: frozenset[str]) -> bool:
    if a == b:
        return bool(a)
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= _MIN_PARTS and small <= large


def distinct_sources(sources: Iterable[str], article: str | None = None) -> list[str]:
    """Each document once, in first-seen order; one that is the article itself (already
    listed first on the slide) is left out."""
    article_parts = source_parts(article) if article else frozenset()
    entries: list[tuple[frozenset[str], str]] = []
    for source in sources:
        text = " ".join(source.split())
        if not text:
            continue
        parts = source_parts(text)
        if article_parts and _same(parts, article_parts):
            continue
        for i, (seen, _wording) in enumerate(entries):
            if _same(parts, seen):
                if len(parts) > len(seen):
                    entries[i] = (parts, text)     # the fuller citation, in the first place
                break
        else:
            entries.append((parts, text))
    return [wording for _, wording in entries]


__all__ = ["distinct_sources", "source_parts"]
