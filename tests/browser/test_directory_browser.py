"""The directory in a real browser: Exit this page, open now, offline, and what the cache keeps."""

import datetime as dt
import json
import re
import time
import urllib.request
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest

from .conftest import wait_for_service_worker

NEUTRAL = "https://www.bbc.co.uk/weather"
LONDON = ZoneInfo("Europe/London")


# --------------------------------------------------------------------------- exit this page


# What the page showed as it was left, kept in sessionStorage (same tab, same origin)
# so the test can read it after the navigation has replaced the page.
RECORD_ON_LEAVING = """
window.addEventListener("pagehide", () => {
  const overlay = document.querySelector(".wb-exit-overlay");
  const main = document.querySelector("main");
  sessionStorage.setItem("left", JSON.stringify({
    path: location.pathname,
    overlay: overlay && {role: overlay.getAttribute("role"),
                         visibility: getComputedStyle(overlay).visibility},
    main: main && getComputedStyle(main).visibility,
  }));
});
"""


@pytest.fixture
def neutral_site(context):
    """Answer the neutral site with a tiny page (nothing reaches the real BBC); list requests."""
    requests = []

    def fulfil(route):
        requests.append(route.request.url)
        route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>Weather</title>"
        )

    context.route("https://www.bbc.co.uk/**", fulfil)
    context.add_init_script(RECORD_ON_LEAVING)
    return requests


def open_page(context, base, path):
    page = context.new_page()
    page.goto(base + "/")  # something to go Back to
    page.goto(base + path)
    return page


def assert_left_for_the_neutral_site(page, requests, base, path):
    page.wait_for_url(NEUTRAL)
    assert requests == [NEUTRAL]
    # The page replaced itself: Back goes to the page before it, not to the one left.
    page.go_back()
    assert page.url == base + "/"
    left = page.evaluate("JSON.parse(sessionStorage.getItem('left'))")
    assert left["path"] == path
    # As it left, the page was covered at once by the overlay, read out as an alert.
    assert left["overlay"] == {"role": "alert", "visibility": "visible"}
    assert left["main"] == "hidden"


# The same markup and script on every page that has the button (test_directory.py and
# test_families.py prove it): one page in each language.
@pytest.mark.parametrize("path", ["/services/cops-uk", "/cy/families"])
def test_exit_button_leaves_for_a_neutral_site(context, live_server, neutral_site, path):
    page = open_page(context, live_server, path)
    page.locator(".wb-exit__button").click()
    assert_left_for_the_neutral_site(page, neutral_site, live_server, path)


def test_pressing_shift_three_times_leaves_for_a_neutral_site(context, live_server, neutral_site):
    page = open_page(context, live_server, "/directory")
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_for_the_neutral_site(page, neutral_site, live_server, "/directory")


def test_another_key_between_shifts_starts_the_count_again(context, live_server, neutral_site):
    page = open_page(context, live_server, "/directory")
    page.locator("#q").focus()
    for key in ["Shift", "Shift", "a", "Shift"]:  # e.g. typing a capital letter
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert neutral_site == []
    assert urlparse(page.url).path == "/directory"
    assert page.locator("main").is_visible()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")  # the third in a row
    assert_left_for_the_neutral_site(page, neutral_site, live_server, "/directory")


def test_exit_this_page_explanation_is_linked_from_the_button(context, live_server):
    page = open_page(context, live_server, "/families")
    page.locator(".wb-exit__help").click()
    page.wait_for_url(live_server + "/exit-this-page")
    assert page.locator("h1").inner_text() == "How Exit this page works"
    assert "Shift" in page.locator("main").inner_text()


def test_exit_button_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    context.route(
        "https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<title>Weather</title>")
    )
    page = context.new_page()
    page.goto(live_server + "/directory")
    page.locator(".wb-exit__button").click()
    page.wait_for_url(NEUTRAL)
    context.close()


# --------------------------------------------------------------------------- open now


def open_now_status(context, base, path, when):
    page = context.new_page()
    page.clock.set_fixed_time(when)
    page.goto(base + path)
    status = page.locator(".wb-facts__hours .wb-open").first
    status.wait_for(state="visible")
    return status


