"""Small pages: the home page fits in one round trip, and pages are sent compressed."""

import gzip

import pytest

HOME_BUDGET = 14 * 1024


@pytest.mark.parametrize("url", ["/", "/cy/"])
def test_home_page_html_fits_in_14_kb_compressed(client, url):
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert len(response.get_data()) <= HOME_BUDGET


def test_compressed_page_is_the_same_page(client):
    plain = client.get("/help-now").get_data()
    packed = client.get("/help-now", headers={"Accept-Encoding": "gzip, br"})
    assert gzip.decompress(packed.get_data()) == plain
    assert "Accept-Encoding" in packed.headers["Vary"]


def test_pages_are_not_compressed_for_clients_that_do_not_ask(client):
    assert "Content-Encoding" not in client.get("/").headers


def test_every_force_page_fits_in_14_kb_compressed(app, client):
    # A force page is the page a force links from its intranet: one round trip, like home.
    for slug in app.extensions["content"].forces:
        for url in (f"/forces/{slug}", f"/cy/forces/{slug}"):
            response = client.get(url, headers={"Accept-Encoding": "gzip"})
            assert len(response.get_data()) <= HOME_BUDGET, url
