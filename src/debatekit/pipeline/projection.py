"""An outline as one language sees it, and a digest of that view.

An output in one language depends on the outline's texts in that language only, so its
build key is computed from the model with every text reduced to that language: editing
the Chinese text of a claim leaves the key of every English output unchanged.

The exceptions are texts a writer shows in the article's language whatever the output's
language (a glossary term beside its translation, in the deck's notes): those keep their
source-language string in every view. A writer that starts showing another language's
text must be listed in ``_ALSO_IN_SOURCE_LANGUAGE``, or its outputs go stale on an edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import GlossaryEntry, Node, Outline, Style
from ..text import Text
from .manifest import digest_json

# (model class, field) whose texts every language's view keeps in the source language too.
_ALSO_IN_SOURCE_LANGUAGE = {(GlossaryEntry, "term")}


def projected(outline: Outline, lang: str) -> dict:
    """The outline's content as plain data, each text reduced to its ``lang`` string."""
    return _walk(outline, lang, outline.source.language)


def digest(outline: Outline, lang: str) -> str:
    return digest_json(projected(outline, lang))


def _walk(node: Any, lang: str, source_lang: str) -> Any:
    if isinstance(node, Text):
        return node.get(lang)
    if isinstance(node, Style):
        data = {
            name: _walk(getattr(node, name), lang, source_lang)
            for name in ("paper", "template", "fonts", "deck", "quiz")
        }
        data["labels"] = {key: node.labels[lang][key] for key in sorted(node.labels.get(lang, {}))}
        return data
    if isinstance(node, Node):
        data = {}
        for name in type(node).FIELDS:
            value = getattr(node, name)
            if isinstance(value, Text) and (type(node), name) in _ALSO_IN_SOURCE_LANGUAGE:
                data[name] = [value.get(lang), value.get(source_lang)]
            else:
                data[name] = _walk(value, lang, source_lang)
        return data
    if isinstance(node, (tuple, list)):
        return [_walk(item, lang, source_lang) for item in node]
    if isinstance(node, Mapping):  # dicts, label tables, per-language maps
        return {str(key): _walk(value, lang, source_lang) for key, value in sorted(node.items())}
    return node
