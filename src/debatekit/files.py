"""Writing outputs so that nothing is ever half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ReplaceError(OSError):
    """An output exists but cannot be replaced, typically because it is open elsewhere."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to a temporary file beside path, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        try:
            os.replace(temp, path)
        except PermissionError as exc:
            raise ReplaceError(exc.errno, f"cannot replace {path}: close it in any program that has it open, or make it writable") from None
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
