"""Bad input never breaks anything: arbitrary text, Unicode, huge strings and malformed
coordinates thrown at the locator and at every route that takes input.

Every answer is 2xx or 4xx, never a 500 or a traceback, and comes back within
HANG_SECONDS (a hang guard, not a performance test: the locator answers in well
under a millisecond).
"""

import math
import time
from urllib.parse import quote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from wellbeing import locator
from wellbeing.limits import MAX_QUERY

from .conftest import make_app
from .sweep import sweep_urls

HANG_SECONDS = 2.0
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,  # nothing written into the working tree
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
HTTP_SETTINGS = settings(SETTINGS, max_examples=100)
TRACEBACK_MARKERS = ("Traceback (most recent call last)", 'File "/', "werkzeug.exceptions")

# Text of every kind: any Unicode (surrogates aside, which no URL can carry), control
# characters, right-to-left and combining marks, and very long strings.
any_text = st.one_of(
    st.text(max_size=200),
    st.text(max_size=10_000),
    st.text(alphabet=st.characters(codec="ascii"), max_size=300),
    st.text(
        alphabet=st.sampled_from("\x00\x01\x1f\x7f\t\n\r \u200b\u202e\u0301\ufeff%&=?#/\\'\"<>;"),
        max_size=50,
    ),
    st.sampled_from(
        [
            "",
            " ",
            "SW1A 1AA",
            "sw1a1aa",
            "CH4",
            "Newport",
            "BT1 1AA",
            "GY1 1AA",
            "Ynys Môn",
            "Llanfair­pwllgwyngyll",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%00",
            "../../etc/passwd",
            "𝔐𝔞𝔫𝔠𝔥𝔢𝔰𝔱𝔢𝔯",
            "Ⅻ",
            "ﬁ",
            "İstanbul",
            "x" * 10_000,
        ]
    ),
)
# Coordinates as a person or a broken device might send them.
coordinate_text = st.one_of(
    any_text,
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        [
            "51.5",
            "-0.1",
            "1e3",
            "1e-400",
            "0x10",
            "+-1",
            "--1",
            ".5",
            "5.",
            "NaN",
            "inf",
            "-inf",
            "51,5",
            "٥١٫٥",
            "５１.５",
            " 51.5 ",
            "90.0000000000001",
            "-180",
        ]
    ),
)
optional_coordinate = st.one_of(st.none(), coordinate_text)


def timed(call):
    """Run `call` and fail if it uses more CPU than the hang guard.

    CPU time, not wall time: a guard against runaway work (catastrophic regex
    backtracking, quadratic matching) must not fail because the machine is busy.
    """
    start = time.process_time()
    result = call()
    elapsed = time.process_time() - start
    assert elapsed < HANG_SECONDS, f"used {elapsed:.2f} s of CPU"
    return result


@pytest.fixture(scope="module")
def robust_client():
    return make_app().test_client()


def check_response(response, label: str) -> None:
    assert 200 <= response.status_code < 300 or 400 <= response.status_code < 500, (
        f"{label}: {response.status_code}"
    )
    body = response.get_data(as_text=True)
    assert not any(marker in body for marker in TRACEBACK_MARKERS), (
        f"{label}: traceback in the body"
    )


def get(client, path: str, query: dict | None = None):
    """GET with the checks; a redirect is allowed only to this site, and is followed up to
    twice (Werkzeug merges the double slash of `/forces/%2F0`, then an unknown query
    parameter is dropped)."""
    label = path + (f" {query!r}"[:300] if query else "")
    response = timed(lambda: client.get(path, query_string=query))
    for _ in range(2):
        if not 300 <= response.status_code < 400:
            break
        location = urlsplit(response.headers["Location"])
        assert not location.netloc and location.path.startswith("/"), (
            f"{label}: redirect off the site to {response.headers['Location']!r}"
        )
        response = timed(lambda at=location: client.get(at.path, query_string=at.query))
    check_response(response, label)
    return response


# ---- the locator, in process ----------------------------------------------------------------

VALID_STATUSES = {"found", "ambiguous", "not_found", "invalid"}


@SETTINGS
@given(query=any_text)
def test_locate_never_raises_on_any_text(query):
    result = timed(lambda: locator.locate(query))
    assert result.status in VALID_STATUSES
    if result.status == "found":
        assert len(result.forces) == 1
    if result.status == "ambiguous":
        assert len(result.forces) >= 2
    if len(query) > MAX_QUERY:
        assert result.status == "invalid"


@SETTINGS
@given(
    query=st.one_of(st.none(), st.integers(), st.binary(max_size=50), st.lists(st.text(max_size=5)))
)
def test_locate_rejects_what_is_not_text(query):
    assert locator.locate(query).status == "invalid"


