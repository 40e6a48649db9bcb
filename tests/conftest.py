"""Fixtures for app tests, and the `page` helper every GET of a page goes through."""

import atexit
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import html5lib
import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from wellbeing import create_app

LOCAL_URL = re.compile(r"^(/(?!/)|#|$)")
RESOURCE_ATTRIBUTES = (
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("object", "data"),
    ("form", "action"),
    ("video", "src"),
    ("audio", "src"),
)


class ClosingClient(FlaskClient):
    """A test client that reads and closes every response (static files hold open files)."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        response.get_data()
        response.close()
        return response


# Test apps keep their reports in a throwaway folder, never in the user's state folder.
REPORTS_DIR = Path(tempfile.mkdtemp(prefix="wellbeing-test-reports-"))
atexit.register(shutil.rmtree, REPORTS_DIR, ignore_errors=True)


def make_app(config: dict | None = None):
    """Create an app for tests; every test app goes through here."""
    defaults = {"TESTING": True, "REPORTS_DB": str(REPORTS_DIR / "reports.sqlite3")}
    app = create_app({**defaults, **(config or {})})
    app.test_client_class = ClosingClient
    return app


def pytest_collection_modifyitems(config, items):
    """Leave out the full sweep (marker `full_sweep`) unless `-m` names it: `make test`
    checks a sample of the pages that differ only by entry, `make test-full` the rest."""
    if "full_sweep" in (config.option.markexpr or ""):
        return
    full = [item for item in items if item.get_closest_marker("full_sweep")]
    if full:
        config.hook.pytest_deselected(items=full)
        items[:] = [item for item in items if not item.get_closest_marker("full_sweep")]


@pytest.fixture(scope="session")
def app():
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@dataclass
class Page:
    """A rendered page that has passed the invariants every page must keep."""

    response: object
    soup: BeautifulSoup

    @property
    def text(self) -> str:
        return self.soup.get_text(" ", strip=True)

    def select(self, selector):
        return self.soup.select(selector)

    def select_one(self, selector):
        found = self.soup.select_one(selector)
        assert found is not None, f"nothing matches {selector!r}"
        return found


# "Every one of these is confidential" beside 999 (content audit A1), in either language.
OVERCLAIM = re.compile(
    r"every (one|option|line)[^.]{0,40}confidential|pob un o'r rhain yn gyfrinachol", re.IGNORECASE
)


def dialled(href: str) -> str:
    """Return the digits a tel:/sms: link dials: +44 as 0, an extension after the number."""
    target = href.split(":", 1)[1].split("?")[0]
    number, _, extension = target.partition(";ext=")
    if number.startswith("+44"):
        number = "0" + number[3:]
    return re.sub(r"\D", "", number) + extension


def check_call_links(soup: BeautifulSoup, url: str) -> None:
    """Assert that every tel: and sms: link dials exactly the number its text shows."""
    for link in soup.select("a[href^='tel:'], a[href^='sms:']"):
        shown = "".join(re.findall(r"\d+", link.get_text(" ", strip=True)))
        assert shown == dialled(link["href"]), (
            f"{url}: {link['href']!r} dials {dialled(link['href'])}, its text shows {shown!r}"
        )


def check_page(html: str, url: str) -> BeautifulSoup:
    """Assert the invariants of every page and return it parsed."""
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    soup = BeautifulSoup(html, "html.parser")

    expected_lang = "cy" if url == "/cy" or url.startswith("/cy/") else "en"
    assert soup.html.get("lang") == expected_lang, f"{url}: <html lang> is not {expected_lang}"

    h1s = soup.find_all("h1")
    assert len(h1s) == 1, f"{url}: {len(h1s)} <h1> elements"
    h1 = h1s[0].get_text(" ", strip=True)
    title = soup.title.get_text(strip=True)
    # A page showing form errors prefixes its title, GOV.UK style: "Error: Find support".
    unprefixed = re.sub(r"^(Error|Gwall): ", "", title)
    assert unprefixed.startswith(h1), f"{url}: <title> {title!r} does not start with {h1!r}"

    ids = [tag["id"] for tag in soup.find_all(id=True)]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"{url}: duplicate ids {duplicates}"
    for tag in soup.find_all(attrs={"aria-labelledby": True}):
        for ref in tag["aria-labelledby"].split():
            assert ref in ids, f"{url}: aria-labelledby={ref!r} names no element"
    for label in soup.find_all("label", attrs={"for": True}):
        assert label["for"] in ids, f"{url}: <label for={label['for']!r}> names no element"

    for script in soup.find_all("script"):
        assert script.get("src") and not script.string, f"{url}: inline script"
    assert not soup.find_all("style"), f"{url}: <style> element"
    assert not soup.find_all(style=True), f"{url}: style attribute"
    for tag in soup.find_all(True):
        handlers = [a for a in tag.attrs if a.startswith("on")]
        assert not handlers, f"{url}: inline event handler {handlers} on <{tag.name}>"

    check_call_links(soup, url)
    text = soup.get_text(" ", strip=True)
    assert not OVERCLAIM.search(text), f"{url}: claims every option is confidential"

    for name, attribute in RESOURCE_ATTRIBUTES:
        for tag in soup.find_all(name, attrs={attribute: True}):
            for value in tag[attribute].split(","):
                value = value.strip().split(" ")[0]
                assert LOCAL_URL.match(value), f"{url}: <{name} {attribute}={value!r}> is external"
    return soup


@pytest.fixture
def page(client):
    """Return a function that GETs a page, checks its invariants and parses it."""

    def get(url: str, status: int = 200) -> Page:
        response = client.get(url)
        assert response.status_code == status, f"{url}: {response.status_code}"
        assert response.mimetype == "text/html"
        assert "Set-Cookie" not in response.headers, f"{url} set a cookie"
        return Page(response, check_page(response.get_data(as_text=True), url))

    return get
