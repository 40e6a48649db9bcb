"""axe-core finds no violations on any page, in English and Welsh, light and dark."""

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = [
    "/",
    "/help-now",
    "/offline",
    "/accessibility",
    "/privacy",
    "/no-such-page",
]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("lang", ["", "/cy"])
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(browser, live_server, axe, path, lang, scheme):
    context = browser.new_context(color_scheme=scheme, service_workers="block")
    page = context.new_page()
    page.goto(live_server + lang + path)
    results = axe.run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["/", "/help-now"])
def test_readable_at_320_pixels_without_sideways_scrolling(browser, live_server, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 320


def test_tap_targets_are_at_least_44_pixels(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server + "/help-now")
    small = page.evaluate(
        """() => [...document.querySelectorAll('a, button, input, select, summary')]
            .filter((el) => el.offsetParent !== null && !el.closest('p, li, dd'))
            .map((el) => [el.textContent.trim(), el.getBoundingClientRect().height])
            .filter(([, height]) => height < 44)"""
    )
    context.close()
    assert small == []
