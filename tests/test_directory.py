"""The self-help directory: browse, search, filter, one service, families and treatment centres.

Welsh pages are checked by structure, `lang` attributes and links, not by the
wording of new interface strings (those are translated later).
"""

import json
import re
from pathlib import Path

import pytest

from wellbeing.content import AUDIENCES, NATIONS, ContentError, load_content

from .conftest import check_page, make_app

DATA = Path(__file__).resolve().parent.parent / "wellbeing" / "data"
CONTENT = load_content(DATA)
CATEGORIES = list(CONTENT.categories)
SERVICES = list(CONTENT.services)
SERVICES_WITH_HOURS = [s.id for s in CONTENT.services.values() if s.hours is not None]
LANGS = ["", "/cy"]
CRISIS_LINKS = {"tel:999", "tel:116123"}


def result_ids(found) -> list[str]:
    """Return the ids of the service cards on a page, in order."""
    return [
        card["aria-labelledby"].removeprefix("service-")
        for card in found.select("article.wb-service")
    ]


def hrefs(found, selector="main a") -> set[str]:
    return {a["href"] for a in found.select(selector)}


# --------------------------------------------------------------------------- browsing


@pytest.mark.parametrize("prefix", LANGS)
def test_directory_lists_every_category_with_its_count(page, prefix):
    index = page(f"{prefix}/directory")
    counts = {}
    for item in index.select(".wb-categories__item"):
        link = item.select_one("a")
        category = link["href"].removeprefix(f"{prefix}/directory/")
        number = re.search(r"\d+", item.select_one(".wb-categories__count").get_text())
        counts[category] = int(number.group())
    assert counts == {c: len(CONTENT.services_in(c)) for c in CATEGORIES}
    assert sum(counts.values()) == len(SERVICES)


@pytest.mark.parametrize("prefix", LANGS)
def test_directory_links_to_the_families_and_treatment_centre_hubs(page, prefix):
    links = hrefs(page(f"{prefix}/directory"))
    assert {f"{prefix}/families", f"{prefix}/treatment-centres"} <= links


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_page_lists_its_services(page, prefix, category):
    found = page(f"{prefix}/directory/{category}")
    assert result_ids(found) == [s.id for s in CONTENT.services_in(category)]
    expected, lang = CONTENT.categories[category].name.get("cy" if prefix else "en")
    assert found.select_one("h1").get_text(strip=True) == expected
    assert lang == ("cy" if prefix else "en")  # the shipped categories are all translated


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("service_id", SERVICES)
def test_every_service_page_renders_with_its_facts(page, prefix, service_id):
    service = CONTENT.services[service_id]
    found = page(f"{prefix}/services/{service_id}")
    assert (
        found.select_one("h1").get_text(strip=True) == service.name.get("cy" if prefix else "en")[0]
    )
    # Back to its category, in the same language.
    assert f"{prefix}/directory/{service.category}" in hrefs(found, ".wb-breadcrumb a")
    assert_service_facts(found.select_one("main"), service)


def assert_service_facts(root, service):
    """Assert a card or page shows eligibility, Welsh availability, provenance and contacts."""
    chips = [chip.get_text(strip=True) for chip in root.select(".wb-chips .wb-chip")]
    assert len(chips) == len(service.audiences) + len(service.nations), chips
    assert all(chips)
    facts = root.select_one(".wb-facts")
    assert facts.select_one(".wb-facts__for dd").get_text(strip=True)
    assert facts.select_one(".wb-facts__welsh dd").get_text(strip=True)
    meta = root.select_one(".wb-meta")
    assert meta.select_one(f"a[href='{service.source}']")
    assert meta.select_one(f"time[datetime='{service.dating.source_date.isoformat()[:7]}']")
    contact_links = {a["href"] for a in root.select(".wb-contacts a")}
    assert {c.href for c in service.contacts} <= contact_links


def test_service_page_says_what_its_date_means_and_claims_no_check(page):
    found = page("/services/oscar-kilo-crisis-line")
    meta = found.select_one(".wb-meta").get_text(" ", strip=True)
    assert meta.startswith("Source dated July 2025 · not yet checked live.")
    assert "checked 2" not in meta.lower()
    undated = page("/services/police-care-uk").select_one(".wb-meta").get_text(" ", strip=True)
    assert undated.startswith("Undated source, read November 2026 · not yet checked live.")
    found = page("/services/police-care-uk")
    assert found.select_one(".wb-facts__welsh").get_text(" ", strip=True) == "In Welsh Not known"
    assert found.select_one(".wb-facts__for dt").get_text(strip=True) == "For"


def test_welsh_service_page_gives_the_source_month_in_welsh(page):
    meta = page("/cy/services/oscar-kilo-crisis-line").select_one(".wb-meta time")
    assert meta.get_text(strip=True) == "Gorffennaf 2025"
    assert meta["datetime"] == "2025-07"


