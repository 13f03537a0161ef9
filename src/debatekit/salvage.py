"""Reporting every problem at once even when some parts of an outline are malformed.

When the model cannot be built, the malformed parts (the list item or optional section
that holds each type error) are set aside and the rest is built and checked, so one
misspelt key does not hide a wrong quote further down. Positions found in the salvaged
outline are mapped back to the original file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .loader import LocatedTree
from .shape import Outline
from .problems import Problem

MAX_ROUNDS = 6


@dataclass(frozen=True)
class Salvage:
    data: dict
    removed: frozenset          # original paths of the parts set aside
    dropped_ids: frozenset      # ids defined inside those parts


def prune(
    data: dict, error_locs: Iterable[tuple], removed: frozenset = frozenset()
) -> Salvage | None:
    """Set aside the part holding each error; None when an error sits in a required part
    that cannot be set aside (the outline is then checked no further)."""
    new = set(removed)
    locs = list(error_locs)
    # an error on a list whose items failed is only their echo
    locs = [
        loc for loc in locs if not any(o[: len(loc)] == loc and len(o) > len(loc) for o in locs)
    ]
    for loc in locs:
        original = _to_original(loc, removed)
        target = _prunable(original)
        if target is None:
            return None
        new.add(target)
    pruned = _copy_without(data, (), frozenset(new))
    ids = frozenset(_ids_in(data, frozenset(new)))
    return Salvage(pruned, frozenset(new), ids)


def fill_missing(data: dict) -> dict:
    """Stand-ins for missing required top-level texts and id, already reported, so the
    rest of the outline can still be checked."""
    langs = data.get("languages")
    langs = [lang for lang in langs if isinstance(lang, str)] if isinstance(langs, list) else []
    filled = dict(data)
    for key in ("title", "thesis"):
        filled.setdefault(key, {lang: "" for lang in langs} or "")
    filled.setdefault("id", "outline")
    return filled


def _prunable(loc: tuple) -> tuple | None:
    for i in range(len(loc) - 1, -1, -1):
        if isinstance(loc[i], int):
            return loc[: i + 1]
    if loc and loc[0] not in _REQUIRED_TOP:
        return loc[:1]
    return None


_REQUIRED_TOP = {name for name, f in Outline.model_fields.items() if f.is_required()}


def _copy_without(node: Any, path: tuple, removed: frozenset) -> Any:
    if isinstance(node, dict):
        return {
            k: _copy_without(v, (*path, k), removed)
            for k, v in node.items()
            if (*path, k) not in removed
        }
    if isinstance(node, list):
        return [
            _copy_without(v, (*path, i), removed)
            for i, v in enumerate(node)
            if (*path, i) not in removed
        ]
    return node


def _ids_in(data: Any, removed: frozenset) -> Iterable[str]:
    for path in removed:
        node = _get(data, path)
        yield from _all_ids(node)


def _all_ids(node: Any) -> Iterable[str]:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            yield node["id"]
        for value in node.values():
            yield from _all_ids(value)
    elif isinstance(node, list):
        for value in node:
            yield from _all_ids(value)


def _get(data: Any, path: tuple) -> Any:
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _to_original(path: tuple, removed: frozenset) -> tuple:
    """Map a path in the pruned data back to the same value's path in the file."""
    original: tuple = ()
    for step in path:
        if isinstance(step, int):
            index, kept = 0, -1
            while True:
                if (*original, index) not in removed:
                    kept += 1
                    if kept == step:
                        break
                index += 1
            step = index
        original = (*original, step)
    return original


class SalvagedTree:
    """A LocatedTree seen through the pruning: paths of the salvaged data, marks of the file."""

    def __init__(self, tree: LocatedTree, removed: frozenset):
        self.tree = tree
        self.removed = removed
        self.file = tree.file

    def where(self, path: tuple) -> tuple[int, int]:
        return self.tree.where(_to_original(tuple(path), self.removed))

    def problem(
        self, path: tuple, message: str, severity: str = "error", key: bool = False
    ) -> Problem:
        return self.tree.problem(_to_original(tuple(path), self.removed), message, severity, key)
