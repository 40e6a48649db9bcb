"""The schemas of the family guides (``guides/<slug>.toml``) and the call-now lists.

A guide is a plain-language page for one situation ("He died", "She is
suspended"): what you might be seeing or feeling (``seeing``), what you can do
today (``today``), who can help (``help``: directory services, each with an
optional note) and what to do if it is urgent (``urgent``, plus
``urgent_services`` when the guide needs lines other than the crisis lines
families can use). English and Welsh are both required. A guide with
``no_force_routes = true`` (abuse by someone in policing) may not name any
force-specific service.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .records import CallNow, Guide, Help
from .types import Dated, Id, Input, Url, WelshTextIn, one_of
from .vocabulary import CALL_NOW_KEYS, NATIONS


class HelpIn(Input):
    """A directory service a guide points to, with what it means in this situation."""

    service: Id
    note: WelshTextIn | None = None

    def to_record(self) -> Help:
        return Help(self.service, self.note.text() if self.note else None)


class GuideIn(Dated):
    order: int
    title: WelshTextIn
    summary: WelshTextIn
    seeing: list[WelshTextIn] = Field(min_length=1)
    today: list[WelshTextIn] = Field(min_length=1)
    help: list[HelpIn] = Field(min_length=1)
    urgent: list[WelshTextIn] = Field(min_length=1)
    source: Url
    urgent_services: list[Id] = []
    no_force_routes: bool = False
    other_sources: list[Url] = []

    def problems(self) -> list[tuple[str, str]]:
        """Return ``(field, message)`` for rules across this file's fields."""
        seen: set[str] = set()
        out = []
        for i, item in enumerate(self.help):
            if item.service in seen:
                out.append((f"help[{i}].service", f"service {item.service!r} is listed twice"))
            seen.add(item.service)
        return out

    def to_record(self, slug: str, origin: str) -> Guide:
        return Guide(
            slug=slug,
            order=self.order,
            title=self.title.text(),
            summary=self.summary.text(),
            seeing=tuple(t.text() for t in self.seeing),
            today=tuple(t.text() for t in self.today),
            help=tuple(h.to_record() for h in self.help),
            urgent=tuple(t.text() for t in self.urgent),
            source=self.source,
            dating=self.dating(),
            urgent_services=tuple(self.urgent_services),
            no_force_routes=self.no_force_routes,
            other_sources=tuple(self.other_sources),
            origin=origin,
        )


class CallNowIn(Input):
    """Which crisis services each page offers, as service ids in order (``call_now.toml``)."""

    #: For a force's people, by its nation (or "crown-dependency"); every key is required.
    lists: dict[Annotated[str, one_of(CALL_NOW_KEYS)], list[Id]]
    #: The line for urgent mental health help, by UK nation.
    urgent: dict[Annotated[str, one_of(NATIONS)], Id]
    #: Two numbers anyone can call, shown on every error page.
    error_page: list[Id] = Field(min_length=1)
    #: The lines for anyone, wherever they are, on the help-now page.
    anyone: list[Id] = Field(min_length=1)

    def problems(self) -> list[tuple[str, str]]:
        missing = [key for key in CALL_NOW_KEYS if key not in self.lists]
        missing_urgent = [n for n in NATIONS if n not in self.urgent]
        return [(f"lists.{key}", "missing required field") for key in missing] + [
            (f"urgent.{n}", "missing required field") for n in missing_urgent
        ]

    def to_record(self, origin: str) -> CallNow:
        return CallNow(
            lists={key: tuple(self.lists[key]) for key in CALL_NOW_KEYS},
            urgent=dict(self.urgent),
            error_page=tuple(self.error_page),
            anyone=tuple(self.anyone),
            origin=origin,
        )
