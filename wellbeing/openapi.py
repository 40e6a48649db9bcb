"""The OpenAPI 3 description of `/api/v1` (kept beside the code it describes)."""

from .content import AUDIENCES, CHECK_METHODS, NATIONS, SECTION_KINDS

TEXT = {
    "type": "object",
    "required": ["en", "cy"],
    "properties": {"en": {"type": "string"}, "cy": {"type": ["string", "null"]}},
}
NULLABLE_TEXT = {"oneOf": [TEXT, {"type": "null"}]}
#: The honest-dating fields every service and force carries.
DATING = {
    "source_date": {
        "type": "string",
        "format": "date",
        "description": "The date printed on the source the entry rests on or, when "
        "source_undated is true, the day that undated source was read. Not a check.",
    },
    "source_undated": {"type": "boolean"},
    "checked": {
        "description": "null until a person has confirmed the entry against the live source.",
        "oneOf": [
            {
                "type": "object",
                "required": ["date", "method"],
                "properties": {
                    "date": {"type": "string", "format": "date"},
                    "method": {"type": "string", "enum": list(CHECK_METHODS)},
                },
            },
            {"type": "null"},
        ],
    },
}
DATING_REQUIRED = ["source_date", "source_undated", "checked"]
ERROR = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}
CONTACT = {
    "type": "object",
    "required": ["kind", "value", "href"],
    "properties": {
        "kind": {"type": "string", "enum": ["phone", "text", "web", "email"]},
        "value": {"type": "string"},
        "href": {"type": "string"},
        "display": {"type": "string"},
        "keyword": {"type": "string"},
    },
}
SERVICE = {
    "type": "object",
    "required": [
        "id",
        "name",
        "summary",
        "category",
        "audiences",
        "nations",
        "contacts",
        "hours",
        "eligibility",
        "welsh",
        "source",
        *DATING_REQUIRED,
        "url",
    ],
    "properties": {
        "id": {"type": "string"},
        "name": TEXT,
        "summary": TEXT,
        "category": {"type": "string"},
        "audiences": {"type": "array", "items": {"type": "string", "enum": list(AUDIENCES)}},
        "nations": {"type": "array", "items": {"type": "string", "enum": list(NATIONS)}},
        "contacts": {"type": "array", "items": CONTACT},
        "hours": {
            "oneOf": [
                {
                    "type": "object",
                    "required": ["tz", "summary"],
                    "properties": {
                        "tz": {"type": "string"},
                        "always": {"type": "boolean"},
                        "open": {
                            "type": "array",
                            "description": "Open periods as [start, end] minutes from Monday 00:00, London time.",
                            "items": {"type": "array", "items": {"type": "integer"}},
                        },
                        "summary": TEXT,
                    },
                },
                {"type": "null"},
            ]
        },
        "eligibility": TEXT,
        "cost": NULLABLE_TEXT,
        "who_will_know": NULLABLE_TEXT,
        "welsh": {"type": "string", "enum": ["yes", "no", "unknown"]},
        "source": {"type": "string", "format": "uri"},
        **DATING,
        "url": {"type": "string", "format": "uri"},
    },
}
FORCE = {
    "type": "object",
    "required": ["slug", "name", "name_cy", "nation", "kind", "website", "url", *DATING_REQUIRED],
    "properties": {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "name_cy": {"type": ["string", "null"]},
        "nation": {"type": "string"},
        "kind": {"type": "string", "enum": ["territorial", "national", "crown-dependency"]},
        "website": {"type": "string", "format": "uri"},
        "url": {"type": "string", "format": "uri"},
        **DATING,
    },
}
LINK = {
    "oneOf": [
        {
            "type": "object",
            "required": ["service", "confidence"],
            "properties": {
                "service": {"type": ["string", "null"]},
                "confidence": {"type": "string"},
            },
        },
        {"type": "null"},
    ]
}
#: One item of a force's own support (Federation branch, union, chaplaincy, funds ...).
SECTION = {
    "type": "object",
    "required": [
        "kind",
        "name",
        "url",
        "service",
        "phone",
        "confidence",
        "source",
        *DATING_REQUIRED,
    ],
    "properties": {
        "kind": {"type": "string", "enum": list(SECTION_KINDS)},
        "name": NULLABLE_TEXT,
        "url": {"type": ["string", "null"], "format": "uri"},
        "service": {
            "type": ["string", "null"],
            "description": "The id of the directory service this item points to.",
        },
        "phone": {
            "description": "Only a number from a source dated 2022 or later, or checked live.",
            "oneOf": [
                {
                    "type": "object",
                    "required": ["display", "href"],
                    "properties": {"display": {"type": "string"}, "href": {"type": "string"}},
                },
                {"type": "null"},
            ],
        },
        "confidence": {"type": "string", "enum": ["verified", "likely"]},
        "source": {"type": "string", "format": "uri"},
        **DATING,
    },
}
FORCE_DETAIL = {
    "allOf": [
        FORCE,
        {
            "type": "object",
            "required": [
                "treatment_centre",
                "childrens_charity",
                "own_support",
                "contacts",
                "intranet_services",
                "services",
            ],
            "properties": {
                "treatment_centre": LINK,
                "childrens_charity": LINK,
                "own_support": {"type": "array", "items": SECTION},
                "contacts": {"type": "array", "items": CONTACT},
                "intranet_services": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["key", "name", "purpose"],
                        "properties": {"key": {"type": "string"}, "name": TEXT, "purpose": TEXT},
                    },
                },
                "services": {"type": "array", "items": SERVICE},
            },
        },
    ]
}
LOCATE = {
    "type": "object",
    "required": ["status", "forces", "message", "reason", "kind", "matched"],
    "properties": {
        "status": {"type": "string", "enum": ["found", "ambiguous", "not_found", "invalid"]},
        "forces": {
            "type": "array",
            "description": "found: exactly one; ambiguous: two or more, most likely first.",
            "items": {
                "type": "object",
                "required": ["slug", "name", "url"],
                "properties": {
                    "slug": {"type": "string"},
                    "name": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                },
            },
        },
        "message": {"type": "string"},
        "reason": {"type": "string"},
        "kind": {"type": "string"},
        "matched": {"type": "string"},
    },
}


