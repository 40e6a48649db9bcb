"""The OpenAPI 3 description of `/api/v1` (kept beside the code it describes)."""

from .content import AUDIENCES, CHECK_METHODS, NATIONS

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
FORCE_DETAIL = {
    "allOf": [
        FORCE,
        {
            "type": "object",
            "required": [
                "treatment_centre",
                "childrens_charity",
                "contacts",
                "intranet_services",
                "services",
            ],
            "properties": {
                "treatment_centre": LINK,
                "childrens_charity": LINK,
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


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def openapi_document(categories: list[str]) -> dict:
    """Return the OpenAPI 3.1 document; `categories` are the content's category ids."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Police Wellbeing Signpost API",
            "version": "1.0.0",
            "description": "Read-only: UK police forces, wellbeing services, and which force covers "
            "a place, postcode or location. No authentication; CORS open; nothing is logged "
            "beyond the path.",
        },
        "paths": {
            "/api/v1/forces": {
                "get": {
                    "summary": "Every force",
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["forces"],
                                "properties": {"forces": {"type": "array", "items": FORCE}},
                            },
                            "Every force",
                        )
                    },
                }
            },
            "/api/v1/forces/{slug}": {
                "get": {
                    "summary": "One force and the services that apply to it",
                    "parameters": [
                        {
                            "name": "slug",
                            "in": "path",
                            "required": True,
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
                    "summary": "Search and filter the directory",
                    "parameters": [
                        _query("q", "Words to match, 100 characters or fewer", {"type": "string"}),
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
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["services"],
                                "properties": {"services": {"type": "array", "items": SERVICE}},
                            },
                            "Matching services",
                        ),
                        "400": _json(ERROR, "A filter is not recognised or q is too long"),
                    },
                }
            },
            "/api/v1/locate": {
                "get": {
                    "summary": "Find the force for a place, a postcode or a location",
                    "parameters": [
                        _query("q", "A town, postcode or force name"),
                        _query("lat", "Latitude (WGS84), with lng"),
                        _query("lng", "Longitude (WGS84), with lat"),
                    ],
                    "responses": {
                        "200": _json(LOCATE, "found, ambiguous or not_found"),
                        "400": _json(LOCATE, "invalid: empty, too long or malformed"),
                    },
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {
                        "200": {
                            "description": "The OpenAPI document",
                            "content": {"application/json": {}},
                        }
                    },
                }
            },
        },
    }
