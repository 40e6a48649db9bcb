"""The local authority -> force table (lads.csv), read and checked."""

import csv
import sys
from pathlib import Path
from typing import NamedTuple

from wellbeing.locator import TERRITORIAL_FORCES

LADS_CSV = Path(__file__).with_name("lads.csv")
# ONSPD pseudo-codes for the Crown Dependencies: not UK police areas.
CROWN_PSEUDO_LADS = {"L99999999": "Channel Islands", "M99999999": "Isle of Man"}


class Lad(NamedTuple):
    name: str
    county: str  # the qualifier shown beside its places
    force: str  # a slug of TERRITORIAL_FORCES


def read_lads(path: Path = LADS_CSV) -> dict[str, Lad]:
    """Return code -> Lad in file order; a malformed row stops the build naming file and line."""
    lads: dict[str, Lad] = {}
    with path.open(encoding="utf-8", newline="") as f:
        lines = [(i, line) for i, line in enumerate(f, 1) if not line.startswith("#")]
    rows = csv.reader(line for _, line in lines)
    header = next(rows)
    if header != ["code", "name", "county", "force"]:
        sys.exit(f"{path.name}: the header must be code,name,county,force, not {header}")
    for (lineno, _), row in zip(lines[1:], rows, strict=True):
        where = f"{path.name}:{lineno}"
        if len(row) != 4 or not all(row):
            sys.exit(f"{where}: a row needs a code, a name, a county and a force: {row}")
        code, name, county, force = row
        if force not in TERRITORIAL_FORCES:
            sys.exit(f"{where}: {code}: force {force!r} is not a territorial force slug")
        if code in lads:
            sys.exit(f"{where}: {code} is listed twice")
        lads[code] = Lad(name, county, force)
    return lads


def force_of_lad(lads: dict[str, Lad], lad: str) -> str:
    """Return the force slug for an LAD code, or stop the build naming the code."""
    if lad in lads:
        return lads[lad].force
    sys.exit(f"locator_build: LAD code {lad!r} has no force in lads.csv; add it (see its header)")
