"""Checks on loaded content for ``flask content check``: staleness, unchecked entries, Welsh."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .loader import load_content
from .phones import format_phone
from .records import Force, Service
from .store import Content


@dataclass(frozen=True, slots=True)
class Issue:
    level: str  # error | warning | info
    where: str  # e.g. "service 'samaritans'" or a file name
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class CheckReport:
    errors: list[Issue]
    warnings: list[Issue]
    info: list[Issue]
    content: Content | None

    @property
    def ok(self) -> bool:
        return not self.errors


def issues(content: Content, today: dt.date, months: int = 12) -> list[Issue]:
    """Return problems worth a look in loaded content (for ``flask content check``).

    - error: a phone number that no longer validates (e.g. after a phonenumbers upgrade);
    - warning: a source dated more than ``months`` months ago; an entry nobody has
      checked against its live source; a number only rated "likely"; missing Welsh text;
    - info: a force website rated only "likely".
    """
    out: list[Issue] = []
    for svc in content.services.values():
        where = f"{svc.origin}: service '{svc.id}'"
        for contact in svc.contacts:
            if contact.kind in ("phone", "text"):
                try:
                    format_phone(contact.value)
                except ValueError as exc:
                    out.append(Issue("error", where, str(exc)))
            if contact.confidence == "likely":
                out.append(
                    Issue(
                        "warning",
                        where,
                        f"{contact.kind} {contact.value} is only rated 'likely': re-check it",
                    )
                )
        for name in (
            "name",
            "summary",
            "details",
            "caveat",
            "eligibility",
            "cost",
            "who_will_know",
        ):
            value = getattr(svc, name)
            if value is not None and not value.cy:
                out.append(Issue("warning", where, f"no Welsh text for '{name}'"))
    for entry in content.stale(today, months):
        kind = "service" if isinstance(entry, Service) else "force"
        ident = entry.id if isinstance(entry, Service) else entry.slug
        out.append(
            Issue(
                "warning",
                f"{entry.origin}: {kind} '{ident}'",
                f"source dated {entry.dating.source_date.isoformat()}, more than {months} months ago",
            )
        )
    entries: list[Service | Force] = [*content.services.values(), *content.forces.values()]
    for entry in entries:
        if entry.dating.checked is None:
            kind, ident = (
                ("service", entry.id) if isinstance(entry, Service) else ("force", entry.slug)
            )
            out.append(
                Issue(
                    "warning",
                    f"{entry.origin}: {kind} '{ident}'",
                    "never checked against the live source",
                )
            )
    for force in content.forces.values():
        if force.website_confidence != "verified":
            out.append(
                Issue(
                    "info",
                    f"{force.origin}: force '{force.slug}'",
                    f"website {force.website} not seen live",
                )
            )
    return out


def check(
    data_dir: Path, extra_dir: Path | None = None, today: dt.date | None = None
) -> CheckReport:
    """Load content and report errors, warnings and info without raising."""
    today = today or dt.date.today()
    try:
        content = load_content(data_dir, extra_dir)
    except ContentError as exc:
        return CheckReport([Issue("error", "content", p) for p in exc.problems], [], [], None)
    found = issues(content, today)
    return CheckReport(
        [i for i in found if i.level == "error"],
        [i for i in found if i.level == "warning"],
        [i for i in found if i.level == "info"],
        content,
    )
