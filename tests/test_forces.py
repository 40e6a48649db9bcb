"""Forces: every UK force has a page with the right crisis lines, and "find your force" finds it."""

import re
import shutil
from pathlib import Path

import pytest

from wellbeing.config import PACKAGE_DIR

from .conftest import check_page, make_app

# The contract: forces link to these URLs from their intranets (shared/facts/forces.yaml).
ENGLAND = (
    "avon-and-somerset", "bedfordshire", "cambridgeshire", "cheshire", "city-of-london",
    "cleveland", "cumbria", "derbyshire", "devon-and-cornwall", "dorset", "durham", "essex",
    "gloucestershire", "greater-manchester", "hampshire", "hertfordshire", "humberside", "kent",
    "lancashire", "leicestershire", "lincolnshire", "merseyside", "metropolitan", "norfolk",
    "north-yorkshire", "northamptonshire", "northumbria", "nottinghamshire", "south-yorkshire",
    "staffordshire", "suffolk", "surrey", "sussex", "thames-valley", "warwickshire",
    "west-mercia", "west-midlands", "west-yorkshire", "wiltshire",
)  # fmt: skip
WALES = ("dyfed-powys", "gwent", "north-wales", "south-wales")
NATIONAL = ("btp", "civil-nuclear-constabulary", "ministry-of-defence-police")
CROWN_DEPENDENCIES = ("states-of-jersey-police", "guernsey-police", "isle-of-man-constabulary")
FORCE_SLUGS = frozenset(
    ENGLAND + WALES + ("police-scotland", "psni") + NATIONAL + CROWN_DEPENDENCIES
)
WELSH_NAMES = {
    "dyfed-powys": "Heddlu Dyfed-Powys",
    "gwent": "Heddlu Gwent",
    "north-wales": "Heddlu Gogledd Cymru",
    "south-wales": "Heddlu De Cymru",
}

CRISIS_LINE = "tel:03001312789"
EMERGENCY = "tel:999"
SAMARITANS = "tel:116123"
SHOUT = "sms:85258?body=SHOUT"
NHS_111 = "tel:111"
BREATHING_SPACE = "tel:0800838587"
LIFELINE = "tel:08088088000"
CALL_LINKS = "a[href^='tel:'], a[href^='sms:']"


def hrefs(tags) -> set[str]:
    return {a["href"] for a in tags}


def call_now_block(force_page):
    """Return the crisis options under "Talk to someone now" on a force page."""
    return force_page.select_one("h2#help-now").find_next_sibling("div", class_="wb-callnow")


def result_links(found) -> list[str]:
    return [a["href"] for a in found.select(".wb-result__forces a")]


# ---- every force -------------------------------------------------------------------


def test_there_are_43_forces_in_england_and_wales():
    assert len(ENGLAND) + len(WALES) == 43
    assert len(FORCE_SLUGS) == 51


def test_the_forces_list_links_to_exactly_the_contracted_slugs(page):
    links = hrefs(page("/forces").select("main ul.wb-columns a"))
    assert links == {f"/forces/{slug}" for slug in FORCE_SLUGS}


@pytest.mark.parametrize("slug", sorted(FORCE_SLUGS))
@pytest.mark.parametrize("lang", ["", "/cy"])
def test_every_force_page_renders_in_english_and_welsh(app, page, lang, slug):
    force = app.extensions["content"].forces[slug]
    force_page = page(f"{lang}/forces/{slug}")
    name, _ = force.name.get("cy" if lang else "en")
    assert force_page.select_one("h1").get_text(strip=True) == name
    assert EMERGENCY in hrefs(call_now_block(force_page).select(CALL_LINKS))
    assert force_page.select_one(".wb-breadcrumb a")["href"] == f"{lang}/forces"
    assert_own_support(app, force, force_page, lang)


