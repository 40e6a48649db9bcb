"""The committed JSON Schemas of the content files (``make content-schema``).

Pure tests: no Flask app (run with ``--noconftest``).
"""

import datetime as dt
import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from wellbeing.content.json_schema import schemas

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schema" / "content"
DATA = ROOT / "wellbeing" / "data"


def as_json(value):
    """Return TOML data as an editor's TOML-to-JSON view sees it: dates as ISO strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def read(path: Path):
    return as_json(tomllib.loads(path.read_text(encoding="utf-8")))


def test_committed_schemas_equal_a_fresh_generation():
    fresh = schemas()
    committed = {p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == set(fresh), "run make content-schema"
    for kind, schema in fresh.items():
        on_disk = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert on_disk == schema, f"schema/content/{kind}.schema.json is stale: make content-schema"


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        ("force", ROOT / "examples" / "force-overlay" / "forces" / "gwent.toml"),
        ("force", DATA / "forces" / "merseyside.toml"),
        ("services", DATA / "services" / "crisis.toml"),
        ("categories", DATA / "categories.toml"),
        ("call_now", DATA / "call_now.toml"),
        ("guide", next((DATA / "guides").glob("*.toml"))),
    ],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_files_validate_against_their_schema(kind, path):
    validator(kind).validate(read(path))


def test_the_schema_catches_a_typo_in_an_overlay():
    force = read(ROOT / "examples" / "force-overlay" / "forces" / "gwent.toml")
    force["nation"] = "cymru"
    force["webiste"] = force.pop("website")
    messages = sorted(e.message for e in validator("force").iter_errors(force))
    assert any("'cymru' is not one of" in m for m in messages)
    assert any("'webiste' was unexpected" in m for m in messages)
