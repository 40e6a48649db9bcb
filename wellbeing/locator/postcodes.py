"""Postcodes, sectors, districts and areas: the ONSPD tables and the one honesty rule."""

import re
from collections.abc import Callable
from typing import Any

from .forces import CROWN_FORCE_OF
from .query import format_postcode
from .result import Kind, Reason, Result, Status, ambiguous, found, not_found

# Postcode shapes, matched after removing spaces and upper-casing.
OUTCODE_RE = re.compile(r"^([A-Z]{1,2})([0-9][0-9A-Z]?)$")
SECTOR_RE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9]$")
FULL_RE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9])([A-Z]{2})$")
TRAILING_POSTCODE_RE = re.compile(r"([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})$")
SECTOR_TYPED_RE = re.compile(r"^(\S{2,4}) ([0-9OI])[A-Z]?$")
PO_BOX_RE = re.compile(r"^[A-Z]{1,2}[0-9]{1,2}P$")
CROWN_AREAS = {"GY": "Guernsey", "JE": "Jersey", "IM": "Isle of Man"}
AREA_RE = re.compile(r"^[A-Z]{1,2}$")
AREA_PREFIX_RE = re.compile(r"[A-Z]*")
# Letters and digits people swap in postcodes: tried only where the other is impossible.
LOOKALIKES = {"O": "0", "0": "O", "I": "1", "1": "I"}
# Dashes people (or their phones) type for the space in a postcode ("CF10-1AA", "CF10–1AA").
DASHES_RE = re.compile("[-\u2010-\u2015\u2212]")
# The one honesty rule for an area (postcode area, district or sector): "found" only when the
# forces other than the biggest together hold at most FOUND_MAX_ELSEWHERE of its postcodes;
# otherwise "ambiguous", listing every force with at least LIST_MIN_SHARE, most likely first.
FOUND_MAX_ELSEWHERE = 0.02
LIST_MIN_SHARE = 0.01

Counts = list[list[int]]  # [force, postcodes] pairs


