"""Finding an outline's quotes in the source article.

Matching ignores white space, Unicode compatibility forms (NFKC) and the difference
between straight and curly quotation marks; ``……`` or ``...`` in a quote skips text, the
parts occurring in order within one paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

_QUOTE_MARKS = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "＂": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "＇": "'",
    }
)
_GAP = re.compile(r"\.{3,}")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=[.](?=\s))|\n")


def normalize(text: str) -> str:
    """The form quotes and source are compared in: NFKC, straight quotes, no white space."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return "".join(folded.split())


def quote_parts(quote: str) -> list[str]:
    return [
        part
        for part in (normalize(p) for p in _GAP.split(unicodedata.normalize("NFKC", quote)))
        if part
    ]


@dataclass(frozen=True)
class SourceText:
    text: str

    @cached_property
    def _whole(self) -> str:
        return normalize(self.text)

    @cached_property
    def _paragraphs(self) -> list[str]:
        return [normalize(p) for p in _PARAGRAPH_BREAK.split(self.text) if p.strip()]

    def contains(self, quote: str) -> bool:
        parts = quote_parts(quote)
        if not parts:
            return False
        if len(parts) == 1:
            return parts[0] in self._whole
        return any(_in_order(parts, paragraph) for paragraph in self._paragraphs)

    @cached_property
    def _sentences(self) -> list[tuple[int, str]]:
        """(line number, sentence) for every sentence of the source."""
        found = []
        for number, line in enumerate(self.text.splitlines(), 1):
            for piece in _SENTENCE_END.split(line):
                if piece.strip():
                    found.append((number, piece.strip()))
        return found

    def closest(self, quote: str) -> tuple[int, str] | None:
        """The passage (one or two sentences) most like the quote, with its line number."""
        # only the checks look for a near match: a build from a remembered outline never does
        import difflib

        target = "".join(quote_parts(quote))
        if not target or not self._sentences:
            return None
        best = (-1.0, 0, "")
        sentences = self._sentences
        for i, (line, sentence) in enumerate(sentences):
            candidates = [sentence]
            if i + 1 < len(sentences) and sentences[i + 1][0] == line:
                candidates.append(sentence + sentences[i + 1][1])
            for candidate in candidates:
                matcher = difflib.SequenceMatcher(
                    None, target, normalize(candidate), autojunk=False
                )
                if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                    continue
                score = matcher.ratio()
                if score > best[0]:
                    best = (score, line, candidate)
        return (best[1], best[2]) if best[0] > 0 else None


def _in_order(parts: list[str], paragraph: str) -> bool:
    at = 0
    for part in parts:
        found = paragraph.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True
