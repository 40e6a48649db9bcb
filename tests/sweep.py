"""Every GET URL the app answers, built from `app.url_map` and the content.

Each endpoint maps to the parameters that exercise it (every category, every
service, every force, locator queries that are found, ambiguous, not found and
invalid, and a 404). A new route without an entry in `PARAMETERS` fails
`tests/test_sweep.py::test_every_endpoint_has_sweep_parameters`, so the sweeps
(`tests/test_sweep.py`, `tests/browser/test_sweep_browser.py`,
`tests/test_privacy.py`) cannot silently miss it.
"""

from dataclasses import dataclass
from functools import cache

from flask import url_for

from wellbeing import oruk
from wellbeing.content import NATIONS

from .conftest import make_app

LONG = "x" * 101  # one more than MAX_QUERY

# Locator queries by expected status (checked against the locator in test_sweep.py).
LOCATE_QUERIES = {
    "found": ["CF10 1AA", "NP20", "Gwent Police", "Cardiff", "GY1 1AA"],
    "ambiguous": ["Newport", "CH4"],
    "not_found": ["zzzzqqq", "Leeds, Kent"],
}
LOCATE_POINTS = {"found": ("51.48", "-3.18"), "not_found": ("48.85", "2.35")}


@dataclass(frozen=True)
class Case:
    """One argument set for an endpoint: path values, query string and expected status."""

    values: tuple = ()
    query: tuple = ()
    status: int = 200


def case(status: int = 200, **query) -> Case:
    return Case(query=tuple(query.items()), status=status)


def with_values(status: int = 200, **values) -> Case:
    return Case(values=tuple(values.items()), status=status)


def _home(content):
    return [case(), case(force="gwent"), case(force="psni"), case(404, force="no-such-force")]


def _directory(content):
    return [
        case(),
        case(q="stress"),
        case(q="zzzzqqq"),  # no results: shows the call-now block
        case(audience="family", nation="wales"),
        case(q="money", audience="retired", nation="scotland"),
        case(400, audience="no-such-audience"),
        case(400, nation="atlantis"),
        case(400, q=LONG),
    ]


def _find(content):
    cases = [case()]
    for queries in LOCATE_QUERIES.values():
        cases += [case(q=q) for q in queries]
    cases += [case(lat=lat, lng=lng) for lat, lng in LOCATE_POINTS.values()]
    cases += [
        case(400, q=""),
        case(400, q=LONG),
        case(400, lat="abc", lng="1"),
        case(400, lat="95", lng="0"),
    ]
    return cases


def _simple(content):
    return [case()]


def _guides(content):
    cases = [with_values(slug=k) for k in content.guides]
    first = next(iter(content.guides))
    cases += [Case(values=(("slug", first),), query=(("nation", n),)) for n in NATIONS]
    cases += [
        Case(values=(("slug", first),), query=(("nation", "atlantis"),), status=400),
        with_values(404, slug="no-such-guide"),
    ]
    return cases


def _report(content):
    service, force = next(iter(content.services)), next(iter(content.forces))
    return [
        with_values(kind="service", entry_id=service),
        with_values(kind="force", entry_id=force),
        with_values(kind="guide", entry_id=next(iter(content.guides))),
        Case(values=(("kind", "force"), ("entry_id", force)), query=(("section", "contacts"),)),
        Case(
            values=(("kind", "force"), ("entry_id", force)), query=(("section", "<x>"),), status=404
        ),
        with_values(404, kind="no-such-kind", entry_id=service),
        with_values(404, kind="service", entry_id="no-such-service"),
    ]


def _every_force(content):
    return [with_values(slug=k) for k in content.forces] + [with_values(404, slug="no-such-force")]


# HTML pages, in English and in Welsh.
HTML = {
    "crisis.home": _home,
    "crisis.help_now": _simple,
    "directory.index": _directory,
    "directory.category": lambda c: (
        [with_values(category=k) for k in c.categories]
        + [with_values(404, category="no-such-category")]
    ),
    "directory.service": lambda c: (
        [with_values(service_id=k) for k in c.services]
        + [with_values(404, service_id="no-such-service")]
    ),
    "directory.families": _simple,
    "families.guide": _guides,
    "directory.treatment_centres": _simple,
    "directory.exit_this_page": _simple,
    "forces.index": _simple,
    "forces.force": lambda c: (
        [with_values(slug=k) for k in c.forces] + [with_values(404, slug="no-such-force")]
    ),
    "forces.find_your_force": _find,
    "forces.about_data": _simple,
    "printables.poster": _every_force,
    "printables.wallet_card": _every_force,
    "pages.accessibility": _simple,
    "pages.privacy": _simple,
    "pwa.offline": _simple,
    "reports.form": _report,
    "reports.thanks": lambda c: [
        with_values(kind="service", entry_id=next(iter(c.services))),
        with_values(404, kind="service", entry_id="no-such-service"),
    ],
}

