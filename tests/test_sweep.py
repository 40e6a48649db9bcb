"""Render every GET route, in English and Welsh, through the page invariants.

The URL list comes from `app.url_map` and the content (tests/sweep.py): every
category, service and force, locator queries of every outcome, and 404s.
"""

import json
import re

import pytest

from wellbeing import locator

from .sweep import (
    HTML,
    IGNORED,
    JSON,
    LOCATE_POINTS,
    LOCATE_QUERIES,
    OTHER,
    PARAMETERS,
    get_endpoints,
    sample_ids,
    sweep_urls,
)

TRACEBACK_MARKERS = ("Traceback (most recent call last)", 'File "/', "werkzeug.exceptions")


def _ids(urls):
    return [u.url[:80] for u in urls]


def test_every_endpoint_has_sweep_parameters(app):
    unmapped = get_endpoints(app) - set(PARAMETERS)
    assert not unmapped, (
        f"routes with no sweep parameters: {sorted(unmapped)}; add them to tests/sweep.py "
        "(HTML, JSON or OTHER) so the sweeps, axe and the privacy checks cover them"
    )


def test_no_stale_sweep_parameters(app):
    assert set(PARAMETERS) <= get_endpoints(app), set(PARAMETERS) - get_endpoints(app)
    assert not set(HTML) & set(JSON) & set(OTHER)
    assert "static" in IGNORED


def test_sweep_covers_every_category_service_and_force_in_both_languages(app):
    content = app.extensions["content"]
    urls = {u.url for u in sweep_urls()}
    for prefix in ("", "/cy"):
        for category in content.categories:
            assert f"{prefix}/directory/{category}" in urls
        for service in content.services:
            assert f"{prefix}/services/{service}" in urls
        for force in content.forces:
            assert f"{prefix}/forces/{force}" in urls
    assert {"/no-such-page", "/cy/no-such-page"} <= urls


def test_the_every_run_sample_keeps_every_route_language_and_status(app):
    """Only pages that differ by entry are left to the full sweep; the sample still shows
    every nation and kind of force (a Welsh force, Scotland, PSNI, a national force...)."""
    urls = sweep_urls()
    shapes = {(u.endpoint, u.url.startswith("/cy"), u.status) for u in urls}
    assert shapes == {(u.endpoint, u.url.startswith("/cy"), u.status) for u in urls if u.sampled}
    content = app.extensions["content"]
    sample = sample_ids(content)
    for attribute in ("nation", "kind"):
        every = {getattr(force, attribute) for force in content.forces.values()}
        assert every == {
            getattr(content.forces[slug], attribute) for slug in sample & set(content.forces)
        }


@pytest.mark.parametrize("status", sorted(LOCATE_QUERIES))
def test_locator_queries_give_the_outcome_the_sweep_relies_on(status):
    for query in LOCATE_QUERIES[status]:
        assert locator.locate(query).status == status, query
    if status in LOCATE_POINTS:
        lat, lng = locator.parse_point(*LOCATE_POINTS[status])
        assert locator.locate_point(lat, lng).status == status


HTML_URLS = [u for u in sweep_urls() if u.kind == "html"]
OTHER_URLS = [u for u in sweep_urls() if u.kind != "html"]


PAGE_URLS = [u for u in HTML_URLS if u.status != 400]
FORM_ERROR_URLS = [u for u in HTML_URLS if u.status == 400]


@pytest.mark.parametrize("target", PAGE_URLS, ids=_ids(PAGE_URLS))
def test_page(page, target):
    """Every page keeps the invariants (strict HTML, one h1, lang, no inline script...)."""
    result = page(target.url, status=target.status)
    body = result.response.get_data(as_text=True)
    assert not any(marker in body for marker in TRACEBACK_MARKERS), target.url


@pytest.mark.parametrize("target", FORM_ERROR_URLS, ids=_ids(FORM_ERROR_URLS))
def test_form_error_page(page, target):
    """A rejected GET form: the page checks, an "Error: " title and an error message."""
    result = page(target.url, status=400)
    assert re.match(r"(Error|Gwall): ", result.soup.title.get_text()), target.url
    assert result.select('[role="alert"], .wb-error-summary'), f"{target.url}: no error message"
    # The form fields the summary links to, and only those, say they are invalid (a
    # summary may also link to a list of choices, such as a guide's nation links).
    fields = {f["id"] for f in result.select("input[id], select[id], textarea[id]")}
    linked = {a["href"].removeprefix("#") for a in result.select(".wb-error-summary a")} & fields
    invalid = {field["id"] for field in result.select('[aria-invalid="true"]')}
    assert invalid == linked, target.url
    body = result.response.get_data(as_text=True)
    assert not any(marker in body for marker in TRACEBACK_MARKERS), target.url


@pytest.mark.parametrize("target", OTHER_URLS, ids=_ids(OTHER_URLS))
def test_json_and_worker(client, target):
    response = client.get(target.url)
    assert response.status_code == target.status, target.url
    assert "Set-Cookie" not in response.headers, target.url
    body = response.get_data(as_text=True)
    assert not any(marker in body for marker in TRACEBACK_MARKERS), target.url
    if target.endpoint == "pwa.service_worker":
        if target.status == 200:
            assert response.mimetype == "text/javascript"
    elif target.endpoint == "pwa.manifest":
        assert response.mimetype == "application/manifest+json"
        assert json.loads(body)["lang"] == ("cy" if target.url.startswith("/cy/") else "en")
    else:
        assert response.mimetype == "application/json", target.url
        data = json.loads(body)
        locate = target.endpoint in ("api.locate", "api.locate_point")
        if target.status >= 400 and not locate:
            assert isinstance(data["error"], str) and data["error"]
        if locate:
            assert data["status"] in ("found", "ambiguous", "not_found", "invalid")
            assert (data["status"] == "invalid") == (target.status == 400)
