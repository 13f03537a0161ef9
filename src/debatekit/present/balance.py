"""How many facts, opinions and predictions each strand holds, and a question about it."""

from __future__ import annotations

from dataclasses import dataclass

from ..labels import labels_for
from ..model import KINDS, Outline
from .figures import inner_quotes

# Opinion bars are lighter than the opinion colour, so stacked kinds differ in greyscale.
OPINION_BAR_FILL = "E0A370"

@dataclass(frozen=True)
class Balance:
    title: str
    categories: tuple[str, ...]                          # strand titles, outline order
    series: tuple[tuple[str, str, tuple[int, ...]], ...]  # (kind, kind's word, counts)
    prompt: str                                          # one line for students
    axis_title: str

    def counts(self, kind: str) -> tuple[int, ...]:
        return next(values for k, _, values in self.series if k == kind)


def kind_counts(claims) -> dict[str, int]:
    """How many of ``claims`` are of each kind (every kind present, zeros included)."""
    return {k: sum(c.kind == k for c in claims) for k in KINDS}


def strand_counts(outline: Outline) -> list[dict[str, int]]:
    return [kind_counts(s.claims) for s in outline.strands]


def balance(outline: Outline, lang: str) -> Balance:
    w = labels_for(outline, lang)
    counts = strand_counts(outline)
    categories = tuple(s.title[lang] for s in outline.strands)
    series = tuple((k, w[k], tuple(c[k] for c in counts)) for k in KINDS)
    return Balance(w["balance"], categories, series, _prompt(w, categories, counts),
                   w["balance_count"])


MEANINGFUL_SHARE = 3     # claims a strand needs before its share says something


def _prompt(w, categories, counts) -> str:
    """Point students at the strand leaning most on opinions and predictions (largest
    share, then largest number, then earliest), or at the facts when there are none. A
    strand of one or two claims is a share of almost nothing ("1 of 1 claims"): it is
    pointed at only when no strand is longer."""
    longer = [i for i, c in enumerate(counts) if sum(c.values()) >= MEANINGFUL_SHARE]
    best = None
    for i, c in enumerate(counts):
        if longer and i not in longer:
            continue
        total = sum(c.values())
        judged = c["opinion"] + c["prediction"]
        key = (judged / total if total else 0.0, judged, -i)
        if judged and (best is None or key > best[0]):
            best = (key, i, judged, total)
    if best is None:
        return w["balance_prompt_facts"]
    _, i, judged, total = best
    # the prompt sets the title in double quotes
    return w["balance_prompt"].format(strand=inner_quotes(categories[i]), n=judged, total=total)
