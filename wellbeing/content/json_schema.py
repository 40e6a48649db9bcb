"""The JSON Schema of each content file kind, from the input models (``make content-schema``).

An editor that validates TOML against a JSON Schema (e.g. Taplo, "Even Better
TOML") can then check a force's overlay while it is typed. The schemas are
committed in ``schema/content/``; a test checks they equal a fresh generation.

    python -m wellbeing.content.json_schema schema/content
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from .force_schema import ForceIn
from .guide_schema import CallNowIn, GuideIn
from .schema import CategoryIn, IntranetServiceIn, ServiceIn


class CategoriesFile(BaseModel):
    """``categories.toml``: the directory's categories."""

    category: list[CategoryIn] = Field(default=[])


class IntranetServicesFile(BaseModel):
    """``intranet_services.toml``: the services most forces run on their intranet."""

    intranet_service: list[IntranetServiceIn] = Field(default=[])


class ServicesFile(BaseModel):
    """``services/*.toml``: directory services."""

    service: list[ServiceIn] = Field(default=[])


#: File name (without ``.schema.json``) -> the model of that file kind.
FILE_KINDS: dict[str, type[BaseModel]] = {
    "categories": CategoriesFile,
    "intranet_services": IntranetServicesFile,
    "services": ServicesFile,
    "force": ForceIn,
    "guide": GuideIn,
    "call_now": CallNowIn,
}


def schemas() -> dict[str, dict[str, Any]]:
    """Return each file kind's JSON Schema."""
    out = {}
    for name, model in FILE_KINDS.items():
        schema = model.model_json_schema()
        schema["additionalProperties"] = False
        out[name] = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return out


def write(folder: Path) -> list[Path]:
    """Write ``<kind>.schema.json`` for each file kind into ``folder``; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, schema in schemas().items():
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover - run by make content-schema
    for written in write(Path(sys.argv[1] if len(sys.argv) > 1 else "schema/content")):
        print(written)
