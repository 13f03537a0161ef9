"""The source article as writers show it: its paragraphs, and its translations paragraph
for paragraph. Built by the reader from the files the outline names; no file I/O here.

A paragraph is a block of text between blank lines, stripped of surrounding white space.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from .quotes import normalize, quote_parts

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """The paragraphs of a plain text, in order."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return tuple(block.strip() for block in _PARAGRAPH_BREAK.split(text) if block.strip())


@dataclass(frozen=True)
class Article:
    language: str
    paragraphs: tuple[str, ...]
    translations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        frozen = MappingProxyType({lang: tuple(paras) for lang, paras in self.translations.items()})
        object.__setattr__(self, "translations", frozen)
        object.__setattr__(self, "paragraphs", tuple(self.paragraphs))

    @classmethod
    def from_texts(cls, language: str, text: str, translations: Mapping[str, str] | None = None) -> "Article":
        """An article from the source's text and each translation's text, by language."""
        return cls(language, split_paragraphs(text),
                   {lang: split_paragraphs(body) for lang, body in (translations or {}).items()})

    def __reduce__(self):
        # a mapping proxy cannot be pickled; worker processes receive articles
        return (type(self), (self.language, self.paragraphs, dict(self.translations)))

    def __hash__(self) -> int:
        return hash((self.language, self.paragraphs, tuple(sorted(self.translations.items()))))

    def paragraphs_for(self, lang: str) -> tuple[str, ...]:
        """The paragraphs a reader of ``lang`` is given: the translation into ``lang``, or
        the source's own when ``lang`` is the source's language or has no translation."""
        if lang == self.language:
            return self.paragraphs
        return self.translations.get(lang, self.paragraphs)

    def paragraph_of(self, quote: str) -> int | None:
        """The 1-based number of the source paragraph that holds ``quote`` (matched as
        the outline's quotes are: see ``debatekit.quotes``), or None."""
        parts = quote_parts(quote)
        if not parts:
            return None
        for number, paragraph in enumerate(self._normalized, 1):
            at = 0
            for part in parts:
                found = paragraph.find(part, at)
                if found < 0:
                    break
                at = found + len(part)
            else:
                return number
        return None

    @property
    def _normalized(self) -> tuple[str, ...]:
        cached = self.__dict__.get("_normalized_paragraphs")
        if cached is None:
            cached = tuple(normalize(p) for p in self.paragraphs)
            object.__setattr__(self, "_normalized_paragraphs", cached)
        return cached


# Pairing paragraphs by length, to say where a translation with the wrong number of
# paragraphs goes astray. A paragraph's size is its share of its whole text, so a Chinese
# source and an English translation compare; the smoothing keeps short headings from
# looking like large differences.
_SKIP_COST = 1.5
_SMOOTHING = 0.25
# the translation's shares scaled by these, for a paragraph missing or added (1.0 first: ties keep it)
_SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.4, 1.5)


def first_drift(source: tuple[str, ...], translation: tuple[str, ...]) -> int:
    """The 1-based position of the first paragraph that the best pairing by length cannot
    match one to one (a paragraph missing, added, split or merged). Both texts agree on
    every paragraph before it. Assumes the counts differ, or at least one pairing fails.

    A missing or added paragraph changes the other paragraphs' shares of their whole text
    too (one of eight missing makes each of the others about an eighth longer), so the
    pairing is tried with the translation's shares scaled, and the cheapest wins."""
    s, t = _shares(source), _shares(translation)
    best = min((_pairing(s, [x * scale for x in t]) for scale in _SCALES), key=lambda r: r[0])
    for start, di, dj in best[1]:
        if (di, dj) != (1, 1):
            return start + 1
    return min(len(s), len(t)) + 1


def _pairing(s: list[float], t: list[float]) -> tuple[float, list[tuple[int, int, int]]]:
    """The cheapest pairing of two lists of shares: its cost and its steps, in order, as
    (source position, source paragraphs used, translation paragraphs used)."""
    n, m = len(s), len(t)
    e = _SMOOTHING / max(n, m, 1)

    def gap(a: float, b: float) -> float:
        return abs(math.log((a + e) / (b + e)))

    # steps: (source paragraphs used, translation paragraphs used, cost); 1-1 first wins ties
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            options = []
            if i and j:
                options.append((cost[i - 1][j - 1] + gap(s[i - 1], t[j - 1]), (1, 1)))
            if i:
                options.append((cost[i - 1][j] + _SKIP_COST, (1, 0)))
            if j:
                options.append((cost[i][j - 1] + _SKIP_COST, (0, 1)))
            if i > 1 and j:
                options.append((cost[i - 2][j - 1] + gap(s[i - 2] + s[i - 1], t[j - 1]) + _SKIP_COST, (2, 1)))
            if i and j > 1:
                options.append((cost[i - 1][j - 2] + gap(s[i - 1], t[j - 2] + t[j - 1]) + _SKIP_COST, (1, 2)))
            best = min(options, key=lambda option: option[0])
            cost[i][j], step[i][j] = best
    path = []
    i, j = n, m
    while i or j:
        di, dj = step[i][j]  # type: ignore[misc]
        path.append((i - di, di, dj))
        i, j = i - di, j - dj
    return cost[n][m], path[::-1]


def _shares(paragraphs: tuple[str, ...]) -> list[float]:
    sizes = [len(normalize(p)) for p in paragraphs]
    total = sum(sizes) or 1
    return [size / total for size in sizes]
