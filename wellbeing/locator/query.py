"""Reading what people type: checks, name and postcode normalisation, coordinates."""

import re
import unicodedata

from ..limits import MAX_QUERY
from .result import Reason, Result, invalid

CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
COORD_RE = re.compile(r"^[+-]?([0-9]{1,3}(\.[0-9]{0,12})?|\.[0-9]{1,12})$")


def check_query(query: object) -> Result | None:
    """Return an ``invalid`` Result for unusable input, or None if the query can be looked up."""
    if not isinstance(query, str) or not query.strip():
        return invalid(Reason.EMPTY)
    if len(query) > MAX_QUERY:
        return invalid(Reason.TOO_LONG)
    if CONTROL_RE.search(query):
        return invalid(Reason.BAD_CHARACTERS)
    return None


def normalise_name(text: str) -> str:
    """Fold a place name for matching: no accents, lower case, words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("&", " and ").replace("'", "").replace("\u2019", "")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    words = ["st" if w == "saint" else w for w in text.split()]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def normalise_postcode(text: str) -> str:
    """Upper-case and remove all whitespace ('sw1a 1aa ' -> 'SW1A1AA')."""
    return re.sub(r"\s+", "", text).upper()


def format_postcode(compact: str) -> str:
    """Insert the space before the inward code ('SW1A1AA' -> 'SW1A 1AA')."""
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 4 else compact


def parse_point(lat_str: object, lng_str: object) -> tuple[float, float] | Result:
    """Turn two user strings into (lat, lng) floats, or return an ``invalid`` Result."""
    values = []
    for raw in (lat_str, lng_str):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return invalid(Reason.EMPTY)
        text = str(raw).strip()
        if len(text) > 20 or not COORD_RE.match(text):
            return invalid(Reason.MALFORMED_COORDINATES)
        values.append(float(text))
    lat, lng = values
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        return invalid(Reason.OUT_OF_RANGE)
    return lat, lng