def assert_own_support(app, force, force_page, lang):
    """The force's own support comes straight after the call-now block, one entry per item."""
    headings = [h2["id"] for h2 in force_page.select("main h2[id]")]
    assert headings[:2] == ["help-now", "own-support"]
    entries = force_page.select(".wb-own h3")
    assert len(entries) == len(force.own_support)
    services = app.extensions["content"].services
    for item, h3 in zip(force.own_support, entries, strict=True):
        link = h3.select_one("a")
        if item.service:
            assert link["href"] == f"{lang}/services/{item.service}"
        elif item.url:
            assert link["href"] == item.url
        assert item.source in hrefs(h3.parent.select(".wb-meta a"))
        if item.name is None and item.service:
            assert h3.get_text(strip=True) == services[item.service].name.get(lang[1:] or "en")[0]
    # Nothing unconfirmed is stated as fact: an unknown link names no service and says who to ask.
    links = [link for link in (force.treatment_centre, force.childrens_charity) if link]
    for link, dd in zip(links, force_page.select("dl#charities dd"), strict=True):
        if link.confidence == "unknown":
            assert not dd.select("a")
            assert ("Gofynnwch" if lang else "Ask") in dd.get_text()
        else:
            assert dd.select_one("a")["href"] == f"{lang}/services/{link.service}"


# ---- /forces: grouped by nation, A to Z -----------------------------------------


def groups(forces_page) -> dict[str, list[str]]:
    """Return {heading id: [force names in page order]}."""
    return {
        h2["id"]: [a.get_text(strip=True) for a in h2.find_next_sibling("ul").select("a")]
        for h2 in forces_page.select("main h2[id]")
    }


@pytest.mark.parametrize("lang", ["", "/cy"])
def test_forces_are_grouped_by_nation_in_a_fixed_order(page, lang):
    found = groups(page(f"{lang}/forces"))
    assert list(found) == [
        "england", "wales", "scotland", "northern-ireland", "national", "crown-dependency",
    ]  # fmt: skip
    sizes = {key: len(names) for key, names in found.items()}
    assert sizes == {
        "england": 39, "wales": 4, "scotland": 1, "northern-ireland": 1, "national": 3,
        "crown-dependency": 3,
    }  # fmt: skip


def test_forces_are_a_to_z_within_each_group(page):
    for key, names in groups(page("/forces")).items():
        folded = [name.removeprefix("The ").casefold() for name in names]
        assert folded == sorted(folded), key


def test_welsh_forces_list_is_a_to_z_by_welsh_name(page):
    assert groups(page("/cy/forces"))["wales"] == [
        "Heddlu De Cymru", "Heddlu Dyfed-Powys", "Heddlu Gogledd Cymru", "Heddlu Gwent",
    ]  # fmt: skip


def test_english_list_names_the_welsh_forces_in_english(page):
    assert groups(page("/forces"))["wales"] == [
        "Dyfed-Powys Police", "Gwent Police", "North Wales Police", "South Wales Police",
    ]  # fmt: skip


def test_crown_dependencies_are_listed_as_outside_the_uk(page):
    forces_page = page("/forces")
    heading = forces_page.select_one("h2#crown-dependency")
    assert "Outside the UK" in heading.get_text()
    assert "not part of the UK" in heading.find_next_sibling("p").get_text()
    assert "outside the UK" in page("/forces/guernsey-police").select_one(".wb-notice").get_text()


def test_forces_page_offers_find_your_force(page):
    assert "/find-your-force" in hrefs(page("/forces").select("main a"))


def test_unknown_force_is_a_404_with_the_call_links(page):
    missing = page("/forces/nope", status=404)
    assert EMERGENCY in hrefs(missing.select("main a"))


# ---- a force page: crisis options follow the force's nation ------------------------

ENGLAND_AND_WALES = {CRISIS_LINE, EMERGENCY, SAMARITANS, SHOUT, NHS_111}


