"""A force's kit (/forces/<slug>/kit), its call card (/embed/forces/<slug>) and its family
page (/forces/<slug>/family). Every one of them also goes through the page invariants and
axe in the route sweep (tests/sweep.py); the QR codes and framing are proved in a browser
(tests/browser/test_kit_browser.py).
"""

import re

import html5lib
import pytest

from wellbeing.crisis import FAMILY_URGENT

from .conftest import make_app
from .sweep import sweep_urls

BASE = "https://signpost.example"
INTRANET = "https://intranet.force.example"
CRISIS_LINE = "tel:03001312789"


@pytest.fixture(scope="module")
def configured():
    """The site with its address and one intranet allowed to frame the call card."""
    return make_app({"BASE_URL": BASE, "FRAME_ANCESTORS": [INTRANET]})


@pytest.fixture
def client(configured):
    """Every `page` in this module comes from the configured site (the shared `app` has
    no address and allows no framing)."""
    return configured.test_client()


def snippet(found, field_id):
    """Parse a copy-ready snippet (strict HTML) and return its one element."""
    text = found.select_one(f"textarea#{field_id}").get_text()
    fragment = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parseFragment(text)
    elements = list(fragment)
    assert len(elements) == 1, text
    return elements[0]


# --------------------------------------------------------------------------- kit


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_a_welsh_forces_kit_has_both_languages_side_by_side(page, prefix):
    found = page(f"{prefix}/forces/gwent/kit")
    for lang, path in (("en", ""), ("cy", "/cy")):
        link = snippet(found, f"snippet-link-{lang}")
        button = snippet(found, f"snippet-button-{lang}")
        for element in (link, button):
            assert element.tag == "a"
            assert element.get("href") == f"{BASE}{path}/forces/gwent"
            assert element.get("lang") == lang
        assert "style" not in link.attrib and "style" in button.attrib
        card = snippet(found, f"snippet-card-{lang}")
        assert card.tag == "iframe" and card.get("src") == f"{BASE}{path}/embed/forces/gwent"
        assert card.get("title")
    # Each snippet is in its own language, whatever the page's.
    assert link.text == "Cymorth llesiant ac argyfwng: Heddlu Gwent"
    assert snippet(found, "snippet-link-en").text == "Wellbeing and crisis support for Gwent Police"
    assert f"{BASE}/cy/forces/gwent/family" in found.text


@pytest.mark.parametrize(("prefix", "lang"), [("", "en"), ("/cy", "cy")])
def test_an_english_forces_kit_is_in_the_pages_language(page, prefix, lang):
    found = page(f"{prefix}/forces/kent/kit")
    assert [t["id"] for t in found.select("textarea")] == [
        f"snippet-link-{lang}",
        f"snippet-button-{lang}",
        f"snippet-card-{lang}",
    ]
    assert snippet(found, f"snippet-link-{lang}").get("href") == f"{BASE}{prefix}/forces/kent"


def test_snippets_carry_no_script_no_tracking_and_no_query_string(page):
    found = page("/forces/gwent/kit")
    for field in found.select("textarea"):
        text = field.get_text()
        assert "<script" not in text and " on" not in text and "?" not in text, text
        assert "utm_" not in text


