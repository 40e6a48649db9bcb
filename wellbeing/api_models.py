"""The shapes `/api/v1` answers with, as pydantic models.

`api.py` builds these from the loaded content and `openapi.py` generates the document's
`components/schemas` from them, so the API and its description cannot drift apart.
The enums come from the content's vocabularies and are checked as an answer is built.
A field typed `X | Omitted` is left out of the answer, not sent as null, when it does
not apply (answers are dumped with `exclude_unset=True`).
"""

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import CoreSchema, core_schema

from .content import (
    AUDIENCES,
    CHECK_METHODS,
    CONFIDENCES,
    CONTACT_KINDS,
    FORCE_KINDS,
    FORCE_NATIONS,
    INTRANET_KEYS,
    LINK_CONFIDENCES,
    NATIONS,
    SECTION_KINDS,
    WELSH,
)

#: `locator.Result.status`: one force found, two or more, none, or a query it cannot read.
LOCATE_STATUSES = ("found", "ambiguous", "not_found", "invalid")
#: Marks a field that is left out when it does not apply: not in the schema's types.
Omitted = SkipJsonSchema[None]


@dataclass(frozen=True)
class OneOf:
    """A string that is one of a vocabulary's values: checked, and documented as an enum."""

    values: tuple[str, ...]

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        return core_schema.literal_schema(list(self.values))


Uri = Annotated[str, Field(json_schema_extra={"format": "uri"})]
Date = Annotated[str, Field(json_schema_extra={"format": "date"})]


def _tidy(schema: dict[str, Any]) -> None:
    """Drop what pydantic adds to each field's schema but says nothing: a title made from
    the field's name, and the `null` default of a field that is left out, not null."""
    for field in schema.get("properties", {}).values():
        field.pop("title", None)
        if field.get("default", ...) is None:
            del field["default"]


class Model(BaseModel):
    """An answer's part: no other keys, and documented as such."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_tidy)


class Text(Model):
    """A text in English and, when there is one, Welsh."""

    en: str
    cy: str | None


class Error(Model):
    """A JSON error a person can read."""

    error: str


class Checked(Model):
    """A person's confirmation of an entry against its live source."""

    date: Date
    method: Annotated[str, OneOf(CHECK_METHODS)]


class Dated(Model):
    """The honest-dating fields every service, force and force section carries."""

    source_date: Date = Field(
        description="The date printed on the source the entry rests on or, when "
        "source_undated is true, the day that undated source was read. Not a check."
    )
    source_undated: bool
    checked: Checked | None = Field(
        description="null until a person has confirmed the entry against the live source."
    )


class Contact(Model):
    """One way to reach a service or a force."""

    kind: Annotated[str, OneOf(CONTACT_KINDS)]
    value: str
    href: str
    display: str | Omitted = None
    keyword: str | Omitted = None


class Hours(Model):
    """Opening hours: always open, or open periods in a week."""

    tz: str
    always: bool | Omitted = None
    open: list[list[int]] | Omitted = Field(
        None,
        description="Open periods as [start, end] minutes from Monday 00:00, London time.",
    )
    summary: Text


class Service(Dated):
    """One directory service."""

    id: str
    name: Text
    summary: Text
    category: str
    audiences: list[Annotated[str, OneOf(AUDIENCES)]]
    nations: list[Annotated[str, OneOf(NATIONS)]]
    contacts: list[Contact]
    hours: Hours | None
    eligibility: Text
    cost: Text | None
    who_will_know: Text | None
    welsh: Annotated[str, OneOf(WELSH)]
    source: Uri
    url: Uri


class ServiceList(Model):
    services: list[Service]


class Force(Dated):
    """One police force."""

    slug: str
    name: str
    name_cy: str | None
    nation: Annotated[str, OneOf(FORCE_NATIONS)]
    kind: Annotated[str, OneOf(FORCE_KINDS)]
    website: Uri
    url: Uri


class ForceList(Model):
    forces: list[Force]


class Link(Model):
    """A force's link to a directory service (its treatment centre, its children's charity)."""

    service: str | None
    confidence: Annotated[str, OneOf(LINK_CONFIDENCES)]


class Phone(Model):
    display: str
    href: str


class Section(Dated):
    """One item of a force's own support (Federation branch, union, chaplaincy, funds ...)."""

    kind: Annotated[str, OneOf(SECTION_KINDS)]
    name: Text | None
    url: Uri | None
    service: str | None = Field(description="The id of the directory service this item points to.")
    phone: Phone | None = Field(
        description="Only a number from a source dated 2022 or later, or checked live."
    )
    confidence: Annotated[str, OneOf(CONFIDENCES)]
    source: Uri


class IntranetService(Model):
    """A service a force offers on its intranet: a name and purpose, never a number."""

    key: Annotated[str, OneOf(INTRANET_KEYS)]
    name: Text
    purpose: Text


class ForceDetail(Force):
    """One force, its links, its own support and every directory service open to its people."""

    treatment_centre: Link | None
    childrens_charity: Link | None
    own_support: list[Section]
    contacts: list[Contact]
    intranet_services: list[IntranetService]
    services: list[Service]


class LocatedForce(Model):
    slug: str
    name: str
    url: Uri


class Located(Model):
    """The answer to "which force covers this place, postcode or location?"."""

    status: Annotated[str, OneOf(LOCATE_STATUSES)]
    forces: list[LocatedForce] = Field(
        description="found: exactly one; ambiguous: two or more, most likely first."
    )
    message: str
    reason: str
    kind: str
    matched: str


#: Every model an answer's body is: the document's components are generated from these.
ANSWERS: tuple[type[Model], ...] = (ForceList, ForceDetail, ServiceList, Located, Error)
