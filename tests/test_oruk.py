"""Open Referral UK 3.0: the records, the `/openreferral/` API and the export.

Checked against the standard's own files (never copied into the project): the JSON
Schemas in `../shared/standards/oruk-3.0/schemata` (or `$ORUK_SPEC_DIR`), with format
checking on, and the API description `openapi.json` there. Without them these tests
skip, except under CI=true, where they fail.
"""

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from wellbeing import oruk
from wellbeing.content import Checked, Dating, Hours

ROOT = Path(__file__).resolve().parents[1]
SPEC = Path(os.environ.get("ORUK_SPEC_DIR") or ROOT.parent / "shared/standards/oruk-3.0")
PREFIX = "/openreferral"


@pytest.fixture(scope="module")
def content(app):
    return app.extensions["content"]


def spec_dir() -> Path:
    if (SPEC / "schemata" / "service.json").is_file():
        return SPEC
    message = f"The ORUK 3.0 files are not in {SPEC} (set ORUK_SPEC_DIR)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def schemata():
    """Return a validator per ORUK schema name ("service", "phone", ...)."""
    folder = spec_dir() / "schemata"
    loaded = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012))
        for name, schema in loaded.items()
    )
    return {
        name.removesuffix(".json"): Draft202012Validator(
            schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        for name, schema in loaded.items()
    }


def errors(validator, instance) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.get_data(as_text=True)[:300])
    return response.get_json()


def every_page(client, path):
    url = f"{PREFIX}/{path}{'&' if '?' in path else '?'}per_page=7"
    body = get(client, url)
    items = list(body["contents"])
    for number in range(2, body["total_pages"] + 1):
        items += get(client, f"{url}&page={number}")["contents"]
    assert len(items) == body["total_items"]
    return items


# ---- the validator is set up right ---------------------------------------------------------

EXAMPLES = {
    "service_full": "service",
    "organization_full": "organization",
    "service_at_location_full": "service_at_location",
    "taxonomy": "taxonomy",
    "taxonomy_term": "taxonomy_term",
    "service_list": "service",
    "organization_list": "organization",
    "service_at_location_list": "service_at_location",
    "taxonomy_list": "taxonomy",
    "taxonomy_term_list": "taxonomy_term",
}


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_the_standards_own_examples_validate(schemata, example):
    data = json.loads((spec_dir() / "examples" / f"{example}.json").read_text(encoding="utf-8"))
    items = data["contents"] if example.endswith("_list") else [data]
    assert items
    for item in items:
        assert errors(schemata[EXAMPLES[example]], item) == []


def test_the_validator_checks_formats(schemata):
    """Negative control: a slug id, a date as last_modified and a bad email all fail."""
    bad = {"id": "samaritans", "name": "x", "status": "active", "last_modified": "2026-01-01"}
    assert len(errors(schemata["service"], {**bad, "email": "not an email"})) == 3


# ---- every object served, and the export, validates ----------------------------------------

KINDS = {
    "services": "service",
    "organizations": "organization",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
}


def test_every_object_the_api_serves_validates(client, schemata):
    problems, checked = [], 0
    for path, kind in KINDS.items():
        for item in every_page(client, path):
            problems += [f"{path} list {item['id']} {e}" for e in errors(schemata[kind], item)]
            full = get(client, f"{PREFIX}/{path}/{item['id']}")
            problems += [f"{path}/{item['id']} {e}" for e in errors(schemata[kind], full)]
            # Phones are HSDS 3.0 service phones: the ORUK profile's phone object checks them.
            for phone in full.get("phones", []):
                problems += [f"phone {phone['id']} {e}" for e in errors(schemata["phone"], phone)]
                checked += 1
            checked += 2
    assert checked > 100
    assert problems == []


def test_the_export_validates_and_holds_the_records_the_api_serves(app, client, schemata):
    result = app.test_cli_runner().invoke(args=["content", "export", "--format", "oruk"])
    assert result.exit_code == 0, result.output
    export = json.loads(result.output)
    assert export["version"] == "3.0"
    for key, kind in KINDS.items():
        if key == "taxonomy_terms":
            continue  # nested in each taxonomy
        for record in export[key]:
            assert errors(schemata[kind], record) == []
            assert record == get(client, f"{PREFIX}/{key}/{record['id']}")
    assert len(export["services"]) == len(app.extensions["content"].services)


