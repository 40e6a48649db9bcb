"""Page weight and throughput, against the budgets in DESIGN.md. Run with `make bench`.

Sizes are gzip level 6 (what a reverse proxy typically sends). Throughput uses
wrk against gunicorn with the project's gunicorn.conf.py on 127.0.0.1; on a
2-core machine wrk shares the CPU with the server, so compare ratios, not totals.
"""

import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wellbeing import create_app  # noqa: E402

KB = 1024
BUDGETS = {"home_html": 14 * KB, "first_view": 60 * KB, "precache": 250 * KB}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def first_view(client, url: str) -> tuple[int, list[tuple[str, int]]]:
    """Return the compressed bytes a first visit to `url` fetches, and the parts."""
    html = client.get(url).get_data()
    soup = BeautifulSoup(html, "html.parser")
    parts = [(url, gz(html))]
    refs = [s["src"] for s in soup.select("script[src]")]
    refs += [link["href"] for link in soup.select("link[rel=stylesheet], link[rel=icon], link[rel=manifest]")]
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
    print(f"  home page HTML: {home / KB:.1f} KB (budget {BUDGETS['home_html'] // KB} KB) "
          f"{'OK' if home <= BUDGETS['home_html'] else 'OVER'}")
    total, parts = first_view(client, "/")
    print(f"  first view of /: {total / KB:.1f} KB (budget {BUDGETS['first_view'] // KB} KB) "
          f"{'OK' if total <= BUDGETS['first_view'] else 'OVER'}")
    for ref, size in parts:
        print(f"    {ref:<48} {size / KB:5.1f} KB")
    count, cached, sw = precache_bytes(client)
    print(f"  service-worker precache: {count} URLs, {cached / KB:.1f} KB (+ sw.js {sw / KB:.1f} KB) "
          f"(budget {BUDGETS['precache'] // KB} KB) {'OK' if cached <= BUDGETS['precache'] else 'OVER'}")
    print(f"  first view with precache: {(total + cached + sw) / KB:.1f} KB")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str, seconds: int, connections: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": latency.get("50"), "p99": latency.get("99"),
            "errors": (errors.group(1) if errors else "none"),
            "non2xx": int(non2xx.group(1)) if non2xx else 0}


def throughput(app, seconds: int, connections: int) -> None:
    print(f"== Throughput (wrk, {seconds}s, {connections} connections, gunicorn.conf.py) ==")
    if not shutil.which("wrk"):
        print("  wrk is not installed (apt-get install wrk): skipped")
        return
    port = free_port()
    env = dict(os.environ, PORT=str(port), HOST="127.0.0.1", GUNICORN_ACCESS_LOG="/dev/null")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:app"],
                              cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        static = "/static/" + app.extensions["static_manifest"]["css/app.css"]
        results = {}
        for label, path in [("static css", static), ("home /", "/"), ("help-now", "/help-now")]:
            results[label] = r = wrk(base + path, seconds, connections)
            print(f"  {label:<12} {r['rps']:8.0f} req/s  p50 {r['p50']:>8}  p99 {r['p99']:>8}  "
                  f"errors: {r['errors']}, non-2xx: {r['non2xx']}")
        ratio = results["home /"]["rps"] / results["static css"]["rps"]
        print(f"  home / static ratio: {ratio:.2f} (target at least 0.50)")
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    app = create_app()
    client = app.test_client()
    pages(client)
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "32"))
    throughput(app, seconds, connections)


if __name__ == "__main__":
    main()
