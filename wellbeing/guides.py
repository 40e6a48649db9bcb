"""Family guides: one plain-language page per situation ("He died", "She is suspended").

Each guide is a TOML file in ``data/guides/<slug>.toml`` with four parts: what
you might be seeing or feeling (``seeing``), what you can do today (``today``),
who can help (``help``: directory services, each with an optional note) and
what to do if it is urgent (``urgent``, plus ``urgent_services`` when the
guide needs lines other than the crisis lines families can use). English and
Welsh are both required. A guide with ``no_force_routes = true`` (abuse by
someone in policing) may not name any force-specific service.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .content import (
    _DATING_FIELDS,
    ContentError,
    Dating,
    Service,
    Text,
    _check_keys,
    _dating,
    _read_toml,
    _text,
    _url,
    _Where,
)

SECTIONS = ("seeing", "today", "urgent")
_REQUIRED = ("order", "title", "summary", "seeing", "today", "help", "urgent", "source")
_FIELDS = (*_REQUIRED, *_DATING_FIELDS, "urgent_services", "no_force_routes", "other_sources")


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


def _welsh_text(where: _Where, table: dict[str, Any], key: str) -> Text:
    text = _text(where, table, key)
    assert text is not None
    if not text.cy:
        raise where.error("missing Welsh text", f"{key}.cy")
    return text


def _paragraphs(where: _Where, raw: dict[str, Any], key: str) -> tuple[Text, ...]:
    items = raw[key]
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise where.error(f"expected one or more [[{key}]] tables with 'en' and 'cy'", key)
    return tuple(_welsh_text(where, {f"{key}[{i}]": t}, f"{key}[{i}]") for i, t in enumerate(items))


def _help(where: _Where, raw: dict[str, Any], services: dict[str, Service]) -> tuple[Help, ...]:
    items = raw["help"]
    if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
        raise where.error("expected one or more [[help]] tables", "help")
    found: list[Help] = []
    for i, item in enumerate(items):
        name = f"help[{i}]"
        _check_keys(
            where,
            {f"{name}.{k}": v for k, v in item.items()},
            (f"{name}.service", f"{name}.note"),
            (f"{name}.service",),
        )
        sid = item["service"]
        if sid in (h.service for h in found):
            raise where.error(f"service {sid!r} is listed twice", f"{name}.service")
        if sid not in services:
            raise where.error(f"unknown service {sid!r}", f"{name}.service")
        note = None
        if "note" in item:
            note = _welsh_text(where, {f"{name}.note": item["note"]}, f"{name}.note")
        found.append(Help(sid, note))
    return tuple(found)


def _parse_guide(
    where: _Where, raw: dict[str, Any], slug: str, services: dict[str, Service]
) -> Guide:
    _check_keys(where, raw, _FIELDS, _REQUIRED)
    order = raw["order"]
    if not isinstance(order, int) or isinstance(order, bool):
        raise where.error("expected a whole number", "order")
    no_force_routes = raw.get("no_force_routes", False)
    if not isinstance(no_force_routes, bool):
        raise where.error("expected true or false", "no_force_routes")
    urgent_services = raw.get("urgent_services", [])
    if not isinstance(urgent_services, list) or not all(
        isinstance(s, str) for s in urgent_services
    ):
        raise where.error("expected a list of service ids", "urgent_services")
    for sid in urgent_services:
        if sid not in services:
            raise where.error(f"unknown service {sid!r}", "urgent_services")
    other = raw.get("other_sources", [])
    if not isinstance(other, list):
        raise where.error("expected a list of https:// URLs", "other_sources")
    guide = Guide(
        slug=slug,
        order=order,
        title=_welsh_text(where, raw, "title"),
        summary=_welsh_text(where, raw, "summary"),
        seeing=_paragraphs(where, raw, "seeing"),
        today=_paragraphs(where, raw, "today"),
        help=_help(where, raw, services),
        urgent=_paragraphs(where, raw, "urgent"),
        source=_url(where, raw["source"], "source"),
        dating=_dating(where, raw),
        urgent_services=tuple(urgent_services),
        no_force_routes=no_force_routes,
        other_sources=tuple(_url(where, u, "other_sources") for u in other),
        origin=where.file,
    )
    if no_force_routes:
        for sid in (*(h.service for h in guide.help), *guide.urgent_services):
            if services[sid].forces:
                raise where.error(
                    f"service {sid!r} belongs to particular forces; this guide must not route "
                    "anyone to a force",
                    "help",
                )
    return guide


def load_guides(root: Path, services: dict[str, Service]) -> dict[str, Guide]:
    """Load and validate every guide in ``root/guides``, in display order."""
    guides = []
    for path in sorted((root / "guides").glob("*.toml")):
        label = path.relative_to(root).as_posix()
        slug = path.stem
        where = _Where(label, "guide", slug)
        if not slug.replace("-", "").isalnum() or slug != slug.lower():
            raise ContentError(f"{label}: file name must be a lower-case slug")
        guides.append(_parse_guide(where, _read_toml(path, label), slug, services))
    return {g.slug: g for g in sorted(guides, key=lambda g: (g.order, g.slug))}