def test_welsh_service_page_shows_the_welsh_content(page):
    service = CONTENT.services["police-care-uk"]
    found = page("/cy/services/police-care-uk")
    assert service.summary.cy in found.text
    assert service.eligibility.cy in found.select_one(".wb-facts__for dd").get_text()
    assert not found.select("main [lang='en']")  # every text has a Welsh version


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("service_id", SERVICES_WITH_HOURS)
def test_hours_are_plain_text_without_javascript_and_structured_for_it(page, prefix, service_id):
    hours = CONTENT.services[service_id].hours
    found = page(f"{prefix}/services/{service_id}")
    open_now = found.select_one("[data-module='wb-open-now']")
    assert open_now.has_attr("hidden")  # shown only once the script has computed it
    assert json.loads(open_now["data-hours"]) == hours.to_json()
    assert len(json.loads(open_now["data-days"])) == 7
    plain = open_now.parent.get_text(" ", strip=True)
    assert plain.startswith(hours.summary("cy" if prefix else "en"))


def test_services_without_hours_carry_no_open_now_element(page):
    without = [s.id for s in CONTENT.services.values() if s.hours is None]
    assert without, "the shipped data has services without structured hours"
    assert not page(f"/services/{without[0]}").select("[data-module='wb-open-now']")


@pytest.mark.parametrize(
    "url",
    [
        "/directory/no-such-category",
        "/cy/directory/no-such-category",
        "/services/no-such-service",
        "/cy/services/no-such-service",
    ],
)
def test_unknown_category_or_service_is_a_404_with_the_call_links(page, url):
    assert "tel:999" in hrefs(page(url, status=404))


# --------------------------------------------------------------------------- search


def search(page, query: str, prefix=""):
    return page(f"{prefix}/directory?{query}")


def error_page(page, url):
    """GET a 400 page; return it and its title's prefix ("Error" or "Gwall")."""
    found = page(url, status=400)
    return found, found.soup.title.get_text().partition(": ")[0]


def test_search_finds_by_an_english_word(page):
    found = result_ids(search(page, "q=grants"))
    assert "police-care-uk" in found
    assert "samaritans" not in found


def test_search_finds_by_a_welsh_word(page):
    # "Profedigaeth" (bereavement) is the Welsh name of a category, and in Welsh details.
    found = result_ids(search(page, "q=profedigaeth"))
    assert {s.id for s in CONTENT.services_in("bereavement")} <= set(found)
    assert "samaritans" not in found


def test_search_ignores_case_and_welsh_accents(page):
    assert result_ids(search(page, "q=THERAPIAU")) == result_ids(search(page, "q=therap%C3%AFau"))
    assert "prrt" in result_ids(search(page, "q=THERAPIAU"))


def test_search_needs_every_word(page):
    one = set(result_ids(search(page, "q=physiotherapy")))
    both = set(result_ids(search(page, "q=physiotherapy+harrogate")))
    assert both == {"police-treatment-centres"}
    assert both < one


def test_search_results_say_how_many_were_found_and_show_cards(page):
    found = search(page, "q=grants")
    cards = found.select("article.wb-service")
    assert cards
    assert str(len(cards)) in found.select_one("h2#results").get_text()
    for card in cards:
        service = CONTENT.services[card["aria-labelledby"].removeprefix("service-")]
        assert_service_facts(card, service)


def test_search_works_in_welsh_and_keeps_the_welsh_urls(page):
    found = search(page, "q=grantiau", prefix="/cy")
    assert "police-care-uk" in result_ids(found)
    assert "/cy/services/police-care-uk" in hrefs(
        found, "article.wb-service h2 a, article.wb-service h3 a"
    )
    assert found.select_one("form[role='search']")["action"] == "/cy/directory"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_audience_filter_narrows_the_results(page, audience):
    found = result_ids(search(page, f"audience={audience}"))
    expected = [s.id for s in CONTENT.services.values() if audience in s.audiences]
    assert found == expected
    assert 0 < len(found) < len(SERVICES)


@pytest.mark.parametrize("nation", NATIONS)
def test_nation_filter_narrows_the_results(page, nation):
    found = result_ids(search(page, f"nation={nation}"))
    assert found == [s.id for s in CONTENT.services.values() if nation in s.nations]
    assert 0 < len(found) < len(SERVICES)


def test_filters_and_words_combine(page):
    found = result_ids(search(page, "q=rehabilitation&audience=retired&nation=northern-ireland"))
    assert found == ["prrt", "police-treatment-centres"]  # a name match comes first
    assert "flint-house" in result_ids(search(page, "q=rehabilitation"))


