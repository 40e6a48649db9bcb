"""Your force in a real browser: "Use my location", "Make this my force", offline, no cookies."""

import time

import pytest

from .conftest import wait_for, wait_for_service_worker

CARDIFF = {"latitude": 51.48, "longitude": -3.18}
CRISIS_LINE = 'a[href="tel:03001312789"]'
BREATHING_SPACE = 'a[href="tel:0800838587"]'
SAVED_CACHE = "wellbeing-saved-force"


def saved_urls(page) -> list[str]:
    """Return the paths in the service worker's saved-force cache ([] when there is none)."""
    return page.evaluate(
        """async (name) => {
            if (!(await caches.has(name))) return [];
            const cache = await caches.open(name);
            return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
        }""",
        SAVED_CACHE,
    )


def wait_for_saved(page, expected: list[str], timeout: float = 10) -> None:
    """Wait until the saved-force cache holds exactly these paths (the worker saves later)."""
    # A Python loop, not wait_for_function: that takes a returned Promise as truthy.
    deadline = time.monotonic() + timeout
    while (found := saved_urls(page)) != expected:
        assert time.monotonic() < deadline, f"saved-force cache holds {found}, not {expected}"
        page.wait_for_timeout(100)


@pytest.fixture
def located(browser):
    context = browser.new_context(
        geolocation=CARDIFF, permissions=["geolocation"], service_workers="block"
    )
    yield context
    context.close()


def test_use_my_location_finds_south_wales_police(located, live_server):
    page = located.new_page()
    page.goto(live_server + "/find-your-force")
    entries = page.evaluate("history.length")
    with page.expect_request("**/find-your-force?lat=*") as sent:
        page.get_by_role("button", name="Use my location").click()
    assert sent.value.url.endswith("?lat=51.480&lng=-3.180")  # about 100 m, not 11 m
    assert page.locator("#result-title").inner_text() == "Your force"
    # The location stays out of the history: the answer replaced the form, then its
    # address dropped the coordinates.
    assert page.url == live_server + "/find-your-force"
    assert page.evaluate("history.length") == entries
    link = page.locator(".wb-result__forces a")
    assert link.count() == 1
    assert link.get_attribute("href") == "/forces/south-wales"
    assert link.inner_text() == "South Wales Police"
    assert located.cookies() == []


def test_use_my_location_in_welsh_stays_in_welsh(located, live_server):
    page = located.new_page()
    page.goto(live_server + "/cy/find-your-force")
    page.locator("[data-module='wb-use-location'] button").click()
    assert page.locator(".wb-result__forces a").inner_text() == "Heddlu De Cymru"
    assert page.url == live_server + "/cy/find-your-force"


def test_location_is_not_asked_for_until_the_button_is_pressed(located, live_server):
    page = located.new_page()
    page.add_init_script(
        """window.__asked = 0;
        const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
        navigator.geolocation.getCurrentPosition = (...args) => {
            window.__asked += 1;
            return original(...args);
        };"""
    )
    page.goto(live_server + "/find-your-force")
    page.wait_for_load_state("load")
    assert page.get_by_role("button", name="Use my location").is_visible()
    assert page.evaluate("window.__asked") == 0
    with page.expect_request("**/find-your-force?lat=*"):
        page.get_by_role("button", name="Use my location").click()


def test_refused_location_says_so_and_keeps_the_form(browser, live_server):
    context = browser.new_context(service_workers="block")  # no geolocation permission granted
    page = context.new_page()
    page.goto(live_server + "/find-your-force")
    page.get_by_role("button", name="Use my location").click()
    status = page.locator(".wb-locate__status")
    status.filter(has_text="We could not get your location").wait_for()
    assert page.url == live_server + "/find-your-force"
    assert page.get_by_role("button", name="Use my location").is_enabled()
    context.close()


