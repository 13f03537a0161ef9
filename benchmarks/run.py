"""Benchmarks for debatekit's build pipeline: run `python benchmarks/run.py` from anywhere.

Every figure is the median wall time (and the peak resident memory) of separate child
processes, and is also given as a ratio to a reference measured in the same run on the
same machine: `python -c "import yaml, click"`, i.e. starting Python with the two
libraries every command needs. Work happens in a temporary folder; the repository is
not touched.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "outlines" / "tiktok-us-deal.yaml"
DEBATEKIT = [sys.executable, "-m", "debatekit"]


class Failed(Exception):
    """A measured command failed: reported in its row, the other measurements go on."""


def measure(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident KiB of one child process; fails loudly if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode != 0:
        raise Failed(f"exit {process.returncode}: {' '.join(command[2:])}\n{error.strip()}")
    peak = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return elapsed, peak


def median_of(runs: int, command: list[str], cwd: Path, before=None) -> dict:
    """Median wall time and largest peak memory over runs (peak: of the largest single
    process, the command or one of its worker processes, as wait4 reports it)."""
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        seconds, peak = measure(command, cwd)
        times.append(seconds)
        peaks.append(peak)
    return {"seconds": statistics.median(times), "min": min(times), "peak_mib": max(peaks) / 1024, "runs": runs}


# -- the working folder ------------------------------------------------------------------

def prepare(work: Path) -> Path:
    """Copy the flagship and its source into work/; returns the outline's copy."""
    data = yaml.safe_load(FLAGSHIP.read_text("utf-8"))
    source = (FLAGSHIP.parent / data["source"]["path"]).resolve()
    (work / "outlines").mkdir(parents=True)
    (work / "seeds").mkdir()
    shutil.copy(source, work / "seeds" / source.name)
    text = FLAGSHIP.read_text("utf-8").replace(data["source"]["path"], f"../seeds/{source.name}")
    for translation in (data["source"].get("translations") or {}).values():
        copied = (FLAGSHIP.parent / translation).resolve()
        shutil.copy(copied, work / "seeds" / copied.name)
        text = text.replace(translation, f"../seeds/{copied.name}")
    template = (data.get("style") or {}).get("template")
    if template:
        shutil.copy(FLAGSHIP.parent / template, work / "outlines" / Path(template).name)
        text = text.replace(template, Path(template).name)
    outline = work / "outlines" / FLAGSHIP.name
    outline.write_text(text, "utf-8")
    return outline


def synthetic(outline: Path, factor: int, claims: int | None = None) -> Path:
    """The outline with its strands repeated to `factor` times the claims, ids renamed,
    then trimmed from the end to `claims` claims if given (originals are never trimmed,
    so figures and debates keep their references)."""
    data = yaml.safe_load(outline.read_text("utf-8"))
    originals = copy.deepcopy(data["strands"])
    for copy_number in range(1, factor):
        renamed = {c["id"]: f"{c['id']}-x{copy_number}" for s in originals for c in s["claims"]}
        for strand in copy.deepcopy(originals):
            strand["id"] = f"{strand['id']}-x{copy_number}"
            for claim in strand["claims"]:
                claim["id"] = renamed[claim["id"]]
                for relation in ("supports", "challenges"):
                    if relation in claim:
                        claim[relation] = [renamed.get(i, i) for i in claim[relation]]
            data["strands"].append(strand)
    if claims is not None:
        total = sum(len(s["claims"]) for s in data["strands"])
        while total > claims and len(data["strands"]) > len(originals):
            last = data["strands"][-1]
            last["claims"].pop()
            total -= 1
            if not last["claims"]:
                data["strands"].pop()
        kept = {c["id"] for s in data["strands"] for c in s["claims"]}
        for strand in data["strands"]:
            for claim in strand["claims"]:
                for relation in ("supports", "challenges"):
                    if relation in claim:
                        claim[relation] = [i for i in claim[relation] if i in kept]
    suffix = f"x{factor}" if claims is None else f"c{claims}"
    data["id"] = f"{data['id']}-{suffix}"
    path = outline.with_name(f"{outline.stem}-{suffix}.yaml")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), "utf-8")
    return path


