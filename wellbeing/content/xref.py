"""Cross-references: every id one entry (or the code) names must exist.

A typo in a service id fails the load here, naming the id and where it is used,
rather than as a page that cannot render.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .errors import ContentError, problem
from .records import CallNow, Category, Force, Guide, Service


def problems(
    categories: Mapping[str, Category],
    services: Mapping[str, Service],
    forces: Mapping[str, Force],
    guides: Mapping[str, Guide],
    call_now: CallNow | None,
) -> list[str]:
    """Return a line for every reference to a category, service or force that does not exist."""
    out: list[str] = []
    for svc in services.values():
        entry = f"service '{svc.id}'"
        if svc.category not in categories:
            out.append(problem(svc.origin, f"unknown category '{svc.category}'", entry, "category"))
        out += [
            problem(svc.origin, f"unknown force '{slug}'", entry, "forces")
            for slug in svc.forces
            if slug not in forces
        ]
    for force in forces.values():
        named = [
            (key, link.service)
            for key, link in (
                ("treatment_centre.service", force.treatment_centre),
                ("childrens_charity.service", force.childrens_charity),
            )
            if link and link.service
        ]
        named += [(f"{s.kind}.service", s.service) for s in force.own_support if s.service]
        out += [
            problem(force.origin, f"unknown service '{sid}'", f"force '{force.slug}'", key)
            for key, sid in named
            if sid not in services
        ]
    for guide in guides.values():
        out += _guide(guide, services)
    if call_now is not None:
        for sid, wheres in call_now.uses().items():
            if sid not in services:
                out += [
                    problem(call_now.origin, f"unknown service '{sid}'", None, w) for w in wheres
                ]
    return out


def _guide(guide: Guide, services: Mapping[str, Service]) -> list[str]:
    entry = f"guide '{guide.slug}'"
    named = [(f"help[{i}].service", h.service) for i, h in enumerate(guide.help)]
    named += [("urgent_services", sid) for sid in guide.urgent_services]
    out = [
        problem(guide.origin, f"unknown service '{sid}'", entry, key)
        for key, sid in named
        if sid not in services
    ]
    if guide.no_force_routes:
        out += [
            problem(
                guide.origin,
                f"service '{sid}' belongs to particular forces; this guide must not route "
                "anyone to a force",
                entry,
                key,
            )
            for key, sid in named
            if sid in services and services[sid].forces
        ]
    return out


def require(found: Iterable[str], used: Mapping[str, str], what: str) -> None:
    """Raise ContentError for each id the code relies on (``used``: id -> where) not ``found``."""
    have = set(found)
    missing = [
        f"{where}: uses {what} '{i}', which is not in the content"
        for i, where in used.items()
        if i not in have
    ]
    if missing:
        raise ContentError(missing)
