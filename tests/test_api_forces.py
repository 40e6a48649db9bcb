"""The JSON API for forces and "find your force": the shapes an intranet or app can rely on."""

import re

import jsonschema_rs
import pytest

from .test_forces import FORCE_SLUGS

STATUSES = {"found", "ambiguous", "not_found", "invalid"}


def get_json(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response.headers
    return response.get_json()


@pytest.fixture(scope="module")
def openapi(app):
    return app.test_client().get("/api/v1/openapi.json").get_json()


def validator(openapi, path: str, status: str = "200"):
    """Return a JSON Schema validator for one documented response body."""
    schema = openapi["paths"][path]["get"]["responses"][status]["content"]["application/json"][
        "schema"
    ]
    # The schema refers to the document's components: validate with them at hand.
    return jsonschema_rs.Draft202012Validator({**schema, "components": openapi["components"]})


# ---- forces ------------------------------------------------------------------------------


def test_forces_lists_every_force_with_its_fields(client):
    forces = get_json(client, "/api/v1/forces")["forces"]
    assert len(forces) == 51
    assert {f["slug"] for f in forces} == FORCE_SLUGS
    for force in forces:
        assert {"slug", "name", "nation", "website", "url"} <= set(force)
        assert force["url"] == f"http://localhost/forces/{force['slug']}"
        assert force["website"].startswith("https://")
        assert force["name"]


def test_forces_gives_welsh_names_and_kinds(client):
    forces = {f["slug"]: f for f in get_json(client, "/api/v1/forces")["forces"]}
    assert forces["gwent"]["name"] == "Gwent Police"
    assert forces["gwent"]["name_cy"] == "Heddlu Gwent"
    assert forces["gwent"]["nation"] == "wales"
    assert forces["btp"]["kind"] == "national"
    assert forces["guernsey-police"]["kind"] == "crown-dependency"


def test_one_force_has_its_services(client):
    gwent = get_json(client, "/api/v1/forces/gwent")
    assert gwent["slug"] == "gwent" and gwent["name"] == "Gwent Police"
    services = {s["id"]: s for s in gwent["services"]}
    assert "oscar-kilo-crisis-line" in services
    assert "nhs-111-wales" in services
    assert "breathing-space" not in services
    assert all("wales" in s["nations"] for s in gwent["services"])
    assert gwent["childrens_charity"]["service"] == "police-childrens-fund"


def test_police_scotland_has_scotlands_services_not_the_crisis_line(client):
    services = {s["id"] for s in get_json(client, "/api/v1/forces/police-scotland")["services"]}
    assert "breathing-space" in services
    assert "oscar-kilo-crisis-line" not in services


def test_intranet_services_have_a_name_and_purpose_but_no_number(client):
    items = get_json(client, "/api/v1/forces/gwent")["intranet_services"]
    assert {i["key"] for i in items} >= {"occupational-health", "employee-assistance"}
    for item in items:
        assert item["name"]["en"] and item["purpose"]["en"]
        assert "phone" not in item and not re.search(r"\d{3,}", str(item))


def test_unknown_force_is_a_404_in_json(client):
    body = get_json(client, "/api/v1/forces/nope", status=404)
    assert "nope" in body["error"] and "/api/v1/forces" in body["error"]


# ---- locate ----------------------------------------------------------------------------------


def locate_path(query: str) -> str:
    """A place or postcode goes to /locate, a location (lat and lng) to /locate/point."""
    return "/api/v1/locate/point" if query.startswith(("lat=", "lng=")) else "/api/v1/locate"


def locate(client, query: str, status: int = 200) -> dict:
    body = get_json(client, f"{locate_path(query)}?{query}", status)
    assert {"status", "forces", "message"} <= set(body)
    assert body["status"] in STATUSES
    assert isinstance(body["message"], str) and body["message"]
    for force in body["forces"]:
        assert {"slug", "name"} <= set(force)
        assert force["slug"] in FORCE_SLUGS
    return body


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("q=Cardiff", "south-wales"),
        ("q=CF10%201AA", "south-wales"),
        ("q=Gwent%20Police", "gwent"),
        ("lat=55.9533&lng=-3.1883", "police-scotland"),  # Edinburgh
        ("lat=51.48&lng=-3.18", "south-wales"),  # Cardiff
    ],
)
def test_locate_found_has_exactly_one_force(client, query, slug):
    body = locate(client, query)
    assert body["status"] == "found"
    assert [f["slug"] for f in body["forces"]] == [slug]