@pytest.mark.parametrize(
    ("slug", "offered", "not_offered"),
    [
        ("metropolitan", ENGLAND_AND_WALES, {BREATHING_SPACE, LIFELINE}),
        ("cheshire", ENGLAND_AND_WALES, {BREATHING_SPACE, LIFELINE}),
        ("avon-and-somerset", ENGLAND_AND_WALES, {BREATHING_SPACE, LIFELINE}),
        ("gwent", ENGLAND_AND_WALES, {BREATHING_SPACE, LIFELINE}),
        ("south-wales", ENGLAND_AND_WALES, {BREATHING_SPACE, LIFELINE}),
        (
            "police-scotland",
            {EMERGENCY, SAMARITANS, SHOUT, NHS_111, BREATHING_SPACE},
            {CRISIS_LINE, LIFELINE},
        ),
        ("psni", {EMERGENCY, SAMARITANS, SHOUT, LIFELINE}, {CRISIS_LINE, BREATHING_SPACE, NHS_111}),
        # The national forces work in several nations: every nation's lines, and the
        # policing crisis line with its cover marked "not confirmed" (audit A5).
        ("btp", {CRISIS_LINE, EMERGENCY, SAMARITANS, SHOUT, NHS_111, BREATHING_SPACE}, {LIFELINE}),
        (
            "ministry-of-defence-police",
            {CRISIS_LINE, EMERGENCY, SAMARITANS, SHOUT, NHS_111, BREATHING_SPACE, LIFELINE},
            set(),
        ),
        # Outside the UK: 999 and Samaritans, not the UK-only lines (audit A4).
        ("states-of-jersey-police", {EMERGENCY, SAMARITANS}, {CRISIS_LINE, SHOUT, NHS_111}),
        ("isle-of-man-constabulary", {EMERGENCY, SAMARITANS}, {CRISIS_LINE, SHOUT, NHS_111}),
    ],
)
@pytest.mark.parametrize("lang", ["", "/cy"])
def test_crisis_options_follow_the_forces_nation(page, lang, slug, offered, not_offered):
    force_page = page(f"{lang}/forces/{slug}")
    options = hrefs(call_now_block(force_page).select(CALL_LINKS))
    assert offered <= options
    assert not options & not_offered
    assert not hrefs(force_page.select(CALL_LINKS)) & not_offered


def test_england_and_wales_forces_put_the_crisis_line_first(page):
    for slug in ("kent", "north-wales"):
        first = call_now_block(page(f"/forces/{slug}")).select_one("a[href^='tel:']")
        assert first["href"] == CRISIS_LINE, slug


@pytest.mark.parametrize("slug", ["police-scotland", "psni"])
def test_scotland_and_northern_ireland_are_told_why_the_crisis_line_is_missing(page, slug):
    notice = page(f"/forces/{slug}").select_one("h2#help-now").find_next_sibling("p")
    assert "England and Wales only" in notice.get_text()


def test_national_forces_are_told_crisis_line_cover_is_not_confirmed(page):
    notice = page("/forces/btp").select_one("h2#help-now").find_next_sibling("p")
    assert "not confirmed" in notice.get_text()
    assert "Samaritans" in notice.get_text()


# ---- a force page: names, services, and no invented numbers ----------------------


@pytest.mark.parametrize("slug", sorted(WELSH_NAMES))
def test_welsh_forces_show_their_welsh_name(page, slug):
    welsh = page(f"/cy/forces/{slug}")
    assert welsh.select_one("h1").get_text(strip=True) == WELSH_NAMES[slug]
    english = page(f"/forces/{slug}")
    alongside = english.select_one("h1 + p[lang='cy']")
    assert alongside.get_text(strip=True) == WELSH_NAMES[slug]


def test_a_force_without_a_welsh_name_is_marked_english_on_the_welsh_page(page):
    h1 = page("/cy/forces/kent").select_one("h1")
    assert h1.get_text(strip=True) == "Kent Police"
    assert h1.select_one("[lang='en']") is not None


