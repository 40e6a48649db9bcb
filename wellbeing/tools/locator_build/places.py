"""The gazetteer: GeoNames places, local authorities and counties, each with its force."""

import random
import re
import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

from wellbeing.locator import TERRITORIAL_FORCES, normalise_name, wgs84_to_osgb

from .grid import Nearest
from .lads import Lad
from .postcodes import Point
from .projection import osgb_to_wgs84

ALIASES = Path(__file__).resolve().parents[2] / "data" / "locator" / "aliases.toml"
NOT_PLACES = Path(__file__).resolve().parents[3] / "tests" / "data" / "locator_not_places.txt"

# Counties, preserved counties, regions and nations that people type.
# Forces most likely first. Coordinates are not needed for these.
AREAS: list[tuple[str, str, list[str]]] = [
    ("Avon", "England", ["avon-and-somerset"]),
    ("Somerset", "England", ["avon-and-somerset"]),
    ("Bedfordshire", "England", ["bedfordshire"]),
    ("Berkshire", "England", ["thames-valley"]),
    ("Buckinghamshire", "England", ["thames-valley"]),
    ("Oxfordshire", "England", ["thames-valley"]),
    ("Cambridgeshire", "England", ["cambridgeshire"]),
    ("Cheshire", "England", ["cheshire"]),
    ("Cleveland", "England", ["cleveland"]),
    ("Teesside", "England", ["cleveland"]),
    ("Cornwall", "England", ["devon-and-cornwall"]),
    ("Devon", "England", ["devon-and-cornwall"]),
    ("Cumbria", "England", ["cumbria"]),
    ("Derbyshire", "England", ["derbyshire"]),
    ("Dorset", "England", ["dorset"]),
    ("County Durham", "England", ["durham"]),
    ("Essex", "England", ["essex"]),
    ("Gloucestershire", "England", ["gloucestershire"]),
    ("Greater Manchester", "England", ["greater-manchester"]),
    ("Hampshire", "England", ["hampshire"]),
    ("Hertfordshire", "England", ["hertfordshire"]),
    ("Humberside", "England", ["humberside"]),
    ("East Yorkshire", "England", ["humberside"]),
    ("East Riding", "England", ["humberside"]),
    ("Kent", "England", ["kent"]),
    ("Lancashire", "England", ["lancashire"]),
    ("Leicestershire", "England", ["leicestershire"]),
    ("Lincolnshire", "England", ["lincolnshire", "humberside"]),
    ("Merseyside", "England", ["merseyside"]),
    ("Greater London", "England", ["metropolitan", "city-of-london"]),
    ("London", "England", ["metropolitan", "city-of-london"]),
    ("Norfolk", "England", ["norfolk"]),
    ("Northamptonshire", "England", ["northamptonshire"]),
    ("Northumberland", "England", ["northumbria"]),
    ("Tyne and Wear", "England", ["northumbria"]),
    ("Tyneside", "England", ["northumbria"]),
    ("North Yorkshire", "England", ["north-yorkshire"]),
    ("Nottinghamshire", "England", ["nottinghamshire"]),
    ("South Yorkshire", "England", ["south-yorkshire"]),
    ("Staffordshire", "England", ["staffordshire"]),
    ("Suffolk", "England", ["suffolk"]),
    ("Surrey", "England", ["surrey"]),
    ("Sussex", "England", ["sussex"]),
    ("East Sussex", "England", ["sussex"]),
    ("West Sussex", "England", ["sussex"]),
    ("Warwickshire", "England", ["warwickshire"]),
    ("Worcestershire", "England", ["west-mercia"]),
    ("West Midlands", "England", ["west-midlands"]),
    ("West Yorkshire", "England", ["west-yorkshire"]),
    (
        "Yorkshire",
        "England",
        ["west-yorkshire", "south-yorkshire", "humberside", "north-yorkshire"],
    ),
    ("Wiltshire", "England", ["wiltshire"]),
    ("Gwent", "Wales", ["gwent"]),
    ("Dyfed", "Wales", ["dyfed-powys"]),
    ("Clwyd", "Wales", ["north-wales"]),
    ("Glamorgan", "Wales", ["south-wales"]),
    ("Mid Glamorgan", "Wales", ["south-wales"]),
    ("South Glamorgan", "Wales", ["south-wales"]),
    ("West Glamorgan", "Wales", ["south-wales"]),
    ("Anglesey", "Wales", ["north-wales"]),
    ("Wales", "Wales", ["south-wales", "north-wales", "gwent", "dyfed-powys"]),
    ("Scotland", "Scotland", ["police-scotland"]),
    ("Northern Ireland", "Northern Ireland", ["psni"]),
    ("County Antrim", "Northern Ireland", ["psni"]),
    ("County Armagh", "Northern Ireland", ["psni"]),
    ("County Down", "Northern Ireland", ["psni"]),
    ("County Fermanagh", "Northern Ireland", ["psni"]),
    ("County Londonderry", "Northern Ireland", ["psni"]),
    ("County Tyrone", "Northern Ireland", ["psni"]),
]

