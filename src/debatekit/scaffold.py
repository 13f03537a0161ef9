"""`debatekit new`: a first outline from an article's plain text, for a teacher to correct.

The article is read by ``sentences`` (headline as the title, byline and dateline into
``source``, subheadings as strands, one claim per sentence, never cutting a quotation);
each claim's kind, the words behind it and its speaker are *suggested* by
``suggestions``, and its ``why`` says that it is a suggestion. Quotes are the sentences as
they stand, so they pass the quote check; texts in languages other than the article's are
copied and marked ``[translate]``. What `new` cannot fill (thesis, lesson and exercise,
figures, a debate, questions, glossary) is written as commented stubs, and every mark it
leaves is one that ``validate`` warns about (see ``drafts``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from types import SimpleNamespace

from .drafts import FILL_IN, SUGGESTED, TRANSLATE
from .language import profile
from .model import ID_PATTERN, LANG_PATTERN, default_exercise
from .sentences import NoSentences, Section, read_byline, read_parts, split_sentences
from .suggestions import Suggestion, speaker, suggest

__all__ = ["ScaffoldError", "Section", "Suggestion", "read_byline", "read_structure", "scaffold_file",
           "split_sentences", "suggest"]

ID = re.compile(ID_PATTERN)
LANG = re.compile(LANG_PATTERN)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufeff\uff00-\ufffd\U00010000-\U0010ffff]|\ufeff")
MARK = TRANSLATE
SCHEMA = "outline-v1.json"
SCHEMA_SEARCH_DEPTH = 6   # folders searched upwards for the project's schema/outline-v1.json


class ScaffoldError(Exception):
    """The scaffold cannot be written; the message says why and what to do."""


def scaffold_file(name: str, article: Path, folder: Path, langs: tuple[str, ...] = ()) -> Path:
    """Write folder/NAME.yaml from the article; never replaces an existing file."""
    if not ID.match(name):
        raise ScaffoldError(f"`{name}` cannot be an outline id: use lowercase letters, digits and hyphens, starting with a letter or digit")
    bad = [lang for lang in langs if not LANG.match(lang)]
    if bad:
        raise ScaffoldError(f"`{bad[0]}` is not a language code such as `zh` or `en`")
    target = folder / f"{name}.yaml"
    if target.exists():
        raise ScaffoldError(f"{target} already exists; it was not changed (choose another NAME or delete the file)")
    text = read_article(article)
    relative = Path(os.path.relpath(article.resolve(), folder.resolve())).as_posix()
    content = outline_yaml(name, text, relative, langs, schema_reference(folder))
    _create(target, content.encode("utf-8"))
    return target


def schema_reference(folder: Path) -> str:
    """The `$schema` path for an outline written in ``folder``, relative to it: the
    project's ``schema/outline-v1.json`` in the folder or one above it; failing that, a
    copy written beside the outline (``outline-v1.json``), so editors always find one."""
    here = folder.resolve()
    for candidate in [here, *here.parents][:SCHEMA_SEARCH_DEPTH]:
        found = candidate / "schema" / SCHEMA
        if found.is_file():
            return Path(os.path.relpath(found, here)).as_posix()
    beside = folder / SCHEMA
    if not beside.exists():
        from .schema import schema_json

        folder.mkdir(parents=True, exist_ok=True)
        beside.write_text(schema_json(), encoding="utf-8")
    return SCHEMA


def read_article(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScaffoldError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        raise ScaffoldError(f"{path} is not UTF-8 text; save the article as plain UTF-8 text") from None
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


def read_structure(text: str, lang: str) -> tuple[str | None, list[Section]]:
    """The article's title (if it has one) and its sections."""
    try:
        parts = read_parts(text, lang)
    except NoSentences as exc:
        raise ScaffoldError(str(exc)) from None
    return parts.title, list(parts.sections)


# -- the suggested reason ------------------------------------------------------------------