def test_a_welsh_name_outside_wales_is_used_in_welsh_only(page):
    assert page("/cy/forces/merseyside").select_one("h1").get_text(strip=True) == (
        "Heddlu Glannau Mersi"
    )
    assert not page("/forces/merseyside").select("main [lang='cy']")


@pytest.mark.parametrize("slug", sorted(FORCE_SLUGS))
def test_force_pages_list_no_numbers_but_the_crisis_options_and_their_own(app, page, slug):
    # No shipped branch number is recent enough to show, so today this is the crisis options only.
    force_page = page(f"/forces/{slug}")
    crisis = hrefs(call_now_block(force_page).select(CALL_LINKS))
    assert EMERGENCY in crisis
    own = app.extensions["content"].forces[slug].own_support
    assert hrefs(force_page.select(CALL_LINKS)) == crisis | {
        f"tel:{s.phone.tel}" for s in own if s.phone
    }


def test_intranet_services_are_one_list_of_names_and_purposes(page):
    force_page = page("/forces/gwent")
    heading = force_page.select_one("h2#your-force")
    assert "intranet" in heading.find_next_sibling("p").get_text()
    items = force_page.select("li[id^='intranet-']")
    names = [item.select_one("strong").get_text(strip=True) for item in items]
    assert "Occupational health" in names and "Employee assistance programme" in names
    for item in items:
        assert len(item.get_text(strip=True)) > 40
        assert not item.select(CALL_LINKS)


def test_force_page_lists_the_national_services_that_apply(page):
    scotland = page("/forces/police-scotland")
    national = scotland.select_one("h2#national").find_next_sibling("ul")
    services = hrefs(national.select("a"))
    assert services
    assert all(href.startswith("/services/") for href in services)
    # Crisis lines are in the call-now block, not repeated here.
    assert "/services/oscar-kilo-crisis-line" not in services
    gwent = hrefs(
        page("/forces/gwent").select_one("h2#national").find_next_sibling("ul").select("a")
    )
    assert gwent != services  # each nation gets its own set


def test_force_page_links_its_treatment_centre_and_childrens_charity(page):
    charities = page("/forces/kent").select_one("dl#charities")
    assert hrefs(charities.select("a")) == {
        "/services/flint-house",
        "/services/police-childrens-fund",
    }


def write_gwent_override(data_dir: Path, phone: str) -> None:
    """Write a deployer's Gwent file: the shipped one (overrides replace it whole) plus numbers."""
    (data_dir / "forces").mkdir(parents=True)
    shipped = (PACKAGE_DIR / "data" / "forces" / "gwent.toml").read_text(encoding="utf-8")
    extra = f"""
[intranet.occupational-health]
phone = "{phone}"
url = "https://intranet.gwent.example/oh"
"""
    (data_dir / "forces" / "gwent.toml").write_text(shipped + extra, encoding="utf-8")


def test_a_deployer_can_add_intranet_numbers(tmp_path):
    # 029 2018 0xxx is Ofcom's range for drama: never a real line.
    write_gwent_override(tmp_path, "029 2018 0123")
    app = make_app({"DATA_DIR": str(tmp_path)})
    response = app.test_client().get("/forces/gwent")
    assert response.status_code == 200
    force_page = check_page(response.get_data(as_text=True), "/forces/gwent")
    section = force_page.select_one("li#intranet-occupational-health")
    call = section.select_one("a[href^='tel:']")
    assert re.sub(r"\D", "", call["href"]).endswith("2920180123")
    assert "029 2018 0123" in call.get_text()
    assert section.select_one("a[href='https://intranet.gwent.example/oh']") is not None
    # The other forces are untouched.
    other = app.test_client().get("/forces/south-wales").get_data(as_text=True)
    assert "2920180123" not in other