# Names outside UK police areas that people may type.
OUTSIDE_AREAS = [
    ("Jersey", "crown_dependency", "Jersey"),
    ("Guernsey", "crown_dependency", "Guernsey"),
    ("Alderney", "crown_dependency", "Guernsey"),
    ("Sark", "crown_dependency", "Guernsey"),
    ("Herm", "crown_dependency", "Guernsey"),
    ("Channel Islands", "crown_dependency", "Channel Islands"),
    ("Isle of Man", "crown_dependency", "Isle of Man"),
    ("Ireland", "outside_uk", "Ireland"),
    ("Republic of Ireland", "outside_uk", "Ireland"),
    ("Eire", "outside_uk", "Ireland"),
]


ALT_OK = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' .\-]+$")
ALT_FOREIGN = re.compile(r"\b(i|pa|på|in|de|del|di|em|en|na|w|v|im)\s|\(|county|kantri", re.I)


def useful_alternates(name: str, alts: list[str]) -> list[str]:
    """Keep alternate names a UK user might type (Welsh, Gaelic, Irish, English variants)."""
    base = normalise_name(name)
    keep = []
    for alt in alts or []:
        alt = alt.strip()
        if not ALT_OK.match(alt) or ALT_FOREIGN.search(alt) or len(alt) < 4:
            continue
        if alt.isupper():  # airport/IATA codes such as 'CWL'
            continue
        if normalise_name(alt) != base:  # Welsh forms too: "Y Rhyl", "Treorci"
            keep.append(alt)
    return sorted(set(keep))


def derive_places(
    nearest: Nearest,
    points: list[Point],
    geonames: list[dict[str, Any]],
    lads: dict[str, Lad],
    force_names: dict[str, list[str]],
) -> dict[str, Any]:
    """Build the gazetteer: GeoNames places, local authorities and counties, each with a force."""
    fidx = {slug: i for i, slug in enumerate(TERRITORIAL_FORCES)}
    rows: list[list[Any]] = []
    outside: list[list[Any]] = []
    crown_cc = {"IM": "Isle of Man", "JE": "Jersey", "GG": "Guernsey"}
    dropped = 0
    for g in geonames:
        cc = g["countrycode"]
        alts = useful_alternates(g["name"], g.get("alternatenames") or [])
        if cc in crown_cc:
            outside.append(
                [g["name"], alts, "crown_dependency", crown_cc[cc], int(g.get("population") or 0)]
            )
            continue
        if cc == "IE":
            if g.get("population", 0) >= 5000:
                outside.append([g["name"], alts, "outside_uk", "Ireland"])
            continue
        e, n = wgs84_to_osgb(g["latitude"], g["longitude"])
        hit = nearest(e, n)
        if hit is None or hit[0] > 5000:
            dropped += 1  # e.g. Akrotiri (GB sovereign base in Cyprus)
            continue
        _, f, lad = hit
        lad_name, county, _ = lads[lad]
        rows.append(
            [
                g["name"],
                alts,
                county,
                lad_name,
                f,
                round(g["latitude"], 4),
                round(g["longitude"], 4),
                int(g.get("population") or 0),
            ]
        )
    # Local authorities: a name, their county and force; place them at their postcodes' centroid.
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for e, n, _, lad in points:
        s = sums[lad]
        s[0] += e
        s[1] += n
        s[2] += 1
    seen = set()
    for code, (name, county, force) in lads.items():
        if code not in sums or (name, force) in seen:
            continue
        seen.add((name, force))
        s = sums[code]
        lat, lng = osgb_to_wgs84(s[0] / s[2], s[1] / s[2])
        rows.append([name, [], county, name, fidx[force], round(lat, 4), round(lng, 4), -s[2]])
    for name, nation, forces in AREAS:
        rows.append([name, [], nation, "", [fidx[f] for f in forces], None, None, -1])
    outside += [[name, [], reason, country] for name, reason, country in OUTSIDE_AREAS]
    print(
        f"places: {len(rows)} rows, {len(outside)} outside-UK rows, {dropped} GeoNames rows dropped (far from UK)"
    )
    return {
        "columns": ["name", "aliases", "county", "district", "force", "lat", "lng", "population"],
        "places": rows,
        "outside": outside,
        "force_names": force_names,
        "notes": "population < 0 marks a local authority (-postcode count) or an area (-1); "
        "force is an index into forces, or a list of indexes (most likely first) for areas",
    }


def write_not_places(places: dict[str, Any], path: Path, count: int = 400) -> None:
    """Write a test list of real English words that are no UK place (``english-words``, web2).

    Every gazetteer name, alternate name and hand-kept alias is taken out; the sample is
    seeded, so a rebuild writes the same list.
    """
    from english_words import get_english_words_set  # build-time only

    aliases = tomllib.loads(ALIASES.read_text(encoding="utf-8"))
    names = {normalise_name(n) for row in places["places"] for n in [row[0], *row[1]]}
    names |= {normalise_name(n) for row in places["outside"] for n in [row[0], *row[1]]}
    names |= {normalise_name(n) for n in aliases.get("aliases", {})}
    names |= {normalise_name(n) for n in aliases.get("landmarks", {})}
    words = sorted(
        w
        for w in get_english_words_set(["web2"], alpha=True, lower=True)
        if 5 <= len(w) <= 12 and w not in names
    )
    sample = sorted(random.Random(12).sample(words, count))
    path.write_text(
        "# English words that are no UK place: tests/test_locator.py checks that none is found.\n"
        "# Written by `make locator-data` (wellbeing/tools/locator_build); do not edit.\n"
        + "\n".join(sample)
        + "\n",
        encoding="utf-8",
    )
