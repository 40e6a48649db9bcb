"""Call now: the home page and the crisis page, in English and Welsh."""

from flask import Blueprint, current_app, render_template, request

from .i18n import localized_route

bp = Blueprint("crisis", __name__)

# Which crisis services the call-now block offers, in order, for a force's nation.
# The policing crisis line covers officers and staff in England and Wales only.
CALL_NOW = {
    "england": (
        "oscar-kilo-crisis-line",
        "emergency-999",
        "samaritans",
        "shout",
        "nhs-111-england",
    ),
    "wales": ("oscar-kilo-crisis-line", "emergency-999", "samaritans", "shout", "nhs-111-wales"),
    "scotland": ("emergency-999", "samaritans", "shout", "nhs-24-111", "breathing-space"),
    "northern-ireland": ("emergency-999", "lifeline", "samaritans", "shout"),
    # BTP, CNC and MDP: whether the crisis line covers them is not confirmed.
    "national": ("emergency-999", "samaritans", "shout", "nhs-111-england"),
    "crown-dependency": ("emergency-999",),
}
# Without a force: England and Wales, where most of the workforce is.
DEFAULT_CALL_NOW = CALL_NOW["england"]
# The home page carries every nation's options; those not for the visitor's
# nation are hidden, and the saved-force script can show them without a request.
HOME_OPTIONS = tuple(dict.fromkeys(i for ids in CALL_NOW.values() for i in ids))
# For each home-page option, the CALL_NOW keys it belongs to (its data-nations).
HOME_NATIONS = {i: [key for key, ids in CALL_NOW.items() if i in ids] for i in HOME_OPTIONS}
HELP_NOW_SECTIONS = ("scotland", "northern-ireland")


def services(ids):
    """Return the services with these ids, in order."""
    content = current_app.extensions["content"]
    return [content.services[service_id] for service_id in ids]


def call_now_key(force) -> str:
    """Return the CALL_NOW key for a force."""
    if force.kind == "territorial":
        return force.nation
    return force.kind


def call_now_for(force):
    """Return the crisis services for a force's people, in order."""
    return services(CALL_NOW[call_now_key(force)])


@localized_route(bp, "/")
def home():
    """Show the call-now block first, then the ways into the rest of the site.

    `/?force=<slug>` (a force's intranet link) shows that force first and the
    call-now block for its nation.
    """
    content = current_app.extensions["content"]
    slug = request.args.get("force")
    force = content.forces.get(slug) if slug else None
    key = call_now_key(force) if force else "england"
    page = render_template(
        "crisis/home.html",
        options=services(HOME_OPTIONS),
        shown=set(CALL_NOW[key]),
        nations=HOME_NATIONS,
        force=force,
        unknown_force=bool(slug) and force is None,
    )
    # A mistyped intranet link still shows every crisis option, with a 404 status.
    return page, 404 if slug and force is None else 200


@localized_route(bp, "/help-now")
def help_now():
    """Show every urgent option, England and Wales first, then Scotland and Northern Ireland."""
    return render_template(
        "crisis/help_now.html",
        call_now=services(DEFAULT_CALL_NOW),
        nhs_111_wales=services(["nhs-111-wales"])[0],
        nations={nation: services(CALL_NOW[nation]) for nation in HELP_NOW_SECTIONS},
    )
