"""Security and privacy headers, set in one place for every response.

Flask's `after_request` covers pages, JSON and `/sw.js`; WhiteNoise serves
static files before Flask sees them, so it calls `static_headers` too.

No page may be framed (`frame-ancestors 'none'`, `X-Frame-Options: DENY`)
except the views marked `@frameable` (the embeddable call card), which the
origins in `WELLBEING_FRAME_ANCESTORS` may frame.
"""

from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

from flask import Flask, request

View = TypeVar("View", bound=Callable)
NO_FRAMING = ["'none'"]

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
HSTS = "max-age=31536000; includeSubDomains"


def content_security_policy(frame_ancestors: list[str]) -> str:
    """Build the CSP: nothing by default, this origin only where a page needs it."""
    policy = {
        "default-src": ["'none'"],
        "base-uri": ["'none'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": frame_ancestors,
        "img-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "worker-src": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def security_headers(frame_ancestors: list[str]) -> dict[str, str]:
    """Return the headers every response carries, whatever serves it."""
    headers = {
        "Content-Security-Policy": content_security_policy(frame_ancestors),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if frame_ancestors == NO_FRAMING:
        # For browsers that predate frame-ancestors; omitted when a force's
        # intranet is allowed to frame a page (ALLOW-FROM is obsolete).
        headers["X-Frame-Options"] = "DENY"
    return headers


def frameable(view: View) -> View:
    """Mark a view as one the configured frame ancestors may frame (every other: none)."""
    view.frameable = True  # type: ignore[attr-defined]  # a marker read by add_security_headers
    return view


def init_app(app: Flask) -> None:
    """Add the headers to every Flask response, and HSTS when served over HTTPS."""
    headers = security_headers(NO_FRAMING)
    framed = security_headers(app.config["FRAME_ANCESTORS"])
    app.extensions["security_headers"] = headers

    @app.after_request
    def add_security_headers(response):
        # A cached page is answered before its view runs, but after the URL matched:
        # the endpoint, and so the view's marker, is known either way.
        view = app.view_functions.get(request.endpoint) if request.endpoint else None
        response.headers.update(framed if getattr(view, "frameable", False) else headers)
        relative_location(response)
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = HSTS
        return response


def relative_location(response) -> None:
    """Make a redirect to this site relative, so it never names the Host the client sent.

    Werkzeug's own redirects (`/cy` -> `/cy/`) are absolute, built from the Host header:
    `Host: evil.example` would otherwise redirect a visitor (or a shared cache) there.
    """
    location = response.headers.get("Location")
    if not location:
        return
    parts = urlsplit(location)
    # A path starting `//` would read as another host (a protocol-relative URL).
    path = "/" + parts.path.lstrip("/\\")
    if parts.netloc or location.startswith(("//", "/\\")):
        response.headers["Location"] = urlunsplit(("", "", path, parts.query, parts.fragment))


def static_headers(app: Flask):
    """Return a WhiteNoise `add_headers_function` that adds the same headers."""

    def add(headers, path, url):
        for name, value in app.extensions["security_headers"].items():
            headers[name] = value

    return add
