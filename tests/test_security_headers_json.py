"""Exact security headers on JSON API responses (tests/test_security_headers.py covers pages,
the worker, the manifest and static files)."""

import pytest

from .test_security_headers import CSP, PERMISSIONS


@pytest.fixture(
    params=[
        "/api/v1/forces",
        "/api/v1/forces/gwent",
        "/api/v1/locate?q=CF10+1AA",
        "/api/v1/locate?q=",
        "/api/v1/services?audience=nope",
        "/api/v1/forces/no-such-force",
        "/api/v1/openapi.json",
    ]
)
def response(request, client):
    return client.get(request.param)


def test_is_json(response):
    assert response.mimetype == "application/json"


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


def test_cors_open(response):
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_not_cached(response):
    assert response.headers["Cache-Control"] == "no-cache"


def test_no_cookie(response):
    assert "Set-Cookie" not in response.headers


def test_no_hsts_over_plain_http(response):
    assert "Strict-Transport-Security" not in response.headers


def test_hsts_over_https(client):
    response = client.get("/api/v1/forces", base_url="https://signpost.example")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_frame_ancestors_from_config_on_json():
    from .conftest import make_app

    app = make_app({"FRAME_ANCESTORS": ["https://intranet.force.example"]})
    response = app.test_client().get("/api/v1/forces")
    assert (
        "frame-ancestors https://intranet.force.example;"
        in response.headers["Content-Security-Policy"]
    )
    assert "X-Frame-Options" not in response.headers
