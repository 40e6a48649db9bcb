"""Device locations: the 1 km grid of forces, with border cells resolved by the nearest postcodes."""

import math
from collections.abc import Iterator
from typing import Any

from .forces import ALL_FORCES, FORCE_CHARS
from .result import Kind, Reason, Result, Status, found, not_found

CELL_M = 1000
COL_OFFSET_M = 100_000  # western Northern Ireland has negative OSGB eastings
# A location whose nearest postcodes of two forces are within this many metres of each other
# answers both forces. Chosen from the held-out measurement (make locator-heldout; README).
BORDER_M = 250


class Grid:
    """Answer OSGB points from ``grid.json``: one force per cell, postcode points in border cells."""

    def __init__(self, grid: dict[str, Any]):
        self.rows: dict[int, tuple[int, str]] = {
            int(k): (v[0], v[1]) for k, v in grid["rows"].items()
        }
        # Tuples of ints, not lists: the garbage collector then stops scanning them.
        self.points: dict[tuple[int, ...], tuple[int, ...]] = {
            tuple(map(int, k.split(","))): tuple(v) for k, v in grid["points"].items()
        }
        self.snap_m: float = grid["snap_m"]
        self.snap_m_psni: float = grid["snap_m_psni"]
        self.snap_m_scotland: float = grid.get("snap_m_scotland", self.snap_m)
        self.border_m: float = BORDER_M

    def locate(self, east: float, north: float) -> Result:
        """Resolve an OSGB point: its own one-force cell, else the nearest postcodes of each force.

        A one-force cell has no other force's postcode in its neighbours (the build makes
        sure), so it is more than a kilometre from a border. Elsewhere, when another force's
        nearest postcode is less than ``border_m`` further away than the nearest one, the
        answer is both forces: near a border, a guess would be wrong too often.
        """
        r, c = int(north // CELL_M), int((east + COL_OFFSET_M) // CELL_M)
        ch = self.cell_char(r, c)
        if ch not in ".*":
            return found(FORCE_CHARS.index(ch), Reason.POINT, Kind.POINT, "")
        near = sorted(self._nearest_by_force(r, c, east, north).items(), key=lambda kv: kv[1])
        if not near:
            return not_found(Reason.OUTSIDE_UK, Kind.POINT)
        force, dist = near[0]
        slug = ALL_FORCES[force]
        limit = {"psni": self.snap_m_psni, "police-scotland": self.snap_m_scotland}.get(
            slug, self.snap_m
        )
        if dist > limit:
            return not_found(Reason.OUTSIDE_UK, Kind.POINT)
        close = [f for f, d in near if d - dist < self.border_m]
        if len(close) > 1:
            forces = tuple(ALL_FORCES[f] for f in close)
            return Result(Status.AMBIGUOUS, forces, Reason.POINT_BORDER, Kind.POINT)
        exact = dist < 1 or ch == "*" and dist < 500
        return found(force, Reason.POINT if exact else Reason.APPROXIMATE, Kind.POINT, "")

    def cell_char(self, r: int, c: int) -> str:
        row = self.rows.get(r)
        if row is None:
            return "."
        c0, chars = row
        return chars[c - c0] if 0 <= c - c0 < len(chars) else "."

    def cell_points(self, r: int, c: int) -> Iterator[tuple[float, float, int]]:
        """Yield (easting, northing, force) of the stored postcode points in a multi-force cell."""
        for packed in self.points.get((r, c), ()):
            f = packed % 64
            de, dn = divmod(packed // 64, 100)
            yield c * CELL_M - COL_OFFSET_M + de * 10 + 5, r * CELL_M + dn * 10 + 5, f

    def _nearest_by_force(self, r: int, c: int, east: float, north: float) -> dict[int, float]:
        """Return {force: metres} to each force's nearest postcode near the point (rings of cells).

        One-force cells store no points: their distance is to the cell's edge (a lower bound).
        """
        best: dict[int, float] = {}
        nearest = math.inf
        snap_cells = math.ceil(self.snap_m / CELL_M) + 1
        for radius in range(math.ceil(max(self.snap_m, self.snap_m_scotland) / CELL_M) + 1):
            # Rings grow outwards; stop once a ring is beyond the nearest plus the border margin.
            if (radius - 1) * CELL_M > nearest + self.border_m:
                break
            if not best and radius > snap_cells and not _scottish_nearby(r):
                break
            for rr, cc in _ring(r, c, radius):
                ch = self.cell_char(rr, cc)
                if ch == "." or _cell_distance(rr, cc, east, north) >= nearest + self.border_m:
                    continue
                if ch == "*":
                    candidates: Iterator[tuple[float, int]] = (
                        (math.hypot(e - east, n - north), f) for e, n, f in self.cell_points(rr, cc)
                    )
                else:
                    cell = _cell_distance(rr, cc, east, north)
                    candidates = iter(((cell, FORCE_CHARS.index(ch)),))
                for d, f in candidates:
                    if d < best.get(f, math.inf):
                        best[f] = d
                        nearest = min(nearest, d)
        return best


def _scottish_nearby(r: int) -> bool:
    """Return True if a wider search could reach Scotland (only north of about Carlisle)."""
    return r * CELL_M > 560_000


def _cell_distance(r: int, c: int, east: float, north: float) -> float:
    """Return the distance in metres from a point to the nearest edge of cell (r, c), 0 inside it."""
    x0, y0 = c * CELL_M - COL_OFFSET_M, r * CELL_M
    dx = max(x0 - east, 0, east - (x0 + CELL_M))
    dy = max(y0 - north, 0, north - (y0 + CELL_M))
    return math.hypot(dx, dy)


def _ring(r: int, c: int, radius: int) -> Iterator[tuple[int, int]]:
    """Yield the cells at Chebyshev distance ``radius`` from (r, c)."""
    if radius == 0:
        yield r, c
        return
    for dc in range(-radius, radius + 1):
        yield r - radius, c + dc
        yield r + radius, c + dc
    for dr in range(-radius + 1, radius):
        yield r + dr, c - radius
        yield r + dr, c + radius
