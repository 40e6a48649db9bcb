"""Family guides: /families/<situation>, in English and Welsh, with no JavaScript needed.

The reader may say where they live with a plain `?nation=` link; it is used for
this one page and never stored.
"""

from flask import Blueprint, abort, current_app, render_template, request

from .content import NATIONS
from .crisis import CALL_NOW, services
from .i18n import localized_route

bp = Blueprint("families", __name__)


def guides():
    return current_app.extensions["content"].guides


def family_lines(nation: str | None):
    """Return the crisis lines a family member can use: for one nation, or those UK-wide.

    The policing crisis line is for officers and staff, so it is never one of them.
    """
    if nation:
        ids = list(CALL_NOW[nation])
    else:
        ids = list(dict.fromkeys(i for n in NATIONS for i in CALL_NOW[n]))
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
