"""Validated outlines remembered between builds, in the output folder.

Reading an outline (YAML, the model's validation, every check, the quotes found in the
article) takes longer than many a writer. A build that reads an outline successfully
keeps the reading, pickled, in ``.debatekit-cache/``; the next build uses
it instead only when nothing it was made from changed: the outline file, its source and
translations and its template (content hashes), the path as given (warnings name it),
debatekit's own code and the Python version. Anything else, a missing or unreadable or
foreign file included, means the outline is read again; losing the folder costs nothing
but that. Outlines with errors are never kept: their problems are reported afresh.

Loading a pickle can run code, and an output folder may come from elsewhere (a kit
copied from a colleague, an unzipped archive). So every remembered reading is signed
with a key of this user's own, kept outside the project (``debatekit/cache-key`` in the
user's cache folder, readable by the user alone), and a file whose signature does not
match is never unpickled. Where no key can be kept, nothing is remembered.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import sys
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..files import CACHE_FOLDER, write_atomic
from ..reading import Reading
from .manifest import code_fingerprint

FORMAT = b"debatekit-reading/3\n"  # 3: the model's plain classes
SIGNATURE_BYTES = 32

Sha = Callable[[Path], "str | None"]


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "debatekit" / "cache-key"


def _signing_key() -> bytes | None:
    """This user's key for signing remembered readings, made on first use; None where
    it can be neither read nor made."""
    path = _key_file()
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        return path.read_bytes()
    except OSError:
        return None


def _sign(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def _file(out_dir: Path, outline: Path) -> Path:
    name = hashlib.sha256(str(outline).encode("utf-8")).hexdigest()[:32]
    # dot-named like the manifest: a build's own records, not among its outputs
    return out_dir / CACHE_FOLDER / f".reading-{name}.pickle"


def _key(given: Path, outline_sha: str | None) -> str:
    return "\0".join([sys.version, code_fingerprint(), str(given), str(outline_sha)])


def _inputs(reading: Reading) -> list[Path]:
    """The files a reading was made from besides the outline itself."""
    source = reading.outline.source
    paths = [reading.resolve(source.path)]
    paths += [reading.resolve(p) for _, p in sorted(source.translations.items())]
    if reading.outline.style.template:
        paths.append(reading.resolve(reading.outline.style.template))
    return paths


def load(out_dir: Path, given: Path, absolute: Path, outline_sha: str | None, sha: Sha) -> Reading | None:
    """The remembered reading of ``given``, if it still holds; None otherwise."""
    if outline_sha is None:
        return None
    signing_key = _signing_key()
    if signing_key is None:
        return None
    try:
        data = _file(out_dir, absolute).read_bytes()
        if not data.startswith(FORMAT):
            return None
        signature = data[len(FORMAT):len(FORMAT) + SIGNATURE_BYTES]
        payload = data[len(FORMAT) + SIGNATURE_BYTES:]
        # a file this user's debatekit did not write is never unpickled
        if not hmac.compare_digest(signature, _sign(signing_key, payload)):
            return None
        key, inputs, reading = pickle.loads(payload)
    except Exception:  # absent, unreadable, or written by another version: read again
        return None
    if key != _key(given, outline_sha) or not isinstance(reading, Reading):
        return None
    if any(sha(Path(path)) != digest for path, digest in inputs):
        return None
    return replace(reading, path=given)


def save(out_dir: Path, given: Path, absolute: Path, outline_sha: str | None, reading: Reading, sha: Sha) -> None:
    """Remember a reading that had no errors; a failure to write only costs a later read."""
    signing_key = _signing_key()
    if outline_sha is None or signing_key is None:
        return
    inputs = [(str(path), sha(path)) for path in _inputs(reading)]
    try:
        data = pickle.dumps((_key(given, outline_sha), inputs, reading), protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(_file(out_dir, absolute), FORMAT + _sign(signing_key, data) + data)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
