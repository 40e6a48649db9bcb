"""Absolute URLs to this site, for what leaves it: intranet snippets, QR codes, print.

They are built from `WELLBEING_BASE_URL` (`app.config["BASE_URL"]`), never from
the Host header: pages are cached in memory by path, and a Host header is the
client's to choose. Without a configured address there is no absolute URL, and
the pages that need one say so.
"""

from typing import Any

from flask import current_app, url_for


def absolute_url(endpoint: str, **values: Any) -> str | None:
    """Return the absolute URL of an endpoint on the configured origin, or None if unset."""
    base: str | None = current_app.config["BASE_URL"]
    if not base:
        return None
    return base + url_for(endpoint, **values)
