"""Error pages in the visitor's language; never a stack trace."""

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from .crisis import services

# On an error page, the two numbers anyone can call.
URGENT = ("emergency-999", "samaritans")
# Paths that answer in JSON, errors included.
JSON_PATHS = ("/api/", "/openreferral/")


def init_app(app: Flask) -> None:
    """Render every HTTP error with the site's layout and the call-now links."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        # Keep the error's own headers, such as Allow on a 405.
        headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
        if request.path.startswith(JSON_PATHS):
            return jsonify({"error": error.description}), error.code, headers
        template = "errors/404.html" if error.code == 404 else "errors/error.html"
        page = render_template(template, error=error, urgent=services(URGENT))
        return page, error.code, headers

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error")
        if request.path.startswith(JSON_PATHS):
            return jsonify({"error": "Sorry, something went wrong."}), 500
        page = render_template(
            "errors/error.html", error=InternalServerError(), urgent=services(URGENT)
        )
        return page, 500