def test_a_check_by_a_person_is_shown_with_its_date_and_method(tmp_path):
    write_gwent_override(tmp_path, "029 2018 0123")
    gwent = tmp_path / "forces" / "gwent.toml"
    gwent.write_text(
        gwent.read_text().replace(
            "source_date = 2026-11-27\n",
            'source_date = 2026-11-27\nchecked = {date = 2026-11-20, method = "website"}\n',
        )
    )
    client = make_app({"DATA_DIR": str(tmp_path)}).test_client()
    meta = check_page(client.get("/forces/gwent").get_data(as_text=True), "/forces/gwent")
    text = meta.select(".wb-meta")[-1].get_text(" ", strip=True)
    assert "Checked on the provider's website, 20 November 2026" in text
    assert "not yet checked" not in text
    body = client.get("/api/v1/forces/gwent").get_json()
    assert body["checked"] == {"date": "2026-11-20", "method": "website"}
    assert client.get("/api/v1/forces/dyfed-powys").get_json()["checked"] is None


def test_shipped_data_never_gives_intranet_numbers(tmp_path):
    shutil.copytree(
        PACKAGE_DIR / "data", tmp_path / "data", ignore=shutil.ignore_patterns("locator")
    )
    write_gwent_override(tmp_path / "data-extra", "029 2018 0123")
    shipped_gwent = tmp_path / "data" / "forces" / "gwent.toml"
    shipped_gwent.write_text((tmp_path / "data-extra" / "forces" / "gwent.toml").read_text())
    from wellbeing.content import ContentError, load_content

    with pytest.raises(ContentError, match=r"gwent.*intranet\.occupational-health\.phone"):
        load_content(tmp_path / "data")


# ---- find your force ------------------------------------------------------------------


@pytest.mark.parametrize("q", ["Cardiff", "CF10 1AA", "cf101aa"])
def test_find_your_force_finds_south_wales_police(page, q):
    found = page(f"/find-your-force?q={q}")
    assert found.select_one("#result-title").get_text(strip=True) == "Your force"
    assert result_links(found) == ["/forces/south-wales"]
    assert found.select_one("input#q")["value"] == q


def test_find_your_force_in_welsh_links_the_welsh_page(page):
    found = page("/cy/find-your-force?q=Cardiff")
    assert result_links(found) == ["/cy/forces/south-wales"]
    assert "Heddlu De Cymru" in found.select_one(".wb-result__forces").get_text()


def test_a_partial_postcode_across_a_border_asks_to_choose(page):
    found = page("/find-your-force?q=CH4")
    assert found.select_one("#result-title").get_text(strip=True) == "Choose your force"
    assert set(result_links(found)) == {"/forces/cheshire", "/forces/north-wales"}
    assert "full postcode" in found.select_one(".wb-result").get_text()
    assert "/forces" in hrefs(found.select(".wb-result a"))


def test_an_unknown_place_says_so_and_offers_the_list(page):
    found = page("/find-your-force?q=Narnia")
    assert found.select_one("#result-title").get_text(strip=True) == "No force found"
    assert result_links(found) == []
    assert "/forces" in hrefs(found.select(".wb-result a"))
    assert not found.select(".wb-error-summary")


@pytest.mark.parametrize(
    ("q", "slug"),
    [
        ("Jersey", "states-of-jersey-police"),
        ("JE2 3AB", "states-of-jersey-police"),
        ("GY1 1AA", "guernsey-police"),
        ("Isle of Man", "isle-of-man-constabulary"),
    ],
)
def test_the_islands_find_their_own_forces(page, q, slug):
    found = page(f"/find-your-force?q={q}")
    assert found.select_one("#result-title").get_text(strip=True) == "Your force"
    assert result_links(found) == [f"/forces/{slug}"]


@pytest.mark.parametrize(
    ("q", "words"),
    [
        ("CA", "Most of CA is in the area of the force below. Enter your full postcode to be sure"),
        ("Leeds, Kent", "We know no place of that name in Kent."),
        ("AB1 0AA", "That postcode is no longer in use."),
    ],
)
def test_an_area_answer_says_how_sure_it_is(page, q, words):
    found = page(f"/find-your-force?q={q}")
    assert words in found.select_one(".wb-result").get_text()


