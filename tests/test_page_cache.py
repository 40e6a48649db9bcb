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
