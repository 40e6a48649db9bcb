"""Every GET URL the app answers, built from `app.url_map` and the content.

Each endpoint maps to the parameters that exercise it (every category, every
service, every force, locator queries that are found, ambiguous, not found and
invalid, and a 404). A new route without an entry in `PARAMETERS` fails
`tests/test_sweep.py::test_every_endpoint_has_sweep_parameters`, so the sweeps
(`tests/test_sweep.py`, `tests/browser/test_sweep_browser.py`,
`tests/test_privacy.py`) cannot silently miss it.

Pages that differ only by which entry they show (every force, service, category and
family guide, whatever the route: `/forces/<slug>`, `/api/v1/forces/<slug>`, a new
`/forces/<slug>/kit`...) are *sampled*: of an endpoint's cases that differ only by which
entry their path names, those naming an entry of `sample_ids(content)` are in the sample
(the first case, if none does); every other case is, except those `variants` marks as
showing the same page state as another. The sample is chosen so that between them its
entries show every feature any entry has (`_force_features`, `_service_features`,
`_guide_features`): every nation and kind of force, every kind of force section, contact,
opening hours and optional field. The browser sweep runs axe on the sample on every run and on the rest
behind the `full_sweep` marker (`make test-full`, run by CI after `make test`).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
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
    sample: bool = True  # False: the same page state as another case (full sweep only)


def case(status: int = 200, **query) -> Case:
    return Case(query=tuple(query.items()), status=status)


def with_values(status: int = 200, **values) -> Case:
    return Case(values=tuple(values.items()), status=status)


def variants(cases: list[Case]) -> list[Case]:
    """Return the cases with all but the first left to the full sweep (they show the
    same page state, e.g. a locator query found like the first)."""
    return cases[:1] + [replace(c, sample=False) for c in cases[1:]]


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
        cases += variants([case(q=q) for q in queries])
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


def _force_pages(content):
    """A force's kit, call card, printables and family page: like its own page, for every force."""
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
    "kit.kit": _force_pages,
    "kit.embed": _force_pages,
    "printables.poster": _force_pages,
    "printables.wallet_card": _force_pages,
    "families.force_family": _force_pages,
    "forces.about_data": _simple,
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


def _service_features(service) -> set[str]:
    hours = service.hours
    out = {
        f"welsh {service.welsh}",
        f"hours {'none' if hours is None else 'always' if hours.always else 'days'}",
    }
    out |= {f"contact {c.kind} {c.confidence}" for c in service.contacts}
    for name in ("note", "label", "keyword"):
        out |= {f"contact {name}" for c in service.contacts if getattr(c, name)}
    for c in service.contacts:
        if c.phone:
            flags = ("short_code", "sms_only", "extension")
            out |= {f"phone {flag}" for flag in flags if getattr(c.phone, flag)}
    if hours is not None and hours.note:
        out.add("hours note")
    optional = ("details", "caveat", "cost", "who_will_know", "provider", "other_sources", "forces")
    out |= {name for name in optional if getattr(service, name)}
    if service.crisis:
        out.add("crisis")
    if service.dating.checked:
        out.add("checked")
    if service.dating.source_undated:
        out.add("undated")
    return out


def _force_features(force) -> set[str]:
    out = {f"nation {force.nation}", f"kind {force.kind}", f"website {force.website_confidence}"}
    for section in force.own_support:
        out.add(f"section {section.kind} {section.confidence}")
        out |= {
            f"section {name}"
            for name in ("name", "url", "service", "phone")
            if getattr(section, name)
        }
        if section.dating.checked:
            out.add("section checked")
    out |= {f"contact {c.kind} {c.confidence}" for c in force.contacts}
    for name in ("treatment_centre", "childrens_charity"):
        link = getattr(force, name)
        out.add(f"{name} {link.confidence if link else 'none'}")
    out |= {name for name in ("intranet_services", "note", "police_uk_id") if getattr(force, name)}
    if force.dating.checked:
        out.add("checked")
    return out