def test_locate_ambiguous_has_two_or_more_forces_most_likely_first(client):
    body = locate(client, "q=CH4")
    assert body["status"] == "ambiguous"
    slugs = [f["slug"] for f in body["forces"]]
    assert len(slugs) >= 2 and len(set(slugs)) == len(slugs)
    assert set(slugs) == {"cheshire", "north-wales"}
    assert "full postcode" in body["message"]


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("q=Narnia", "unrecognised"),
        ("q=Leeds,%20Kent", "qualifier_unmatched"),
        ("lat=40.4&lng=-3.7", "outside_uk"),
    ],
)
def test_locate_not_found_has_no_forces(client, query, reason):
    body = locate(client, query)
    assert body["status"] == "not_found"
    assert body["forces"] == []
    assert body["reason"] == reason


@pytest.mark.parametrize(
    "query",
    ["", "q=", "q=" + "a" * 101, "lat=abc&lng=-3.18", "lat=91&lng=0", "lat=55.95", "lng=-3.1"],
)
def test_locate_invalid_is_a_400(client, query):
    body = locate(client, query, status=400)
    assert body["status"] == "invalid"
    assert body["forces"] == []


@pytest.mark.parametrize(
    "query",
    [
        "q=Cardiff",
        "q=CH4",
        "q=CH5",
        "q=LD1",
        "q=SY10",
        "q=Newport",
        "q=Richmond",
        "q=London",
        "q=Narnia",
        "q=",
        "lat=54.6&lng=-5.9",
        "lat=52.0&lng=-3.0",
        "lat=x&lng=y",
    ],
)
def test_locate_status_matches_the_number_of_forces(client, openapi, query):
    response = client.get(f"{locate_path(query)}?{query}")
    body = response.get_json()
    count = len(body["forces"])
    expected = {
        "found": count == 1,
        "ambiguous": count >= 2,
        "not_found": count == 0,
        "invalid": count == 0,
    }
    assert expected[body["status"]], body
    assert (response.status_code == 400) == (body["status"] == "invalid")
    status = str(response.status_code)
    validator(openapi, locate_path(query), status).validate(body)


# ---- OpenAPI ------------------------------------------------------------------------------


def test_openapi_is_an_openapi_3_document(client):
    doc = get_json(client, "/api/v1/openapi.json")
    assert doc["openapi"].startswith("3.")
    assert doc["info"]["title"] and doc["info"]["version"]
    for path, item in doc["paths"].items():
        assert path.startswith("/api/v1/")
        operation = item["get"]
        assert operation["summary"] and "200" in operation["responses"]
        for name in re.findall(r"{(\w+)}", path):
            params = [p for p in operation["parameters"] if p["in"] == "path"]
            assert [p["name"] for p in params] == [name] and params[0]["required"] is True
        for response in operation["responses"].values():
            assert response["description"]
    for path, names in (("/api/v1/locate", {"q"}), ("/api/v1/locate/point", {"lat", "lng"})):
        params = doc["paths"][path]["get"]["parameters"]
        assert {p["name"] for p in params} == names and all(p["required"] for p in params)
        assert "400" in doc["paths"][path]["get"]["responses"]
    assert "404" in doc["paths"]["/api/v1/forces/{slug}"]["get"]["responses"]


def test_openapi_describes_every_api_route(app, openapi):
    routes = {
        re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
    }
    assert routes == set(openapi["paths"])
    assert {
        "/api/v1/forces",
        "/api/v1/forces/{slug}",
        "/api/v1/locate",
        "/api/v1/openapi.json",
    } <= routes


def test_responses_match_their_openapi_schemas(client, openapi):
    validator(openapi, "/api/v1/forces").validate(get_json(client, "/api/v1/forces"))
    for slug in ("gwent", "police-scotland", "btp", "guernsey-police"):
        validator(openapi, "/api/v1/forces/{slug}").validate(
            get_json(client, f"/api/v1/forces/{slug}")
        )
    missing = get_json(client, "/api/v1/forces/nope", status=404)
    validator(openapi, "/api/v1/forces/{slug}", "404").validate(missing)
    validator(openapi, "/api/v1/services").validate(get_json(client, "/api/v1/services"))


def test_the_schemas_can_fail(openapi):
    """Negative control: the validators used above reject a wrong shape."""
    assert not validator(openapi, "/api/v1/locate").is_valid({"status": "maybe", "forces": []})
    assert not validator(openapi, "/api/v1/forces").is_valid({"forces": [{"slug": "x"}]})


@pytest.mark.parametrize("url", ["/api/v1/nothing", "/api/v1/forces/nope/extra"])
def test_an_unknown_api_url_is_a_json_404_any_site_can_read(client, url):
    assert "error" in get_json(client, url, status=404)


@pytest.mark.parametrize("url", ["/api/v1/forces", "/openreferral/services", "/forces"])
def test_an_unsupported_method_is_a_405_saying_which_are_allowed(client, url):
    response = client.open(url, method="TRACE")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_pages_are_not_cors_open(client):
    assert "Access-Control-Allow-Origin" not in client.get("/forces").headers
