"""A force's own support: its Federation branch, union, chaplaincy, funds and more.

Each force file may carry these tables, each resting on one public source::

    [federation]        the Federation branch or staff association
    [unison]            the UNISON police staff branch
    [chaplaincy]        the force's public chaplaincy page
    [wellbeing_page]    the force's public page about staff wellbeing
    [eap]               the employee assistance provider, where it is published
    [[funds]]           the force's own benevolent funds and welfare schemes

Fields: ``name`` (text; optional where the kind says enough), ``url`` (as
published, so http:// is allowed here),
``service`` (a directory service this points to), ``phone``, ``confidence``
(verified or likely: an unverified item is never stated as fact, so it is not
in the data), ``source`` and the dating fields (``source_date``,
``source_undated``, ``checked``).

A phone number is a local number: it is accepted only from a source dated 2022
or later, or once a person has checked it against the live source. Older or
undated numbers stay out of the data (they are kept in the research notes for a
person to re-check).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .content import (
    _DATING_FIELDS,
    _ID_RE,
    CONFIDENCES,
    ContentError,
    Dating,
    Phone,
    Text,
    _check_keys,
    _dating,
    _enum,
    _text,
    _url,
    _Where,
    format_phone,
)

#: Section kinds in page order; ``funds`` is a list, the others one table each.
KINDS = ("federation", "unison", "chaplaincy", "funds", "wellbeing_page", "eap")
#: The earliest source date a local phone number may rest on without a live check.
PHONE_SOURCE_FROM = dt.date(2022, 1, 1)

_FIELDS = ("name", "url", "service", "phone", "confidence", "source", *_DATING_FIELDS)
_REQUIRED = ("confidence", "source", "source_date")


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


def parse_sections(w: _Where, raw: dict[str, Any]) -> tuple[Section, ...]:
    """Return the force's own-support sections in page order (``raw`` is the force table)."""
    out: list[Section] = []
    for kind in KINDS:
        value = raw.get(kind)
        if value is None:
            continue
        if kind == "funds":
            if not isinstance(value, list):
                raise w.error("expected [[funds]] tables", kind)
            out += [_parse(w, item, f"funds[{i}]", kind) for i, item in enumerate(value)]
        else:
            out.append(_parse(w, value, kind, kind))
    return tuple(out)


def _parse(w: _Where, raw: Any, key: str, kind: str) -> Section:
    if not isinstance(raw, dict):
        raise w.error("expected a table", key)
    prefixed = {f"{key}.{k}": v for k, v in raw.items()}
    _check_keys(w, prefixed, [f"{key}.{k}" for k in _FIELDS], [f"{key}.{k}" for k in _REQUIRED])
    service = raw.get("service")
    if service is not None and (not isinstance(service, str) or not _ID_RE.fullmatch(service)):
        raise w.error("expected a service id", f"{key}.service")
    if kind == "funds" and "name" not in raw and service is None:
        raise w.error("a fund needs a name or a service", f"{key}.name")
    dating = _dating(_Prefixed(w, key), raw)
    phone = None
    if "phone" in raw:
        try:
            phone = format_phone(raw["phone"])
        except (ValueError, TypeError) as exc:
            raise w.error(str(exc), f"{key}.phone") from None
        if not dating.checked and (dating.source_undated or dating.source_date < PHONE_SOURCE_FROM):
            raise w.error(
                "a local phone number needs a source dated 2022 or later, or a live check",
                f"{key}.phone",
            )
    return Section(
        kind=kind,
        confidence=_enum(w, raw["confidence"], f"{key}.confidence", CONFIDENCES),
        source=_url(w, raw["source"], f"{key}.source"),
        dating=dating,
        name=_text(w, {f"{key}.name": raw.get("name")}, f"{key}.name", required=False),
        url=_link(w, raw["url"], f"{key}.url") if "url" in raw else None,
        service=service,
        phone=phone,
    )


def _link(w: _Where, value: Any, key: str) -> str:
    """Accept a link as its owner publishes it: some branch sites are still http only."""
    if isinstance(value, str) and value.startswith("http://"):
        _url(w, "https://" + value.removeprefix("http://"), key)
        return value
    return _url(w, value, key)


class _Prefixed(_Where):
    """A _Where whose field names carry the section's key, for the dating fields."""

    def __init__(self, w: _Where, key: str):
        super().__init__(w.file, w.kind, w.ident)
        self.key = key

    def error(self, message: str, field_name: str | None = None) -> ContentError:
        return super().error(message, f"{self.key}.{field_name}" if field_name else self.key)
