"""A static copy of the whole site, for hosts that serve files but run no Python.

`python -m wellbeing.export [--out build/site]` (or `make export`) freezes every
page in both languages, the service worker, the manifest, the forces and
services JSON and the static files with Frozen-Flask, then writes gzip and
brotli copies and a README for whoever hosts it.

Layout: a plain static server answers `/x/` with `x/index.html` (and redirects
`/x` to `/x/`), and guesses each file's type from its extension. So page
`/forces/gwent` is written to `forces/gwent/index.html` and every link to it
is rewritten to `/forces/gwent/`; JSON `/api/v1/forces` becomes
`/api/v1/forces.json`. The live site is unchanged: the app renders the copy
with `STATIC_EXPORT` set, which only swaps what cannot work without a server
(the find-your-force search runs in the browser from `locator/` shards, and
the "report a problem" form is left out).

Pages are found from the URL map, not a hand list: every GET route is frozen
with each value of its arguments (`ARGUMENTS`, by the path segment before
the argument), unless `LEFT_OUT` says why it cannot be static. A new route with
an argument not in `ARGUMENTS` stops the export with a message naming it.
"""

from __future__ import annotations

import argparse
import contextvars
import re
import shutil
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from flask import Flask, url_for
from flask.testing import FlaskClient
from flask_frozen import Freezer, MissingURLGeneratorWarning
from whitenoise.compress import Compressor

from . import create_app, locator_shards
from .config import PROJECT_ROOT

DEFAULT_OUT = PROJECT_ROOT / "build" / "site"

# Routes that need a server, and why (the hosting README repeats this).
LEFT_OUT = {
    "api.locate": "answers a query string",
    "api.locate_point": "answers a query string",
    "reports.form": "a POST form",
    "reports.thanks": "follows the POST form",
    "oruk.root": "the ORUK API pages and filters with query strings",
    "oruk.services": "pages and filters with query strings",
    "oruk.service": "part of the ORUK API",
    "oruk.organizations": "part of the ORUK API",
    "oruk.organization": "part of the ORUK API",
    "oruk.taxonomies": "part of the ORUK API",
    "oruk.taxonomy": "part of the ORUK API",
    "oruk.taxonomy_term": "part of the ORUK API",
    "oruk.taxonomy_terms": "part of the ORUK API",
    "static": "copied from static/ (WhiteNoise serves it, not Flask)",
}

# Values of each route argument, by the path segment before it and its name:
# "/forces/<slug>", "/api/v1/forces/<slug>", "/forces/<slug>/kit" all take every force.
ARGUMENTS: dict[tuple[str, str], Callable[[Any], list[str]]] = {
    ("forces", "slug"): lambda c: list(c.forces),
    ("families", "slug"): lambda c: list(c.guides),
    ("directory", "category"): lambda c: list(c.categories),
    ("services", "service_id"): lambda c: list(c.services),
}
ARGUMENT = re.compile(r"/([^/<>]+)/<(?:[^:<>]+:)?([a-z_]+)>")

# Files whose URLs are rewritten to the static layout.
REWRITTEN = (".html", ".js", ".webmanifest")
# A quoted absolute path, with an optional query string or fragment.
QUOTED_PATH = re.compile(r'"(/[^"?#\s]*)([?#][^"]*)?"')


class ExportError(RuntimeError):
    """A route the export does not know how to freeze; the message names it."""


def page_urls(app: Flask) -> list[tuple[str, str]]:
    """Return (endpoint, url) for every URL in the static copy, from the URL map."""
    content = app.extensions["content"]
    found = []
    with app.test_request_context():
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if "GET" not in (rule.methods or ()) or rule.endpoint in LEFT_OUT:
                continue
            segment_before = {arg: segment for segment, arg in ARGUMENT.findall(rule.rule)}
            names = sorted(rule.arguments - {"lang_code"} - set(rule.defaults or {}))
            choices: list[dict[str, str]] = [{}]
            for arg in names:
                values = ARGUMENTS.get((segment_before.get(arg, ""), arg))
                if values is None:
                    raise ExportError(
                        f"Route {rule.rule} ({rule.endpoint}): no values for <{arg}>. Add them "
                        "to ARGUMENTS or the endpoint to LEFT_OUT in wellbeing/export.py."
                    )
                choices = [c | {arg: v} for c in choices for v in values(content)]
            # Each language is its own rule: "/x" (English by default) and "/<any(cy)>/x".
            lang = (rule.defaults or {}).get("lang_code")
            if not lang and "lang_code" in rule.arguments:
                lang = "cy"
            for choice in choices:
                args: dict[str, Any] = choice | ({"lang_code": lang} if lang else {})
                found.append((rule.endpoint, url_for(rule.endpoint, **args)))
    return sorted(set(found), key=lambda pair: pair[1])


