"""What only a browser proves about a force's kit: the call card can be framed by the
allowed origin and by no other, it fits 300 px, the family page's QR code scans to its
own address, and the kit's copy button copies.

The sweep (test_sweep_browser.py) runs axe on these pages without a configured
address; here the site has one (WELLBEING_BASE_URL), so the snippets and the QR
code are on the page, and axe checks them too. Every server here listens on 127.0.0.1.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from werkzeug.serving import make_server

from ..conftest import make_app
from ..qr import decode

BASE = "https://signpost.example"


def intranet_page(site: str) -> type[BaseHTTPRequestHandler]:
    """Return a handler serving `/<slug>`: a page that frames that force's call card."""

    class Intranet(BaseHTTPRequestHandler):
        def do_GET(self):
            slug = self.path.strip("/")
            body = (
                "<!doctype html><html lang='en'><title>Intranet</title><main>"
                f"<iframe id='card' title='Call card' src='{site}/embed/forces/{slug}' "
                "width='300' height='1400' style='border:0'></iframe></main></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Intranet


def serve(server) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="module")
def sites():
    """Start the site (allowing one origin to frame its call card) and two intranets."""
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) for _ in range(2)]
    allowed, other = (f"http://127.0.0.1:{s.server_address[1]}" for s in servers)
    app = make_app({"BASE_URL": BASE, "FRAME_ANCESTORS": [allowed]})
    site = make_server("127.0.0.1", 0, app, threaded=True)
    url = f"http://127.0.0.1:{site.server_port}"
    for server in servers:
        server.RequestHandlerClass = intranet_page(url)
    for server in (site, *servers):
        serve(server)
    yield {"site": url, "allowed": allowed, "other": other}
    for server in (site, *servers):
        server.shutdown()
        server.server_close()


@pytest.fixture
def context(browser):
    """A fresh context without service workers: the site's worker would precache the whole
    directory from this one small server while the test runs, and nothing here needs it."""
    context = browser.new_context(service_workers="block")
    yield context
    context.close()


def card(page):
    """Return the intranet page's frame, and a locator inside it, once the page has loaded."""
    page.wait_for_load_state("load")
    return page.frames[1], page.frame_locator("#card")


@pytest.mark.parametrize("slug", ["gwent", "ministry-of-defence-police"])
def test_the_allowed_origin_frames_the_card_and_it_fits_300_px(context, sites, slug):
    page = context.new_page()
    page.goto(f"{sites['allowed']}/{slug}")
    frame, locator = card(page)
    assert locator.locator("h1").inner_text() == "Talk to someone now"
    assert frame.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert frame.evaluate("document.documentElement.clientWidth") == 300


def test_another_origin_cannot_frame_the_card(context, sites):
    page = context.new_page()
    page.goto(f"{sites['other']}/gwent")
    frame, locator = card(page)
    # Chromium shows its own error page in the frame instead ("127.0.0.1 is blocked").
    assert not frame.url.startswith(sites["site"]), frame.url
    assert "Talk to someone now" not in locator.locator("body").inner_text()


@pytest.mark.parametrize("prefix", ["", "/cy"])
def test_the_family_pages_qr_code_scans_to_its_own_address(context, sites, prefix):
    page = context.new_page()
    page.goto(f"{sites['site']}{prefix}/forces/gwent/family")
    png = page.locator(".wb-share__qr svg").screenshot()
    assert decode(png) == [f"{BASE}{prefix}/forces/gwent/family"]


@pytest.mark.parametrize("path", ["/forces/gwent/kit", "/cy/forces/gwent/family"])
def test_kit_and_family_pages_with_an_address_have_no_axe_violations(context, sites, path):
    page = context.new_page()
    page.goto(sites["site"] + path)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_copy_button_copies_the_snippet(context, sites):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(sites["site"] + "/forces/kent/kit")
    page.locator("#snippet-button-en ~ button").click()
    assert page.locator("#snippet-button-en ~ [role=status]").inner_text() == "Copied."
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#snippet-button-en").input_value()
    assert copied.startswith(f'<a href="{BASE}/forces/kent"')
