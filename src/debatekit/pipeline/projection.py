"""An outline as one language sees it, and a digest of that view.

An output in one language depends on the outline's texts in that language only, so its
build key is computed from the model with every text reduced to that language: editing
the Chinese text of a claim leaves the key of every English output unchanged.
"""

from __future__ import annotations

import hashlib
import json
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

from ..model import Outline, Style
from ..text import Text


def projected(outline: Outline, lang: str) -> dict:
    """The outline's content as plain data, each text reduced to its ``lang`` string."""
    return _walk(outline, lang)


def digest(outline: Outline, lang: str) -> str:
    data = json.dumps(projected(outline, lang), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _walk(node: Any, lang: str) -> Any:
    if isinstance(node, Text):
        return node.get(lang)
    if isinstance(node, Style):
        data = {name: _walk(getattr(node, name), lang) for name in ("paper", "template", "fonts")}
        data["labels"] = {key: node.labels[lang][key] for key in sorted(node.labels.get(lang, {}))}
        return data
    if isinstance(node, BaseModel):
        return {name: _walk(getattr(node, name), lang) for name in type(node).model_fields}
    if isinstance(node, (tuple, list)):
        return [_walk(item, lang) for item in node]
    if isinstance(node, (dict, MappingProxyType)):
        return {str(key): _walk(value, lang) for key, value in sorted(node.items())}
    return node
