"""The API keeps its OpenAPI description (/api/v1/openapi.json): Schemathesis generates
valid and invalid requests for every operation and calls the WSGI app directly.

Every check Schemathesis has (`--checks all`): no server error, every status code
documented, content type and body as documented, valid data accepted, invalid data
rejected, unsupported methods answered 405 with `Allow`, and the rest.
"""

import schemathesis
from hypothesis import HealthCheck, settings
from pydantic.json_schema import models_json_schema

from wellbeing import api_models

from .conftest import make_app

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", make_app())


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
def test_api_conforms_to_its_openapi_document(case):
    # Schemathesis's WSGI transport does not decode gzip, which the app sends to clients
    # that accept it (tests/test_api_*.py cover the compressed responses).
    case.call_and_validate(headers={"Accept-Encoding": "identity"})  # every check


def test_openapi_document_lists_every_api_route():
    app = make_app()
    documented = set(schema.raw_schema["paths"])
    routes = {
        r.rule.replace("<", "{").replace(">", "}")
        for r in app.url_map.iter_rules()
        if r.rule.startswith("/api/")
    }
    assert routes == documented


def test_every_answer_is_described_by_the_schema_generated_from_its_model():
    """No hand-written shape: each response refers to a component, and the components
    are exactly those generated from the models the API builds its answers with."""
    document = schema.raw_schema
    _, generated = models_json_schema(
        [(model, "serialization") for model in api_models.ANSWERS],
        ref_template="#/components/schemas/{model}",
    )
    assert document["components"] == {"schemas": generated["$defs"]}
    bodies = [
        response["content"]["application/json"]["schema"]
        for path, item in document["paths"].items()
        if path != "/api/v1/openapi.json"  # an OpenAPI document, not one of ours
        for response in item["get"]["responses"].values()
    ]
    assert all(set(body) == {"$ref"} for body in bodies), bodies
    answers = {f"#/components/schemas/{model.__name__}" for model in api_models.ANSWERS}
    assert {body["$ref"] for body in bodies} == answers
