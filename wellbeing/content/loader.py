"""Read the content files, validate every entry, and report every problem at once.

The layout (any directory, the shipped one or a deployer's)::

    categories.toml         [[category]] entries
    intranet_services.toml  [[intranet_service]] entries (shared force-intranet texts)
    services/*.toml         [[service]] entries (any file name; ``category`` is a field)
    forces/<slug>.toml      one force per file; the file name must be the slug
    guides/<slug>.toml      one family guide per file (shipped directory only)
    call_now.toml           which crisis services the pages offer (shipped directory only)

A deployer's entry whose id (or slug, or key) matches a shipped entry replaces
the whole shipped entry: nothing is merged field by field. Entries with new
ids are added. Ids must be unique within each directory.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import xref
from .errors import ContentError, describe, problem
from .force_schema import ForceIn
from .guide_schema import CallNowIn, GuideIn
from .records import CallNow, Category, Force, Guide, IntranetService, Service
from .schema import CategoryIn, IntranetServiceIn, ServiceIn
from .store import Content
from .text import fold
from .types import ID_PATTERN
from .vocabulary import FORCE_NATIONS

M = TypeVar("M", bound=BaseModel)


@dataclass
class _Loading:
    """What has been read so far, and every problem found."""

    problems: list[str] = field(default_factory=list)
    categories: dict[str, Category] = field(default_factory=dict)
    intranet: dict[str, IntranetService] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    forces: dict[str, Force] = field(default_factory=dict)

    def read(self, path: Path, label: str) -> dict[str, Any] | None:
        try:
            with path.open("rb") as fh:
                return tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            self.problems.append(f"{label}: TOML syntax error: {exc}")
        except UnicodeDecodeError as exc:
            self.problems.append(f"{label}: not UTF-8 text (byte {exc.start}); save it as UTF-8")
        except OSError as exc:
            self.problems.append(f"{label}: cannot read file: {exc.strerror}")
        return None

    def validate(
        self, model: type[M], raw: Any, label: str, entry: str, deployer: bool = False
    ) -> M | None:
        """Return the valid entry, or None after noting each of its problems."""
        try:
            return model.model_validate(raw, context={"deployer": deployer})
        except ValidationError as exc:
            for error in exc.errors():
                name, message = describe(error, model)
                self.problems.append(problem(label, message, entry, name))
            return None

    def entries(self, path: Path, label: str, key: str) -> list[Any]:
        """Return the ``[[key]]`` tables of a file that holds only those."""
        data = self.read(path, label)
        if data is None:
            return []
        for other in data:
            if other != key:
                self.problems.append(
                    f"{label}: unknown top-level key '{other}'; expected [[{key}]] tables"
                )
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            self.problems.append(f"{label}: expected [[{key}]] tables")
            return []
        return items

    def load_dir(self, root: Path, deployer: bool) -> None:
        """Read one directory's categories, intranet texts and services (forces come later)."""

        def label(path: Path) -> str:
            return str(path) if deployer else path.relative_to(root).as_posix()

        path = root / "categories.toml"
        found: dict[str, Category] = {}
        for raw in self.entries(path, label(path), "category") if path.exists() else []:
            entry = f"category '{raw.get('id', '?')}'"
            if cat := self.validate(CategoryIn, raw, label(path), entry):
                if cat.id in found:
                    self.problems.append(problem(label(path), "duplicate id", entry, "id"))
                found[cat.id] = cat.to_record(label(path))
        self.categories.update(found)

        path = root / "intranet_services.toml"
        shared: dict[str, IntranetService] = {}
        for raw in self.entries(path, label(path), "intranet_service") if path.exists() else []:
            entry = f"intranet service '{raw.get('key')}'"
            if item := self.validate(IntranetServiceIn, raw, label(path), entry):
                if item.key in shared:
                    self.problems.append(problem(label(path), "duplicate key", entry, "key"))
                shared[item.key] = item.to_record(label(path))
        self.intranet.update(shared)

        seen: dict[str, str] = {}
        for path in sorted((root / "services").glob("*.toml")):
            for raw in self.entries(path, label(path), "service"):
                entry = f"service '{raw.get('id', '?')}'"
                if svc := self.validate(ServiceIn, raw, label(path), entry, deployer):
                    if svc.id in seen:
                        message = f"duplicate id (also in {seen[svc.id]})"
                        self.problems.append(problem(label(path), message, entry, "id"))
                    seen[svc.id] = label(path)
                    self.services[svc.id] = svc.to_record(label(path))

    def load_forces(self, root: Path, deployer: bool) -> None:
        for path in sorted((root / "forces").glob("*.toml")):
            label = str(path) if deployer else path.relative_to(root).as_posix()
            raw = self.read(path, label)
            if raw is None:
                continue
            entry = f"force '{raw.get('slug', path.stem)}'"
            force = self.validate(ForceIn, raw, label, entry, deployer)
            if force is None:
                continue
            found = force.problems()
            if force.slug != path.stem:
                found.append(("slug", f"the file must be named {force.slug}.toml"))
            found += [
                ("intranet_services", f"'{key}' is not described in intranet_services.toml")
                for key in force.intranet_services
                if key not in self.intranet
            ]
            self.problems += [problem(label, message, entry, name) for name, message in found]
            if not found:
                # A deployer's file replaces the shipped one.
                self.forces[force.slug] = force.to_record(label, self.intranet)

    def load_guides(self, root: Path) -> dict[str, Guide]:
        guides = []
        for path in sorted((root / "guides").glob("*.toml")):
            label, slug = path.relative_to(root).as_posix(), path.stem
            if not _is_slug(slug):
                self.problems.append(f"{label}: file name must be a lower-case slug")
                continue
            raw = self.read(path, label)
            guide = self.validate(GuideIn, raw, label, f"guide '{slug}'") if raw else None
            if guide is None:
                continue
            found = guide.problems()
            self.problems += [problem(label, msg, f"guide '{slug}'", name) for name, msg in found]
            guides.append(guide.to_record(slug, label))
        return {g.slug: g for g in sorted(guides, key=lambda g: (g.order, g.slug))}

    def load_call_now(self, path: Path, label: str) -> CallNow | None:
        raw = self.read(path, label)
        lists = self.validate(CallNowIn, raw, label, "") if raw is not None else None
        if lists is None:
            return None
        found = lists.problems()
        self.problems += [problem(label, message, None, name) for name, message in found]
        return None if found else lists.to_record(label)

    def stop_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)


