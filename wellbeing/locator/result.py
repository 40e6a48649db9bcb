"""The answer to one query: a `Result` with a `Status`, a `Reason` and the `Kind` of query.

`Reason` is a stable machine code; the web layer turns it into words (forces.MESSAGES).
The enums are strings, so they compare equal to their values and serialise as them.
"""

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from .forces import ALL_FORCES


class Status(StrEnum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"
    INVALID = "invalid"


class Reason(StrEnum):
    # invalid
    EMPTY = "empty"
    TOO_LONG = "too_long"
    BAD_CHARACTERS = "bad_characters"
    MALFORMED_COORDINATES = "malformed_coordinates"
    OUT_OF_RANGE = "out_of_range"
    # not_found
    UNRECOGNISED = "unrecognised"
    OUTSIDE_UK = "outside_uk"
    NON_GEOGRAPHIC = "non_geographic"
    QUALIFIER_UNMATCHED = "qualifier_unmatched"  # "Leeds, Kent"
    ERROR = "error"  # the locator failed (logged and counted): never the person's fault
    # found
    POSTCODE = "postcode"
    PO_BOX = "po_box"
    APPROXIMATE = "approximate"  # a postcode we do not know, in an area that is all but one force
    MOSTLY = "mostly"  # an area with at most 2 % elsewhere
    TERMINATED = "terminated"  # a postcode no longer in use
    PLACE = "place"
    PLACE_FUZZY = "place_fuzzy"
    FORCE = "force"
    POINT = "point"
    # ambiguous
    PARTIAL_POSTCODE_MIXED = "partial_postcode_mixed"
    UNKNOWN_POSTCODE_MIXED = "unknown_postcode_mixed"
    TERMINATED_MIXED = "terminated_mixed"
    PLACE_AMBIGUOUS = "place_ambiguous"  # several places share the name
    PLACE_SPLIT = "place_split"  # one place that several forces cover
    POINT_BORDER = "point_border"  # a location near a border


class Kind(StrEnum):
    """What the query was read as."""

    NONE = ""
    POSTCODE = "postcode"
    SECTOR = "sector"
    OUTCODE = "outcode"
    AREA = "area"
    PLACE = "place"
    FORCE = "force"
    POINT = "point"


@dataclass(frozen=True)
class Result:
    """The answer to one query; ``forces`` holds slugs, most likely first."""

    status: Status
    forces: tuple[str, ...]
    reason: Reason
    kind: Kind = Kind.NONE
    matched: str = ""
    qualifiers: tuple[str, ...] = ()  # one per force for ambiguous places (e.g. county)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (tuples become lists; the enums are strings)."""
        d = asdict(self)
        d["forces"] = list(self.forces)
        d["qualifiers"] = list(self.qualifiers)
        return d


def invalid(reason: Reason) -> Result:
    return Result(Status.INVALID, (), reason)


def not_found(reason: Reason, kind: Kind = Kind.NONE, matched: str = "") -> Result:
    return Result(Status.NOT_FOUND, (), reason, kind, matched)


def found(force: int, reason: Reason, kind: Kind, matched: str) -> Result:
    """Return a found Result for a force index (into ALL_FORCES)."""
    return Result(Status.FOUND, (ALL_FORCES[force],), reason, kind, matched)


def ambiguous(forces: list[int], reason: Reason, kind: Kind, matched: str = "") -> Result:
    """Return an ambiguous Result for force indexes (into ALL_FORCES), most likely first."""
    return Result(Status.AMBIGUOUS, tuple(ALL_FORCES[f] for f in forces), reason, kind, matched)
