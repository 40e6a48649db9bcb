"""Gzip pages and JSON for clients that accept it.

On one bar of signal every kilobyte counts, and the app may run without a
compressing proxy in front. Static files are pre-compressed for WhiteNoise instead.
"""

import gzip

from flask import Flask, request
from werkzeug.http import parse_accept_header

COMPRESSIBLE = {"text/html", "application/json", "text/javascript", "application/manifest+json"}
MINIMUM_BYTES = 512


def accepts_gzip() -> bool:
    """Say whether this request accepts gzip, by the header's q-values (`gzip;q=0` is a no)."""
    return request.accept_encodings["gzip"] > 0


def init_app(app: Flask) -> None:
    """Compress eligible responses once they are complete."""

    @app.after_request
    def compress(response):
        if (
            response.mimetype not in COMPRESSIBLE
            or response.direct_passthrough
            or response.status_code < 200
            or response.status_code in (204, 304)
            or "Content-Encoding" in response.headers
        ):
            return response
        data = response.get_data()
        if len(data) < MINIMUM_BYTES:
            return response
        # Both copies say so, or a shared cache could hand the plain one to everyone.
        response.vary.add("Accept-Encoding")
        if not accepts_gzip():
            return response
        response.set_data(gzip.compress(data, compresslevel=6, mtime=0))
        response.headers["Content-Encoding"] = "gzip"
        return response


def only_accepted_encodings(wsgi_app):
    """Wrap WhiteNoise, which finds "gzip" anywhere in Accept-Encoding (even `gzip;q=0`):
    name only the encodings it can send that the client accepts (q > 0)."""

    def app(environ, start_response):
        header = environ.get("HTTP_ACCEPT_ENCODING", "")
        if ";" in header:
            accepted = parse_accept_header(header)
            environ["HTTP_ACCEPT_ENCODING"] = ", ".join(
                coding for coding in ("br", "gzip") if accepted[coding] > 0
            )
        return wsgi_app(environ, start_response)

    return app
