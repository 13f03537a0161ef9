"""The outline model: typed, immutable, and ignorant of files, output formats and
validation.

This is what the writers read. Its classes are plain Python: the types, constraints and
defaults an outline is validated against are in ``shape`` (pydantic models, which also
make the JSON Schema), and a validated outline is turned into these classes. So a build
that reuses a remembered outline never imports pydantic. Rules that look across the
outline (ids, references, translations, quotes against the source) live in ``checks``.
"""

from __future__ import annotations

import copyreg
from functools import cached_property
from types import MappingProxyType
from typing import Any, ClassVar, Literal, Mapping, Optional

from .text import LANG_PATTERN, Text

__all__ = ["LANG_PATTERN"]  # re-exported: the scaffold reads both patterns from here

FORMAT = "debatekit/1"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Kind = Literal["fact", "opinion", "prediction"]
Status = Literal["stated", "verified", "disputed", "misleading", "false"]
KINDS: tuple[Kind, ...] = ("fact", "opinion", "prediction")
STATUSES: tuple[Status, ...] = ("stated", "verified", "disputed", "misleading", "false")
# Statuses that say the source is not simply right: each needs a check with sources.
CHECKED_STATUSES: tuple[Status, ...] = ("verified", "disputed", "misleading", "false")
# How many claims a class classifies: the bounds of `lesson.exercise`, and the default pick.
EXERCISE_MIN, EXERCISE_MAX, EXERCISE_DEFAULT = 6, 15, 12