def file_path(url: str, endpoint: str, json_endpoints: set[str]) -> str:
    """Map an app URL to the file that a plain static server answers for its new URL."""
    if "." in url.rsplit("/", 1)[-1]:  # /sw.js, /manifest.webmanifest, /api/v1/openapi.json
        return url.lstrip("/")
    if endpoint in json_endpoints:
        return url.lstrip("/") + ".json"
    return url.strip("/") + "/index.html" if url.strip("/") else "index.html"


def static_address(url: str, endpoint: str, json_endpoints: set[str]) -> str:
    """Return the URL that reaches `url`'s file on a plain static server."""
    path = "/" + file_path(url, endpoint, json_endpoints)
    return path.removesuffix("index.html")


class _Freezer(Freezer):
    """Frozen-Flask with this site's file layout (see the module docstring)."""

    def __init__(self, app: Flask, files: dict[str, str]):
        super().__init__(
            app, with_static_files=False, with_no_argument_rules=False, log_url_for=False
        )
        self.files = files
        # Frozen-Flask requests each page while its URL generators' request context is
        # pushed, so Flask would reuse that context's `g` for every page, and Flask-Babel's
        # locale with it: Welsh pages came out in English. Each request gets a fresh context.
        base = app.test_client_class or FlaskClient
        app.test_client_class = type("Isolated", (_Isolated, base), {})

    def urlpath_to_filepath(self, path: str) -> str:
        return self.files[path]


class _Isolated(FlaskClient):
    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


def rewrite(text: str, addresses: dict[str, str]) -> str:
    """Point every quoted absolute URL of an exported page at its static address."""

    def swap(m: re.Match) -> str:
        return '"' + addresses.get(m.group(1), m.group(1)) + (m.group(2) or "") + '"'

    return QUOTED_PATH.sub(swap, text)


def export_site(out: Path, app: Flask | None = None, compress: bool = True) -> dict:
    """Write the static copy into `out` (emptied first) and return figures about it.

    `compress=False` skips the gzip and brotli copies (most of the time: brotli's best
    quality is slow), for tests that only serve the copy.
    """
    started = time.perf_counter()
    if out.exists() and any(out.iterdir()):
        if not (out / "sw.js").is_file() or not (out / "locator" / "index.json").is_file():
            raise ExportError(f"{out} is not empty and not an earlier export: choose another")
        shutil.rmtree(out)
    app = app or create_app({"STATIC_EXPORT": True})
    app.config.update(
        STATIC_EXPORT=True,
        FREEZER_DESTINATION=str(out.resolve()),
        FREEZER_REMOVE_EXTRA_FILES=False,
    )
    urls = page_urls(app)
    json_endpoints = {e for e in {e for e, _ in urls} if e.startswith("api.")}
    files = {url: file_path(url, e, json_endpoints) for e, url in urls}
    addresses = {url: static_address(url, e, json_endpoints) for e, url in urls}
    freezer = _Freezer(app, files)
    freezer.register_generator(lambda: iter(url for _, url in urls))
    with warnings.catch_warnings():
        # page_urls has already checked every GET route.
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)
        freezer.freeze()
    for name in files.values():
        if name.endswith(REWRITTEN):
            path = out / name
            path.write_text(rewrite(path.read_text(encoding="utf-8"), addresses), encoding="utf-8")
    _copy_static(app, out)
    locator_shards.write_shards(out / "locator")
    shutil.copyfile(PROJECT_ROOT / "deploy" / "static-copy.md", out / "README.md")
    if compress:
        _compress(out)
    written = [p for p in out.rglob("*") if p.is_file()]
    return {
        "base_url": app.config["BASE_URL"],
        "seconds": round(time.perf_counter() - started, 1),
        "pages": len(urls),
        "files": len(written),
        "bytes": sum(p.stat().st_size for p in written),
    }


def _copy_static(app: Flask, out: Path) -> None:
    """Copy each static file under its own and its content-hashed name."""
    static = app.extensions["settings"].site_dir / "static"
    for rel, hashed in app.extensions["static_manifest"].items():
        for name in {rel, hashed}:
            target = out / "static" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(static / rel, target)


def _compress(out: Path) -> None:
    """Write `.gz` and `.br` next to each text file where they are smaller (WhiteNoise's rule)."""
    compressor = Compressor(quiet=True)
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.name != "README.md" and compressor.should_compress(path.name):
            compressor.compress(str(path))


def exported_files(out: Path) -> Iterator[Path]:
    """Yield the exported files other than the compressed copies."""
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix not in (".gz", ".br"):
            yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="an empty folder or an earlier export"
    )
    args = parser.parse_args(argv)
    try:
        figures = export_site(args.out)
    except ExportError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    print(
        f"Exported {figures['pages']} URLs ({figures['files']} files, "
        f"{figures['bytes'] / 1e6:.1f} MB with compressed copies) to {args.out} "
        f"in {figures['seconds']} s"
    )
    if not figures["base_url"]:
        print(
            "Warning: WELLBEING_BASE_URL is not set, so the links in api/v1/*.json "
            "point at http://localhost. Set it to the copy's origin and export again.",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
