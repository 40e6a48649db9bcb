"""Query strings: one URL per page, and no search kept on the device.

A page answers only the query parameters it reads. Any other parameter
(`?utm_source=`, `?x=1`) redirects to the same URL without it, so the page
cache serves it, and a stray name can never reach a view. The JSON APIs
(`/api/v1`, `/openreferral`) ignore unknown parameters instead (a redirect would
cost a client a round trip, and their pages are not cached).

Every response to a request with a query string is a search, a location or a
force link: it is sent with `Cache-Control: no-store`, so the browser's disk
cache does not keep "CF10 1AA -> South Wales Police".
"""

from urllib.parse import urlencode

from flask import Flask, redirect, request, url_for

# The query parameters each page reads. A new page that reads one must list it
# here (tests/test_sweep.py checks the sweep's queries against this table).
PARAMETERS = {
    "crisis.home": ("force",),
    "directory.index": ("q", "audience", "nation"),
    "families.guide": ("nation",),
    "reports.form": ("section",),
    "forces.find_your_force": ("q", "lat", "lng"),
    "pwa.service_worker": ("lang",),
}
# Blueprints that answer JSON: left alone.
JSON_BLUEPRINTS = ("api", "oruk")


def canonical_query(endpoint: str | None) -> str | None:
    """Return the query string this request should have, or None if it already has it."""
    if not request.query_string or endpoint is None:
        return None
    if endpoint.partition(".")[0] in JSON_BLUEPRINTS:
        return None
    known = PARAMETERS.get(endpoint, ())
    if request.args and all(name in known for name in request.args):
        return None
    return urlencode([(n, v) for n, v in request.args.items(multi=True) if n in known])


def init_app(app: Flask) -> None:
    """Redirect unknown query parameters away, and keep queried answers out of caches.

    Register this before the page cache: its `after_request` then runs last.
    """

    @app.before_request
    def drop_unknown_parameters():
        if request.method not in ("GET", "HEAD"):
            return None
        endpoint = request.endpoint
        if endpoint is None:
            return None
        query = canonical_query(endpoint)
        if query is None:
            return None
        # Built from the URL map, so a path value keeps its quoting (`%2F` stays `%2F`).
        path = url_for(endpoint, **(request.view_args or {}))
        return redirect(f"{path}?{query}" if query else path, code=302)

    @app.after_request
    def no_store_when_queried(response):
        if request.query_string:
            response.headers["Cache-Control"] = "no-store"
        return response
