"""The reported-speech rule (see docs/outline-format.md): a claim with a speaker is
labelled by what is said, not by the saying of it."""

from __future__ import annotations

from . import signal_words
from .model import Claim, Outline

# a hedge (may, 可能) is a word about the future too; evaluative words stay new's alone
_HEDGES = {"opinion": "opinion", "prediction": "hedge", "fact": "fact"}


def reported_speech(outline: Outline, claim: Claim) -> str | None:
    """The warning's message when the claim breaks the rule, else None. Two ways of
    breaking it are caught, unless the claim names another accepted label: a fact whose
    quote holds opinion or prediction words, and an opinion or prediction whose quote
    holds none of its kind's words but a word of saying is in its quote or its text."""
    if claim.speaker is None or claim.quote is None or claim.accept:
        return None
    lang = outline.source.language
    if claim.kind == "fact":
        words = signal_words.found(claim.quote, lang, "opinion") + signal_words.found(claim.quote, lang, "prediction")
        if words:
            return (f"a fact with a speaker whose quote holds {', '.join(words)}: a claim is labelled by what is said; "
                    "label it by its content, or, if only the saying is at stake, add an `accept` entry for the other label")
        return None
    if signal_words.found(claim.quote, lang, claim.kind) or signal_words.found(claim.quote, lang, _HEDGES[claim.kind]):
        return None
    if claim.signals:
        # the teacher named the words of the quote that mark its kind (真是, 过于):
        # the content is marked, even by a word outside the lint's short table
        return None
    # where the word of saying is, the quote or the claim's own text, so the teacher
    # looks in the right place
    quoted = signal_words.found(claim.quote, lang, "speech")
    texts = [f"`{kit_lang}` ({', '.join(words)})" for kit_lang in outline.languages
             if (words := signal_words.found(claim.text[kit_lang], kit_lang, "speech"))]
    places = ([f"the quote ({', '.join(quoted)})"] if quoted else []) + \
        ([f"the claim's text in {', '.join(texts)}"] if texts else [])
    if not places:
        return None
    article = "an" if claim.kind[0] in "aeiou" else "a"
    return (f"{article} {claim.kind} with a speaker whose quote holds no {claim.kind} words; the saying is reported by "
            f"{' and '.join(places)}: where only the saying is at stake, \"X said Y\" is a fact; "
            "label it a fact, or add an `accept` entry")
