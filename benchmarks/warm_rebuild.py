"""A teacher's edit under `debatekit watch`, timed: the child process behind the "watch"
side of `deck_vs_pandoc.py`.

`python benchmarks/warm_rebuild.py OUTLINE LANG OUT` builds the lesson deck once, as
`watch` does when it starts, then waits on standard input. Each line it reads is one
round: the outline's title in the deck's language is edited, alternately
lengthened and restored, and the deck is rebuilt in this process through the same call
`watch` makes after a save (the outline read, validated and checked again, then the
deck rendered and written). It says `ready` once started, then answers each line with
the rebuild's wall seconds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml


def main() -> None:
    outline, lang, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    from debatekit.build import run
    from debatekit.job import BuildOptions

    options = BuildOptions(out_dir=out, langs=(lang,), only=("slides",), jobs=1)
    problems: list[str] = []
    if not run([outline], options, None, problems.append):
        raise SystemExit("\n".join(problems))
    text = outline.read_text("utf-8")
    data = yaml.safe_load(text)
    title = data["title"].get(lang) or data["title"][data["languages"][0]]
    edited = text.replace(title, title + " (2)", 1)
    print("ready", flush=True)
    for round_number, _line in enumerate(sys.stdin):
        outline.write_text(edited if round_number % 2 == 0 else text, "utf-8")
        start = time.perf_counter()
        ok = run([outline], options, None, problems.append)
        elapsed = time.perf_counter() - start
        if not ok:
            raise SystemExit("\n".join(problems))
        print(f"{elapsed:.6f}", flush=True)
    outline.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
