"""Benchmark the force locator: accuracy by kind, speed, memory and data sizes.

Run: ``python tests/bench/bench_locator.py`` (not collected by pytest: no ``test_`` prefix).
"""

import gc
import gzip
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def rss_kb() -> int:
    """Return the current resident set size in KB (Linux /proc, else peak RSS)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    from wellbeing import locator  # noqa: E402 (import after sys.path set-up)
    from wellbeing.tools.locator_build.projection import osgb_to_wgs84

    # Memory: load the tables once, measured two ways.
    gc.collect()
    rss0 = rss_kb()
    tracemalloc.start()
    t0 = time.perf_counter()
    loc = locator.Locator()
    load_s = time.perf_counter() - t0
    traced, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    rss1 = rss_kb()
    print(
        f"load: {load_s * 1000:.0f} ms; tracemalloc {traced / 1e6:.1f} MB retained; RSS +{(rss1 - rss0) / 1024:.1f} MB"
    )

    # Accuracy by kind on the case set.
    from test_locator import CASES, run_case

    by_kind = defaultdict(lambda: [0, 0])
    failures = []
    for case in CASES:
        r = run_case(case)
        exp = case["forces"]
        ok = r.status == case["status"] and (
            set(r.forces) == set(exp) and (not exp or r.forces[0] == exp[0])
        )
        by_kind[case["kind"]][0] += ok
        by_kind[case["kind"]][1] += 1
        if not ok:
            failures.append((case, r))
    total_ok = sum(v[0] for v in by_kind.values())
    print(f"\naccuracy: {total_ok}/{len(CASES)} cases")
    for kind, (ok, n) in sorted(by_kind.items()):
        print(f"  {kind:12s} {ok:4d}/{n:<4d} {100 * ok / n:5.1f}%")
    for case, r in failures:
        print(
            f"  MISS {case['kind']}: {case['q']!r} expected {case['status']} {case['forces']} got {r.status} {r.forces}"
        )

    # Speed over a realistic mix: mostly postcodes and place names, some typos, partials and points.
    rng = random.Random(42)
    outcodes = list(loc.postcodes.outcodes)
    places = [e.name for entries in list(loc.places.names.values())[:4000] for e in entries[:1]]

    border_cells = sorted(loc.grid.points)

    def random_postcode():
        o = rng.choice(outcodes)
        return f"{o} {rng.choice(loc.postcodes.outcodes[o][1])}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"

    def typo(name):
        if len(name) < 6:
            return name
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1 :]

    queries = []
    for _ in range(5000):
        x = rng.random()
        if x < 0.40:
            queries.append(("q", random_postcode()))
        elif x < 0.50:
            queries.append(("q", rng.choice(outcodes)))
        elif x < 0.80:
            queries.append(("q", rng.choice(places)))
        elif x < 0.90:
            queries.append(("q", typo(rng.choice(places))))
        elif x < 0.95:
            queries.append(
                (
                    "q",
                    "".join(
                        rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(rng.randint(5, 30))
                    ),
                )
            )
        elif x < 0.975:
            queries.append(("p", (rng.uniform(50.0, 58.5), rng.uniform(-6.0, 1.7))))
        else:  # a location near a border: the slowest path (a cell of several forces)
            r, c = rng.choice(border_cells)
            e = c * locator.CELL_M - locator.COL_OFFSET_M + rng.uniform(0, locator.CELL_M)
            queries.append(("p", osgb_to_wgs84(e, r * locator.CELL_M + rng.uniform(0, 1000))))
    times = []
    for kind, q in queries:
        t = time.perf_counter()
        if kind == "q":
            loc.locate(q)
        else:
            loc.locate_point(*q)
        times.append(time.perf_counter() - t)
    times.sort()
    total = sum(times)
    print(
        f"\nspeed over {len(queries)} mixed queries: {len(queries) / total:,.0f} lookups/s; "
        f"p50 {statistics.median(times) * 1e6:.0f} µs, p99 {times[int(len(times) * 0.99)] * 1e6:.0f} µs, "
        f"max {times[-1] * 1e3:.2f} ms"
    )
    for label, qs in (
        (
            "postcodes",
            [
                q
                for k, q in queries
                if k == "q" and " " in q and q[-1].isalpha() and q[-3].isdigit()
            ],
        ),
        ("points", [q for k, q in queries if k == "p"]),
    ):
        ts = []
        for q in qs:
            t = time.perf_counter()
            loc.locate_point(*q) if label == "points" else loc.locate(q)
            ts.append(time.perf_counter() - t)
        ts.sort()
        print(
            f"  {label:9s} n={len(ts):5d} p50 {statistics.median(ts) * 1e6:.0f} µs, p99 {ts[int(len(ts) * 0.99)] * 1e6:.0f} µs"
        )

    # Data files.
    print("\ndata files (wellbeing/data/locator):")
    raw_total = gz_total = 0
    for path in sorted(locator.DATA_DIR.iterdir()):
        if path.is_file():
            raw = path.read_bytes()
            gz = len(gzip.compress(raw, 9))
            raw_total += len(raw)
            gz_total += gz
            print(f"  {path.name:16s} {len(raw) / 1024:7.0f} KB raw {gz / 1024:6.0f} KB gzip")
    print(f"  {'total':16s} {raw_total / 1024:7.0f} KB raw {gz_total / 1024:6.0f} KB gzip")
    print(f"\ndata version: {loc.version}")


if __name__ == "__main__":
    main()
