"""Content: every loaded entry, in display order, and the questions pages ask of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .records import CallNow, Category, Force, Guide, IntranetService, Service
from .search import SearchIndex


@dataclass(frozen=True, eq=False)
class Content:
    """All content, validated. Build it with ``load_content``."""

    categories: dict[str, Category]
    services: dict[str, Service]
    forces: dict[str, Force]
    intranet_services: dict[str, IntranetService]
    guides: dict[str, Guide] = field(default_factory=dict)
    call_now: CallNow | None = None
    _index: SearchIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", SearchIndex(self.services.values(), self.categories))

    def services_in(self, category: str) -> list[Service]:
        """Return the services in one category, in display order."""
        return [s for s in self.services.values() if s.category == category]

    def search(
        self,
        q: str = "",
        audience: str | None = None,
        nation: str | None = None,
        category: str | None = None,
    ) -> list[Service]:
        """Return services matching every word of ``q`` and the filters (see search.py)."""
        return self._index.search(self.services.values(), q, audience, nation, category)

    def services_for_force(self, slug: str) -> list[Service]:
        """Return national services for the force's nation(s), then the force's own ones.

        Raises KeyError for an unknown slug.
        """
        force = self.forces[slug]
        covered = set(force.covered_nations)
        national = [s for s in self.services.values() if not s.forces and covered & set(s.nations)]
        own = [s for s in self.services.values() if slug in s.forces]
        return national + own

    def crisis_services(self, nation: str | None = None) -> list[Service]:
        """Return crisis services, optionally for one nation, in display order."""
        return [
            s
            for s in self.services.values()
            if s.crisis and (nation is None or nation in s.nations)
        ]

    def stale(self, today: dt.date, months: int = 12) -> list[Service | Force]:
        """Return services and forces with a source dated more than ``months`` months before ``today``."""
        cutoff = months_before(today, months)
        entries: list[Service | Force] = [*self.services.values(), *self.forces.values()]
        return [e for e in entries if e.dating.source_date < cutoff]


def months_before(day: dt.date, months: int) -> dt.date:
    """Return the same day ``months`` months earlier (the month's last day if it has fewer)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover
