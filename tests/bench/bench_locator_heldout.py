"""Measure device-location answers on postcodes the grid has never seen.

Run: ``make locator-heldout`` (needs the ``locator-build`` extra; a few minutes of CPU).

The location grid is rebuilt without a random 2 % of live postcodes (seeded); each held-out
postcode's own coordinates are then located, and the answers are counted by how far the
postcode is from the nearest postcode of another force (in the full data). "right" = found
its force; "both" = ambiguous, its force among the choices; "wrong" = anything else.
The same grid is also asked with the border margin off (BORDER_M = 0: nearest postcode
wins) and with other margins, which is how ``wellbeing.locator.grid.BORDER_M`` was chosen.

It also locates every postcode no longer in use (ONSPD rows not in the live list) and
counts how often its last force is the answer, one of the choices, or missing.
"""

import json
import math
import random
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BANDS = (100, 250, 500, 1000, 2000, math.inf)
HOLD_OUT = 0.02


def read_postcodes(fidx):
    """Return (live points, terminated postcodes): (easting, northing, force, lad) and (postcode, force)."""
    from wellbeing.locator import wgs84_to_osgb
    from wellbeing.tools.locator_build import sources
    from wellbeing.tools.locator_build.lads import read_lads
    from wellbeing.tools.locator_build.postcodes import is_northern_irish
    from wellbeing.tools.locator_build.projection import irish_to_wgs84

    lads = read_lads()
    live = sources.read_live_postcodes()
    points, old = [], []
    for pc, lad, east, north in sources.read_onspd():
        if lad not in lads:
            continue
        if pc not in live:
            old.append((pc, fidx[lads[lad].force]))
            continue
        if math.isnan(east):
            continue
        if is_northern_irish(pc):
            east, north = wgs84_to_osgb(*irish_to_wgs84(east, north))
        points.append((east, north, fidx[lads[lad].force], lad))
    return points, old


def terminated_answers(old) -> list[int]:
    """Locate every postcode no longer in use: [found its force, offered among others, wrong]."""
    from wellbeing import locator

    tally = [0, 0, 0]
    loc = locator.load()
    for pc, f in old:
        res = loc.locate(pc)
        slug = locator.TERRITORIAL_FORCES[f]
        tally[0 if res.forces == (slug,) else 1 if slug in res.forces else 2] += 1
    return tally


def other_force_distance(index, e, n, f):
    """Return metres to the nearest postcode of another force (up to 2 km; beyond = inf)."""
    r0, c0 = int(n // 1000), int((e + 100_000) // 1000)
    best = math.inf
    for dr in (-2, -1, 0, 1, 2):
        for dc in (-2, -1, 0, 1, 2):
            for pe, pn, pf in index.get((r0 + dr, c0 + dc), ()):
                if pf != f:
                    best = min(best, math.hypot(pe - e, pn - n))
    return best if best <= 2000 else math.inf


def main() -> None:
    from wellbeing import locator
    from wellbeing.tools.locator_build import sources
    from wellbeing.tools.locator_build.grid import derive_grid

    fidx = {slug: i for i, slug in enumerate(locator.TERRITORIAL_FORCES)}
    points, old = read_postcodes(fidx)
    rng = random.Random(2)
    held, kept = [], []
    for p in points:
        (held if rng.random() < HOLD_OUT else kept).append(p)
    grid, _ = derive_grid(kept, sources.read_geonames())
    index = defaultdict(list)
    for e, n, f, _ in points:
        index[(int(n // 1000), int((e + 100_000) // 1000))].append((e, n, f))

    with tempfile.TemporaryDirectory() as tmp:
        for name in ("postcodes.json", "places.json", "aliases.toml"):
            shutil.copy(locator.DATA_DIR / name, tmp)
        meta = {"version": "held-out", "attribution": [], "forces": list(fidx)}
        Path(tmp, "grid.json").write_text(json.dumps({**meta, **grid}), encoding="utf-8")
        loc = locator.Locator(tmp)

        margin = loc.grid.border_m
        tallies = {}
        for border_m in sorted({0, 250, 500, margin}):
            loc.grid.border_m = border_m
            tally = defaultdict(lambda: [0, 0, 0])
            for e, n, f, _ in held:
                d = other_force_distance(index, e, n, f)
                band = next(x for x in BANDS if d < x or x == math.inf)
                res = loc.grid.locate(e, n)
                slug = locator.TERRITORIAL_FORCES[f]
                if res.status == "found" and res.forces == (slug,):
                    tally[band][0] += 1
                elif res.status == "ambiguous" and slug in res.forces:
                    tally[band][1] += 1
                else:
                    tally[band][2] += 1
            tallies[border_m] = tally

    right, both, wrong = terminated_answers(old)
    n = len(old)
    print(
        f"postcodes no longer in use: {n:,}; its force alone {right / n:.2%}, "
        f"offered among others {both / n:.2%}, wrong {wrong / n:.2%}"
    )
    print(f"held out {len(held):,} of {len(points):,} live postcodes ({HOLD_OUT:.0%}, seed 2)")
    for border_m, tally in tallies.items():
        print(f"\nBORDER_M = {border_m} m")
        print("other force within | postcodes | right found | both offered | wrong")
        total = [0, 0, 0]
        for band in BANDS:
            right, both, wrong = tally[band]
            n = right + both + wrong
            total = [t + x for t, x in zip(total, (right, both, wrong), strict=True)]
            label = f"< {band:,.0f} m" if band != math.inf else "over 2 km / none"
            if n:
                print(
                    f"{label:>18} | {n:9,} | {right / n:10.2%} | {both / n:11.2%} | {wrong / n:6.2%}"
                )
        n = sum(total)
        print(
            f"{'all':>18} | {n:9,} | {total[0] / n:10.2%} | {total[1] / n:11.2%} | {total[2] / n:6.2%}"
        )


if __name__ == "__main__":
    main()
