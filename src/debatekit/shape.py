"""The outline's shape: its types, constraints and defaults as pydantic models.

The reader validates an outline against these classes (every problem located) and the
JSON Schema is made from them; a validated outline then becomes the model the writers
read (``to_model``), whose classes in ``model`` are plain Python. Keeping pydantic here
lets a build that reuses a remembered outline run without importing it. Each class here
has a namesake in ``model`` with the same fields in the same order (a test holds them
together).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Annotated, Any, Literal, Mapping, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, Strict, StringConstraints

from . import model
from .model import EXERCISE_MAX, EXERCISE_MIN, ID_PATTERN, FrozenMap, Kind, Status
from .text import LANG_PATTERN, Text

Str = Annotated[str, Strict(), StringConstraints(min_length=1)]
Id = Annotated[str, Strict(), StringConstraints(pattern=ID_PATTERN)]
Lang = Annotated[str, Strict(), StringConstraints(pattern=LANG_PATTERN)]


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


# -- between the shape and the model --------------------------------------------------------

SHAPES: dict[str, type[Node]] = {cls.__name__: cls for cls in Node.__subclasses__()}


def to_model(value: Any) -> Any:
    """A validated value as the model holds it: each pydantic object becomes its plain
    namesake in ``model``, with the same field values."""
    if isinstance(value, BaseModel):
        plain = getattr(model, type(value).__name__)
        return plain.made({name: to_model(getattr(value, name)) for name in plain.FIELDS})
    if isinstance(value, tuple):
        return tuple(to_model(item) for item in value)
    return value


def from_model(value: Any) -> Any:
    """The model's object as its pydantic namesake, without validating it again (for
    dumping it as data or JSON)."""
    if isinstance(value, model.Node):
        shape = SHAPES[type(value).__name__]
        return shape.model_construct(**{name: from_model(getattr(value, name))
                                        for name in type(value).FIELDS})
    if isinstance(value, tuple):
        return tuple(from_model(item) for item in value)
    return value


def validate(plain: type, data: Any, json: bool = False) -> Any:
    """``data`` (or a JSON text) validated as the model's class ``plain``; pydantic's
    ValidationError when it does not fit."""
    shape = SHAPES[plain.__name__]
    return to_model(shape.model_validate_json(data) if json else shape.model_validate(data))


def dump(node: Any, **options: Any) -> dict:
    """The model's object as plain data (pydantic's ``model_dump`` options)."""
    return from_model(node).model_dump(**options)


def dump_json(node: Any, **options: Any) -> str:
    return from_model(node).model_dump_json(**options)
