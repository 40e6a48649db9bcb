"""Page weight against the budgets in DESIGN.md. Run with `make bench`.

Sizes are gzip level 6, what the app itself sends to browsers that accept gzip.
Then the bytes a first view really transfers, measured in Chromium against gunicorn
(headers included; static files precompressed with brotli). Throughput, faults and
memory are in bench_load.py.
"""

import gzip
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wellbeing import create_app  # noqa: E402

KB = 1024
CHROMIUM = "/usr/bin/chromium"
BUDGETS = {"home_html": 14 * KB, "first_view": 60 * KB, "precache": 250 * KB}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def first_view(client, url: str) -> tuple[int, list[tuple[str, int]]]:
    """Return the compressed bytes a first visit to `url` fetches, and the parts."""
    html = client.get(url).get_data()
    soup = BeautifulSoup(html, "html.parser")
    parts = [(url, gz(html))]
    refs = [s["src"] for s in soup.select("script[src]")]
    refs += [
        link["href"]
        for link in soup.select("link[rel=stylesheet], link[rel=icon], link[rel=manifest]")
    ]
    for ref in refs:
        parts.append((ref, gz(client.get(ref).get_data())))
    return sum(size for _, size in parts), parts


def precache_bytes(client) -> tuple[int, int, int]:
    body = client.get("/sw.js").get_data(as_text=True)
    urls = re.search(r"const PRECACHE = (\[.*?\]);", body).group(1)
    urls = [u.strip('"') for u in urls.strip("[]").split(", ")]
    sizes = [gz(client.get(u).get_data()) for u in urls]
    return len(urls), sum(sizes), gz(body.encode())


def pages(client) -> None:
    print("== Page weight (gzip -6) ==")
    for url in ["/", "/cy/", "/help-now", "/offline"]:
        html = client.get(url).get_data()
        print(f"  {url:<12} HTML {len(html) / KB:6.1f} KB raw, {gz(html) / KB:5.1f} KB gzipped")
    home = gz(client.get("/").get_data())
    print(
        f"  home page HTML: {home / KB:.1f} KB (budget {BUDGETS['home_html'] // KB} KB) "
        f"{'OK' if home <= BUDGETS['home_html'] else 'OVER'}"
    )
    total, parts = first_view(client, "/")
    print(
        f"  first view of /: {total / KB:.1f} KB (budget {BUDGETS['first_view'] // KB} KB) "
        f"{'OK' if total <= BUDGETS['first_view'] else 'OVER'}"
    )
    for ref, size in parts:
        print(f"    {ref:<48} {size / KB:5.1f} KB")
    count, cached, sw = precache_bytes(client)
    print(
        f"  service-worker precache: {count} URLs, {cached / KB:.1f} KB (+ sw.js {sw / KB:.1f} KB) "
        f"(budget {BUDGETS['precache'] // KB} KB) {'OK' if cached <= BUDGETS['precache'] else 'OVER'}"
    )
    print(f"  first view with precache: {(total + cached + sw) / KB:.1f} KB")


def transferred(browser, url: str) -> dict[str, int]:
    """Return the bytes Chromium transfers, per response, for a first view of `url`."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    names, sizes = {}, {}
    cdp.on(
        "Network.responseReceived", lambda e: names.update({e["requestId"]: e["response"]["url"]})
    )
    cdp.on(
        "Network.loadingFinished", lambda e: sizes.update({e["requestId"]: e["encodedDataLength"]})
    )
    page.goto(url, wait_until="networkidle")
    context.close()
    return {names.get(i, "?"): size for i, size in sizes.items()}


def on_the_wire(paths=("/", "/cy/", "/help-now", "/forces/gwent", "/directory")) -> None:
    """Print the bytes Chromium transfers for a first view of each page (no service worker)."""
    if not Path(CHROMIUM).exists():
        print(f"== On the wire: skipped ({CHROMIUM} is missing) ==")
        return
    from bench_load import Server
    from playwright.sync_api import sync_playwright

    print("== First view on the wire (Chromium, encodedDataLength incl. headers, no worker) ==")
    with Server(WEB_CONCURRENCY="1") as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for path in paths:
            sizes = transferred(browser, server.base + path)
            print(f"  {path:<14} {sum(sizes.values()) / KB:5.1f} KB in {len(sizes)} responses")
            for name, size in sizes.items():
                print(f"    {name.removeprefix(server.base):<52} {size / KB:5.1f} KB")
        browser.close()


def main() -> None:
    app = create_app()
    client = app.test_client()
    pages(client)
    on_the_wire()


if __name__ == "__main__":
    main()
