"""Call now: the crisis line first, in one tap, in English and Welsh, with no JavaScript."""

import pytest

from .conftest import make_app

CRISIS_LINE = "tel:03001312789"


@pytest.mark.parametrize("url", ["/", "/cy/"])
def test_home_page_starts_with_the_crisis_line(page, url):
    home = page(url)
    first_link = home.select_one("main a[href^='tel:'], main a[href^='sms:']")
    assert first_link["href"] == CRISIS_LINE
    assert "0300 131 2789" in first_link.get_text()


@pytest.mark.parametrize(
    "url", ["/", "/cy/", "/help-now", "/cy/help-now", "/offline", "/cy/offline"]
)
def test_call_options_are_plain_links(page, url):
    links = {a["href"] for a in page(url).select("main a[href^='tel:'], main a[href^='sms:']")}
    assert {CRISIS_LINE, "tel:999", "tel:116123", "sms:85258?body=SHOUT"} <= links


def test_home_page_offers_nhs_111(page):
    assert "tel:111" in {a["href"] for a in page("/").select("main a[href^='tel:']")}


@pytest.mark.parametrize("url", ["/", "/help-now"])
def test_each_option_says_who_it_is_for_when_cost_and_who_will_know(page, url):
    options = page(url).select(".wb-call")
    assert len(options) >= 5
    for option in options:
        terms = [dt.get_text(strip=True) for dt in option.select("dt")]
        assert terms == ["For", "Open", "Cost", "Who will know"], option.get_text(" ", strip=True)
        assert all(dd.get_text(strip=True) for dd in option.select("dd"))


def test_crisis_line_says_the_force_is_not_told(page):
    option = page("/").select_one(".wb-call--primary")
    assert "0300 131 2789" in option.get_text()
    assert "force" in option.select("dd")[-1].get_text().lower()


def test_help_now_adds_scotland_and_northern_ireland(page):
    help_now = page("/help-now")
    links = {a["href"] for a in help_now.select("main a[href^='tel:']")}
    assert {"tel:0800838587", "tel:08088088000"} <= links
    assert "England and Wales only" in help_now.text


def test_scotland_and_northern_ireland_are_not_offered_the_crisis_line(page):
    help_now = page("/help-now")
    for section in ("scotland", "northern-ireland"):
        heading = help_now.select_one(f"h2#{section}")
        callnow = heading.find_next_sibling("div", class_="wb-callnow")
        hrefs = {a["href"] for a in callnow.select("a[href^='tel:']")}
        assert CRISIS_LINE not in hrefs
        assert "tel:999" in hrefs


def test_welsh_home_page_is_in_welsh(page):
    home = page("/cy/")
    assert home.select_one("h1").get_text(strip=True) == "Siarad â rhywun nawr"
    assert "Ffoniwch 0300 131 2789" in home.text


def test_language_switcher_is_a_plain_link_to_the_same_page(page):
    link = page("/help-now").select_one("a[hreflang='cy']")
    assert link["href"] == "/cy/help-now"
    assert link["lang"] == "cy"
    back = page("/cy/help-now").select_one("a[hreflang='en']")
    assert back["href"] == "/help-now"


@pytest.mark.parametrize("url", ["/accessibility", "/cy/accessibility", "/privacy", "/cy/privacy"])
def test_about_pages(page, url):
    page(url)


@pytest.mark.parametrize("url", ["/no-such-page", "/cy/no-such-page", "/cy/help-now/extra"])
def test_unknown_page_is_a_404_in_the_right_language_with_the_call_links(page, url):
    missing = page(url, status=404)
    assert "tel:999" in {a["href"] for a in missing.select("main a")}
    expected = "Heb ddod o hyd i'r dudalen" if url.startswith("/cy/") else "Page not found"
    assert missing.select_one("h1").get_text(strip=True) == expected


def test_an_unexpected_error_is_a_500_page_without_a_stack_trace():
    app = make_app()

    def boom():
        raise RuntimeError("secret detail")

    app.view_functions["pages.privacy"] = boom
    response = app.test_client().get("/privacy")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Sorry, something went wrong" in body
    assert "secret detail" not in body and "Traceback" not in body
    assert "tel:999" in body
