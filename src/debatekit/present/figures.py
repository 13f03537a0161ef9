"""The outline's figures as chart data: categories, series, unit and an honest caption
saying where the numbers come from and what is known about the claims they cite."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..labels import labels_for
from ..language import profile, unquoted
from ..looks import ACCENT
from ..model import STATUSES, Figure, Outline

# One colour per series, in order, for the deck's charts and the handout's alike.
SERIES_COLOURS = (ACCENT, "8C8C8C", "A64B00", "2E6B30", "5B2C83", "404040")


@dataclass(frozen=True)
class FigureData:
    id: str
    title: str
    unit: str | None
    chart: str                                        # column | bar | line
    categories: tuple[str, ...]                       # point labels, first-seen order
    series: tuple[tuple[str, tuple[float | None, ...]], ...]   # (name, value per category)
    caption: str
    claims: tuple[str, ...]                           # cited claim ids, first-seen order


def figure_data(outline: Outline, figure: Figure, lang: str) -> FigureData:
    categories: list[str] = []
    for s in figure.series:
        for p in s.points:
            if p.label[lang] not in categories:
                categories.append(p.label[lang])
    series = []
    for s in figure.series:
        # A label given twice in one series keeps its last value, as a spreadsheet would.
        by_label = {p.label[lang]: p.value for p in s.points}
        series.append((s.name[lang], tuple(by_label.get(c) for c in categories)))
    claims: list[str] = []
    for s in figure.series:
        for p in s.points:
            if p.claim not in claims:
                claims.append(p.claim)
    unit = figure.unit[lang] if figure.unit is not None else None
    return FigureData(figure.id, figure.title[lang], unit, figure.chart, tuple(categories),
                      tuple(series), caption(outline, claims, lang), tuple(claims))


def all_figures(outline: Outline, lang: str) -> list[FigureData]:
    return [figure_data(outline, f, lang) for f in outline.figures]


def one_measure(data: FigureData) -> FigureData:
    """Series that hold one value each are different measures, not groups of one
    measure: drawn side by side in one category they read as comparable. They become
    one series whose categories are the measures (named with their point's label when
    the points share it, and once when the label only repeats the measure's name), so
    each bar is labelled by what it measures; a label that only repeats words of the
    measure's name, as "insurance" does "rider insurance", is left out)."""
    filled = [[v for v in values if v is not None] for _, values in data.series]
    if len(data.series) < 2 or any(len(values) != 1 for values in filled):
        return data
    categories = []
    for name, values in data.series:
        label = next(c for c, v in zip(data.categories, values) if v is not None)
        if repeats(label, name):
            categories.append(name)
        else:
            categories.append(f"{name} ({label})" if len(data.categories) == 1 else
                              f"{name}, {label}")
    values = tuple(values[0] for values in filled)
    return FigureData(data.id, data.title, data.unit, data.chart, tuple(categories),
                      ((data.unit or data.title, values),), data.caption, data.claims)


def repeats(label: str, name: str) -> bool:
    """Whether a point's label says nothing its series' name does not: every word of it
    is a word of the name ("insurance" of "rider insurance"), or, in a script written
    without spaces, the label is part of the name (保险 of 骑手保险费)."""
    label, name = label.casefold().strip(), name.casefold()
    if not label:
        return False
    words = label.split()
    if len(words) == 1 and not label.isascii() and label in name:
        return True
    return set(words) <= set(re.findall(r"[\w'’-]+", name))


def status_caption(outline: Outline, claim_ids, lang: str) -> str:
    """What is known about the claims a figure cites, without the source (a slide names
    the source in its footer)."""
    return caption(outline, list(claim_ids), lang, with_source=False)


def caption(outline: Outline, claim_ids: list[str], lang: str, with_source: bool = True) -> str:
    w = labels_for(outline, lang)
    src = outline.source
    where = f"{src.publisher}, {cited_title(src.title, lang)}" + (
        f" ({src.published})" if src.published else ""
    )
    numbers = ", ".join(f"#{outline.claim_number(c)}" for c in claim_ids)
    text = w["figure_source"].format(source=where, claims=numbers)
    statuses: dict[str, list[str]] = {}
    for c in claim_ids:
        claim = outline.claim(c)
        statuses.setdefault(claim.fact_status or "stated", []).append(f"#{outline.claim_number(c)}")
    if set(statuses) == {"stated"}:
        known = w["figure_all_stated"]
    else:
        parts = [f"{w[s]} {', '.join(statuses[s])}" for s in STATUSES if s in statuses]
        known = w["figure_statuses"].format(statuses="; ".join(parts))
    return _sentences(text, known) if with_source else known


def inner_quotes(text: str) -> str:
    """Text to be set inside double quotes: its own double quotes become single ones, and
    a pair that encloses all of it goes (the new pair replaces it)."""
    return unquoted(text).replace("“", "‘").replace("”", "’")


def cited_title(title: str, lang: str) -> str:
    """A work's title as cited in running text, in the marks of ``lang``."""
    return profile(lang).cited_title(title)


def _sentences(first: str, second: str) -> str:
    """Join two sentences; full-width punctuation already carries its own space."""
    return first + ("" if first.endswith(("。", "！", "？")) else " ") + second
