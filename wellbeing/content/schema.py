"""The content files' schema: one input model per file kind, and the records they build.

Each model checks types, required fields, unknown keys and the rules that need
only its own table; rules that need other files (does that service exist?)
are in ``xref.py``. ``to_record`` turns a valid entry into its record.
A validator that depends on another field reads it from ``info.data``, so the
fields are declared in the order they are needed.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .hours import Hours
from .phones import format_phone
from .records import (
    Category,
    Contact,
    IntranetService,
    Service,
)
from .types import (
    Dated,
    Id,
    Input,
    TextIn,
    TimeRanges,
    Url,
    Words,
    check_url,
    fail,
    one_of,
    some_of,
    text,
)
from .vocabulary import (
    AUDIENCES,
    CONFIDENCES,
    CONTACT_KINDS,
    DAYS,
    INTRANET_KEYS,
    NATIONS,
    WELSH,
)

_EMAIL_RE = re.compile(r"^[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
_KEYWORD_RE = re.compile(r"^[A-Za-z0-9]{1,20}$")

Confidence = Annotated[str, one_of(CONFIDENCES)]
IntranetKey = Annotated[str, one_of(INTRANET_KEYS)]
Nation = Annotated[str, one_of(NATIONS)]


class CategoryIn(Input):
    id: Id
    name: TextIn
    description: TextIn
    order: int

    def to_record(self, origin: str) -> Category:
        return Category(self.id, self.name.text(), self.description.text(), self.order)


class IntranetServiceIn(Input):
    """A service most forces run internally (its contact is on the force intranet)."""

    key: IntranetKey
    name: TextIn
    purpose: TextIn
    access: TextIn | None = None

    def to_record(self, origin: str) -> IntranetService:
        return IntranetService(self.key, self.name.text(), self.purpose.text(), text(self.access))


class ContactIn(Input):
    kind: Annotated[str, one_of(CONTACT_KINDS)]
    value: Words
    label: TextIn | None = None
    confidence: Confidence = "verified"
    note: TextIn | None = None
    keyword: str | None = Field(default=None, validate_default=True)

    @field_validator("value")
    @classmethod
    def _value_fits_kind(cls, value: str, info: ValidationInfo) -> str:
        kind = info.data.get("kind")
        if kind in ("phone", "text"):
            try:
                phone = format_phone(value)
            except ValueError as exc:
                raise fail(str(exc)) from None
            if kind == "text" and phone.extension:
                raise fail("a text number takes no extension")
            if kind == "phone" and phone.sms_only:
                raise fail(f'{value!r} takes texts only; use kind = "text"')
        elif kind == "web":
            check_url(value)
        elif kind == "email" and not _EMAIL_RE.fullmatch(value):
            raise fail(f"{value!r} is not an email address")
        return value

    @field_validator("keyword")
    @classmethod
    def _keyword_for_texts(cls, keyword: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("kind") == "text":
            if keyword is None or not _KEYWORD_RE.fullmatch(keyword):
                raise fail('a text contact needs the word to send, e.g. keyword = "SHOUT"')
        elif keyword is not None:
            raise fail("only text contacts take a keyword")
        return keyword

    def to_record(self) -> Contact:
        phone = format_phone(self.value) if self.kind in ("phone", "text") else None
        return Contact(
            self.kind,
            self.value,
            text(self.label),
            phone,
            self.keyword,
            self.confidence,
            text(self.note),
        )


class HoursIn(Input):
    """Weekly hours, London time: ``always = true``, or ranges per day (``mon = ["09:00-17:00"]``)."""

    always: bool = False
    note: TextIn | None = None
    mon: TimeRanges | None = None
    tue: TimeRanges | None = None
    wed: TimeRanges | None = None
    thu: TimeRanges | None = None
    fri: TimeRanges | None = None
    sat: TimeRanges | None = None
    sun: TimeRanges | None = None

    def days(self) -> dict[int, tuple[tuple[int, int], ...]]:
        found = ((i, getattr(self, day)) for i, day in enumerate(DAYS))
        return {i: ranges for i, ranges in found if ranges is not None}

    @model_validator(mode="after")
    def _always_or_days(self) -> HoursIn:
        days = self.days()
        if self.always and days:
            raise fail("give either always = true or day ranges, not both")
        if not self.always and not any(days.values()):
            raise fail("give always = true or at least one day's ranges")
        return self

    def to_record(self) -> Hours:
        return Hours(always=self.always, days=self.days(), note=text(self.note))


class ServiceIn(Dated):
    """A directory service (``[[service]]`` in ``services/*.toml``)."""

    id: Id
    name: TextIn
    summary: TextIn
    category: Id
    audiences: Annotated[tuple[str, ...], some_of(AUDIENCES)]
    nations: Annotated[tuple[str, ...], some_of(NATIONS)]
    contacts: list[ContactIn] = Field(min_length=1)
    eligibility: TextIn
    welsh: Annotated[str, one_of(WELSH)]
    source: Url
    details: TextIn | None = None
    #: One line that must travel with the number: shown on the call card itself.
    caveat: TextIn | None = None
    hours: HoursIn | None = None
    cost: TextIn | None = None
    who_will_know: TextIn | None = None
    provider: Words | None = None
    tags: list[Words] = []
    crisis: bool = False
    priority: int = 100
    forces: list[Id] = []
    other_sources: list[Url] = []

    def to_record(self, origin: str) -> Service:
        return Service(
            id=self.id,
            name=self.name.text(),
            summary=self.summary.text(),
            category=self.category,
            audiences=self.audiences,
            nations=self.nations,
            contacts=tuple(c.to_record() for c in self.contacts),
            eligibility=self.eligibility.text(),
            welsh=self.welsh,
            source=self.source,
            dating=self.dating(),
            details=text(self.details),
            caveat=text(self.caveat),
            hours=self.hours.to_record() if self.hours else None,
            cost=text(self.cost),
            who_will_know=text(self.who_will_know),
            provider=self.provider,
            tags=tuple(self.tags),
            crisis=self.crisis,
            priority=self.priority,
            forces=tuple(self.forces),
            other_sources=tuple(self.other_sources),
            origin=origin,
        )
