"""The marks `debatekit new` leaves in a scaffold, and the warnings that find them again.

A scaffold is a start, not a kit: its translations are copies marked ``[translate]``, its
source has ``(fill in ...)`` blanks, every ``why`` is a suggestion (``Suggested: ...``),
its thesis repeats the headline and it has no debate. ``validate`` warns about each of
these where it stands (``--strict`` fails), so an unfinished outline never reaches a
class by accident. Each warning has a code; a trailing ``# debatekit: ignore[code]`` on
the line it points at silences it (``ignores``).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

TRANSLATE = "[translate] "
FILL_IN = {"en": "(fill in {what})", "zh": "（请填写{what}）"}
SUGGESTED = {"en": "Suggested: ", "zh": "建议："}
# the blanks as `new` writes them, so an article's own "fill in a form" is no blank
_FILL_IN = re.compile(r"\(fill in [^)]*\)|（请填写[^）]*）", re.IGNORECASE)

# code -> what the warning is about, as the how-to's table explains it
CODES = {
    "untranslated": "a text still marked [translate]",
    "fill-in": "a blank left to fill in",
    "suggested-why": "a reason for a label that is still new's suggestion",
    "thesis-is-title": "the thesis repeats the headline",
    "no-debate": "the kit has no debate",
    "missing-text": "a language's text is empty",
    "undrawable": "characters no embedded font can draw",
    # what the lint says of a finished outline (see ``checks``)
    "no-why": "a claim without the reason for its label",
    "no-quote": "a claim without its quote",
    "fact-judges": "a fact whose quote holds opinion words",
    "no-future": "a prediction whose quote has no word about the future",
    "reported-speech": "a reported claim labelled by the saying, not by what is said",
    "exercise-kinds": "an exercise without every kind",
    "figure-scale": "a figure whose values are too far apart to share an axis",
    "no-words": "a language debatekit has no words in",
    "some-words": "a language given only some of debatekit's words",
}

# the comment may go on to say why: `# debatekit: ignore[no-debate] the class debates orally`
_IGNORE = re.compile(r"(?:^|\s)#\s*debatekit:\s*ignore(?:\[(?P<codes>[\w\s,-]*)\])?(?:\s.*)?$")


def is_suggested(text: str) -> bool:
    """Whether a `why` is still the suggestion `new` wrote."""
    text = text.removeprefix(TRANSLATE)
    return any(text.startswith(prefix) for prefix in SUGGESTED.values())


def has_blank(text: str) -> bool:
    return bool(_FILL_IN.search(text))


def ignores(lines: Iterable[str]) -> dict[int, frozenset[str] | None]:
    """Line number -> the codes its ``# debatekit: ignore[...]`` comment silences (None:
    every warning). A comment alone on a line applies to the next line too."""
    found: dict[int, frozenset[str] | None] = {}
    for number, line in enumerate(lines, 1):
        match = _IGNORE.search(line)
        if not match:
            continue
        codes = match.group("codes")
        value = None if codes is None else frozenset(c.strip() for c in codes.split(",") if c.strip())
        found[number] = value
        if not line[: match.start()].strip():
            found[number + 1] = value
    return found


def silenced(line: int, code: str, table: dict[int, frozenset[str] | None]) -> bool:
    if line not in table:
        return False
    codes = table[line]
    return codes is None or code in codes


def unfinished_texts(strings: Iterable[tuple[tuple, str]]) -> Iterator[tuple[tuple, str, str]]:
    """(path, code, message) for each string of the outline that is still a scaffold's."""
    for path, value in strings:
        if TRANSLATE.strip() in value:
            yield path, "untranslated", "this text is still marked [translate]: translate it and remove the mark"
        elif has_blank(value):
            yield path, "fill-in", f"this is still a blank to fill in: “{value}”"
        elif path and path[-2:-1] == ("why",) or path and path[-1] == "why":
            if is_suggested(value):
                yield path, "suggested-why", ("this reason is still the suggestion `debatekit new` made: check the label, "
                                              "then say why in your own words")
