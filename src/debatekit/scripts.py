"""What a language's writing asks of the outputs, decided once for every writer."""

from __future__ import annotations

CJK_LANGS = ("zh", "ja", "ko", "yue")       # set in a CJK font, east-asian runs in decks
FULL_WIDTH_LANGS = ("zh", "ja", "yue")       # full-width punctuation (：，（）); Korean uses Western marks


def _base(lang: str) -> str:
    return lang.split("-")[0].lower()


def is_cjk(lang: str) -> bool:
    return _base(lang) in CJK_LANGS


def full_width_punctuation(lang: str) -> bool:
    return _base(lang) in FULL_WIDTH_LANGS
