"""The force file's schema (``forces/<slug>.toml``): the force, its links and its own support."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from .phones import format_phone
from .records import Force, ForceLink, IntranetService, Section
from .schema import Confidence, ContactIn, IntranetKey
from .types import Dated, Id, Input, Link, PhoneNumber, TextIn, Url, fail, one_of, text
from .vocabulary import (
    FORCE_KINDS,
    FORCE_NATIONS,
    LINK_CONFIDENCES,
    PHONE_SOURCE_FROM,
    SECTION_KINDS,
)


class ForceLinkIn(Input):
    """A force's treatment centre or children's charity, with how sure we are."""

    confidence: Annotated[str, one_of(LINK_CONFIDENCES)]
    service: Id | None = Field(default=None, validate_default=True)
    note: TextIn | None = None
    source: Url | None = None

    @field_validator("service")
    @classmethod
    def _service_unless_unknown(cls, service: str | None, info: ValidationInfo) -> str | None:
        confidence = info.data.get("confidence")
        if confidence == "unknown" and service is not None:
            raise fail("an 'unknown' link must not name a service")
        if confidence not in (None, "unknown") and service is None:
            raise fail('missing required field (or set confidence = "unknown")')
        return service

    def to_record(self) -> ForceLink:
        return ForceLink(self.service, self.confidence, text(self.note), self.source)


class IntranetOverrideIn(Input):
    """A force's own wording, and (from a deployer only) number and link, for an intranet service."""

    name: TextIn | None = None
    purpose: TextIn | None = None
    access: TextIn | None = None
    phone: PhoneNumber | None = None
    url: Url | None = None

    @field_validator("phone", "url")
    @classmethod
    def _deployer_only(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and not (info.context or {}).get("deployer"):
            raise fail(
                "intranet phone numbers and links may only come from a deployer's data directory"
            )
        return value

    def to_record(self, base: IntranetService) -> IntranetService:
        return IntranetService(
            key=base.key,
            name=text(self.name) or base.name,
            purpose=text(self.purpose) or base.purpose,
            access=text(self.access) or base.access,
            phone=format_phone(self.phone) if self.phone else None,
            url=self.url,
        )


class SectionIn(Dated):
    """One item of a force's own support (``[federation]``, ``[[funds]]``...).

    A phone number here is a local number: it needs a source dated 2022 or
    later, or a live check.
    """

    confidence: Confidence
    source: Url
    url: Link | None = None
    service: Id | None = None
    phone: PhoneNumber | None = None
    name: TextIn | None = None

    @field_validator("phone")
    @classmethod
    def _recent_source(cls, phone: str | None, info: ValidationInfo) -> str | None:
        date, undated = info.data.get("source_date"), info.data.get("source_undated")
        if phone is not None and date is not None and not info.data.get("checked"):
            if undated or date < PHONE_SOURCE_FROM:
                raise fail(
                    "a local phone number needs a source dated 2022 or later, or a live check"
                )
        return phone

    def to_record(self, kind: str) -> Section:
        return Section(
            kind=kind,
            confidence=self.confidence,
            source=self.source,
            dating=self.dating(),
            name=text(self.name),
            url=self.url,
            service=self.service,
            phone=format_phone(self.phone) if self.phone else None,
        )


class FundIn(SectionIn):
    """A force's own benevolent fund or welfare scheme (``[[funds]]``)."""

    name: TextIn | None = Field(default=None, validate_default=True)

    @field_validator("name")
    @classmethod
    def _named(cls, name: TextIn | None, info: ValidationInfo) -> TextIn | None:
        # (when ``service`` had an error of its own, it is not in info.data)
        if name is None and "service" in info.data and info.data["service"] is None:
            raise fail("a fund needs a name or a service")
        return name


class ForceIn(Dated):
    """One force (``forces/<slug>.toml``; the file is named after the slug)."""

    slug: Id
    name: TextIn
    nation: Annotated[str, one_of(FORCE_NATIONS)]
    kind: Annotated[str, one_of(FORCE_KINDS)]
    website: Url
    website_confidence: Confidence
    source: Url
    police_uk_id: Id | None = None
    treatment_centre: ForceLinkIn | None = None
    childrens_charity: ForceLinkIn | None = None
    contacts: list[ContactIn] = []
    #: The force-intranet services this force has (texts from intranet_services.toml).
    intranet_services: list[IntranetKey] = []
    #: The force's own wording for them, by key; a number or link only from a deployer.
    intranet: dict[IntranetKey, IntranetOverrideIn] = {}
    note: TextIn | None = None
    federation: SectionIn | None = None
    unison: SectionIn | None = None
    chaplaincy: SectionIn | None = None
    funds: list[FundIn] = []
    wellbeing_page: SectionIn | None = None
    eap: SectionIn | None = None

    def problems(self) -> list[tuple[str, str]]:
        """Return ``(field, message)`` for rules across this file's fields."""
        return [
            (f"intranet.{key}", "override for a service not listed in intranet_services")
            for key in self.intranet
            if key not in self.intranet_services
        ]

    def sections(self) -> tuple[Section, ...]:
        """The force's own support in page order."""
        out: list[Section] = []
        for kind in SECTION_KINDS:
            if kind == "funds":
                out += [fund.to_record(kind) for fund in self.funds]
            elif (section := getattr(self, kind)) is not None:
                out.append(section.to_record(kind))
        return tuple(out)

    def to_record(self, origin: str, shared: dict[str, IntranetService]) -> Force:
        default = IntranetOverrideIn()
        return Force(
            slug=self.slug,
            name=self.name.text(),
            nation=self.nation,
            kind=self.kind,
            website=self.website,
            website_confidence=self.website_confidence,
            police_uk_id=self.police_uk_id,
            source=self.source,
            dating=self.dating(),
            treatment_centre=self.treatment_centre.to_record() if self.treatment_centre else None,
            childrens_charity=(
                self.childrens_charity.to_record() if self.childrens_charity else None
            ),
            contacts=tuple(c.to_record() for c in self.contacts),
            intranet_services=tuple(
                self.intranet.get(key, default).to_record(shared[key])
                for key in self.intranet_services
            ),
            note=text(self.note),
            own_support=self.sections(),
            origin=origin,
        )
