"""Installable and offline: the manifest, the service worker and its precache."""

import json
import re

import pytest


def test_manifest_describes_an_installable_app(client):
    response = client.get("/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    assert response.headers["Cache-Control"] == "no-cache"
    manifest = json.loads(response.get_data())
    assert manifest["name"] == "Police Wellbeing Signpost"
    assert manifest["short_name"]
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] and manifest["background_color"]
    sizes = {(i["sizes"], i["purpose"]) for i in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    assert manifest["shortcuts"][0]["url"] == "/help-now"
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_welsh_manifest_starts_in_welsh(client):
    manifest = json.loads(client.get("/cy/manifest.webmanifest").get_data())
    assert manifest["start_url"] == "/cy/"
    assert manifest["lang"] == "cy"
    assert manifest["shortcuts"][0]["url"] == "/cy/help-now"


def test_service_worker_is_served_from_the_root_uncached(client):
    response = client.get("/sw.js")
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"


def precache_list(client) -> list[str]:
    body = client.get("/sw.js").get_data(as_text=True)
    return json.loads(re.search(r"const PRECACHE = (\[.*?\]);", body).group(1))


def test_precache_holds_the_crisis_pages_in_both_languages(client):
    urls = precache_list(client)
    for url in ["/", "/help-now", "/offline", "/cy/", "/cy/help-now", "/cy/offline"]:
        assert url in urls
    assert any(re.fullmatch(r"/static/css/app\.[0-9a-f]{12}\.css", u) for u in urls)


def test_every_precached_url_answers_200(client):
    for url in precache_list(client):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Set-Cookie" not in response.headers


def test_cache_version_is_derived_from_the_precached_content(app, client):
    body = client.get("/sw.js").get_data(as_text=True)
    version = re.search(r'const CACHE = PREFIX \+ "(en-[0-9a-f]+)"', body).group(1)
    assert version == app.extensions["precache"]["en"]["version"]


def test_hashed_static_files_are_immutable(app, client):
    url = "/static/" + app.extensions["static_manifest"]["css/app.css"]
    response = client.get(url)
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=315360000" in response.headers["Cache-Control"]


def test_unhashed_static_files_are_cached_briefly(client):
    response = client.get("/static/css/app.css")
    assert response.headers["Cache-Control"] == "max-age=3600, public"


def test_kill_switch_serves_a_worker_that_removes_itself():
    from .conftest import make_app

    app = make_app({"SW_KILL_SWITCH": True})
    body = app.test_client().get("/sw.js").get_data(as_text=True)
    assert "registration.unregister()" in body
    assert "addAll" not in body


@pytest.mark.parametrize("url", ["/sw.js", "/manifest.webmanifest", "/static/js/app.js"])
def test_pwa_files_have_no_third_party_urls(client, url):
    body = client.get(url).get_data(as_text=True)
    assert not re.search(r"https?://", body), url
