"""Static files: content-hashed URLs served by WhiteNoise with `immutable` caching.

`static_url("css/app.css")` gives `/static/css/app.<hash>.css`; the hashed
name is an alias of the file on disk, so there is no build step. Text files are
compressed (gzip and brotli) next to themselves when the app starts, if they are
missing or stale, and WhiteNoise sends whichever the browser accepts.
"""

import hashlib
import logging
import re
from pathlib import Path

from flask import Flask, current_app
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from .compression import only_accepted_encodings
from .security import static_headers

HASHED = re.compile(r"\.[0-9a-f]{12}\.[A-Za-z0-9]+$")
COMPRESSED_SUFFIXES = (".gz", ".br")


def hash_static(static_dir: Path) -> dict[str, str]:
    """Map each static file to its hashed name, e.g. `css/app.css` -> `css/app.<md5:12>.css`."""
    manifest = {}
    for path in sorted(static_dir.rglob("*")):
        if not path.is_file() or path.suffix in COMPRESSED_SUFFIXES:
            continue
        rel = path.relative_to(static_dir).as_posix()
        digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()[:12]
        stem, dot, ext = rel.rpartition(".")
        manifest[rel] = f"{stem}.{digest}.{ext}" if dot else f"{rel}.{digest}"
    return manifest


def compress_static(static_dir: Path) -> None:
    """Write `<file>.gz` and `<file>.br` for each compressible static file that lacks them.

    Whitenoise gives a compressed copy its source's mtime, so a different mtime
    means the source changed. On a read-only disk the files are served as they are.
    """
    compressor = Compressor(quiet=True)
    for path in sorted(static_dir.rglob("*")):
        if not path.is_file() or path.suffix in COMPRESSED_SUFFIXES:
            continue
        if not compressor.should_compress(path.name):
            continue
        mtime = path.stat().st_mtime
        copies = [path.with_name(path.name + suffix) for suffix in COMPRESSED_SUFFIXES]
        if all(c.exists() and c.stat().st_mtime == mtime for c in copies):
            continue
        try:
            compressor.compress(str(path))
        except OSError as error:
            logging.getLogger(__name__).warning("Static files not compressed: %s", error)
            return


def static_url(filename: str) -> str:
    """Return the hashed URL of a static file (a template global)."""
    return "/static/" + current_app.extensions["static_manifest"][filename]


def init_app(app: Flask, static_dir: Path) -> None:
    """Serve `static_dir` at /static/ through WhiteNoise, with hashed aliases."""
    compress_static(static_dir)
    manifest = hash_static(static_dir)
    whitenoise = WhiteNoise(
        app.wsgi_app,
        root=str(static_dir),
        prefix="static/",
        max_age=3600,
        immutable_file_test=lambda path, url: bool(HASHED.search(url)),
        mimetypes={".webmanifest": "application/manifest+json"},
        add_headers_function=static_headers(app),
        allow_all_origins=False,
    )
    for rel, hashed in manifest.items():
        whitenoise.add_file_to_dictionary("/static/" + hashed, str(static_dir / rel))
    app.wsgi_app = only_accepted_encodings(whitenoise)  # type: ignore[method-assign]  # Flask's documented way to add WSGI middleware
    app.extensions["static_manifest"] = manifest
    app.add_template_global(static_url)
