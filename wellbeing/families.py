"""Family guides: /families/<situation>, in English and Welsh, with no JavaScript needed.

The reader may say where they live with a plain `?nation=` link; it is used for
this one page and never stored.
"""

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import gettext

from .content import NATIONS
from .crisis import CALL_NOW, call_now_for, services
from .i18n import current_locale, localized_route
from .qr import qr_svg
from .urls import absolute_url

bp = Blueprint("families", __name__)


def guides():
    return current_app.extensions["content"].guides


def family_lines(nation: str | None):
    """Return the crisis lines a family member can use: for one nation, or those UK-wide.

    The policing crisis line is for officers and staff, so it is never one of them.
    """
    ids = (
        CALL_NOW[nation]
        if nation
        else tuple(dict.fromkeys(i for n in NATIONS for i in CALL_NOW[n]))
    )
    found = [s for s in services(ids) if "family" in s.audiences]
    return found if nation else [s for s in found if set(s.nations) == set(NATIONS)]


@localized_route(bp, "/families/<slug>")
def guide(slug):
    """Show one situation: what you may notice, what to do today, who can help, and urgent help."""
    found = guides().get(slug) or abort(404)
    nation = request.args.get("nation")
    bad_nation = nation is not None and nation not in NATIONS
    if bad_nation:
        nation = None
    content = current_app.extensions["content"]
    helpers = [
        (h, content.services[h.service])
        for h in found.help
        if not nation or nation in content.services[h.service].nations
    ]
    urgent = services(found.urgent_services) if found.urgent_services else family_lines(nation)
    page = render_template(
        "families/guide.html",
        guide=found,
        nation=nation,
        nations=NATIONS,
        bad_nation=bad_nation,
        helpers=helpers,
        urgent=urgent,
    )
    return page, 400 if bad_nation else 200


@localized_route(bp, "/forces/<slug>/family")
def force_family(slug):
    """Show a page an officer can share with their family: the guides, the force's children's
    charity and funds, the lines a family member can call, and a QR code to this page.

    It is the same page for everyone: nothing about who shares or opens it.
    """
    content = current_app.extensions["content"]
    force = content.forces.get(slug) or abort(404)
    charity = force.childrens_charity
    url = absolute_url("families.force_family", slug=slug)
    name = force.name.get(current_locale())[0]
    label = gettext("QR code to this page for families of %(force)s", force=name)
    return render_template(
        "families/force.html",
        force=force,
        guides=content.guides.values(),
        # Only what the content holds for this force: never a guess.
        charity=content.services[charity.service] if charity and charity.service else None,
        charity_link=charity,
        funds=[s for s in force.own_support if s.kind == "funds"],
        services=content.services,
        urgent=[s for s in call_now_for(force) if "family" in s.audiences],
        url=url,
        qr=qr_svg(url, label) if url else None,
    )
