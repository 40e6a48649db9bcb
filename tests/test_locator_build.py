"""The locator's build tool on a small synthetic postcode fixture, its LAD table, and its maths.

The real sources are large PyPI packages (`make locator-check` rebuilds from them);
here a few fake ONSPD rows go through the same code, and the runtime reads the result.
"""

import json
import math
import random

import pytest

from wellbeing.locator import (
    CELL_M,
    COL_OFFSET_M,
    DATA_DIR,
    TERRITORIAL_FORCES,
    Locator,
    wgs84_to_osgb,
)
from wellbeing.locator.forces import FORCE_CHARS
from wellbeing.tools.locator_build.build import encode
from wellbeing.tools.locator_build.grid import derive_grid
from wellbeing.tools.locator_build.lads import LADS_CSV, Lad, read_lads
from wellbeing.tools.locator_build.places import derive_places
from wellbeing.tools.locator_build.postcodes import derive_postcodes
from wellbeing.tools.locator_build.projection import WGS84_TO_OSGB, osgb_to_wgs84

KENT, ESSEX, PSNI = (TERRITORIAL_FORCES.index(s) for s in ("kent", "essex", "psni"))
LADS = {
    "E1": Lad("Alphaton", "Alphashire", "kent"),
    "E2": Lad("Betaville", "Betashire", "essex"),
    "N1": Lad("Gammagh", "Gammagh", "psni"),
}
# (postcode without spaces, LAD, easting, northing): OSGB in Great Britain, Irish Grid in NI.
ONSPD = [
    ("ZZ11AA", "E1", 600100.0, 150100.0),
    ("ZZ11AB", "E1", 600200.0, 150200.0),
    ("ZZ12AA", "E2", 610100.0, 150100.0),
    ("ZZ13AA", "E1", 620100.0, 150100.0),
    ("ZZ13AB", "E2", 620600.0, 150700.0),
    ("ZZ19ZZ", "E2", 610200.0, 150200.0),  # no longer in use: its sector is gone
    ("ZZ11AZ", "E2", 600300.0, 150300.0),  # no longer in use, in a live Kent sector
    ("YY11AA", "", math.nan, math.nan),  # live, no local authority: non-geographic
    ("JE11AA", "L99999999", math.nan, math.nan),  # the Channel Islands: not in the tables
    ("BT11AA", "N1", 333000.0, 374000.0),  # Belfast, Irish Grid
]
LIVE = {pc for pc, *_ in ONSPD} - {"ZZ19ZZ", "ZZ11AZ"}


@pytest.fixture(scope="module")
def built():
    return derive_postcodes(ONSPD, LIVE, LADS)


def test_postcode_rows_become_the_tables_the_runtime_reads(built):
    postcodes, _ = built
    assert postcodes == {
        "outcodes": {"BT1": [PSNI, "1"], "ZZ1": [KENT, "123"]},
        "sectors": {"ZZ1 2": ESSEX},  # a sector whose majority is not its district's
        "mixed": {"ZZ1": [[KENT, 3], [ESSEX, 2]], "ZZ1 3": [[KENT, 1], [ESSEX, 1]]},
        "units": {"ZZ1 3": {str(KENT): "AA", str(ESSEX): "AB"}},
        "non_geographic": ["YY1"],
        "crown": ["GY", "JE", "IM"],
        "areas": {"BT": [[PSNI, 1]], "ZZ": [[KENT, 3], [ESSEX, 2]]},
        # A sector wholly gone is its one force; an old postcode in a live sector of
        # another force is kept unit by unit.
        "terminated": {"ZZ1 1": {str(ESSEX): "AZ"}, "ZZ1 9": ESSEX},
    }


def test_a_local_authority_missing_from_the_table_stops_the_build_naming_it():
    with pytest.raises(SystemExit, match="E9"):
        derive_postcodes([*ONSPD, ("ZZ14AA", "E9", 1.0, 1.0)], LIVE | {"ZZ14AA"}, LADS)


