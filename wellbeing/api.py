"""The read-only JSON API (`/api/v1/...`), CORS-open, described by `/api/v1/openapi.json`.

The views build the answers' models (`api_models.py`) from the loaded content.
"""

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from . import api_models as out
from . import locator
from .content import (
    AUDIENCES,
    NATIONS,
    Contact,
    Dating,
    Force,
    ForceLink,
    Hours,
    Section,
    Service,
    Text,
)
from .forces import message_for, the_locator
from .limits import MAX_QUERY
from .openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def content():
    return current_app.extensions["content"]


@bp.after_app_request
def allow_any_origin(response):
    """Let any site read the API, errors included.

    App-wide, because a mistyped /api/ path never reaches this blueprint, and
    without the header a browser hides its JSON 404 from the calling page.
    """
    if not request.path.startswith("/api/"):
        return response
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = "no-cache"
    return response


def absolute_url(endpoint: str, **values) -> str:
    """Return a page's absolute URL on the configured origin (WELLBEING_BASE_URL).

    Without one (development), the request's own host, which TRUSTED_HOSTS can limit.
    """
    base = current_app.config["BASE_URL"]
    if base:
        return base + url_for(endpoint, lang_code="en", **values)
    return url_for(endpoint, lang_code="en", _external=True, **values)


def answer(model: out.Model, status: int = 200) -> Response:
    """Return a model as the JSON answer; fields that do not apply are left out."""
    body = model.model_dump_json(exclude_unset=True)
    return current_app.response_class(body, status=status, mimetype="application/json")


def error(status: int, message: str):
    """Return a JSON error a person can read."""
    return answer(out.Error(error=message), status)


def text(value: Text) -> out.Text:
    return out.Text(en=value.en, cy=value.cy)


def maybe_text(value: Text | None) -> out.Text | None:
    return None if value is None else text(value)


def dated(dating: Dating) -> dict:
    """Return the honest-dating fields, to spread into a model."""
    checked = dating.checked
    return {
        "source_date": dating.source_date.isoformat(),
        "source_undated": dating.source_undated,
        "checked": None
        if checked is None
        else out.Checked(date=checked.date.isoformat(), method=checked.method),
    }


def contact(contact: Contact) -> out.Contact:
    optional = {}
    if contact.phone:
        optional["display"] = contact.phone.display
    if contact.keyword:
        optional["keyword"] = contact.keyword
    return out.Contact(kind=contact.kind, value=contact.value, href=contact.href, **optional)


def hours(hours: Hours | None) -> out.Hours | None:
    if hours is None:
        return None
    summary = out.Text(en=hours.summary("en"), cy=hours.summary("cy"))
    return out.Hours(**hours.to_json(), summary=summary)


def service(service: Service) -> out.Service:
    return out.Service(
        id=service.id,
        name=text(service.name),
        summary=text(service.summary),
        category=service.category,
        audiences=list(service.audiences),
        nations=list(service.nations),
        contacts=[contact(c) for c in service.contacts],
        hours=hours(service.hours),
        eligibility=text(service.eligibility),
        cost=maybe_text(service.cost),
        who_will_know=maybe_text(service.who_will_know),
        welsh=service.welsh,
        source=service.source,
        **dated(service.dating),
        url=absolute_url("directory.service", service_id=service.id),
    )


def force_fields(force: Force) -> dict:
    return {
        "slug": force.slug,
        "name": force.name.en,
        "name_cy": force.name.cy,
        "nation": force.nation,
        "kind": force.kind,
        "website": force.website,
        "url": absolute_url("forces.force", slug=force.slug),
        **dated(force.dating),
    }


def section(section: Section) -> out.Section:
    phone = section.phone
    return out.Section(
        kind=section.kind,
        name=maybe_text(section.name),
        url=section.url,
        service=section.service,
        phone=None if phone is None else out.Phone(display=phone.display, href=f"tel:{phone.tel}"),
        confidence=section.confidence,
        source=section.source,
        **dated(section.dating),
    )


def link(link: ForceLink | None) -> out.Link | None:
    return None if link is None else out.Link(service=link.service, confidence=link.confidence)


@bp.get("/forces")
def forces():
    """List every force."""
    return answer(
        out.ForceList(forces=[out.Force(**force_fields(f)) for f in content().forces.values()])
    )


@bp.get("/forces/<slug>")
def force(slug):
    """Return one force, its links and the services that apply to it."""
    found = content().forces.get(slug)
    if found is None:
        return error(404, f"No force has the slug {slug!r}. See /api/v1/forces.")
    return answer(
        out.ForceDetail(
            **force_fields(found),
            treatment_centre=link(found.treatment_centre),
            childrens_charity=link(found.childrens_charity),
            own_support=[section(s) for s in found.own_support],
            contacts=[contact(c) for c in found.contacts],
            intranet_services=[
                out.IntranetService(key=i.key, name=text(i.name), purpose=text(i.purpose))
                for i in found.intranet_services
            ],
            services=[service(s) for s in content().services_for_force(slug)],
        )
    )


@bp.get("/services")
def services():
    """Search and filter the directory; a filter given empty is an error, not a wildcard."""
    q = request.args.get("q", "")
    category = request.args.get("category")
    audience = request.args.get("audience")
    nation = request.args.get("nation")
    if len(q) > MAX_QUERY:
        return error(400, f"q must be {MAX_QUERY} characters or fewer.")
    for name, value, allowed in (
        ("category", category, tuple(content().categories)),
        ("audience", audience, AUDIENCES),
        ("nation", nation, NATIONS),
    ):
        if value is not None and value not in allowed:
            return error(400, f"Unknown {name}. Use one of: " + ", ".join(allowed) + ".")
    found = content().search(q, audience, nation, category)
    return answer(out.ServiceList(services=[service(s) for s in found]))


def located(result: locator.Result):
    forces = content().forces
    body = out.Located(
        status=result.status,
        forces=[
            out.LocatedForce(
                slug=slug, name=forces[slug].name.en, url=absolute_url("forces.force", slug=slug)
            )
            for slug in result.forces
        ],
        message=message_for(result),
        reason=result.reason,
        kind=result.kind,
        matched=result.matched,
    )
    return answer(body, 400 if result.status == "invalid" else 200)


@bp.get("/locate")
def locate():
    """Find the force for a place or a postcode (`q`)."""
    return located(the_locator().locate(request.args.get("q", "")))


@bp.get("/locate/point")
def locate_point():
    """Find the force for a location (`lat` and `lng`)."""
    point = locator.parse_point(request.args.get("lat"), request.args.get("lng"))
    if isinstance(point, locator.Result):
        return located(point)
    return located(the_locator().locate_point(*point))


@bp.get("/openapi.json")
def openapi():
    """Describe this API in OpenAPI 3."""
    return jsonify(openapi_document(list(content().categories)))
