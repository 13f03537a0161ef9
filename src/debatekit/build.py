"""Building outputs, incrementally, atomically and deterministically.

An outline whose recorded inputs are unchanged is settled here, from the manifest, without
parsing YAML or importing a writer: this module and the ones it imports at the top are
standard library only. Anything else goes to ``pipeline.render``, which reads the outline,
renders what changed in memory and only then moves files into place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .files import CACHE_FOLDER, Stamp, display, remove_leftovers
from .job import BuildOptions, BuildReport
from .pipeline.manifest import Manifest, fast_key, request_inputs
from .registry import UnknownWriter, WriterInfo, select

Say = Callable[[str], None]


def build(
    outlines: list[Path], options: BuildOptions, say: Say | None = None, err: Say | None = None
) -> BuildReport:
    """Build every requested output of each outline; never raises for a bad outline.

    ``say`` receives progress lines, ``err`` every error and warning once, as it happens.
    Raises ``BuildRequestError`` when ``options.only`` names an unknown writer.
    """
    say = say or (lambda line: None)
    err = err or (lambda line: None)
    report = BuildReport()
    manifest = Manifest.load(options.out_dir)
    writers = _selected(manifest, options.only)
    cache = options.out_dir / CACHE_FOLDER    # remembered readings (pipeline.readings)
    for folder in [options.out_dir, cache] + [options.out_dir / i for i in manifest.known_ids()]:
        report.cleaned.extend(remove_leftovers(folder))
    try:
        for path in outlines:
            outline = Path(path).resolve()
            settled = None if options.force else _unchanged(outline, options, manifest, writers)
            if settled is not None and report.ids.setdefault(settled[2], Path(path)) == Path(path):
                outputs, warnings, _ = settled
                for warning in warnings:
                    err(warning)
                report.unchanged.extend(outputs)
                continue
            from .pipeline.render import build_outline

            try:
                build_outline(Path(path), options, manifest, writers, report, say, err)
            except Exception as exc:  # a defect of debatekit's own: still spare the other outlines
                message = (f"{display(Path(path))}: error: internal error, please report it: "
                           f"{type(exc).__name__}: {exc}")
                err(message)
                report.failed.append((Path(path), message))
    finally:
        try:
            manifest.save()
        except OSError as exc:
            # Only the record of this build is lost: the next build re-checks everything.
            err(f"{manifest.path}: warning: cannot save the build record: {exc.strerror or exc}")
    return report


class BuildRequestError(ValueError):
    """The build asked for cannot start: an unknown output name, or no writers at all."""


def _selected(manifest: Manifest, only: tuple[str, ...]) -> list[WriterInfo]:
    registered = manifest.registered_writers()
    if not registered:
        raise BuildRequestError("no writers are registered yet; nothing to build")
    try:
        return select(only, registered)
    except UnknownWriter as exc:  # its message lists the valid names
        raise BuildRequestError(str(exc)) from None


def _unchanged(outline: Path, options: BuildOptions, manifest: Manifest, writers: list[WriterInfo]):
    """The outline's requested outputs and recorded warnings if none needs rebuilding,
    judged from file hashes and the manifest alone; None when in any doubt."""
    try:
        return _recorded_outputs(outline, options, manifest, writers)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a damaged record: rebuild rather than trust it


def _recorded_outputs(
    outline: Path, options: BuildOptions, manifest: Manifest, writers: list[WriterInfo]
):
    entry = manifest.entry(outline)
    if entry is None:
        return None
    languages = entry.get("languages") or []
    if any(lang not in languages for lang in options.langs):
        return None  # the full path explains the missing language
    inputs = manifest.input_shas(
        list(entry.get("inputs", [])) + request_inputs(options.template, options.font)
    )
    if inputs is None:
        return None
    records = entry.get("outputs", {})
    found = []
    for writer in writers:
        version = manifest.writer_version(writer)
        if version is None:
            return None
        for lang in languages:
            if options.langs and lang not in options.langs:
                continue
            name = f"{entry['id']}/{writer.filename(entry['id'], lang)}"
            record = records.get(name)
            target = options.out_dir / name
            if not record or record.get("fast") != fast_key(
                inputs, options.request(), writer, version, lang
            ):
                return None
            stamp = Stamp.of(target)
            if stamp is None or stamp.dump() != record.get("stamp"):
                return None
            found.append(target)
    return found, list(entry.get("warnings", [])), entry["id"]


def run(outlines: list[Path], options: BuildOptions, say: Say | None, err: Say) -> bool:
    """`debatekit build`: build, print the summary (unless ``say`` is None), return success."""
    report = build(outlines, options, say=say, err=err)
    if say is not None:
        for line in summary_lines(report, show=display):
            say(line)
    return report.ok


def summary_lines(report: BuildReport, show: Callable[[Path], str] = str) -> list[str]:
    """The closing summary: what was written, what was already up to date, what failed."""
    lines = []
    if report.written:
        lines.append("written:")
        lines.extend(f"  {show(p)}" for p in report.written)
    folders: dict[Path, int] = {}
    for path in report.unchanged:
        folders[path.parent] = folders.get(path.parent, 0) + 1
    for folder, count in sorted(folders.items()):
        lines.append(f"unchanged: {count} file{'s' if count != 1 else ''} in {show(folder)}/")
    if report.failed:
        lines.append("failed:")
        lines.extend(f"  {show(p)}" for p in dict.fromkeys(p for p, _ in report.failed))
    lines.append(
        f"{len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} failed"
    )
    return lines
