"""Query strings: a stray parameter never breaks a page or bypasses the page cache, and an
answer to a search or a location is never kept by the browser."""

import pytest

from wellbeing import errors
from wellbeing.queries import JSON_BLUEPRINTS, PARAMETERS

from .conftest import make_app
from .sweep import sweep_urls

# Names that mean something to Flask's url_for or to a route, and ordinary junk.
HOSTILE_NAMES = ["lang_code", "endpoint", "_method", "_external", "_anchor", "_scheme", "slug"]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("path", ["/", "/cy/help-now", "/forces/gwent", "/directory?q=stress"])
def test_a_query_named_like_a_route_argument_is_dropped_not_a_crash(client, page, path, name):
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}{name}=x")
    assert response.status_code == 302
    assert response.headers["Location"] == path  # relative, and only the page's own parameters
    page(path)


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/help-now?x=1", "/help-now"),
        ("/cy/privacy?utm_source=intranet&utm_medium=email", "/cy/privacy"),
        ("/?force=gwent&utm_source=intranet", "/?force=gwent"),
        ("/directory?q=stress&page=2", "/directory?q=stress"),
        ("/find-your-force?lat=51.48&lng=-3.18&zoom=9", "/find-your-force?lat=51.48&lng=-3.18"),
        ("/help-now?&", "/help-now"),
    ],
)
def test_unknown_query_parameters_redirect_to_the_canonical_url(client, url, canonical):
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"] == canonical


def test_a_page_with_a_stray_query_is_served_from_the_page_cache():
    app = make_app()
    client = app.test_client()
    cache = app.extensions["page_cache"]
    before = dict(cache)
    response = client.get("/help-now?x=1", follow_redirects=True)
    assert response.status_code == 200
    assert response.get_data() == cache["/help-now", False][0]
    assert cache == before


def test_every_sweep_query_is_one_its_page_reads():
    """A page that reads a query parameter must list it in wellbeing.queries.PARAMETERS."""
    for target in sweep_urls():
        if "?" in target.url and target.endpoint.partition(".")[0] not in JSON_BLUEPRINTS:
            names = {pair.split("=")[0] for pair in target.url.split("?", 1)[1].split("&")}
            assert names <= set(PARAMETERS.get(target.endpoint, ())), target.url


def test_the_language_switch_keeps_the_search(page):
    link = page("/directory?q=stress&nation=wales").select_one(".wb-header__lang")
    assert link["href"] == "/cy/directory?q=stress&nation=wales"
    link = page("/cy/forces/gwent").select_one(".wb-header__lang")
    assert link["href"] == "/forces/gwent"


@pytest.mark.parametrize(
    "url",
    [
        "/find-your-force?q=CF10+1AA",
        "/cy/find-your-force?lat=51.48&lng=-3.18",
        "/find-your-force?q=",  # the 400 page repeats the search too
        "/directory?q=stress",
        "/?force=gwent",
        "/api/v1/locate?q=CF10+1AA",
        "/api/v1/locate?lat=51.48&lng=-3.18",
        "/api/v1/services?q=money",
        "/help-now?x=1",  # the redirect
    ],
)
def test_answers_to_a_search_or_a_location_are_not_stored(client, url):
    assert client.get(url).headers["Cache-Control"] == "no-store"


def test_pages_without_a_query_may_be_cached_by_the_browser(client):
    assert client.get("/find-your-force").headers.get("Cache-Control") != "no-store"


@pytest.fixture
def failing_search(monkeypatch, app):
    content = app.extensions["content"]

    def broken(*args, **kwargs):
        raise RuntimeError("search broke")

    monkeypatch.setattr(type(content), "search", broken)


def test_an_unexpected_error_still_shows_the_call_buttons(app, failing_search):
    response = app.test_client().get("/cy/directory?q=stress")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert 'href="tel:999"' in body and 'lang="cy"' in body
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_when_the_error_page_fails_too_a_plain_one_keeps_the_call_buttons(
    app, failing_search, monkeypatch
):
    def broken_template(*args, **kwargs):
        raise RuntimeError("template broke")

    monkeypatch.setattr(errors, "render_template", broken_template)
    response = app.test_client().get("/directory?q=stress")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert 'href="tel:999"' in body and "Samaritans" in body
    assert "Traceback" not in body and "template broke" not in body
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
