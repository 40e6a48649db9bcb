"""Forces: every UK force, one page each, and "find your force".

`/forces/<slug>` and `/?force=<slug>` are stable deep links that forces put on
their intranets; the slugs are fixed by forces.yaml.
"""

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from . import locator
from .crisis import call_now_for, call_now_key
from .forms import FindForceForm
from .i18n import current_locale, localized_route

bp = Blueprint("forces", __name__)


def N_(message: str) -> str:
    """Mark a message for translation without translating it yet (a Babel keyword)."""
    return message


# Headings for /forces, in display order, by a force's `nation`.
GROUPS = (
    ("england", _l("England")),
    ("wales", _l("Wales")),
    ("scotland", _l("Scotland")),
    ("northern-ireland", _l("Northern Ireland")),
    ("national", _l("National forces")),
    ("crown-dependency", _l("Outside the UK")),
)

# What the locator's reason codes mean, in words a person understands
# (translated when shown; N_ only marks them for extraction).
MESSAGES = {
    "empty": N_("Enter a town, a postcode or the name of a force."),
    "too_long": N_("Enter 100 characters or fewer."),
    "bad_characters": N_("Use letters, numbers and spaces only."),
    "malformed_coordinates": N_(
        "We could not read that location. Enter a town or a postcode instead."
    ),
    "out_of_range": N_("We could not read that location. Enter a town or a postcode instead."),
    "unrecognised": N_(
        "We could not find that place. Check the spelling, or try a nearby town or a postcode."
    ),
    "outside_uk": N_("That is outside the areas of the UK police forces."),
    "non_geographic": N_(
        "That postcode is not linked to a place, for example a PO box. Try a home postcode or a town."
    ),
    "postcode": N_("This postcode is in the area of:"),
    "po_box": N_(
        "This looks like a PO box postcode. The force below covers its delivery office, which may not be where the addressee is:"
    ),
    "approximate": N_(
        "We do not have that exact postcode, so this is the most likely force for the area:"
    ),
    "place": N_("This place is in the area of:"),
    "place_fuzzy": N_("We think you meant %(matched)s. It is in the area of:"),
    "force": N_("This force matches your search:"),
    "point": N_("Your location is in the area of:"),
    "partial_postcode_mixed": N_(
        "More than one force covers that postcode area. Enter your full postcode, or choose your force:"
    ),
    "mostly": N_(
        "Most of %(matched)s is in the area of the force below. Enter your full postcode to be sure:"
    ),
    "unknown_postcode_mixed": N_(
        "We do not have that exact postcode, and more than one force covers its area. Check the postcode, or choose your force:"
    ),
    "terminated": N_("That postcode is no longer in use. When it was, it was in the area of:"),
    "terminated_mixed": N_(
        "That postcode is no longer in use, and more than one force covers its area. Enter your current postcode, or choose your force:"
    ),
    "qualifier_unmatched": N_(
        "We know no place of that name in %(matched)s. Check the spelling, or enter the place on its own or a postcode."
    ),
    "error": N_(
        "Something went wrong on our side. Try again, or choose your force from the list of every force."
    ),
    "point_border": N_(
        "Your location is close to the border between two force areas. Choose your force, or enter your postcode:"
    ),
    "place_ambiguous": N_("More than one place has that name. Choose the one you mean:"),
    "place_split": N_(
        "More than one force covers %(matched)s. Choose your force, or enter your full postcode:"
    ),
}


def content():
    return current_app.extensions["content"]


def group_of(force) -> str:
    if force.kind == "territorial":
        return force.nation
    return "national" if force.kind == "national" else "crown-dependency"


def the_locator() -> locator.Locator:
    return current_app.extensions["locator"]


def message_for(result: locator.Result) -> str:
    """Return the person-readable message for a locator result, in this request's language."""
    return gettext(MESSAGES.get(result.reason, MESSAGES["unrecognised"]), matched=result.matched)


def find(q: str | None, lat: str | None, lng: str | None) -> locator.Result:
    """Run the locator on a query, or on a location when lat/lng are given."""
    if lat is not None or lng is not None:
        point = locator.parse_point(lat, lng)
        if isinstance(point, locator.Result):
            return point
        return the_locator().locate_point(*point)
    return the_locator().locate(q or "")


