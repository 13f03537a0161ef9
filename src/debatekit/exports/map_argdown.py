"""Writer: the argument map in Argdown, for the Argdown editor and its command line.

The thesis comes first as a statement tagged ``#thesis``; each strand is a section
(``# Strand 1: title``); each claim is a statement titled by its number on the maps (``[#12]``)
and tagged with its kind and, for a fact, its status (``#fact #verified``); the claims it
supports or challenges follow as outgoing relations (``+> [#3]``, ``-> [#5]``).
The quote, its translation, the speaker, the check note and the sources are the
statement's data (Argdown's YAML block after the text), where Argdown's JSON export and
tools read them.

Escaping: in text and headings, Argdown reads ``\\X`` as a literal X, so every character
its lexer gives a meaning (brackets, angle brackets, ``#``, ``*``, ``_``, ``@``, braces,
the slash of comments, the backslash) is escaped, and so are ``.`` and ``:`` when they
could open a shortcode (``.A.`` reads as ∀, ``:E:`` as ∃). Data values are JSON strings
(valid YAML) with braces and ``=`` written as ``\\u`` escapes, so no value can end the
block or the front matter.
"""

from __future__ import annotations

import json
import re

from ..job import Job
from ..looks import KIND_LOOK, STATUS_LOOK
from .map_items import ArgumentMap, Node, build_map

VERSION = "1"

_ALWAYS = re.compile(r"[\\\[\]<>#*_@{}/]")
_BEFORE_TEXT = re.compile(r"[.:](?=\S)")
_ARROW = {"supports": "+>", "challenges": "->"}


def argdown_text(text: str) -> str:
    """A plain one-line text as Argdown text that reads back exactly as given."""
    text = _ALWAYS.sub(lambda m: "\\" + m.group(), text)
    return _BEFORE_TEXT.sub(lambda m: "\\" + m.group(), text)


def yaml_string(text: str) -> str:
    return (
        json.dumps(text, ensure_ascii=False)
        .replace("{", "\\u007b")
        .replace("}", "\\u007d")
        .replace("=", "\\u003d")
    )


def _data(node: Node) -> str:
    fields = [
        ("quote", node.quote),
        ("quote_translation", node.quote_translation),
        ("speaker", node.speaker),
        ("check", node.check),
    ]
    parts = [f"{key}: {yaml_string(value)}" for key, value in fields if value]
    if node.sources:
        parts.append("sources: [" + ", ".join(yaml_string(s) for s in node.sources) + "]")
    parts.append(f"strand: {node.strand}")
    return "{" + ", ".join(parts) + "}"


def title(text: str) -> str:
    """A statement title: Argdown ends it at the first closing bracket and reads no escapes."""
    return text.replace("[", "(").replace("]", ")")


def tags(node: Node) -> list[str]:
    return [node.kind] + ([node.status] if node.status else [])


def _statement(node: Node, relations: list[tuple[str, str]]) -> list[str]:
    tag_text = " ".join(f"#{tag}" for tag in tags(node))
    lines = [f"[{title(node.title)}]: {argdown_text(node.text)} {tag_text} {_data(node)}"]
    lines += [f"  {_ARROW[relation]} [{target}]" for relation, target in relations]
    return lines


def _front_matter(argmap: ArgumentMap) -> list[str]:
    colours = {kind: look.colour for kind, look in KIND_LOOK.items()}
    colours.update({status: look.colour for status, look in STATUS_LOOK.items()})
    lines = ["===", f"title: {yaml_string(argmap.title)}", "color:", "  tagColors:"]
    # keys quoted: YAML would read a bare `false` as a boolean
    lines += [f'    "{tag}": "#{colour}"' for tag, colour in colours.items()]
    lines.append("===")
    return lines


def argdown(argmap: ArgumentMap) -> str:
    titles = {node.ident: title(node.title) for node in argmap.nodes}
    outgoing: dict[str, list[tuple[str, str]]] = {}
    for edge in argmap.edges:
        outgoing.setdefault(edge.source, []).append((edge.relation, titles[edge.target]))
    strand_word = argmap.labels["strand"]
    blocks = [
        _front_matter(argmap),
        [f"[{title(argmap.thesis_title)}]: {argdown_text(argmap.thesis)} #thesis"],
    ]
    for strand in argmap.strands:
        blocks.append([f"# {argdown_text(f'{strand_word} {strand.number}: {strand.title}')}"])
        blocks.extend(_statement(node, outgoing.get(node.ident, [])) for node in strand.nodes)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def render(job: Job) -> bytes:
    return argdown(build_map(job.outline, job.lang)).encode("utf-8")
