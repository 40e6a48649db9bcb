"""A force's printables: the A4 poster and the wallet card at /forces/<slug>/kit/….

Every force's printables also go through the page invariants (every tel: link
dials what it shows) and axe in both languages in the route sweep
(tests/sweep.py). That they decode and print to one page is in
tests/browser/test_printables_browser.py.
"""

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from flask import g, render_template_string

from tests.conftest import check_page, make_app
from wellbeing.content import Checked, Dating
from wellbeing.printables import dates_of, dating_line

BASE = "https://signpost.example"
OVERLAY = Path(__file__).resolve().parent.parent / "examples" / "force-overlay"
PRINTABLES = ["poster", "wallet-card"]
LANGS = ["", "/cy"]
CRISIS_LINE = "tel:03001312789"


@pytest.fixture(scope="module")
def configured():
    """A client of an app that knows its address, as a deployment sets WELLBEING_BASE_URL."""
    return make_app({"BASE_URL": BASE}).test_client()


def get(client, url: str):
    response = client.get(url, headers={"Host": "attacker.example"})
    assert response.status_code == 200, url
    return check_page(response.get_data(as_text=True), url)


@pytest.mark.parametrize("printable", PRINTABLES)
@pytest.mark.parametrize("prefix", LANGS)
def test_the_address_and_qr_code_are_the_force_page_on_the_configured_site(
    configured, prefix, printable
):
    found = get(configured, f"{prefix}/forces/gwent/kit/{printable}")
    address = f"{BASE}{prefix}/forces/gwent"
    assert found.select_one(".wb-print-url").get_text(strip=True) == address
    # The Host header never gets into a printed address.
    assert "attacker.example" not in str(found)
    assert found.select_one(".wb-print-qr svg[role=img]")["aria-label"].endswith(address)


@pytest.mark.parametrize("printable", PRINTABLES)
def test_without_a_configured_address_it_says_so_and_prints_no_code(page, printable):
    found = page(f"/forces/gwent/kit/{printable}")
    assert not found.select("svg") and not found.select(".wb-print-url")
    assert "WELLBEING_BASE_URL" in found.select_one(".wb-print-address").get_text()


@pytest.mark.parametrize("printable", PRINTABLES)
def test_the_crisis_line_is_printed_for_its_nation_only(page, printable):
    for slug, offered in (("essex", True), ("south-wales", True), ("police-scotland", False)):
        found = page(f"/forces/{slug}/kit/{printable}")
        calls = {a["href"] for a in found.select("a[href^='tel:']")}
        assert "tel:999" in calls
        assert (CRISIS_LINE in calls) is offered, slug


def test_the_poster_names_all_the_force_own_support(page, app):
    force = next(f for f in app.extensions["content"].forces.values() if len(f.own_support) > 3)
    poster = page(f"/forces/{force.slug}/kit/poster")
    assert len(poster.select(".wb-poster__own li")) == len(force.own_support)


@pytest.mark.parametrize("printable", PRINTABLES)
def test_a_force_hosting_the_site_gets_its_intranet_numbers_printed(printable):
    client = make_app({"DATA_DIR": str(OVERLAY)}).test_client()
    found = get(client, f"/forces/gwent/kit/{printable}")
    calls = {a["href"] for a in found.select("a[href^='tel:']")}
    assert {"tel:02920180123", "tel:02920180456", "tel:02920180789"} <= calls


def entry(source: str, undated: bool = False, checked: str | None = None):
    when = dt.date.fromisoformat
    check = Checked(date=when(checked), method="website") if checked else None
    return SimpleNamespace(dating=Dating(when(source), undated, check))


@pytest.mark.parametrize(
    ("entries", "line"),
    [
        (
            [entry("2024-03-01"), entry("2025-10-02")],
            "Sources dated March 2024 to October 2025 · not yet checked live.",
        ),
        (
            [entry("2025-10-01"), entry("2025-10-20")],
            "Sources dated October 2025 · not yet checked live.",
        ),
        (
            [entry("2024-03-01"), entry("2026-11-28", undated=True)],
            "Sources dated or read March 2024 to November 2026 · not yet checked live.",
        ),
        (
            [entry("2024-03-01", checked="2026-11-01"), entry("2025-10-02")],
            "1 of 2 items checked live, the latest on 1 November 2026; the others rest on sources dated October 2025.",
        ),
        (
            [entry("2024-03-01", checked="2026-11-01"), entry("2022-01-01", checked="2026-06-05")],
            "Every item was checked against its live source, the earliest on 5 June 2026.",
        ),
    ],
)
def test_the_date_line_says_checked_only_of_what_a_person_checked(app, entries, line):
    with app.test_request_context("/"):
        said = dating_line(dates_of(entries))
    assert said == line


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize(("slug", "both"), [("essex", False), ("dyfed-powys", True)])
def test_the_kit_section_links_each_printable_in_the_right_languages(page, app, lang, slug, both):
    force = app.extensions["content"].forces[slug]
    with app.test_request_context("/cy/" if lang == "cy" else "/"):
        g.lang_code = lang
        html = render_template_string('{% include "kit/_printables.html" %}', force=force)
    prefixes = LANGS if both else ["/cy" if lang == "cy" else ""]
    links = [a["href"] for a in BeautifulSoup(html, "html.parser").select("a")]
    assert links == [f"{p}/forces/{slug}/kit/{name}" for p in prefixes for name in PRINTABLES]
    for link in links:
        page(link)
