"""Rendered pages are kept in memory, but never a search."""

from .conftest import make_app


def test_a_cached_page_is_the_same_page_with_fresh_headers():
    app = make_app()
    client = app.test_client()
    first = client.get("/privacy")
    second = client.get("/privacy", base_url="https://signpost.example")
    assert second.get_data() == first.get_data()
    assert second.headers["Content-Type"] == first.headers["Content-Type"]
    assert "Strict-Transport-Security" not in first.headers
    assert second.headers["Strict-Transport-Security"]  # security headers are per request


def test_compressed_and_plain_pages_are_kept_apart():
    client = make_app().test_client()
    plain = client.get("/accessibility")
    packed = client.get("/accessibility", headers={"Accept-Encoding": "gzip"})
    again = client.get("/accessibility")
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in again.headers
    assert again.get_data() == plain.get_data()


def test_searches_and_errors_are_not_cached():
    app = make_app()
    client = app.test_client()
    client.get("/directory?q=zebracrossing")
    client.get("/no-such-page")
    client.get("/accessibility")
    paths = {path for path, _ in app.extensions["page_cache"]}
    assert "/accessibility" in paths
    assert not any("zebra" in p or "no-such-page" in p for p in paths)
    cached = b"".join(body for body, _ in app.extensions["page_cache"].values())
    assert b"zebracrossing" not in cached


def seconds(cache_control: str) -> dict[str, int]:
    return {
        name: int(value)
        for name, _, value in (d.strip().partition("=") for d in cache_control.split(","))
        if value
    }


def test_pages_may_be_shared_but_a_correction_reaches_everyone_within_the_hour(client):
    response = client.get("/help-now")
    cache_control = response.headers["Cache-Control"]
    assert cache_control.startswith("public, ")
    ages = seconds(cache_control)
    # The edge (or a CDN) may hand a browser a copy this old, and the browser keep it as long.
    per_layer = ages["max-age"] + ages["stale-while-revalidate"]
    assert 2 * per_layer <= 3600, cache_control
    # When the origin is down, a stale crisis page beats none.
    assert ages["stale-if-error"] >= 24 * 3600
    assert response.headers["Vary"] == "Accept-Encoding"


def test_a_page_named_by_its_etag_is_not_sent_again():
    client = make_app().test_client()
    first = client.get("/help-now", headers={"Accept-Encoding": "gzip"})
    tag = first.headers["ETag"]
    assert tag.startswith('"')  # strong: the same bytes, the same tag
    for _ in range(2):  # the page cache, then a fresh worker (another process), agree
        again = client.get("/help-now", headers={"Accept-Encoding": "gzip", "If-None-Match": tag})
        assert again.status_code == 304
        assert again.get_data() == b""
        assert again.headers["ETag"] == tag
        assert again.headers["Cache-Control"] == first.headers["Cache-Control"]
        assert again.headers["Content-Security-Policy"]
        assert "Content-Encoding" not in again.headers
        client = make_app().test_client()
    plain = client.get("/help-now", headers={"If-None-Match": tag})
    assert plain.status_code == 200 and plain.headers["ETag"] != tag
    changed = client.get("/help-now", headers={"If-None-Match": '"something-else"'})
    assert changed.status_code == 200 and changed.get_data() == plain.get_data()


def test_searches_carry_no_etag_and_are_not_stored(client):
    response = client.get("/directory?q=stress")
    assert response.headers["Cache-Control"] == "no-store"
    assert "ETag" not in response.headers
