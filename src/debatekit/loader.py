"""Read an outline file as plain YAML data, remembering where every value stands.

The tree is built from parser events rather than PyYAML's constructors, so nothing is
ever constructed from a tag, aliases are never expanded, and deep nesting is refused
before it can exhaust the stack.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .drafts import ignores
from .problems import OutlineError, Problem

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 32

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolver = yaml.resolver.Resolver()
_TYPED_TAGS = {
    "tag:yaml.org,2002:bool": "a boolean (true/false)",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "empty (null)",
}

Path_ = tuple  # a path into the tree: keys and list indices


@dataclass(frozen=True)
class LocatedTree:
    """Plain data (dicts, lists, scalars) plus the position of each value and key."""

    file: str
    data: dict
    marks: dict = field(repr=False)        # path -> (line, column) of the value
    key_marks: dict = field(repr=False)    # path -> (line, column) of the key naming it
    typed_scalars: dict = field(repr=False)  # path -> (raw text, what YAML read it as)
    ignores: dict = field(default_factory=dict, repr=False)  # line -> codes silenced there (drafts.ignores)

    def where(self, path: Path_) -> tuple[int, int]:
        """Position of the value at path, or of its nearest ancestor present."""
        path = tuple(path)
        while path and path not in self.marks:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def where_key(self, path: Path_) -> tuple[int, int]:
        return self.key_marks.get(tuple(path)) or self.where(path)

    def problem(self, path: Path_, message: str, severity: str = "error", key: bool = False) -> Problem:
        line, column = self.where_key(path) if key else self.where(path)
        return Problem(self.file, line, column, message, severity)


def read_tree(path: Path, display: str | None = None) -> LocatedTree:
    """Load one outline file; raise OutlineError with located problems if it is not usable."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise OutlineError([Problem(name, 1, 1, f"file is {size // 1024} KiB; an outline may be at most {MAX_BYTES // (1024 * 1024)} MiB")])
        raw = path.read_bytes()
    except OSError as exc:
        raise OutlineError([Problem(name, 1, 1, f"cannot read the outline: {exc.strerror or exc}")]) from None
    return parse_tree(raw, name)


def parse_tree(raw: bytes, name: str) -> LocatedTree:
    text = _decode(raw, name)
    _refuse_tabs(text, name)
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        raise OutlineError([Problem(name, 1, 1, "the outline is empty; it needs at least `format: debatekit/1`")])
    return _Builder(name).build(text)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise OutlineError([Problem(name, line, column, f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8")]) from None


def _refuse_tabs(text: str, name: str) -> None:
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(name, number, indent.index("\t") + 1, "tab used for indentation; YAML indents with spaces only"))
    if problems:
        raise OutlineError(problems)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[tuple[int, int], str]:
    """Where a YAML syntax error is, and what to do, for the mistakes teachers make."""
    mark = exc.problem_mark or exc.context_mark
    where = _mark(mark) if mark else (1, 1)
    detail = exc.problem or "invalid YAML"
    unclosed = "YAML syntax: this quotation mark opens a text that is never closed; add the closing quote"
    if exc.context and "quoted scalar" in exc.context and exc.context_mark is not None:
        return _mark(exc.context_mark), unclosed
    opened = _unclosed_quote(text.splitlines()[: where[0]])
    if opened is not None:
        return opened, unclosed
    if detail.startswith("mapping values are not allowed") and exc.problem_mark is not None:
        line = text.splitlines()[exc.problem_mark.line] if exc.problem_mark.line < len(text.splitlines()) else ""
        key, _, value = line.partition(": ")
        if value.strip():
            column = len(key) + 3 + (len(value) - len(value.lstrip()))
            return (where[0], column), ("YAML syntax: a text that holds `: ` must be quoted; put the text in quotes: "
                                        f"{key.strip()}: \"{value.strip()}\"")
    if (exc.context or "").startswith("while parsing a flow mapping") and exc.problem_mark is not None:
        braced = _braced_colon(text.splitlines()[exc.problem_mark.line:][:1], exc.problem_mark.column)
        if braced is not None:
            column, key, value = braced
            return (where[0], column), ("YAML syntax: a text between braces that holds `: ` must be quoted; "
                                        f"put the text in quotes: {key}: \"{value}\"")
    if exc.context:
        detail = f"{exc.context}, {detail}"
    return where, f"YAML syntax: {detail}"


_BRACED_KEY = re.compile(r"[{,]\s*([^\s{},:\"']+):\s+")


def _braced_colon(lines: list[str], column: int) -> tuple[int, str, str] | None:
    """For `{en: The vote: 31 to 24, zh: ...}`, where YAML stops at the second colon:
    (the 1-based column where that text starts, its key, the text up to the next entry
    or the closing brace), or None when the stop is not a colon inside a text."""
    if not lines or not lines[0][column:].startswith(": "):
        return None
    line = lines[0]
    keys = [m for m in _BRACED_KEY.finditer(line) if m.end() <= column]
    if not keys:
        return None
    start = keys[-1].end()
    after = _BRACED_KEY.search(line, column + 2)
    end = after.start() if after else (line.rindex("}") if "}" in line[column:] else len(line))
    return start + 1, keys[-1].group(1), line[start:end].strip()


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"'#:{}\[\]][^:#"']*:\s+)?(?P<quote>["'])""")


def _unclosed_quote(lines: list[str]) -> tuple[int, int] | None:
    """The last line, up to a syntax error, whose value opens a quotation it does not
    close on the same line: a text quoted on one line is the outline's habit, so a quote
    left open there is the likely cause of the error further down."""
    for number in range(len(lines), 0, -1):
        line = lines[number - 1]
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, start = match.group("quote"), match.start("quote")
        rest = line[start + 1:]
        if quote == '"':
            closed = re.search(r'(?<!\\)"', rest) is not None
        else:
            closed = "'" in rest.replace("''", "")
        if not closed:
            return number, start + 1
    return None


def _mark(event_or_mark: Any) -> tuple[int, int]:
    mark = getattr(event_or_mark, "start_mark", event_or_mark)
    return mark.line + 1, mark.column + 1


def _scalar_value(event: yaml.ScalarEvent) -> tuple[Any, str | None]:
    """The value of a scalar, and what YAML typed it as when that is not text."""
    if event.style or event.tag == "!":  # quoted, block or `!`-tagged: always text
        return event.value, None
    tag = _resolver.resolve(yaml.ScalarNode, event.value, (True, False))
    if tag not in _TYPED_TAGS:
        return event.value, None  # strings, and dates, which outlines keep as text
    return yaml.safe_load(event.value), _TYPED_TAGS[tag]


class _Builder:
    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self.marks: dict = {}
        self.key_marks: dict = {}
        self.typed: dict = {}
        self.stack: list[dict] = []
        self.root: Any = None
        self.documents = 0

    def fail(self, where: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(self.name, where[0], where[1], message))

    def build(self, text: str) -> LocatedTree:
        try:
            for event in yaml.parse(text, Loader=_Parser):
                if not self.handle(event):
                    break
        except yaml.MarkedYAMLError as exc:
            where, message = _syntax_problem(exc, text)
            self.fail(where, message)
        except yaml.YAMLError as exc:
            self.fail((1, 1), f"YAML syntax: {exc}")
        if not self.problems and not isinstance(self.root, dict):
            found = "a list" if isinstance(self.root, list) else "a single value"
            self.fail(self.marks.get((), (1, 1)), f"the top level must be a mapping of keys (format:, id:, title:, ...), not {found}")
        if self.problems:
            raise OutlineError(self.problems)
        return LocatedTree(self.name, self.root, self.marks, self.key_marks, self.typed, ignores(text.splitlines()))

    def handle(self, event: Any) -> bool:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(_mark(event), "an outline is one YAML document; remove the second `---`")
                return False
            return True
        if isinstance(event, yaml.AliasEvent):
            self.fail(_mark(event), f"aliases (`*{event.anchor}`) are not allowed in outlines; write the value out")
            self.attach(None, event)
            return True
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self.refuse_anchor_and_tag(event)
        if isinstance(event, yaml.ScalarEvent):
            value, typed = _scalar_value(event)
            if isinstance(value, float) and not math.isfinite(value):
                self.fail(_mark(event), f"`{event.value}` is not a number a chart can show; write a finite number "
                                        "(or put it in quotes if it is text)")
            path = self.attach(value, event, raw=event.value)
            if typed and path:
                self.typed[path] = (event.value, typed)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                self.fail(_mark(event), f"nesting deeper than {MAX_DEPTH} levels; an outline never needs that")
                return False
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = self.attach(container, event)
            self.stack.append({"value": container, "path": path, "key": None, "seen": {}})
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            self.stack.pop()
        return True

    def refuse_anchor_and_tag(self, event: Any) -> None:
        if event.anchor is not None:
            self.fail(_mark(event), f"anchors (`&{event.anchor}`) are not allowed in outlines; write each value out")
        tag = event.tag
        explicit = tag is not None and (
            not event.implicit[0] and not event.implicit[1] if isinstance(event, yaml.ScalarEvent) else not event.implicit
        )
        if explicit and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self.fail(_mark(event), f"tags (`{shown}`) are not allowed in outlines; an outline holds plain text, numbers and lists")

    def attach(self, value: Any, event: Any, raw: str | None = None) -> Path_ | None:
        """Place a value in its parent; returns its path, or None when it was a key."""
        if not self.stack:
            self.root = value
            self.marks[()] = _mark(event)
            return ()
        top = self.stack[-1]
        parent = top["value"]
        if isinstance(parent, list):
            path = (*top["path"], len(parent))
            parent.append(value)
        elif top["key"] is None:
            if raw is None:
                self.fail(_mark(event), "a key must be a plain name, not a list or mapping")
                top["key"] = ("<invalid>",)
                return ("<invalid key>",)
            top["key"] = raw
            top["key_mark"] = _mark(event)
            return None
        else:
            key, top["key"] = top["key"], None
            path = (*top["path"], key)
            if isinstance(key, tuple):
                return path
            if key in top["seen"]:
                line = top["seen"][key][0]
                self.fail(top["key_mark"], f"duplicate key `{key}` (first given at line {line}); a key may appear once")
                return path
            top["seen"][key] = top["key_mark"]
            parent[key] = value
            self.key_marks[path] = top["key_mark"]
        self.marks[path] = _mark(event)
        return path
