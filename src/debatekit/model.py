"""The outline model: typed, immutable, and ignorant of files and output formats.

Types and shapes are enforced here; rules that look across the outline (ids, references,
translations, quotes against the source) live in ``checks``.
"""

from __future__ import annotations

from functools import cached_property
from types import MappingProxyType
from typing import Annotated, Literal, Mapping, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, StringConstraints

from .text import LANG_PATTERN, Text

FORMAT = "debatekit/1"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Str = Annotated[str, Strict(), StringConstraints(min_length=1)]
Id = Annotated[str, Strict(), StringConstraints(pattern=ID_PATTERN)]
Lang = Annotated[str, Strict(), StringConstraints(pattern=LANG_PATTERN)]
Kind = Literal["fact", "opinion", "prediction"]
Status = Literal["stated", "verified", "disputed", "false"]
KINDS: tuple[Kind, ...] = ("fact", "opinion", "prediction")
STATUSES: tuple[Status, ...] = ("stated", "verified", "disputed", "false")


class Node(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Check(Node):
    note: Text
    sources: tuple[Str, ...] = Field(min_length=1)


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


class Lesson(Node):
    level: Optional[Text] = None
    minutes: Optional[Annotated[int, Strict(), Field(gt=0, le=100000)]] = None
    objectives: tuple[Text, ...] = ()


class FigurePoint(Node):
    label: Str
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


Labels = Annotated[
    dict[Lang, dict[Str, Annotated[str, Strict()]]], AfterValidator(_freeze_labels)
]


class Style(Node):
    paper: Literal["a4", "letter"] = "a4"
    template: Optional[Str] = None
    fonts: Fonts = Fonts()
    labels: Labels = Field(default_factory=dict)


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
    style: Style = Style()

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
