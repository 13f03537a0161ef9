"""Everything that depends on a language, decided here once for every writer.

A ``Profile`` says how a language is written: its script (set in a CJK font, wrapping
between any two characters; right to left), its punctuation (the label colon, brackets,
the list separator, quote marks, the marks around a cited title), whether its words are
separated by spaces, and what its fonts need (the region tag PowerPoint wants, the
east-asian face of a deck, reportlab's built-in CID font as the last resort). The line
breaking rules of CJK text (kinsoku) are one table below, used by both the text measure
(``textfit``) and the PDF wrapping (``pdf.cjkwrap``).

What a language's words are lives elsewhere, keyed by the same code: the tool's own
words in ``labels`` (headings, kind names, count phrases with their number words) and,
optionally, the words that mark a kind for the lint in ``signal_words.SIGNALS``.

Adding a language: ``register(Profile("xx", ...))`` (or one entry in ``_PROFILES``)
plus its words (``labels.add_language("xx", {...})`` or an outline's ``style.labels.xx``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Mapping

# The double quotation marks a copied quote may come wrapped in: straight, curly, corner.
_ENCLOSING = (('"', '"'), ("“", "”"), ("「", "」"), ("『", "』"))


def unquoted(text: str) -> str:
    """The text without the pair of quotation marks that encloses all of it, when one does
    ('"They said so."' gives 'They said so.'); any other text as it is. A text that only
    starts and ends on quoted phrases ('“a” and “b”') keeps its marks."""
    stripped = text.strip()
    for opening, closing in _ENCLOSING:
        inside = stripped[1:-1]
        if (len(stripped) > 2 and stripped[0] == opening and stripped[-1] == closing
                and opening not in inside and closing not in inside):
            return inside.strip()
    return text


# Han, kana, hangul and CJK punctuation: text holding any of these wraps anywhere, whatever
# the language of the document it appears in (a Chinese quote in an English handout).
_CJK_CLASS = r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"


@lru_cache(maxsize=None)
def _cjk_chars() -> re.Pattern:
    """Compiled on first use: the wide character class takes milliseconds to compile,
    and some commands (a deck's build) never ask."""
    return re.compile(_CJK_CLASS)


# Kinsoku: no line starts with a closing mark and none ends with an opening one.
NO_LINE_START = frozenset(
    "，。、；：！？）」』》〉】〕”’…—・·%％,.;:!?)]}›»"
    "ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ"
)
NO_LINE_END = frozenset("（「『《〈【〔“‘([{‹«")


@dataclass(frozen=True)
class Profile:
    code: str                              # a BCP-47 tag: "zh", "en", "zh-TW"
    cjk: bool = False                      # CJK script: a CJK font, breaks between any characters
    full_width: bool = False               # full-width colon, brackets and list separator
    rtl: bool = False                      # written right to left
    spaced: bool = True                    # words separated by spaces (whole-word matching)
    quotes: tuple[str, str] = ("“", "”")   # around a quotation
    inner_quotes: tuple[str, str] = ("‘", "’")   # around a quotation inside a quotation
    title_marks: tuple[str, str] | None = None   # around a cited title; None: the quote marks
    region_tag: str | None = None          # the tag PowerPoint wants, with a region
    deck_font: str | None = None           # the east-asian face of a deck in this language
    cid_font: str | None = None            # reportlab's built-in (not embedded) CID font
    theme_script: str | None = None        # the script code of a pptx theme's per-script face ("Hans")
    singular: tuple[int, ...] = (1,)       # the counts that take a word's first form ("1 fact")

    def plural(self, count: int, forms: str) -> str:
        """One of ``forms`` ("fact|facts") for ``count``: the first for the counts this
        language treats as singular, the last otherwise."""
        choices = forms.split("|")
        return choices[0] if count in self.singular else choices[-1]

    @property
    def colon(self) -> str:
        """Between a label and what it labels."""
        return "：" if self.full_width else ": "

    @property
    def parens(self) -> tuple[str, str]:
        """Around a remark after a title (``continued``, ``2/3``), space included."""
        return ("（", "）") if self.full_width else (" (", ")")

    @property
    def list_separator(self) -> str:
        return "、" if self.full_width else ", "

    @property
    def term_separator(self) -> str:
        """Between a glossary term and its definition."""
        return "：" if self.full_width else " — "

    @property
    def tag(self) -> str:
        return self.region_tag or self.code

    def quoted(self, text: str) -> str:
        """A quotation in this language's marks; the same marks inside it become the inner
        ones (“… ‘…’”), so a quotation that ends on a quoted phrase never shows ””. A text
        already wholly in quotation marks (a quote copied with the speaker's own) keeps
        only the new pair."""
        (opening, closing), (inner_opening, inner_closing) = self.quotes, self.inner_quotes
        text = unquoted(text).replace(opening, inner_opening).replace(closing, inner_closing)
        return f"{opening}{text}{closing}"

    def cited_title(self, title: str) -> str:
        """A work's title as cited in running text: 《title》 in Chinese, “title” in English."""
        if self.title_marks is not None:
            return f"{self.title_marks[0]}{title}{self.title_marks[1]}"
        return self.quoted(title)

    def labelled(self, label: str, text: str) -> str:
        return f"{label}{self.colon}{text}"

    def remark(self, text: str, note: str) -> str:
        """``text (note)``, or ``text（note）`` in full-width punctuation."""
        opening, closing = self.parens
        return f"{text}{opening}{note}{closing}"


_CJK = dict(cjk=True, spaced=False, full_width=True)
# Taiwan, Hong Kong and Cantonese write the same Traditional script, quotes and titles;
# one set of settings keeps the three from drifting apart.
_HANT = dict(
    **_CJK,
    quotes=("「", "」"),
    inner_quotes=("『", "』"),
    title_marks=("《", "》"),
    deck_font="Microsoft JhengHei",
    cid_font="MSung-Light",
    theme_script="Hant",
)
_PROFILES: dict[str, Profile] = {
    p.code: p
    for p in (
        Profile("en", region_tag="en-US"),
        # Simplified Chinese quotes with “ ” (GB/T 15834); titles in 《》.
        Profile(
            "zh",
            **_CJK,
            title_marks=("《", "》"),
            region_tag="zh-CN",
            deck_font="Microsoft YaHei",
            cid_font="STSong-Light",
            theme_script="Hans",
        ),
        Profile("zh-TW", **_HANT),
        Profile("zh-HK", **_HANT),
        Profile("yue", **_HANT),
        Profile(
            "ja",
            **_CJK,
            quotes=("「", "」"),
            inner_quotes=("『", "』"),
            title_marks=("『", "』"),
            region_tag="ja-JP",
            deck_font="Yu Gothic",
            cid_font="HeiseiMin-W3",
            theme_script="Jpan",
        ),
        # Korean is set in a CJK font but spaces its words and uses Western punctuation.
        Profile(
            "ko",
            cjk=True,
            region_tag="ko-KR",
            deck_font="Malgun Gothic",
            cid_font="HYSMyeongJo-Medium",
            theme_script="Hang",
        ),
        Profile("es", region_tag="es-ES"),
        Profile("fr", region_tag="fr-FR"),
        Profile("de", region_tag="de-DE"),
        Profile("it", region_tag="it-IT"),
        Profile("pt", region_tag="pt-PT"),
        Profile("ru", region_tag="ru-RU"),
        Profile("nl", region_tag="nl-NL"),
        Profile("vi", region_tag="vi-VN"),
        Profile("th", region_tag="th-TH"),
        Profile("ar", rtl=True, region_tag="ar-SA"),
        Profile("he", rtl=True, region_tag="he-IL"),
    )
}
# When no language of a deck is CJK: a common Chinese face, harmless for Latin-only text.
FALLBACK_CJK = "zh"


def profile(lang: str) -> Profile:
    """The profile of ``lang``: its own entry, else its base language's (``zh-CN`` is
    ``zh``, keeping the given tag), else a Western default."""
    found = _PROFILES.get(lang)
    if found is not None:
        return found
    base = _PROFILES.get(lang.split("-")[0].lower())
    if base is not None:
        return replace(base, code=lang, region_tag=lang if "-" in lang else base.region_tag)
    return Profile(lang)


def register(new: Profile) -> None:
    """Add (or replace) a language's profile."""
    _PROFILES[new.code] = new


def profiles() -> Mapping[str, Profile]:
    return dict(_PROFILES)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds CJK characters, in any language."""
    return bool(_cjk_chars().search(text))


def first_cjk(langs) -> str:
    """The first CJK language of ``langs``, or the fallback one."""
    return next((lang for lang in langs if profile(lang).cjk), FALLBACK_CJK)


# -- characters no embedded font draws ------------------------------------------------------

# Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, and their presentation
# forms): the writers neither reorder nor join them, so they would print reversed.
_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x10800, 0x10FFF), (0x1E800, 0x1EFFF))
# Emoji and pictographs: no embedded font has them (a colour emoji font cannot be embedded).
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE0F, 0xFE0F),
                 (0x1F1E6, 0x1F1FF), (0x200D, 0x200D))


def _within(char: str, ranges) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in ranges)


def suspicious_characters() -> str:
    """A regular-expression class of every right-to-left and emoji character above."""
    spans = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in _RTL_RANGES + _EMOJI_RANGES)
    return f"[{spans}]"


def is_right_to_left(char: str) -> bool:
    return _within(char, _RTL_RANGES)


def is_emoji(char: str) -> bool:
    return _within(char, _EMOJI_RANGES)
