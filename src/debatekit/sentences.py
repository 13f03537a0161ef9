"""An article's plain text as `debatekit new` reads it: its headline, byline and dateline,
its sections under their subheadings, and its sentences.

A sentence ends at 。！？ (Chinese at once, other languages before white space), after any
closing quotation marks, except inside a quotation: quotation marks (“…”, 「…」, 『…』, "…")
are paired first, and no sentence ever ends between a pair. An attribution after a quoted
sentence (``“…。”李强说。``, ``“…,” he added.``) stays with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .language import has_cjk, profile

_FULL_STOP = ("。", ".", "；", ";", "：", ":", "，", ",")
_ZH_END = re.compile(r"[。！？!?]+[”’」』）)\"']*|…{1,2}[”」』]")
_EN_END = re.compile(r"[.!?]+[”’\"')\]]*(?=\s|$)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|etc|Inc|Ltd|Co|No|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|e\.g|i\.e|a\.m|p\.m)\.)$")
# Opening mark -> closing mark; a straight double quote closes itself.
_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", '"': '"'}
_CLOSERS = {close for close in _PAIRS.values()}
MIN_SENTENCE = 4          # shorter fragments ("赞(0)") are not claims

# A byline: "By Jane Doe", "作者：张三", "记者 张三", "文/张三", or "Name, Correspondent".
_BYLINE = re.compile(
    r"^(?:by\s+(?P<en>[^\n]{2,80})"
    r"|(?:作者|记者|文|撰文|编辑|责任编辑|本报记者|通讯员)\s*[：:/／|｜\s]\s*(?P<zh>[^\n]{2,30}))$",
    re.IGNORECASE)
_BYLINE_SEPARATORS = " ,，、;；|｜/／·-—"
_ROLE = re.compile(r"^(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+[\w\s]*"
                   r"(?:Correspondent|Editor|Reporter|Writer|Columnist|Staff|Contributor)\b")
_ROLE_WORD = re.compile(r"\b(?:Correspondent|Editor|Reporter|Writer|Columnist|Staff|Contributor)\b")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\b\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|\b\d{{4}}-\d{{2}}-\d{{2}}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月\s*\d{1,2}\s*日")
# A dateline of its own: a date with at most a place, a publisher, a time or a "published".
_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted|发布时间|发布日期|时间|日期)\s*[:：]?\s*)?"
    r"(?:[A-Z][A-Z .'-]+,\s*)?[^。.!?！？]{0,12}?"
    rf"(?:{_DATE.pattern}|{_MONTHS}\s+\d{{1,2}})"
    r"[^。!?！？]{0,40}$", re.IGNORECASE)
_ZH_DATELINE = re.compile(r"^(?:本报|新华社|中新社|人民网|[\u4e00-\u9fff]{2,6}社)?[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电$")


@dataclass(frozen=True)
class Section:
    heading: str | None
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class ArticleParts:
    title: str | None
    sections: tuple[Section, ...]
    author: str | None = None
    published: str | None = None   # the dateline's (or byline's) date as written
    publisher: str | None = None   # named by the byline


class NoSentences(ValueError):
    """The article holds no sentence to make a claim of."""


# -- sentences ----------------------------------------------------------------------------

def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(opening, closing) indices of every matched pair of quotation marks, nested ones
    included; an opening mark that is never closed is ignored."""
    spans, stack = [], []
    for i, ch in enumerate(text):
        if ch == '"' and stack and text[stack[-1]] == '"':
            spans.append((stack.pop(), i))
        elif ch in _PAIRS:
            stack.append(i)
        elif ch in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if _PAIRS[text[stack[depth]]] == ch:
                    spans.append((stack[depth], i))
                    del stack[depth:]
                    break
    return spans


def split_sentences(paragraph: str, lang: str) -> list[str]:
    cjk = not profile(lang).spaced or bool(has_cjk(paragraph))
    ender = _ZH_END if cjk else _EN_END
    spans = quoted_spans(paragraph)
    pieces, start = [], 0
    for match in ender.finditer(paragraph):
        end = match.end()
        if any(opening < end <= closing for opening, closing in spans):
            continue  # inside a quotation
        if _ABBREVIATION.search(paragraph[start:end]):
            continue  # "U.S." or "Dr." does not end a sentence
        pieces.append(paragraph[start:end])
        start = end
    pieces.append(paragraph[start:])
    merged: list[str] = []
    for piece in pieces:
        if merged and _attribution(merged[-1], piece, cjk):
            merged[-1] += piece
        else:
            merged.append(piece)
    return [s.strip() for s in merged if len(s.strip()) >= MIN_SENTENCE and re.search(r"\w", s)]


_ZH_SAID = re.compile(r"^[^。！？“”「」]{1,24}?(?:说|表示|回忆说|补充说|指出|强调|称|写道|问道|感叹|坦言|直言)[。！]?$")
_EN_SAID = re.compile(r"^\s*[a-z]")


def _attribution(previous: str, piece: str, cjk: bool) -> bool:
    """Whether ``piece`` only says who spoke the quotation ``previous`` ends with."""
    if not previous.rstrip().endswith(("”", "」", "』", '"')) or not piece.strip():
        return False
    return bool(_ZH_SAID.match(piece.strip()) if cjk else _EN_SAID.match(piece))


# -- byline, dateline, headings --------------------------------------------------------------

def byline_author(line: str) -> str | None:
    """The author named by a byline line, or None when the line is no byline."""
    found = byline(line)
    return found[0] if found else None


