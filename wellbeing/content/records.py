"""The loaded content: plain, immutable records that pages, the API and the exports read.

The input models in ``schema.py`` validate the files and build these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .hours import Hours
from .phones import Phone
from .text import Text
from .vocabulary import FORCE_NATION_COVERS


@dataclass(frozen=True, slots=True)
class Contact:
    """One way to reach a service."""

    kind: str  # phone | text | web | email
    value: str
    label: Text | None = None
    phone: Phone | None = None
    keyword: str | None = None  # text services: the word to send
    confidence: str = "verified"  # verified | likely
    note: Text | None = None

    @property
    def href(self) -> str:
        """Return the link target: ``tel:``, ``sms:``, ``mailto:`` or the https URL."""
        if self.kind == "phone" and self.phone:
            return f"tel:{self.phone.tel}"
        if self.kind == "text" and self.phone:
            return f"sms:{self.phone.tel}" + (f"?body={self.keyword}" if self.keyword else "")
        if self.kind == "email":
            return f"mailto:{self.value}"
        return self.value


@dataclass(frozen=True, slots=True)
class Checked:
    """A person confirmed the entry against the live source on ``date``, by ``method``.

    ``method`` is ``website`` (the provider's own page), ``phone`` (called the
    number) or ``provider`` (the provider confirmed it in writing).
    """

    date: dt.date
    method: str


@dataclass(frozen=True, slots=True)
class Dating:
    """What the dates on an entry mean, and nothing more.

    ``source_date`` is the date printed on the source the entry rests on or,
    when ``source_undated``, the day that (undated) source was read. It says
    nothing about whether the facts are still true. ``checked`` stays ``None``
    until a person confirms the entry against the live source.
    """

    source_date: dt.date
    source_undated: bool = False
    checked: Checked | None = None


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    name: Text
    description: Text
    order: int


@dataclass(frozen=True, eq=False)
class Service:
    id: str
    name: Text
    summary: Text
    category: str
    audiences: tuple[str, ...]
    nations: tuple[str, ...]
    contacts: tuple[Contact, ...]
    eligibility: Text
    welsh: str
    source: str
    dating: Dating
    details: Text | None = None
    #: One line that must travel with the number (e.g. "hours published in 2022"):
    #: shown on the call card itself, not only behind its "more" disclosure.
    caveat: Text | None = None
    hours: Hours | None = None
    cost: Text | None = None
    who_will_know: Text | None = None
    provider: str | None = None
    tags: tuple[str, ...] = ()
    crisis: bool = False
    priority: int = 100
    forces: tuple[str, ...] = ()  # empty: national; else only for these force slugs
    other_sources: tuple[str, ...] = ()
    origin: str = ""  # file the entry came from (for messages)

    @property
    def phones(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.kind == "phone")

    @property
    def website(self) -> str | None:
        return next((c.value for c in self.contacts if c.kind == "web"), None)

    @property
    def one_nation(self) -> bool:
        """Whether the service is for one UK nation only (an NHS line, Lifeline...)."""
        return len(self.nations) == 1


@dataclass(frozen=True, slots=True)
class ForceLink:
    """A force's treatment centre or children's charity, with how sure we are."""

    service: str | None  # a service id, or None when it is not known
    confidence: str  # verified | likely | unknown
    note: Text | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class IntranetService:
    """A service most forces run internally; its contact is on the force intranet."""

    key: str
    name: Text
    purpose: Text
    access: Text | None = None
    phone: Phone | None = None  # only from a deployer's data directory
    url: str | None = None  # only from a deployer's data directory


@dataclass(frozen=True, eq=False)
class Force:
    slug: str
    name: Text
    nation: str
    kind: str
    website: str
    website_confidence: str
    police_uk_id: str | None
    source: str
    dating: Dating
    treatment_centre: ForceLink | None = None
    childrens_charity: ForceLink | None = None
    contacts: tuple[Contact, ...] = ()
    intranet_services: tuple[IntranetService, ...] = ()
    note: Text | None = None
    own_support: tuple[Section, ...] = ()
    origin: str = ""

    @property
    def covered_nations(self) -> tuple[str, ...]:
        """The UK nations whose national services apply to this force."""
        return FORCE_NATION_COVERS[self.nation]


@dataclass(frozen=True, slots=True)
class Section:
    """One item of a force's own support, with where it comes from and how sure we are."""

    kind: str
    confidence: str
    source: str
    dating: Dating
    name: Text | None = None
    url: str | None = None
    service: str | None = None  # a directory service id
    phone: Phone | None = None


@dataclass(frozen=True, slots=True)
class Help:
    """A directory service a guide points to, with what it means in this situation."""

    service: str
    note: Text | None = None


@dataclass(frozen=True, eq=False)
class Guide:
    slug: str
    order: int
    title: Text
    summary: Text
    seeing: tuple[Text, ...]
    today: tuple[Text, ...]
    help: tuple[Help, ...]
    urgent: tuple[Text, ...]
    source: str
    dating: Dating
    urgent_services: tuple[str, ...] = ()  # empty: the crisis lines families can use
    no_force_routes: bool = False
    other_sources: tuple[str, ...] = ()
    origin: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source, *self.other_sources)

    @property
    def name(self) -> Text:
        """The guide's title, under the name reports and other entries use."""
        return self.title


@dataclass(frozen=True, slots=True)
class CallNow:
    """Which crisis services the pages offer (``call_now.toml``), as service ids in order."""

    lists: dict[str, tuple[str, ...]]  # call-now key (a force's nation...) -> ids
    urgent: dict[str, str]  # UK nation -> the line for urgent mental health help
    error_page: tuple[str, ...]
    anyone: tuple[str, ...]
    origin: str = ""

    def uses(self) -> dict[str, list[str]]:
        """Map each service id to the lists that name it (for messages)."""
        named = [(f"lists.{key}", ids) for key, ids in self.lists.items()]
        named += [(f"urgent.{n}", (i,)) for n, i in self.urgent.items()]
        named += [("error_page", self.error_page), ("anyone", self.anyone)]
        out: dict[str, list[str]] = {}
        for where, ids in named:
            for service_id in ids:
                out.setdefault(service_id, []).append(where)
        return out


def checked_json(checked: Checked | None) -> dict[str, str] | None:
    """Return ``{"date", "method"}`` for a check, or None when nobody has checked."""
    if checked is None:
        return None
    return {"date": checked.date.isoformat(), "method": checked.method}