def test_the_form_keeps_what_was_searched_for(page):
    form = search(page, "q=grants&audience=family&nation=wales").select_one("form[role='search']")
    assert form["method"] == "get"
    assert form.select_one("input#q")["value"] == "grants"
    assert form.select_one("select#audience option[selected]")["value"] == "family"
    assert form.select_one("select#nation option[selected]")["value"] == "wales"


@pytest.mark.parametrize("prefix", LANGS)
def test_no_results_is_a_200_that_still_offers_the_crisis_lines(page, prefix):
    found = search(page, "q=zzzqqqxxx", prefix=prefix)
    assert result_ids(found) == []
    assert CRISIS_LINKS <= hrefs(found, "main a[href^='tel:']")
    assert f"{prefix}/directory" in hrefs(found)  # a way back to the categories


def test_filters_with_no_match_are_also_a_no_results_page(page):
    assert result_ids(search(page, "q=flint")) == ["flint-house"]
    found = search(page, "q=flint&nation=scotland")  # Flint House serves England and Wales
    assert result_ids(found) == []
    assert CRISIS_LINKS <= hrefs(found, "main a[href^='tel:']")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("audience=chief-constable", "audience"),
        ("nation=france", "nation"),
        ("q=" + "x" * 101, "q"),
    ],
)
@pytest.mark.parametrize("prefix", LANGS)
def test_bad_input_is_a_400_with_an_error_summary_linking_to_the_field(page, prefix, query, field):
    found, _ = error_page(page, f"{prefix}/directory?{query}")
    summary = found.select_one(".wb-error-summary")
    assert [a["href"] for a in summary.select("a")] == [f"#{field}"]
    control = found.select_one(f"#{field}")
    assert control["aria-describedby"] == f"{field}-error"
    assert found.select_one(f"#{field}-error").get_text(strip=True)
    assert result_ids(found) == []


def test_a_query_of_exactly_100_characters_is_fine(page):
    search(page, "q=" + "x" * 100)


def test_english_error_summary_is_titled_for_screen_readers(page):
    found, prefix = error_page(page, "/directory?nation=france")
    assert prefix == "Error"
    assert "Choose a nation from the list." in found.select_one(".wb-error-summary").get_text()


# --------------------------------------------------------------------------- Welsh fallback

ENGLISH_ONLY = """
[[service]]
id = "english-only-line"
category = "wellbeing"
name.en = "English-only test line"
summary.en = "A service with no Welsh text yet."
eligibility.en = "Anyone in policing."
who_will_know.en = "Nobody at your force."
audiences = ["officer"]
nations = ["wales"]
welsh = "no"
source = "https://example.org/english-only"
source_date = 2026-11-27
hours.mon = ["09:00-17:00"]

[[service.contacts]]
kind = "web"
value = "https://example.org/english-only"
"""


@pytest.fixture(scope="module")
def english_only_page(tmp_path_factory):
    """Return an app whose deployer data adds a service with no Welsh text."""
    data_dir = tmp_path_factory.mktemp("data")
    (data_dir / "services").mkdir()
    (data_dir / "services" / "local.toml").write_text(ENGLISH_ONLY, encoding="utf-8")
    return make_app({"DATA_DIR": str(data_dir)})


def test_missing_welsh_shows_the_english_marked_lang_en(english_only_page):
    response = english_only_page.test_client().get("/cy/services/english-only-line")
    assert response.status_code == 200
    found = check_page(response.get_data(as_text=True), "/cy/services/english-only-line")
    assert found.html["lang"] == "cy"
    h1 = found.select_one("h1 [lang='en']")
    assert h1.get_text(strip=True) == "English-only test line"
    english = {tag.get_text(strip=True) for tag in found.select("main [lang='en']")}
    assert {
        "A service with no Welsh text yet.",
        "Anyone in policing.",
        "Nobody at your force.",
    } <= english


def test_welsh_availability_stands_out_only_when_known(english_only_page):
    """A known answer is said plainly; "not known" is shown less loudly than "yes"."""
    client = english_only_page.test_client()
    labels = {}
    for path in ["/cy/services/english-only-line", "/cy/services/police-care-uk"]:
        found = check_page(client.get(path).get_data(as_text=True), path)
        answer = found.select_one(".wb-facts__welsh dd")
        labels[answer.get_text(strip=True)] = answer["class"]
    assert labels == {
        "Nac ydy, Saesneg yn unig": ["wb-welsh", "wb-welsh--no"],
        "Ddim yn hysbys": ["wb-welsh", "wb-welsh--unknown"],
    }
    css = (Path(__file__).resolve().parents[1] / "static/css/app.css").read_text()
    assert re.search(r"\.wb-welsh--unknown \{\s*color: var\(--wb-muted\)", css)
    assert re.search(r"\.wb-welsh--yes \{\s*font-weight: 700", css)


def test_missing_welsh_is_not_marked_on_the_english_page(english_only_page):
    response = english_only_page.test_client().get("/services/english-only-line")
    assert 'lang="en"' not in response.get_data(as_text=True).split("<main", 1)[1]