def claims_in(outline: Path) -> int:
    return sum(len(s["claims"]) for s in yaml.safe_load(outline.read_text("utf-8"))["strands"])


class Toggle:
    """Edits one Chinese text back and forth, so every run rebuilds after a real edit."""

    def __init__(self, outline: Path):
        self.outline = outline
        self.original = outline.read_text("utf-8")
        first_claim = yaml.safe_load(self.original)["strands"][0]["claims"][0]
        self.old = first_claim["text"]["zh"]
        self.edited = False

    def __call__(self) -> None:
        text = self.original if self.edited else self.original.replace(self.old, self.old + "（改）", 1)
        self.outline.write_text(text, "utf-8")
        self.edited = not self.edited


# -- the deck and its maps -----------------------------------------------------------------

MAP_TIMER = """
import json, statistics, sys, time
from pathlib import Path
from debatekit import textfit
from debatekit.reader import read_outline
from debatekit.present import argmap
from debatekit.slides.visual_slides import MAP_STYLE
outline = read_outline(Path(sys.argv[1])).outline
times = []
for _ in range(int(sys.argv[2])):
    textfit.forget()   # each run measures its texts afresh, as a build does
    start = time.perf_counter()
    argmap.map_pages(outline, "zh", 864, 380, MAP_STYLE)
    times.append(time.perf_counter() - start)
print(json.dumps({"seconds": statistics.median(times), "runs": len(times)}))
"""


