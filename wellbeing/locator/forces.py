"""The forces the locator answers, in the order of the generated tables, and where they are."""

# Index order of the generated tables (forces.yaml order). Changing it needs a rebuild.
TERRITORIAL_FORCES: tuple[str, ...] = (
    "avon-and-somerset",
    "bedfordshire",
    "cambridgeshire",
    "cheshire",
    "city-of-london",
    "cleveland",
    "cumbria",
    "derbyshire",
    "devon-and-cornwall",
    "dorset",
    "durham",
    "essex",
    "gloucestershire",
    "greater-manchester",
    "hampshire",
    "hertfordshire",
    "humberside",
    "kent",
    "lancashire",
    "leicestershire",
    "lincolnshire",
    "merseyside",
    "metropolitan",
    "norfolk",
    "north-yorkshire",
    "northamptonshire",
    "northumbria",
    "nottinghamshire",
    "south-yorkshire",
    "staffordshire",
    "suffolk",
    "surrey",
    "sussex",
    "thames-valley",
    "warwickshire",
    "west-mercia",
    "west-midlands",
    "west-yorkshire",
    "wiltshire",
    "dyfed-powys",
    "gwent",
    "north-wales",
    "south-wales",
    "police-scotland",
    "psni",
)
NATIONAL_FORCES = ("btp", "civil-nuclear-constabulary", "ministry-of-defence-police")
# The Crown Dependencies' own forces: found from their postcodes, places and locations,
# but outside the generated tables (their postcodes carry no UK local authority).
CROWN_FORCES = ("states-of-jersey-police", "guernsey-police", "isle-of-man-constabulary")
ALL_FORCES = TERRITORIAL_FORCES + CROWN_FORCES
CROWN_FORCE_OF = {
    "Jersey": "states-of-jersey-police",
    "Guernsey": "guernsey-police",
    "Isle of Man": "isle-of-man-constabulary",
}
# One character per force in grid rows; '.' = no postcode in the cell, '*' = several forces.
FORCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs"

WELSH_FORCES = {"dyfed-powys", "gwent", "north-wales", "south-wales"}
NATION_OF_FORCE = (
    {f: "england" for f in TERRITORIAL_FORCES}
    | {f: "wales" for f in WELSH_FORCES}
    | {
        "police-scotland": "scotland",
        "psni": "northern ireland",
    }
    | {slug: name.lower() for name, slug in CROWN_FORCE_OF.items()}
)

# Rough boxes (lat_min, lat_max, lng_min, lng_max) around each island force's land and inshore waters.
CROWN_BOXES = {
    "Jersey": (49.15, 49.29, -2.28, -1.98),
    "Guernsey": (49.38, 49.76, -2.72, -2.15),
    "Isle of Man": (54.03, 54.44, -4.86, -4.28),
}
UK_BOX = (49.8, 61.0, -8.75, 2.1)
