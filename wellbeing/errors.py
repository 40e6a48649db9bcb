"""Error pages in the visitor's language; never a stack trace.

An error page must not fail the way the page it replaces did: it builds no
URL from the request's query string, and if it cannot render at all, a plain
page with the same call buttons takes its place.
"""

from flask import Flask, current_app, g, jsonify, render_template, request
from flask.globals import request_ctx
from flask_babel import gettext
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, InternalServerError

from .crisis import LISTS, services
from .i18n import current_locale

# On an error page, the two numbers anyone can call.
URGENT = LISTS.error_page
# Paths that answer in JSON, errors included.
JSON_PATHS = ("/api/", "/openreferral/")


def fallback_page(urgent) -> str:
    """Return a bare page with the call buttons, for when the error page itself fails."""
    links = Markup("").join(
        Markup('<li><a href="tel:{}">{}: {}</a></li>').format(
            contact.phone.tel,
            service.name.get(current_locale())[0],
            gettext("Call %(number)s", number=contact.phone.display),
        )
        for service in urgent
        for contact in service.contacts
        if contact.kind == "phone" and contact.phone
    )
    title = gettext("Sorry, something went wrong")
    return Markup(
        '<!doctype html><html lang="{}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>{}</title></head><body><main><h1>{}</h1><p>{}</p><ul>{}</ul>"
        '<p><a href="{}">{}</a></p></main></body></html>'
    ).format(
        current_locale(),
        title,
        title,
        gettext(
            "Please try again later. If you need to talk to someone now, "
            "the numbers below still work."
        ),
        links,
        "/cy/help-now" if current_locale() == "cy" else "/help-now",
        gettext("More help now"),
    )


def render_error(template: str, error: HTTPException, status: int, headers=()):
    """Render an error page; should that fail too, the bare page with the call buttons."""
    g.error_page = True
    urgent = services(URGENT)
    if request_ctx.url_adapter is None:
        # A Host header that cannot be parsed or is not trusted: no URL can be built.
        return fallback_page(urgent), status, headers
    try:
        return render_template(template, error=error, urgent=urgent), status, headers
    except Exception:
        current_app.logger.exception("The error page failed; sent the plain one")
        return fallback_page(urgent), status, headers


def init_app(app: Flask) -> None:
    """Render every HTTP error with the site's layout and the call-now links."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        # Keep the error's own headers, such as Allow on a 405.
        headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
        if request.path.startswith(JSON_PATHS):
            return jsonify({"error": error.description}), error.code, headers
        template = "errors/404.html" if error.code == 404 else "errors/error.html"
        return render_error(template, error, error.code or 500, headers)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error")
        if request.path.startswith(JSON_PATHS):
            return jsonify({"error": "Sorry, something went wrong."}), 500
        return render_error("errors/error.html", InternalServerError(), 500)
