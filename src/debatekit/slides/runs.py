"""Styling text runs in a deck so that every language renders with the right glyphs.

python-pptx's ``font.name`` writes only ``<a:latin>``; PowerPoint on macOS, LibreOffice and
Google Slides then pick Chinese glyphs from whatever font they like (or none). Every run
the deck writes therefore carries a latin AND an east-asian typeface and a language tag.
The slide writer and the visuals (argument map, charts) share these functions:

- ``deck_fonts(outline, lang)`` gives the font names for one deck;
- ``style_run(run, fonts, lang, size, ...)`` applies them, with size, weight and colour;
- ``set_east_asian(rpr, typeface)`` and ``lang_tag(lang)`` for run properties written
  by hand (chart text, which python-pptx does not reach through runs).
"""

from __future__ import annotations

from typing import NamedTuple

import re
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.util import Pt

from ..language import FALLBACK_CJK, first_cjk, profile
from ..model import Outline
from ..textfit import is_wide
from .pptx_internals import (
    nsdecls,
    paragraph_element,
    parse_xml,
    qn,
    run_element,
    wrap_run,
)

# Fonts PowerPoint users commonly have; LibreOffice substitutes metric-alike or CJK
# fonts found on the machine. The east-asian face per language is the language profile's.
DEFAULT_LATIN = "Calibri"
FALLBACK_EAST_ASIAN = profile(FALLBACK_CJK).deck_font


_NS = nsdecls("a")
_T = qn("a:t")


class DeckFonts(NamedTuple):
    latin: str
    east_asian: str
    cjk_lang: str = "zh"     # the language tag for CJK text inside non-CJK runs


def lang_tag(lang: str) -> str:
    """The language tag for a run: ``zh`` -> ``zh-CN``; a tag with a region is kept."""
    return profile(lang).tag


def deck_fonts(outline: Outline, lang: str) -> DeckFonts:
    """Font names for one deck: ``style.fonts`` first, then defaults for the languages.

    The east-asian face follows the deck's language if it is CJK, else the first CJK
    language of the outline or its source (quotes in the notes are in the source
    language), else a common Chinese face, which is harmless for Latin-only text.
    """
    chosen = outline.style.fonts
    latin = chosen.latin or DEFAULT_LATIN
    candidates = (lang, *outline.languages, outline.source.language)
    cjk = first_cjk(candidates)
    if chosen.east_asian:
        return DeckFonts(latin, chosen.east_asian, cjk)
    for candidate in candidates:
        face = profile(candidate).deck_font
        if face:
            return DeckFonts(latin, face, cjk)
    return DeckFonts(latin, FALLBACK_EAST_ASIAN, cjk)


def style_run(run, fonts: DeckFonts, lang: str, size: float | None = None, *,
              bold: bool | None = None, italic: bool | None = None,
              colour: str | None = None) -> None:
    """Give a python-pptx run (or a paragraph's ``font``-bearing run) its typefaces,
    language tag, size in points, weight and colour (hex ``RRGGBB``; None inherits)."""
    font = run.font
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if colour is not None:
        font.color.rgb = RGBColor.from_string(colour)
    font.name = fonts.latin
    rpr = run_element(run).get_or_add_rPr()
    set_east_asian(rpr, fonts.east_asian)
    rpr.set("lang", lang_tag(lang))
    if profile(lang_tag(lang)).cjk:
        # PowerPoint uses altLang to choose the proofing and IME language for CJK runs.
        rpr.set("altLang", "en-US")


def add_run(paragraph, text: str, fonts: DeckFonts, lang: str, size: float | None = None, **style):
    """Append ``text`` to a python-pptx paragraph as styled run(s); return the first.

    CJK stretches inside text of a non-CJK language (a Chinese title in an English
    sentence) become runs of their own tagged ``fonts.cjk_lang``, so that font choice and
    spell checking treat them as what they are."""
    return add_runs(paragraph, text, fonts, lang, size, **style)[0]


def add_runs(paragraph, text: str, fonts: DeckFonts, lang: str, size: float | None = None, **style):
    """Like ``add_run``; returns every run made."""
    # The runs are written as XML and parsed in one go: the same elements ``style_run``
    # makes on a python-pptx run, at a fraction of the cost of building them child by child.
    holder = parse_xml(f"<a:p {_NS}>{runs_xml(text, fonts, lang, size, **style)}</a:p>")
    p = paragraph_element(paragraph)
    end = p.find(qn("a:endParaRPr"))
    runs = []
    for r in list(holder):
        if end is not None:
            end.addprevious(r)
        else:
            p.append(r)
        runs.append(wrap_run(r, paragraph))
    keep_empty_texts(p)
    return runs