_WHY = {
    "en": {
        "schedule": ("a stated fact, because {words} {says} when something is scheduled to happen", "says", "say"),
        "future": ("a prediction, because {words} usually {speaks} of the future or hedge", "speaks", "speak"),
        "opinion": ("an opinion, because {words} usually {marks} a judgement", "marks", "mark"),
        "number": ("a stated fact, because it gives {words}, which can be checked", "", ""),
        "voice": ("an opinion, because {words} is the writer speaking in their own voice", "", ""),
        "fact-word": ("a stated fact, because {words} usually {marks} something that can be checked", "marks", "mark"),
        "plain": ("a stated fact: no signal words, so a plain statement that could be checked", "", ""),
        "abstract": ("an opinion: no number, name, date or reported event to check it by, so most likely "
                     "a judgement", "", ""),
    },
    "zh": {
        "schedule": "事实陈述：{words}说的是已经定好的日程",
        "future": "预测：{words}通常表示未来或推测",
        "opinion": "观点：{words}通常表示判断",
        "number": "事实陈述：含有可核实的{words}",
        "voice": "观点：{words}是作者以第一人称表达自己的看法",
        "fact-word": "事实陈述：{words}通常表示可核实的内容",
        "plain": "事实陈述：没有信号词，是可以核实的陈述",
        "abstract": "观点：没有可供核实的数字、名称、日期或已发生的事，多半是判断",
    },
}
_PUBLISHER = {"en": "the publisher", "zh": "出版方"}
_CHECK = {"en": " Check the label, then give the reason in your own words.", "zh": "。请核对标签，再用自己的话写出理由。"}


def why_text(suggestion: Suggestion, lang: str) -> str:
    """The reason for a suggested kind, marked as a suggestion (``drafts.is_suggested``)."""
    base = lang.split("-")[0]
    prefix = ""
    if base not in _WHY:
        base, prefix = "en", MARK
    quoted = [f"“{w}”" for w in suggestion.signals]
    entry = _WHY[base][suggestion.rule]
    if isinstance(entry, str):  # a language written without spaces: no number agreement
        text = entry.format(words="".join(quoted))
    else:
        template, one, many = entry
        if suggestion.rule == "number":
            words = ", ".join(quoted)
        else:
            words = ("the word " if len(quoted) == 1 else "the words ") + ", ".join(quoted)
        single = len(quoted) == 1 and " " not in suggestion.signals[0]
        if len(quoted) == 1 and not single:
            words = "the words " + quoted[0]
        verb = one if single else many
        text = template.format(words=words, says=verb, speaks=verb, marks=verb)
        if suggestion.rule == "future":
            text += "s" if single else ""
        text += "."
    return prefix + SUGGESTED[base] + text + _CHECK[base]


# -- writing the outline ---------------------------------------------------------------

