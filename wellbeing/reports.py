""" "Something wrong or out of date?": a short form on every entry, stored for review.

A plain POST form (no JavaScript needed) answered by a redirect to a thank-you
page with the call buttons. Templates link to it with the `report_link` macro
(templates/macros/report.html). Maintainers review what comes in with
`flask reports list|show|resolve|export` (cli.py).

Forged and scripted submissions are kept out by a same-origin check, a
honeypot field and a per-client rate limit; see `ReportForm` for why there is
no CSRF token.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, current_app, redirect, render_template, request, url_for

from .crisis import DEFAULT_CALL_NOW, services
from .forms import ReportForm
from .i18n import current_locale, localized_route
from .rate_limit import RateLimit
from .report_store import ReportStore

bp = Blueprint("reports", __name__)

# A part of an entry's page (the id of its heading), e.g. "contacts" on a force page.
SECTION = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


@dataclass(frozen=True)
class EntryKind:
    """A kind of entry that can be reported: where its entries are and where its page is."""

    entries: Callable[[Any], Mapping[str, Any]]  # content -> {id: entry with a .name}
    endpoint: str
    arg: str

    def url(self, entry_id: str, section: str = "") -> str:
        values: dict[str, Any] = {self.arg: entry_id}
        return url_for(self.endpoint, **values) + (f"#{section}" if section else "")


# Add a kind here (and pass it to `report_link`) to make its entries reportable.
ENTRY_KINDS = {
    "service": EntryKind(lambda content: content.services, "directory.service", "service_id"),
    "force": EntryKind(lambda content: content.forces, "forces.force", "slug"),
    "guide": EntryKind(lambda content: content.guides, "families.guide", "slug"),
}


def find_entry(kind: str, entry_id: str):
    """Return (kind, entry) for a reportable entry, or answer 404."""
    found = ENTRY_KINDS.get(kind)
    entry = found and found.entries(current_app.extensions["content"]).get(entry_id)
    if not entry:
        abort(404)
    return found, entry


def cross_site() -> bool:
    """Return True if a browser says this request came from another site.

    Browsers send `Sec-Fetch-Site` with every request and a page cannot forge
    it; older browsers send `Origin` with every POST. A request with neither
    is not from a browser a hostile page could drive, so it is not refused here
    (the rate limit still applies).
    """
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site != "same-origin"
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    return origin == "null" or urlsplit(origin).netloc != request.host


def store() -> ReportStore:
    return current_app.extensions["reports"]


@localized_route(bp, "/report/<kind>/<entry_id>", methods=["GET", "POST"])
def form(kind, entry_id):
    """Ask what is wrong with one entry; store the answer and thank the sender."""
    entry_kind, entry = find_entry(kind, entry_id)
    section = request.values.get("section", "")
    if section and not SECTION.fullmatch(section):
        abort(404 if request.method == "GET" else 400)
    report = ReportForm()
    status = 200
    limited = False
    if request.method == "POST":
        if cross_site():
            abort(403)
        thanks = redirect(url_for(".thanks", kind=kind, entry_id=entry_id), code=303)
        if report.website.data:
            return thanks  # a bot filled the honeypot: look the same, store nothing
        if report.validate():
            if current_app.extensions["report_rate_limit"].allow(request.remote_addr or ""):
                store().add(
                    kind=kind,
                    entry_id=entry_id,
                    section=section,
                    problem=report.problem.data,
                    correction=report.correction.data or "",
                    from_provider=report.from_provider.data,
                    lang=current_locale(),
                )
                return thanks
            limited, status = True, 429
        else:
            status = 400
    return render_template(
        "reports/form.html",
        form=report,
        entry=entry,
        kind=kind,
        entry_id=entry_id,
        section=section,
        back=entry_kind.url(entry_id, section),
        limited=limited,
        retention_days=store().retention.days,
    ), status


@localized_route(bp, "/report/<kind>/<entry_id>/thanks")
def thanks(kind, entry_id):
    """Thank the sender, with the call buttons and a way back to the entry."""
    entry_kind, entry = find_entry(kind, entry_id)
    return render_template(
        "reports/thanks.html",
        entry=entry,
        back=entry_kind.url(entry_id),
        call_now=services(DEFAULT_CALL_NOW),
    )


def init_app(app: Flask) -> None:
    """Open the report store (created on first write) and the per-client rate limit."""
    store = ReportStore(
        app.config["REPORTS_DB"], retention_days=app.config["REPORT_RETENTION_DAYS"]
    )
    if store.path.exists():
        store.purge()  # expired reports go at every start, as well as at every write and review
    app.extensions["reports"] = store
    app.extensions["report_rate_limit"] = RateLimit(
        app.config["REPORT_RATE_LIMIT"], app.config["REPORT_RATE_WINDOW"]
    )