def test_missing_welsh_in_a_welsh_category_list_and_search(english_only_page):
    client = english_only_page.test_client()
    for url in ["/cy/directory/wellbeing", "/cy/directory?q=english-only"]:
        body = client.get(url).get_data(as_text=True)
        assert '<span lang="en">English-only test line</span>' in body, url


def test_a_bad_override_file_stops_the_app_naming_file_entry_and_field(tmp_path):
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "local.toml").write_text(
        ENGLISH_ONLY.replace('welsh = "no"', 'welsh = "sometimes"'), encoding="utf-8"
    )
    with pytest.raises(
        ContentError, match=r"local\.toml: service 'english-only-line': field 'welsh'"
    ):
        make_app({"DATA_DIR": str(tmp_path)})


# --------------------------------------------------------------------------- hubs


@pytest.mark.parametrize("prefix", LANGS)
def test_families_page_links_to_every_family_category(page, prefix):
    # The situations themselves are tested in tests/test_families.py.
    links = hrefs(page(f"{prefix}/families"))
    assert {
        f"{prefix}/directory/{c}" for c in ("families", "bereavement", "domestic-abuse")
    } <= links


@pytest.mark.parametrize("prefix", LANGS)
def test_treatment_centres_page_shows_each_centre_and_the_forces_it_serves(page, prefix):
    found = page(f"{prefix}/treatment-centres")
    centres = CONTENT.services_in("treatment")
    assert len(centres) == 4
    for centre in centres:
        section = found.select_one(f"section[aria-labelledby='centre-{centre.id}']")
        assert section.select_one(".wb-facts__for dd").get_text(strip=True)  # who is eligible
        assert centre.details.get("cy" if prefix else "en")[0][:40] in section.get_text(
            " "
        )  # what it offers
        assert {c.href for c in centre.contacts} <= hrefs(section, "a")  # how to apply
        served = {
            f"{prefix}/forces/{f.slug}"
            for f in CONTENT.forces.values()
            if f.treatment_centre
            and f.treatment_centre.service == centre.id
            or f.slug in centre.forces
        }
        assert served <= hrefs(section, "a[href*='/forces/']")
        assert len(section.select("a[href*='/forces/']")) == len(served)
    ptc = found.select_one("section[aria-labelledby='centre-police-treatment-centres']")
    assert {f"{prefix}/forces/psni", f"{prefix}/forces/police-scotland"} <= hrefs(ptc, "a")
    ben_fund = found.select_one(
        "section[aria-labelledby='centre-north-west-police-benevolent-fund']"
    )
    assert f"{prefix}/forces/merseyside" in hrefs(ben_fund, "a")


def test_treatment_centres_say_how_to_apply(page):
    section = page("/treatment-centres").select_one(
        "section[aria-labelledby='centre-police-treatment-centres']"
    )
    assert "To apply" in section.get_text(" ")


# --------------------------------------------------------------------------- exit this page

EXIT_PAGES = [
    "/directory",
    "/directory/families",
    "/services/cops-uk",
    "/families",
    "/treatment-centres",
    "/directory?q=grants",
    "/forces/gwent",
    "/forces/psni",
    "/find-your-force",
    "/find-your-force?q=Cardiff",
]


@pytest.mark.parametrize("prefix", LANGS)
@pytest.mark.parametrize("url", EXIT_PAGES)
def test_exit_this_page_is_on_the_directory_family_and_force_pages(page, prefix, url):
    found = page(prefix + url)
    exit_ = found.select_one("[data-module='wb-exit-this-page']")
    assert exit_.select_one("a.wb-exit__button")["href"] == "https://www.bbc.co.uk/weather"
    assert exit_.select_one("a.wb-exit__help")["href"] == f"{prefix}/exit-this-page"
    # It comes before the main content, so it is the first thing reached.
    assert exit_.find_next("main") is not None
    assert "/static/" in " ".join(s["src"] for s in found.select("script[src*='exit-this-page']"))


@pytest.mark.parametrize("prefix", LANGS)
def test_exit_this_page_explanation(page, prefix):
    found = page(f"{prefix}/exit-this-page")
    assert len(found.select("main li")) >= 4
    if not prefix:
        assert "Shift" in found.text and "history" in found.text


# --------------------------------------------------------------------------- privacy


def test_no_directory_page_sets_a_cookie(client):
    urls = [
        f"{p}{u}"
        for p in LANGS
        for u in [
            "/directory",
            "/directory?q=grants&audience=family&nation=wales",
            "/directory?nation=mars",
            "/directory/crisis",
            "/services/samaritans",
            "/families",
            "/treatment-centres",
            "/exit-this-page",
            "/services/none",
        ]
    ]
    for url in urls:
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
        assert response.status_code in (200, 400, 404), url
