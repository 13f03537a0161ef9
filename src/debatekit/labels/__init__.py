"""The tool's own words, per language: a module of words per language beside this one
(``en.py``, ``zh.py``), each found here by its name, so a new language's words are one
new module (a name such as ``pt_br.py`` stands for ``pt-br``; a module may set ``LANG``).

Writers ask ``labels_for(outline, lang)`` and index it by key. An outline may override or
supply words under ``style.labels``; a language with no table of its own falls back to
English for any word the outline does not supply.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from types import MappingProxyType
from typing import Mapping

from ..language import profile
from ..model import Outline
from .en import WORDS as _EN


def _word_modules() -> dict[str, Mapping[str, str]]:
    """Every words module of this package, by the language it is for. A table that lacks
    a word of the English one is a mistake in debatekit itself, refused at once."""
    found: dict[str, Mapping[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        lang = getattr(module, "LANG", info.name.replace("_", "-"))
        missing = sorted(set(_EN) - set(module.WORDS))
        if missing:
            raise ValueError(f"debatekit/labels/{info.name}.py lacks the words "
                             + ", ".join(missing[:5]))
        found[lang] = MappingProxyType(module.WORDS)
    return found


_BUILTIN: dict[str, Mapping[str, str]] = _word_modules()
BUILTIN: Mapping[str, Mapping[str, str]] = MappingProxyType(_BUILTIN)   # a live, read-only view
KEYS = frozenset(_EN)


def add_language(lang: str, table: Mapping[str, str]) -> None:
    """Give debatekit its own words in ``lang`` (with the language's profile in
    ``debatekit.language``, all a new language needs). Every key must be there and every
    placeholder fillable; raises ValueError naming what is wrong."""
    missing = sorted(KEYS - set(table))
    unknown = sorted(set(table) - KEYS)
    problems = [f"{len(missing)} missing word(s): " + ", ".join(f"`{key}`" for key in missing[:5])
                + (", …" if len(missing) > 5 else "")] if missing else []
    problems += [f"unknown word `{key}`" for key in unknown]
    problems += [problem for key in sorted(KEYS & set(table)) if (problem := placeholder_problem(key, table[key]))]
    if problems:
        raise ValueError(f"words for `{lang}`: " + "; ".join(problems))
    _BUILTIN[lang] = MappingProxyType(dict(table))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def placeholder_problem(key: str, value: str) -> str | None:
    """Why an outline's override of a word with placeholders ({n}, {page}) cannot be
    filled in, or None when it can."""
    allowed = _fields(_EN[key])
    if not allowed:
        return None
    try:
        used = _fields(value)
    except ValueError:
        return f"label `{key}` has an unpaired `{{` or `}}`; write `{{{{` or `}}}}` for a literal brace"
    unknown = sorted(used - allowed)
    if unknown:
        known = ", ".join(f"{{{name}}}" for name in sorted(allowed))
        return f"label `{key}` cannot fill `{{{unknown[0]}}}`; it may use {known}"
    return None


def labels_for(outline: Outline, lang: str) -> Mapping[str, str]:
    """The tool's words for one language, with the outline's overrides applied."""
    base = BUILTIN.get(lang) or BUILTIN.get(lang.split("-")[0]) or BUILTIN["en"]
    merged = dict(base)
    merged.update(outline.style.labels.get(lang, {}))
    return MappingProxyType(merged)


def has_builtin(lang: str) -> bool:
    return lang in BUILTIN or lang.split("-")[0] in BUILTIN


class _CountFormatter(string.Formatter):
    """str.format, plus a count's word in the right number: ``{n:statement|statements}``
    gives the form the language's profile picks for the count ``n``."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def format_field(self, value, format_spec: str):
        if "|" in format_spec and isinstance(value, int):
            return profile(self.lang).plural(value, format_spec)
        return super().format_field(value, format_spec)


def fill(template: str, lang: str, **values) -> str:
    """A word with placeholders filled in, counts' words in the right number (a label
    that counts says ``{n} {n:statement|statements}``)."""
    return _CountFormatter(lang).format(template, **values)
