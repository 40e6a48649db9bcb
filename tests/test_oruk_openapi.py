"""The `/openreferral/` API answers as the ORUK 3.0 API description says.

Schemathesis generates requests from the standard's own `openapi.json` (read from
`../shared/standards/oruk-3.0/` or `$ORUK_SPEC_DIR`, never copied into the project)
for the operations this app serves, and checks the answers against the standard's
response schemas.

The standard's document is used as published, with three adjustments made in memory:
its response schemas point at the ORUK GitHub repository, so they are replaced by the
same schemas from the local `schemata/` (`compiled/service_list.json` by
`service.json`, which it is a part of); `start_time`/`end_time` declare a type
"time", which is not a JSON Schema type, so they become strings; and `servers`
points at our prefix. The `/service_at_locations` operations are left out: a
directory of national phone and online services has no locations.

Checks: no server error, content type and response body as documented. Not
status_code_conformance: the standard documents only 200, while this app answers an
unknown id with 404 and bad paging with 400, as a person would expect.
"""

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from .conftest import make_app
from .test_oruk import spec_dir

SERVED = (
    "/",
    "/services",
    "/services/{id}",
    "/taxonomies",
    "/taxonomies/{id}",
    "/taxonomy_terms",
    "/taxonomy_terms/{id}",
)
CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance]
REMOTE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


def _inline(value, schemata: dict):
    """Replace every `$ref` to a schema file by that schema, recursively."""
    if isinstance(value, dict):
        ref = value.get("$ref", "")
        if ref.endswith(".json"):
            name = ref.removeprefix(REMOTE).removeprefix("compiled/")
            name = "service.json" if name == "service_list.json" else name
            return _inline(schemata[name], schemata)
        return {k: _inline(v, schemata) for k, v in value.items()}
    if isinstance(value, list):
        return [_inline(v, schemata) for v in value]
    return value


def oruk_document() -> dict:
    folder = spec_dir()
    schemata = {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in (folder / "schemata").glob("*.json")
    }
    document = json.loads((folder / "openapi.json").read_text(encoding="utf-8"))
    document["paths"] = {p: _inline(document["paths"][p], schemata) for p in SERVED}
    for name in ("start_time", "end_time"):
        document["components"]["parameters"][name]["schema"] = {"type": "string"}
    document["servers"] = [{"url": "/openreferral"}]
    return document


def oruk_schema():
    try:
        document = oruk_document()
    except pytest.skip.Exception:
        pytest.skip("The ORUK 3.0 files are missing", allow_module_level=True)
    schema = schemathesis.openapi.from_dict(document)
    schema.app = make_app()
    return schema


schema = oruk_schema()


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_oruk_api_answers_as_the_standard_describes(case):
    case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=CHECKS)


def test_every_operation_served_is_in_the_standard(app):
    document = json.loads((spec_dir() / "openapi.json").read_text(encoding="utf-8"))
    assert set(SERVED) <= set(document["paths"])
    routes = {
        r.rule.removeprefix("/openreferral").replace("<ident>", "{id}")
        for r in app.url_map.iter_rules()
        if r.rule.startswith("/openreferral/")
    }
    # /organizations comes from HSDS 3.0, which the ORUK profile extends.
    assert routes - {"/organizations", "/organizations/{id}"} == set(SERVED)