def test_absolute_urls_come_from_the_configured_address_not_the_host(client):
    body = client.get("/forces/kent/kit", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "evil.example" not in body and f"{BASE}/forces/kent" in body


def test_force_pages_link_to_their_kit(page):
    for prefix in ("", "/cy"):
        found = page(f"{prefix}/forces/psni")
        assert found.select_one(f"a[href='{prefix}/forces/psni/kit']")


def test_without_an_address_the_kit_shows_paths_and_says_so(app):
    client = app.test_client()
    kit = client.get("/forces/gwent/kit").get_data(as_text=True)
    assert "<textarea" not in kit and "/cy/forces/gwent/family" in kit
    assert "address is not configured" in kit
    family = client.get("/cy/forces/gwent/family").get_data(as_text=True)
    assert "<svg" not in family and "/cy/forces/gwent/family" in family


# --------------------------------------------------------------------------- embed


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_the_call_card_is_bare_and_opens_links_in_the_top_window(page, prefix):
    found = page(f"{prefix}/embed/forces/north-wales")
    assert not found.select("header, footer, nav, script")
    assert [link["href"] for link in found.select("link")] == [
        found.select_one("link[rel=stylesheet]")["href"]
    ]
    assert "/css/embed." in found.select_one("link")["href"]
    assert found.select_one("base")["target"] == "_top"
    assert found.select_one(f"a[href='{prefix}/forces/north-wales']")


@pytest.mark.parametrize(
    ("slug", "offered", "not_offered"),
    [
        ("north-wales", {CRISIS_LINE, "tel:999", "tel:111"}, set()),
        ("police-scotland", {"tel:999", "tel:111", "tel:116123"}, {CRISIS_LINE}),
        ("psni", {"tel:999", "tel:08088088000"}, {CRISIS_LINE, "tel:111"}),
    ],
)
def test_the_call_card_offers_the_lines_for_the_forces_nation(page, slug, offered, not_offered):
    found = page(f"/embed/forces/{slug}")
    calls = {a["href"] for a in found.select("a[href^='tel:']")}
    assert offered <= calls and not calls & not_offered


def first_url_per_route():
    seen, urls = set(), []
    for target in sweep_urls():
        key = (target.endpoint, target.url.startswith("/cy"))
        if key not in seen:
            seen.add(key)
            urls.append(target)
    return urls


def test_only_the_call_card_may_be_framed_and_only_by_the_configured_origins(configured, client):
    static = "/static/" + configured.extensions["static_manifest"]["css/embed.css"]
    targets = [(t.url, t.endpoint == "kit.embed") for t in first_url_per_route()]
    # A second request is answered from the page cache: it must keep the same headers.
    targets += [("/embed/forces/gwent", True), ("/forces/gwent", False), (static, False)]
    for url, framed in targets:
        headers = client.get(url).headers
        ancestors = re.search(r"frame-ancestors ([^;]+);", headers["Content-Security-Policy"])
        if framed:
            assert ancestors.group(1) == INTRANET, url
            assert "X-Frame-Options" not in headers, url
        else:
            assert ancestors.group(1) == "'none'", url
            assert headers["X-Frame-Options"] == "DENY", url
    assert any(framed for _, framed in targets)


# --------------------------------------------------------------------------- family


@pytest.mark.parametrize(
    ("slug", "nation"),
    [
        ("kent", "england"),
        ("gwent", "wales"),
        ("police-scotland", "scotland"),
        ("psni", "northern-ireland"),
    ],
)
def test_the_family_page_offers_the_lines_a_family_member_can_call(app, page, slug, nation):
    found = page(f"/forces/{slug}/family")
    urgent = app.extensions["content"].services[FAMILY_URGENT[nation]]
    assert urgent.name.en in found.select_one(".wb-callnow").text
    calls = {a["href"] for a in found.select(".wb-callnow a")}
    assert {"tel:999", "tel:116123"} <= calls and CRISIS_LINE not in calls


def test_the_family_page_names_the_forces_childrens_charity_and_funds(page):
    gwent = page("/forces/gwent/family")
    assert gwent.select_one("#charities ~ div a[href='/services/police-childrens-fund']")
    cheshire = page("/forces/cheshire/family")
    assert cheshire.select_one("a[href='/services/north-west-police-benevolent-fund']")
    assert "We Care Emergency Loan Fund" in cheshire.text
    assert "Likely, not confirmed." in cheshire.text


def test_a_family_page_without_a_known_charity_or_fund_says_who_to_ask(app, page):
    content = app.extensions["content"]
    slug = next(
        s
        for s, f in content.forces.items()
        if not (f.childrens_charity and f.childrens_charity.service)
        and not any(i.kind == "funds" for i in f.own_support)
    )
    found = page(f"/forces/{slug}/family")
    assert not found.select("#charities ~ .wb-own")
    assert "ask their Federation branch or staff association" in found.text


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_the_family_page_shares_its_own_address(page, prefix):
    found = page(f"{prefix}/forces/gwent/family")
    url = f"{BASE}{prefix}/forces/gwent/family"
    assert found.select_one(".wb-share__url")["href"] == url
    assert found.select_one(".wb-share")["data-url"] == url
    assert found.select_one(".wb-share__qr svg[role=img]")["aria-label"]


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_the_family_page_links_to_the_safe_route_guide_which_never_links_back(
    app, client, page, prefix
):
    (safe,) = [g.slug for g in app.extensions["content"].guides.values() if g.no_force_routes]
    found = page(f"{prefix}/forces/gwent/family")
    assert found.select_one(f"a[href='{prefix}/families/{safe}']")
    for query in ("", "?nation=wales"):
        guide = client.get(f"{prefix}/families/{safe}{query}").get_data(as_text=True)
        assert "/forces" not in guide and "find-your-force" not in guide
