"""The crisis line works with no signal once the site has been visited.

Every test runs against the app and against the static copy (`make export`) on a
plain static server, where pages live at `/page/` rather than `/page`.
"""

from dataclasses import dataclass
from urllib.parse import urlparse

import pytest

from .conftest import wait_for_service_worker

CRISIS_LINKS = ["tel:03001312789", "tel:999", "tel:116123"]


@dataclass(frozen=True)
class Site:
    base: str
    page_end: str  # how page URLs end: "" in the app, "/" in the static copy

    def path(self, path: str) -> str:
        page, mark, query = path.partition("?")
        if not page.endswith("/"):
            page += self.page_end
        return page + mark + query

    def __add__(self, path: str) -> str:
        return self.base + self.path(path)


@pytest.fixture(params=["app", "static copy"])
def site(request) -> Site:
    if request.param == "app":
        return Site(request.getfixturevalue("live_server"), "")
    return Site(request.getfixturevalue("static_host"), "/")


def visit_and_install(context, base):
    page = context.new_page()
    response = page.goto(base + "/")
    assert not response.from_service_worker
    wait_for_service_worker(page)
    return page


def assert_call_links(page):
    for href in CRISIS_LINKS:
        assert page.locator(f'main a[href="{href}"]').count() >= 1, href


def test_service_worker_takes_control(context, site):
    page = visit_and_install(context, site)
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")


@pytest.mark.parametrize("path", ["/", "/help-now", "/cy/help-now", "/cy/"])
def test_crisis_pages_load_offline(context, site, path):
    page = visit_and_install(context, site)
    context.set_offline(True)
    response = page.goto(site + path)
    assert response.from_service_worker
    assert_call_links(page)


def test_never_visited_url_offline_shows_the_offline_page_with_call_buttons(context, site):
    page = visit_and_install(context, site)
    context.set_offline(True)
    response = page.goto(site + "/accessibility")
    assert response.from_service_worker
    assert page.locator("h1").inner_text() == "You are offline"
    assert_call_links(page)


def test_an_intranet_link_opened_offline_shows_its_nations_options(context, site):
    page = visit_and_install(context, site)
    context.set_offline(True)
    page.goto(site + "/?force=psni")  # not precached with its query: the offline page
    assert page.locator("h1").inner_text() == "You are offline"
    assert page.locator('a[href="tel:08088088000"]').is_visible()  # Lifeline
    assert not page.locator('a[href="tel:03001312789"]').is_visible()  # England and Wales only
    assert page.locator('a[href="tel:111"]:visible').count() == 0
    assert page.locator('.wb-call--primary a[href="tel:999"]').is_visible()
    assert page.locator(f"main a[href='{site.path('/help-now')}']").is_visible()


def test_welsh_never_visited_url_offline_shows_the_welsh_offline_page(context, site):
    page = visit_and_install(context, site)
    context.set_offline(True)
    page.goto(site + "/cy/privacy")
    assert page.locator("h1").inner_text() == "Rydych all-lein"
    assert page.locator("html").get_attribute("lang") == "cy"


def test_every_precached_url_answers_200_in_the_browser(context, site):
    page = visit_and_install(context, site)
    statuses = page.evaluate(
        """async () => {
            const names = await caches.keys();
            const cache = await caches.open(names.find((n) => n.startsWith('wellbeing-')));
            const requests = await cache.keys();
            return Promise.all(requests.map(async (r) => [r.url, (await cache.match(r)).status]));
        }"""
    )
    assert len(statuses) >= 9
    assert all(status == 200 for _, status in statuses), statuses


def test_no_request_goes_to_another_origin(context, site):
    origins = set()
    context.on("request", lambda request: origins.add(urlparse(request.url).netloc))
    page = context.new_page()
    for path in ["/", "/help-now", "/cy/", "/offline", "/privacy"]:
        page.goto(site + path)
    wait_for_service_worker(page)
    page.wait_for_load_state("networkidle")
    assert origins == {urlparse(site.base).netloc}


def test_without_the_worker_offline_fails(browser, site):
    """Negative control: the offline tests above depend on the worker."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(site + "/")
    context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.reload()
    context.close()
