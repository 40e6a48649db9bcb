"""Call now: the home page and the crisis page, in English and Welsh."""

from flask import Blueprint, current_app, render_template, request

from .config import PACKAGE_DIR
from .content import read_call_now
from .i18n import localized_route

bp = Blueprint("crisis", __name__)

# Which crisis services each page offers: wellbeing/data/call_now.toml, whose
# service ids the content loader checks.
LISTS = read_call_now(PACKAGE_DIR / "data" / "call_now.toml")
#: The call-now list for a force's people, by call_now_key.
CALL_NOW = LISTS.lists
#: The ids the views and the call-now lists rely on.
REQUIRED_SERVICES = frozenset(LISTS.uses())
# Without a force: England and Wales, where most of the workforce is.
DEFAULT_KEY = "england"
DEFAULT_CALL_NOW = CALL_NOW[DEFAULT_KEY]
# The home and offline pages carry every option; those not for the visitor's
# nation are hidden, and the saved-force script can show them without a request.
HOME_OPTIONS = tuple(dict.fromkeys(i for ids in CALL_NOW.values() for i in ids))
# For each home-page option, the CALL_NOW keys it belongs to (its data-nations).
HOME_NATIONS = {i: [key for key, ids in CALL_NOW.items() if i in ids] for i in HOME_OPTIONS}
# Help now: every nation in turn (England and Wales first, where the crisis line is).
HELP_NOW_SECTIONS = ("scotland", "northern-ireland", "crown-dependency")
# The line a family member can call for urgent mental health help, by nation.
FAMILY_URGENT = LISTS.urgent


def services(ids):
    """Return the services with these ids, in order."""
    content = current_app.extensions["content"]
    return [content.services[service_id] for service_id in ids]


def call_now_key(force) -> str:
    """Return the CALL_NOW key for a force: its nation, or "crown-dependency"."""
    if force.kind == "crown-dependency":
        return force.kind
    return force.nation


def call_now_for(force):
    """Return the crisis services for a force's people, in order."""
    return services(CALL_NOW[call_now_key(force)])


def force_keys() -> dict[str, str]:
    """Map every force slug to its CALL_NOW key, for pages that pick options in the browser."""
    return {slug: call_now_key(f) for slug, f in current_app.extensions["content"].forces.items()}


def all_options(key: str = DEFAULT_KEY) -> dict:
    """Return what a page showing every option (home, offline) needs to render them."""
    return {
        "options": services(HOME_OPTIONS),
        "shown": set(CALL_NOW[key]),
        "nations": HOME_NATIONS,
        "force_keys": force_keys(),
    }


@localized_route(bp, "/")
def home():
    """Show the call-now block first, then the ways into the rest of the site.

    `/?force=<slug>` (a force's intranet link) shows that force first and the
    call-now block for its nation.
    """
    content = current_app.extensions["content"]
    slug = request.args.get("force")
    force = content.forces.get(slug) if slug else None
    key = call_now_key(force) if force else DEFAULT_KEY
    page = render_template(
        "crisis/home.html",
        **all_options(key),
        force=force,
        unknown_force=bool(slug) and force is None,
    )
    # A mistyped intranet link still shows every crisis option, with a 404 status.
    return page, 404 if slug and force is None else 200


@localized_route(bp, "/help-now")
def help_now():
    """Show every urgent option: England and Wales first, then each other nation."""
    return render_template(
        "crisis/help_now.html",
        call_now=services(DEFAULT_CALL_NOW),
        nhs_111_wales=services([FAMILY_URGENT["wales"]])[0],
        nations={nation: services(CALL_NOW[nation]) for nation in HELP_NOW_SECTIONS},
        anyone=services(LISTS.anyone),
        family_urgent={n: services([i])[0] for n, i in FAMILY_URGENT.items()},
    )
