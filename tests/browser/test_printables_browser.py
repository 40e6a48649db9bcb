"""The printables in Chromium: the QR code scans to the force's page, and each prints
to exactly one A4 page, for the force with the most to print, in both languages.

The pages come from a test app that knows its address (WELLBEING_BASE_URL), served
to Chromium at that address by a request route, so the code must carry the
configured address, not the one the browser asked for.
"""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import make_app
from tests.qr import decode

BASE = "https://signpost.example"
PRINTABLES = {"poster": ".wb-poster", "wallet-card": ".wb-card"}
LANGS = ["", "/cy"]
MM = 96 / 25.4  # CSS pixels per millimetre
# The room a printable needs as printed: the poster's height without the stretch
# that puts its address at the foot of the page; the card's fuller side.
NEEDED = {
    "poster": """() => {
        const poster = document.querySelector(".wb-poster");
        poster.style.minHeight = "0";
        return poster.getBoundingClientRect().height;
    }""",
    "wallet-card": """() => Math.max(
        ...[...document.querySelectorAll(".wb-card__face")].map(side => side.scrollHeight))""",
}


@pytest.fixture(scope="module")
def app():
    return make_app({"BASE_URL": BASE})


@pytest.fixture(scope="module")
def site(browser, app):
    """A browser context in which BASE is served by the app (no network, no worker)."""
    client = app.test_client()

    def serve(route):
        url = urlsplit(route.request.url)
        response = client.get(url.path, query_string=url.query)
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        route.fulfill(status=response.status_code, headers=headers, body=response.get_data())

    context = browser.new_context(service_workers="block", device_scale_factor=2)
    context.route(f"{BASE}/**", serve)
    yield context
    context.close()


@pytest.fixture
def tab(site):
    page = site.new_page()
    yield page
    page.close()


def fullest(app, tab, prefix: str, printable: str) -> str:
    """Return the slug of the force whose printable needs the most room in this language.

    Every force's printable is measured by its text (test client, fast); the five
    longest are laid out in Chromium as printed, and the tallest is the one.
    """
    client = app.test_client()
    sizes = {}
    for slug in app.extensions["content"].forces:
        html = client.get(f"{prefix}/forces/{slug}/kit/{printable}").get_data(as_text=True)
        printed = BeautifulSoup(html, "html.parser").select_one(PRINTABLES[printable])
        sizes[slug] = len(printed.get_text(" ", strip=True))
    heights = {}
    tab.emulate_media(media="print")
    for slug in sorted(sizes, key=sizes.__getitem__, reverse=True)[:5]:
        tab.goto(f"{BASE}{prefix}/forces/{slug}/kit/{printable}")
        heights[slug] = tab.evaluate(NEEDED[printable])
    return max(heights, key=heights.__getitem__)


@pytest.mark.parametrize("printable", PRINTABLES)
@pytest.mark.parametrize("prefix", LANGS)
def test_the_qr_code_scans_to_the_force_page(tab, prefix, printable):
    tab.goto(f"{BASE}{prefix}/forces/north-wales/kit/{printable}")
    png = tab.locator(".wb-print-qr svg").screenshot()
    assert decode(png) == [f"{BASE}{prefix}/forces/north-wales"]


@pytest.mark.parametrize("printable", PRINTABLES)
@pytest.mark.parametrize("prefix", LANGS)
def test_the_longest_prints_on_one_a4_page_with_nothing_cut_off(app, tab, prefix, printable):
    slug = fullest(app, tab, prefix, printable)
    tab.goto(f"{BASE}{prefix}/forces/{slug}/kit/{printable}")
    pdf = tab.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, f"{slug}: more than one page"

    if printable == "wallet-card":
        # Each side of the card keeps its content inside its 85.6 × 54 mm.
        sides = tab.eval_on_selector_all(
            ".wb-card__face",
            "faces => faces.map(f => [f.getBoundingClientRect().width, f.getBoundingClientRect().height, f.scrollHeight, f.clientHeight])",
        )
        assert len(sides) == 2
        for width, height, scroll_height, client_height in sides:
            assert (round(width / MM, 1), round(height / MM, 1)) == (85.6, 54.0)
            assert scroll_height <= client_height, f"{slug}: the card's text is cut off"
    # A code that scans from print: with its quiet zone 24 mm or more on the card
    # (the code itself 20 mm or more), and larger on the poster.
    qr = tab.locator(".wb-print-qr svg").bounding_box()
    assert qr["width"] >= (40 if printable == "poster" else 24) * MM
