"""Writing outputs so that nothing is ever half-written, and reading files' fingerprints.

Standard library only: the no-op build path imports this module.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

# Temporary files are named ".<name>.<pid>.<random>.part" so a later build can tell the
# leftovers of a killed process from the files of a build running at the same time.
_PART = re.compile(r"^\..+\.(\d+)\.[^.]+\.part$")
_LEGACY_PART = re.compile(r"^\..+\.part$")


class ReplaceError(OSError):
    """An output exists but cannot be replaced: read-only, or open in another program."""


# Where a build keeps what it remembers besides the manifest (validated outlines).
CACHE_FOLDER = ".debatekit-cache"


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to a temporary file beside path, then move it into place."""
    path = Path(path)
    _refuse_read_only(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".part", dir=path.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        try:
            os.replace(temp, path)
        except PermissionError as exc:
            raise ReplaceError(
                exc.errno,
                "cannot replace the file: close it in any program that has it open, "
                "or make it writable",
                str(path),
            ) from None
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise


def _refuse_read_only(path: Path) -> None:
    # POSIX lets a rename replace a read-only file; a user who made an output read-only
    # meant to keep it, and Windows would refuse anyway, so refuse on every system.
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise ReplaceError(
            13, "cannot replace the file: it is read-only; make it writable or delete it", str(path)
        )


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files that a killed build left in folder; returns what went."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in sorted(entries, key=lambda e: e.name):
        if not _LEGACY_PART.match(entry.name):
            continue
        match = _PART.match(entry.name)
        if match and _alive(int(match.group(1))):
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl-C there
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return pid > 0
    return True


def _alive_on_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


@dataclass(frozen=True)
class Stamp:
    """What a file looked like: enough to tell whether it has been replaced since."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> "Stamp | None":
        try:
            st = os.stat(path)
        except OSError:
            return None
        return cls(st.st_size, st.st_mtime_ns, st.st_ino)

    def dump(self) -> list[int]:
        return [self.size, self.mtime_ns, self.inode]


def display(path: Path) -> str:
    """A path as the user should see it: relative to the current folder when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def same_content(path: Path, data: bytes) -> bool:
    try:
        if os.path.getsize(path) != len(data):
            return False
        return Path(path).read_bytes() == data
    except OSError:
        return False


def keep_edited(path: Path) -> Path | None:
    """Copy a file a person changed since the build wrote it to a dated name beside it
    (``deck.pptx`` -> ``deck.edited-2026-11-30T0930.pptx``, from its modification time in
    UTC, so the same file always gets the same name); returns the copy, or None when the
    file cannot be read. An existing copy with other content gets ``-2``, ``-3``, ..."""
    try:
        data = path.read_bytes()
        when = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).strftime("%Y-%m-%dT%H%M")
    except OSError:
        return None
    stem, suffix = path.name.split(".", 1) if "." in path.name else (path.name, "")
    for n in range(1, 100):
        tail = "" if n == 1 else f"-{n}"
        aside = path.with_name(f"{stem}.edited-{when}{tail}" + (f".{suffix}" if suffix else ""))
        if not aside.exists():
            write_atomic(aside, data)
            return aside
        if same_content(aside, data):
            return aside
    return None


ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# Deflate's quickest level: a deck's megabyte of XML deflates in three quarters of the time
# level 6 takes (a hundredth of the deck's build), for archives about 8 % larger.
COMPRESS_LEVEL = 1


def fixed_zip(entries) -> bytes:
    """A zip archive of (name, bytes) entries in the order given, with a fixed time and
    mode on every entry, so equal contents always give equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, data, compresslevel=COMPRESS_LEVEL)
    return out.getvalue()
