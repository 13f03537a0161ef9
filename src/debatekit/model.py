"""The outline model: typed, immutable, and ignorant of files and output formats.

Types and shapes are enforced here; rules that look across the outline (ids, references,
translations, quotes against the source) live in ``checks``.
"""

from __future__ import annotations

from functools import cached_property
from types import MappingProxyType
from typing import Annotated, Literal, Mapping, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, Strict, StringConstraints

from .text import LANG_PATTERN, Text

FORMAT = "debatekit/1"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Str = Annotated[str, Strict(), StringConstraints(min_length=1)]
Id = Annotated[str, Strict(), StringConstraints(pattern=ID_PATTERN)]
Lang = Annotated[str, Strict(), StringConstraints(pattern=LANG_PATTERN)]
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


# A mapping from language code to one string (a file path, a translation of a quote).
LangMap = Annotated[dict[Lang, Str], AfterValidator(FrozenMap), PlainSerializer(dict, return_type=dict)]


class Node(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Check(Node):
    note: Text
    sources: tuple[Str, ...] = Field(min_length=1)


class Accept(Node):
    """Another label a teacher should accept for a borderline claim, and why."""

    kind: Kind
    why: Text


class Claim(Node):
    id: Id
    kind: Kind
    status: Optional[Status] = None
    text: Text
    quote: Optional[Str] = None
    speaker: Optional[Text] = None
    signals: tuple[Str, ...] = ()
    why: Optional[Text] = None
    check: Optional[Check] = None
    accept: tuple[Accept, ...] = ()
    quote_translation: LangMap = Field(default_factory=FrozenMap)
    supports: tuple[Id, ...] = ()
    challenges: tuple[Id, ...] = ()
    notes: Optional[Text] = None

    @property
    def fact_status(self) -> Optional[Status]:
        """The status students see: facts default to ``stated``, other kinds have none."""
        if self.kind != "fact":
            return None
        return self.status or "stated"


class Strand(Node):
    id: Id
    title: Text
    summary: Optional[Text] = None
    claims: tuple[Claim, ...] = Field(min_length=1)


class Source(Node):
    path: Str
    title: Str
    publisher: Str
    url: Optional[Str] = None
    author: Optional[Str] = None
    language: Lang
    published: Optional[Str] = None
    accessed: Optional[Str] = None
    perspective: Optional[Text] = None
    translations: LangMap = Field(default_factory=FrozenMap)


class Lesson(Node):
    level: Optional[Text] = None
    minutes: Optional[Annotated[int, Strict(), Field(gt=0, le=100000)]] = None
    objectives: tuple[Text, ...] = ()
    # the bounds are checked with located messages in `checks`; the schema shows them to editors
    exercise: tuple[Id, ...] = Field((), json_schema_extra={"minItems": EXERCISE_MIN, "maxItems": EXERCISE_MAX})


class FigurePoint(Node):
    # a category: a plain string serves every language ("2025"); a mapping gives each
    # language its own words ({zh: 电动公交, en: e-buses})
    label: Text
    value: Annotated[float, Strict()]
    claim: Id


class Series(Node):
    name: Text
    points: tuple[FigurePoint, ...] = Field(min_length=1)


class Figure(Node):
    id: Id
    title: Text
    unit: Optional[Text] = None
    chart: Literal["column", "bar", "line"] = "column"
    series: tuple[Series, ...] = Field(min_length=1)


class DebatePoint(Node):
    """Either a claim taken from the outline (``claim``) or the teacher's own (``point``)."""

    claim: Optional[Id] = None
    use: Optional[Text] = None
    point: Optional[Text] = None
    kind: Optional[Kind] = None
    status: Optional[Status] = None
    sources: tuple[Str, ...] = ()


class Debate(Node):
    id: Id
    motion: Text
    context: Optional[Text] = None
    pro: tuple[DebatePoint, ...] = ()
    con: tuple[DebatePoint, ...] = ()
    questions: tuple[Text, ...] = ()


class GlossaryEntry(Node):
    term: Text
    definition: Text


class Fonts(Node):
    latin: Optional[Str] = None
    east_asian: Optional[Str] = None


def _freeze_labels(value: Mapping[str, Mapping[str, str]]) -> Mapping[str, Mapping[str, str]]:
    return MappingProxyType({lang: MappingProxyType(dict(words)) for lang, words in value.items()})


def _plain_labels(value: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    return {lang: dict(words) for lang, words in value.items()}


# Frozen once read, and plain dicts again in JSON: worker processes get the outline as JSON.
Labels = Annotated[
    dict[Lang, dict[Str, Annotated[str, Strict()]]],
    AfterValidator(_freeze_labels),
    PlainSerializer(_plain_labels, return_type=dict),
]


class Style(Node):
    paper: Literal["a4", "letter"] = "a4"
    template: Optional[Str] = None
    # lesson: the deck a class is taught from; full: the same with every claim's own
    # slide appended as an appendix
    deck: Literal["lesson", "full"] = "lesson"
    # made without validation: validating here would build the validators of every
    # model at import, which a build reading a remembered outline never needs
    fonts: Fonts = Fonts.model_construct()
    labels: Labels = Field(default_factory=dict)
    # which statements the quiz exports ask about: the exercise, or every claim
    quiz: Literal["exercise", "all"] = "exercise"


class Outline(Node):
    format: Literal["debatekit/1"]
    id: Id
    languages: tuple[Lang, ...] = Field(min_length=1)
    title: Text
    subtitle: Optional[Text] = None
    source: Source
    lesson: Optional[Lesson] = None
    thesis: Text
    strands: tuple[Strand, ...] = Field(min_length=1)
    figures: tuple[Figure, ...] = ()
    debates: tuple[Debate, ...] = ()
    questions: tuple[Text, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    style: Style = Style.model_construct()  # see Style.fonts

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