def test_an_area_answer_says_how_sure_it_is_in_welsh(page):
    found = page("/cy/find-your-force?q=CA")
    assert "Rhowch eich cod post llawn i fod yn siŵr" in found.select_one(".wb-result").get_text()


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("q=", "Enter a town, a postcode or the name of a force."),
        ("q=%20%20", "Enter a town, a postcode or the name of a force."),
        ("q=" + "a" * 101, "Enter 100 characters or fewer."),
        ("lat=abc&lng=-3.18", "We could not read that location."),
        ("lat=91&lng=0", "We could not read that location."),
        ("lat=55.95", ""),
    ],
)
def test_an_unusable_search_is_a_400_with_an_error_summary(page, query, error):
    found = page(f"/find-your-force?{query}", status=400)
    assert found.soup.title.get_text().startswith("Error: ")
    summary = found.select_one(".wb-error-summary")
    assert summary["role"] == "alert"
    link = summary.select_one("a[href='#q']")
    assert error in link.get_text()
    assert "q-error" in found.select_one("input#q")["aria-describedby"]
    assert not found.select(".wb-result")


def test_a_location_finds_the_force(page):
    found = page("/find-your-force?lat=55.9533&lng=-3.1883")  # Edinburgh
    assert result_links(found) == ["/forces/police-scotland"]
    assert "Your location" in found.select_one(".wb-result").get_text()


def test_the_location_button_is_hidden_until_a_script_shows_it(page):
    locate = page("/find-your-force").select_one("[data-module='wb-use-location']")
    assert locate.has_attr("hidden")
    assert locate.select_one("button")["type"] == "button"


def test_find_your_force_is_a_get_form_without_a_token(page):
    form = page("/find-your-force").select_one("main form")
    assert form["method"] == "get"
    assert form["action"] == "/find-your-force"
    assert not form.select("input[name='csrf_token']")
    assert form.select_one("input#q")["maxlength"] == "100"


# ---- the home page and /?force=<slug> ---------------------------------------------------


def option_with(home, href):
    """Return the call option on the home page that holds this link."""
    return home.select_one(f".wb-callnow a[href='{href}']").find_parent("div", class_="wb-call")


def shown_calls(home) -> set[str]:
    return {
        a["href"]
        for option in home.select(".wb-callnow .wb-call")
        if not option.has_attr("hidden")
        for a in option.select(CALL_LINKS)
    }


@pytest.mark.parametrize("lang", ["", "/cy"])
def test_deep_link_for_police_scotland_shows_your_force_and_its_crisis_options(page, lang):
    home = page(f"{lang}/?force=police-scotland")
    your_force = home.select_one(".wb-your-force")
    assert not your_force.has_attr("hidden")
    assert your_force.select_one("a")["href"] == f"{lang}/forces/police-scotland"
    name = "Heddlu'r Alban" if lang else "Police Scotland"
    assert your_force.select_one("a").get_text(strip=True) == name
    assert option_with(home, CRISIS_LINE).has_attr("hidden")
    assert {EMERGENCY, SAMARITANS, BREATHING_SPACE, NHS_111} <= shown_calls(home)
    assert CRISIS_LINE not in shown_calls(home)
    # The first option on screen is the big one.
    primary = home.select_one(".wb-call--primary")
    assert not primary.has_attr("hidden")
    assert EMERGENCY in hrefs(primary.select("a"))


def test_your_force_comes_before_the_call_now_block(page):
    home = page("/?force=police-scotland")
    block = home.select_one(".wb-callnow")
    assert block in home.select_one(".wb-your-force").find_all_next("div")


def test_deep_link_for_psni_shows_lifeline(page):
    home = page("/?force=psni")
    assert LIFELINE in shown_calls(home)
    assert CRISIS_LINE not in shown_calls(home)