def open_now_text(context, base, path, when):
    return open_now_status(context, base, path, when).inner_text()


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # Saturday midday, winter (GMT): closed all weekend.
        (dt.datetime(2026, 11, 28, 12, 0, tzinfo=LONDON), "Closed now. Opens Monday at 9am."),
        # Monday 10am: open.
        (dt.datetime(2026, 11, 30, 10, 0, tzinfo=LONDON), "Open now"),
        # Monday 5pm exactly: just closed.
        (dt.datetime(2026, 11, 30, 17, 0, tzinfo=LONDON), "Closed now. Opens Tuesday at 9am."),
        # Friday 8:59am in summer (BST): London time, not UTC, decides.
        (dt.datetime(2026, 7, 10, 8, 59, tzinfo=LONDON), "Closed now. Opens Friday at 9am."),
        (dt.datetime(2026, 7, 10, 9, 0, tzinfo=LONDON), "Open now"),
    ],
)
def test_office_hours_service_says_when_it_opens(context, live_server, when, expected):
    assert open_now_text(context, live_server, "/services/police-care-uk", when) == expected


@pytest.mark.parametrize("path", ["/services/samaritans", "/services/oscar-kilo-crisis-line"])
def test_a_24_hour_line_is_open_on_a_saturday_night(context, live_server, path):
    when = dt.datetime(2026, 11, 28, 3, 30, tzinfo=LONDON)
    assert open_now_text(context, live_server, path, when) == "Open now"


@pytest.mark.parametrize(
    ("path", "opens", "expected"),
    [
        ("/services/police-care-uk", 720, "Closed now. Opens Monday at midday."),
        ("/cy/services/police-care-uk", 720, "Ar gau nawr. Yn agor ddydd Llun am hanner dydd."),
        ("/cy/services/police-care-uk", 1440, "Ar gau nawr. Yn agor ddydd Mawrth am hanner nos."),
        ("/cy/services/police-care-uk", 780, "Ar gau nawr. Yn agor ddydd Llun am 1yh."),
    ],
)
def test_opening_at_midday_or_midnight_is_said_in_words(
    context, live_server, path, opens, expected
):
    saturday = dt.datetime(2026, 11, 28, 12, 0, tzinfo=LONDON)
    status = open_now_status(context, live_server, path, saturday)
    # No service opens on the hour of 12 yet: give this one such hours and start it again.
    text = status.evaluate(
        """(element, opens) => {
            element.setAttribute("data-hours", JSON.stringify({tz: "Europe/London", open: [[opens, opens + 60]]}));
            window.wellbeingModules["wb-open-now"](element);
            return element.textContent;
        }""",
        opens,
    )
    assert text == expected


def test_open_now_on_category_cards(context, live_server):
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 11, 28, 12, 0, tzinfo=LONDON))
    page.goto(live_server + "/directory/crisis")
    statuses = page.locator(".wb-open")
    statuses.first.wait_for(state="visible")
    assert statuses.count() >= 5
    assert all(statuses.nth(i).is_visible() for i in range(statuses.count()))


def test_open_now_changes_its_text_only_when_the_service_opens(context, live_server):
    """Rewriting the same words every minute would interrupt a screen reader reading them."""
    page = context.new_page()
    page.clock.install(time=dt.datetime(2026, 11, 30, 8, 57, tzinfo=LONDON))  # Monday
    page.goto(live_server + "/services/police-care-uk")
    status = page.locator(".wb-facts__hours .wb-open").first
    status.wait_for(state="visible")
    assert status.inner_text() == "Closed now. Opens Monday at 9am."
    page.evaluate("""() => {
      window.changes = 0;
      new MutationObserver((records) => { window.changes += records.length; })
        .observe(document.querySelector('.wb-facts__hours .wb-open'),
                 {childList: true, characterData: true, subtree: true, attributes: true});
    }""")
    page.clock.run_for(2 * 60_000)  # 8:59: still closed
    assert page.evaluate("window.changes") == 0
    page.clock.run_for(60_000)  # 9:00
    assert status.inner_text() == "Open now"


