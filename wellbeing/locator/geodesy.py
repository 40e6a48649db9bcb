"""WGS84 latitude and longitude to OSGB36 National Grid metres (Helmert + Transverse Mercator).

The forward maths only; the build tool's inverse projections use pyproj.
"""

import math

_AIRY_A, _AIRY_B = 6377563.396, 6356256.909
_GRS80_A, _GRS80_B = 6378137.0, 6356752.314245
_F0, _LAT0, _LON0, _E0, _N0 = (
    0.9996012717,
    math.radians(49.0),
    math.radians(-2.0),
    400000.0,
    -100000.0,
)
_HELMERT = (-446.448, 125.157, -542.060, 20.4894, -0.1502, -0.2470, -0.8421)  # WGS84 -> OSGB36


def wgs84_to_osgb(lat: float, lng: float) -> tuple[float, float]:
    """Return the OSGB36 (easting, northing) in metres of a WGS84 lat/lng (accurate to a few metres)."""
    # 1. lat/lng on GRS80 -> cartesian
    e2 = 1 - _GRS80_B**2 / _GRS80_A**2
    phi, lam = math.radians(lat), math.radians(lng)
    nu = _GRS80_A / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    x, y, z = (
        nu * math.cos(phi) * math.cos(lam),
        nu * math.cos(phi) * math.sin(lam),
        (1 - e2) * nu * math.sin(phi),
    )
    # 2. Helmert to OSGB36
    tx, ty, tz, s, rx, ry, rz = _HELMERT
    s = s / 1e6 + 1
    rx, ry, rz = (math.radians(v / 3600) for v in (rx, ry, rz))
    x, y, z = (
        tx + x * s - y * rz + z * ry,
        ty + x * rz + y * s - z * rx,
        tz - x * ry + y * rx + z * s,
    )
    # 3. cartesian -> lat/lng on Airy 1830
    e2 = 1 - _AIRY_B**2 / _AIRY_A**2
    p = math.hypot(x, y)
    phi = math.atan2(z, p * (1 - e2))
    for _ in range(4):
        nu = _AIRY_A / math.sqrt(1 - e2 * math.sin(phi) ** 2)
        phi = math.atan2(z + e2 * nu * math.sin(phi), p)
    lam = math.atan2(y, x)
    # 4. Transverse Mercator projection
    a, b, f0 = _AIRY_A, _AIRY_B, _F0
    n = (a - b) / (a + b)
    sin_p, cos_p, tan_p = math.sin(phi), math.cos(phi), math.tan(phi)
    nu = a * f0 / math.sqrt(1 - e2 * sin_p**2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin_p**2) ** 1.5
    eta2 = nu / rho - 1
    dl, sl = phi - _LAT0, phi + _LAT0
    m = (
        b
        * f0
        * (
            (1 + n + 1.25 * n * n + 1.25 * n**3) * dl
            - (3 * n + 3 * n * n + 2.625 * n**3) * math.sin(dl) * math.cos(sl)
            + (1.875 * n * n + 1.875 * n**3) * math.sin(2 * dl) * math.cos(2 * sl)
            - (35 / 24) * n**3 * math.sin(3 * dl) * math.cos(3 * sl)
        )
    )
    i = m + _N0
    ii = nu / 2 * sin_p * cos_p
    iii = nu / 24 * sin_p * cos_p**3 * (5 - tan_p**2 + 9 * eta2)
    iiia = nu / 720 * sin_p * cos_p**5 * (61 - 58 * tan_p**2 + tan_p**4)
    iv = nu * cos_p
    v = nu / 6 * cos_p**3 * (nu / rho - tan_p**2)
    vi = nu / 120 * cos_p**5 * (5 - 18 * tan_p**2 + tan_p**4 + 14 * eta2 - 58 * tan_p**2 * eta2)
    d = lam - _LON0
    north = i + ii * d**2 + iii * d**4 + iiia * d**6
    east = _E0 + iv * d + v * d**3 + vi * d**5
    return east, north
