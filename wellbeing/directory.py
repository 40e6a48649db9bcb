"""The self-help directory: categories, services, search, and the families and
treatment-centre hubs. Server-rendered; search is a GET form."""

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import lazy_gettext as _l

from .content import time_words
from .crisis import DEFAULT_CALL_NOW, services
from .forms import AUDIENCE_LABELS, NATION_LABELS, DirectorySearchForm
from .i18n import format_date, localized_route

bp = Blueprint("directory", __name__)

DAY_NAMES = (
    _l("Monday"),
    _l("Tuesday"),
    _l("Wednesday"),
    _l("Thursday"),
    _l("Friday"),
    _l("Saturday"),
    _l("Sunday"),
)
WELSH_LABELS = {
    "yes": _l("Yes"),
    "no": _l("No, English only"),
    "unknown": _l("Not known"),
}

FAMILY_CATEGORIES = ("families", "bereavement", "domestic-abuse")

# Where someone may need to leave fast, "Exit this page" sits above the content
# (the GOV.UK pattern): the directory and family pages, the force pages and find
# your force. Its own explanation page leaves it out.
EXIT_BLUEPRINTS = ("directory", "families")
EXIT_ENDPOINTS = ("forces.force", "forces.find_your_force")
NO_EXIT_ENDPOINTS = ("directory.exit_this_page",)
TREATMENT_CATEGORY = "treatment"
#: The categories these pages name, checked against the content at start-up.
CATEGORIES_USED = {c: "wellbeing/directory.py" for c in (*FAMILY_CATEGORIES, TREATMENT_CATEGORY)}


def content():
    return current_app.extensions["content"]


@bp.app_context_processor
def labels():
    return {
        "audience_labels": AUDIENCE_LABELS,
        "nation_labels": NATION_LABELS,
        "welsh_labels": WELSH_LABELS,
        "format_date": format_date,
        "day_names": DAY_NAMES,
        "show_exit_this_page": show_exit_this_page(),
        "time_words": time_words,
    }


def show_exit_this_page() -> bool:
    """Say whether this page carries the "Exit this page" button."""
    endpoint = request.endpoint or ""
    if endpoint in NO_EXIT_ENDPOINTS:
        return False
    return request.blueprint in EXIT_BLUEPRINTS or endpoint in EXIT_ENDPOINTS


@localized_route(bp, "/directory")
def index():
    """List the categories with counts, or the results of a search."""
    form = DirectorySearchForm(request.args)
    searching = any(request.args.get(k) for k in ("q", "audience", "nation"))
    if not form.validate():
        return render_template(
            "directory/index.html",
            form=form,
            searching=True,
            results=None,
            categories=[],
            call_now=[],
        ), 400
    if not searching:
        categories = [(c, len(content().services_in(c.id))) for c in content().categories.values()]
        return render_template(
            "directory/index.html",
            form=form,
            searching=False,
            categories=categories,
            results=None,
            call_now=[],
        )
    results = content().search(
        form.q.data or "", form.audience.data or None, form.nation.data or None
    )
    call_now = [] if results else services(DEFAULT_CALL_NOW)
    return render_template(
        "directory/index.html",
        form=form,
        searching=True,
        results=results,
        categories=[],
        call_now=call_now,
    )


@localized_route(bp, "/directory/<category>")
def category(category):
    """List the services in one category."""
    found = content().categories.get(category) or abort(404)
    return render_template(
        "directory/category.html", category=found, services=content().services_in(category)
    )


@localized_route(bp, "/services/<service_id>")
def service(service_id):
    """Show everything about one service."""
    found = content().services.get(service_id) or abort(404)
    return render_template(
        "directory/service.html", service=found, category=content().categories[found.category]
    )


@localized_route(bp, "/families")
def families():
    """List the family guides (one per situation), the lines families can call, and the
    family categories of the directory."""
    return render_template(
        "directory/families.html",
        guides=content().guides.values(),
        categories=[content().categories[c] for c in FAMILY_CATEGORIES],
        call_now=services(("samaritans", "shout")),
    )


@localized_route(bp, "/treatment-centres")
def treatment_centres():
    """Show the treatment and rehabilitation centres and who each one serves."""
    centres = content().services_in(TREATMENT_CATEGORY)
    # {centre id: [(force, verified)]}: a force's own link, or a centre only for named forces.
    forces_by_centre: dict[str, list] = {}
    unmatched: list = []
    for force in content().forces.values():
        link = force.treatment_centre
        if link and link.service:
            forces_by_centre.setdefault(link.service, []).append(
                (force, link.confidence == "verified")
            )
        elif force.kind != "crown-dependency":
            unmatched.append(force)
    for centre in centres:
        for slug in centre.forces:
            forces_by_centre.setdefault(centre.id, []).append((content().forces[slug], True))
    return render_template(
        "directory/treatment_centres.html",
        centres=centres,
        forces_by_centre=forces_by_centre,
        unmatched=unmatched,
        category=content().categories[TREATMENT_CATEGORY],
    )


@localized_route(bp, "/exit-this-page")
def exit_this_page():
    """Explain the Exit this page button and how to browse more safely."""
    return render_template("directory/exit.html")
