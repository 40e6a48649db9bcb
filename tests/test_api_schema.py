"""The API keeps its OpenAPI description (/api/v1/openapi.json): Schemathesis generates
valid and invalid requests for every operation and calls the WSGI app directly.

Every check Schemathesis has (`--checks all`): no server error, every status code
documented, content type and body as documented, valid data accepted, invalid data
rejected, unsupported methods answered 405 with `Allow`, and the rest.
"""

import schemathesis
from hypothesis import HealthCheck, settings

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
