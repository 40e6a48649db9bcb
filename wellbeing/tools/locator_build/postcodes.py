"""Postcode tables: postcode -> local authority -> force, packed as the runtime reads them."""

import math
import sys
from collections import Counter, defaultdict
from typing import Any

from wellbeing.locator import TERRITORIAL_FORCES, wgs84_to_osgb
from wellbeing.locator.postcodes import area_of, honesty_rule

from .lads import CROWN_PSEUDO_LADS, Lad
from .projection import irish_to_wgs84

Point = tuple[float, float, int, str]  # OSGB easting, northing, force index, LAD code


def split_postcode(pc: str) -> tuple[str, str, str]:
    """Return (outcode, sector key 'CH4 8', unit letters) for a postcode without spaces."""
    return pc[:-3], f"{pc[:-3]} {pc[-3]}", pc[-2:]


def is_northern_irish(pc: str) -> bool:
    return pc.startswith("BT") and not pc[2].isalpha()


def derive_postcodes(
    onspd: list[tuple[str, str, float, float]], live: set[str], lads: dict[str, Lad]
) -> tuple[dict[str, Any], list[Point]]:
    """Return the postcode tables and every live postcode's point (OSGB metres, force, LAD).

    ``onspd`` rows are (postcode without spaces, LAD code, easting, northing): Irish Grid
    in Northern Ireland, OSGB elsewhere. Postcodes not in ``live`` are no longer in use.
    """
    fidx = {slug: i for i, slug in enumerate(TERRITORIAL_FORCES)}
    outcode_counts: dict[str, Counter[int]] = defaultdict(Counter)
    area_counts: dict[str, Counter[int]] = defaultdict(Counter)
    sector_counts: dict[str, Counter[int]] = defaultdict(Counter)
    units: dict[str, int] = {}
    sectors_of: dict[str, set[str]] = defaultdict(set)
    points: list[Point] = []
    unmapped: Counter[str] = Counter()
    seen_live = set()
    old: dict[str, int] = {}  # terminated postcode -> its last force
    for pc, lad, east, north in onspd:
        if pc not in live:
            if lad in lads and not pc.startswith("BT"):
                old[pc] = fidx[lads[lad].force]
            continue
        seen_live.add(pc)
        if lad in CROWN_PSEUDO_LADS or not lad:
            continue  # Crown Dependencies are outside scope; no-LAD codes are non-geographic
        if lad not in lads:
            unmapped[lad] += 1
            continue
        f = fidx[lads[lad].force]
        out, sec, _ = split_postcode(pc)
        sectors_of[out].add(sec[-1])
        if not math.isnan(east):
            if is_northern_irish(pc):
                east, north = wgs84_to_osgb(*irish_to_wgs84(east, north))
            points.append((east, north, f, lad))
        if is_northern_irish(pc):
            area_counts["BT"][f] += 1
            continue  # every BT postcode is PSNI by rule; ship no NI unit data
        outcode_counts[out][f] += 1
        sector_counts[sec][f] += 1
        units[pc] = f
        area_counts[area_of(pc)][f] += 1
    if unmapped:
        for lad, n in unmapped.most_common():
            print(f"UNMAPPED LAD {lad}: {n} live postcodes", file=sys.stderr)
        sys.exit(
            f"locator_build: {len(unmapped)} LAD code(s) not in lads.csv: {', '.join(sorted(unmapped))}"
        )

    non_geo = sorted(
        {pc[:-3] for pc in live - seen_live}
        | {pc[:-3] for pc, lad, *_ in onspd if pc in live and not lad}
    )
    postcodes = derive_postcode_tables(outcode_counts, sector_counts, units, sectors_of)
    postcodes["non_geographic"] = [o for o in non_geo if o not in sectors_of]
    postcodes["crown"] = ["GY", "JE", "IM"]
    postcodes["areas"] = {
        a: [[f, n] for f, n in c.most_common()] for a, c in sorted(area_counts.items())
    }
    postcodes["terminated"] = derive_terminated(old, postcodes)
    return postcodes, points


def derive_postcode_tables(
    outcode_counts: dict[str, Counter[int]],
    sector_counts: dict[str, Counter[int]],
    units: dict[str, int],
    sectors_of: dict[str, set[str]],
) -> dict[str, Any]:
    """Encode postcode -> force as outcode default, sector overrides and full lists for mixed sectors."""
    outcodes: dict[str, list[Any]] = {}
    sector_override: dict[str, int] = {}
    mixed: dict[str, list[list[int]]] = {}
    mixed_units: dict[str, dict[str, str]] = {}
    for out, counts in outcode_counts.items():
        default = counts.most_common(1)[0][0]
        outcodes[out] = [default, "".join(sorted(sectors_of[out]))]
        if len(counts) > 1:
            mixed[out] = [[f, n] for f, n in counts.most_common()]
    psni = TERRITORIAL_FORCES.index("psni")
    for out, secs in sectors_of.items():  # BT outcodes: sectors only, force by rule
        if out not in outcodes:
            outcodes[out] = [psni, "".join(sorted(secs))]
    by_sector: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for pc, f in units.items():
        out, sec, unit = split_postcode(pc)
        if len(sector_counts[sec]) > 1:
            by_sector[sec][f].append(unit)
    for sec, counts in sector_counts.items():
        majority = counts.most_common(1)[0][0]
        if majority != outcodes[sec.split()[0]][0]:
            sector_override[sec] = majority
        if len(counts) > 1:
            mixed[sec] = [[f, n] for f, n in counts.most_common()]
            # Mixed sectors carry their full unit list so that an unknown unit can be told apart
            # from a known majority one (answer "approximate" only for the unknown).
            mixed_units[sec] = {str(f): "".join(sorted(us)) for f, us in by_sector[sec].items()}
    return {
        "outcodes": dict(sorted(outcodes.items())),
        "sectors": dict(sorted(sector_override.items())),
        "mixed": dict(sorted(mixed.items())),
        "units": dict(sorted(mixed_units.items())),
    }


def derive_terminated(old: dict[str, int], tables: dict[str, Any]) -> dict[str, Any]:
    """Keep the postcodes no longer in use that the live tables would answer wrongly or as exact.

    Kept: those whose last force differs from the live answer (or, in a mixed sector, is not
    one the honesty rule lists), and those in a sector with no live postcode left. A sector
    whose old postcodes were all one force is kept as that force alone; otherwise as
    {force: units}. The others are answered right by the live tables.
    """
    by_sector: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for pc, f in old.items():
        out, sec, unit = split_postcode(pc)
        live_out = tables["outcodes"].get(out)
        if live_out and sec[-1] in live_out[1]:
            counts = tables["mixed"].get(sec) or [[tables["sectors"].get(sec, live_out[0]), 1]]
            if f in honesty_rule(counts):
                continue  # the live answer already names its force
        by_sector[sec][f].append(unit)
    out_table: dict[str, Any] = {}
    for sec, forces in sorted(by_sector.items()):
        out, _, _ = sec.partition(" ")
        live_out = tables["outcodes"].get(out)
        if len(forces) == 1 and not (live_out and sec[-1] in live_out[1]):
            out_table[sec] = next(iter(forces))  # a whole sector gone: its one force
        else:
            out_table[sec] = {str(f): "".join(sorted(us)) for f, us in sorted(forces.items())}
    return out_table
