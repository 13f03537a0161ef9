"""The outline's prose value: one string, or one string per language.

A plain string is stored under the key ``None`` and answers for every language; the
checks refuse it where an outline has several languages, so writers can always ask
``text[lang]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler

# A language code: `zh`, `en`, `pt-BR`. The model checks `languages` against it too.
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"


class Text(Mapping[str, str]):
    """An immutable mapping from language code to string."""

    __slots__ = ("_items",)

    def __init__(self, value: str | Mapping[str, str]):
        if isinstance(value, str):
            items: tuple[tuple[Any, str], ...] = ((None, value),)
        else:
            items = tuple(value.items())
        object.__setattr__(self, "_items", items)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Text is immutable")

    def __reduce__(self):
        # pickled by its items (a build remembers validated outlines), since
        # the default would set the slot that ``__setattr__`` refuses
        return Text, (dict(self._items),)

    @property
    def is_plain(self) -> bool:
        return len(self._items) == 1 and self._items[0][0] is None

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self._items if k is not None)

    def __getitem__(self, lang: str) -> str:
        for key, value in self._items:
            if key == lang or key is None:
                return value
        raise KeyError(lang)

    def get(self, lang: str, default: Any = None) -> Any:  # type: ignore[override]
        try:
            return self[lang]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[str]:
        return iter(k for k, _ in self._items if k is not None)

    def __len__(self) -> int:
        return len(self.languages)

    def __bool__(self) -> bool:
        # A plain string has no language keys, so ``len`` is 0; it is still a text
        # that is present (writers test ``if claim.why:``).
        return bool(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Text):
            return self._items == other._items
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        if self.is_plain:
            return f"Text({self._items[0][1]!r})"
        return f"Text({dict(self._items)!r})"

    def dump(self) -> str | dict[str, str]:
        return self._items[0][1] if self.is_plain else dict(self._items)

    @classmethod
    def _validate(cls, value: Any) -> "Text":
        # only validation needs pydantic: the model's texts are usable without it
        from pydantic_core import PydanticCustomError

        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            return cls(value)
        if isinstance(value, Mapping):
            bad = [k for k, v in value.items() if not isinstance(k, str) or not isinstance(v, str)]
            cut = [k for k in bad if isinstance(k, str) and value[k] is None]
            if cut:
                # `{zh: ..., es: 19,9 %}`: YAML ends an entry at the comma and reads `9 %` as a key
                raise PydanticCustomError(
                    "text_comma",
                    "`{key}` has no text: between braces a comma ends an entry, "
                    "so put a text that holds a comma in quotes",
                    {"key": cut[0]},
                )
            if bad:
                raise PydanticCustomError(
                    "text_type",
                    "every translation must be text; `{key}` is not",
                    {"key": bad[0]},
                )
            if not value:
                raise PydanticCustomError(
                    "text_empty", "a text mapping needs at least one language"
                )
            return cls(value)
        raise PydanticCustomError(
            "text_type", "expected text: a string, or a mapping from language code to string"
        )

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(lambda t: t.dump()),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler):
        return {
            "title": "Text",
            "description": "A string, or a mapping from language code to string",
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "propertyNames": {"pattern": LANG_PATTERN},
                    "minProperties": 1,
                },
            ],
        }
