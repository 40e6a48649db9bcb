"""The edge (deploy/run_edge.py: nginx in front of gunicorn) against gunicorn alone, driven
by Debian's wrk on 127.0.0.1. A benchmark to read, not a timed test.

    .venv/bin/python tests/bench/bench_edge.py                  # 10 s per case
    BENCH_SECONDS=30 .venv/bin/python tests/bench/bench_edge.py

1. Requests/s and p99 for `/`, a force page and `/help-now`, gzip accepted, at the
   origin alone (gunicorn.conf.py on a TCP port) and through the edge (cache hits).
   Target: the edge serves at least 5x the origin's page rate.
2. A realistic mix through the edge (a wrk Lua script): mostly crisis and force
   pages in both languages, some directory searches. Reports the edge's hit ratio
   (from nginx's access log) and the requests that reached gunicorn (its access
   log) per 1,000 client requests. Target: the origin sees under 5 % of page requests.

On a 2-core machine wrk shares the CPU with nginx and gunicorn: compare ratios, not totals.
"""

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import ROOT, Server, free_port, ok, parse_wrk  # noqa: E402

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
THREADS = int(os.environ.get("BENCH_WRK_THREADS", "2"))
REPORT = ROOT / "reports" / "bench_edge.json"
GZIP = ["-H", "Accept-Encoding: gzip"]
SEARCH_TERMS = ["stress", "sleep", "money", "grief", "trauma", "anxiety", "debt", "alcohol"]


class Edge:
    """deploy/run_edge.py on a free loopback port, logs in `folder`."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.access_log = folder / "nginx-access.log"
        self.app_log = folder / "gunicorn-access.log"
        self.folder = folder

    def __enter__(self):
        env = {**os.environ, "GUNICORN_ACCESS_LOG": str(self.app_log)}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "deploy/run_edge.py",
                "--host=127.0.0.1",
                f"--port={self.port}",
                f"--runtime={self.folder / 'runtime'}",
                f"--access-log={self.access_log}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 90
        while not ok(self.base + "/"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                raise RuntimeError("the edge did not start")
            time.sleep(0.2)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=60)


def wrk(url: str, seconds: int, script: Path | None = None) -> dict:
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "5s"]
    command += ["--latency", *GZIP, *(["-s", str(script)] if script else []), url]
    return parse_wrk(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def force_pages(base: str) -> list[str]:
    with urllib.request.urlopen(base + "/forces", timeout=10) as response:
        html = response.read().decode()
    return sorted(set(re.findall(r'href="(/forces/[a-z0-9-]+)"', html)))


def mix(forces: list[str]) -> list[str]:
    """1,000 requests as visitors might make them: crisis first, then forces, some searches."""
    rng = random.Random(15)
    paths = []
    for _ in range(1000):
        roll, lang = rng.random(), rng.choice(["", "", "", "/cy"])
        if roll < 0.35:
            paths.append(lang + "/help-now")
        elif roll < 0.55:
            paths.append(lang + "/")
        elif roll < 0.90:
            paths.append(lang + rng.choice(forces))
        elif roll < 0.95:
            paths.append(lang + rng.choice(["/forces", "/families", "/find-your-force"]))
        else:
            paths.append(f"/directory?q={rng.choice(SEARCH_TERMS)}{rng.randrange(10_000)}")
    return paths


def lua_script(paths: list[str], folder: Path) -> Path:
    script = folder / "mix.lua"
    items = ", ".join(json.dumps(p) for p in paths)
    script.write_text(
        f"local paths = {{{items}}}\n"
        "local n = 0\n"
        "init = function(args) n = math.random(#paths) end\n"
        "request = function()\n"
        "  n = n % #paths + 1\n"
        '  return wrk.format("GET", paths[n])\n'
        "end\n",
        encoding="utf-8",
    )
    return script


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def main() -> int:
    pages = {"/": "/", "/help-now": "/help-now"}
    report: dict = {"seconds": SECONDS, "connections": CONNECTIONS, "threads": THREADS}
    with Server() as origin:
        pages["a force page"] = force_pages(origin.base)[0]
        for _ in range(4 * origin.workers_expected):  # each worker renders each page once
            for path in pages.values():
                ok(origin.base + path)
        print(f"== Origin alone (gunicorn, {origin.workers_expected} workers), gzip accepted ==")
        report["origin"] = {}
        for label, path in pages.items():
            report["origin"][label] = r = wrk(origin.base + path, SECONDS)
            print(f"  {label:<14} {r['rps']:8.0f} req/s  p99 {r['p99']:>8}  non-2xx {r['non2xx']}")
    with tempfile.TemporaryDirectory(prefix="bench-edge-") as tmp, Edge(Path(tmp)) as edge:
        forces = force_pages(edge.base)
        print("== Through the edge (nginx cache hits) ==")
        report["edge"] = {}
        for label, path in pages.items():
            ok(edge.base + path)  # the first request fills the cache
            report["edge"][label] = r = wrk(edge.base + path, SECONDS)
            ratio = r["rps"] / max(report["origin"][label]["rps"], 0.1)
            r["times_origin"] = round(ratio, 1)
            print(
                f"  {label:<14} {r['rps']:8.0f} req/s  p99 {r['p99']:>8}  non-2xx {r['non2xx']}"
                f"  {ratio:.1f}x the origin (target at least 5x)"
            )
        edge_before, app_before = len(lines(edge.access_log)), len(lines(edge.app_log))
        paths = mix(forces)
        r = wrk(edge.base, 2 * SECONDS, lua_script(paths, Path(tmp)))
        time.sleep(1)  # let the logs flush
        edge_lines = lines(edge.access_log)[edge_before:]
        app_lines = lines(edge.app_log)[app_before:]
        statuses = Counter(line.rsplit(" ", 1)[-1] for line in edge_lines)
        served = len(edge_lines)
        hits = statuses["HIT"] + statuses["STALE"] + statuses["UPDATING"] + statuses["REVALIDATED"]
        searches_at_edge = sum('"GET /directory"' in line for line in edge_lines)
        searched = sum(1 for p in paths if "?" in p) / len(paths)
        # The mix asks for /directory only with a search.
        app_pages = len(app_lines) - sum('"GET /directory"' in line for line in app_lines)
        report["mix"] = mixed = {
            "wrk": r,
            "client_requests": served,
            "cache_statuses": dict(statuses),
            "hit_ratio": round(hits / served, 4),
            "origin_requests_per_1000": round(1000 * len(app_lines) / served, 1),
            "searches_share": round(searched, 3),
            "origin_share_of_page_requests": round(
                app_pages / max(1, served - searches_at_edge), 4
            ),
        }
        print(
            f"== Realistic mix through the edge ({len(forces)} force pages, both languages, "
            f"{searched:.0%} searches), {2 * SECONDS} s ==\n"
            f"  {r['rps']:8.0f} req/s  p99 {r['p99']:>8}  non-2xx {r['non2xx']}\n"
            f"  hit ratio {mixed['hit_ratio']:.1%} ({dict(statuses)})\n"
            f"  origin requests per 1,000 client requests: {mixed['origin_requests_per_1000']}\n"
            f"  origin share of page requests: {mixed['origin_share_of_page_requests']:.2%} "
            "(target under 5 %)"
        )
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written to {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
