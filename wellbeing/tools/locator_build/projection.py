"""Grid references to WGS84 with pyproj (build time only); WGS84 to OSGB is the runtime's own.

The runtime places a device location with its own forward maths
(`wellbeing.locator.geodesy.wgs84_to_osgb`: GRS80, the OS seven-parameter Helmert to
OSGB36, Airy 1830, Transverse Mercator), so the build places every point with the same
function. ``OSGB36`` below is that same chain as a PROJ pipeline: the build inverts it
for local authorities' centroids, and tests/test_locator_build.py checks that the
runtime's maths and PROJ's agree to 2 mm.
"""

from pyproj import Transformer

OSGB36 = (
    "+proj=pipeline"
    " +step +proj=axisswap +order=2,1"
    " +step +proj=unitconvert +xy_in=deg +xy_out=rad"
    " +step +proj=cart +a=6378137 +b=6356752.314245"
    " +step +proj=helmert +x=-446.448 +y=125.157 +z=-542.060 +s=20.4894"
    " +rx=-0.1502 +ry=-0.2470 +rz=-0.8421 +convention=position_vector"
    " +step +inv +proj=cart +a=6377563.396 +b=6356256.909"
    " +step +proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000"
    " +a=6377563.396 +b=6356256.909"
)
# Northern Ireland's postcodes come as Irish Grid (TM75, Airy Modified) references;
# towgs84 is the TM75 -> WGS84 Helmert (m; arc seconds, position vector; ppm).
IRISH_GRID = (
    "+proj=tmerc +lat_0=53.5 +lon_0=-8 +k=1.000035 +x_0=200000 +y_0=250000"
    " +a=6377340.189 +b=6356034.447"
    " +towgs84=482.530,-130.596,564.557,-1.042,-0.214,-0.631,8.150 +units=m +no_defs"
)
WGS84_TO_OSGB = Transformer.from_pipeline(OSGB36)
_FROM_IRISH = Transformer.from_crs(IRISH_GRID, "EPSG:4326", always_xy=True)


def osgb_to_wgs84(e: float, n: float) -> tuple[float, float]:
    """Convert an OSGB36 National Grid reference (metres) to WGS84 (lat, lng)."""
    lat, lng = WGS84_TO_OSGB.transform(e, n, direction="INVERSE")
    return lat, lng


def irish_to_wgs84(e: float, n: float) -> tuple[float, float]:
    """Convert an Irish Grid (TM75) reference (metres) to WGS84 (lat, lng)."""
    lng, lat = _FROM_IRISH.transform(e, n)
    return lat, lng