class Postcodes:
    """Answer postcodes and their parts from ``postcodes.json`` (force indexes, not slugs)."""

    def __init__(self, pcs: dict[str, Any]):
        # outcode -> [default force, the sector digits in use]
        self.outcodes: dict[str, list[Any]] = pcs["outcodes"]
        self.sector_override: dict[str, int] = pcs["sectors"]
        self.mixed: dict[str, Counts] = pcs["mixed"]
        self.units: dict[str, dict[str, str]] = pcs["units"]
        self.non_geographic = set(pcs["non_geographic"])
        self.areas: dict[str, Counts] = pcs.get("areas", {})
        # Postcodes no longer in use whose answer the live tables would not give: sector -> units.
        # A sector wholly gone is one force index; otherwise {force: units}.
        self.terminated: dict[str, int | dict[str, str]] = pcs.get("terminated", {})
        self.terminated_outcodes = {s.split()[0] for s in self.terminated}

    def locate_like(self, query: str) -> Result | None:
        """Answer a query shaped like a postcode, sector, district or area (None if it is not one).

        Forgives what people type on phones: a hyphen for the space, punctuation around it,
        and O/0 or I/1 where only the other is possible.
        """
        text = " ".join(DASHES_RE.sub(" ", query).split()).strip(".,;:!?'\"() ").upper()
        compact = text.replace(" ", "")
        if compact == "GIR0AA":
            return self.locate_postcode(compact)
        full = self._repair(compact, FULL_RE, lambda v: v[:-3])
        if full:
            return self.locate_postcode(full)
        m = SECTOR_TYPED_RE.match(text)
        sector = m and self._repair(m.group(1) + m.group(2), SECTOR_RE, lambda v: v[:-1])
        if sector:
            return self.locate_sector(sector[:-1], sector[-1])
        if 2 <= len(compact) <= 4:
            outcode = self._repair(compact, OUTCODE_RE, lambda v: v)
            if outcode:
                return self.locate_outcode(outcode)
        if (
            AREA_RE.match(compact)
            and len(text) <= 2
            and (compact in self.areas or compact in CROWN_AREAS)
        ):
            return self.locate_area(compact)
        return None

    def locate_trailing(self, query: str) -> Result | None:
        """Answer "12 High Street, Cardiff CF10 1AA" by the full postcode at its end (None if none)."""
        m = TRAILING_POSTCODE_RE.search(" ".join(query.upper().replace(",", " ").split()))
        if m and len(query.split()) > 1:
            return self.locate_postcode(m.group(1) + m.group(2))
        return None

    def _repair(
        self, compact: str, shape: re.Pattern[str], outcode_of: Callable[[str], str]
    ) -> str | None:
        """Return the one reading of ``compact`` that has the shape and a known outcode.

        The text as typed wins; otherwise O/0 and I/1 are swapped, and a repair is used
        only when exactly one swap gives a known outcode. A shape with an unknown outcode
        is returned as typed, so that it is answered "not recognised" rather than as a name.
        """
        if len(compact) > 8:
            return None
        if shape.match(compact) and self._known_outcode(outcode_of(compact)):
            return compact
        spots = [i for i, ch in enumerate(compact) if ch in LOOKALIKES]
        if len(spots) > 4 or not any(ch.isdigit() for ch in compact):
            spots = []  # 'ALIOTH' is a word, not AL1 0TH
        repairs = set()
        for mask in range(1, 1 << len(spots)):
            chars = list(compact)
            for k, i in enumerate(spots):
                if mask >> k & 1:
                    chars[i] = LOOKALIKES[chars[i]]
            v = "".join(chars)
            if shape.match(v) and self._known_outcode(outcode_of(v)):
                repairs.add(v)
        if len(repairs) == 1:
            return repairs.pop()
        return compact if shape.match(compact) and not repairs else None

    def _known_outcode(self, outcode: str) -> bool:
        """Return True for an outcode in use, once in use, non-geographic or on the islands."""
        return (
            outcode in self.outcodes
            or outcode in self.terminated_outcodes
            or outcode in self.non_geographic
            or area_of(outcode) in CROWN_AREAS
        )

    def locate_postcode(self, compact: str) -> Result:
        """Answer a full postcode (no spaces, upper case)."""
        shown = format_postcode(compact)
        outcode, sector_digit, unit = compact[:-3], compact[-3], compact[-2:]
        early = self._special_outcode(outcode, Kind.POSTCODE, shown)
        if early:
            return early
        if compact == "GIR0AA":
            return not_found(Reason.NON_GEOGRAPHIC, Kind.POSTCODE, shown)
        sector = f"{outcode} {sector_digit}"
        old = self.terminated.get(sector)
        force = old if isinstance(old, int) or old is None else unit_force(old, unit)
        if force is not None:
            return self._terminated(force, outcode, sector, shown)
        if outcode not in self.outcodes:
            return not_found(Reason.UNRECOGNISED, Kind.POSTCODE, shown)
        default, sector_digits = self.outcodes[outcode]
        reason = Reason.PO_BOX if PO_BOX_RE.match(outcode) else Reason.POSTCODE
        if sector in self.units:
            force = unit_force(self.units[sector], unit)
            if force is None:  # not a live postcode we know: the sector's answer, honestly
                return self._partial(self.mixed[sector], Kind.POSTCODE, shown, unknown=True)
            return found(force, reason, Kind.POSTCODE, shown)
        if sector_digit in sector_digits:
            force = self.sector_override.get(sector, default)
            return found(force, reason, Kind.POSTCODE, shown)
        # No live postcode in this sector: the district's answer, never presented as exact.
        return self._partial(self._counts(outcode), Kind.POSTCODE, shown, unknown=True)

    def locate_sector(self, outcode: str, digit: str) -> Result:
        """Answer a postcode sector such as 'CH4 7'."""
        shown = f"{outcode} {digit}"
        early = self._special_outcode(outcode, Kind.SECTOR, shown)
        if early:
            return early
        if outcode not in self.outcodes:
            return not_found(Reason.UNRECOGNISED, Kind.SECTOR, shown)
        default, sector_digits = self.outcodes[outcode]
        if digit not in sector_digits:
            return self.locate_outcode(outcode)
        if shown in self.mixed:
            return self._partial(self.mixed[shown], Kind.SECTOR, shown)
        force = self.sector_override.get(shown, default)
        return found(force, Reason.POSTCODE, Kind.SECTOR, shown)

    def locate_outcode(self, outcode: str) -> Result:
        """Answer an outward code (postcode district) such as 'CH4'."""
        early = self._special_outcode(outcode, Kind.OUTCODE, outcode)
        if early:
            return early
        if outcode not in self.outcodes:
            return not_found(Reason.UNRECOGNISED, Kind.OUTCODE, outcode)
        return self._partial(self._counts(outcode), Kind.OUTCODE, outcode)

    def locate_area(self, area: str) -> Result:
        """Answer a postcode area typed alone, such as 'CH' or 'G'."""
        early = self._special_outcode(area, Kind.AREA, area)
        if early:
            return early
        return self._partial(self.areas[area], Kind.AREA, area)

    def _special_outcode(self, outcode: str, kind: Kind, shown: str) -> Result | None:
        """Answer island, non-geographic and PO-box-only outcodes (None for the others)."""
        area = area_of(outcode)
        if area in CROWN_AREAS:  # every JE, GY and IM postcode is its island's force
            slug = CROWN_FORCE_OF[CROWN_AREAS[area]]
            return Result(Status.FOUND, (slug,), Reason.POSTCODE, kind, shown)
        if area in ("BX", "BF") or outcode == "GIR" or outcode in self.non_geographic:
            return not_found(Reason.NON_GEOGRAPHIC, kind, shown)
        return None

    def _counts(self, outcode: str) -> Counts:
        """Return [force, postcodes] pairs for a district (one pair when it is all one force)."""
        return self.mixed.get(outcode) or [[self.outcodes[outcode][0], 1]]

    def _partial(self, counts: Counts, kind: Kind, shown: str, unknown: bool = False) -> Result:
        """Apply the one honesty rule to an area's [force, postcodes] counts."""
        forces = honesty_rule(counts)
        if len(forces) == 1:
            exact = len(counts) == 1
            reason = (
                Reason.APPROXIMATE if unknown else (Reason.POSTCODE if exact else Reason.MOSTLY)
            )
            return found(forces[0], reason, kind, shown)
        mixed = Reason.UNKNOWN_POSTCODE_MIXED if unknown else Reason.PARTIAL_POSTCODE_MIXED
        return ambiguous(forces, mixed, kind, shown)

    def _terminated(self, force: int, outcode: str, sector: str, shown: str) -> Result:
        """Answer a postcode no longer in use: its last force, plus any its area's rule lists."""
        if sector in self.mixed:
            counts = self.mixed[sector]
        elif outcode in self.outcodes:
            default, digits = self.outcodes[outcode]
            live = sector[-1] in digits
            counts = (
                [[self.sector_override.get(sector, default), 1]] if live else self._counts(outcode)
            )
        else:
            counts = [[force, 1]]
        forces = [force] + [f for f in honesty_rule(counts) if f != force]
        if len(forces) == 1:
            return found(force, Reason.TERMINATED, Kind.POSTCODE, shown)
        return ambiguous(forces, Reason.TERMINATED_MIXED, Kind.POSTCODE, shown)


def area_of(outcode: str) -> str:
    """Return the letters a postcode begins with ('SW1A' -> 'SW')."""
    letters = AREA_PREFIX_RE.match(outcode)
    return letters.group(0) if letters else ""


def honesty_rule(counts: Counts) -> list[int]:
    """Apply the honesty rule to [force, postcodes] pairs: one force, or every force with 1 % or more.

    One force when the others together hold at most FOUND_MAX_ELSEWHERE of the postcodes;
    otherwise at least two, most likely first.
    """
    ranked = sorted(counts, key=lambda fn: -fn[1])
    total = sum(n for _, n in ranked)
    if total - ranked[0][1] <= FOUND_MAX_ELSEWHERE * total:
        return [ranked[0][0]]
    keep = [f for f, n in ranked if n >= LIST_MIN_SHARE * total]
    return keep if len(keep) > 1 else [f for f, _ in ranked[:2]]


def unit_force(by_force: dict[str, str], unit: str) -> int | None:
    """Return the force whose packed unit list ('AAABAD...') holds ``unit``, or None."""
    for force, codes in by_force.items():
        i = codes.find(unit)
        while i != -1 and i % 2:
            i = codes.find(unit, i + 1)
        if i != -1:
            return int(force)
    return None