@localized_route(bp, "/forces")
def index():
    """List every force, grouped by nation, A to Z."""
    return render_template("forces/index.html", groups=force_groups())


def force_groups() -> list:
    """Return (key, heading, forces) for each group of forces, A to Z in this language."""
    groups = []
    locale = current_locale()
    for key, heading in GROUPS:
        members = [f for f in content().forces.values() if group_of(f) == key]
        # Sort by the name as shown: in Welsh, "Heddlu De Cymru" comes before "Heddlu Gwent".
        members.sort(key=lambda f: f.name.get(locale)[0].removeprefix("The ").casefold())
        if members:
            groups.append((key, heading, members))
    return groups


@localized_route(bp, "/forces/<slug>")
def force(slug):
    """Show one force: call-now for its nation, its own support, its intranet list, national services."""
    found = content().forces.get(slug) or abort(404)
    services = content().services
    links = [
        (key, link, services.get(link.service) if link.service else None)
        for key, link in (
            ("treatment_centre", found.treatment_centre),
            ("childrens_charity", found.childrens_charity),
        )
        if link
    ]
    # Each service once: those the force's own sections point to are not listed again.
    shown = {s.service for s in found.own_support} | {link.service for _, link, _ in links}
    rest = [s for s in content().services_for_force(slug) if not s.crisis and s.id not in shown]
    return render_template(
        "forces/force.html",
        force=found,
        call_now=call_now_for(found),
        call_now_key=call_now_key(found),
        services=services,
        national=[s for s in rest if not s.forces],
        own=[s for s in rest if s.forces],
        linked=links,
    )


@localized_route(bp, "/find-your-force")
def find_your_force():
    """Find a force by town, postcode, force name or (with JavaScript) location."""
    form = FindForceForm(request.args)
    lat, lng = request.args.get("lat"), request.args.get("lng")
    asked = "q" in request.args or lat is not None or lng is not None
    if current_app.config.get("STATIC_EXPORT"):
        # The static copy (make export) has no server to ask: the A to Z list, and with
        # JavaScript the same lookup in the browser (static/js/find-in-browser.js).
        return render_template(
            "forces/find.html",
            form=form,
            result=None,
            message="",
            candidates=[],
            groups=force_groups(),
            in_browser=in_browser_data(),
        )
    if not asked:
        return render_template(
            "forces/find.html", form=form, result=None, message="", candidates=[]
        )
    result = find(form.q.data, lat, lng)
    message = message_for(result)
    if result.status == "invalid":
        # A location that cannot be read is fixed by typing a place instead, so
        # its error, like a bad query's, points at the search box.
        form.q.errors = [message]
        return render_template(
            "forces/find.html", form=form, result=result, message=message, candidates=[]
        ), 400
    forces = [content().forces[slug] for slug in result.forces]
    qualifiers = list(result.qualifiers) + [""] * (len(forces) - len(result.qualifiers))
    return render_template(
        "forces/find.html",
        form=form,
        result=result,
        message=message,
        candidates=list(zip(forces, qualifiers, strict=True)),
    )


def in_browser_data() -> dict:
    """Return what the in-browser lookup shows: messages, force names and links, headings."""
    forces = content().forces
    return {
        "messages": {
            reason: gettext(text, matched="%(matched)s") for reason, text in MESSAGES.items()
        },
        "forces": {
            slug: [f.name.get(current_locale())[0], url_for("forces.force", slug=slug)]
            for slug, f in forces.items()
        },
        "headings": {
            "found": gettext("Your force"),
            "ambiguous": gettext("Choose your force"),
            "not_found": gettext("No force found"),
        },
        "unavailable": gettext("The search could not load. Choose your force from the list below."),
    }


@localized_route(bp, "/about-the-data")
def about_data():
    """Say where the postcode and place data comes from, and what the content's dates mean."""
    content = current_app.extensions["content"]
    entries = (*content.services.values(), *content.forces.values())
    return render_template(
        "forces/about_data.html",
        info=the_locator().info(),
        checked=sum(1 for e in entries if e.dating.checked),
        entries=len(entries),
    )
