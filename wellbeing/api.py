"""The read-only JSON API (`/api/v1/...`), CORS-open, described by `/api/v1/openapi.json`."""

from flask import Blueprint, current_app, jsonify, request, url_for

from . import locator
from .content import AUDIENCES, NATIONS, checked_json
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


def error(status: int, message: str):
    """Return a JSON error a person can read."""
    return jsonify({"error": message}), status


def text(value) -> dict | None:
    return None if value is None else {"en": value.en, "cy": value.cy}


def contact_json(contact) -> dict:
    body = {"kind": contact.kind, "value": contact.value, "href": contact.href}
    if contact.phone:
        body["display"] = contact.phone.display
    if contact.keyword:
        body["keyword"] = contact.keyword
    return body


def service_json(service) -> dict:
    hours = service.hours
    return {
        "id": service.id,
        "name": text(service.name),
        "summary": text(service.summary),
        "category": service.category,
        "audiences": list(service.audiences),
        "nations": list(service.nations),
        "contacts": [contact_json(c) for c in service.contacts],
        "hours": None
        if hours is None
        else {**hours.to_json(), "summary": {"en": hours.summary("en"), "cy": hours.summary("cy")}},
        "eligibility": text(service.eligibility),
        "cost": text(service.cost),
        "who_will_know": text(service.who_will_know),
        "welsh": service.welsh,
        "source": service.source,
        **dating_json(service.dating),
        "url": absolute_url("directory.service", service_id=service.id),
    }


def dating_json(dating) -> dict:
    return {
        "source_date": dating.source_date.isoformat(),
        "source_undated": dating.source_undated,
        "checked": checked_json(dating.checked),
    }


def force_json(force) -> dict:
    return {
        "slug": force.slug,
        "name": force.name.en,
        "name_cy": force.name.cy,
        "nation": force.nation,
        "kind": force.kind,
        "website": force.website,
        "url": absolute_url("forces.force", slug=force.slug),
        **dating_json(force.dating),
    }


def section_json(section) -> dict:
    phone = section.phone
    return {
        "kind": section.kind,
        "name": text(section.name),
        "url": section.url,
        "service": section.service,
        "phone": None if phone is None else {"display": phone.display, "href": f"tel:{phone.tel}"},
        "confidence": section.confidence,
        "source": section.source,
        **dating_json(section.dating),
    }


def link_json(link) -> dict | None:
    if link is None:
        return None
    return {"service": link.service, "confidence": link.confidence}


@bp.get("/forces")
def forces():
    """List every force."""
    return jsonify({"forces": [force_json(f) for f in content().forces.values()]})


@bp.get("/forces/<slug>")
def force(slug):
    """Return one force, its links and the services that apply to it."""
    found = content().forces.get(slug)
    if found is None:
        return error(404, f"No force has the slug {slug!r}. See /api/v1/forces.")
    return jsonify(
        {
            **force_json(found),
            "treatment_centre": link_json(found.treatment_centre),
            "childrens_charity": link_json(found.childrens_charity),
            "own_support": [section_json(s) for s in found.own_support],
            "contacts": [contact_json(c) for c in found.contacts],
            "intranet_services": [
                {"key": i.key, "name": text(i.name), "purpose": text(i.purpose)}
                for i in found.intranet_services
            ],
            "services": [service_json(s) for s in content().services_for_force(slug)],
        }
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
    return jsonify({"services": [service_json(s) for s in found]})


def locate_json(result):
    body = {
        "status": result.status,
        "forces": [
            {
                "slug": slug,
                "name": content().forces[slug].name.en,
                "url": absolute_url("forces.force", slug=slug),
            }
            for slug in result.forces
        ],
        "message": message_for(result),
        "reason": result.reason,
        "kind": result.kind,
        "matched": result.matched,
    }
    return jsonify(body), 400 if result.status == "invalid" else 200


@bp.get("/locate")
def locate():
    """Find the force for a place or a postcode (`q`)."""
    return locate_json(the_locator().locate(request.args.get("q", "")))


@bp.get("/locate/point")
def locate_point():
    """Find the force for a location (`lat` and `lng`)."""
    point = locator.parse_point(request.args.get("lat"), request.args.get("lng"))
    if isinstance(point, locator.Result):
        return locate_json(point)
    return locate_json(the_locator().locate_point(*point))


@bp.get("/openapi.json")
def openapi():
    """Describe this API in OpenAPI 3."""
    return jsonify(openapi_document(list(content().categories)))
