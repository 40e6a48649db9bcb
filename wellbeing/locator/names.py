"""Place, landmark and force names: exact matches, "Town, county" qualifiers and fuzzy matching."""

import operator
from dataclasses import dataclass, replace
from typing import Any

from .forces import ALL_FORCES, CROWN_FORCE_OF, CROWN_FORCES, NATION_OF_FORCE, TERRITORIAL_FORCES
from .fuzzy import edit_distance, fuzzy_limit, letter_counts, letter_mask
from .query import normalise_name
from .result import Kind, Reason, Result, Status, not_found

# A same-name place this many times smaller than the biggest is not offered
# (e.g. Leeds, Kent or St Helens, Isle of Wight); a qualifier still reaches it.
MIN_PLACE_RATIO = 40
# Fuzzy matching: a query shorter than FUZZY_LONG letters only matches places at least this big
# (population; local authorities and areas count as big).
FUZZY_LONG = 9
FUZZY_MIN_WEIGHT = 5000
# Qualifiers that narrow nothing ("Cardiff, UK").
NEUTRAL_QUALIFIERS = {"uk", "united kingdom", "gb", "great britain", "britain", "england and wales"}
FORCE_WORDS = {"police", "constabulary", "service", "heddlu", "force", "the", "of"}


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry reachable from a normalised name."""

    name: str
    forces: tuple[int, ...]  # indexes into ALL_FORCES, most likely first
    county: str
    quals: frozenset[str]
    weight: float  # population-like: bigger = more likely
    outside: str = ""  # "outside_uk" for places outside the UK forces


class Names:
    """Answer names from ``places.json`` and the hand-kept ``aliases.toml``."""

    def __init__(self, places: dict[str, Any], aliases: dict[str, Any]):
        """Index every name, alias and force name by its normalised form."""
        self.names: dict[str, list[Entry]] = {}
        for name, alts, county, district, force, _lat, _lng, pop in places["places"]:
            forces = tuple(force) if isinstance(force, list) else (force,)
            weight = pop if pop > 0 else (1e7 if pop == -1 else -pop * 30)
            entry = Entry(name, forces, county, qualifiers(county, district, forces), weight)
            self._add(self.names, entry, name, alts)
        self.outside_names: dict[str, list[Entry]] = {}
        for name, alts, reason, country, *pop in places["outside"]:
            quals = frozenset({normalise_name(country)})
            if reason == "crown_dependency":  # the islands' own forces
                slugs = [CROWN_FORCE_OF[country]] if country in CROWN_FORCE_OF else CROWN_FORCES[:2]
                forces = tuple(ALL_FORCES.index(slug) for slug in slugs)
                quals |= {"channel islands"} if country != "Isle of Man" else set()
                entry = Entry(name, forces, country, quals, pop[0] if pop else 1e7)
                self._add(self.names, entry, name, alts)
            else:
                entry = Entry(name, (), country, quals, 0, outside=Reason(reason))
                self._add(self.outside_names, entry, name, alts)
        # Hand-kept names: aliases point at a canonical name (optionally "Name, qualifier").
        self.aliases: dict[str, list[str]] = {}
        for alias, target in aliases.get("aliases", {}).items():
            self.aliases[normalise_name(alias)] = (
                [target] if isinstance(target, str) else list(target)
            )
        for name, spec in aliases.get("landmarks", {}).items():
            forces = tuple(TERRITORIAL_FORCES.index(f) for f in spec["forces"])
            entry = Entry(name, forces, spec.get("qualifier", ""), frozenset(), 1e6)
            self._add(self.names, entry, name, spec.get("aliases", []))
        # Force names: full names and hand-kept aliases answer with the force itself.
        self.force_full: dict[str, str] = {}
        self.force_short: dict[str, str] = {}
        self.crown_forces: dict[str, str] = {}
        for slug, (*force_names, kind) in places["force_names"].items():
            for nm in force_names:
                key = normalise_name(nm)
                if kind == "crown-dependency":
                    self.crown_forces[key] = slug
                    continue
                self.force_full[key] = slug
                short = " ".join(w for w in key.split() if w not in FORCE_WORDS)
                if short:
                    self.force_short.setdefault(short, slug)
                self.force_full.setdefault(slug.replace("-", " "), slug)
        for alias, slug in aliases.get("force_names", {}).items():
            self.force_full[normalise_name(alias)] = slug
        self.all_quals = frozenset(
            q for entries in self.names.values() for e in entries for q in e.quals
        )
        self._build_fuzzy_index()

    @staticmethod
    def _add(index: dict[str, list[Entry]], entry: Entry, name: str, alts: list[str]) -> None:
        for key in {normalise_name(name), *(normalise_name(a) for a in alts)}:
            index.setdefault(key, []).append(entry)

    def _build_fuzzy_index(self) -> None:
        """Bucket every matchable key by (length, first letter).

        A plausible misspelling keeps its first letter ('death' is not Neath), so a query
        only scans one small bucket per length; a letter mask and letter counts then skip
        hopeless keys cheaply. A short query (under FUZZY_LONG letters) only reaches a
        place of some size: a small village one letter from an English word is more
        likely the word ('resolver' is not Resolven).
        """
        big = {k for k, es in self.names.items() if max(e.weight for e in es) >= FUZZY_MIN_WEIGHT}
        big |= set(self.aliases) | set(self.force_full)
        self.by_first: dict[tuple[int, str], list[tuple[str, int, bytes, bool]]] = {}
        for key in set(self.names) | set(self.aliases) | set(self.force_full):
            if len(key) >= 5:
                item = (key, letter_mask(key), letter_counts(key), key in big)
                self.by_first.setdefault((len(key), key[0]), []).append(item)

    def locate(self, query: str) -> Result:
        """Answer a place, landmark or force name (exact first, then a bounded fuzzy match)."""
        text = normalise_name(query)
        if not text:
            return not_found(Reason.UNRECOGNISED)
        base, qual = text, ""
        if "," in query:
            before, _, after = query.partition(",")
            base, qual = normalise_name(before), normalise_name(after)
        if not base:
            base, qual = qual, ""
        qual = self._qualifier(qual)
        res = self._exact(base, qual) or self._split_qualifier(base)
        if not res:
            res = self._fuzzy(base, qual) or not_found(Reason.UNRECOGNISED)
        if qual and res.status == Status.NOT_FOUND and res.reason == Reason.UNRECOGNISED:
            if base in self.names or base in self.aliases or self._fuzzy(base, ""):
                # "Leeds, Kent": the place is known, the qualifier is not where it is.
                res = not_found(Reason.QUALIFIER_UNMATCHED, Kind.PLACE)
        if res.reason == Reason.QUALIFIER_UNMATCHED:
            res = replace(res, matched=" ".join(query.partition(",")[2].split()))
        return res

    def _qualifier(self, qual: str) -> str:
        """Read the part after a comma: a county, local authority, force or nation ('' = none)."""
        if qual in NEUTRAL_QUALIFIERS:
            return ""
        bare = qual.removeprefix("county ").removeprefix("co ")
        if bare in self.all_quals:
            return qual
        if qual in self.force_full:  # "Leeds, West Yorkshire Police", "Newport, Heddlu Gwent"
            return self.force_full[qual].replace("-", " ")
        stripped = " ".join(w for w in qual.split() if w not in FORCE_WORDS)
        return stripped if stripped in self.all_quals else qual

    def _exact(self, base: str, qual: str, fuzzy: bool = False) -> Result | None:
        """Answer an exactly matching force name, place, alias or landmark (None if nothing matches)."""
        if not qual and base in self.force_full:
            return _force(self.force_full[base])
        if not qual and base in self.crown_forces:
            return _force(self.crown_forces[base])
        for e in self.outside_names.get(base, ()):
            if qual and qual in e.quals:  # "Douglas, Isle of Man"
                return not_found(Reason(e.outside), Kind.PLACE, e.name)
        entries = list(self.names.get(base, ()))
        targets = self.aliases.get(base, [])
        for target in targets:
            t_base, _, t_qual = target.partition(",")
            entries += _filter(self.names.get(normalise_name(t_base), []), normalise_name(t_qual))
        if entries:
            # An alias listing several places is a deliberate ambiguity: keep even small ones.
            return _from_entries(entries, qual, fuzzy, prune=len(targets) < 2)
        if not qual and base in self.force_short:
            return _force(self.force_short[base])
        stripped = " ".join(w for w in base.split() if w not in FORCE_WORDS)
        if not qual and stripped != base and stripped in self.force_short:
            return _force(self.force_short[stripped])
        if base in self.outside_names:
            e = self.outside_names[base][0]
            return not_found(Reason(e.outside), Kind.PLACE, e.name)
        return None

    def _split_qualifier(self, text: str) -> Result | None:
        """Try 'Newport Gwent' as 'Newport, Gwent' when the last words name a county or nation."""
        words = text.split()
        for k in (1, 2, 3):
            if len(words) <= k:
                break
            base, qual = " ".join(words[:-k]), " ".join(words[-k:])
            entries = self.names.get(base)
            if entries and _filter(entries, qual):
                return _from_entries(entries, qual, False)
        return None

    def _fuzzy(self, base: str, qual: str) -> Result | None:
        """Find the closest known names within a small edit distance (bounded work)."""
        limit = fuzzy_limit(len(base))
        if not limit or len(base) > 40:
            return None
        mask, counts = letter_mask(base), letter_counts(base)
        best_d, best_keys = limit + 1, []
        small_ok = len(base) >= FUZZY_LONG
        for length in range(len(base) - limit, len(base) + limit + 1):
            for key, kmask, kcounts, big in self.by_first.get((length, base[0]), ()):
                if not (big or small_ok):
                    continue
                # Each edit adds or removes at most one distinct letter: skip hopeless keys cheaply.
                if (mask & ~kmask).bit_count() > limit or (kmask & ~mask).bit_count() > limit:
                    continue
                # Each edit changes the letter counts by at most 2 in all.
                if sum(map(abs, map(operator.sub, counts, kcounts))) > 2 * limit:
                    continue
                key_limit = min(limit, best_d)
                d = edit_distance(base, key, key_limit)
                if d > key_limit:
                    continue
                if d < best_d:
                    best_d, best_keys = d, [key]
                elif d == best_d <= limit:
                    best_keys.append(key)
        if not best_keys:
            return None
        answers = [self._exact(k, qual, fuzzy=True) for k in best_keys]
        results = [r for r in answers if r and r.status in (Status.FOUND, Status.AMBIGUOUS)]
        if not results:
            return None
        if len(results) == 1 or all(r.forces == results[0].forces for r in results):
            r = results[0]
            if r.status == Status.FOUND and r.kind == Kind.PLACE:
                return replace(r, reason=Reason.PLACE_FUZZY)
            return r
        if best_d > 1:
            return None  # several different two-edit matches: a guess, not an answer
        forces: list[str] = []
        for r in results:
            forces += [f for f in r.forces if f not in forces]
        return Result(
            Status.AMBIGUOUS, tuple(forces), Reason.PLACE_AMBIGUOUS, Kind.PLACE, results[0].matched
        )


def _force(slug: str) -> Result:
    return Result(Status.FOUND, (slug,), Reason.FORCE, Kind.FORCE, slug)


def qualifiers(county: str, district: str, forces: tuple[int, ...]) -> frozenset[str]:
    """Return the normalised words a "Town, qualifier" query may use for this entry."""
    quals = {normalise_name(county), normalise_name(district)}
    for f in forces:
        slug = TERRITORIAL_FORCES[f]
        quals.add(NATION_OF_FORCE[slug])
        quals.add(slug.replace("-", " "))
        if slug in ("metropolitan", "city-of-london"):
            quals.add("london")
    quals |= {q.removeprefix("county ") for q in quals}
    quals.discard("")
    return frozenset(quals)


def _filter(entries: list[Entry], qual: str) -> list[Entry]:
    """Keep entries whose county, district, nation or force matches the qualifier."""
    if not qual:
        return list(entries)
    qual = qual.removeprefix("county ").removeprefix("co ")
    return [
        e
        for e in entries
        if qual in e.quals or any(qual.endswith(" " + q) for q in e.quals if " " not in q)
    ]


def _from_entries(entries: list[Entry], qual: str, fuzzy: bool, prune: bool = True) -> Result:
    """Turn matching gazetteer entries into found/ambiguous, most likely force first."""
    chosen = _filter(entries, qual)
    if not chosen:  # never the unqualified place's force: the qualifier said otherwise
        return not_found(Reason.QUALIFIER_UNMATCHED, Kind.PLACE)
    best: dict[int, tuple[float, Entry]] = {}
    for e in chosen:
        for rank, f in enumerate(e.forces):
            w = e.weight / (rank + 1)  # later forces of a multi-force area are less likely
            if f not in best or w > best[f][0]:
                best[f] = (w, e)
    if not best:
        return not_found(Reason.UNRECOGNISED, Kind.PLACE)
    ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
    top = ranked[0][1][0]
    if prune:
        ranked = [kv for kv in ranked if kv[1][0] * MIN_PLACE_RATIO >= top] or ranked[:1]
    forces = tuple(ALL_FORCES[f] for f, _ in ranked)
    matched = ranked[0][1][1].name
    if len(forces) == 1:
        reason = Reason.PLACE_FUZZY if fuzzy else Reason.PLACE
        return Result(Status.FOUND, forces, reason, Kind.PLACE, matched)
    if len({id(e) for _, (_, e) in ranked}) == 1:
        # One place that more than one force covers (London: the Met and the City).
        return Result(Status.AMBIGUOUS, forces, Reason.PLACE_SPLIT, Kind.PLACE, matched)
    quals = tuple(e.county for _, (_, e) in ranked)
    return Result(Status.AMBIGUOUS, forces, Reason.PLACE_AMBIGUOUS, Kind.PLACE, matched, quals)
