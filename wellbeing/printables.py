"""Printables for a force's kit: an A4 poster and a credit-card-size wallet card.

`/forces/<slug>/kit/poster` and `/forces/<slug>/kit/wallet-card` (and `/cy/…`)
are HTML pages with their own print stylesheet (`static/css/print.css`), each
one A4 page when printed. They carry the call-now lines for the force's nation
(`crisis.call_now_for`, so never the policing crisis line for Scotland or
PSNI), the force's own support, a QR code to the force's page and how current
the information is, in the dating model's terms.

The QR code and the printed address are absolute URLs built from
`WELLBEING_BASE_URL`, never from the Host header: pages are cached in memory by
path. Without it, the pages say the site's address is not configured and print
no code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from flask import Blueprint, abort, current_app, render_template, url_for
from flask_babel import gettext

from .crisis import call_now_for, call_now_key
from .i18n import format_date, localized_route
from .qr import qr_svg
from .urls import absolute_url

bp = Blueprint("printables", __name__)


@dataclass(frozen=True)
class Dates:
    """How current a printable's entries are: how many were checked live, and their sources' dates."""

    total: int
    checked: int
    earliest_check: dt.date | None  # the oldest live check, if any
    latest_check: dt.date | None
    oldest_source: dt.date | None  # source dates of the entries not yet checked
    newest_source: dt.date | None
    undated: bool  # some of those sources carry no date (the date is when it was read)


def dates_of(entries: Iterable) -> Dates:
    """Summarise the dating of every entry a printable shows."""
    datings = [e.dating for e in entries]
    checks = [d.checked.date for d in datings if d.checked]
    sources = [d for d in datings if not d.checked]
    source_dates = [d.source_date for d in sources]
    return Dates(
        total=len(datings),
        checked=len(checks),
        earliest_check=min(checks, default=None),
        latest_check=max(checks, default=None),
        oldest_source=min(source_dates, default=None),
        newest_source=max(source_dates, default=None),
        undated=any(d.source_undated for d in sources),
    )


def dating_line(dates: Dates) -> str:
    """Say in one sentence how current the printed information is, never more than it is."""
    if dates.total == 0:
        return ""
    if dates.checked == dates.total:
        return gettext(
            "Every item was checked against its live source, the earliest on %(date)s.",
            date=format_date(dates.earliest_check, "long"),
        )
    assert dates.oldest_source and dates.newest_source
    oldest = format_date(dates.oldest_source, "MMMM y")
    newest = format_date(dates.newest_source, "MMMM y")
    span = (
        oldest if oldest == newest else gettext("%(first)s to %(last)s", first=oldest, last=newest)
    )
    if dates.checked:
        checked = {
            "checked": dates.checked,
            "total": dates.total,
            "date": format_date(dates.latest_check, "long"),
            "dates": span,
        }
        if dates.undated:
            return gettext(
                "%(checked)s of %(total)s items checked live, the latest on %(date)s; the others rest on sources dated or read %(dates)s.",
                **checked,
            )
        return gettext(
            "%(checked)s of %(total)s items checked live, the latest on %(date)s; the others rest on sources dated %(dates)s.",
            **checked,
        )
    if dates.undated:
        return gettext("Sources dated or read %(dates)s · not yet checked live.", dates=span)
    return gettext("Sources dated %(dates)s · not yet checked live.", dates=span)


def _render(template: str, slug: str, *, phones_only: bool = False):
    force = current_app.extensions["content"].forces.get(slug) or abort(404)
    services = current_app.extensions["content"].services
    call_now = call_now_for(force)
    own = [
        (item, services.get(item.service) if item.service else None) for item in force.own_support
    ]
    if phones_only:
        # The card has room for the numbers only; the QR code leads to the rest.
        own = [(item, service) for item, service in own if item.phone]
    force_url = absolute_url("forces.force", slug=slug)
    qr = qr_svg(force_url, gettext("QR code: %(url)s", url=force_url)) if force_url else None
    return render_template(
        template,
        force=force,
        call_now=call_now,
        call_now_key=call_now_key(force),
        own=own,
        # A deployer's own numbers (WELLBEING_DATA_DIR); the public data has none.
        intranet=[item for item in force.intranet_services if item.phone],
        force_url=force_url,
        qr=qr,
        kit_url=url_for("kit.kit", slug=slug),
        dating_line=dating_line(dates_of([*call_now, *(item for item, _ in own)])),
    )


@localized_route(bp, "/forces/<slug>/kit/poster")
def poster(slug: str):
    """An A4 poster: who to call now, the force's own support, and a QR code to its page."""
    return _render("printables/poster.html", slug)


@localized_route(bp, "/forces/<slug>/kit/wallet-card")
def wallet_card(slug: str):
    """A wallet card, front and back on one A4 sheet with crop marks, to cut out and fold."""
    return _render("printables/wallet_card.html", slug, phones_only=True)