def outline_yaml(name: str, text: str, source_path: str, langs: tuple[str, ...] = (), schema: str | None = None) -> str:
    source_lang = article_language(text, langs)
    languages = list(langs) or [source_lang]
    try:
        parts = read_parts(text, source_lang)
    except NoSentences as exc:
        raise ScaffoldError(str(exc)) from None
    sections = parts.sections
    title = parts.title or sections[0].sentences[0]
    fill = FILL_IN.get(source_lang.split("-")[0], FILL_IN["en"])

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

    lines = [f"# yaml-language-server: $schema={schema or '../schema/' + SCHEMA}"] if schema is not False else []
    lines += [
        "# Scaffolded by `debatekit new`: a start, not a kit. Every kind below is a SUGGESTION",
        "# (see each claim's `why`): check each claim and delete the ones not worth teaching.",
        "# `debatekit validate --strict` lists what is left: texts marked [translate], blanks to",
        "# fill in, suggested reasons, the thesis, a debate. See docs/how-to.md.",
        "format: debatekit/1",
        f"id: {name}",
        f"languages: [{', '.join(languages)}]",
        f"title: {copied(title)}",
        "source:",
        f"  path: {_q(source_path)}",
        f"  title: {_q(title)}",
        f"  publisher: {_q(parts.publisher or fill.format(what=_PUBLISHER.get(source_lang.split('-')[0], _PUBLISHER['en'])))}",
    ]
    if parts.author:
        lines.append(f"  author: {_q(parts.author)}")
    if parts.published:
        lines.append(f"  published: {_q(parts.published)}")
    lines += [f"  language: {source_lang}"]
    claims: list[SimpleNamespace] = []
    body: list[str] = []
    known: set[str] = set()
    for s, section in enumerate(sections, 1):
        heading = section.heading or _opening(section.sentences[0])
        claim_ids = []
        body += [f"  - id: part-{s}", f"    title: {copied(heading)}", "    claims:"]
        for c, sentence in enumerate(section.sentences, 1):
            suggestion = suggest(sentence, source_lang)
            ident = f"part-{s}-{c}"
            claim_ids.append(SimpleNamespace(id=ident, kind=suggestion.kind))
            body += [
                f"      - id: {ident}",
                f"        kind: {suggestion.kind}",
                f"        text: {copied(sentence)}",
                f"        quote: {_q(sentence)}",
            ]
            who = speaker(sentence, source_lang, known)
            if who:
                body.append(f"        speaker: {copied(who)}")
            if suggestion.signals:
                body.append(f"        signals: [{', '.join(_q(w) for w in suggestion.signals)}]")
            body.append(f"        why: {own(lambda lang, sg=suggestion: why_text(sg, lang))}")
        claims.append(SimpleNamespace(claims=tuple(claim_ids)))
    pick = [claim.id for claim in default_exercise(tuple(claims))]
    lines += _stub("lesson", languages, pick)
    lines += [
        "# thesis: the article's central claim, in your own words (not its headline)",
        f"thesis: {copied(title)}",
        "strands:",
        *body,
    ]
    lines += _stub("rest", languages, pick)
    return "\n".join(lines) + "\n"


def _stub(part: str, languages: list[str], pick: list[str]) -> list[str]:
    """Commented sections a finished outline holds and `new` cannot fill."""
    def text(example: str) -> str:
        return "{" + ", ".join(f"{lang}: {example}" for lang in languages) + "}" if len(languages) > 1 else example

    if part == "lesson":
        return [
            "# lesson:",
            f"#   level: {text('...')}",
            "#   minutes: 45",
            f"#   objectives: [{text('...')}]",
            "#   # the claims the class classifies, 6 to 15, in order (without it, debatekit picks about 12):",
            f"#   exercise: [{', '.join(pick)}]",
        ]
    return [
        "# figures:                      # a chart of numbers the article states",
        "#   - id: numbers",
        f"#     title: {text('...')}",
        "#     series:",
        f"#       - name: {text('...')}",
        "#         points:",
        "#           - {label: \"2025\", value: 0, claim: CLAIM-ID}   # the fact claim that states it",
        "# debates:                      # at least one: the kit's debate cards and slides",
        "#   - id: motion",
        f"#     motion: {text('This house believes ...')}",
        "#     pro:",
        "#       - claim: CLAIM-ID       # a claim of the article ...",
        f"#         use: {text('how the side uses it')}",
        "#     con:",
        f"#       - point: {text('... or a point of your own')}",
        "#         kind: opinion",
        f"# questions:                    # for discussion: [{text('...')}]",
        "# glossary:",
        f"#   - term: {text('...')}",
        f"#     definition: {text('...')}",
    ]


def _opening(sentence: str) -> str:
    """A strand title for a section without a heading: the start of its first sentence."""
    if _CJK.search(sentence):
        return sentence if len(sentence) <= 20 else sentence[:19] + "…"
    words = sentence.split()
    return sentence if len(words) <= 8 else " ".join(words[:8]) + " …"


def _q(value: str) -> str:
    # A JSON string is a YAML double-quoted scalar: always text, whatever it holds; JSON
    # leaves some characters raw that YAML refuses or folds, so escape those too.
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(value, ensure_ascii=False))


def _flow(texts: dict[str, str]) -> str:
    return "{" + ", ".join(f"{lang}: {_q(value)}" for lang, value in texts.items()) + "}"


def _create(target: Path, data: bytes) -> None:
    """Write a new file whole, failing rather than replacing one that appeared meanwhile."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".part", dir=target.parent)
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