# JSON API (no language prefix).
JSON = {
    "api.forces": _simple,
    "api.force": lambda c: (
        [with_values(slug=k) for k in c.forces] + [with_values(404, slug="no-such-force")]
    ),
    "api.services": lambda c: [
        case(),
        case(q="stress"),
        case(category="treatment"),
        case(audience="family", nation="wales"),
        case(400, category="nope"),
        case(400, audience="nope"),
        case(400, nation="nope"),
        case(400, q=LONG),
    ],
    "api.locate": lambda c: (
        [case(q=q) for qs in LOCATE_QUERIES.values() for q in qs]
        + [case(400), case(400, q=""), case(400, q=LONG)]
    ),
    "api.locate_point": lambda c: (
        [case(lat=lat, lng=lng) for lat, lng in LOCATE_POINTS.values()]
        + [case(400), case(400, lat="x", lng="y"), case(400, lat="95", lng="0")]
    ),
    "api.openapi": _simple,
    "oruk.root": _simple,
    "oruk.services": lambda c: [case(), case(search="stress"), case(400, page="0")],
    "oruk.service": lambda c: (
        [with_values(ident=oruk.record_id("service", k)) for k in c.services]
        + [with_values(404, ident="no-such-service")]
    ),
    "oruk.organizations": _simple,
    "oruk.organization": lambda c: (
        [with_values(ident=i) for i in oruk.dataset(c, oruk.london_today()).organizations]
        + [with_values(404, ident="no-such-organization")]
    ),
    "oruk.taxonomies": _simple,
    "oruk.taxonomy": lambda c: (
        [with_values(ident=oruk.record_id("taxonomy", "categories"))]
        + [with_values(404, ident="nope")]
    ),
    "oruk.taxonomy_terms": _simple,
    "oruk.taxonomy_term": lambda c: (
        [with_values(ident=oruk.record_id("taxonomy_term", k)) for k in c.categories]
        + [with_values(404, ident="nope")]
    ),
}

# Neither HTML nor API JSON: the worker script and the web app manifest.
OTHER = {
    "pwa.service_worker": lambda c: [case(), case(lang="cy"), case(400, lang="xx")],
    "pwa.manifest": _simple,
}

PARAMETERS = {**HTML, **JSON, **OTHER}
# Routes the sweep deliberately leaves out (WhiteNoise serves /static/, not Flask).
IGNORED = {"static"}
# Unmatched URLs: the 404 page, in both languages.
NOT_FOUND = ["/no-such-page", "/cy/no-such-page"]


@dataclass(frozen=True)
class SweepURL:
    url: str
    status: int
    kind: str  # html | json | other
    endpoint: str

    def __str__(self) -> str:
        return self.url


def get_endpoints(app) -> set[str]:
    """Return every endpoint that answers GET, except the ignored ones."""
    return {r.endpoint for r in app.url_map.iter_rules() if "GET" in r.methods} - IGNORED


def build_urls(app) -> list[SweepURL]:
    """Return every sweep URL for the endpoints that have parameters (unmapped ones are skipped
    here and reported by the sweep test)."""
    content = app.extensions["content"]
    urls: list[SweepURL] = []
    with app.test_request_context():
        for endpoint in sorted(get_endpoints(app)):
            if endpoint not in PARAMETERS:
                continue
            kind = "html" if endpoint in HTML else "json" if endpoint in JSON else "other"
            langs = (
                ["en", "cy"] if app.url_map.is_endpoint_expecting(endpoint, "lang_code") else [None]
            )
            for lang in langs:
                for c in PARAMETERS[endpoint](content):
                    args = dict(c.values) | dict(c.query)
                    if lang:
                        args["lang_code"] = lang
                    urls.append(SweepURL(url_for(endpoint, **args), c.status, kind, endpoint))
    urls += [SweepURL(u, 404, "html", "<unmatched>") for u in NOT_FOUND]
    return urls


@cache
def sweep_urls() -> tuple[SweepURL, ...]:
    """Return the sweep URLs (built once per process, at collection time)."""
    return tuple(build_urls(make_app()))


def html_urls() -> list[SweepURL]:
    return [u for u in sweep_urls() if u.kind == "html"]
