"""The record of past builds, kept as JSON in the output folder.

For every outline it holds the input files (outline, source, template) and, for every
output file, two keys: a *fast* key made of the inputs' content hashes, the options and
the writer's version, which a no-op rebuild recomputes without parsing YAML; and a *model*
key made of the outline as seen in the output's language, which a rebuild after an edit
compares to decide what to render. It also remembers each writer's version and file, so
a no-op rebuild need not import the writers (nor python-pptx and reportlab behind them).

Standard library only: this is the no-op path. Losing or corrupting the file only costs
a full rebuild.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from .. import __version__, registry
from ..files import Stamp, sha256_file, write_atomic
from ..registry import WriterInfo

NAME = ".debatekit-manifest.json"
FORMAT = 1
# Files at least this big (fonts, templates) are trusted unchanged when their size and
# modification time are; smaller ones are hashed on every build.
TRUST_STAMP_FROM = 1 << 20
PACKAGE_DIR = Path(__file__).resolve().parent.parent



@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A fingerprint of debatekit's own source: any change to the code, shared modules and
    word tables included, or to a writer's templates, counts as a new writer version.
    Each file counts by its name, size and modification time, as Python's own bytecode
    cache trusts them: reading every file took a fortieth of a deck's rebuild."""
    digest = hashlib.sha256(__version__.encode())
    for name, size, mtime in sorted(_source_files(str(PACKAGE_DIR), "")):
        digest.update(f"{name}\0{size}\0{mtime}\0".encode())
    return digest.hexdigest()


def _source_files(folder: str, prefix: str):
    """(name under the package, size, mtime in ns) of its modules and writer templates."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    yield from _source_files(entry.path, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".py") or prefix.endswith("templates/"):
                info = entry.stat()
                yield f"{prefix}{entry.name}", info.st_size, info.st_mtime_ns


def digest_json(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Manifest:
    def __init__(self, out_dir: Path, data: dict | None = None):
        self.out_dir = out_dir
        self.path = out_dir / NAME
        self.data = data if data is not None else {}
        self.data.setdefault("format", FORMAT)
        for section in ("outlines", "writers", "files"):
            if not isinstance(self.data.get(section), dict):
                self.data[section] = {}
        self._shas: dict[str, str | None] = {}
        self._saved = json.dumps(self.data, sort_keys=True)

    @classmethod
    def load(cls, out_dir: Path) -> "Manifest":
        try:
            data = json.loads((out_dir / NAME).read_text("utf-8"))
        except (OSError, ValueError):
            data = None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            data = None
        return cls(out_dir, data)

    def save(self) -> None:
        """Write the record if this build changed it."""
        current = json.dumps(self.data, sort_keys=True)
        if current == self._saved:
            return
        text = json.dumps(self.data, sort_keys=True, ensure_ascii=False, indent=1)
        write_atomic(self.path, text.encode("utf-8") + b"\n")
        self._saved = current

    # -- outlines ----------------------------------------------------------------------

    def entry(self, outline: Path) -> dict | None:
        found = self.data["outlines"].get(str(outline))
        return found if isinstance(found, dict) else None

    def set_entry(self, outline: Path, entry: dict) -> None:
        self.data["outlines"][str(outline)] = entry

    def known_ids(self) -> list[str]:
        return sorted(
            {
                e.get("id")
                for e in self.data["outlines"].values()
                if isinstance(e, dict) and isinstance(e.get("id"), str)
            }
        )

    # -- input files -------------------------------------------------------------------

    def file_sha(self, path: Path) -> str | None:
        """The content hash of a file (None if unreadable), memoised for this build."""
        key = str(path)
        if key not in self._shas:
            self._shas[key] = self._compute_sha(path)
        return self._shas[key]

    def _compute_sha(self, path: Path) -> str | None:
        stamp = Stamp.of(path)
        if stamp is None:
            return None
        known = self.data["files"].get(str(path))
        if (
            stamp.size >= TRUST_STAMP_FROM
            and known
            and known.get("stamp") == [stamp.size, stamp.mtime_ns]
        ):
            return known.get("sha256")
        try:
            sha = sha256_file(path)
        except OSError:
            return None
        if stamp.size >= TRUST_STAMP_FROM:
            self.data["files"][str(path)] = {"stamp": [stamp.size, stamp.mtime_ns], "sha256": sha}
        return sha

    def input_shas(self, paths: list[str]) -> list[list[str]] | None:
        shas = []
        for path in paths:
            sha = self.file_sha(Path(path))
            if sha is None:
                return None
            shas.append([path, sha])
        return shas

    # -- writers -----------------------------------------------------------------------

    def registered_writers(self) -> list[WriterInfo]:
        """The writers of the registry (a standard-library module: importing it is cheap)."""
        return list(registry.WRITERS.values())

    def writer_version(self, info: WriterInfo) -> str | None:
        """The writer's VERSION without importing it, if the record of it still holds."""
        module = sys.modules.get(info.module)
        if module is not None:
            version = getattr(module, "VERSION", None)
            return None if version is None else str(version)
        record = self.data["writers"].get(info.name)
        if (
            not isinstance(record, dict)
            or record.get("module") != info.module
            or not record.get("file")
        ):
            return None
        if self.file_sha(Path(record["file"])) != record.get("sha256"):
            return None
        return record.get("version")

    def record_writer(self, info: WriterInfo, module: Any) -> str:
        version = str(module.VERSION)
        file = getattr(module, "__file__", None)
        self.data["writers"][info.name] = {
            "module": info.module,
            "version": version,
            "file": file,
            "sha256": self.file_sha(Path(file)) if file else None,
        }
        return version


def fast_key(
    inputs: list[list[str]], request: dict, writer: WriterInfo, version: str, lang: str
) -> str:
    """What an output was built from, as seen without reading the outline."""
    return digest_json({
        "inputs": inputs, "request": request, "writer": writer.name, "version": version,
        "lang": lang, "debatekit": code_fingerprint(),
    })


def request_inputs(template: Path | None, font: Path | None) -> list[str]:
    """Files named on the command line that every output of the build depends on."""
    return [str(p.resolve()) for p in (template, font) if p is not None]
