"""Family guides: /families lists the situations, each a guide at /families/<situation>.

Every guide also goes through the page invariants in both languages in the
route sweep (tests/sweep.py), and through axe in tests/browser/test_sweep_browser.py.
"""

import json
import re
import shutil
from pathlib import Path

import pytest

from wellbeing.content import ContentError, load_content

DATA = Path(__file__).resolve().parent.parent / "wellbeing" / "data"
CONTENT = load_content(DATA)
GUIDES = list(CONTENT.guides)
ABUSE = "/families/abuse-by-someone-in-policing"
LANGS = ["", "/cy"]
# What a reader in Scotland or Northern Ireland must not be offered (111 itself is also
# NHS 24's number in Scotland, so the England service is recognised by its name).
CRISIS_LINE = "tel:03001312789"
NHS_111_ENGLAND = CONTENT.services["nhs-111-england"].name


def hrefs(found, selector="a") -> set[str]:
    return {a["href"] for a in found.select(selector)}


def test_there_is_a_guide_for_each_situation_in_the_issue():
    assert len(GUIDES) >= 8
    assert "abuse-by-someone-in-policing" in GUIDES
    for guide in CONTENT.guides.values():
        assert guide.title.cy and guide.seeing and guide.today and guide.help and guide.urgent


@pytest.mark.parametrize("prefix", LANGS)
def test_families_page_lists_every_situation_in_the_same_language(page, prefix):
    found = page(f"{prefix}/families")
    links = [a["href"] for a in found.select(".wb-guides a")]
    assert links == [f"{prefix}/families/{slug}" for slug in GUIDES]
    # The lines a family member can call are on the page, not the policing crisis line.
    assert {"tel:116123", "sms:85258?body=SHOUT"} <= hrefs(found)
    assert CRISIS_LINE not in hrefs(found)


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("slug", GUIDES)
def test_guide_has_its_four_parts_and_says_where_it_comes_from(page, prefix, slug):
    found = page(f"{prefix}/families/{slug}")
    guide = CONTENT.guides[slug]
    for part in ("seeing", "today", "help", "urgent"):
        assert found.select_one(f"h2#{part}")
    text = found.text
    lang = "cy" if prefix else "en"
    assert guide.today[0].get(lang)[0] in text
    cards = {c["aria-labelledby"].removeprefix("service-") for c in found.select(".wb-service")}
    assert cards == {h.service for h in guide.help}
    assert found.select(".wb-callnow a[href^='tel:']")
    assert hrefs(found, "#sources ~ ul a") == set(guide.sources)
    assert re.search(
        r"Source dated|Undated source|Ffynhonnell", found.select_one("#sources + p").text
    )


def test_every_guide_is_precached_in_its_language(client):
    for lang, prefix in (("en", ""), ("cy", "/cy")):
        body = client.get(f"/sw.js?lang={lang}").get_data(as_text=True)
        urls = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", body).group(1))
        assert {f"{prefix}/families/{slug}" for slug in GUIDES} <= set(urls)
        # The nation variants are the reader's choice: never precached.
        assert not [u for u in urls if "nation=" in u]


# --------------------------------------------------------------------------- nation


@pytest.mark.parametrize("slug", GUIDES)
@pytest.mark.parametrize("nation", ["scotland", "northern-ireland"])
def test_readers_in_scotland_and_northern_ireland_are_not_offered_england_and_wales_lines(
    page, slug, nation
):
    found = page(f"/families/{slug}?nation={nation}")
    assert CRISIS_LINE not in hrefs(found)
    assert NHS_111_ENGLAND.en not in found.text
    assert found.select_one(f"a[href$='nation={nation}'][aria-current]")


def test_each_nation_gets_its_own_nhs_line(page):
    england = page("/families/worried-about-someone?nation=england")
    assert "tel:111" in hrefs(england, ".wb-callnow a") and NHS_111_ENGLAND.en in england.text
    wales = page("/families/worried-about-someone?nation=wales")
    assert CONTENT.services["nhs-111-wales"].name.en in wales.select_one(".wb-callnow").text
    assert NHS_111_ENGLAND.en not in wales.text
    ni = page("/families/worried-about-someone?nation=northern-ireland")
    assert "tel:08088088000" in hrefs(ni, ".wb-callnow a")
    # Without a choice, only the lines that work everywhere in the UK.
    anywhere = page("/families/worried-about-someone")
    assert hrefs(anywhere, ".wb-callnow a[href^='tel:']") == {"tel:999", "tel:116123"}


def test_the_policing_crisis_line_is_offered_for_them_not_to_the_family(page):
    found = page("/families/worried-about-someone?nation=england")
    assert CRISIS_LINE not in hrefs(found, ".wb-callnow a")
    card = found.select_one("#service-oscar-kilo-crisis-line").find_parent("div")
    assert "For them, not for you" in card.get_text()