def test_without_javascript_there_is_no_location_button_and_the_form_works(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/find-your-force")
    assert page.locator("[data-module='wb-use-location']").count() == 1
    assert not page.locator("[data-module='wb-use-location'] button").is_visible()
    page.get_by_label("Town, postcode or force").fill("CF10 1AA")
    page.get_by_role("button", name="Find", exact=True).click()
    page.wait_for_url("**/find-your-force?q=CF10+1AA")
    assert page.locator(".wb-result__forces a").get_attribute("href") == "/forces/south-wales"
    # Nor is there a "Make this my force" button to press in vain.
    page.goto(live_server + "/forces/south-wales")
    assert not page.get_by_role("button", name="Make this my force").is_visible()
    assert context.cookies() == []
    context.close()


def test_make_this_my_force_then_offline_then_forget(context, live_server):
    page = context.new_page()
    page.goto(live_server + "/forces/police-scotland")
    save = page.get_by_role("button", name="Make this my force")
    forget = page.get_by_role("button", name="Forget my force")
    assert save.is_visible() and not forget.is_visible()

    # Saved on the first visit, before the worker controls the page: it must still be cached.
    save.click()
    assert forget.is_visible() and not save.is_visible()
    wait_for(
        page,
        "document.querySelector('.wb-save-force__status').textContent.includes('saved as your force')",
    )
    assert "works offline" in page.locator(".wb-save-force__status").inner_text()
    stored = page.evaluate("JSON.parse(localStorage.getItem('wellbeing.force'))")
    assert stored == {"slug": "police-scotland", "name": "Police Scotland", "key": "scotland"}
    wait_for_service_worker(page)
    wait_for_saved(page, ["/cy/forces/police-scotland", "/forces/police-scotland"])
    assert context.cookies() == []

    # The home page puts the saved force first and offers Scotland's crisis options.
    page.goto(live_server + "/")
    your_force = page.locator(".wb-your-force")
    assert your_force.is_visible()
    assert your_force.locator("a").get_attribute("href") == "/forces/police-scotland"
    assert your_force.locator("a").inner_text() == "Police Scotland"
    assert not page.locator(CRISIS_LINE).is_visible()
    assert page.locator(BREATHING_SPACE).is_visible()
    assert page.locator('.wb-call--primary a[href="tel:999"]').is_visible()

    # With no signal, the saved force's page comes from the service worker's cache.
    context.set_offline(True)
    response = page.goto(live_server + "/forces/police-scotland")
    assert response.from_service_worker
    assert page.locator("h1").inner_text() == "Police Scotland"
    assert page.locator(BREATHING_SPACE).is_visible()
    # So does the home page, still showing the saved force.
    page.goto(live_server + "/")
    assert page.locator(".wb-your-force a").inner_text() == "Police Scotland"
    # A force page that was not saved is not there: the offline page is.
    page.goto(live_server + "/forces/psni")
    assert page.locator("h1").inner_text() == "You are offline"
    context.set_offline(False)

    # "Forget my force" removes it from this browser and from the cache.
    page.goto(live_server + "/forces/police-scotland")
    forget.click()
    assert save.is_visible() and not forget.is_visible()
    assert "no longer saved" in page.locator(".wb-save-force__status").inner_text()
    assert page.evaluate("localStorage.getItem('wellbeing.force')") is None
    wait_for_saved(page, [])
    assert saved_urls(page) == []
    page.goto(live_server + "/")
    assert not page.locator(".wb-your-force").is_visible()
    assert page.locator(CRISIS_LINE).is_visible()
    assert not page.locator(BREATHING_SPACE).is_visible()
    assert context.cookies() == []


def test_choosing_another_force_replaces_the_saved_one(context, live_server):
    page = context.new_page()
    page.goto(live_server + "/cy/forces/gwent")
    wait_for_service_worker(page)
    page.locator("[data-action='save']").click()
    wait_for_saved(page, ["/cy/forces/gwent", "/forces/gwent"])
    page.goto(live_server + "/cy/")
    assert page.locator(".wb-your-force a").get_attribute("href") == "/cy/forces/gwent"
    assert page.locator(".wb-your-force a").inner_text() == "Heddlu Gwent"
    assert page.locator(CRISIS_LINE).is_visible()

    page.goto(live_server + "/forces/psni")
    page.locator("[data-action='save']").click()
    wait_for_saved(page, ["/cy/forces/psni", "/forces/psni"])
    page.goto(live_server + "/")
    assert page.locator(".wb-your-force a").inner_text() == "Police Service of Northern Ireland"
    assert page.locator('a[href="tel:08088088000"]').is_visible()
    assert not page.locator(CRISIS_LINE).is_visible()
    assert context.cookies() == []


def test_every_force_page_shows_its_own_support_within_two_phone_screens(browser, live_server):
    """At 360 px wide, "Your force's own support" starts within 1,560 px (two 780 px screens).

    What comes before it depends only on the force's nation (its call options and notice)
    and its name, so the longest-named force of each nation stands for the rest.
    """
    context = browser.new_context(viewport={"width": 360, "height": 780}, service_workers="block")
    page = context.new_page()
    longest = {}
    for force in page.request.get(live_server + "/api/v1/forces").json()["forces"]:
        key = (force["kind"], force["nation"])
        if len(force["name"]) > len(longest.get(key, {"name": ""})["name"]):
            longest[key] = force
    ends = {}
    for force in longest.values():
        for lang in ("", "/cy"):
            url = f"{lang}/forces/{force['slug']}"
            page.goto(live_server + url)
            box = page.locator("#own-support").bounding_box()
            ends[url] = box["y"] + box["height"]
    context.close()
    worst = max(ends, key=ends.get)
    assert ends[worst] <= 1560, f"{worst}: the heading ends at {ends[worst]:.0f} px"
