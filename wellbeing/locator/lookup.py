"""The `Locator`: the three tables behind one `locate` and one `locate_point`, and their failures."""

import functools
import gzip
import json
import logging
import math
import threading
import tomllib
import traceback
from pathlib import Path
from typing import Any

from .forces import CROWN_BOXES, CROWN_FORCE_OF, TERRITORIAL_FORCES, UK_BOX
from .geodesy import wgs84_to_osgb
from .grid import Grid
from .names import Names
from .postcodes import Postcodes
from .query import check_query, normalise_postcode
from .result import Kind, Reason, Result, Status, invalid, not_found

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "locator"

log = logging.getLogger(__name__)


class Locator:
    """Answer queries from the generated tables in ``data_dir`` (load once, share freely).

    The tables never change once loaded. ``failures`` counts the lookups that raised an
    unexpected exception (each one is logged without the query, and answered ``error``).
    """

    def __init__(self, data_dir: Path | str = DATA_DIR):
        self.data_dir = Path(data_dir)
        pcs = self._load("postcodes.json")
        if tuple(pcs["forces"]) != TERRITORIAL_FORCES:
            raise ValueError("locator data was built for a different force list; rebuild it")
        self.version: str = pcs["version"]
        self.attribution: list[str] = list(pcs["attribution"])
        self.postcodes = Postcodes(pcs)
        self.grid = Grid(self._load("grid.json"))
        aliases = self.data_dir / "aliases.toml"
        self.places = Names(
            self._load("places.json"),
            tomllib.loads(aliases.read_text(encoding="utf-8")) if aliases.exists() else {},
        )
        self.failures = 0
        self._failures_lock = threading.Lock()
        self._info: dict[str, Any] | None = None

    def _load(self, name: str) -> dict[str, Any]:
        path = self.data_dir / name
        if not path.exists() and (self.data_dir / (name + ".gz")).exists():
            return json.loads(gzip.decompress((self.data_dir / (name + ".gz")).read_bytes()))
        return json.loads(path.read_text(encoding="utf-8"))

    def locate(self, query: object) -> Result:
        """Find the force for a postcode, partial postcode, place or force name. Never raises."""
        bad = check_query(query)
        if bad:
            return bad
        assert isinstance(query, str)  # check_query refused everything else
        try:
            return self._locate(query)
        except Exception as exc:  # a bug: counted and logged, never the person's fault
            return self._failed(exc)

    def _locate(self, query: str) -> Result:
        res = self.postcodes.locate_like(query)
        if res:
            return res
        compact = normalise_postcode(query)
        if compact.startswith("BFPO"):
            return not_found(Reason.NON_GEOGRAPHIC, Kind.POSTCODE, compact)
        # "12 High Street, Cardiff CF10 1AA": a full postcode at the end wins.
        return self.postcodes.locate_trailing(query) or self.places.locate(query)

    def locate_point(self, lat: float | str, lng: float | str) -> Result:
        """Find the force for a WGS84 location via the 1 km grid. Never raises."""
        try:
            lat, lng = float(lat), float(lng)
        except (TypeError, ValueError, OverflowError):
            return invalid(Reason.MALFORMED_COORDINATES)
        if not (math.isfinite(lat) and math.isfinite(lng)):
            return invalid(Reason.MALFORMED_COORDINATES)
        if not (-90 <= lat <= 90 and -180 <= lng <= 180):
            return invalid(Reason.OUT_OF_RANGE)
        for name, (la0, la1, lo0, lo1) in CROWN_BOXES.items():
            if la0 <= lat <= la1 and lo0 <= lng <= lo1:
                return Result(Status.FOUND, (CROWN_FORCE_OF[name],), Reason.POINT, Kind.POINT)
        if not (UK_BOX[0] <= lat <= UK_BOX[1] and UK_BOX[2] <= lng <= UK_BOX[3]):
            return not_found(Reason.OUTSIDE_UK, Kind.POINT)
        try:
            return self.grid.locate(*wgs84_to_osgb(lat, lng))
        except Exception as exc:  # a bug: counted and logged, never the person's fault
            return self._failed(exc)

    def _failed(self, exc: Exception) -> Result:
        """Count and log an unexpected exception: its type and where, never its message.

        The message could quote the query (a KeyError names the key), so only the
        exception's class and the code's file, line and function are written.
        """
        with self._failures_lock:
            self.failures += 1
        frames = traceback.extract_tb(exc.__traceback__)
        where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames[::-1])
        log.error("Locator failed (%s at %s); answered 'error'", type(exc).__name__, where)
        return not_found(Reason.ERROR)

    def info(self) -> dict[str, Any]:
        """Return the data version, attribution lines and generated file sizes."""
        if self._info is None:
            files = {}
            for path in sorted(self.data_dir.glob("*")):
                if path.is_file() and path.suffix in (".json", ".toml"):
                    raw = path.read_bytes()
                    files[path.name] = {
                        "bytes": len(raw),
                        "gzip_bytes": len(gzip.compress(raw, 9)),
                    }
            self._info = {"version": self.version, "attribution": self.attribution, "files": files}
        return self._info


@functools.cache
def load(data_dir: Path = DATA_DIR) -> Locator:
    """Return the Locator for ``data_dir``, loading its tables the first time (about 2 s).

    The tables are read-only, so every app in a process (the test suite makes many)
    shares one copy; `create_app` calls this before gunicorn forks its workers.
    """
    return Locator(data_dir)