def _guide_features(guide) -> set[str]:
    out = {
        name
        for name in ("urgent_services", "no_force_routes", "other_sources")
        if getattr(guide, name)
    }
    out |= {"help note" for help in guide.help if help.note}
    return out


def _greedy(
    entries: dict, features: Callable[[object], set[str]], first: Iterable[str]
) -> list[str]:
    """Return the ids in `first`, then, one at a time, the entry that shows the most features
    no chosen entry shows yet, until every feature of any entry is shown."""
    chosen = list(first)
    wanted = set().union(*map(features, entries.values())) - set().union(
        *(features(entries[k]) for k in chosen)
    )
    while wanted:
        best = max(entries, key=lambda k: len(features(entries[k]) & wanted))
        chosen.append(best)
        wanted -= features(entries[best])
    return chosen


def sample_ids(content) -> frozenset[str]:
    """Return the ids of the forces, services, guides and categories in the every-run sample."""
    services, forces, guides = content.services, content.forces, content.guides
    # The force with the most own-support sections first (the longest force page).
    fullest = max(forces, key=lambda k: len(forces[k].own_support))
    sample = _greedy(forces, _force_features, [fullest])
    sample += _greedy(services, _service_features, [])
    # The first guide carries the sweep's nation choices.
    sample += _greedy(guides, _guide_features, [next(iter(guides))])
    # A category page lists its services' cards: the categories whose cards show every feature.
    by_category: dict[str, set[str]] = {k: set() for k in content.categories}
    for service in services.values():
        by_category[service.category] |= _service_features(service)
    sample += _greedy(content.categories, lambda c: by_category[c.id], [])
    return frozenset(sample)


def _entry_ids(content) -> set[str]:
    return {*content.forces, *content.services, *content.guides, *content.categories}


def _in_sample(cases: list[Case], entries: set[str], sample: frozenset[str]) -> list[bool]:
    """Return, for each case, whether it is in the every-run sample."""

    def shape(c: Case) -> tuple:
        values = tuple((k, "*" if v in entries else v) for k, v in c.values)
        return values, c.query, c.status

    groups: dict[tuple, list[Case]] = {}
    for c in cases:
        groups.setdefault(shape(c), []).append(c)
    kept = set()
    for group in groups.values():
        chosen = [c for c in group if all(v in sample or v not in entries for _, v in c.values)]
        kept.update(map(id, chosen or group[:1]))
    return [id(c) in kept and c.sample for c in cases]


@dataclass(frozen=True)
class SweepURL:
    url: str
    status: int
    kind: str  # html | json | other
    endpoint: str
    sampled: bool = True  # False: one of many pages that differ only by entry (full sweep)

    def __str__(self) -> str:
        return self.url


def get_endpoints(app) -> set[str]:
    """Return every endpoint that answers GET, except the ignored ones."""
    return {r.endpoint for r in app.url_map.iter_rules() if "GET" in r.methods} - IGNORED


def build_urls(app) -> list[SweepURL]:
    """Return every sweep URL for the endpoints that have parameters (unmapped ones are skipped
    here and reported by the sweep test)."""
    content = app.extensions["content"]
    entries, sample = _entry_ids(content), sample_ids(content)
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
                cases = PARAMETERS[endpoint](content)
                for c, sampled in zip(cases, _in_sample(cases, entries, sample), strict=True):
                    args = dict(c.values) | dict(c.query)
                    if lang:
                        args["lang_code"] = lang
                    urls.append(
                        SweepURL(url_for(endpoint, **args), c.status, kind, endpoint, sampled)
                    )
    urls += [SweepURL(u, 404, "html", "<unmatched>") for u in NOT_FOUND]
    return urls


@cache
def sweep_urls() -> tuple[SweepURL, ...]:
    """Return the sweep URLs (built once per process, at collection time)."""
    return tuple(build_urls(make_app()))


def html_urls() -> list[SweepURL]:
    return [u for u in sweep_urls() if u.kind == "html"]
