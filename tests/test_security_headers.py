"""Exact values of every security header, on every kind of response."""

import pytest

from wellbeing.config import ConfigError, load_config

from .conftest import make_app

CSP = (
    "default-src 'none'; base-uri 'none'; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; img-src 'self'; manifest-src 'self'; object-src 'none'; "
    "script-src 'self'; style-src 'self'; worker-src 'self'"
)
PERMISSIONS = (
    "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)


JSON_URLS = {
    "json": "/api/v1/forces",
    "json locate": "/api/v1/locate?q=CF10+1AA",
    "json 400": "/api/v1/locate?q=",
    "json 404": "/api/v1/forces/no-such-force",
    "openapi": "/api/v1/openapi.json",
}


@pytest.fixture(params=["page", "welsh page", "404", "sw", "manifest", "static", *JSON_URLS])
def response(request, app, client):
    urls = {
        "page": "/",
        "welsh page": "/cy/help-now",
        "404": "/nope",
        "sw": "/sw.js",
        "manifest": "/manifest.webmanifest",
        "static": "/static/" + app.extensions["static_manifest"]["css/app.css"],
        **JSON_URLS,
    }
    return client.get(urls[request.param])


@pytest.mark.parametrize("url", JSON_URLS.values())
def test_json_is_cors_open_and_not_cached(client, url):
    response = client.get(url)
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    # An answer to a search is not even stored (tests/test_query_strings.py).
    assert response.headers["Cache-Control"] == ("no-store" if "?" in url else "no-cache")


def test_content_security_policy(response):
    assert response.headers["Content-Security-Policy"] == CSP


def test_nosniff(response):
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_referrer_policy(response):
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_permissions_policy(response):
    assert response.headers["Permissions-Policy"] == PERMISSIONS


def test_frame_options(response):
    assert response.headers["X-Frame-Options"] == "DENY"


def test_opener_policy(response):
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_no_cookie(response):
    assert "Set-Cookie" not in response.headers


def test_no_hsts_over_plain_http(response):
    assert "Strict-Transport-Security" not in response.headers


def test_hsts_over_https(client):
    response = client.get("/", base_url="https://signpost.example")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_frame_ancestors_from_config_apply_to_the_call_card_only():
    client = make_app({"FRAME_ANCESTORS": ["https://intranet.force.example"]}).test_client()
    card = client.get("/embed/forces/gwent")
    assert card.headers["Content-Security-Policy"] == CSP.replace(
        "frame-ancestors 'none'", "frame-ancestors https://intranet.force.example"
    )
    assert "X-Frame-Options" not in card.headers
    # Every other page: see tests/test_kit.py, over one URL of every route.
    home = client.get("/")
    assert home.headers["Content-Security-Policy"] == CSP
    assert home.headers["X-Frame-Options"] == "DENY"


def test_frame_ancestors_from_environment(monkeypatch):
    monkeypatch.setenv("WELLBEING_FRAME_ANCESTORS", "'self' https://intranet.force.example")
    app = make_app()
    csp = app.test_client().get("/cy/embed/forces/kent").headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://intranet.force.example;" in csp


def test_hsts_behind_a_trusted_proxy():
    app = make_app({"PROXY_FIX": 1})
    response = app.test_client().get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.parametrize(
    "value",
    [
        "https://intranet.force.example; script-src *",
        "'self' 'unsafe-inline'",
        "*",
        "https:",
        "'none' https://intranet.force.example",
        "https://intranet.force.example/path",
        "javascript:alert(1)",
        " ",
    ],
)
def test_frame_ancestors_other_than_origins_stop_start_up(monkeypatch, value):
    monkeypatch.setenv("WELLBEING_FRAME_ANCESTORS", value)
    with pytest.raises(ConfigError, match="WELLBEING_FRAME_ANCESTORS"):
        load_config()


@pytest.mark.parametrize(
    "value", ["'none'", "'self'", "https://intranet.force.example:8443 https://*.police.example"]
)
def test_frame_ancestors_origins_are_accepted(monkeypatch, value):
    monkeypatch.setenv("WELLBEING_FRAME_ANCESTORS", value)
    assert load_config()["FRAME_ANCESTORS"] == value.split()


# ---- the Host header is not trusted ----------------------------------------------------------

EVIL = {"Host": "evil.example"}


@pytest.mark.parametrize(("url", "location"), [("/cy", "/cy/"), ("/help-now?x=1", "/help-now")])
def test_redirects_are_relative_whatever_the_host(client, url, location):
    response = client.get(url, headers=EVIL)
    assert response.headers["Location"] == location


def test_api_urls_use_the_configured_origin_not_the_host():
    client = make_app({"BASE_URL": "https://signpost.example/", "PROXY_FIX": 1}).test_client()
    for headers in (EVIL, {"X-Forwarded-Host": "evil.example"}):
        body = client.get("/api/v1/forces/gwent", headers=headers).get_json()
        assert body["url"] == "https://signpost.example/forces/gwent"
        assert body["services"][0]["url"].startswith("https://signpost.example/services/")
        located = client.get("/api/v1/locate?q=CF10+1AA", headers=headers).get_json()
        assert located["forces"][0]["url"] == "https://signpost.example/forces/south-wales"


def test_unknown_hosts_are_refused_when_trusted_hosts_are_set():
    client = make_app({"TRUSTED_HOSTS": ["signpost.example"]}).test_client()
    assert client.get("/help-now", headers={"Host": "signpost.example"}).status_code == 200
    refused = client.get("/help-now", headers=EVIL)
    assert refused.status_code == 400
    assert 'href="tel:999"' in refused.get_data(as_text=True)
    assert client.get("/api/v1/forces", headers=EVIL).status_code == 400


@pytest.mark.parametrize("url", ["/", "/cy", "/forces/gwent", "/api/v1/forces", "/nope"])
def test_a_host_label_over_63_characters_is_a_400(client, url):
    response = client.get(url, headers={"Host": "a" * 64 + ".example"})
    assert response.status_code == 400
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize("value", ["signpost.example", "https://signpost.example/path", "ftp://x"])
def test_a_base_url_that_is_not_an_origin_stops_start_up(monkeypatch, value):
    monkeypatch.setenv("WELLBEING_BASE_URL", value)
    with pytest.raises(ConfigError, match="WELLBEING_BASE_URL"):
        load_config()
