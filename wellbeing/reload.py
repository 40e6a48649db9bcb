"""Put corrected content live on a graceful reload (`kill -HUP <gunicorn master>`).

Gunicorn preloads the app in its master, so workers share the locator tables
(copy-on-write) and a reload forks new workers from the master's memory. On
SIGHUP, gunicorn.conf.py's `on_reload` calls `reload_content` in the master
before it forks them: the content is read and validated again, and only if it
is whole does it replace the old. A broken change is refused with one log line
and the old content keeps serving. The locator is never reloaded.
"""

from pathlib import Path

from flask import Flask

from . import directory, pwa
from .config import PACKAGE_DIR
from .content import Content, ContentError, load_content
from .content.xref import require


def read_content(app: Flask) -> Content:
    """Read and validate every content file; raise ContentError listing every problem.

    The call-now lists' service ids are checked with the rest (call_now.toml).
    """
    extra = app.config["DATA_DIR"]
    content = load_content(PACKAGE_DIR / "data", Path(extra) if extra else None)
    require(content.categories, directory.CATEGORIES_USED, "category")
    return content


def reload_content(app: Flask) -> tuple[bool, str]:
    """Re-read the content; swap it in if it is valid. Return (done, a line for the log)."""
    try:
        content = read_content(app)
    except ContentError as error:
        problems = "; ".join(error.problems)  # one log line
        return False, f"Content reload refused, still serving the previous content: {problems}"
    old = app.extensions["content"], app.extensions["precache"]
    app.extensions["content"] = content
    app.extensions["page_cache"].clear()
    try:
        precache(app)
    except Exception as error:  # a page that no longer renders: keep what worked
        app.extensions["content"], app.extensions["precache"] = old
        app.extensions["page_cache"].clear()
        return False, f"Content reload refused, still serving the previous content: {error}"
    return True, f"Content reloaded: {len(content.services)} services, {len(content.forces)} forces"


def precache(app: Flask) -> None:
    """Render the service worker's precache. Start-up renders as localhost, so the
    Host check (TRUSTED_HOSTS) is off meanwhile."""
    trusted_hosts, app.config["TRUSTED_HOSTS"] = app.config["TRUSTED_HOSTS"], None
    try:
        pwa.init_precache(app)
    finally:
        app.config["TRUSTED_HOSTS"] = trusted_hosts
