"""Keep each rendered page in memory after its first request.

Pages depend only on the URL and on content that is loaded once at start-up,
so a page without a query string renders the same bytes every time. Caching
them makes pages about as cheap to serve as static files. Pages with a query
string (searches) are never cached: there are unboundedly many, and a search
term should not outlive its request.
"""

from flask import Flask, g, request

from .compression import accepts_gzip

# Headers that belong to the page itself; security headers are added per request.
KEPT_HEADERS = ("Content-Type", "Content-Encoding", "Vary", "Cache-Control")


def _key() -> tuple[str, bool] | None:
    if request.method != "GET" or request.query_string or request.routing_exception:
        # A routing error includes a Host header that is bad or not trusted.
        return None
    return request.path, accepts_gzip()


def init_app(app: Flask) -> None:
    """Serve cached pages before any view runs; store fresh ones after every other hook.

    Register this before the other `after_request` hooks: Flask runs them in
    reverse, so the cache sees the final, compressed page.
    """
    cache: dict[tuple[str, bool], tuple[bytes, list[tuple[str, str]]]] = {}
    app.extensions["page_cache"] = cache

    @app.before_request
    def serve_cached():
        key = _key()
        if key in cache:
            body, headers = cache[key]
            g.page_from_cache = True
            return app.response_class(body, headers=headers)
        return None

    @app.after_request
    def store(response):
        key = _key()
        if (
            key is not None
            and not g.get("page_from_cache")
            and response.status_code == 200
            and response.mimetype == "text/html"
            and not response.direct_passthrough
        ):
            headers = [
                (name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers
            ]
            cache[key] = (response.get_data(), headers)
        return response
