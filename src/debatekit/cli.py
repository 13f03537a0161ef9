"""The command line: each command parses its options and calls one library function.

Nothing heavy is imported here: a no-op `build` must cost little more than starting
Python, so every command imports what it needs when it runs.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from pathlib import Path

import click

from . import __version__
from .registry import WRITERS, groups

_ONLY_HELP = (
    f"Only these outputs: {', '.join(WRITERS)}. "
    f"Without --only: {', '.join(n for n, s in WRITERS.items() if s.default)}. "
    "A group name stands for its outputs: "
    + "; ".join(f"{group} = {', '.join(names)}" for group, names in groups().items())
    + "."
)


def _outlines(paths: tuple[str, ...]) -> list[Path]:
    """The outlines named; a folder stands for the outlines in it; none: outlines/."""
    if not paths:
        found = sorted(Path("outlines").glob("*.yaml"))
        if not found:
            raise click.UsageError("no outline given and none found in outlines/*.yaml")
        return found
    found = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            found.append(path)
            continue
        inside = sorted(path.glob("*.yaml"))
        if not inside:
            raise click.UsageError(f"no outline found in {given.rstrip('/')}/*.yaml")
        found.extend(inside)
    return found


def _names(value: str | None) -> tuple[str, ...]:
    """A comma-separated option as a tuple, keeping the order given, without repeats."""
    if not value:
        return ()
    return tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))


def _err(message: str) -> None:
    click.echo(message, err=True)


def run() -> None:
    """The program's entry point: the commands, then an immediate exit.

    A command's files are written and closed when it returns; tearing down the
    interpreter's objects one by one (the model, the XML trees of a deck) would then add
    a tenth of a second to every build for nothing. Where worker processes or threads
    still run (a build's worker pool, `watch`), Python exits as usual so they wind down.
    """
    # The model, the XML trees and the layouts allocate many objects that live until the
    # end: the cycle collector, run every 700 allocations by default, would mostly walk
    # them in vain (8% of a deck's build). It still runs, every 100,000: a 1,340-claim
    # kit peaks at the same memory as with collections every 20,000.
    gc.set_threshold(100_000, 10, 10)
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if not isinstance(code, int):
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    workers = sys.modules.get("multiprocessing")
    if threading.active_count() > 1 or (workers is not None and workers.active_children()):
        sys.exit(code)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="debatekit")
def main() -> None:
    """Turn an article's argument outline into slides, handouts and debate material."""


@main.command()
@click.argument("outlines", nargs=-1, type=click.Path())
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Also say which claims the exercise holds, and by which rule.",
)
def validate(outlines: tuple[str, ...], strict: bool, verbose: bool) -> None:
    """Check outlines and report every problem as FILE:LINE:COLUMN."""
    from .validation import validate_files

    ok = validate_files(
        _outlines(outlines), strict=strict, out=click.echo, err=_err, verbose=verbose
    )
    sys.exit(0 if ok else 1)


@main.command()
def schema() -> None:
    """Print the outline format's JSON Schema."""
    from .schema import schema_json

    click.echo(schema_json(), nl=False)


def _build_options(func):
    options = [
        click.option(
            "--out",
            "out_dir",
            default="output",
            show_default=True,
            type=click.Path(file_okay=False),
            help="Output folder.",
        ),
        click.option(
            "--lang",
            "langs",
            metavar="LANG,...",
            help="Only these languages (default: every language of each outline).",
        ),
        click.option("--only", metavar="NAME,...", help=_ONLY_HELP),
        click.option(
            "--paper",
            type=click.Choice(["a4", "letter"]),
            help="Paper size of the PDFs (overrides style.paper).",
        ),
        click.option(
            "--template",
            type=click.Path(exists=True, dir_okay=False),
            help="A .pptx whose layouts the deck uses (overrides style.template).",
        ),
        click.option(
            "--deck",
            type=click.Choice(["lesson", "full"]),
            help="The deck: the lesson, or the lesson with a claim-by-claim appendix "
            "(overrides style.deck).",
        ),
        click.option(
            "--font",
            type=click.Path(exists=True, dir_okay=False),
            help="A TrueType font (.ttf/.ttc) to embed in the PDFs.",
        ),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=0),
            default=0,
            help="Worker processes for big renders "
            "(default: one per core, up to 4; 1: render in this process).",
        ),
        click.option("--quiet", "-q", is_flag=True, help="Print only errors and warnings."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _options(out_dir, langs, only, paper, template, deck, font, jobs, force=False):
    from .build import BuildOptions

    return BuildOptions(
        out_dir=Path(out_dir), langs=_names(langs), only=_names(only), paper=paper,
        template=Path(template) if template else None, font=Path(font) if font else None,
        force=force, jobs=jobs, deck=deck,
    )


@main.command()
@click.argument("outlines", nargs=-1, type=click.Path())
@_build_options
@click.option("--force", is_flag=True, help="Render every output even if nothing changed.")
def build(outlines, out_dir, langs, only, paper, template, deck, font, jobs, quiet, force) -> None:
    """Build the outputs of the outlines (files or folders; default: outlines/*.yaml)
    into output/<id>/.

    Only outputs whose inputs changed are rendered and rewritten; a failed build leaves
    every earlier output as it was.
    """
    from .build import BuildRequestError, run

    try:
        ok = run(
            _outlines(outlines),
            _options(out_dir, langs, only, paper, template, deck, font, jobs, force),
            say=None if quiet else click.echo,
            err=_err,
        )
    except BuildRequestError as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(0 if ok else 1)


@main.command()
@click.argument("outlines", nargs=-1, type=click.Path())
@_build_options
def watch(outlines, out_dir, langs, only, paper, template, deck, font, jobs, quiet) -> None:
    """Build, then rebuild on every save of an outline, its source or its template.

    Stop with Ctrl-C.
    """
    from .build import BuildRequestError
    from .watch import watch as run_watch

    try:
        run_watch(
            _outlines(outlines) if outlines else None,
            _options(out_dir, langs, only, paper, template, deck, font, jobs),
            say=None if quiet else click.echo,
            err=_err,
        )
    except BuildRequestError as exc:
        raise click.UsageError(str(exc)) from None


@main.command()
@click.argument("name")
@click.option(
    "--source",
    "article",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The article as plain UTF-8 text.",
)
@click.option(
    "--lang",
    "langs",
    metavar="LANG,...",
    help="Languages of the outline (default: the article's); the first is the main one.",
)
@click.option(
    "--dir",
    "folder",
    default="outlines",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where to write NAME.yaml.",
)
def new(name, article, langs, folder) -> None:
    """Start outlines/NAME.yaml from an article: a strand per section, a claim per sentence."""
    from .scaffold import ScaffoldError, scaffold_file

    try:
        written = scaffold_file(name, Path(article), Path(folder), _names(langs))
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {written}; check every claim's kind, then run: debatekit validate --strict {written} (it lists what is left to do)")
