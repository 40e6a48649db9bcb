"""Keep each rendered page in memory after its first request, and let every
cache on the way (the edge, a CDN, the browser) keep it too.

Pages depend only on the URL and on content that is loaded once at start-up,
so a page without a query string renders the same bytes every time. Caching
them makes pages about as cheap to serve as static files. Pages with a query
string (searches) are never cached: there are unboundedly many, and a search
term should not outlive its request (queries.py sends them `no-store`).

Each cached page gets a strong ETag (a hash of the body as sent, so the gzip
and plain copies differ) and `Cache-Control: CACHE_CONTROL`; a request whose
`If-None-Match` names it gets a 304 with no body.
"""

import hashlib

from flask import Flask, Response, current_app, g, request

from .compression import accepts_gzip

# How long a shared cache (the edge, a CDN) and the browser may keep a page.
# A corrected phone number must reach every visitor within the hour, counting
# every layer: a copy may be up to max-age + stale-while-revalidate old when the
# edge hands it to a browser (nginx sends its own Date, no Age), and the browser
# may keep it that long again. 5 + 10 minutes per layer: 30 minutes through the
# edge and the browser, 45 with a CDN in front of the edge as well.
# stale-if-error is long on purpose: when the origin is down, a crisis page a
# week old (its 999 and helplines rarely change) beats no page at all.
MAX_AGE = 5 * 60
STALE_WHILE_REVALIDATE = 10 * 60
STALE_IF_ERROR = 7 * 24 * 60 * 60
CACHE_CONTROL = (
    f"public, max-age={MAX_AGE}, stale-while-revalidate={STALE_WHILE_REVALIDATE}, "
    f"stale-if-error={STALE_IF_ERROR}"
)

# Headers that belong to the page itself; security headers are added per request.
KEPT_HEADERS = ("Content-Type", "Content-Encoding", "Vary", "Cache-Control", "ETag")
# What a 304 repeats of the page's headers (RFC 9110 15.4.5).
NOT_MODIFIED_HEADERS = ("Vary", "Cache-Control", "ETag")


def _key() -> tuple[str, bool] | None:
    if request.method not in ("GET", "HEAD") or request.query_string or request.routing_exception:
        # A routing error includes a Host header that is bad or not trusted.
        return None
    return request.path, accepts_gzip()


def etag(body: bytes) -> str:
    """Return a strong ETag for a body: the same bytes, the same tag."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def init_app(app: Flask) -> None:
    """Serve cached pages (or a 304) before any view runs; store fresh ones after
    every other hook.

    Register this before the other `after_request` hooks: Flask runs them in
    reverse, so the cache sees the final, compressed page.
    """
    cache: dict[tuple[str, bool], tuple[bytes, list[tuple[str, str]]]] = {}
    app.extensions["page_cache"] = cache

    @app.before_request
    def serve_cached():
        key = _key()
        if key not in cache:
            return None
        g.page_from_cache = True
        return answer(*cache[key])

    @app.after_request
    def store(response):
        key = _key()
        if (
            key is not None
            and request.method == "GET"
            and not g.get("page_from_cache")
            and response.status_code == 200
            and response.mimetype == "text/html"
            and not response.direct_passthrough
        ):
            body = response.get_data()
            response.headers.setdefault("Cache-Control", CACHE_CONTROL)
            response.headers["ETag"] = etag(body)
            headers = [
                (name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers
            ]
            cache[key] = (body, headers)
            if not_modified(headers):
                # Another worker, or this one before a restart, sent the same page.
                response.status_code = 304
                response.set_data(b"")
                for name in ("Content-Type", "Content-Encoding", "Content-Length"):
                    del response.headers[name]
        return response


def answer(body: bytes, headers: list[tuple[str, str]]) -> Response:
    """Return the page, or a bodiless 304 if the request's If-None-Match names it."""
    if not_modified(headers):
        kept = [(name, value) for name, value in headers if name in NOT_MODIFIED_HEADERS]
        response = current_app.response_class(status=304, headers=kept)
        del response.headers["Content-Type"]
        return response
    return current_app.response_class(body, headers=headers)


def not_modified(headers: list[tuple[str, str]]) -> bool:
    """Say whether the request's If-None-Match names this page's ETag (weak comparison)."""
    return request.if_none_match.contains_weak(dict(headers)["ETag"].strip('"'))