def test_nation_choice_is_plain_links_and_never_stored(page):
    found = page("/families/children?nation=wales")
    links = hrefs(found, "#where a")
    assert "/families/children?nation=scotland" in links and "/families/children" in links
    assert not found.select("#where form, #where script")
    assert "Set-Cookie" not in found.response.headers  # (also checked by `page`)


@pytest.mark.parametrize("prefix", LANGS)
def test_an_unknown_nation_says_so_with_a_400(page, prefix):
    found = page(f"{prefix}/families/children?nation=atlantis", status=400)
    assert found.select_one(".wb-error-summary a[href='#where']")
    assert found.select(".wb-service")  # the guide is still there


def test_an_unknown_guide_is_a_404(page):
    page("/families/no-such-guide", status=404)


# --------------------------------------------------------------------------- abuse


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("nation", ["", "?nation=england", "?nation=scotland"])
def test_abuse_page_links_to_no_force_anywhere_on_it_or_its_services(page, prefix, nation):
    found = page(prefix + ABUSE + nation)
    service_pages = [page(u) for u in hrefs(found) if u.startswith(f"{prefix}/services/")]
    assert service_pages
    for checked in (found, *service_pages):
        for link in hrefs(checked):
            assert "/forces" not in link and "find-your-force" not in link, link
        body = checked.response.get_data(as_text=True)
        for script in ("your-force", "save-force", "use-location"):
            assert script not in body


@pytest.mark.parametrize("prefix", LANGS)
def test_abuse_page_has_exit_this_page_first(page, prefix):
    found = page(prefix + ABUSE)
    exit_ = found.select_one("body [data-module='wb-exit-this-page']")
    assert exit_.select_one("a.wb-exit__button")["href"] == "https://www.bbc.co.uk/weather"
    assert exit_.find_next("main") is not None
    assert found.select("script[src*='exit-this-page']")


@pytest.mark.parametrize(
    "nation", ["", "?nation=wales", "?nation=scotland", "?nation=northern-ireland"]
)
def test_abuse_page_offers_999_and_the_helpline_wherever_you_live(page, nation):
    found = page(ABUSE + nation)
    calls = {
        a["href"]: a.get_text(" ", strip=True)
        for a in found.select(".wb-callnow a[href^='tel:'], .wb-callnow a[href^='sms:']")
    }
    assert list(calls)[:2] == ["tel:999", "tel:08082000247"]
    # Every tel: link dials exactly the number it shows.
    for href, text in calls.items():
        assert re.sub(r"\D", "", text) == href.removeprefix("tel:"), (href, text)
    # The helpline's sources all predate 2022: its source date is shown.
    assert "National Domestic Abuse Helpline: Source dated March 2020" in found.text


def test_abuse_page_names_only_independent_services():
    guide = CONTENT.guides["abuse-by-someone-in-policing"]
    assert guide.no_force_routes
    for sid in (*(h.service for h in guide.help), *guide.urgent_services):
        service = CONTENT.services[sid]
        assert not service.forces and service.id != "oscar-kilo-crisis-line", sid


# --------------------------------------------------------------------------- content


def write_guide(tmp_path, text):
    """Copy the shipped content (services refer to forces) with only this one guide."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("locator", "guides"))
    (data / "guides").mkdir()
    (data / "guides" / "test.toml").write_text(text, encoding="utf-8")
    return data


GOOD = """
order = 1
title = {en = "T", cy = "T"}
summary = {en = "S", cy = "S"}
source = "https://example.org"
source_date = 2025-01-01
seeing = [{en = "a", cy = "a"}]
today = [{en = "b", cy = "b"}]
urgent = [{en = "c", cy = "c"}]
help = [{service = "samaritans"}]
"""


def test_a_valid_guide_file_loads(tmp_path):
    assert "test" in load_content(write_guide(tmp_path, GOOD)).guides


@pytest.mark.parametrize(
    "change, message",
    [
        (
            ('"samaritans"', '"no-such-service"'),
            r"guides/test.toml: guide 'test': field 'help\[0\]",
        ),
        (('seeing = [{en = "a", cy = "a"}]', 'seeing = [{en = "a"}]'), r"field 'seeing\[0\].cy'"),
        (("order = 1", "order = 1\nforce = 'gwent'"), r"field 'force'"),
        (("source_date = 2025-01-01\n", ""), r"field 'source_date'"),
    ],
)
def test_a_bad_guide_stops_the_app_naming_file_guide_and_field(tmp_path, change, message):
    with pytest.raises(ContentError, match=message):
        load_content(write_guide(tmp_path, GOOD.replace(*change)))
