"""The 1 km location grid: one force per cell, postcode points where forces meet."""

import math
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from wellbeing.locator import CELL_M, COL_OFFSET_M, TERRITORIAL_FORCES, wgs84_to_osgb
from wellbeing.locator.forces import FORCE_CHARS

from .postcodes import Point

# Northern Ireland cells within this many km of a Republic of Ireland place keep their points.
IRISH_BORDER_CELLS = 6
# Empty cells up to this many km from a Northern Ireland postcode may be filled as NI land.
NI_FILL_CELLS = 12
Cell = tuple[int, int]
Nearest = Callable[[float, float], tuple[float, int, str] | None]


def cell_of(e: float, n: float) -> Cell:
    return int(n // CELL_M), int((e + COL_OFFSET_M) // CELL_M)


NEIGHBOURS = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]


def _cell_steps(sources: set[Cell], limit: int) -> dict[Cell, int]:
    """Return {cell: steps} for cells within ``limit`` king's moves of a source cell (BFS)."""
    steps = dict.fromkeys(sources, 0)
    frontier = list(sources)
    for k in range(1, limit + 1):
        nxt = []
        for r, c in frontier:
            for dr, dc in NEIGHBOURS:
                cell = (r + dr, c + dc)
                if cell not in steps:
                    steps[cell] = k
                    nxt.append(cell)
        frontier = nxt
    return steps


def northern_ireland_land(
    forces_of: dict[Cell, set[int]], psni: int, geonames: list[dict[str, Any]]
) -> list[Cell]:
    """Return empty cells that are Northern Ireland land or lough, far from any postcode.

    Hills and lough shores (the Sperrins, Lough Neagh) can be kilometres from a postcode.
    A cell is taken as Northern Ireland when it is within NI_FILL_CELLS of an NI postcode
    and much further from every place in the Republic (GeoNames cities500) than from that
    postcode. A heuristic: the Republic's side of the border, near its own villages, keeps
    the 400 m rule (snap_m_psni); no boundary line is shipped.
    """
    ni = {cell for cell, fs in forces_of.items() if psni in fs}
    ireland = set()
    for g in geonames:
        if g["countrycode"] == "IE":
            ireland.add(cell_of(*wgs84_to_osgb(g["latitude"], g["longitude"])))
    to_ni = _cell_steps(ni, NI_FILL_CELLS)
    to_ie = _cell_steps(ireland, 3 * NI_FILL_CELLS + 3)
    far = 3 * NI_FILL_CELLS + 4
    return sorted(
        cell
        for cell, k in to_ni.items()
        if k > 0 and cell not in forces_of and to_ie.get(cell, far) > 3 * k + 3
    )


def derive_grid(
    points: list[Point], geonames: list[dict[str, Any]]
) -> tuple[dict[str, Any], Nearest]:
    """Bucket postcode points into 1 km OSGB cells: one force char per cell, or '*' plus points.

    Cells near the Irish land border keep their points too (as '*'), so that a location in
    the Republic (e.g. Lifford, across the river from Strabane) is not answered PSNI.
    """
    cells: dict[tuple[int, int], list] = defaultdict(list)
    for e, n, f, _ in points:
        cells[cell_of(e, n)].append((e, n, f))
    border = set()
    for g in geonames:
        if g["countrycode"] != "IE":
            continue
        r0, c0 = cell_of(*wgs84_to_osgb(g["latitude"], g["longitude"]))
        for dr in range(-IRISH_BORDER_CELLS, IRISH_BORDER_CELLS + 1):
            for dc in range(-IRISH_BORDER_CELLS, IRISH_BORDER_CELLS + 1):
                border.add((r0 + dr, c0 + dc))
    rows: dict[int, dict[int, str]] = defaultdict(dict)
    multi = {}
    forces_of = {cell: {f for _, _, f in pts} for cell, pts in cells.items()}
    for (r, c), pts in cells.items():
        forces = forces_of[(r, c)]
        # A cell next to another force's postcodes keeps its points: the locator then
        # measures how near the border a location is (see wellbeing.locator.grid.BORDER_M).
        near = set().union(*(forces_of.get((r + dr, c + dc), ()) for dr, dc in NEIGHBOURS))
        if len(forces) == 1 and (r, c) not in border and near <= forces:
            rows[r][c] = FORCE_CHARS[next(iter(forces))]
        else:
            rows[r][c] = "*"
            # Points to 10 m; a one-force cell that is only next to a border keeps one
            # point per 50 m square, enough to measure its distance from the border.
            step = 1 if len(forces) > 1 or (r, c) in border else 5
            packed = set()
            for e, n, f in pts:
                de = int((e + COL_OFFSET_M) - c * CELL_M) // (10 * step) * step + step // 2
                dn = int(n - r * CELL_M) // (10 * step) * step + step // 2
                packed.add((de * 100 + dn) * 64 + f)
            multi[f"{r},{c}"] = sorted(packed)
    psni = TERRITORIAL_FORCES.index("psni")
    for r, c in northern_ireland_land(forces_of, psni, geonames):
        rows[r][c] = FORCE_CHARS[psni]
    encoded = {}
    for r, cols in rows.items():
        c0, c1 = min(cols), max(cols)
        encoded[str(r)] = [c0, "".join(cols.get(c, ".") for c in range(c0, c1 + 1))]

    def nearest(e: float, n: float, radius: int = 3) -> tuple[float, int, str] | None:
        """Return (distance m, force index, lad) of the nearest postcode point (build time, exact)."""
        r0, c0 = cell_of(e, n)
        best = None
        for dr in range(-radius, radius + 1):
            for dc in range(-radius, radius + 1):
                for pe, pn, f, lad in full.get((r0 + dr, c0 + dc), ()):
                    d = math.hypot(pe - e, pn - n)
                    if best is None or d < best[0]:
                        best = (d, f, lad)
        return best

    full: dict[tuple[int, int], list] = defaultdict(list)
    for p in points:
        full[cell_of(p[0], p[1])].append(p)
    grid = {
        "cell_m": CELL_M,
        "col_offset_m": COL_OFFSET_M,
        "rows": dict(sorted(encoded.items(), key=lambda kv: int(kv[0]))),
        "points": multi,
        # Searching further than this from any postcode means sea or another country.
        "snap_m": 5000,
        # Scotland is one force: remote glens and hills far from any postcode still answer.
        "snap_m_scotland": 15000,
        # Lifford (Republic of Ireland) is a few hundred metres from Strabane postcodes.
        "snap_m_psni": 400,
    }
    return grid, nearest
