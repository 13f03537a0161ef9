"""The package's layers point one way: no import cycle, no import against the layering,
no toolkit outside the writers, and no language test outside the language profile."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "debatekit"
TOOLKITS = ("pptx", "reportlab", "lxml")

# A module's layer is its package (or, for top-level modules, the named group); a layer may
# import its own modules and the layers listed for it.
GROUPS = {
    "cli": "cli",
    "__main__": "cli",
    "build": "pipeline",
    "watch": "pipeline",
    "pipeline": "pipeline",
    "registry": "registry",
    "handout": "handout",
    "debate": "debate",
    "exports": "exports",
    "slides": "slides",
    "pdf": "pdf",
    "web": "web",
    "present": "present",
    "reader": "reading",
    "loader": "reading",
    "salvage": "reading",
    "checks": "reading",
    "validation": "reading",
    "schema": "reading",
    "shape": "reading",
    "scaffold": "reading",
    "sentences": "reading",
    "suggestions": "reading",
    "unfinished": "reading",
}
MAY_IMPORT = {
    "core": {"core"},
    "reading": {"core"},
    "present": {"core"},
    "slides": {"core", "present"},
    "pdf": {"core", "present"},
    "handout": {"core", "present", "pdf"},
    "debate": {"core", "present", "pdf"},
    "web": {"core", "present"},
    "exports": {"core", "present"},
    "registry": {"core"},
    "pipeline": {"core", "reading", "registry"},
    "cli": {"core", "reading", "registry", "pipeline"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Each module's imports of other debatekit modules (a `from pkg import submodule`
    counts as the submodule) and of the toolkits (as their top-level names)."""
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1])
                    full = f"{base}.{node.module}" if node.module else base
                else:
                    full = node.module or ""
                subs = {f"{full}.{a.name}" for a in node.names if f"{full}.{a.name}" in modules}
                targets.update(subs or {full})
        edges[name] = {t if t in modules else t.split(".")[0] for t in targets} - {name}
    return edges


def _layer(name: str) -> str:
    parts = name.split(".")
    return GROUPS.get(parts[1], "core") if len(parts) > 1 else "core"


def test_no_import_cycle():
    modules = _modules()
    edges = {m: {t for t in ts if t in modules} for m, ts in _imports(modules).items()}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(edges[module]):
            assert state.get(target) != 1, (
                f"import cycle: {' -> '.join(path[path.index(target) :] + [target])}"
            )
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(modules):
        if module not in state:
            visit(module)


def test_layers_import_only_downwards_and_toolkits_stay_in_the_writers():
    modules = _modules()
    wrong = []
    for module, targets in sorted(_imports(modules).items()):
        layer = _layer(module)
        for target in sorted(targets):
            if target in modules:
                if _layer(target) != layer and _layer(target) not in MAY_IMPORT[layer]:
                    wrong.append(f"{module} ({layer}) imports {target} ({_layer(target)})")
            elif target in TOOLKITS and layer not in ("slides", "pdf", "handout", "debate"):
                wrong.append(f"{module} ({layer}) imports {target}")
    assert not wrong, "\n".join(wrong)


def test_only_the_language_profile_tests_language_codes():
    pattern = re.compile(r'startswith\("(zh|ja|ko)|is_cjk|== "zh"|in \("zh"')
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "language.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, "\n".join(found)


def test_toolkit_internals_stay_in_their_modules():
    """Private python-pptx and reportlab names are reached through one module each."""
    internal = re.compile(r"\._(element|txBody|spTree|sldIdLst|p|r|rPr|rels|blob|next_shape_id|"
                          r"cached_max_shape_id|recalculate_extents|get_or_add_ln|startPage)\b"
                          r"|from pptx\.(oxml|opc|parts)|from pptx\.text\.text import _")
    allowed = {"pptx_internals.py", "reportlab_internals.py"}
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name not in allowed
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if internal.search(line)
    ]
    assert not found, "\n".join(found)
