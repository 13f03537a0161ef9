"""Building outputs: read each outline once, render every writer and language in memory,
then move the files into place, so a failure leaves earlier outputs as they were."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .files import write_atomic
from .problems import OutlineError, Problem
from .reader import read_outline
from .writers import Job, select


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class BuildOptions:
    out_dir: Path = Path("output")
    langs: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    paper: str | None = None
    template: Path | None = None
    font: Path | None = None


def build(outlines: list[Path], options: BuildOptions, say: Callable[[str], None] = print) -> BuildReport:
    report = BuildReport()
    writers = select(list(options.only))
    for path in outlines:
        try:
            reading = read_outline(path)
        except OutlineError as exc:
            report.failed.append((path, "\n".join(str(p) for p in exc.problems)))
            continue
        report.warnings.extend(reading.warnings)
        outline = reading.outline
        style = outline.style
        template = options.template or (reading.resolve(style.template) if style.template else None)
        langs = [lang for lang in outline.languages if not options.langs or lang in options.langs]
        rendered: list[tuple[Path, bytes]] = []
        try:
            for spec in writers:
                for lang in langs:
                    job = Job(outline, lang, options.paper or style.paper, template, options.font,
                              warn=lambda message, p=path: say(f"{p}: warning: {message}"))
                    target = options.out_dir / outline.id / spec.filename(outline.id, lang)
                    rendered.append((target, spec.render(job)))
        except Exception as exc:  # a writer's failure must not cost the other outlines
            report.failed.append((path, f"{path}: error: writing failed: {type(exc).__name__}: {exc}"))
            continue
        for target, data in rendered:
            if target.exists() and target.read_bytes() == data:
                report.unchanged.append(target)
                continue
            try:
                write_atomic(target, data)
            except OSError as exc:
                report.failed.append((target, f"{target}: error: {exc.strerror or exc}"))
                continue
            report.written.append(target)
    return report
