"""Build the three tables from the sources and write them (``--out DIR``)."""

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

from wellbeing.locator import TERRITORIAL_FORCES

from . import sources
from .grid import derive_grid
from .lads import read_lads
from .places import NOT_PLACES, derive_places, write_not_places
from .postcodes import derive_postcodes

VERSION = "ONSPD-2025-11"
ATTRIBUTION = [
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
    "Contains OS data © Crown copyright and database right 2025",
    "Contains Royal Mail data © Royal Mail copyright and database right 2025",
    "Contains GeoPlace data © Local Government Information House Limited copyright and database right 2025",
    "Northern Ireland postcodes: contains LPS Intellectual Property © Crown copyright and database right 2025 "
    "(used only to derive the rule that every BT postcode is PSNI and a coarse location grid; no NI postcode is shipped)",
    "Place names from GeoNames (geonames.org), licensed under CC BY 4.0",
]
OUT_DIR = Path(__file__).resolve().parents[2] / "data" / "locator"


def build(out_dir: Path) -> None:
    lads = read_lads()
    print("reading ONSPD …", flush=True)
    onspd = sources.read_onspd()
    print("reading live postcodes …", flush=True)
    live = sources.read_live_postcodes()
    postcodes, points = derive_postcodes(onspd, live, lads)

    geonames = sources.read_geonames()
    grid, nearest = derive_grid(points, geonames)
    places = derive_places(nearest, points, geonames, lads, sources.read_force_names())

    out_dir.mkdir(parents=True, exist_ok=True)
    for name, body in (("postcodes.json", postcodes), ("grid.json", grid), ("places.json", places)):
        text = encode(body)
        (out_dir / name).write_text(text + "\n", encoding="utf-8")
        raw = len(text.encode())
        print(
            f"wrote {name}: {raw / 1024:.0f} KB raw, {len(gzip.compress(text.encode(), 9)) / 1024:.0f} KB gzip"
        )
    report(postcodes, grid)
    write_not_places(places, NOT_PLACES if out_dir == OUT_DIR else out_dir / NOT_PLACES.name)


def encode(body: dict[str, Any]) -> str:
    """Return one table as the runtime reads it: the data version and force list, then the body."""
    meta = {"version": VERSION, "attribution": ATTRIBUTION, "forces": list(TERRITORIAL_FORCES)}
    return json.dumps({**meta, **body}, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def report(postcodes: dict[str, Any], grid: dict[str, Any]) -> None:
    """Print figures to compare with locator-data.md §2–4 (a cross-check of the LAD table)."""
    forces = TERRITORIAL_FORCES
    mixed_out = [k for k in postcodes["mixed"] if " " not in k]
    mixed_sec = [k for k in postcodes["mixed"] if " " in k]
    n_units = sum(len(s) // 2 for d in postcodes["units"].values() for s in d.values())
    print(
        f"outcodes: {len(postcodes['outcodes'])} ({len(mixed_out)} mixed); sector overrides: "
        f"{len(postcodes['sectors'])}; mixed sectors: {len(mixed_sec)} holding {n_units} units"
    )
    for key in ("CH4", "HR3", "TD15", "TD12", "NP16", "WA3"):
        print(
            f"  {key}: " + ", ".join(f"{forces[f]} {n}" for f, n in postcodes["mixed"].get(key, []))
        )
    print(
        f"grid: {sum(len(v[1]) - v[1].count('.') for v in grid['rows'].values())} occupied cells, "
        f"{len(grid['points'])} multi-force cells, {sum(len(v) for v in grid['points'].values())} points"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the force locator's data tables.")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    build(args.out)
