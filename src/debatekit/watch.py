"""`debatekit watch`: build, then rebuild the outlines whose files change, until Ctrl-C.

It watches folders rather than files, because editors save by replacing a file; only the
folders of the outlines and of the files they read (source, template, font), each without
its subfolders, and never the output folder, so its own writes cannot wake it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from .build import BuildOptions, run
from .files import Stamp, display
from .pipeline.manifest import NAME as MANIFEST_NAME
from .pipeline.manifest import Manifest, request_inputs
from .pipeline.workers import kept_workers

Say = Callable[[str], None]
STEP_MS = 100         # quiet time after the last change before rebuilding
DEBOUNCE_MS = 1600    # longest wait while changes keep coming
IDLE_MS = 500         # how often the watcher looks up when nothing happens


class Watched:
    """Which outlines to build and which files each depends on."""

    def __init__(self, explicit: list[Path] | None, options: BuildOptions):
        self.explicit = [p.resolve() for p in explicit] if explicit else None
        self.options = options
        self.out_dir = options.out_dir.resolve()

    def outlines(self) -> list[Path]:
        if self.explicit is not None:
            return list(self.explicit)
        return sorted(p.resolve() for p in Path("outlines").glob("*.yaml"))

    def inputs(self, outlines: list[Path] | None = None) -> dict[Path, set[Path]]:
        """The files a rebuild of each outline (default: every one) depends on, as
        recorded by its last build; the record is read once for all of them."""
        manifest = Manifest.load(self.options.out_dir)
        given = {Path(p) for p in request_inputs(self.options.template, self.options.font)}
        found = {}
        for outline in self.outlines() if outlines is None else outlines:
            entry = manifest.entry(outline) or {}
            found[outline] = {outline, *given, *(Path(p) for p in entry.get("inputs", []))}
        return found

    def folders(self) -> list[Path]:
        folders = set()
        if self.explicit is None:
            folders.add(Path("outlines").resolve())
        for paths in self.inputs().values():
            folders.update(p.parent for p in paths)
        return sorted(f for f in folders if f.is_dir() and not _inside(f, self.out_dir))

    def stamps(self) -> dict[Path, Stamp | None]:
        """What every watched file looks like now."""
        return {path: Stamp.of(path) for paths in self.inputs().values() for path in paths}

    def changed_since(self, stamps: dict[Path, Stamp | None]) -> set[Path]:
        """Files that changed since the stamps were taken, and outlines that appeared; not
        inputs a build has only just made known."""
        outlines = set(self.outlines())
        return {
            path
            for path, stamp in self.stamps().items()
            if (path in stamps and stamps[path] != stamp)
            or (path not in stamps and path in outlines)
        }

    def affected(self, changed: set[Path]) -> list[Path]:
        """The outlines to rebuild after these files changed."""
        return [o for o, paths in self.inputs().items() if o in changed or paths & changed]

    def ignores(self, path: str) -> bool:
        candidate = Path(path)
        return (_inside(candidate, self.out_dir) or candidate.name.endswith(".part")
                or candidate.name == MANIFEST_NAME)


def watch(outlines: list[str] | None, options: BuildOptions, say: Say | None, err: Say,
          stop: threading.Event | None = None) -> None:
    """Build once, then rebuild on change until interrupted (Ctrl-C) or ``stop`` is set."""
    import watchfiles

    note = say or (lambda line: None)
    watched = Watched([Path(p) for p in outlines] if outlines else None, options)
    restore = _stop_on_signals()
    try:
        with kept_workers(options.workers()):
            _watch_loop(watched, options, say, err, note, stop, watchfiles)
    except KeyboardInterrupt:
        pass
    finally:
        restore()
    note("stopped watching")


def _watch_loop(watched: Watched, options: BuildOptions, say: Say | None, err: Say, note: Say,
                stop: threading.Event | None, watchfiles) -> None:
    stamps = watched.stamps()
    run(watched.outlines(), options, say, err)
    while stop is None or not stop.is_set():
        folders = watched.folders()
        if not folders:
            err("nothing to watch: no outline found")
            return
        watching = False
        for changes in watchfiles.watch(
            *folders, watch_filter=lambda _change, path: not watched.ignores(path),
            debounce=DEBOUNCE_MS, step=STEP_MS, recursive=False, stop_event=stop,
            yield_on_timeout=True, rust_timeout=IDLE_MS,
        ):
            changed = {Path(path).resolve() for _change, path in changes}
            if not watching:
                # The watcher is running only now: catch what changed while it started.
                note(f"watching {', '.join(display(f) + '/' for f in folders)} (Ctrl-C to stop)")
                watching = True
                changed |= watched.changed_since(stamps)
            targets = watched.affected(changed)
            if targets:
                stamps = watched.stamps()
                read = set().union(*watched.inputs(targets).values())
                note(f"changed: {', '.join(sorted(display(p) for p in changed & read))}")
                run(targets, options, say, err)
            if watched.folders() != folders:
                break  # an outline now reads a file elsewhere: watch its folder too


def _stop_on_signals() -> Callable[[], None]:
    """Make Ctrl-C and SIGTERM stop the watch the same way, even where a shell started
    it with SIGINT ignored (a background job); returns what undoes it."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    return lambda: [signal.signal(sig, handler) for sig, handler in previous.items()] and None


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True
