"""The locator's tables cut into small static files for the static copy's in-browser lookup.

`static/js/find-in-browser.js` answers exactly as `wellbeing.locator` does, from:

- `index.json`: what every query needs (known outcodes, postcode areas, force names,
  hand-kept aliases, the qualifier words, the grid's settings);
- `postcodes/<AREA>.json`: one postcode area's districts, sectors, units and
  terminated postcodes (a full postcode never needs another area);
- `places/<c>.json`: the names starting with character `c`, with their gazetteer
  entries (a misspelling keeps its first letter, so the fuzzy match needs one file);
- `grid/<row>-<column>.json`: one 50 km square of the 1 km grid (`GRID_TILE` cells a
  side; a location needs at most four).

Built from the data files in `wellbeing/data/locator/` and the locator's public names
only, so the locator's own code can change shape without changing these files.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

from .limits import MAX_QUERY
from .locator import DATA_DIR, normalise_name
from .locator.forces import (
    ALL_FORCES,
    CROWN_BOXES,
    CROWN_FORCE_OF,
    CROWN_FORCES,
    FORCE_CHARS,
    TERRITORIAL_FORCES,
    UK_BOX,
)
from .locator.grid import BORDER_M, CELL_M, COL_OFFSET_M
from .locator.names import (
    FORCE_WORDS,
    FUZZY_LONG,
    FUZZY_MIN_WEIGHT,
    MIN_PLACE_RATIO,
    NEUTRAL_QUALIFIERS,
    qualifiers,
)
from .locator.postcodes import CROWN_AREAS, FOUND_MAX_ELSEWHERE, LIST_MIN_SHARE, LOOKALIKES

GRID_TILE = 50  # grid cells (kilometres) along each side of a grid file


def area_of(key: str) -> str:
    """Return the postcode area letters of a district or sector key ('AL3 8' -> 'AL')."""
    match = re.match(r"[A-Z]*", key)
    return match.group(0) if match else ""


class _Names:
    """Every matchable name, its gazetteer entries and the force names, from places.json."""

    def __init__(self, places: dict, aliases: dict):
        # entry: [id, name, forces, county, quals, weight, outside]
        self.names: dict[str, list[list]] = defaultdict(list)
        self.outside: dict[str, list[list]] = defaultdict(list)
        count = 0

        def add(target: dict, keys: set[str], entry: list) -> None:
            for key in keys:
                target[key].append(entry)

        for name, alts, county, district, force, _lat, _lng, pop in places["places"]:
            forces: tuple[int, ...] = tuple(force) if isinstance(force, list) else (force,)
            weight = pop if pop > 0 else (1e7 if pop == -1 else -pop * 30)
            entry = [
                count,
                name,
                list(forces),
                county,
                sorted(qualifiers(county, district, forces)),
                weight,
                "",
            ]
            add(self.names, {normalise_name(name), *(normalise_name(a) for a in alts)}, entry)
            count += 1
        for name, alts, reason, country, *pop in places["outside"]:
            quals = {normalise_name(country)}
            keys = {normalise_name(name), *(normalise_name(a) for a in alts)}
            if reason == "crown_dependency":
                slugs = [CROWN_FORCE_OF[country]] if country in CROWN_FORCE_OF else CROWN_FORCES[:2]
                quals |= {"channel islands"} if country != "Isle of Man" else set()
                indexes = [ALL_FORCES.index(slug) for slug in slugs]
                weight = pop[0] if pop else 1e7
                add(self.names, keys, [count, name, indexes, country, sorted(quals), weight, ""])
            else:
                add(self.outside, keys, [count, name, [], country, sorted(quals), 0, reason])
            count += 1
        self.aliases = {
            normalise_name(alias): [target] if isinstance(target, str) else list(target)
            for alias, target in aliases.get("aliases", {}).items()
        }
        for name, spec in aliases.get("landmarks", {}).items():
            indexes = [TERRITORIAL_FORCES.index(f) for f in spec["forces"]]
            entry = [count, name, indexes, spec.get("qualifier", ""), [], 1e6, ""]
            keys = {normalise_name(name), *(normalise_name(a) for a in spec.get("aliases", []))}
            add(self.names, keys, entry)
            count += 1
        self.force_full: dict[str, str] = {}
        self.force_short: dict[str, str] = {}
        self.crown_forces: dict[str, str] = {}
        for slug, (*names, kind) in places["force_names"].items():
            for nm in names:
                key = normalise_name(nm)
                (self.crown_forces if kind == "crown-dependency" else self.force_full)[key] = slug
                short = " ".join(w for w in key.split() if w not in FORCE_WORDS)
                if short and kind != "crown-dependency":
                    self.force_short.setdefault(short, slug)
                if kind != "crown-dependency":
                    self.force_full.setdefault(slug.replace("-", " "), slug)
        for alias, slug in aliases.get("force_names", {}).items():
            self.force_full[normalise_name(alias)] = slug
        self.all_quals = sorted({q for es in self.names.values() for e in es for q in e[4]})


def _write(path: Path, data: Any) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(raw, encoding="utf-8")
    return len(raw.encode())


def write_shards(out: Path, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Write the shards into `out`; return {relative path: bytes}."""
    pcs = json.loads((data_dir / "postcodes.json").read_text(encoding="utf-8"))
    grid = json.loads((data_dir / "grid.json").read_text(encoding="utf-8"))
    places = json.loads((data_dir / "places.json").read_text(encoding="utf-8"))
    aliases = tomllib.loads((data_dir / "aliases.toml").read_text(encoding="utf-8"))
    names = _Names(places, aliases)
    sizes: dict[str, int] = {}

    areas: dict[str, dict[str, dict]] = defaultdict(
        lambda: {"outcodes": {}, "sectors": {}, "mixed": {}, "units": {}, "terminated": {}}
    )
    for table in ("outcodes", "sectors", "mixed", "units", "terminated"):
        for key, value in pcs.get(table, {}).items():
            if isinstance(value, dict):  # {force: units}: pairs, so the order survives JavaScript
                value = [[int(force), units] for force, units in value.items()]
            areas[area_of(key)][table][key] = value
    for area, tables in areas.items():
        sizes[f"postcodes/{area}.json"] = _write(out / "postcodes" / f"{area}.json", tables)

    letters: dict[str, dict[str, dict]] = defaultdict(lambda: {"names": {}, "outside": {}})
    for table in ("names", "outside"):
        for key, entries in getattr(names, table).items():
            letters[key[0]][table][key] = entries
    for letter, tables in letters.items():
        sizes[f"places/{letter}.json"] = _write(out / "places" / f"{letter}.json", tables)

    tiles: dict[str, dict[str, dict]] = defaultdict(lambda: {"rows": {}, "points": {}})
    for row, (c0, chars) in grid["rows"].items():
        r = int(row)
        for t in range(c0 // GRID_TILE, (c0 + len(chars) - 1) // GRID_TILE + 1):
            start = max(c0, t * GRID_TILE)
            part = chars[start - c0 : (t + 1) * GRID_TILE - c0]
            if part.strip("."):
                tiles[f"{r // GRID_TILE}-{t}"]["rows"][row] = [start, part]
    for cell, value in grid["points"].items():
        r, c = map(int, cell.split(","))
        tiles[f"{r // GRID_TILE}-{c // GRID_TILE}"]["points"][cell] = value
    for tile, tables in tiles.items():
        sizes[f"grid/{tile}.json"] = _write(out / "grid" / f"{tile}.json", tables)

    terminated_outcodes = {s.split()[0] for s in pcs.get("terminated", {})}
    index = {
        "version": pcs["version"],
        "forces": list(ALL_FORCES),
        "known_outcodes": sorted(
            set(pcs["outcodes"]) | terminated_outcodes | set(pcs["non_geographic"])
        ),
        "non_geographic": pcs["non_geographic"],
        "areas": pcs.get("areas", {}),
        "aliases": names.aliases,
        "force_full": names.force_full,
        "force_short": names.force_short,
        "crown_forces": names.crown_forces,
        "all_quals": names.all_quals,
        "place_files": sorted(letters),
        # The locator's rules, so that the browser cannot drift from them.
        "rules": {
            "max_query": MAX_QUERY,
            "force_chars": FORCE_CHARS,
            "cell_m": CELL_M,
            "col_offset_m": COL_OFFSET_M,
            "border_m": BORDER_M,
            "found_max_elsewhere": FOUND_MAX_ELSEWHERE,
            "list_min_share": LIST_MIN_SHARE,
            "min_place_ratio": MIN_PLACE_RATIO,
            "fuzzy_long": FUZZY_LONG,
            "fuzzy_min_weight": FUZZY_MIN_WEIGHT,
            "neutral_qualifiers": sorted(NEUTRAL_QUALIFIERS),
            "force_words": sorted(FORCE_WORDS),
            "crown_areas": CROWN_AREAS,
            "crown_force_of": CROWN_FORCE_OF,
            "crown_boxes": CROWN_BOXES,
            "uk_box": UK_BOX,
            "lookalikes": LOOKALIKES,
        },
        "grid": {
            "tile": GRID_TILE,
            "tiles": sorted(tiles),
            "snap_m": grid["snap_m"],
            "snap_m_psni": grid["snap_m_psni"],
            "snap_m_scotland": grid.get("snap_m_scotland", grid["snap_m"]),
        },
    }
    sizes["index.json"] = _write(out / "index.json", index)
    return sizes
