"""The static copy (`make export`) served by a plain static file server (`python -m http.server`).

Exported once per session, without the compressed copies (tests/conftest.py::static_copy):
about 9 s on the two-core machine, 25 s when it is busy.
"""

import gzip
import json
import re
import urllib.request
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup

from wellbeing.export import ExportError, _compress, export_site, exported_files

# A site-relative URL in a page's attributes (not "//host").
ATTRIBUTE_PATH = re.compile(r'(?:href|src|action)="(/(?!/)[^"?#\s]*)')
# The skip link on every page, in English and in Welsh.
SKIP_LINK = {False: "Skip to main content", True: "Neidio i'r prif gynnwys"}


def address(root: Path, path: Path) -> str:
    """The URL a static server answers with this file."""
    return "/" + path.relative_to(root).as_posix().removesuffix("index.html")


def pages(root: Path) -> set[str]:
    return {address(root, p) for p in root.rglob("index.html")}


def test_every_exported_file_answers_200_from_a_plain_static_server(static_copy, static_host):
    failures = []
    for path in exported_files(static_copy):
        url = static_host + address(static_copy, path)
        with urllib.request.urlopen(url) as response:
            if response.status != 200 or response.url != url:
                failures.append(f"{url}: {response.status} {response.url}")
            elif path.suffix == ".html" and response.headers.get_content_type() != "text/html":
                failures.append(f"{url}: {response.headers['Content-Type']}")
    assert not failures, "\n".join(failures)


def test_every_page_is_exported_in_english_and_in_welsh(static_copy, app):
    exported = pages(static_copy)
    english = {p for p in exported if not p.startswith("/cy/")}
    assert {"/", "/help-now/", "/offline/", "/find-your-force/", "/forces/"} <= english
    assert {f"/forces/{slug}/" for slug in app.extensions["content"].forces} <= english
    assert {f"/services/{s}/" for s in app.extensions["content"].services} <= english
    assert {p for p in english if "/cy" + p not in exported} == set()
    wrong_language = []
    for path in static_copy.rglob("index.html"):
        html, url = path.read_text(encoding="utf-8"), address(static_copy, path)
        if "wb-skip-link" in html and SKIP_LINK[url.startswith("/cy/")] not in html:
            wrong_language.append(url)  # (the framed call cards under /embed/ have no skip link)
    assert not wrong_language, wrong_language
    assert {"/api/v1/forces.json", "/api/v1/services.json", "/api/v1/forces/gwent.json"} <= {
        address(static_copy, p) for p in static_copy.rglob("*.json")
    }


def test_every_link_and_precached_url_reaches_an_exported_file(static_copy):
    """Links, scripts and styles, the worker's precache and offline pages, the in-browser
    lookup's force links and the manifest's URLs."""
    urls = []
    for path in static_copy.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        urls += [(u, path) for u in ATTRIBUTE_PATH.findall(html)]
        data = BeautifulSoup(html, "html.parser").find(id="in-browser-data")
        if data:
            urls += [(link, path) for _, link in json.loads(data.string)["forces"].values()]
    worker = static_copy / "sw.js"
    for name in ("PRECACHE", "OFFLINE"):
        listed = json.loads(re.search(rf"const {name} = (.*);", worker.read_text()).group(1))
        urls += [(u, worker) for u in (listed.values() if name == "OFFLINE" else listed)]
    manifest = json.loads((static_copy / "manifest.webmanifest").read_text(encoding="utf-8"))
    urls += [(manifest["start_url"], static_copy), (manifest["shortcuts"][0]["url"], static_copy)]
    assert len(urls) > 1000
    broken = set()
    for url, path in urls:
        target = static_copy / url.lstrip("/")
        if not (target / "index.html" if url.endswith("/") else target).is_file():
            broken.add(f"{url} (in {address(static_copy, path)})")
    assert not broken, "\n".join(sorted(broken))


def test_find_your_force_works_from_the_a_to_z_list_without_javascript(static_copy, app):
    """The search cannot be answered by a static server: no form shows, every force is linked."""
    for lang in ("", "cy/"):
        html = (static_copy / lang / "find-your-force" / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find("form", class_="wb-search").has_attr("hidden")
        assert soup.find(id="static-note").get_text(strip=True)
        links = {a["href"] for a in soup.select("main a[href]")}
        assert {f"/{lang}forces/{slug}/" for slug in app.extensions["content"].forces} <= links
        scripts = [s["src"] for s in soup.find_all("script", src=True)]
        assert any("find-in-browser" in s for s in scripts)
        assert not any("use-location" in s for s in scripts)
    loading = {
        address(static_copy, p)
        for p in static_copy.rglob("*.html")
        if "find-in-browser" in p.read_text()
    }
    assert loading == {"/find-your-force/", "/cy/find-your-force/"}


def test_the_compressed_copies_decode_to_the_file(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>Call 999</p>" * 200, encoding="utf-8")
    _compress(tmp_path)
    assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == page.read_bytes()


def test_the_export_never_empties_a_folder_that_is_not_an_earlier_export(tmp_path):
    kept = tmp_path / "notes.txt"
    kept.write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="not an earlier export"):
        export_site(tmp_path)
    assert kept.read_text(encoding="utf-8") == "mine"
