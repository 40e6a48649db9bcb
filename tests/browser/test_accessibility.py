"""What a phone screen needs beyond axe: no sideways scrolling at 320 px, tap targets of
44 px. (axe itself runs on every page in test_sweep_browser.py.)"""

import pytest


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
