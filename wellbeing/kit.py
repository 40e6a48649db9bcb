"""A force's kit for its wellbeing lead: intranet links, an embeddable call card and more.

`/forces/<slug>/kit` gathers, for one force, copy-ready HTML for an intranet
(a plain link and a small button, with no script and no tracking), the
address of the family page, and the call card at `/embed/forces/<slug>`, the
one page other sites may frame (only the origins in `WELLBEING_FRAME_ANCESTORS`).
The printables (poster, wallet card) live in their own blueprint.

Absolute URLs come from `WELLBEING_BASE_URL` (see urls.py). A Welsh force gets
every part in both languages, side by side.
"""

from dataclasses import dataclass, replace

from flask import Blueprint, abort, current_app, render_template, url_for
from flask_babel import force_locale, gettext
from markupsafe import Markup

from .crisis import call_now_for, call_now_key
from .i18n import LANGUAGE_NAMES, current_locale, localized_route
from .security import frameable
from .urls import absolute_url

bp = Blueprint("kit", __name__)

# The button's look travels with it: it is pasted into someone else's page, whose
# stylesheet we do not know, so (here only) the style is inline. 9.6:1 contrast.
BUTTON_STYLE = (
    "display:inline-block;padding:12px 16px;border-radius:6px;background:#1d3f72;"
    "color:#ffffff;font-weight:bold;text-decoration:none"
)
IFRAME_STYLE = "border:0;width:100%;max-width:400px"


@dataclass(frozen=True)
class Version:
    """One language's addresses and copy-ready HTML (the HTML only with a configured address)."""

    lang: str
    language: str
    force_path: str
    family_path: str
    embed_path: str
    force_url: str | None
    family_url: str | None
    embed_url: str | None
    link: str | None = None
    button: str | None = None
    iframe: str | None = None


def find_force(slug: str):
    return current_app.extensions["content"].forces.get(slug) or abort(404)


def languages(force) -> tuple[str, ...]:
    """Return the languages a force's kit offers: a Welsh force gets both."""
    return ("en", "cy") if force.nation == "wales" else (current_locale(),)


def version(force, lang: str) -> Version:
    """Build one language's addresses and, where there is an address, its snippets."""

    def path(endpoint: str) -> str:
        return url_for(endpoint, slug=force.slug, lang_code=lang)

    def url(endpoint: str) -> str | None:
        return absolute_url(endpoint, slug=force.slug, lang_code=lang)

    found = Version(
        lang=lang,
        language=LANGUAGE_NAMES[lang],
        force_path=path("forces.force"),
        family_path=path("families.force_family"),
        embed_path=path("kit.embed"),
        force_url=url("forces.force"),
        family_url=url("families.force_family"),
        embed_url=url("kit.embed"),
    )
    if not found.force_url or not found.embed_url:
        return found
    name = force.name.get(lang)[0]
    with force_locale(lang):
        text = gettext("Wellbeing and crisis support for %(force)s", force=name)
        title = gettext("Crisis lines for %(force)s", force=name)
    anchor = Markup('<a href="{url}" lang="{lang}" hreflang="{lang}"{style}>{text}</a>')
    return replace(
        found,
        # Plain strings: the page shows them as text to copy, escaped.
        link=str(anchor.format(url=found.force_url, lang=lang, style="", text=text)),
        button=str(
            anchor.format(
                url=found.force_url,
                lang=lang,
                style=Markup(' style="{}"').format(BUTTON_STYLE),
                text=text,
            )
        ),
        iframe=str(
            Markup(
                '<iframe src="{}" title="{}" height="900" style="{}" loading="lazy"></iframe>'
            ).format(found.embed_url, title, IFRAME_STYLE)
        ),
    )


@localized_route(bp, "/forces/<slug>/kit")
def kit(slug):
    """Show a force's kit: links and snippets for its intranet, the call card, the family page."""
    force = find_force(slug)
    return render_template(
        "kit/kit.html",
        force=force,
        versions=[version(force, lang) for lang in languages(force)],
        base_url=current_app.config["BASE_URL"],
        framing_allowed=current_app.config["FRAME_ANCESTORS"] != ["'none'"],
    )


@localized_route(bp, "/embed/forces/<slug>")
@frameable
def embed(slug):
    """Show the call card an intranet may frame: the force's call-now lines and a link to its page."""
    force = find_force(slug)
    return render_template(
        "kit/embed.html",
        force=force,
        call_now=call_now_for(force),
        call_now_key=call_now_key(force),
    )
