"""The directory as Open Referral UK 3.0 records (no Flask here).

One code path builds every record: the `/openreferral/` API (oruk_api.py) and
`flask content export --format oruk` both call `dataset()`.

- Ids are UUIDs derived from our own ids (uuid5 under a fixed namespace), so a
  record keeps its id from build to build. Every kind of record has its own
  prefix, so a service and an organisation of the same name never share an id.
- ``assured_date`` ("the date that the information about the service was last
  checked") comes only from ``dating.checked``: a source's date is not a check.
- ``last_modified`` is omitted: the content does not record when an entry was
  edited, and no other date means that.
- Null and empty fields are omitted.
- Phone and text (SMS) numbers are HSDS 3.0 ``phones`` on the service, typed
  ``voice`` or ``text``; the ORUK profile's contact object has no phone field.
- Opening hours are London wall-clock time, so each schedule is published for
  one period of a single UTC offset (``valid_from``..``valid_to``): the current
  period and the next. Times carry the offset (``09:00+01:00`` in summer).
  A schedule belongs to the day it opens; ``closes_at`` earlier than
  ``opens_at`` means it closes the next day (18:00 to 02:00). A whole day is
  ``00:00``..``23:59``, as the HSDS schedules guidance suggests for 24-hour
  opening; a stretch over several days (Friday evening to Monday morning) is
  one schedule per day.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .content import LONDON, Content, Hours, Service, checked_json

#: Never change this: every published id is derived from it.
NAMESPACE = uuid.UUID("6f0c5a52-3b0e-5d8e-9a8e-2f5b1c0d4e71")
VERSION = "3.0"
PROFILE = "https://openreferraluk.org/specifications/3.0"
OPENAPI_URL = "https://openreferraluk.org/specifications/3.0/openapi.json"
TAXONOMY_NAME = "Police Wellbeing Signpost categories"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: The four nations as ONS statistical geographies (GSS codes).
NATION_AREAS = {
    "england": ("England", "E92000001"),
    "wales": ("Wales", "W92000004"),
    "scotland": ("Scotland", "S92000003"),
    "northern-ireland": ("Northern Ireland", "N92000002"),
}
LANGUAGES = {"en": "English", "cy": "Welsh"}
_DAY = 1440
_WEEK = 7 * _DAY


def record_id(*parts: str) -> str:
    """Return the stable UUID for a record, e.g. ``record_id("service", "samaritans")``."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    """Drop null and empty fields."""
    return {k: v for k, v in record.items() if v not in (None, "", [], {})}


# --------------------------------------------------------------------------- schedules


def _offset(day: dt.date) -> dt.timedelta:
    offset = LONDON.utcoffset(dt.datetime(day.year, day.month, day.day, 12))
    assert offset is not None  # a ZoneInfo always knows its offset
    return offset


@lru_cache(maxsize=8)
def offset_periods(today: dt.date, count: int = 2) -> tuple[tuple[dt.date, dt.date, str], ...]:
    """Return ``count`` periods of one London UTC offset, from the one holding ``today``.

    Each is ``(first day, last day, "+HH:MM")``; a period starts on the day the
    clocks change (the offset at midday decides).
    """
    start = today
    while _offset(start - dt.timedelta(days=1)) == _offset(today):
        start -= dt.timedelta(days=1)
    periods = []
    for _ in range(count):
        offset = _offset(start)
        end = start
        while _offset(end + dt.timedelta(days=1)) == offset:
            end += dt.timedelta(days=1)
        hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
        periods.append((start, end, f"+{hours:02d}:{minutes:02d}"))
        start = end + dt.timedelta(days=1)
    return tuple(periods)


def _day_pieces(hours: Hours) -> Iterator[tuple[int, int, int]]:
    """Yield ``(weekday, opens, closes)`` minutes; closes <= opens means the next day."""
    for start, end in hours.intervals:
        if end - start < _DAY and end % _DAY:
            yield (start // _DAY) % 7, start % _DAY, end % _DAY
            continue
        while start < end:  # until midnight, or several days: one piece per day
            stop = min(end, (start // _DAY + 1) * _DAY)
            yield (start // _DAY) % 7, start % _DAY, _DAY - 1 if stop % _DAY == 0 else stop % _DAY
            start = stop


def weekly_times(hours: Hours) -> list[tuple[str, int, int]]:
    """Return ``(byday, opens, closes)`` rows, the days sharing the same times grouped."""
    groups: dict[tuple[int, int], list[int]] = {}
    for day, opens, closes in _day_pieces(hours):
        groups.setdefault((opens, closes), []).append(day)
    rows = [
        (",".join(BYDAY[d] for d in sorted(set(days))), opens, closes)
        for (opens, closes), days in groups.items()
    ]
    return sorted(rows, key=lambda row: (BYDAY.index(row[0][:2]), row[1]))


def _hhmm(minutes: int, offset: str) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}{offset}"


def schedules(service: Service, today: dt.date) -> list[dict[str, Any]]:
    """Return the service's ORUK schedules for this offset period and the next."""
    hours = service.hours
    if hours is None:
        return []
    rows = weekly_times(hours)
    out = []
    for first, last, offset in offset_periods(today):
        for byday, opens, closes in rows:
            out.append(
                _compact(
                    {
                        "id": record_id(
                            "service", service.id, "schedule", first.isoformat(), byday, str(opens)
                        ),
                        "valid_from": first.isoformat(),
                        "valid_to": last.isoformat(),
                        "freq": "WEEKLY",
                        "byday": byday,
                        "opens_at": _hhmm(opens, offset),
                        "closes_at": _hhmm(closes, offset),
                        "description": hours.summary("en") + " (UK time).",
                        "notes": hours.note.en if hours.note else None,
                    }
                )
            )
    return out