def byline(line: str) -> tuple[str, str | None, str | None] | None:
    """(author, publisher, date) of a byline line, or None when the line is no byline.
    An English byline may go on to name the paper and the date, in either order:
    "By Dana Ortiz, Riverton Gazette, 3 March 2026"."""
    line = line.strip()
    match = _BYLINE.match(line)
    if match:
        name = (match.group("en") or match.group("zh") or "").strip()
        if match.group("en") and (len(name.split()) > 8 or name[:1].islower()):
            return None
        name = name.rstrip("。.")
        publisher = date = None
        if match.group("en") and "," in name:
            name, *rest = [part.strip() for part in name.split(",")]
            for part in rest:
                if date is None and _DATE.fullmatch(part):
                    date = part
                elif publisher is None and part[:1].isupper() and not _ROLE_WORD.search(part):
                    publisher = part
        dated = _DATE.search(name) if date is None else None
        if dated:
            # "本报记者 林晓雨 2026年3月12日": the date goes to `published`, not the name
            date = dated.group(0)
            name = re.sub(r"\s+", " ", name[:dated.start()] + " " + name[dated.end():]).strip(_BYLINE_SEPARATORS)
        return (name, publisher, date) if name else None
    match = _ROLE.match(line)
    return (match.group("name"), None, None) if match else None


def dateline_date(line: str) -> str | None:
    """The date a dateline line gives, or None when the line is no dateline."""
    line = line.strip()
    if len(line) > 80:
        return None
    if _ZH_DATELINE.match(line):
        found = _DATE.search(line)
        return found.group(0) if found else line
    # a Chinese dateline carries its date and perhaps a time, a source, a place
    if has_cjk(line) and _DATE.search(line) and not line.endswith(("。", "！", "？")) and len(line) <= 50:
        return _DATE.search(line).group(0)
    if _DATELINE.match(line):
        found = _DATE.search(line)
        return found.group(0) if found else line
    return None


def read_byline(text: str, lang: str) -> str | None:
    """The author of the article, from its byline."""
    return read_parts(text, lang).author


def _is_heading(block: list[str]) -> bool:
    """Short lines, none ending like a sentence: a heading, a title or site boilerplate."""
    def short(line: str) -> bool:
        line = line.strip()
        limit = 60 if has_cjk(line) else 120
        return len(line) <= limit and not line.endswith(_FULL_STOP) and "。" not in line

    return len(block) <= 3 and all(short(line) for line in block)


def read_parts(text: str, lang: str) -> ArticleParts:
    """The article's title, byline, dateline and sections."""
    blocks = [[line for line in chunk.split("\n") if line.strip()] for chunk in re.split(r"\n\s*\n", text)]
    blocks = [b for b in blocks if b]
    author = published = publisher = None
    kept: list[list[str]] = []
    headline_at: int | None = None   # a first line followed by a byline or dateline is the headline
    for block in blocks:
        if kept and headline_at is None and len(kept) == 1 and len(kept[0]) == 1 and len(block) <= 3 and \
                any(byline_author(line) or dateline_date(line) for line in block):
            headline_at = 0
        lines = []
        for line in block:
            named = byline(line) if author is None else None
            date = dateline_date(line) if published is None and len(block) <= 3 else None
            if named:
                author, publisher = named[0], named[1]
                published = published or named[2]
            elif date and _is_heading([line]):
                published = date
            else:
                lines.append(line)
        if lines:
            kept.append(lines)
    blocks = kept
    kinds = ["heading" if _is_heading(b) or i == headline_at and len(b[0]) <= 160 else "prose"
             for i, b in enumerate(blocks)]
    # A heading is a section's only when prose follows it; headings before the first
    # of those hold the title (and site boilerplate), ones after the last prose are noise.
    section_at = [i for i, k in enumerate(kinds) if k == "heading" and i + 1 < len(blocks) and kinds[i + 1] == "prose"]
    first_prose = kinds.index("prose") if "prose" in kinds else len(blocks)
    first_section = section_at[0] if section_at else first_prose
    leading = [_heading(blocks[i]) for i in range(min(first_section, first_prose)) if kinds[i] == "heading"]
    title = max(leading, key=len) if leading else None
    if title is None and section_at and section_at[0] == 0:
        # An article that opens with its headline and goes straight into prose: the
        # headline is the title, not the heading of a first section.
        title, section_at = _heading(blocks[0]), section_at[1:]
    sections: list[Section] = []
    if not section_at:
        for i, kind in enumerate(kinds):
            if kind == "prose":
                sections.append(Section(None, tuple(split_sentences(_join(blocks[i]), lang))))
    else:
        starts = ([first_prose] if first_prose < section_at[0] else []) + section_at
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
            heading = _heading(blocks[start]) if kinds[start] == "heading" else None
            sentences = [s for i in range(start, end) if kinds[i] == "prose" for s in split_sentences(_join(blocks[i]), lang)]
            sections.append(Section(heading, tuple(sentences)))
    sections = [s for s in sections if s.sentences]
    if not sections:
        raise NoSentences("found no sentences in the article")
    return ArticleParts(title, tuple(sections), author, published, publisher)


def _join(lines: list[str]) -> str:
    joiner = "" if any(has_cjk(line) for line in lines) else " "
    return joiner.join(line.strip() for line in lines)


def _heading(lines: list[str]) -> str:
    """A heading's text, without Markdown's leading #."""
    return _join(lines).lstrip("#").strip() or _join(lines)
