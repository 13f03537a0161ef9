"""Rebuilding one outline: read it, decide per output whether its language's view of the
outline changed, render what did in memory, and only when every render succeeded move
the files into place. A failure leaves every earlier output as it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from .. import registry
from ..files import (
    ReplaceError,
    Stamp,
    display,
    keep_edited,
    remove_leftovers,
    same_content,
    sha256_file,
    write_atomic,
)
from ..job import BuildOptions, BuildReport
from ..problems import OutlineError
from ..registry import WriterInfo
from .manifest import Manifest, code_fingerprint, digest_json, fast_key, request_inputs
from . import readings
from .parallel import Task, render_all
from .projection import digest

Say = Callable[[str], None]


def build_outline(path: Path, options: BuildOptions, manifest: Manifest, writers: list[WriterInfo],
                  report: BuildReport, say: Say, err: Say) -> None:
    name = display(path)
    absolute = path.resolve()
    outline_sha = manifest.file_sha(
        absolute
    )  # hashed before reading: an edit meanwhile only costs a rebuild
    reading = readings.load(options.out_dir, path, absolute, outline_sha, manifest.file_sha)
    remember = reading is None
    if reading is None:
        try:
            reading = read_outline(path)
        except OutlineError as exc:
            for problem in exc.problems:
                err(str(problem))
            report.failed.append(
                (path, f"{name}: {sum(p.severity == 'error' for p in exc.problems)} error(s)")
            )
            return
    warnings = [str(w) for w in reading.warnings]
    for warning in warnings:
        err(warning)
    outline = reading.outline
    style = outline.style
    first = report.ids.setdefault(outline.id, path)
    if first != path:
        _fail(
            report,
            err,
            path,
            f"{name}:{reading.id_at[0]}:{reading.id_at[1]}: error: the id `{outline.id}` is already "
            f"used by {display(first)} in this build; ids name the output folder, so give each outline its own",
        )
        return

    style_template = reading.resolve(style.template) if style.template else None
    outline_inputs = [str(absolute), str(reading.resolve(outline.source.path))]
    outline_inputs += [
        str(reading.resolve(p)) for _, p in sorted(outline.source.translations.items())
    ]
    if style_template is not None:
        outline_inputs.append(str(style_template))
    extra = request_inputs(options.template, options.font)
    for label, given in (("--template", options.template), ("--font", options.font)):
        if given is not None and not given.is_file():
            _fail(report, err, path, f"{name}: error: {label} {given}: no such file")
            return
    inputs = manifest.input_shas(outline_inputs + extra)
    if inputs is None or inputs[0][1] != outline_sha:
        inputs = (
            None  # changed or vanished while read: record nothing, so the next build looks again
        )

    langs = [lang for lang in outline.languages if not options.langs or lang in options.langs]
    for lang in options.langs:
        if lang not in outline.languages:
            _fail(
                report,
                err,
                path,
                f"{name}: error: no language `{lang}` in this outline; "
                f"it has {', '.join(outline.languages)}",
            )
    template = options.template.resolve() if options.template else style_template
    paper = options.paper or style.paper
    deck = options.deck or style.deck
    options_key = {
        "paper": paper,
        "deck": deck,
        "template": manifest.file_sha(template) if template else None,
        "font": manifest.file_sha(options.font.resolve()) if options.font else None,
    }
    folder = options.out_dir / outline.id
    report.cleaned.extend(remove_leftovers(folder))

    previous = (manifest.entry(absolute) or {}).get("outputs")
    previous = previous if isinstance(previous, dict) else {}
    outputs: dict[str, dict] = {k: v for k, v in previous.items() if k.startswith(f"{outline.id}/")}
    views = {lang: digest(outline, lang) for lang in langs}
    # what a language's outputs can show of the article: its paragraphs and their translation
    articles = {
        lang: digest_json([reading.article.paragraphs, reading.article.paragraphs_for(lang)])
        for lang in langs
    }
    plan = []
    for writer in writers:
        version = manifest.writer_version(writer)
        if version is None:
            try:
                version = manifest.record_writer(writer, registry.WRITERS[writer.name].load())
            except Exception as exc:
                _fail(
                    report,
                    err,
                    path,
                    f"{name}: error: the {writer.name} writer cannot be loaded: "
                    f"{type(exc).__name__}: {exc}",
                )
                return
        for lang in langs:
            relative = f"{outline.id}/{writer.filename(outline.id, lang)}"
            key = digest_json(
                {
                    "view": views[lang],
                    "article": articles[lang],
                    "writer": writer.name,
                    "version": version,
                    "debatekit": code_fingerprint(),
                    "options": options_key,
                }
            )
            record = {
                "writer": writer.name,
                "lang": lang,
                "key": key,
                "fast": fast_key(inputs, options.request(), writer, version, lang)
                if inputs
                else None,
            }
            target = options.out_dir / relative
            old = previous.get(relative)
            stamp = Stamp.of(target)
            if (
                not options.force
                and old
                and old.get("key") == key
                and stamp
                and stamp.dump() == old.get("stamp")
            ):
                outputs[relative] = {**record, "stamp": stamp.dump(), "sha256": old.get("sha256")}
                report.unchanged.append(target)
            else:
                outputs.pop(relative, None)
                plan.append((writer, lang, target, relative, record))

    tasks = [Task(writer.name, registry.WRITERS[writer.name].module, lang, paper, template,
                  options.font.resolve() if options.font else None, deck)
             for writer, lang, *_ in plan]
    data_of: dict[int, bytes] = {}
    for result in render_all(outline, tasks, options.workers(), reading.article):
        writer, lang, target, _, _ = plan[result.index]
        for message in result.warnings:
            at = getattr(message, "at", None)
            where = f"{name}:{':'.join(map(str, reading.place(at)))}" if at else name
            err(f"{where}: warning: {writer.name} ({lang}): {message}")
        if result.error:  # a writer's failure must not cost the other outlines
            _fail(
                report,
                err,
                path,
                f"{name}: error: the {writer.name} writer failed for `{lang}`: {result.error}; "
                "no output of this outline was changed",
            )
            return
        data_of[result.index] = result.data
        say(f"[{len(data_of)}/{len(plan)}] rendered {display(target)}")
    rendered = [
        (target, relative, record, data_of[i])
        for i, (_, _, target, relative, record) in enumerate(plan)
    ]

    for target, relative, record, data in rendered:
        record = {**record, "sha256": hashlib.sha256(data).hexdigest()}
        if same_content(target, data):
            report.unchanged.append(target)
        else:
            _keep_hand_edits(target, previous.get(relative), err)
            try:
                write_atomic(target, data)
            except OSError as exc:
                detail = exc.strerror or str(exc)
                if not isinstance(exc, ReplaceError):
                    detail = f"cannot write the file: {detail}"
                _fail(report, err, target, f"{display(target)}: error: {detail}")
                continue
            report.written.append(target)
        stamp = Stamp.of(target)
        if stamp is not None:  # else it vanished at once: leave it unrecorded, to be rebuilt
            outputs[relative] = {**record, "stamp": stamp.dump()}

    if remember and _unchanged_since(absolute, outline_sha):  # not edited while it was read
        # kept only once the outputs are in place: a failed build leaves the folder as it was
        readings.save(options.out_dir, path, absolute, outline_sha, reading, manifest.file_sha)
    manifest.set_entry(absolute, {
        "id": outline.id,
        "languages": list(outline.languages),
        "inputs": outline_inputs,
        "warnings": warnings,
        "outputs": dict(sorted(outputs.items())),
    })


def read_outline(path: Path):
    """The reader (YAML, the model, the checks), imported only when an outline is read."""
    from ..reader import read_outline as read

    return read(path)


def _keep_hand_edits(target: Path, old: dict | None, err: Say) -> None:
    """A file changed since this build last wrote it (a teacher polished the deck) is
    copied aside before it is replaced, and the build says where."""
    written = (old or {}).get("sha256")
    if not written or not target.is_file():
        return
    try:
        if sha256_file(target) == written:
            return
    except OSError:
        return
    aside = keep_edited(target)
    if aside is not None:
        err(f"{display(target)}: warning: changed since debatekit wrote it; "
            f"your version is kept as {display(aside)}")
    else:
        err(f"{display(target)}: warning: changed since debatekit wrote it, and could not be kept aside")


def _fail(report: BuildReport, err: Say, where: Path, message: str) -> None:
    err(message)
    report.failed.append((where, message))


def _unchanged_since(path: Path, sha: str | None) -> bool:
    try:
        return sha is not None and sha256_file(path) == sha
    except OSError:
        return False
