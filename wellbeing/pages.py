"""About the service: the accessibility statement and the privacy notice."""

from flask import Blueprint, render_template

from .i18n import localized_route

bp = Blueprint("pages", __name__)


@localized_route(bp, "/accessibility")
def accessibility():
    """Say how accessible the site is and how to report a problem."""
    return render_template("pages/accessibility.html")


@localized_route(bp, "/privacy")
def privacy():
    """Say what is and is not stored, on the server and on the device."""
    return render_template("pages/privacy.html")
