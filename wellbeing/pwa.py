"""Installable and offline: the web app manifest, the service worker and /offline.

The service worker precaches a fixed list of pages (never what someone
visited: on a shared family phone the cache must not tell what was read)
and versions its cache from a hash of exactly the bytes it precaches.
"""

import hashlib
import json

from flask import Blueprint, Flask, Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext

from .assets import static_url
from .crisis import all_options
from .i18n import LOCALES, current_locale, localized_route

bp = Blueprint("pwa", __name__)

# Pages precached on install in both languages, so the crisis line works offline
# whichever language was used last.
CRISIS_ENDPOINTS = ("crisis.home", "crisis.help_now", "pwa.offline", "pwa.manifest")
# Static files the precached pages use (every script: force pages use them too).
PRECACHE_STATIC = (
    "css/app.css",
    "icons/icon.svg",
    "js/app.js",
    "js/your-force.js",
    "js/open-now.js",
    "js/exit-this-page.js",
    "js/save-force.js",
    "js/use-location.js",
    "js/replace-links.js",
)
THEME_COLOUR = "#1d3f72"
NAVIGATION_TIMEOUT_MS = 3000


@localized_route(bp, "/offline")
def offline():
    """Show the call buttons to someone offline on a page this device has not saved.

    Every nation's options are in the page; the saved force, or a `?force=` link
    opened offline, picks them in the browser (England and Wales without either).
    """
    return render_template("pwa/offline.html", **all_options())


@localized_route(bp, "/manifest.webmanifest")
def manifest():
    """Describe the installable app, in the page's language."""
    body = {
        "id": "/",
        "name": gettext("Police Wellbeing Signpost"),
        "short_name": gettext("Wellbeing"),
        "description": gettext(
            "Crisis lines, wellbeing services and force support for UK police "
            "officers, staff, volunteers and their families."
        ),
        "lang": current_locale(),
        "start_url": url_for("crisis.home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            _icon("icons/icon-192.png", "192x192"),
            _icon("icons/icon-512.png", "512x512"),
            _icon("icons/icon-maskable-512.png", "512x512", "maskable"),
            _icon("icons/icon.svg", "any"),
        ],
        "shortcuts": [
            {
                "name": gettext("Help now"),
                "short_name": gettext("Help now"),
                "url": url_for("crisis.help_now"),
                "icons": [_icon("icons/icon-192.png", "192x192")],
            }
        ],
    }
    response = current_app.response_class(
        json.dumps(body, ensure_ascii=False), mimetype="application/manifest+json"
    )
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.route("/sw.js")
def service_worker():
    """Serve the worker from the root so its scope is the whole site.

    `?lang=cy` gives the Welsh worker: the directory is precached in the
    visitor's language only (the crisis pages in both).
    """
    lang = request.args.get("lang", "en")
    if lang not in LOCALES:
        abort(400)
    if current_app.config.get("SW_KILL_SWITCH"):
        body = render_template("pwa/sw-kill-switch.js")
    else:
        precache = current_app.extensions["precache"][lang]
        body = render_template(
            "pwa/sw.js",
            version=precache["version"],
            urls=precache["urls"],
            offline={lang: url_for("pwa.offline", lang_code=lang) for lang in LOCALES},
            timeout=NAVIGATION_TIMEOUT_MS,
            page_end="/" if current_app.config.get("STATIC_EXPORT") else "",
        )
    response = Response(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


def _icon(name: str, sizes: str, purpose: str = "any") -> dict:
    kind = "image/png" if name.endswith(".png") else "image/svg+xml"
    return {"src": static_url(name), "sizes": sizes, "type": kind, "purpose": purpose}


def directory_urls(app: Flask, lang: str) -> list[str]:
    """List the directory, families (with every guide) and treatment-centre pages in one
    language, whole."""
    content = app.extensions["content"]
    urls = [
        url_for(e, lang_code=lang)
        for e in (
            "directory.index",
            "directory.families",
            "directory.treatment_centres",
            "directory.exit_this_page",
        )
    ]
    urls += [url_for("directory.category", category=c, lang_code=lang) for c in content.categories]
    urls += [url_for("directory.service", service_id=s, lang_code=lang) for s in content.services]
    urls += [url_for("families.guide", slug=g, lang_code=lang) for g in content.guides]
    return urls


def precache_urls(app: Flask, lang: str) -> list[str]:
    """List every URL the worker for `lang` precaches."""
    with app.test_request_context():
        crisis = [url_for(e, lang_code=code) for code in LOCALES for e in CRISIS_ENDPOINTS]
        static = ["/static/" + app.extensions["static_manifest"][f] for f in PRECACHE_STATIC]
        return crisis + static + directory_urls(app, lang)


def init_precache(app: Flask) -> None:
    """Render the precached URLs once and derive each cache version from their bytes."""
    client = app.test_client()
    bodies = {}
    app.extensions["precache"] = {}
    for lang in LOCALES:
        urls = precache_urls(app, lang)
        digest = hashlib.sha256()
        for url in urls:
            if url not in bodies:
                response = client.get(url)
                if response.status_code != 200:
                    raise RuntimeError(f"Precached URL {url} answered {response.status_code}")
                bodies[url] = response.get_data()
                response.close()
            digest.update(url.encode() + b"\0" + bodies[url] + b"\0")
        app.extensions["precache"][lang] = {
            "version": f"{lang}-{digest.hexdigest()[:16]}",
            "urls": urls,
        }