# --------------------------------------------------------------------------- records


def _organization_key(service: Service) -> str:
    return service.provider or service.name.en


def taxonomy_term(content: Content, category_id: str) -> dict[str, Any]:
    category = content.categories[category_id]
    return {
        "id": record_id("taxonomy_term", category.id),
        "name": category.name.en,
        "description": category.description.en,
        "taxonomy": TAXONOMY_NAME,
        "taxonomy_id": record_id("taxonomy", "categories"),
        "term": category.id,
    }


def taxonomy(content: Content) -> dict[str, Any]:
    return {
        "id": record_id("taxonomy", "categories"),
        "name": TAXONOMY_NAME,
        "description": "The directory's categories of support for police officers, staff, "
        "volunteers and their families.",
        "version": "1",
        "taxonomy_terms": [taxonomy_term(content, c) for c in content.categories],
    }


def organization(content: Content, name: str) -> dict[str, Any]:
    services = [s.name.en for s in content.services.values() if _organization_key(s) == name]
    return {
        "id": record_id("organization", name),
        "name": name,
        "description": f"Runs {'; '.join(services)}: listed in Police Wellbeing Signpost, "
        "a directory of support for UK police officers, staff, volunteers and their families.",
    }


def _phone(service: Service, contact) -> dict[str, Any]:
    number = contact.phone.display if contact.phone else contact.value
    label = contact.label.en if contact.label else None
    if contact.kind == "text":
        how = f"Text {contact.keyword} to {number}" if contact.keyword else f"Text {number}"
        label = label if label and number in label else f"{label}: {how}" if label else how
    return _compact(
        {
            "id": record_id("service", service.id, "phone", contact.kind, number),
            "number": number,
            "type": "voice" if contact.kind == "phone" else "text",
            "description": label,
        }
    )


def _service_areas(content: Content, service: Service) -> list[dict[str, Any]]:
    if service.forces:
        return [
            {
                "id": record_id("service", service.id, "area", "force", slug),
                "name": f"{content.forces[slug].name.en} area",
                "service_area": f"The area policed by {content.forces[slug].name.en}",
            }
            for slug in service.forces
        ]
    return [
        {
            "id": record_id("service", service.id, "area", nation),
            "name": NATION_AREAS[nation][0],
            "service_area": NATION_AREAS[nation][0],
            "uri": "http://statistics.data.gov.uk/id/statistical-geography/"
            + NATION_AREAS[nation][1],
        }
        for nation in service.nations
    ]


