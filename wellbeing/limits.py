"""Limits the whole app shares, defined once."""

# The longest search, place or postcode query any page or API accepts; longer
# ones get a 400 with a message, never a truncated search.
MAX_QUERY = 100
