"""The lesson deck against pandoc, on the same slide texts: `python benchmarks/deck_vs_pandoc.py`.

For each language, the flagship's lesson deck is built once and read back with
python-pptx: every slide's title, the texts of its other shapes (groups and table cells
included) and its speaker notes become a pandoc slide (`## title`, a bullet per text, the
notes in a `::: notes` block). Then two whole processes are timed side by side,
interleaved run by run so that the machine's load falls on both alike:

    debatekit build OUTLINE --only slides --lang L --force --out DIR --quiet
    debatekit build OUTLINE --only slides --lang L --force --out NEW --quiet   (NEW emptied first)
    pandoc -o deck.pptx deck-L.md

The first is a teacher's rebuild: the outline was read and validated by an earlier build,
which remembered the reading (see `pipeline/readings.py`); the second is a first build
into an empty folder, which reads, validates and checks the outline from scratch. A
fourth side is the teacher's edit under `debatekit watch`: a warm process (see
`warm_rebuild.py`) edits the deck's title and rebuilds, reading the outline anew. The
report gives each one's median and its ratio to pandoc's (below 1: ours is the faster).
debatekit runs with this checkout's source and with compiled bytecode cached (in the
temporary folder), as an installed package runs; the first, compiling run is not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, measure, prepare  # noqa: E402

LANGS = ("zh", "en")


def environment(work: Path, source: Path = ROOT / "src") -> dict:
    """This checkout's source first; bytecode written to and read from work/pycache."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["PYTHONPATH"] = os.pathsep.join([str(source), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _texts(shape) -> list[str]:
    if shape.shape_type == 6:  # a group: its members' texts
        return [t for member in shape.shapes for t in _texts(member)]
    found = []
    if shape.has_text_frame:
        found += [p.text for p in shape.text_frame.paragraphs]
    if getattr(shape, "has_table", False) and shape.has_table:
        found += [cell.text for row in shape.table.rows for cell in row.cells]
    if getattr(shape, "has_chart", False) and shape.has_chart and shape.chart.has_title:
        found.append(shape.chart.chart_title.text_frame.text)
    return [" ".join(t.split()) for t in found if t.strip()]


def _escaped(text: str) -> str:
    """Markdown's own characters taken literally, so pandoc sets the text as written."""
    return "".join("\\" + ch if ch in "\\`*_{}[]<>#|~^$@" else ch for ch in text)


def deck_markdown(deck: Path) -> str:
    """A pandoc slide show with the deck's slide titles, texts and notes."""
    from pptx import Presentation

    lines: list[str] = []
    for slide in Presentation(str(deck)).slides:
        title = slide.shapes.title
        lines += [f"## {_escaped(' '.join(title.text.split())) if title is not None else '.'}", ""]
        for shape in slide.shapes:
            if title is not None and shape.shape_id == title.shape_id:
                continue
            lines += [f"- {_escaped(text)}" for text in _texts(shape)]
        lines.append("")
        notes = slide.notes_slide.notes_text_frame.text.strip() if slide.has_notes_slide else ""
        if notes:
            lines += ["::: notes", "", *(_escaped(p) + "\n" for p in notes.splitlines() if p.strip()), ":::", ""]
    return "\n".join(lines)


def _watcher(outline: Path, lang: str, work: Path, env: dict) -> subprocess.Popen:
    """A warm process that rebuilds the deck after each edit of its own outline copy."""
    copy = outline.with_name(f"watched-{lang}-{outline.name}")
    shutil.copy(outline, copy)
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("warm_rebuild.py")), str(copy), lang, str(work / f"watch-{lang}")],
        cwd=work, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if child.stdout.readline().strip() != "ready":
        raise SystemExit(f"the warm rebuild process for {lang} failed to start")
    return child


def _watched_edit(child: subprocess.Popen) -> float:
    child.stdin.write("edit\n")
    child.stdin.flush()
    return float(child.stdout.readline())


