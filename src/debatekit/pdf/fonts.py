"""Fonts for the PDF writers: find TrueType fonts, register them once, and mark up text
so every character is drawn by a font that has its glyph.

reportlab has no per-character fallback: a Latin font prints Chinese as empty boxes and
says nothing. ``FontSet.markup`` therefore splits text into runs and wraps each run in
the first font of the chain that covers it. Only TrueType outlines are embedded by
reportlab; OpenType/CFF files (``OTTO``) are refused by it, so discovery skips them.
When no CJK TrueType font exists, the non-embedded CID font is the last resort, with one
warning that says how to get a real one.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from ..language import first_cjk, profile

# A character every CJK font worth using has, to tell a CJK font from a Latin one.
_CJK_PROBE = ord("中")

CJK_CANDIDATES: tuple[tuple[str, int], ...] = (
    # Linux
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0),
    ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf", 0),
    ("/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf", 0),
    # macOS
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/STHeiti Medium.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
    # Windows
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
)

# (regular, bold) pairs of Latin fonts with wide coverage.
LATIN_CANDIDATES: tuple[tuple[str, Optional[str]], ...] = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
    (
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    ),
    ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
)

FONT_HINT = ("no CJK TrueType font found; Chinese text uses a built-in font that is not "
             "embedded and may not display or extract everywhere. Install one "
             "(e.g. `apt-get install fonts-wqy-zenhei`) or pass `--font PATH` to a .ttf/.ttc file")


class FontError(ValueError):
    """A font the user named cannot be used."""


@dataclass(frozen=True)
class Face:
    """One registered font: its reportlab name, bold variant name and coverage."""

    name: str
    bold: str
    embedded: bool
    path: Optional[str] = None
    covers: Optional[frozenset[int]] = None   # None: treat every character as covered

    def has(self, char: str) -> bool:
        return self.covers is None or ord(char) in self.covers


@dataclass(frozen=True)
class FontSet:
    """The fonts of one document, in fallback order: ``chain[0]`` is the main font."""

    chain: tuple[Face, ...]

    @property
    def main(self) -> Face:
        return self.chain[0]

    @property
    def regular(self) -> str:
        return self.main.name

    @property
    def bold(self) -> str:
        return self.main.bold

    @property
    def all_embedded(self) -> bool:
        return all(face.embedded for face in self.chain)

    def face_for(self, char: str, lead: Optional[Face] = None) -> Face:
        lead = lead or self.main
        if char.isspace() or lead.has(char):
            return lead
        for face in self.chain:
            if face.has(char):
                return face
        return lead

    def lead_for(self, text: str) -> Face:
        """The face that draws most of ``text``: mostly-Chinese text in a Latin document
        is set wholly in the CJK face, so its Latin letters do not switch typeface."""
        main = self.main
        lacking = sum(1 for c in text if not c.isspace() and not main.has(c))
        if not lacking:
            return main
        visible = sum(1 for c in text if not c.isspace())
        if lacking * 10 >= visible * 3:
            probe = chr(_CJK_PROBE)
            for face in self.chain[1:]:
                if face.has(probe) and all(
                    face.has(c) for c in text if not c.isspace() and not main.has(c)
                ):
                    return face
        return main

    def runs(self, text: str, lead: Optional[Face] = None) -> Iterator[tuple[Face, str]]:
        """Split text into (face, run) pieces; white space stays with the current run.
        ``lead`` (default ``lead_for(text)``) is the face tried first."""
        lead = lead or self.lead_for(text)
        current: Optional[Face] = None
        buffer: list[str] = []
        for char in text:
            face = (
                current if (char.isspace() and current is not None) else self.face_for(char, lead)
            )
            if face is not current and buffer:
                yield current, "".join(buffer)  # type: ignore[misc]
                buffer = []
            current = face
            buffer.append(char)
        if buffer:
            yield current, "".join(buffer)  # type: ignore[misc]

    def markup(self, text: str, lead: Optional[Face] = None) -> str:
        """User text made safe for a reportlab Paragraph: escaped (``&``, ``<``, ``>``),
        line breaks kept, and runs the main font lacks wrapped in a fallback font. Pass
        ``lead=fonts.lead_for(whole)`` when marking up pieces of one text separately."""
        parts = []
        for face, run in self.runs(text, lead):
            escaped = _xml_escape(run).replace("\n", "<br/>")
            if face is self.main:
                parts.append(escaped)
            else:
                parts.append(f'<font face="{face.name}">{escaped}</font>')
        return "".join(parts)

    def string_width(self, text: str, size: float, bold: bool = False) -> float:
        """Width of text drawn with ``draw_string``."""
        return sum(pdfmetrics.stringWidth(run, face.bold if bold else face.name, size)
                   for face, run in self.runs(text))

    def draw_string(
        self, canvas, x: float, y: float, text: str, size: float, bold: bool = False
    ) -> float:
        """Draw text on a canvas run by run with the covering fonts; returns the width."""
        start = x
        for face, run in self.runs(text):
            name = face.bold if bold else face.name
            canvas.setFont(name, size)
            canvas.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, name, size)
        return x - start


# ---------------------------------------------------------------- discovery


def _sfnt_tags(path: Path) -> list[bytes]:
    """The outline type of each font in a file: b'\\x00\\x01\\x00\\x00' or b'true' for
    TrueType, b'OTTO' for CFF; a .ttc lists one per member."""
    with open(path, "rb") as handle:
        head = handle.read(12)
        if head[:4] != b"ttcf":
            return [head[:4]]
        count = struct.unpack(">I", head[8:12])[0]
        offsets = struct.unpack(f">{count}I", handle.read(4 * count))
        tags = []
        for offset in offsets:
            handle.seek(offset)
            tags.append(handle.read(4))
        return tags


def is_truetype(path: Path, index: int = 0) -> bool:
    """True when the file (member ``index`` of a collection) has TrueType outlines."""
    try:
        tags = _sfnt_tags(path)
    except (OSError, struct.error):
        return False
    return index < len(tags) and tags[index] in (b"\x00\x01\x00\x00", b"true")


def _fontconfig_cjk_files() -> list[tuple[str, int]]:
    """CJK fonts fontconfig knows, best guess first (TrueType collections and .ttf only)."""
    if shutil.which("fc-list") is None:
        return []
    try:
        done = subprocess.run(["fc-list", ":lang=zh", "-f", "%{file}|%{index}\\n"],
                              capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in done.stdout.splitlines():
        path, _, index = line.strip().rpartition("|")
        if path.lower().endswith((".ttf", ".ttc")):
            found.append((path, int(index) if index.isdigit() else 0))
    # Sorted so the choice does not depend on fontconfig's cache order.
    return sorted(set(found))


def _cjk_candidates() -> list[tuple[str, int]]:
    seen = set()
    ordered = []
    for item in list(CJK_CANDIDATES) + _fontconfig_cjk_files():
        if item not in seen:
            seen.add(item)
            ordered.append(item)
    return ordered


def _safe_name(stem: str, index: int) -> str:
    base = re.sub(r"[^A-Za-z0-9]+", "", stem) or "Font"
    return f"DK-{base}" + (f"-{index}" if index else "")


@lru_cache(maxsize=None)
def _register_ttf(path: str, index: int, bold_path: Optional[str] = None) -> Face:
    """Register a TrueType font (and its bold) once per process; raises FontError."""
    file = Path(path)
    if not file.is_file():
        raise FontError(f"font file not found: {path}")
    if not is_truetype(file, index):
        try:
            cff = b"OTTO" in _sfnt_tags(file)
        except (OSError, struct.error):
            cff = False
        if cff:
            raise FontError(f"{path} is an OpenType font with PostScript (CFF) outlines, which the "
                            "PDF library cannot embed; use a TrueType .ttf or .ttc file")
        raise FontError(f"{path} is not a TrueType font file; use a .ttf or .ttc file")
    name = _safe_name(file.stem, index)
    try:
        font = TTFont(name, str(file), subfontIndex=index)
    except Exception as exc:  # reportlab raises several types for broken or restricted fonts
        raise FontError(f"cannot use font {path}: {exc}") from None
    pdfmetrics.registerFont(font)
    bold_name = name
    if bold_path and is_truetype(Path(bold_path)):
        try:
            bold_font = TTFont(name + "-Bold", bold_path)
            pdfmetrics.registerFont(bold_font)
            bold_name = bold_font.fontName
        except Exception:
            bold_name = name
    _family(name, bold_name)
    return Face(name, bold_name, True, str(file), frozenset(font.face.charToGlyph))


def _family(regular: str, bold: str) -> None:
    # So <b> inside a Paragraph picks the bold face (or the same one when there is none).
    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, regular)
    addMapping(regular, 1, 1, bold)
    if bold != regular:
        addMapping(bold, 0, 0, bold)
        addMapping(bold, 1, 0, bold)
        addMapping(bold, 0, 1, bold)
        addMapping(bold, 1, 1, bold)


@lru_cache(maxsize=None)
def find_cjk_face() -> Optional[Face]:
    """The first usable CJK TrueType font on this machine, or None."""
    for path, index in _cjk_candidates():
        if not os.path.isfile(path) or not is_truetype(Path(path), index):
            continue
        try:
            face = _register_ttf(path, index)
        except FontError:
            continue
        if face.has(chr(_CJK_PROBE)):
            return face
    return None


@lru_cache(maxsize=None)
def find_latin_face() -> Optional[Face]:
    """A Latin TrueType font with a bold variant, or None."""
    for regular, bold in LATIN_CANDIDATES:
        if os.path.isfile(regular) and is_truetype(Path(regular)):
            try:
                return _register_ttf(regular, 0, bold if bold and os.path.isfile(bold) else None)
            except FontError:
                continue
    return None


@lru_cache(maxsize=None)
def cid_face(lang: str) -> Face:
    """reportlab's built-in Asian font for a language: never embedded."""
    name = profile(lang).cid_font or profile(first_cjk(())).cid_font
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    _family(name, name)
    return Face(name, name, False, None, None)


