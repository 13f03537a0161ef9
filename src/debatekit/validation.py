"""`validate`: read outlines and report their problems, all at once."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .files import display
from .model import Outline
from .problems import OutlineError, summary
from .reader import read_outline


def validate_files(
    paths: list[Path],
    strict: bool,
    out: Callable[[str], None],
    err: Callable[[str], None],
    verbose: bool = False,
) -> bool:
    errors = warnings = 0
    ids: dict[str, Path] = {}
    for path in paths:
        try:
            reading = read_outline(path, strict=strict)
        except OutlineError as exc:
            for problem in exc.problems:
                err(str(problem))
            errors += sum(p.severity == "error" for p in exc.problems)
            warnings += sum(p.severity == "warning" for p in exc.problems)
            continue
        for problem in reading.warnings:
            err(str(problem))
        warnings += len(reading.warnings)
        first = ids.setdefault(reading.outline.id, path)
        if first != path:
            line, column = reading.id_at
            err(f"{display(path)}:{line}:{column}: error: the id `{reading.outline.id}` is already used by {display(first)}; "
                "ids name the output folder, so give each outline its own")
            errors += 1
            continue
        out(f"{path}: ok, {len(reading.outline.claims)} claims")
        if verbose:
            out(f"{path}: {exercise_report(reading.outline)}")
    err(summary(errors, warnings)) if errors or warnings else out(summary(errors, warnings))
    return errors == 0


def exercise_report(outline: Outline) -> str:
    """Which rule chose the exercise, and the claims it chose."""
    chosen = outline.exercise_claims
    ids = ", ".join(claim.id for claim in chosen)
    if outline.exercise_given:
        return f"exercise from lesson.exercise, {len(chosen)} claims: {ids}"
    return (f"exercise by the default pick (no lesson.exercise), "
            f"{len(chosen)} of {len(outline.claims)} claims: {ids}")