def compare(outline: Path, work: Path, runs: int, baseline: Path | None = None) -> dict:
    """Medians per language; with ``baseline`` (another checkout's ``src``), that code's
    rebuild is timed in the same rounds too, for a before/after figure."""
    env = environment(work)
    envs = {"debatekit": env, "debatekit_first": env, "pandoc": env}
    if baseline is not None:
        envs["baseline"] = environment(work, baseline)
    commands = {}
    for lang in LANGS:
        out = work / f"deck-{lang}"
        ours = [sys.executable, "-m", "debatekit", "build", str(outline), "--only", "slides", "--lang", lang,
                "--force", "--out", str(out), "--quiet"]
        subprocess.run(ours, cwd=work, env=env, check=True, capture_output=True)  # compiles the bytecode
        if baseline is not None:
            base = [str(work / "base") if part == str(out) else part for part in ours]
            subprocess.run(base, cwd=work, env=envs["baseline"], check=True, capture_output=True)
        markdown = work / f"deck-{lang}.md"
        markdown.write_text(deck_markdown(next(out.glob("*/*.pptx"))), "utf-8")
        theirs = ["pandoc", "-o", str(work / f"pandoc-{lang}.pptx"), str(markdown)]
        subprocess.run(theirs, cwd=work, check=True)
        commands[lang] = (ours, theirs)
    times = {lang: {side: [] for side in [*envs, "debatekit_watch"]} for lang in LANGS}
    watchers = {lang: _watcher(outline, lang, work, env) for lang in LANGS}
    try:
        for run in range(runs):
            for lang in LANGS:
                ours, theirs = commands[lang]
                first = [str(work / "first") if part == str(work / f"deck-{lang}") else part for part in ours]
                sides = [("debatekit", ours), ("debatekit_first", first), ("pandoc", theirs),
                         ("debatekit_watch", watchers[lang])]
                if baseline is not None:
                    sides.append(("baseline", [str(work / "base") if part == str(work / f"deck-{lang}") else part
                                               for part in ours]))
                for side, command in sides if run % 2 == 0 else sides[::-1]:
                    if side == "debatekit_watch":
                        times[lang][side].append(_watched_edit(command))
                        continue
                    shutil.rmtree(work / "first", ignore_errors=True)
                    times[lang][side].append(measure(command, work, envs[side])[0])
    finally:
        for watcher in watchers.values():
            watcher.stdin.close()
            watcher.wait()
    from pptx import Presentation

    report = {}
    for lang in LANGS:
        ours = statistics.median(times[lang]["debatekit"])
        first = statistics.median(times[lang]["debatekit_first"])
        watched = statistics.median(times[lang]["debatekit_watch"])
        theirs = statistics.median(times[lang]["pandoc"])
        report[lang] = {
            "debatekit": ours, "debatekit_first": first, "pandoc": theirs, "runs": runs,
            "ratio": ours / theirs, "ratio_first": first / theirs,
            "debatekit_watch": watched, "ratio_watch": watched / theirs,
            "slides": len(Presentation(str(next((work / f"deck-{lang}").glob("*/*.pptx")))).slides),
            "pandoc_slides": len(Presentation(str(work / f"pandoc-{lang}.pptx")).slides),
            "all": times[lang],
            **({"baseline": statistics.median(times[lang]["baseline"]),
                "ratio_baseline": statistics.median(times[lang]["baseline"]) / theirs} if baseline else {}),
        }
    return report


def print_comparison(report: dict) -> None:
    print("lesson deck against pandoc, same slide texts and notes (median of interleaved runs):")
    for lang, row in report.items():
        print(f"  {lang}: pandoc {row['pandoc']:.3f} s ({row['pandoc_slides']} slides); debatekit "
              f"{row['debatekit']:.3f} s ({row['slides']} slides), ratio {row['ratio']:.2f}; first build "
              f"{row['debatekit_first']:.3f} s, ratio {row['ratio_first']:.2f}; after an edit under watch "
              f"{row['debatekit_watch']:.3f} s, ratio {row['ratio_watch']:.2f}  [{row['runs']} runs]")
        if "baseline" in row:
            print(f"      baseline code: {row['baseline']:.3f} s, ratio {row['ratio_baseline']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each side per language (median)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", type=Path, help="copy the generated Markdown here")
    parser.add_argument("--baseline", type=Path, help="another checkout's src/ to time beside this one (before/after)")
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        raise SystemExit("pandoc is not installed (apt-get install pandoc)")
    with tempfile.TemporaryDirectory(prefix="debatekit-pandoc-") as scratch:
        work = Path(scratch)
        outline = prepare(work)
        start = time.perf_counter()
        report = compare(outline, work, args.runs, args.baseline.resolve() if args.baseline else None)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for lang in LANGS:
                shutil.copy(work / f"deck-{lang}.md", args.keep / f"deck-{lang}.md")
    print_comparison(report)
    print(f"  ({time.perf_counter() - start:.0f} s in all)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    main()
