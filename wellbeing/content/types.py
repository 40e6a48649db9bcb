"""Field types for the content input models: ids, links, phone numbers, vocabularies, text.

Each custom type validates one field and says what is wrong in words an
editor understands; its JSON Schema lets an editor check a file while typing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from .phones import format_phone
from .records import Checked, Dating
from .text import Text
from .vocabulary import CHECK_METHODS

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#]\S*)?$"
_RANGE_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$")


def fail(message: str) -> PydanticCustomError:
    """Return the error a validator raises: ``message`` is shown as it is."""
    return PydanticCustomError("content", "{message}", {"message": message})


@dataclass(frozen=True, eq=False)  # hashed by identity: typing hashes Annotated metadata
class Rule:
    """A field validated by ``check`` alone, described to editors by ``schema``."""

    check: Callable[[Any], Any]
    schema: dict[str, Any]

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(self.check)

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return dict(self.schema)


def one_of(values: tuple[str, ...]) -> Rule:
    """One word from a vocabulary."""

    def check(value: Any) -> str:
        if value not in values:
            raise fail(f"{value!r} is not one of: {', '.join(values)}")
        return str(value)

    return Rule(check, {"type": "string", "enum": list(values)})


def some_of(values: tuple[str, ...]) -> Rule:
    """A non-empty list of words from a vocabulary, kept in the vocabulary's order."""

    def check(value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise fail(f"expected a non-empty list from: {', '.join(values)}")
        for item in value:
            if item not in values:
                raise fail(f"{item!r} is not one of: {', '.join(values)}")
        if len(set(value)) != len(value):
            raise fail("repeated value")
        return tuple(x for x in values if x in value)

    schema = {"type": "array", "items": {"enum": list(values)}, "minItems": 1, "uniqueItems": True}
    return Rule(check, schema)


def _pattern(pattern: str, message: str) -> Rule:
    compiled = re.compile(pattern)

    def check(value: Any) -> str:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            raise fail(message.format(value=value))
        return value

    return Rule(check, {"type": "string", "pattern": pattern})


def _link(value: Any) -> str:
    """Accept a link as its owner publishes it: some branch sites are still http only."""
    if isinstance(value, str) and value.startswith("http://"):
        _url.check("https://" + value.removeprefix("http://"))
        return value
    return str(_url.check(value))


def _phone(value: Any) -> str:
    if not isinstance(value, str):
        raise fail("expected a phone number")
    try:
        format_phone(value)
    except ValueError as exc:
        raise fail(str(exc)) from None
    return value.strip()


def _time_ranges(value: Any) -> tuple[tuple[int, int], ...]:
    if not isinstance(value, list):
        raise fail('expected a list like ["09:00-17:00"]')
    parsed = []
    for item in value:
        match = _RANGE_RE.fullmatch(item) if isinstance(item, str) else None
        if not match:
            raise fail(f'expected a time range like "09:00-17:00", got {item!r}')
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if end > 1440 or start == end:
            raise fail(f"{item!r} is not a valid range")
        parsed.append((start, end))
    return tuple(sorted(parsed))


def _not_future(day: dt.date) -> dt.date:
    if day > dt.date.today():
        raise fail(f"{day.isoformat()} is in the future")
    return day


_url = _pattern(URL_PATTERN, "expected an https:// URL, got {value!r}")
check_url = _url.check
Id = Annotated[str, _pattern(ID_PATTERN, "expected lower-case letters, digits and single hyphens")]
Url = Annotated[str, _url]
Link = Annotated[str, Rule(_link, {"type": "string", "pattern": r"^https?://\S+$"})]
PhoneNumber = Annotated[
    str, Rule(_phone, {"type": "string", "description": "a UK number, e.g. 0300 131 2789"})
]
TimeRanges = Annotated[
    tuple[tuple[int, int], ...],
    Rule(
        _time_ranges,
        {"type": "array", "items": {"type": "string", "pattern": _RANGE_RE.pattern}},
    ),
]
Words = Annotated[str, StringConstraints(min_length=1)]
PastDate = Annotated[dt.date, AfterValidator(_not_future)]


class Input(BaseModel):
    """A table in a content file: strict types, no unknown keys, text trimmed."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, str_strip_whitespace=True)


class TextIn(Input):
    """Text in English, with Welsh beside it: ``name.en = "..."``, ``name.cy = "..."``.

    A plain string is English only.
    """

    en: Words
    cy: Words | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"en": value}
        if not isinstance(value, dict):
            raise fail("expected text, or a table with 'en' and optional 'cy'")
        return value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [{"type": "string", "minLength": 1}, handler(schema)]}

    def text(self) -> Text:
        return Text(self.en, self.cy)


class WelshTextIn(TextIn):
    """Text that must be given in English and Welsh."""

    cy: Words

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(schema)


def text(value: TextIn | None) -> Text | None:
    return value.text() if value is not None else None


class CheckedIn(Input):
    """A person confirmed the entry against its live source on ``date``, by ``method``."""

    date: PastDate
    method: Annotated[str, one_of(CHECK_METHODS)]


class Dated(Input):
    """An entry resting on a source: ``source_date``, ``source_undated``, ``checked``."""

    source_date: dt.date  # strict: a TOML date, not a date-time or a string
    source_undated: bool = False
    checked: CheckedIn | None = None

    def dating(self) -> Dating:
        checked = Checked(self.checked.date, self.checked.method) if self.checked else None
        return Dating(self.source_date, self.source_undated, checked)
