"""The one reader: outline file -> located tree -> typed model -> checks.

``read_outline`` returns the model with its warnings, or raises OutlineError carrying
every problem found, each located at FILE:LINE:COLUMN.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .article import Article
from .checks import Checker
from .drafts import silenced
from .files import display
from .loader import LocatedTree, read_tree
from . import shape
from .model import FORMAT, Outline
from .problems import OutlineError, Problem, in_file_order
from .reading import Reading
from .salvage import MAX_ROUNDS, Salvage, SalvagedTree, fill_missing, prune


def read_outline(path: Path, strict: bool = False) -> Reading:
    path = Path(path)
    tree = read_tree(path, display(path))
    problems: list[Problem] = []
    try:
        outline = build_model(tree)
        checker = Checker(outline, tree, path.parent)
        problems += checker.run()
    except OutlineError as exc:
        problems += exc.problems
        salvaged = _salvage(tree)
        if salvaged is None:
            raise OutlineError(problems) from None
        outline, view, set_aside = salvaged
        languages_known = not any(p[0] == "languages" for p in view.removed)
        checker = Checker(outline, view, path.parent, set_aside, languages_known)
        problems += checker.run()
    problems = [p for p in in_file_order(problems)
                if p.severity == "error" or not silenced(p.line, p.code, tree.ignores)]
    if strict:
        problems = [replace(p, severity="error") for p in problems]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise OutlineError(problems)
    # without errors the checker has read the source and every translation
    source_text = checker.source.text if checker.source is not None else ""
    article = Article.from_texts(outline.source.language, source_text, checker.translated)
    places = tuple(sorted((".".join(key), *at) for key, at in tree.key_marks.items()
                          if len(key) <= 2 and all(isinstance(k, str) for k in key)))
    return Reading(path, outline, tuple(problems), article, tree.where(("id",)), places)


def _salvage(tree: LocatedTree) -> tuple[Outline, SalvagedTree, frozenset] | None:
    """The well-formed rest of an outline with type errors, so it can be checked too."""
    if tree.data.get("format") != FORMAT:
        return None
    data = fill_missing(_status_words(tree))
    salvage = Salvage(data, frozenset(), frozenset())
    for _ in range(MAX_ROUNDS):
        try:
            outline = shape.to_model(shape.Outline.model_validate(salvage.data))
        except ValidationError as exc:
            pruned = prune(data, [tuple(e["loc"]) for e in exc.errors()], salvage.removed)
            if pruned is None:
                return None
            salvage = pruned
            continue
        return outline, SalvagedTree(tree, salvage.removed), salvage.dropped_ids
    return None


def build_model(tree: LocatedTree) -> Outline:
    if tree.data.get("format") not in (None, FORMAT):
        found = tree.data["format"]
        raise OutlineError([tree.problem(("format",), f"unsupported format `{found}`; this version of debatekit reads `{FORMAT}`")])
    try:
        return shape.to_model(shape.Outline.model_validate(_status_words(tree)))
    except ValidationError as exc:
        raise OutlineError(_translate(exc, tree)) from None


def _status_words(tree: LocatedTree) -> dict:
    """`status: false` is a status word, though YAML reads a bare false as a boolean."""
    for path, (raw, _) in tree.typed_scalars.items():
        if path and path[-1] == "status" and raw in ("false", "False", "FALSE"):
            parent = tree.data
            for step in path[:-1]:
                parent = parent[step]
            parent["status"] = "false"
    return tree.data


def _translate(exc: ValidationError, tree: LocatedTree) -> list[Problem]:
    errors = exc.errors(include_url=False)
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        if _redundant(error, loc, errors):
            continue
        if loc and loc[-1] == "[key]":  # a mapping's key is wrong (a language code): point at the key
            message, _ = _message(error, loc[:-1], tree)
            problems.append(tree.problem(loc[:-1], message, key=True))
            continue
        message, at_key = _message(error, loc, tree)
        problems.append(tree.problem(loc, message, key=at_key))
    return problems


def _redundant(error: dict, loc: tuple, errors: list[dict]) -> bool:
    """Errors that only echo another: a list "too short" because its items failed, or a
    missing key that a misspelt key beside it explains."""
    others = [tuple(e["loc"]) for e in errors if e is not error]
    if error["type"] == "too_short":
        return any(o[: len(loc)] == loc and len(o) > len(loc) for o in others)
    if error["type"] == "missing":
        misspelt = [o[-1] for o, e in zip(others, (e for e in errors if e is not error))
                    if e["type"] == "extra_forbidden" and o[:-1] == loc[:-1]]
        return bool(difflib.get_close_matches(str(loc[-1]), [str(m) for m in misspelt], n=1, cutoff=0.6))
    return False


def _message(error: dict, loc: tuple, tree: LocatedTree) -> tuple[str, bool]:
    kind = error["type"]
    name = next((str(step) for step in reversed(loc) if isinstance(step, str)), "value")
    value = error.get("input")
    if kind == "missing":
        return f"missing required key `{loc[-1]}`", False
    if kind == "extra_forbidden":
        known = _known_keys(loc[:-1])
        return f"unknown key `{loc[-1]}`{_did_you_mean(str(loc[-1]), known)}", True
    typed = tree.typed_scalars.get(loc)
    if kind in ("string_type", "text_type", "literal_error") and typed:
        raw, what = typed
        if raw == "":
            return f"`{name}` has no value", False
        return f"`{raw}` is read by YAML as {what}, not text; put it in quotes: \"{raw}\"", False
    if typed and typed[0] == "":
        return f"`{name}` has no value", False
    if kind == "literal_error":
        expected = [e.strip().strip("'") for e in error["ctx"]["expected"].replace(" or ", ", ").split(",")]
        return f"`{value}` is not a valid {name}; expected {', '.join(expected)}{_did_you_mean(str(value), expected, listing=False)}", False
    if kind == "string_pattern_mismatch":
        if name in ("id", "claim", "supports", "challenges", "exercise") or "debates" in loc and name in ("pro", "con"):
            return f"`{value}` is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit", False
        return f"`{value}` is not a language code such as `zh` or `en`", False
    if kind in ("tuple_type", "list_type"):
        return f"`{name}` must be a list (`[a, b]` or `- item` lines)", False
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"`{name}` must be a mapping of keys", False
    if kind == "too_short":
        return f"`{name}` needs at least one item", False
    if kind == "string_too_short":
        return f"`{name}` must not be empty", False
    if kind in ("float_type", "int_type", "int_from_float"):
        hint = "; remove the quotes" if isinstance(value, str) and _is_number(value) else ""
        what = "a whole number" if kind != "float_type" else "a number"
        if typed:
            hint = f"; `{typed[0]}` is read by YAML as {typed[1]}"
        return f"`{name}` must be {what}{hint}", False
    if kind == "string_type":
        return f"`{name}` must be text", False
    return f"`{name}`: {error['msg']}", False


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _did_you_mean(word: str, choices: list[str], listing: bool = True) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"; did you mean `{close[0]}`?"
    return f"; known keys: {', '.join(choices)}" if listing and 0 < len(choices) <= 12 else ""


def _known_keys(loc: tuple) -> list[str]:
    """Field names of the outline's shape that the location points into."""
    annotation: Any = shape.Outline
    for step in loc:
        annotation = _unwrap(annotation, step)
        if annotation is None:
            return []
    model = _model_in(annotation)
    return list(model.model_fields) if model else []


def _unwrap(annotation: Any, step: Any) -> Any:
    model = _model_in(annotation)
    if isinstance(step, str):
        if model and step in model.model_fields:
            return model.model_fields[step].annotation
        origin = typing.get_origin(annotation)
        if origin in (dict, typing.Mapping):
            return typing.get_args(annotation)[1]
        return None
    args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
    return args[0] if args else None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None