#: `q` for /locate as the code checks it (locator.check_query): 1 to 100 characters, not
#: only spaces, no control characters but tab and newline.
_PLAIN = r"[^\x00-\x08\x0b-\x1f\x7f]"
LOCATE_Q = {
    "type": "string",
    "minLength": 1,
    "maxLength": 100,
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


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, schema: dict | None = None, required=False) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _list(key: str, items: dict) -> dict:
    return {
        "type": "object",
        "required": [key],
        "properties": {key: {"type": "array", "items": items}},
    }


def _locate_responses() -> dict:
    return {
        "200": _json(LOCATE, "found, ambiguous or not_found"),
        "400": _json(LOCATE, "invalid: the input breaks the rules above"),
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
                    "responses": {"200": _json(_list("forces", FORCE), "Every force")},
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
                        "200": _json(FORCE_DETAIL, "The force"),
                        "404": _json(ERROR, "No such force"),
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
                            "Words to match, 100 characters or fewer",
                            {"type": "string", "maxLength": 100},
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
                        "200": _json(_list("services", SERVICE), "Matching services"),
                        "400": _json(
                            ERROR, "A filter is empty or not recognised, or q is too long"
                        ),
                    },
                }
            },
            "/api/v1/locate": {
                "get": {
                    "operationId": "locatePlace",
                    "tags": ["locate"],
                    "summary": "Find the force for a place or a postcode",
                    "description": "q is required: 1 to 100 characters, not only spaces, and no "
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
    }