@lru_cache(maxsize=None)
def _standard_face() -> Face:
    # Helvetica: only when no TrueType font exists at all.
    _family("Helvetica", "Helvetica-Bold")
    return Face("Helvetica", "Helvetica-Bold", False, None, frozenset(range(0x20, 0x7F)))


def font_set(lang: str, font: Optional[Path] = None, warn: Callable[[str], None] = lambda m: None,
             text_langs: Sequence[str] = ()) -> FontSet:
    """The fonts for a document in ``lang``.

    ``font`` (Job.font / --font) comes first when given; raises FontError if unusable.
    CJK languages get a CJK TrueType font first, others a Latin one, each falling back to
    the other for the characters it lacks. ``text_langs`` lists the other languages the
    document quotes (e.g. the source language); when any is CJK and no CJK TrueType font
    exists, ``warn`` is called once with how to get one.
    """
    chain: list[Face] = []
    if font is not None:
        chain.append(_register_ttf(str(font), 0))
    cjk = find_cjk_face()
    latin = find_latin_face()
    ordered = [cjk, latin] if profile(lang).cjk else [latin, cjk]
    chain.extend(face for face in ordered if face is not None and face not in chain)
    needs_cjk = any(profile(code).cjk for code in (lang, *text_langs))
    if cjk is None and not any(face.has(chr(_CJK_PROBE)) for face in chain):
        if needs_cjk:
            warn(FONT_HINT)
            cid = cid_face(first_cjk((lang, *text_langs)))
            # The CID font draws Latin too, so it may lead for a CJK language.
            if profile(lang).cjk and latin is None:
                chain.insert(0, cid)
            else:
                chain.append(cid)
    if not chain:
        chain.append(_standard_face())
    return FontSet(tuple(chain))
