"""The command line: each command parses its options and calls one library function."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__


def _outlines(paths: tuple[str, ...]) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    found = sorted(Path("outlines").glob("*.yaml"))
    if not found:
        raise click.UsageError("no outline given and none found in outlines/*.yaml")
    return found


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="debatekit")
def main() -> None:
    """Turn an article's argument outline into slides, handouts and debate material."""


@main.command()
@click.argument("outlines", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def validate(outlines: tuple[str, ...], strict: bool) -> None:
    """Check outlines and report every problem as FILE:LINE:COLUMN."""
    from .validation import validate_files

    ok = validate_files(_outlines(outlines), strict=strict, out=click.echo, err=lambda m: click.echo(m, err=True))
    sys.exit(0 if ok else 1)


@main.command()
def schema() -> None:
    """Print the outline format's JSON Schema."""
    from .schema import schema_json

    click.echo(schema_json(), nl=False)


@main.command()
@click.argument("outlines", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False), help="Output folder.")
def build(outlines: tuple[str, ...], out_dir: str) -> None:
    """Build every output of the outlines (default: outlines/*.yaml)."""
    from .build import BuildOptions, build as run_build
    from .writers import WRITERS

    if not WRITERS:
        raise click.ClickException("no writers are registered yet; nothing to build")
    report = run_build(_outlines(outlines), BuildOptions(out_dir=Path(out_dir)))
    for warning in report.warnings:
        click.echo(str(warning), err=True)
    for _, message in report.failed:
        click.echo(message, err=True)
    click.echo(f"{len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.failed)} failed")
    sys.exit(0 if report.ok else 1)
