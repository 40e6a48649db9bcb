"""The Open Referral UK 3.0 API (`/openreferral/...`): read-only, CORS-open, cacheable.

It serves the endpoints of the ORUK 3.0 API description that fit a directory of
national services (no locations, so no `/service_at_locations`), plus HSDS 3.0's
`/organizations`. The records come from oruk.py, as the export does.
"""

from flask import Blueprint, current_app, jsonify, request

from . import oruk
from .limits import MAX_QUERY

PREFIX = "/openreferral"
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 50

bp = Blueprint("oruk", __name__, url_prefix=PREFIX)


class BadRequest(Exception):
    pass


def data() -> oruk.Dataset:
    return oruk.dataset(current_app.extensions["content"], oruk.london_today())


@bp.after_app_request
def open_and_cacheable(response):
    """Any site may read it (errors too); the records change only when the content does.

    A search is never stored: a search term should not outlive its request.
    """
    if request.path == PREFIX or request.path.startswith(PREFIX + "/"):
        response.headers["Access-Control-Allow-Origin"] = "*"
        searched = request.args.get("search", "").strip()
        response.headers["Cache-Control"] = "no-store" if searched else "public, max-age=3600"
    return response


@bp.errorhandler(BadRequest)
def bad_request(error):
    return jsonify({"error": str(error)}), 400


def not_found(kind: str, ident: str, listing: str):
    return jsonify({"error": f"No {kind} has the id {ident!r}. See {PREFIX}/{listing}."}), 404


def _int(name: str, default: int, largest: int | None = None) -> int:
    raw = request.args.get(name, "")
    if raw == "":
        return default
    if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
        raise BadRequest(f"{name} must be a whole number, 1 or more.")
    value = int(raw)
    if largest is not None and value > largest:
        raise BadRequest(f"{name} must be {largest} or fewer.")
    return value


def page(items: list):
    """Return one page of `items` in the ORUK `Page` shape."""
    number = _int("page", 1)
    size = _int("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    total_pages = max(1, -(-len(items) // size))
    contents = items[(number - 1) * size : number * size]
    return jsonify(
        {
            "total_items": len(items),
            "total_pages": total_pages,
            "page_number": number,
            "size": len(contents),
            "first_page": number == 1,
            "last_page": number >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


@bp.get("/")
def root():
    """Which version and profile of the standard this API follows."""
    return jsonify(
        {"version": oruk.VERSION, "profile": oruk.PROFILE, "openapi_url": oruk.OPENAPI_URL}
    )


@bp.get("/services")
def services():
    """Services (one-to-one fields), filtered by `search`, taxonomy or organisation."""
    found = data()
    search = request.args.get("search", "")
    if len(search) > MAX_QUERY:
        raise BadRequest(f"search must be {MAX_QUERY} characters or fewer.")
    term = request.args.get("taxonomy_term_id", "")
    taxonomy = request.args.get("taxonomy_id", "")
    organization = request.args.get("organization_id", "")
    keys = found.service_keys
    if search.strip():
        matches = {s.id for s in current_app.extensions["content"].search(search)}
        ids = [i for i, s in keys.items() if s.id in matches]
    else:
        ids = list(found.services)
    records = [found.services[i] for i in ids]
    if term:
        records = [r for r in records if r["attributes"][0]["taxonomy_term_id"] == term]
    if taxonomy:
        records = [
            r for r in records if r["attributes"][0]["taxonomy_term"]["taxonomy_id"] == taxonomy
        ]
    if organization:
        records = [r for r in records if r["organization_id"] == organization]
    return page([oruk.service_summary(r) for r in records])


@bp.get("/services/<ident>")
def service(ident):
    """One fully nested service."""
    record = data().services.get(ident)
    return jsonify(record) if record else not_found("service", ident, "services")


@bp.get("/organizations")
def organizations():
    return page(list(data().organizations.values()))


@bp.get("/organizations/<ident>")
def organization(ident):
    record = data().organizations.get(ident)
    return jsonify(record) if record else not_found("organization", ident, "organizations")


@bp.get("/taxonomies")
def taxonomies():
    return page(list(data().taxonomies.values()))


@bp.get("/taxonomies/<ident>")
def taxonomy(ident):
    record = data().taxonomies.get(ident)
    return jsonify(record) if record else not_found("taxonomy", ident, "taxonomies")


@bp.get("/taxonomy_terms")
def taxonomy_terms():
    return page(list(data().taxonomy_terms.values()))


@bp.get("/taxonomy_terms/<ident>")
def taxonomy_term(ident):
    record = data().taxonomy_terms.get(ident)
    return jsonify(record) if record else not_found("taxonomy_term", ident, "taxonomy_terms")
