"""Call now: the crisis line first, in one tap, in English and Welsh, with no JavaScript."""

import json

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


# ---- crisis truth (content audit 2026-11-28) ---------------------------------------


def test_the_page_helper_catches_a_link_that_dials_something_else():
    from bs4 import BeautifulSoup

    from .conftest import check_call_links, dialled

    assert dialled("tel:+442079460123;ext=1234") == "020794601231234"
    assert dialled("sms:85258?body=SHOUT") == "85258"
    good = BeautifulSoup(
        '<a href="tel:+442079460123;ext=12">020 7946 0123 ext. 12</a>', "html.parser"
    )
    check_call_links(good, "/")
    for bad in (
        '<a href="tel:111">Call 111, then press 2</a>',  # the option digit is not dialled
        '<a href="tel:08081642622">Call the PFOA</a>',  # the number is not shown
        '<a href="tel:02079460123">020 7946 0124</a>',
    ):
        with pytest.raises(AssertionError, match="dials"):
            check_call_links(BeautifulSoup(bad, "html.parser"), "/")


@pytest.mark.parametrize("lang", ["", "/cy"])
def test_no_northern_ireland_page_offers_nhs_111(page, lang):
    for url in (f"{lang}/forces/psni", f"{lang}/?force=psni"):
        shown = [
            a["href"]
            for a in page(url).select("main a[href^='tel:']")
            if not a.find_parent(attrs={"hidden": True})
        ]
        assert "tel:111" not in shown, url
        assert "tel:08088088000" in shown, url  # Lifeline


def test_help_now_tells_families_the_urgent_line_for_each_nation(page):
    families = page("/help-now").select_one("h2#families")
    lists = families.find_all_next("ul", class_="wb-links")
    lines = {li.get_text(" ", strip=True).split(":")[0]: li for li in lists[1].select("li")}
    assert set(lines) == {"England", "Wales", "Scotland", "Northern Ireland"}
    assert lines["Northern Ireland"].select_one("a")["href"] == "tel:08088088000"
    assert "Lifeline" in lines["Northern Ireland"].get_text()
    assert "mental health option" in lines["England"].get_text()
    everyone = {a["href"] for a in lists[0].select("a")}
    assert everyone == {"tel:116123", "sms:85258?body=SHOUT"}


def test_help_now_covers_the_islands_with_999_and_samaritans(page):
    islands = page("/help-now").select_one("h2#islands").find_next_sibling("div")
    assert {a["href"] for a in islands.select("a[href^='tel:'], a[href^='sms:']")} == {
        "tel:999",
        "tel:116123",
    }


@pytest.mark.parametrize(
    ("service", "caveat"),
    [
        ("oscar-kilo-crisis-line", "Not confirmed for special constables"),
        ("nhs-24-111", "is not confirmed"),
        ("breathing-space", "Hours as published in 2022"),
    ],
)
def test_call_cards_carry_their_caveat_and_the_longer_notes(page, service, caveat):
    help_now = page("/help-now")
    name = {
        "oscar-kilo-crisis-line": "Mental Health Crisis Line for policing",
        "nhs-24-111": "NHS 24 on 111 (Scotland)",
        "breathing-space": "Breathing Space (Scotland)",
    }[service]
    card = next(c for c in help_now.select(".wb-call") if name in c.select_one("h3").get_text())
    assert caveat in card.select_one(".wb-call__caveat").get_text()
    more = card.select_one("details.wb-call__more")
    assert more.select_one("summary") and more.select_one(".wb-meta")
    assert "not yet checked live" in more.get_text()


def test_999_says_who_will_know_plainly(page):
    card = next(
        c for c in page("/help-now").select(".wb-call") if "999" in c.select_one("h3").get_text()
    )
    text = card.get_text(" ", strip=True)
    assert "not a confidential line" in text and "recorded" in text and "location" in text
    assert "Jersey" in text  # it works on the islands too


def test_offline_page_carries_every_nation_and_a_link_to_help_now(page):
    offline = page("/offline")
    callnow = offline.select_one(".wb-callnow[data-force-keys]")
    nations = {n for o in callnow.select("[data-nations]") for n in o["data-nations"].split()}
    assert {"england", "scotland", "northern-ireland", "crown-dependency"} <= nations
    shown = {a["href"] for a in callnow.select(".wb-call:not([hidden]) a")}
    assert "tel:08088088000" not in shown  # England and Wales without a force
    keys = json.loads(callnow["data-force-keys"])
    assert keys["psni"] == "northern-ireland" and keys["btp"] == "great-britain"
    assert keys["guernsey-police"] == "crown-dependency"
    assert offline.select_one("a[href='/help-now']")


def test_the_app_refuses_to_start_when_the_code_names_a_missing_category(monkeypatch):
    from wellbeing import directory
    from wellbeing.content import ContentError

    monkeypatch.setattr(directory, "CATEGORIES_USED", {"no-such-category": "directory.py"})
    with pytest.raises(ContentError, match="directory.py: uses category 'no-such-category'"):
        make_app()