def test_deep_link_for_gwent_shows_the_crisis_line_first(page):
    home = page("/?force=gwent")
    assert home.select_one(".wb-your-force a")["href"] == "/forces/gwent"
    assert not option_with(home, CRISIS_LINE).has_attr("hidden")
    assert CRISIS_LINE in hrefs(home.select_one(".wb-call--primary").select("a"))
    assert BREATHING_SPACE not in shown_calls(home)


def test_deep_link_for_gwent_in_welsh_names_heddlu_gwent(page):
    home = page("/cy/?force=gwent")
    assert home.select_one(".wb-your-force a").get_text(strip=True) == "Heddlu Gwent"


def test_mistyped_deep_link_is_a_404_with_every_crisis_option(page):
    home = page("/?force=nope", status=404)
    assert {CRISIS_LINE, EMERGENCY, SAMARITANS, SHOUT} <= shown_calls(home)
    assert home.select_one(".wb-your-force").has_attr("hidden")
    assert "/find-your-force" in hrefs(home.select("main a"))


def test_home_without_a_force_leaves_your_force_to_the_script(page):
    home = page("/")
    your_force = home.select_one(".wb-your-force")
    assert your_force.has_attr("hidden") and your_force["data-module"] == "wb-your-force"
    # Every nation's options are in the page, so the script can switch without a request.
    options = home.select(".wb-callnow .wb-call[data-nations]")
    nations = {n for option in options for n in option["data-nations"].split()}
    assert {
        "england",
        "wales",
        "scotland",
        "northern-ireland",
        "great-britain",
        "united-kingdom",
        "crown-dependency",
    } <= nations
    assert {BREATHING_SPACE, LIFELINE} <= hrefs(home.select(CALL_LINKS))
    assert {BREATHING_SPACE, LIFELINE}.isdisjoint(shown_calls(home))


def test_force_page_offers_make_this_my_force(page):
    save = page("/forces/police-scotland").select_one("[data-module='wb-save-force']")
    assert save["data-slug"] == "police-scotland"
    assert save["data-key"] == "scotland"
    assert save["data-url"] == "/forces/police-scotland"
    assert save.has_attr("hidden")  # shown by the script, where localStorage works


# ---- about the data -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["", "/cy"])
def test_about_the_data_gives_the_version_and_attributions(app, page, lang):
    about = page(f"{lang}/about-the-data")
    version = app.extensions["locator"].version
    assert version and version in about.text
    attributions = " ".join(li.get_text() for li in about.select("main li[lang='en']"))
    for source in ("Office for National Statistics", "OS data", "Royal Mail", "GeoNames"):
        assert source in attributions


def test_every_locator_reason_has_a_message_in_english_and_welsh(app):
    from flask import g

    from wellbeing.forces import MESSAGES, message_for
    from wellbeing.locator import Reason, Result, Status

    assert set(MESSAGES) == set(Reason)
    for reason in Reason:
        result = Result(Status.NOT_FOUND, (), reason, matched="Kent")
        with app.test_request_context("/find-your-force"):
            english = message_for(result)
        with app.test_request_context("/cy/find-your-force"):
            g.lang_code = "cy"
            welsh = message_for(result)
        assert english == MESSAGES[reason].replace("%(matched)s", "Kent"), reason
        assert welsh and welsh != english, f"{reason}: no Welsh message"


def test_the_locator_lists_the_same_forces_as_the_force_files(app):
    from wellbeing import locator

    forces = app.extensions["content"].forces
    slugs = {
        kind: {s for s, f in forces.items() if f.kind == kind}
        for kind in ("territorial", "national", "crown-dependency")
    }
    assert set(locator.TERRITORIAL_FORCES) == slugs["territorial"]
    assert set(locator.NATIONAL_FORCES) == slugs["national"]
    assert set(locator.CROWN_FORCES) == slugs["crown-dependency"]