def _is_slug(name: str) -> bool:
    return re.fullmatch(ID_PATTERN, name) is not None


def read_call_now(path: Path) -> CallNow:
    """Read and validate a call-now file on its own (its service ids are checked at load)."""
    loading = _Loading()
    lists = loading.load_call_now(path, path.name)
    loading.stop_if_any()
    assert lists is not None
    return lists


def load_content(data_dir: Path, extra_dir: Path | None = None) -> Content:
    """Load, validate and cross-check all content; raise ContentError listing every problem.

    ``extra_dir`` (a deployer's) entries replace shipped entries with the same
    id/slug/key (whole entries, no field merging) and add new ones.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise ContentError(f"{data_dir}: content directory not found")
    if extra_dir is not None and not Path(extra_dir).is_dir():
        raise ContentError(f"{extra_dir}: deployer content directory not found")
    loading = _Loading()
    loading.load_dir(data_dir, False)
    if extra_dir is not None:
        loading.load_dir(Path(extra_dir), True)
    loading.load_forces(data_dir, False)
    if extra_dir is not None:
        loading.load_forces(Path(extra_dir), True)
    guides = loading.load_guides(data_dir)
    path = data_dir / "call_now.toml"
    call_now = loading.load_call_now(path, path.name) if path.exists() else None
    loading.stop_if_any()

    services, forces = loading.services, loading.forces
    loading.problems += xref.problems(loading.categories, services, forces, guides, call_now)
    loading.stop_if_any()

    categories = dict(sorted(loading.categories.items(), key=lambda kv: (kv[1].order, kv[0])))
    cat_rank = {cid: i for i, cid in enumerate(categories)}
    file_rank = {sid: i for i, sid in enumerate(services)}
    nation_rank = {n: i for i, n in enumerate(FORCE_NATIONS)}
    return Content(
        categories,
        dict(
            sorted(
                services.items(),
                key=lambda kv: (cat_rank[kv[1].category], kv[1].priority, file_rank[kv[0]]),
            )
        ),
        dict(
            sorted(forces.items(), key=lambda kv: (nation_rank[kv[1].nation], fold(kv[1].name.en)))
        ),
        loading.intranet,
        guides,
        call_now,
    )
