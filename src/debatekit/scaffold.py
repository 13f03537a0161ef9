"""`debatekit new`: a first outline from an article's plain text, for a teacher to correct.

One strand per section (a short line without a full stop followed by prose is a heading;
without headings, every paragraph is a section), one claim per sentence. Each claim's
kind is only *suggested*, by the signal-word table in ``signal_words`` with transparent
precedence (a word about the future, else an opinion word, else a number or fact word,
else a plain statement taken as a stated fact), and its ``why`` names the words that
decided it. Quotes are the sentences as they stand, so they pass the quote check; texts
in languages other than the article's are copied and marked ``[translate]``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import signal_words
from .language import profile
from .model import ID_PATTERN, LANG_PATTERN

ID = re.compile(ID_PATTERN)
LANG = re.compile(LANG_PATTERN)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")
_FULL_STOP = ("。", ".", "；", ";", "：", ":", "，", ",")
# A sentence ends at 。！？!? (Chinese at once, others before white space), after any
# closing quotation marks or brackets that follow.
_ZH_END = re.compile(r"[。！？!?]+[”’」』）)\"']*")
_EN_END = re.compile(r"[.!?]+[”’\"')\]]*(?=\s|$)")
_NUMBER = re.compile(
    r"\d+(?:[.,]\d+)*(?:\s?(?:%|万|亿|年|月|日|percent|million|billion|trillion))?", re.IGNORECASE
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|vs|etc|Inc|Ltd|Co|No|e\.g|i\.e)\.)$"
)
# Characters a YAML double-quoted scalar must not hold raw: C0/C1 controls, line breaks
# YAML folds (NEL, U+2028/9), surrogates and non-characters.
_UNPRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufeff\uff00-\ufffd\U00010000-\U0010ffff]|\ufeff"
)
MARK = "[translate] "
MIN_SENTENCE = 4          # shorter fragments ("赞(0)") are not claims


class ScaffoldError(Exception):
    """The scaffold cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class Section:
    heading: str | None
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    kind: str
    signals: tuple[str, ...]      # words of the sentence that suggested the kind
    rule: str                     # future | opinion | number | fact-word | plain


def scaffold_file(name: str, article: Path, folder: Path, langs: tuple[str, ...] = ()) -> Path:
    """Write folder/NAME.yaml from the article; never replaces an existing file."""
    if not ID.match(name):
        raise ScaffoldError(
            f"`{name}` cannot be an outline id: use lowercase letters, digits and hyphens, "
            "starting with a letter or digit"
        )
    bad = [lang for lang in langs if not LANG.match(lang)]
    if bad:
        raise ScaffoldError(f"`{bad[0]}` is not a language code such as `zh` or `en`")
    target = folder / f"{name}.yaml"
    if target.exists():
        raise ScaffoldError(
            f"{target} already exists; it was not changed (choose another NAME or delete the file)"
        )
    text = read_article(article)
    relative = Path(os.path.relpath(article.resolve(), folder.resolve())).as_posix()
    content = outline_yaml(name, text, relative, langs)
    _create(target, content.encode("utf-8"))
    return target


