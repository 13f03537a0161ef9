"""How well `debatekit new` reads an article: run `python benchmarks/suggestions.py`.

The articles in ``benchmarks/labelled/`` were written for this benchmark and labelled by
hand, one sentence per line (``LABEL<TAB>text``; see ``labelled/dev/en-phones.txt``), in
three sets written at three times:

- ``dev/``: written first; the suggestion rules were written while looking at them;
- ``round2/``: written after the first rules and measured untouched (75% and 76%), then
  used for a second round of rules, so no longer a fair test;
- ``round3/``: written after the second round and measured untouched (56% and 77%), then
  used for a third round;
- ``round4/``: written after the third round and measured untouched (75% and 73%), then
  used for a fourth round (a sentence with nothing to check it by, no number, name,
  reported event or completed act, is suggested as an opinion);
- ``round5/``: written after the fourth round and measured untouched (78% and 81%), then
  used for a last, small round;
- ``held-out/``: written after the last rule and never used to change one: its figure is
  the honest one.

For each set and language the script reports:

- kind accuracy: the share of sentences whose suggested kind (``scaffold.suggest``) is the
  hand label, overall and per label, with ``--show`` listing every miss;
- sentence splitting: whether the article, put back together, splits into exactly the
  labelled sentences (a quotation cut in two counts as a miss);
- the title, byline and headings: whether the headline became the title, the byline the
  author (and never a strand), and the subheadings the strands.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from debatekit import scaffold  # noqa: E402

LABELLED = Path(__file__).resolve().parent / "labelled"
KINDS = ("fact", "opinion", "prediction")


def read_labelled(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """The article's language (from the file name) and its (label, text) lines, with
    ``("", "")`` for each paragraph break."""
    lines: list[tuple[str, str]] = []
    for raw in path.read_text("utf-8").splitlines():
        if raw.startswith("#"):
            continue
        if not raw.strip():
            lines.append(("", ""))
            continue
        label, text = raw.split("\t", 1)
        lines.append((label, text))
    return path.name.split("-")[0], lines


def article_text(lang: str, lines: list[tuple[str, str]]) -> str:
    """The article as a teacher would paste it: each paragraph's sentences joined, and each
    title, byline, dateline and heading on a paragraph of its own."""
    joiner = "" if lang == "zh" else " "
    paragraphs: list[str] = []
    current: list[str] = []
    for label, text in lines:
        if label in KINDS:
            current.append(text)
            continue
        if current:
            paragraphs.append(joiner.join(current))
            current = []
        if text:
            paragraphs.append(text)
    if current:
        paragraphs.append(joiner.join(current))
    return "\n\n".join(paragraphs) + "\n"


def evaluate(files: list[Path], show: bool) -> dict[str, dict]:
    results: dict[str, dict] = defaultdict(lambda: {"right": 0, "total": 0, "per_label": Counter(), "per_label_right": Counter(),
                                                    "articles": 0, "split_exact": 0, "titles": 0, "bylines": 0,
                                                    "headings": 0, "misses": []})
    for path in files:
        lang, lines = read_labelled(path)
        result = results[lang]
        result["articles"] += 1
        sentences = [(label, text) for label, text in lines if label in KINDS]
        for label, text in sentences:
            kind = scaffold.suggest(text, lang).kind
            result["total"] += 1
            result["per_label"][label] += 1
            if kind == label:
                result["right"] += 1
                result["per_label_right"][label] += 1
            else:
                result["misses"].append(f"{path.name}: {label} suggested as {kind}: {text}")
        text = article_text(lang, lines)
        title, sections = scaffold.read_structure(text, lang)[:2]
        split = [s for section in sections for s in section.sentences]
        if split == [t for _, t in sentences]:
            result["split_exact"] += 1
        elif show:
            expected = [t for _, t in sentences]
            wrong = [s for s in split if s not in expected]
            result["misses"].append(f"{path.name}: split differs, e.g. {wrong[:2]}")
        labelled = {label: [t for lab, t in lines if lab == label] for label in ("title", "byline", "heading")}
        if labelled["title"] and title == labelled["title"][0]:
            result["titles"] += 1
        headings = [s.heading for s in sections if s.heading]
        if headings == labelled["heading"]:
            result["headings"] += 1
        author = getattr(scaffold, "read_byline", None)
        byline = labelled["byline"][0] if labelled["byline"] else None
        if author is not None and byline is not None:
            found = author(text, lang)
            if found and found in byline and all(byline not in (s.heading or "") for s in sections):
                result["bylines"] += 1
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="list every sentence whose suggested kind is not its label")
    args = parser.parse_args()
    for name in ("dev", "round2", "round3", "round4", "round5", "held-out"):
        folder = LABELLED / name
        report(name, evaluate(sorted(folder.glob("*.txt")), args.show), args.show)


def report(name: str, results: dict[str, dict], show: bool) -> None:
    for lang, r in sorted(results.items()):
        share = r["right"] / r["total"]
        per = ", ".join(f"{k} {r['per_label_right'][k]}/{r['per_label'][k]}" for k in KINDS)
        print(f"{name} {lang}: kinds {r['right']}/{r['total']} = {share:.0%} ({per}); "
              f"split exact {r['split_exact']}/{r['articles']}; title {r['titles']}/{r['articles']}; "
              f"byline {r['bylines']}/{r['articles']}; headings {r['headings']}/{r['articles']}")
        if show:
            for miss in r["misses"]:
                print("  " + miss)


if __name__ == "__main__":
    main()