def test_points_become_one_force_cells_and_border_cells_with_their_points(built):
    _, points = built
    grid, _ = derive_grid(points, [])
    chars = FORCE_CHARS
    start, row = grid["rows"]["150"]
    assert start == 700 and row == chars[KENT] + "." * 9 + chars[ESSEX] + "." * 9 + "*"
    # Postcodes to 10 m in the cell shared by two forces: (east, north, force) packed.
    assert grid["points"] == {
        "150,720": [(10 * 100 + 10) * 64 + KENT, (60 * 100 + 70) * 64 + ESSEX]
    }
    belfast = next((e, n) for e, n, f, _ in points if f == PSNI)
    r, c = int(belfast[1] // CELL_M), int((belfast[0] + COL_OFFSET_M) // CELL_M)
    c0, cells = grid["rows"][str(r)]
    assert cells[c - c0] == chars[PSNI]


def test_the_runtime_answers_from_tables_built_from_the_fixture(built, tmp_path):
    postcodes, points = built
    grid, nearest = derive_grid(points, [])
    places = derive_places(nearest, points, [], LADS, {})
    for name, body in (("postcodes.json", postcodes), ("grid.json", grid), ("places.json", places)):
        (tmp_path / name).write_text(encode(body) + "\n", encoding="utf-8")
    loc = Locator(tmp_path)

    def answer(query):
        r = loc.locate(query)
        return r.status, r.reason, r.forces

    assert answer("ZZ1 2AA") == ("found", "postcode", ("essex",))
    assert answer("ZZ1 3AB") == ("found", "postcode", ("essex",))
    assert answer("ZZ1 3") == ("ambiguous", "partial_postcode_mixed", ("kent", "essex"))
    # Gone, in a district both forces cover: its last force first, and the other.
    assert answer("ZZ1 9ZZ") == ("ambiguous", "terminated_mixed", ("essex", "kent"))
    assert answer("ZZ1 1AZ") == ("ambiguous", "terminated_mixed", ("essex", "kent"))
    assert answer("YY1 1AA")[1] == "non_geographic"
    assert answer("BT1 1AA") == ("found", "postcode", ("psni",))
    assert answer("Betaville") == ("found", "place", ("essex",))  # a local authority's name
    assert loc.locate_point(*osgb_to_wgs84(600150, 150150)).forces == ("kent",)
    assert loc.failures == 0


def test_the_lad_table_names_its_source_and_maps_to_every_territorial_force():
    header = LADS_CSV.read_text(encoding="utf-8").split("\ncode,")[0]
    assert "Police Act 1996" in header
    lads = read_lads()
    assert {lad.force for lad in lads.values()} == set(TERRITORIAL_FORCES)
    assert len(lads) > 360


def test_a_bad_lad_row_stops_the_build_naming_file_and_line(tmp_path):
    bad = tmp_path / "lads.csv"
    bad.write_text("# a comment\ncode,name,county,force\nE1,Alpha,Kent,kent-police\n")
    with pytest.raises(SystemExit, match=r"lads.csv:3: E1: force 'kent-police'"):
        read_lads(bad)


# ---- the runtime's projection maths against PROJ ------------------------------------------


def test_the_runtime_projection_agrees_with_proj_to_2_mm():
    # Points spread over the UK's land: occupied cells of the shipped grid.
    grid = json.loads((DATA_DIR / "grid.json").read_text())
    cells = [
        (c0 + i, int(r))
        for r, (c0, chars) in grid["rows"].items()
        for i, ch in enumerate(chars)
        if ch != "."
    ]
    worst = 0.0
    for c, r in random.Random(9).sample(cells, 500):
        e, n = c * CELL_M - COL_OFFSET_M + 500, r * CELL_M + 500
        lat, lng = osgb_to_wgs84(e, n)  # PROJ's inverse
        east, north = wgs84_to_osgb(lat, lng)  # the runtime's forward maths
        proj_east, proj_north = WGS84_TO_OSGB.transform(lat, lng)  # PROJ's forward
        worst = max(
            worst, math.hypot(east - e, north - n), math.hypot(east - proj_east, north - proj_north)
        )
    assert worst < 0.002, f"{worst * 1000:.2f} mm"