def _languages(service: Service) -> list[dict[str, Any]]:
    codes = ["en", "cy"] if service.welsh == "yes" else ["en"]
    return [
        {"id": record_id("service", service.id, "language", c), "name": LANGUAGES[c], "code": c}
        for c in codes
    ]


def service_record(content: Content, service: Service, today: dt.date) -> dict[str, Any]:
    """Return one fully nested ORUK service."""
    email = next((c.value for c in service.contacts if c.kind == "email"), None)
    dating = service.dating
    term = taxonomy_term(content, service.category)
    return _compact(
        {
            "id": record_id("service", service.id),
            "organization_id": record_id("organization", _organization_key(service)),
            "name": service.name.en,
            "description": service.summary.en
            + (f"\n\n{service.details.en}" if service.details else ""),
            "url": service.website,
            "email": email,
            "status": "active",
            "eligibility_description": service.eligibility.en,
            "assured_date": dating.checked.date.isoformat() if dating.checked else None,
            "organization": organization(content, _organization_key(service)),
            "phones": [_phone(service, c) for c in service.contacts if c.kind in ("phone", "text")],
            "schedules": schedules(service, today),
            "service_areas": _service_areas(content, service),
            "languages": _languages(service),
            "cost_options": [
                {
                    "id": record_id("service", service.id, "cost"),
                    "amount_description": service.cost.en,
                }
            ]
            if service.cost
            else [],
            "attributes": [
                {
                    "id": record_id("service", service.id, "attribute", term["id"]),
                    "link_type": "category",
                    "taxonomy_term_id": term["id"],
                    "taxonomy_term": term,
                }
            ],
            "x_police_wellbeing": _compact(
                {
                    "id": service.id,
                    "category": service.category,
                    "audiences": list(service.audiences),
                    "crisis": service.crisis,
                    "welsh_language_service": service.welsh,
                    "source": service.source,
                    "source_date": dating.source_date.isoformat(),
                    "source_undated": dating.source_undated,
                    "checked": checked_json(dating.checked),
                    "name_cy": service.name.cy,
                    "summary_cy": service.summary.cy,
                }
            ),
        }
    )


#: The one-to-one fields (and the organisation) a paged service list carries.
LIST_FIELDS = (
    "id",
    "organization_id",
    "name",
    "description",
    "url",
    "email",
    "status",
    "eligibility_description",
    "assured_date",
    "organization",
)


def service_summary(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in LIST_FIELDS if k in record}


@dataclass(frozen=True)
class Dataset:
    """Every ORUK record, keyed by UUID, in the directory's order."""

    services: dict[str, dict[str, Any]]
    organizations: dict[str, dict[str, Any]]
    taxonomies: dict[str, dict[str, Any]]
    taxonomy_terms: dict[str, dict[str, Any]]
    service_keys: dict[str, Service]  # UUID -> the directory's service

    def export(self) -> dict[str, Any]:
        """Return everything as one JSON document (`flask content export --format oruk`)."""
        return {
            "version": VERSION,
            "profile": PROFILE,
            "taxonomies": list(self.taxonomies.values()),
            "organizations": list(self.organizations.values()),
            "services": list(self.services.values()),
        }


@lru_cache(maxsize=2)
def dataset(content: Content, today: dt.date) -> Dataset:
    """Build every record; ``today`` (London) picks the schedules' offset periods.

    Cached: the content is immutable, and a reload gives a new ``Content``.
    Callers must not change the records.
    """
    services = {
        record_id("service", s.id): service_record(content, s, today)
        for s in content.services.values()
    }
    organizations: dict[str, dict[str, Any]] = {}
    for record in services.values():
        organizations.setdefault(record["organization_id"], record["organization"])
    tax = taxonomy(content)
    return Dataset(
        services=services,
        organizations=organizations,
        taxonomies={tax["id"]: tax},
        taxonomy_terms={t["id"]: t for t in tax["taxonomy_terms"]},
        service_keys={record_id("service", s.id): s for s in content.services.values()},
    )


def london_today() -> dt.date:
    return dt.datetime.now(LONDON).date()
