"""The OpenAPI 3 description of `/api/v1` (kept beside the code it describes).

The paths, parameters and descriptions are written here; the answers' schemas are
generated from the models the API builds them with (`api_models.py`).
"""

from functools import cache

from pydantic.json_schema import models_json_schema

from . import api_models
from .content import AUDIENCES, NATIONS
from .limits import MAX_QUERY

#: `q` for /locate as the code checks it (locator.check_query): 1 to MAX_QUERY characters, not
#: only spaces, no control characters but tab and newline.
_PLAIN = r"[^\x00-\x08\x0b-\x1f\x7f]"
LOCATE_Q = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_QUERY,
    "pattern": f"^{_PLAIN}*[^\\s\\x00-\\x08\\x0b-\\x1f\\x7f]{_PLAIN}*$",
}
#: Decimal degrees as locator.parse_point reads them: up to 12 decimals, in range, spaces
#: around them ignored.
LATITUDE = {
    "type": "string",
    "pattern": r"^\s*[+-]?((0{0,2}[0-9]|0?[1-8][0-9])(\.[0-9]{0,12})?|0?90(\.0{0,12})?|\.[0-9]{1,12})\s*$",
    "examples": ["51.4816"],
}
LONGITUDE = {
    "type": "string",
    "pattern": r"^\s*[+-]?(([0-9]{1,2}|0[0-9]{2}|1[0-7][0-9])(\.[0-9]{0,12})?|180(\.0{0,12})?|\.[0-9]{1,12})\s*$",
    "examples": ["-3.1791"],
}
TAGS = [
    {"name": "forces", "description": "UK police forces and the services that apply to each."},
    {"name": "services", "description": "The directory of wellbeing and crisis services."},
    {"name": "locate", "description": "Which force covers a place, a postcode or a location."},
    {"name": "meta", "description": "This description of the API."},
]


REF = "#/components/schemas/{model}"


@cache
def schemas() -> dict[str, dict]:
    """Return the document's `components/schemas`, generated from the answers' models
    (once: generating them takes longer than answering a request)."""
    _, top = models_json_schema(
        [(model, "serialization") for model in api_models.ANSWERS], ref_template=REF
    )
    return top["$defs"]


def _json(model: type[api_models.Model], description: str) -> dict:
    schema = {"$ref": REF.format(model=model.__name__)}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, schema: dict | None = None, required=False) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _locate_responses() -> dict:
    return {
        "200": _json(api_models.Located, "found, ambiguous or not_found"),
        "400": _json(api_models.Located, "invalid: the input breaks the rules above"),
    }


def openapi_document(categories: list[str]) -> dict:
    """Return the OpenAPI 3.1 document; `categories` are the content's category ids."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Police Wellbeing Signpost API",
            "version": "1.1.0",
            "description": "Read-only: UK police forces, wellbeing services, and which force covers "
            "a place, postcode or location. No authentication; CORS open; nothing is logged "
            "beyond the path. The same services are published as Open Referral UK 3.0 records "
            "under /openreferral/.",
        },
        "servers": [{"url": "/", "description": "The site serving this document"}],
        "security": [],
        "tags": TAGS,
        "paths": {
            "/api/v1/forces": {
                "get": {
                    "operationId": "listForces",
                    "tags": ["forces"],
                    "summary": "Every force",
                    "description": "Every UK police force, with its website and how recently "
                    "its entry was sourced.",
                    "responses": {"200": _json(api_models.ForceList, "Every force")},
                }
            },
            "/api/v1/forces/{slug}": {
                "get": {
                    "operationId": "getForce",
                    "tags": ["forces"],
                    "summary": "One force and the services that apply to it",
                    "description": "A force, its treatment centre and children's charity links, "
                    "its contacts, and every directory service open to its people.",
                    "parameters": [
                        {
                            "name": "slug",
                            "in": "path",
                            "required": True,
                            "description": "The force's slug, as listed by /api/v1/forces",
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": _json(api_models.ForceDetail, "The force"),
                        "404": _json(api_models.Error, "No such force"),
                    },
                }
            },
            "/api/v1/services": {
                "get": {
                    "operationId": "searchServices",
                    "tags": ["services"],
                    "summary": "Search and filter the directory",
                    "description": "Services matching every word of q and every filter given. "
                    "A filter given empty is an error, not a wildcard.",
                    "parameters": [
                        _query(
                            "q",
                            f"Words to match, {MAX_QUERY} characters or fewer",
                            {"type": "string", "maxLength": MAX_QUERY},
                        ),
                        _query("category", "A category id", {"type": "string", "enum": categories}),
                        _query(
                            "audience", "Who it is for", {"type": "string", "enum": list(AUDIENCES)}
                        ),
                        _query(
                            "nation",
                            "Where it is available",
                            {"type": "string", "enum": list(NATIONS)},
                        ),
                    ],
                    "responses": {
                        "200": _json(api_models.ServiceList, "Matching services"),
                        "400": _json(
                            api_models.Error,
                            "A filter is empty or not recognised, or q is too long",
                        ),
                    },
                }
            },
            "/api/v1/locate": {
                "get": {
                    "operationId": "locatePlace",
                    "tags": ["locate"],
                    "summary": "Find the force for a place or a postcode",
                    "description": f"q is required: 1 to {MAX_QUERY} characters, not only spaces, and no "
                    "control characters other than tab and newline; anything else is a 400 "
                    "with status invalid.",
                    "parameters": [
                        _query("q", "A town, postcode or force name", LOCATE_Q, required=True)
                    ],
                    "responses": _locate_responses(),
                }
            },
            "/api/v1/locate/point": {
                "get": {
                    "operationId": "locatePoint",
                    "tags": ["locate"],
                    "summary": "Find the force for a location",
                    "description": "lat and lng are both required: WGS84 decimal degrees, at "
                    "most 12 decimal places, latitude -90 to 90 and longitude -180 to 180; "
                    "anything else is a 400 with status invalid.",
                    "parameters": [
                        _query("lat", "Latitude (WGS84)", LATITUDE, required=True),
                        _query("lng", "Longitude (WGS84)", LONGITUDE, required=True),
                    ],
                    "responses": _locate_responses(),
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "getOpenApiDocument",
                    "tags": ["meta"],
                    "summary": "This document",
                    "description": "The OpenAPI 3.1 description of this API.",
                    "responses": {
                        "200": {
                            "description": "The OpenAPI document",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
        "components": {"schemas": schemas()},
    }