@lru_cache(maxsize=4096)
def runs_xml(
    text: str,
    fonts: DeckFonts,
    lang: str,
    size: float | None = None,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    colour: str | None = None,
) -> str:
    """``<a:r>`` elements for ``text``, CJK stretches in non-CJK text as runs of their own.
    (Cached: footers, labels and notes repeat the same words on many slides.)"""
    return "".join(
        f"<a:r>{_rpr_xml(fonts, piece_lang, size, bold, italic, colour)}"
        f"<a:t>{_text_xml(piece)}</a:t></a:r>"
        for piece, piece_lang in _pieces(text, fonts, lang)
    )


def _pieces(text: str, fonts: DeckFonts, lang: str) -> list[tuple[str, str]]:
    # ASCII holds no wide character: most English text is not looked at letter by letter
    if profile(lang).cjk or text.isascii() or not any(is_wide(ch) for ch in text):
        return [(text, lang)]
    pieces, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or is_wide(text[i]) != is_wide(text[start]):
            pieces.append((text[start:i], fonts.cjk_lang if is_wide(text[start]) else lang))
            start = i
    return pieces


@lru_cache(maxsize=None)
def _rpr_xml(
    fonts: DeckFonts,
    lang: str,
    size: float | None,
    bold: bool | None,
    italic: bool | None,
    colour: str | None,
) -> str:
    """The ``<a:rPr>`` that ``style_run`` writes, attribute for attribute, in its order."""
    attrs = ""
    if size is not None:
        attrs += f' sz="{Pt(size).centipoints}"'
    if bold is not None:
        attrs += f' b="{int(bold)}"'
    if italic is not None:
        attrs += f' i="{int(italic)}"'
    tag = lang_tag(lang)
    attrs += f' lang={quoteattr(tag)}'
    if profile(tag).cjk:
        attrs += ' altLang="en-US"'
    fill = (
        f'<a:solidFill><a:srgbClr val="{RGBColor.from_string(colour)}"/></a:solidFill>'
        if colour
        else ""
    )
    return f"<a:rPr{attrs}>{fill}{_faces_xml(fonts)}</a:rPr>"


def _faces_xml(fonts: DeckFonts) -> str:
    return (f"<a:latin typeface={quoteattr(fonts.latin)}/>"
            f"<a:ea typeface={quoteattr(fonts.east_asian)}/>")


@lru_cache(maxsize=256)
def paragraph_end_xml(fonts: DeckFonts, lang: str, size: float | None = None) -> str:
    """The ``<a:endParaRPr>`` that ``style_paragraph_end`` gives a fresh paragraph.
    (Cached: a deck's paragraphs end in a handful of sizes and languages.)"""
    sz = f' sz="{int(round(size * 100))}"' if size is not None else ""
    return f"<a:endParaRPr{sz} lang={quoteattr(lang_tag(lang))}>{_faces_xml(fonts)}</a:endParaRPr>"


_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")


def _text_xml(text: str) -> str:
    # control characters become _xHHHH_, as python-pptx writes them (XML cannot hold them)
    return escape(_CONTROL.sub(lambda m: "_x%04X_" % ord(m.group(0)), text))


def keep_empty_texts(element) -> None:
    """An empty run keeps ``<a:t></a:t>`` (what python-pptx writes), not ``<a:t/>``."""
    for t in element.iter(_T):
        if t.text is None:
            t.text = ""


def style_paragraph_end(paragraph, fonts: DeckFonts, lang: str, size: float | None = None) -> None:
    """Style the paragraph's end mark, which sets the height of an empty paragraph and the
    font of text a teacher types at its end; and keep punctuation from hanging outside the
    box. Call it once per paragraph, after its runs."""
    # LibreOffice and Word hang CJK punctuation past the right edge of the box by default;
    # keep it inside, where the text was measured to fit.
    paragraph_element(paragraph).get_or_add_pPr().set("hangingPunct", "0")
    end = paragraph_element(paragraph).get_or_add_endParaRPr()
    if size is not None:
        end.set("sz", str(int(round(size * 100))))
    end.set("lang", lang_tag(lang))
    latin = end.find(qn("a:latin"))
    if latin is None:
        latin = etree.SubElement(end, qn("a:latin"))
        _move_before_successors(
            end,
            latin,
            ("a:ea", "a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst"),
        )
    latin.set("typeface", fonts.latin)
    set_east_asian(end, fonts.east_asian)


def set_east_asian(rpr, typeface: str) -> None:
    """Put ``<a:ea typeface=...>`` right after ``<a:latin>``, where the schema wants it."""
    for old in rpr.findall(qn("a:ea")):
        rpr.remove(old)
    ea = etree.Element(qn("a:ea"))
    ea.set("typeface", typeface)
    latin = rpr.find(qn("a:latin"))
    if latin is not None:
        latin.addnext(ea)
    else:
        rpr.append(ea)
        _move_before_successors(
            rpr, ea, ("a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")
        )


def _move_before_successors(parent, element, successors: tuple[str, ...]) -> None:
    for name in successors:
        found = parent.find(qn(name))
        if found is not None and found is not element:
            found.addprevious(element)
            return