@SETTINGS
@given(lat=optional_coordinate, lng=optional_coordinate)
def test_parse_point_never_raises(lat, lng):
    parsed = timed(lambda: locator.parse_point(lat, lng))
    if isinstance(parsed, locator.Result):
        assert parsed.status == "invalid"
    else:
        lat_value, lng_value = parsed
        assert math.isfinite(lat_value) and math.isfinite(lng_value)
        assert -90 <= lat_value <= 90 and -180 <= lng_value <= 180


@SETTINGS
@given(
    lat=st.floats(allow_nan=True, allow_infinity=True),
    lng=st.floats(allow_nan=True, allow_infinity=True),
)
def test_locate_point_never_raises_on_any_float(lat, lng):
    result = timed(lambda: locator.locate_point(lat, lng))
    assert result.status in VALID_STATUSES


@SETTINGS
@given(lat=st.floats(-90, 90), lng=st.floats(-180, 180))
def test_locate_point_answers_anywhere_on_earth(lat, lng):
    result = timed(lambda: locator.locate_point(lat, lng))
    assert result.status in {"found", "ambiguous", "not_found"}


# ---- the web: search forms and the API -----------------------------------------------------

filter_value = st.one_of(
    st.none(),
    st.sampled_from(["", "family", "officer", "wales", "england", "northern-ireland", "treatment"]),
    any_text,
)


def _query(**values) -> dict:
    return {k: v for k, v in values.items() if v is not None}


@HTTP_SETTINGS
@given(
    q=st.one_of(st.none(), any_text),
    audience=filter_value,
    nation=filter_value,
    lang=st.sampled_from(["", "/cy"]),
)
def test_directory_search(robust_client, q, audience, nation, lang):
    response = get(
        robust_client, lang + "/directory", _query(q=q, audience=audience, nation=nation)
    )
    assert response.mimetype == "text/html"


@HTTP_SETTINGS
@given(
    q=st.one_of(st.none(), any_text),
    lat=optional_coordinate,
    lng=optional_coordinate,
    lang=st.sampled_from(["", "/cy"]),
)
def test_find_your_force(robust_client, q, lat, lng, lang):
    response = get(robust_client, lang + "/find-your-force", _query(q=q, lat=lat, lng=lng))
    assert response.mimetype == "text/html"


@HTTP_SETTINGS
@given(
    q=st.one_of(st.none(), any_text),
    lat=optional_coordinate,
    lng=optional_coordinate,
    path=st.sampled_from(["/api/v1/locate", "/api/v1/locate/point"]),
)
def test_api_locate(robust_client, q, lat, lng, path):
    response = get(robust_client, path, _query(q=q, lat=lat, lng=lng))
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["status"] in VALID_STATUSES
    assert (response.status_code == 400) == (body["status"] == "invalid")


@HTTP_SETTINGS
@given(
    q=st.one_of(st.none(), any_text),
    category=filter_value,
    audience=filter_value,
    nation=filter_value,
)
def test_api_services(robust_client, q, category, audience, nation):
    response = get(
        robust_client,
        "/api/v1/services",
        _query(q=q, category=category, audience=audience, nation=nation),
    )
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert ("services" in body) if response.status_code == 200 else ("error" in body)


# ---- every route parameter --------------------------------------------------------------------

ROUTES_WITH_PARAMETERS = [
    "/forces/{}",
    "/cy/forces/{}",
    "/services/{}",
    "/cy/services/{}",
    "/directory/{}",
    "/cy/directory/{}",
    "/api/v1/forces/{}",
]


@HTTP_SETTINGS
@given(
    value=any_text,
    route=st.sampled_from(ROUTES_WITH_PARAMETERS),
    force=st.sampled_from(["", "gwent", "no-such-force"]),
)
def test_route_parameters(robust_client, value, route, force):
    path = route.format(quote(value, safe=""))
    get(robust_client, path, _query(force=force or None))


@HTTP_SETTINGS
@given(force=any_text, lang=st.sampled_from(["", "/cy"]))
def test_home_with_any_force_link(robust_client, force, lang):
    response = get(robust_client, lang + "/", {"force": force})
    assert response.status_code in (200, 404)


@HTTP_SETTINGS
@given(lang=st.one_of(st.none(), any_text))
def test_service_worker_language(robust_client, lang):
    response = get(robust_client, "/sw.js", _query(lang=lang))
    assert response.status_code in (200, 400)


# ---- any query on any route ---------------------------------------------------------------

query_name = st.one_of(
    st.sampled_from(
        ["lang_code", "endpoint", "_method", "_external", "_anchor", "_scheme", "slug"]
        + ["service_id", "category", "values", "force", "q", "lat", "lng", "lang", "nation"]
    ),
    any_text,
)


@HTTP_SETTINGS
@given(
    target=st.sampled_from(sorted({u.url.split("?")[0] for u in sweep_urls()})),
    query=st.lists(st.tuples(query_name, any_text), max_size=4),
)
def test_any_query_on_any_route(robust_client, target, query):
    get(robust_client, target, MultiDict(query))
