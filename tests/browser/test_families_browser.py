"""The abuse guide in a real browser: Exit this page by the keyboard, no
saved-force banner even when a force is saved, and nothing stored by the visit."""

from .test_directory_browser import (  # noqa: F401 (neutral_site is a fixture)
    CACHE_CONTENTS,
    assert_left_for_the_neutral_site,
    install,
    neutral_site,
    open_page,
)

ABUSE = "/families/abuse-by-someone-in-policing"
SAVED = {"slug": "police-scotland", "name": "Police Scotland", "key": "scotland"}


def test_three_shifts_leave_the_abuse_page(context, live_server, neutral_site):  # noqa: F811
    page = open_page(context, live_server, ABUSE)
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_for_the_neutral_site(page, neutral_site, live_server, ABUSE)


def test_choosing_a_nation_leaves_no_copy_of_the_abuse_page_behind_exit(
    context,
    live_server,
    neutral_site,  # noqa: F811
):
    page = open_page(context, live_server, ABUSE)
    page.locator("#where a", has_text="Scotland").click()
    page.wait_for_url(f"{live_server}{ABUSE}?nation=scotland")
    page.locator(".wb-guide__contents a").first.click()
    page.locator(".wb-exit__button").click()
    # Back goes to the page before the guide, not to an earlier copy of it.
    assert_left_for_the_neutral_site(page, neutral_site, live_server, ABUSE)


def test_abuse_page_shows_no_saved_force_and_stores_nothing(context, live_server):
    page = install(context, live_server)
    page.evaluate(
        "(saved) => localStorage.setItem('wellbeing.force', JSON.stringify(saved))", SAVED
    )
    # The saved force does show where it belongs: the home page.
    page.goto(live_server + "/")
    assert page.locator(".wb-your-force a").inner_text() == "Police Scotland"
    storage = page.evaluate("JSON.stringify(localStorage)")
    caches = page.evaluate(CACHE_CONTENTS)

    for path in [ABUSE, ABUSE + "?nation=scotland", "/services/national-domestic-abuse-helpline"]:
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
        assert page.locator(".wb-your-force").count() == 0, path
        assert page.locator("a[href*='/forces'], a[href*='find-your-force']").count() == 0, path
        assert "Police Scotland" not in page.locator("body").inner_text(), path

    assert page.evaluate("JSON.stringify(localStorage)") == storage
    assert page.evaluate("sessionStorage.length") == 0
    assert page.evaluate(CACHE_CONTENTS) == caches
    assert context.cookies() == []
