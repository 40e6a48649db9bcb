"""English and Welsh: the language lives in the URL (`/cy/...`), never in a cookie.

Every page is registered twice, at `/path` (English) and `/cy/path` (Welsh),
so pages stay cacheable by the service worker and shareable as links.
"""

from babel.dates import format_date as babel_format_date
from flask import Blueprint, Flask, g, request, url_for
from flask_babel import Babel, gettext
from markupsafe import Markup

LOCALES = ("en", "cy")
LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}


def localized_route(bp: Blueprint, rule: str, **options):
    """Register a view at `rule` for English and at `/cy<rule>` for Welsh."""

    def decorator(view):
        bp.add_url_rule(rule, view_func=view, defaults={"lang_code": "en"}, **options)
        bp.add_url_rule(f"/<any(cy):lang_code>{rule}", view_func=view, **options)
        return view

    return decorator


def current_locale() -> str:
    """Return the locale of this request: from the URL, else from the path prefix."""
    lang = g.get("lang_code")
    if lang in LOCALES:
        return lang
    # Error pages for unmatched URLs have no view args; read the prefix instead.
    if request and (request.path == "/cy" or request.path.startswith("/cy/")):
        return "cy"
    return "en"


def switch_language_url(target: str) -> str:
    """Return this page's URL in the other language (the switcher is a plain link).

    The query string is carried over as it came, never as `url_for` arguments: a
    query named like a route argument (`?slug=`, `?lang_code=`, `?_method=`) must
    not change which URL is built, nor fail to build one.
    """
    rule = request.url_rule
    if g.get("error_page"):
        # An error page links to the home page: its own URL may be what failed.
        return url_for("crisis.home", lang_code=target)
    if request.endpoint and rule and "lang_code" in rule.arguments:
        path = url_for(request.endpoint, **dict(request.view_args or {}, lang_code=target))
        query = request.query_string.decode("latin-1")
        return f"{path}?{query}" if query else path
    return url_for("crisis.home", lang_code=target)


def localized(text) -> str | Markup:
    """Render content text in this page's language, marking an English fallback `lang="en"`."""
    locale = current_locale()
    value, lang = text.get(locale)
    if lang != locale:
        return Markup('<span lang="{}">{}</span>').format(lang, value)
    return value


def localized_paragraphs(text) -> Markup:
    """Render multi-paragraph content text (blank-line separated) as `<p>` elements."""
    locale = current_locale()
    value, lang = text.get(locale)
    attribute = Markup(' lang="{}"').format(lang) if lang != locale else ""
    paragraphs = [p.strip() for p in value.split("\n\n") if p.strip()]
    return Markup("\n").join(Markup("<p{}>{}</p>").format(attribute, p) for p in paragraphs)


def format_date(day, format="long") -> str:
    """Format a date for this page: "27 November 2026" in English, "27 Tachwedd 2026" in Welsh."""
    # Babel's plain "en" is US English ("November 27, 2026"); our readers are in the UK.
    locale = "cy" if current_locale() == "cy" else "en_GB"
    return babel_format_date(day, format, locale=locale)


def init_app(app: Flask) -> None:
    """Wire Flask-Babel to the URL's locale and check Welsh really loads.

    The catalogue is compiled (`.po` -> `.mo`) when the app is built or started
    (`make run`, `make test`, `make wheel`), never here: a worker must not write
    into the source tree, which may be read-only.
    """
    Babel(app, locale_selector=current_locale)

    @app.url_value_preprocessor
    def pull_lang_code(endpoint, values):
        if values and "lang_code" in values:
            g.lang_code = values.pop("lang_code")

    @app.url_defaults
    def add_lang_code(endpoint, values):
        if "lang_code" in values or not app.url_map.is_endpoint_expecting(endpoint, "lang_code"):
            return
        values["lang_code"] = current_locale()

    @app.context_processor
    def language_context():
        lang = current_locale()
        other = "en" if lang == "cy" else "cy"
        return {
            "lang": lang,
            "other_lang": other,
            "other_lang_name": LANGUAGE_NAMES[other],
            "switch_language_url": switch_language_url,
            "t": localized,
            "t_paragraphs": localized_paragraphs,
        }

    # Fail at start-up, not silently in English, if the Welsh catalogue did not load.
    with app.test_request_context("/cy/"):
        g.lang_code = "cy"
        if gettext("Skip to main content") == "Skip to main content":
            raise RuntimeError(
                "The Welsh catalogue did not load from "
                f"{app.config['BABEL_TRANSLATION_DIRECTORIES']}: run `make compile-strings`."
            )