class FrozenMap(Mapping[str, str]):
    """An immutable, hashable mapping: claims are hashed (sets, caches), so their fields
    must be too."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, str] | None = None):
        object.__setattr__(self, "_data", dict(data or {}))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("FrozenMap is immutable")

    def __reduce__(self):
        # pickled by its data (a build remembers validated outlines), since the
        # default would set the slot that ``__setattr__`` refuses
        return FrozenMap, (self._data,)

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(tuple(self._data.items()))

    def __eq__(self, other: object) -> bool:
        return dict(self._data) == dict(other) if isinstance(other, Mapping) else NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


def _mapping_proxy(data: dict) -> MappingProxyType:
    return MappingProxyType(data)


# The read-only views the model holds (the style's label tables) pickle as the dicts they
# show: builds remember outlines and send them to worker processes pickled.
copyreg.pickle(MappingProxyType, lambda view: (_mapping_proxy, (dict(view),)))


class Node:
    """An object of the model: its fields are the class's annotations, in order; it is
    immutable, equal to another of its class with equal fields, and hashable (claims go
    into sets and caches). Made by ``shape.to_model`` from a validated outline.

    Validating data into the model and dumping it as data are the reader's (``shape``).
    """

    FIELDS: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.FIELDS = tuple(cls.__dict__.get("__annotations__", {}))

    @classmethod
    def made(cls, values: Mapping[str, Any]) -> Any:
        """An object holding ``values`` (every field), not validated."""
        node = object.__new__(cls)
        node.__dict__.update(values)
        return node

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _values(self) -> tuple:
        return tuple(self.__dict__[name] for name in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({shown})"

    def __getstate__(self) -> dict:
        # the fields only: what cached properties computed is made again when asked
        return {name: self.__dict__[name] for name in self.FIELDS}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Any:
        """A copy with some fields replaced, not validated (as pydantic's is not)."""
        return self.made({**self.__getstate__(), **(update or {})})


class Check(Node):
    note: Text
    sources: tuple[str, ...]


class Accept(Node):
    """Another label a teacher should accept for a borderline claim, and why."""

    kind: Kind
    why: Text


class Claim(Node):
    id: str
    kind: Kind
    status: Optional[Status]
    text: Text
    quote: Optional[str]
    speaker: Optional[Text]
    signals: tuple[str, ...]
    why: Optional[Text]
    check: Optional[Check]
    accept: tuple[Accept, ...]
    quote_translation: Mapping[str, str]
    supports: tuple[str, ...]
    challenges: tuple[str, ...]
    notes: Optional[Text]

    @property
    def fact_status(self) -> Optional[Status]:
        """The status students see: facts default to ``stated``, other kinds have none."""
        if self.kind != "fact":
            return None
        return self.status or "stated"


class Strand(Node):
    id: str
    title: Text
    summary: Optional[Text]
    claims: tuple[Claim, ...]


class Source(Node):
    path: str
    title: str
    publisher: str
    url: Optional[str]
    author: Optional[str]
    language: str
    published: Optional[str]
    accessed: Optional[str]
    perspective: Optional[Text]
    translations: Mapping[str, str]


class Lesson(Node):
    level: Optional[Text]
    minutes: Optional[int]
    objectives: tuple[Text, ...]
    exercise: tuple[str, ...]


class FigurePoint(Node):
    # a category: a plain string serves every language ("2025"); a mapping gives each
    # language its own words ({zh: 电动公交, en: e-buses})
    label: Text
    value: float
    claim: str


class Series(Node):
    name: Text
    points: tuple[FigurePoint, ...]


class Figure(Node):
    id: str
    title: Text
    unit: Optional[Text]
    chart: Literal["column", "bar", "line"]
    series: tuple[Series, ...]


class DebatePoint(Node):
    """Either a claim taken from the outline (``claim``) or the teacher's own (``point``)."""

    claim: Optional[str]
    use: Optional[Text]
    point: Optional[Text]
    kind: Optional[Kind]
    status: Optional[Status]
    sources: tuple[str, ...]


class Debate(Node):
    id: str
    motion: Text
    context: Optional[Text]
    pro: tuple[DebatePoint, ...]
    con: tuple[DebatePoint, ...]
    questions: tuple[Text, ...]


class GlossaryEntry(Node):
    term: Text
    definition: Text


class Fonts(Node):
    latin: Optional[str]
    east_asian: Optional[str]


class Style(Node):
    paper: Literal["a4", "letter"]
    template: Optional[str]
    deck: Literal["lesson", "full"]     # full: the lesson with every claim's slides appended
    fonts: Fonts
    labels: Mapping[str, Mapping[str, str]]
    quiz: Literal["exercise", "all"]    # which statements the quiz exports ask about


class Outline(Node):
    format: str
    id: str
    languages: tuple[str, ...]
    title: Text
    subtitle: Optional[Text]
    source: Source
    lesson: Optional[Lesson]
    thesis: Text
    strands: tuple[Strand, ...]
    figures: tuple[Figure, ...]
    debates: tuple[Debate, ...]
    questions: tuple[Text, ...]
    glossary: tuple[GlossaryEntry, ...]
    style: Style

    @property
    def main_language(self) -> str:
        return self.languages[0]

    @cached_property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim, in outline order."""
        return tuple(claim for strand in self.strands for claim in strand.claims)

    @cached_property
    def _claims_by_id(self) -> Mapping[str, Claim]:
        return MappingProxyType({claim.id: claim for claim in self.claims})

    @cached_property
    def _strand_by_claim(self) -> Mapping[str, Strand]:
        return MappingProxyType({c.id: s for s in self.strands for c in s.claims})

    def claim(self, claim_id: str) -> Claim:
        return self._claims_by_id[claim_id]

    def strand_of(self, claim_id: str) -> Strand:
        return self._strand_by_claim[claim_id]

    @cached_property
    def _numbers(self) -> Mapping[str, int]:
        return MappingProxyType({claim.id: i for i, claim in enumerate(self.claims, 1)})

    @cached_property
    def _strand_numbers(self) -> Mapping[str, int]:
        return MappingProxyType({strand.id: i for i, strand in enumerate(self.strands, 1)})

    def strand_number(self, strand_id: str) -> int:
        """1-based position of a strand in the outline."""
        return self._strand_numbers[strand_id]

    def claim_number(self, claim_id: str) -> int:
        """1-based position of a claim in the outline, as worksheets number them."""
        return self._numbers[claim_id]

    @property
    def exercise_given(self) -> bool:
        """Whether `lesson.exercise` chooses the exercise (else the default pick does)."""
        return self.lesson is not None and bool(self.lesson.exercise)

    @cached_property
    def exercise_claims(self) -> tuple[Claim, ...]:
        """The claims the class classifies: `lesson.exercise` in its order, or the
        default pick (see ``default_exercise``) in outline order."""
        if self.exercise_given:
            ids = dict.fromkeys(self.lesson.exercise)  # type: ignore[union-attr]
            return tuple(self._claims_by_id[i] for i in ids if i in self._claims_by_id)
        return default_exercise(self.strands)

    @cached_property
    def extension_claims(self) -> tuple[Claim, ...]:
        """Every claim not in the exercise, in outline order."""
        chosen = {claim.id for claim in self.exercise_claims}
        return tuple(claim for claim in self.claims if claim.id not in chosen)


def default_exercise(strands: tuple[Strand, ...], size: int = EXERCISE_DEFAULT) -> tuple[Claim, ...]:
    """The exercise when the outline names none: ``size`` claims (all when there are no
    more), spread over strands and kinds, listed in outline order.

    Strands take turns in outline order, one claim per turn, skipping strands with nothing
    left. On its turn a strand gives its first unchosen claim of the kind chosen least so
    far (ties: fact, opinion, prediction); if it has none of that kind left, of the next
    least chosen kind.
    """
    remaining = [list(strand.claims) for strand in strands]
    total = sum(len(claims) for claims in remaining)
    counts = {kind: 0 for kind in KINDS}
    chosen: set[str] = set()
    while len(chosen) < min(size, total):
        for claims in remaining:
            if not claims or len(chosen) == min(size, total):
                continue
            for kind in sorted(KINDS, key=lambda k: (counts[k], KINDS.index(k))):
                pick = next((c for c in claims if c.kind == kind), None)
                if pick is not None:
                    claims.remove(pick)
                    chosen.add(pick.id)
                    counts[kind] += 1
                    break
    return tuple(claim for strand in strands for claim in strand.claims if claim.id in chosen)