def read_article(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScaffoldError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        raise ScaffoldError(
            f"{path} is not UTF-8 text; save the article as plain UTF-8 text"
        ) from None
    if not text.strip():
        raise ScaffoldError(f"{path} is empty")
    return text


def article_language(text: str, langs: tuple[str, ...] = ()) -> str:
    """The article's language: Chinese script or not, then the first requested language
    written that way (`--lang es,en` for a Spanish article), else zh or en."""
    letters = _LETTER.findall(text)
    cjk = letters and sum(1 for ch in letters if _CJK.match(ch)) / len(letters) > 0.3
    same_script = [lang for lang in langs if profile(lang).cjk] if cjk else \
        [lang for lang in langs if not profile(lang).cjk]
    return same_script[0] if same_script else ("zh" if cjk else "en")


# -- reading the article ---------------------------------------------------------------

def _is_heading(block: list[str]) -> bool:
    """Short lines, none ending like a sentence: a heading, a title or site boilerplate."""
    def short(line: str) -> bool:
        line = line.strip()
        limit = 60 if _CJK.search(line) else 120
        return len(line) <= limit and not line.endswith(_FULL_STOP) and "。" not in line

    return len(block) <= 3 and all(short(line) for line in block)


def split_sentences(paragraph: str, lang: str) -> list[str]:
    ender = _ZH_END if not profile(lang).spaced or _CJK.search(paragraph) else _EN_END
    sentences, start = [], 0
    for match in ender.finditer(paragraph):
        if _ABBREVIATION.search(paragraph[start:match.end()]):
            continue  # "U.S." or "Dr." does not end a sentence
        sentences.append(paragraph[start:match.end()])
        start = match.end()
    sentences.append(paragraph[start:])
    return [s.strip() for s in sentences if len(s.strip()) >= MIN_SENTENCE and re.search(r"\w", s)]


def read_structure(text: str, lang: str) -> tuple[str | None, list[Section]]:
    """The article's title (if it has one) and its sections."""
    blocks = [
        [line for line in chunk.split("\n") if line.strip()] for chunk in re.split(r"\n\s*\n", text)
    ]
    blocks = [b for b in blocks if b]
    kinds = ["heading" if _is_heading(b) else "prose" for b in blocks]
    # A heading is a section's only when prose follows it; headings before the first
    # of those hold the title (and site boilerplate), ones after the last prose are noise.
    section_at = [
        i
        for i, k in enumerate(kinds)
        if k == "heading" and i + 1 < len(blocks) and kinds[i + 1] == "prose"
    ]
    first_prose = kinds.index("prose") if "prose" in kinds else len(blocks)
    first_section = section_at[0] if section_at else first_prose
    leading = [
        _heading(blocks[i]) for i in range(min(first_section, first_prose)) if kinds[i] == "heading"
    ]
    title = max(leading, key=len) if leading else None
    if title is None and section_at and section_at[0] == 0:
        # An article that opens with its headline and goes straight into prose: the
        # headline is the title, not the heading of a first section.
        title, section_at = _heading(blocks[0]), section_at[1:]
    sections: list[Section] = []
    if not section_at:
        for i, kind in enumerate(kinds):
            if kind == "prose":
                sections.append(Section(None, tuple(split_sentences(" ".join(blocks[i]), lang))))
    else:
        starts = ([first_prose] if first_prose < section_at[0] else []) + section_at
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
            heading = _heading(blocks[start]) if kinds[start] == "heading" else None
            sentences = [
                s
                for i in range(start, end)
                if kinds[i] == "prose"
                for s in split_sentences(_join(blocks[i]), lang)
            ]
            sections.append(Section(heading, tuple(sentences)))
    sections = [s for s in sections if s.sentences]
    if not sections:
        raise ScaffoldError("found no sentences in the article")
    return title, sections


def _join(lines: list[str]) -> str:
    joiner = "" if any(_CJK.search(line) for line in lines) else " "
    return joiner.join(line.strip() for line in lines)


def _heading(lines: list[str]) -> str:
    """A heading's text, without Markdown's leading #."""
    return _join(lines).lstrip("#").strip() or _join(lines)


# -- suggesting a kind -----------------------------------------------------------------

def suggest(sentence: str, lang: str) -> Suggestion:
    """A kind for the sentence by the first rule that applies, and the words behind it."""
    for kind, rule in (("prediction", "future"), ("opinion", "opinion")):
        words = _as_written(signal_words.found(sentence, lang, kind), sentence)
        if words:
            return Suggestion(kind, words, rule)
    numbers = tuple(dict.fromkeys(m.group(0).strip() for m in _NUMBER.finditer(sentence)))
    if numbers:
        return Suggestion("fact", numbers[:4], "number")
    words = _as_written(signal_words.found(sentence, lang, "fact"), sentence)
    if words:
        return Suggestion("fact", words, "fact-word")
    return Suggestion("fact", (), "plain")


def _as_written(words: list[str], sentence: str) -> tuple[str, ...]:
    """Each signal word as it is spelt in the sentence (the table matches English
    without regard to case; a claim's signals must occur in its quote as written)."""
    found = []
    for word in words:
        match = re.search(re.escape(word), sentence, re.IGNORECASE)
        if match:
            found.append(match.group(0))
    return tuple(dict.fromkeys(found))


_WHY = {
    "en": {
        "future": "Suggested prediction: {words} usually speak of the future. Check the label.",
        "opinion": "Suggested opinion: {words} usually mark a judgement. Check the label.",
        "number": "Suggested stated fact: it gives {words}, which can be checked. Check the label.",
        "fact-word": "Suggested stated fact: {words} usually mark something that can be checked. "
        "Check the label.",
        "plain": "Suggested stated fact: no signal words, so a plain statement that could be "
        "checked. Check the label.",
    },
    "zh": {
        "future": "建议标为预测：{words}通常表示未来。请核对。",
        "opinion": "建议标为观点：{words}通常表示判断。请核对。",
        "number": "建议标为事实陈述：含有可核实的{words}。请核对。",
        "fact-word": "建议标为事实陈述：{words}通常表示可核实的内容。请核对。",
        "plain": "建议标为事实陈述：没有信号词，是可以核实的陈述。请核对。",
    },
}


def why_text(suggestion: Suggestion, lang: str) -> str:
    table = _WHY.get(lang.split("-")[0])
    prefix = ""
    if table is None:
        table, prefix = _WHY["en"], MARK
    quoted = [f"“{w}”" for w in suggestion.signals]
    if table is _WHY["zh"]:
        words = "".join(quoted)
    elif suggestion.rule == "number":
        words = ", ".join(quoted)
    else:
        words = ("the word " if len(quoted) == 1 else "the words ") + ", ".join(quoted)
    text = table[suggestion.rule].format(words=words)
    if len(quoted) == 1 and table is not _WHY["zh"]:  # "the word ... usually marks"
        text = text.replace("usually speak", "usually speaks").replace(
            "usually mark", "usually marks"
        )
    return prefix + text


# -- writing the outline ---------------------------------------------------------------

def outline_yaml(name: str, text: str, source_path: str, langs: tuple[str, ...] = ()) -> str:
    source_lang = article_language(text, langs)
    languages = list(langs) or [source_lang]
    title, sections = read_structure(text, source_lang)
    title = title or sections[0].sentences[0]

    def copied(value: str) -> str:
        """A text of the article in every language, marked where it needs translating."""
        if len(languages) == 1:
            return _q(value if languages[0] == source_lang else MARK + value)
        return _flow({lang: value if lang == source_lang else MARK + value for lang in languages})

    def own(by_lang) -> str:
        """A text debatekit writes, in each language."""
        if len(languages) == 1:
            return _q(by_lang(languages[0]))
        return _flow({lang: by_lang(lang) for lang in languages})

    lines = [
        "# Scaffolded by `debatekit new` from the article: every kind below is a SUGGESTION",
        "# made from signal words (see each claim's `why`). Check each claim, delete the ones",
        "# that are not worth teaching, translate the [translate] texts, fill in the source.",
        "format: debatekit/1",
        f"id: {name}",
        f"languages: [{', '.join(languages)}]",
        f"title: {copied(title)}",
        "source:",
        f"  path: {_q(source_path)}",
        f"  title: {_q(title)}",
        f"  publisher: {_q('(fill in the publisher)')}",
        f"  language: {source_lang}",
        "# thesis: rewrite as the article's central claim, in your own words",
        f"thesis: {copied(title)}",
        "strands:",
    ]
    for s, section in enumerate(sections, 1):
        heading = section.heading or _opening(section.sentences[0])
        lines += [f"  - id: part-{s}", f"    title: {copied(heading)}", "    claims:"]
        for c, sentence in enumerate(section.sentences, 1):
            suggestion = suggest(sentence, source_lang)
            lines += [
                f"      - id: part-{s}-{c}",
                f"        kind: {suggestion.kind}",
                f"        text: {copied(sentence)}",
                f"        quote: {_q(sentence)}",
            ]
            if suggestion.signals:
                lines.append(f"        signals: [{', '.join(_q(w) for w in suggestion.signals)}]")
            lines.append(f"        why: {own(lambda lang, sg=suggestion: why_text(sg, lang))}")
    return "\n".join(lines) + "\n"


def _opening(sentence: str) -> str:
    """A strand title for a section without a heading: the start of its first sentence."""
    if _CJK.search(sentence):
        return sentence if len(sentence) <= 20 else sentence[:19] + "…"
    words = sentence.split()
    return sentence if len(words) <= 8 else " ".join(words[:8]) + " …"


def _q(value: str) -> str:
    # A JSON string is a YAML double-quoted scalar: always text, whatever it holds; JSON
    # leaves some characters raw that YAML refuses or folds, so escape those too.
    return _UNPRINTABLE.sub(
        lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False)
    )


def _flow(texts: dict[str, str]) -> str:
    return "{" + ", ".join(f"{lang}: {_q(value)}" for lang, value in texts.items()) + "}"


def _create(target: Path, data: bytes) -> None:
    """Write a new file whole, failing rather than replacing one that appeared meanwhile."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".part", dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        try:
            os.link(temp, target)
        except FileExistsError:
            raise ScaffoldError(f"{target} already exists; it was not changed") from None
        except OSError:  # a file system without hard links: exclusive creation instead
            try:
                with open(target, "xb") as handle:
                    handle.write(data)
            except FileExistsError:
                raise ScaffoldError(f"{target} already exists; it was not changed") from None
    finally:
        os.unlink(temp)
