"""Every page of the sweep (tests/sweep.py) in Chromium: no axe-core violations, no request
to any origin but this server. This is the one place axe runs: a new route is swept here
without editing this file (see tests/README.md).

One browser context for the whole module (service workers blocked, so every page
is fetched from the server and each request is seen). Light mode on every page of the
sample (every route, language and case; of the pages that differ only by entry, the
forces, services, guides and categories of `sweep.sample_ids`); the other entries' pages
behind the `full_sweep` marker (`make test-full`). Dark mode on one page per route and
language and on every rejected form (its error state).
"""

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from ..sweep import html_urls

URLS = [u if u.sampled else pytest.param(u, marks=pytest.mark.full_sweep) for u in html_urls()]
# One URL per route and language (the first case of each), and every rejected form
# (too long, empty, bad filter, bad location), for dark mode.
_seen = set()
DARK_URLS = []
for _u in (u for u in html_urls() if u.sampled):
    _key = (_u.endpoint, _u.url.startswith("/cy"))
    if _key not in _seen or _u.status == 400:
        _seen.add(_key)
        DARK_URLS.append(_u)


def _id(target):
    return target.url[:80]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(scope="module")
def sweep_context(browser):
    """Return (context, requests): every request URL the context makes is appended to `requests`."""
    context = browser.new_context(service_workers="block")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context, requests
    context.close()


@pytest.fixture(scope="module")
def sweep_page(sweep_context):
    page = sweep_context[0].new_page()
    yield page
    page.close()


def visit(sweep_context, page, url: str, status: int) -> list[str]:
    """Load a page (until its load event) and return the list its requests are recorded in.

    The list keeps filling while the test runs axe, so a script's late request is
    still caught when the test checks it at the end.
    """
    _, requests = sweep_context
    requests.clear()
    response = page.goto(url)
    assert response.status == status, f"{url}: {response.status}"
    return requests


def assert_local(base: str, url: str, requested: list[str]) -> None:
    origin = urlparse(base).netloc
    foreign = [
        r
        for r in requested
        if urlparse(r).scheme in ("http", "https", "ws", "wss") and urlparse(r).netloc != origin
    ]
    other = [r for r in requested if urlparse(r).scheme not in ("http", "https", "data", "blob")]
    assert not foreign, f"{url} requested another origin: {foreign}"
    assert not other, f"{url} made requests with unexpected schemes: {other}"


@pytest.mark.parametrize("target", URLS, ids=_id)
def test_no_axe_violations_and_no_foreign_requests(
    sweep_context, sweep_page, live_server, axe, target
):
    sweep_page.emulate_media(color_scheme="light")
    url = live_server + target.url
    requested = visit(sweep_context, sweep_page, url, target.status)
    results = axe.run(sweep_page)
    assert_local(live_server, target.url, requested)
    assert results.violations_count == 0, f"{target.url}\n" + results.generate_report()


@pytest.mark.parametrize("target", DARK_URLS, ids=_id)
def test_no_axe_violations_in_dark_mode(sweep_context, sweep_page, live_server, axe, target):
    sweep_page.emulate_media(color_scheme="dark")
    visit(sweep_context, sweep_page, live_server + target.url, target.status)
    assert sweep_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    results = axe.run(sweep_page)
    assert results.violations_count == 0, f"{target.url} (dark)\n" + results.generate_report()
