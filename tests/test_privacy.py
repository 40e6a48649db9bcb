"""Privacy: no cookies, nothing personal in the access log, a privacy notice that says so,
and a service-worker precache that never depends on what someone looked at.

The proof that a search never reaches the real access log runs against gunicorn:
tests/browser/test_access_log.py.
"""

import ast
import json
import re
from pathlib import Path

import pytest

from .conftest import make_app
from .sweep import sweep_urls

GUNICORN_CONF = Path(__file__).resolve().parents[1] / "gunicorn.conf.py"
# gunicorn access-log atoms that would record a person or what they searched for:
# remote address, user agent, referrer, query string, full request line and URL with
# query, user name, any request header, and the environ / headers atoms.
PERSONAL_ATOMS = {"h", "a", "f", "q", "r", "u"}
ALLOWED_ATOMS = {"t", "m", "U", "s", "B", "b", "M", "D", "T", "L", "p", "H", "l"}


def test_no_get_sets_a_cookie(app, client):
    """No response sets a cookie: GET of a static file, HEAD of anything (a GET of every
    sweep URL is checked by tests/test_sweep.py's page helper and test_json_and_worker)."""
    static = ["/static/" + hashed for hashed in app.extensions["static_manifest"].values()]
    static += ["/static/" + name for name in app.extensions["static_manifest"]]
    requests = [(client.get, url) for url in static]
    requests += [(client.head, url) for url in [u.url for u in sweep_urls()] + static]
    for method, url in requests:
        response = method(url)
        assert "Set-Cookie" not in response.headers, f"{method.__name__.upper()} {url} set a cookie"
        assert response.status_code < 500, url


def test_no_cookie_even_when_the_browser_sends_one(client):
    client.set_cookie("lang", "cy")
    response = client.get("/directory?q=stress")
    assert "Set-Cookie" not in response.headers
    assert 'lang="en"' in response.get_data(
        as_text=True
    )  # the language is the URL's, not a cookie's


def _gunicorn_settings() -> dict:
    settings: dict = {}
    tree = ast.parse(GUNICORN_CONF.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    settings[target.id] = node.value.value
    return settings


def test_access_log_format_records_nothing_personal():
    log_format = _gunicorn_settings()["access_log_format"]
    atoms = set(re.findall(r"%\((\w)\)s", log_format))
    braced = re.findall(r"%\(\{[^}]*\}\w\)s", log_format)
    assert not braced, f"access log records a header or environ value: {braced}"
    assert not atoms & PERSONAL_ATOMS, f"access log records {atoms & PERSONAL_ATOMS}"
    assert atoms <= ALLOWED_ATOMS, f"unreviewed access-log atoms {atoms - ALLOWED_ATOMS}"
    assert "U" in atoms, "the access log should still record the path"


@pytest.mark.parametrize(
    ("url", "statements"),
    [
        (
            "/privacy",
            [
                "No accounts, no cookies, no analytics and no tracking.",
                "does not record your IP address, your device, what you searched for or the page "
                "you came from",
                "saves the same fixed set of pages for everyone. "
                "It does not save the pages you visit.",
                "Nothing is sent to us.",
                "The site loads nothing from any other website.",
                "Answers to a search or a location are marked so that your browser does not "
                "save them.",
                "sends your location once, rounded to about 100 metres",
            ],
        ),
        (
            "/cy/privacy",
            [
                "dim cwcis",
                "cyfeiriad IP",
                "set sefydlog o dudalennau",
                "Nid yw'n cadw'r tudalennau rydych yn ymweld â nhw",
            ],
        ),
    ],
)
def test_privacy_notice_says_what_is_and_is_not_stored(page, url, statements):
    text = page(url).text
    for statement in statements:
        assert statement in text, f"{url} does not say {statement!r}"


def precache(client, query: str = "", **kwargs) -> tuple[str, list[str]]:
    body = client.get("/sw.js" + query, **kwargs).get_data(as_text=True)
    return body, json.loads(re.search(r"const PRECACHE = (\[.*?\]);", body).group(1))


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_precache_holds_no_force_page_and_nothing_personal(client, lang):
    _, urls = precache(client, "?lang=cy" if lang == "cy" else "")
    for url in urls:
        assert "?" not in url and "#" not in url, url
        path = url.removeprefix("/cy")
        assert not path.startswith(("/forces", "/find-your-force", "/api/", "/about-the-data")), url
    pages = [u for u in urls if not u.startswith("/static/")]
    crisis = {"/", "/help-now", "/offline", "/manifest.webmanifest"}
    other_lang = [
        u
        for u in pages
        if (u.startswith("/cy/") or u == "/cy") != (lang == "cy")
        and u.removeprefix("/cy") not in crisis
        and u != "/cy/"
    ]
    assert not other_lang, (
        f"the {lang} worker precaches the other language's directory: {other_lang}"
    )


def test_precache_does_not_depend_on_the_visit(app, client):
    """The same worker for everyone: whatever was visited, sent or stored before."""
    body, _ = precache(client)
    welsh, _ = precache(client, "?lang=cy")
    for url in [
        "/forces/gwent",
        "/find-your-force?q=NP20",
        "/directory?q=stress",
        "/services/narpo",
    ]:
        client.get(url)
    client.set_cookie("saved-force", "gwent")
    assert precache(client)[0] == body
    assert (
        precache(
            client,
            headers={
                "Referer": "http://127.0.0.1/forces/gwent",
                "Accept-Language": "cy",
                "User-Agent": "Family phone",
            },
        )[0]
        == body
    )
    assert precache(client, "?lang=cy")[0] == welsh
    fresh = make_app().test_client()
    assert precache(fresh)[0] == body
    assert precache(fresh, "?lang=cy")[0] == welsh


def test_tests_cannot_reach_another_host():
    """pytest-socket (pyproject addopts) blocks every connection but loopback, so a test that
    made a third-party request would fail here rather than leak."""
    import socket

    from pytest_socket import SocketConnectBlockedError

    with pytest.warns(UserWarning, match="192.0.2.1"), pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1, never routed
