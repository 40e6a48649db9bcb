"""Compression: pages, JSON and static files are sent compressed to browsers that accept it,
and never to one that refuses it (`gzip;q=0`)."""

import brotli
import pytest


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("gzip", "gzip"),
        ("gzip, deflate, br", "gzip"),
        ("*", "gzip"),
        ("GZIP;q=0.5", "gzip"),
        ("gzip;q=0", None),
        ("gzip;q=0, *", None),
        ("*;q=0", None),
        ("identity", None),
        ("x-gzip-not", None),
    ],
)
@pytest.mark.parametrize("url", ["/accessibility", "/api/v1/forces"])
def test_pages_and_json_honour_the_q_values(client, url, accept, expected):
    response = client.get(url, headers={"Accept-Encoding": accept})
    assert response.headers.get("Content-Encoding") == expected


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=0", None),
        ("gzip;q=0, br;q=0", None),
        ("", None),
    ],
)
def test_static_files_are_precompressed(app, client, accept, expected):
    url = "/static/" + app.extensions["static_manifest"]["css/app.css"]
    plain = client.get(url).get_data()
    response = client.get(url, headers={"Accept-Encoding": accept})
    assert response.headers.get("Content-Encoding") == expected
    assert response.headers["Vary"] == "Accept-Encoding"
    body = response.get_data()
    if expected == "br":
        assert brotli.decompress(body) == plain and len(body) < len(plain) / 3
    elif expected is None:
        assert body == plain