def test_the_root_says_which_standard_and_pages_have_the_standard_shape(client):
    assert get(client, PREFIX + "/")["version"] == "3.0"
    body = get(client, f"{PREFIX}/services?per_page=5&page=2")
    assert (body["page_number"], body["size"], body["first_page"]) == (2, 5, False)
    assert body["total_pages"] == -(-body["total_items"] // 5)
    beyond = get(client, f"{PREFIX}/services?page=99")
    assert beyond["empty"] and beyond["contents"] == [] and beyond["last_page"]


# ---- the records ---------------------------------------------------------------------------


def test_ids_are_stable_uuids_unique_across_every_record(content):
    assert oruk.record_id("service", "samaritans") == "abf4e742-5660-502b-95a1-b32aaedbdff4"
    data = oruk.dataset(content, dt.date(2027, 1, 15))
    seen: dict[str, object] = {}

    def walk(value):
        if isinstance(value, dict):
            if "id" in value and isinstance(value["id"], str) and "-" in value["id"]:
                assert seen.setdefault(value["id"], value) == value, value["id"]
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(data.export())
    assert not set(data.services) & set(data.organizations)


def test_organisations_are_records_of_their_own(content):
    data = oruk.dataset(content, dt.date(2027, 1, 15))
    oscar_kilo = data.organizations[
        oruk.record_id("organization", "Oscar Kilo, the National Police Wellbeing Service")
    ]
    assert oscar_kilo["description"] != oscar_kilo["name"]
    assert (
        "Oscar Kilo Crisis Line" in oscar_kilo["description"]
        or "Crisis" in oscar_kilo["description"]
    )
    assert "url" not in oscar_kilo


def service(content, service_id, today=dt.date(2027, 1, 15), **changes):
    svc = dataclasses.replace(content.services[service_id], **changes)
    return oruk.service_record(content, svc, today)


def test_assured_date_only_when_a_person_checked_the_entry(content):
    unchecked = service(content, "samaritans")
    assert "assured_date" not in unchecked and "last_modified" not in unchecked
    dating = content.services["samaritans"].dating
    checked = service(
        content,
        "samaritans",
        dating=Dating(dating.source_date, checked=Checked(dt.date(2026, 11, 20), "phone")),
    )
    assert checked["assured_date"] == "2026-11-20"


def test_no_field_is_null_or_empty(content):
    def walk(value):
        if isinstance(value, dict):
            for key, child in value.items():
                assert child not in (None, "", [], {}), key
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    walk(oruk.dataset(content, dt.date(2027, 1, 15)).export())


def test_phone_and_text_numbers_are_typed(content):
    (samaritans,) = service(content, "samaritans")["phones"]
    assert (samaritans["number"], samaritans["type"]) == ("116 123", "voice")
    (shout,) = service(content, "shout")["phones"]
    assert (shout["number"], shout["type"]) == ("85258", "text")
    assert "Text SHOUT to 85258" in shout["description"]
    assert shout["description"].count("85258") == 1


def test_categories_are_a_taxonomy_attached_to_services(content):
    record = service(content, "samaritans")
    (attribute,) = record["attributes"]
    term = attribute["taxonomy_term"]
    assert term["term"] == content.services["samaritans"].category
    assert attribute["taxonomy_term_id"] == term["id"]
    data = oruk.dataset(content, dt.date(2027, 1, 15))
    assert term["id"] in data.taxonomy_terms
    assert len(data.taxonomy_terms) == len(content.categories)


def test_welsh_availability_is_a_language(content):
    assert [x["code"] for x in service(content, "samaritans", welsh="yes")["languages"]] == [
        "en",
        "cy",
    ]
    assert [x["code"] for x in service(content, "samaritans", welsh="unknown")["languages"]] == [
        "en"
    ]


def test_service_areas_are_nations_with_their_ons_codes(content):
    areas = service(content, "samaritans", nations=("england", "wales"))["service_areas"]
    assert [(a["name"], a["uri"].rsplit("/", 1)[1]) for a in areas] == [
        ("England", "E92000001"),
        ("Wales", "W92000004"),
    ]
    assert all("extent_type" not in a for a in areas)


# ---- schedules -----------------------------------------------------------------------------

WEEKDAYS_9_TO_5 = Hours(days={d: ((540, 1020),) for d in range(5)})


@pytest.mark.parametrize(
    ("today", "offset", "next_offset"),
    [(dt.date(2027, 1, 15), "+00:00", "+01:00"), (dt.date(2027, 7, 15), "+01:00", "+00:00")],
)
def test_opening_times_carry_londons_offset_in_winter_and_summer(
    content, today, offset, next_offset
):
    schedules = service(content, "police-care-uk", today, hours=WEEKDAYS_9_TO_5)["schedules"]
    now, later = schedules
    assert now["valid_from"] <= today.isoformat() <= now["valid_to"]
    assert (now["byday"], now["opens_at"], now["closes_at"]) == (
        "MO,TU,WE,TH,FR",
        f"09:00{offset}",
        f"17:00{offset}",
    )
    assert later["opens_at"] == f"09:00{next_offset}"
    assert dt.date.fromisoformat(later["valid_from"]) - dt.date.fromisoformat(
        now["valid_to"]
    ) == dt.timedelta(days=1)


def test_the_clocks_change_on_the_last_sundays_of_march_and_october():
    (first, last, offset), (after, _, later) = oruk.offset_periods(dt.date(2027, 1, 15))
    assert (first, last, offset) == (dt.date(2026, 10, 25), dt.date(2027, 3, 27), "+00:00")
    assert (after, later) == (dt.date(2027, 3, 28), "+01:00")


def test_overnight_hours_close_the_next_day():
    # Weekday evenings 18:00-02:00, and Friday 18:00 to Monday 06:00 (Breathing Space).
    hours = Hours(
        days={
            0: ((0, 360), (1080, 120)),
            1: ((1080, 120),),
            2: ((1080, 120),),
            3: ((1080, 120),),
            4: ((1080, 1440),),
            5: ((0, 1440),),
            6: ((0, 1440),),
        }
    )
    rows = [
        (byday, oruk._hhmm(o, ""), oruk._hhmm(c, "")) for byday, o, c in oruk.weekly_times(hours)
    ]
    assert rows == [
        ("MO", "00:00", "06:00"),
        ("MO,TU,WE,TH", "18:00", "02:00"),
        ("FR", "18:00", "23:59"),
        ("SA,SU", "00:00", "23:59"),
    ]


def test_24_7_is_every_day_from_midnight_to_23_59(content):
    (winter, summer) = service(content, "samaritans", hours=Hours(always=True))["schedules"]
    assert (winter["byday"], winter["opens_at"], winter["closes_at"]) == (
        "MO,TU,WE,TH,FR,SA,SU",
        "00:00+00:00",
        "23:59+00:00",
    )
    assert summer["opens_at"] == "00:00+01:00"


# ---- the API -------------------------------------------------------------------------------


def test_the_api_is_open_to_any_site_and_cacheable_but_searches_are_not_stored(client):
    for url in (PREFIX + "/services", PREFIX + "/services/nope"):
        headers = client.get(url).headers
        assert headers["Access-Control-Allow-Origin"] == "*"
        assert "max-age" in headers["Cache-Control"]
    searched = client.get(PREFIX + "/services?search=debt").headers
    assert searched["Cache-Control"] == "no-store"
    assert searched["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "query", ["page=0", "page=-1", "page=abc", "per_page=0", "per_page=101", "search=" + "a" * 101]
)
def test_bad_paging_or_search_is_a_clear_400(client, query):
    assert "error" in get(client, f"{PREFIX}/services?{query}", status=400)


@pytest.mark.parametrize("path", ["services", "organizations", "taxonomies", "taxonomy_terms"])
def test_an_unknown_id_is_a_json_404(client, path):
    assert "No " in get(client, f"{PREFIX}/{path}/nope", status=404)["error"]


def test_services_filter_by_taxonomy_term_and_search(client, content):
    term = oruk.record_id("taxonomy_term", "treatment")
    found = every_page(client, f"services?taxonomy_term_id={term}")
    expected = {oruk.record_id("service", s.id) for s in content.services_in("treatment")}
    assert found and {s["id"] for s in found} == expected
    searched = get(client, f"{PREFIX}/services?search=samaritans")["contents"]
    assert oruk.record_id("service", "samaritans") in {s["id"] for s in searched}