def test_without_javascript_the_weekly_hours_are_shown_instead(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/services/police-care-uk")
    hours = page.locator(".wb-facts__hours dd")
    assert hours.inner_text().strip() == "Monday to Friday, 9am to 5pm"
    assert not page.locator(".wb-open").is_visible()
    context.close()


# --------------------------------------------------------------------------- offline


def install(context, base, path="/"):
    page = context.new_page()
    page.goto(base + path)
    wait_for_service_worker(page)
    return page


OFFLINE_PAGES = [
    ("/directory", "Find support", "a[href='/directory/crisis']"),
    ("/directory/money", "Money and grants", "article.wb-service"),
    ("/services/police-care-uk", "Police Care UK", "a[href='tel:03000120030']"),
    ("/families", "Support for police families", ".wb-guides a"),
    (
        "/families/abuse-by-someone-in-policing",
        "Someone in policing is hurting you",
        "a[href='tel:08082000247']",
    ),
    ("/treatment-centres", "Police Treatment Centres and Flint House", "a[href='/forces/psni']"),
    ("/exit-this-page", "How Exit this page works", "main li"),
]


def test_directory_pages_load_offline_from_the_worker(context, live_server):
    page = install(context, live_server)
    context.set_offline(True)
    for path, heading, selector in OFFLINE_PAGES:
        response = page.goto(live_server + path)
        assert response.from_service_worker, path
        assert response.status == 200, path
        assert page.locator("h1").inner_text() == heading, path
        assert page.locator(selector).count() >= 1, path
        assert page.locator(".wb-exit__button").count() == (path != "/exit-this-page"), path


def test_welsh_worker_makes_the_welsh_directory_work_offline(context, live_server):
    page = install(context, live_server, "/cy/")
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js?lang=cy")
    context.set_offline(True)
    for path in [
        "/cy/directory",
        "/cy/directory/money",
        "/cy/services/police-care-uk",
        "/cy/families",
        "/cy/treatment-centres",
    ]:
        response = page.goto(live_server + path)
        assert response.from_service_worker, path
        assert page.locator("html").get_attribute("lang") == "cy", path
        assert page.locator("main a[href^='/cy/']").count() >= 1, path
        assert page.locator("h1").inner_text() != "Rydych all-lein", path  # not the offline page


def test_search_results_are_not_saved_offline(context, live_server):
    """A search is personal and never cached: offline it gets the offline page."""
    page = install(context, live_server)
    page.goto(live_server + "/directory?q=grants")
    context.set_offline(True)
    response = page.goto(live_server + "/directory?q=grants")
    assert response.from_service_worker
    assert page.locator("h1").inner_text() == "You are offline"


# --------------------------------------------------------------------------- privacy

CACHE_CONTENTS = """async () => {
    const out = {};
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        out[name] = (await cache.keys()).map((request) => new URL(request.url).pathname
            + new URL(request.url).search).sort();
    }
    return out;
}"""


def test_precache_holds_the_directory_in_one_language_and_no_force_pages(context, live_server):
    page = install(context, live_server)
    contents = page.evaluate(CACHE_CONTENTS)
    assert len(contents) == 1, list(contents)
    urls = next(iter(contents.values()))
    assert not [u for u in urls if "/forces" in u or "find-your-force" in u]
    assert {
        "/directory",
        "/families",
        "/treatment-centres",
        "/services/police-care-uk",
        "/directory/money",
        "/help-now",
        "/cy/help-now",
    } <= set(urls)
    assert not [
        u for u in urls if u.startswith("/cy/") and ("/directory" in u or "/services/" in u)
    ]
    assert not [u for u in urls if "?" in u]


def declared_precache(base, lang="en") -> list[str]:
    """Return the URL list the worker for `lang` says it precaches."""
    script = urllib.request.urlopen(f"{base}/sw.js?lang={lang}", timeout=5).read().decode()
    return sorted(json.loads(re.search(r"^const PRECACHE = (.*);$", script, re.MULTILINE).group(1)))


def test_the_cache_holds_exactly_the_declared_precache(context, live_server):
    page = install(context, live_server)
    contents = page.evaluate(CACHE_CONTENTS)
    assert list(contents.values()) == [declared_precache(live_server, "en")]


def test_visiting_pages_adds_nothing_to_the_caches(context, live_server):
    page = install(context, live_server)
    before = page.evaluate(CACHE_CONTENTS)
    for path in [
        "/services/cops-uk",
        "/directory?q=bereavement&audience=family",
        "/directory/bereavement",
        "/forces/kent",
        "/accessibility",
        "/api/v1/services?q=grants",
    ]:
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
    assert page.evaluate(CACHE_CONTENTS) == before


def test_switching_to_welsh_swaps_the_precache_and_keeps_nothing_visited(context, live_server):
    page = install(context, live_server)
    page.goto(live_server + "/cy/services/cops-uk")
    # Functions, not strings: polling a string expression needs eval, which the CSP forbids.
    page.wait_for_function(
        "() => navigator.serviceWorker.controller"
        " && navigator.serviceWorker.controller.scriptURL.endsWith('/sw.js?lang=cy')"
    )
    # The new worker deletes the English cache as it activates.
    deadline = time.monotonic() + 10
    while len(contents := page.evaluate(CACHE_CONTENTS)) > 1 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    [(name, urls)] = contents.items()
    assert name.startswith("wellbeing-cy-")
    assert urls == declared_precache(live_server, "cy")