def map_layout(outline: Path, runs: int) -> dict:
    """Median seconds of laying out every argument map of an outline (the appendix's and
    the handout's maps: overview and strand pages), timed inside one child process, each
    run with the text measure's memory emptied first: otherwise a small outline's texts
    stay remembered from run to run and a big one's do not, and the cost per claim would
    compare a warm run with a cold one."""
    done = subprocess.run([sys.executable, "-c", MAP_TIMER, str(outline), str(runs)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def slide_count(deck: Path) -> int:
    from pptx import Presentation

    return len(Presentation(str(deck)).slides)


# -- the run -----------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per quick measurement (median)")
    parser.add_argument("--build-runs", type=int, default=3, help="runs per full build (median)")
    parser.add_argument("--factors", default="1,5,20", help="scaling factors of the flagship's claims")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not FLAGSHIP.exists():
        raise SystemExit(f"{FLAGSHIP} is missing")

    results: dict = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "system": platform.platform()}}
    with tempfile.TemporaryDirectory(prefix="debatekit-bench-") as scratch:
        work = Path(scratch)
        outline = prepare(work)
        out = work / "output"
        def cold():
            return shutil.rmtree(out, ignore_errors=True)
        build = DEBATEKIT + ["build", str(outline), "--out", str(out), "--quiet"]

        report = results["flagship"] = {"claims": claims_in(outline)}
        report["reference"] = median_of(args.runs, [sys.executable, "-c", "import yaml, click"], work)
        report["cold_build"] = median_of(args.build_runs, build, work, before=cold)
        report["cold_build_one_process"] = median_of(args.build_runs, build + ["--jobs", "1"], work, before=cold)
        report["noop_rebuild"] = median_of(args.runs, build, work)
        toggle = Toggle(outline)
        report["single_edit_rebuild"] = median_of(args.build_runs, build, work, before=toggle)
        if toggle.edited:
            toggle()
        report["validate"] = median_of(args.runs, DEBATEKIT + ["validate", str(outline)], work)
        with_150 = synthetic(outline, -(-150 // report["claims"]), claims=150)
        report["validate_150_claims"] = median_of(args.runs, DEBATEKIT + ["validate", str(with_150)], work)
        writers = json.loads(subprocess.run(
            [sys.executable, "-c", "import json; from debatekit.registry import WRITERS; print(json.dumps(list(WRITERS)))"],
            capture_output=True, text=True, check=True).stdout)
        report["per_writer_cold"] = {
            name: median_of(1, DEBATEKIT + ["build", str(outline), "--out", str(work / f"w-{name}"), "--only", name,
                                            "--quiet", "--force", "--jobs", "1"], work)
            for name in writers
        }

        decks = results["deck"] = {}
        for lang in ("zh", "en"):
            for mode in ("lesson", "full"):
                folder = work / f"deck-{lang}-{mode}"
                figure = median_of(args.build_runs, DEBATEKIT + [
                    "build", str(outline), "--out", str(folder), "--only", "slides", "--lang", lang,
                    "--deck", mode, "--quiet", "--force", "--jobs", "1"], work)
                figure["slides"] = slide_count(next(folder.glob("*/*.pptx")))
                decks[f"{lang} {mode}"] = figure

        scaling = results["scaling"] = {}
        for factor in (int(f) for f in args.factors.split(",")):
            big = outline if factor == 1 else synthetic(outline, factor)
            big_out = work / f"out-x{factor}"
            row = scaling[factor] = {"claims": claims_in(big)}
            row["validate"] = median_of(args.runs, DEBATEKIT + ["validate", str(big)], work)
            row["map_layout"] = map_layout(big, 5)
            try:
                row["cold_build"] = median_of(1, DEBATEKIT + ["build", str(big), "--out", str(big_out), "--quiet"], work,
                                              before=lambda big_out=big_out: shutil.rmtree(big_out, ignore_errors=True))
            except Failed as exc:
                row["cold_build"] = {"failed": str(exc)}

        if shutil.which("pandoc"):
            from deck_vs_pandoc import compare   # the same slide texts and notes, side by side

            results["pandoc"] = compare(outline, work, args.build_runs * 2 + 1)
        else:
            results["pandoc"] = "pandoc is not installed: comparison skipped"

    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", "utf-8")


def print_report(results: dict) -> None:
    machine = results["machine"]
    print(f"Python {machine['python']} on {machine['system']}, {machine['cpus']} CPUs")
    flagship = results["flagship"]
    reference = flagship["reference"]["seconds"]
    print(f"\nflagship: {flagship['claims']} claims (median of runs; ratio to the reference)")
    row = "  {:<28} {:>8.3f} s  {:>6.1f}x  {:>7.1f} MiB peak"
    for name in ("reference", "noop_rebuild", "validate", "validate_150_claims", "single_edit_rebuild", "cold_build", "cold_build_one_process"):
        figure = flagship[name]
        print(row.format(name.replace("_", " "), figure["seconds"], figure["seconds"] / reference, figure["peak_mib"]))
    print("\nper writer, cold, both languages:")
    for name, figure in flagship["per_writer_cold"].items():
        print(row.format(name, figure["seconds"], figure["seconds"] / reference, figure["peak_mib"]))
    print("\nslides (cold, one language, one process):")
    for name, figure in results["deck"].items():
        print(row.format(name, figure["seconds"], figure["seconds"] / reference, figure["peak_mib"])
              + f"  {figure['slides']} slides")
    print("\nmap layout (every map of the outline, in one process):")
    per_claim = {}
    for factor, figure in results["scaling"].items():
        seconds = figure["map_layout"]["seconds"]
        per_claim[factor] = seconds / figure["claims"]
        print(f"  x{factor:<3} {figure['claims']:>5} claims  {seconds * 1000:>8.0f} ms  "
              f"{per_claim[factor] * 1e6:>6.0f} us/claim")
    factors = sorted(per_claim)
    for a, b in zip(factors, factors[1:]):
        print(f"  per claim, x{b} / x{a}: {per_claim[b] / per_claim[a]:.2f}")
    print("\nscaling (cold build of every output, validate):")
    for factor, figure in results["scaling"].items():
        validate = f"validate {figure['validate']['seconds']:.3f} s ({figure['validate']['peak_mib']:.0f} MiB)"
        build = figure["cold_build"]
        if "failed" in build:
            print(f"  x{factor:<3} {figure['claims']:>5} claims  build FAILED  {validate}\n    {build['failed'][:600]}")
            continue
        per_claim = build["seconds"] / figure["claims"] * 1000
        print(f"  x{factor:<3} {figure['claims']:>5} claims  build {build['seconds']:>7.2f} s "
              f"({per_claim:.0f} ms/claim, {build['peak_mib']:.0f} MiB peak)  {validate}")
    pandoc = results["pandoc"]
    if isinstance(pandoc, str):
        print(f"\n{pandoc}")
    else:
        from deck_vs_pandoc import print_comparison

        print()
        print_comparison(pandoc)


if __name__ == "__main__":
    main()
