"""`GET /api/v1/services`: the directory as JSON, with the same search and filters as the pages."""

import datetime as dt
from pathlib import Path

import pytest

from wellbeing.content import AUDIENCES, NATIONS, load_content

DATA = Path(__file__).resolve().parent.parent / "wellbeing" / "data"
CONTENT = load_content(DATA)
SERVICE_KEYS = {
    "id", "name", "summary", "category", "audiences", "nations", "contacts", "hours",
    "eligibility", "cost", "who_will_know", "welsh", "source", "source_date", "source_undated", "checked", "url",
}  # fmt: skip


def get(client, query="", status=200):
    response = client.get("/api/v1/services" + query)
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response.headers
    return response.get_json()


def ids(body) -> list[str]:
    return [s["id"] for s in body["services"]]


def test_lists_every_service_in_display_order(client):
    assert ids(get(client)) == list(CONTENT.services)


def test_each_service_has_the_documented_shape(client):
    for service in get(client)["services"]:
        assert SERVICE_KEYS <= set(service), service["id"]
        assert service["name"]["en"] and service["summary"]["en"] and service["eligibility"]["en"]
        assert set(service["audiences"]) <= set(AUDIENCES) and service["audiences"]
        assert set(service["nations"]) <= set(NATIONS) and service["nations"]
        assert service["welsh"] in ("yes", "no", "unknown")
        assert service["source"].startswith("https://")
        dt.date.fromisoformat(service["source_date"])
        assert service["checked"] is None  # nobody has checked an entry against its live source
        assert service["url"].endswith(f"/services/{service['id']}")
        assert service["contacts"]
        for contact in service["contacts"]:
            assert contact["kind"] in ("phone", "text", "web", "email")
            assert contact["href"]


def test_phone_contacts_carry_the_tel_link_and_display_form(client):
    samaritans = get(client, "?q=samaritans")["services"][0]
    phone = next(c for c in samaritans["contacts"] if c["kind"] == "phone")
    assert phone["href"] == "tel:116123"
    assert phone["display"] == "116 123"


def test_hours_are_structured_with_a_plain_summary_in_both_languages(client):
    service = next(s for s in get(client)["services"] if s["id"] == "police-care-uk")
    hours = service["hours"]
    assert hours["tz"] == "Europe/London"
    assert hours["open"][0] == [9 * 60, 17 * 60]  # Monday 9am to 5pm
    assert hours["summary"]["en"] == "Monday to Friday, 9am to 5pm"
    assert hours["summary"]["cy"]
    always = next(s for s in get(client)["services"] if s["id"] == "samaritans")["hours"]
    assert always["always"] is True


def test_welsh_text_is_given_beside_the_english(client):
    service = next(s for s in get(client)["services"] if s["id"] == "police-care-uk")
    assert service["summary"] == {
        "en": CONTENT.services["police-care-uk"].summary.en,
        "cy": CONTENT.services["police-care-uk"].summary.cy,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?q=grants", [s.id for s in CONTENT.search("grants")]),
        ("?q=grantiau", [s.id for s in CONTENT.search("grantiau")]),
        ("?q=physiotherapy+harrogate", ["police-treatment-centres"]),
        (
            "?category=treatment",
            [
                "police-treatment-centres",
                "flint-house",
                "prrt",
                "north-west-police-benevolent-fund",
            ],
        ),
        ("?nation=northern-ireland&category=treatment", ["police-treatment-centres", "prrt"]),
        ("?audience=family&category=treatment", ["prrt", "north-west-police-benevolent-fund"]),
        ("?q=flint&nation=scotland", []),
    ],
)
def test_filters(client, query, expected):
    assert ids(get(client, query)) == expected


@pytest.mark.parametrize("audience", AUDIENCES)
def test_audience_filter_narrows(client, audience):
    found = get(client, f"?audience={audience}")["services"]
    assert 0 < len(found) < len(CONTENT.services)
    assert all(audience in s["audiences"] for s in found)


@pytest.mark.parametrize("nation", NATIONS)
def test_nation_filter_narrows(client, nation):
    found = get(client, f"?nation={nation}")["services"]
    assert 0 < len(found) < len(CONTENT.services)
    assert all(nation in s["nations"] for s in found)


def test_an_empty_q_lists_everything(client):
    assert ids(get(client, "?q=")) == list(CONTENT.services)


@pytest.mark.parametrize("name", ["audience", "nation", "category"])
def test_an_empty_filter_is_a_400_not_a_wildcard(client, name):
    assert name in get(client, f"?{name}=", status=400)["error"]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("?audience=chief-constable", ["audience", "officer", "family"]),
        ("?nation=france", ["nation", "england", "northern-ireland"]),
        ("?category=nope", ["category", "crisis", "treatment"]),
        ("?q=" + "x" * 101, ["q", "100"]),
    ],
)
def test_bad_filters_are_a_400_with_a_readable_json_error(client, query, names):
    body = get(client, query, status=400)
    assert set(body) == {"error"}
    for name in names:
        assert name in body["error"]


def test_a_query_of_exactly_100_characters_is_accepted(client):
    assert get(client, "?q=" + "x" * 100) == {"services": []}


def test_cors_preflight_free_get_and_no_caching_of_results(client):
    response = client.get(
        "/api/v1/services?q=grants", headers={"Origin": "https://intranet.example"}
    )
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cache-Control"] == "no-store"  # a search is not stored at all


def test_openapi_describes_the_services_endpoint(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"].startswith("3.")
    operation = document["paths"]["/api/v1/services"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"q", "category", "audience", "nation"}
    assert {"200", "400"} <= set(operation["responses"])
