"""The QR codes the printables carry: inline SVG that scanners read as the exact URL."""

import io
import xml.etree.ElementTree as ET

import segno

from tests.qr import decode
from wellbeing.qr import qr_svg

URL = "https://signpost.example/cy/forces/dyfed-powys/family"


def test_the_code_encodes_exactly_the_url():
    # segno renders the same symbol as a PNG, which zbarimg can read without a browser.
    code = segno.make(URL, error="m", micro=False, boost_error=False)
    png = io.BytesIO()
    code.save(png, kind="png", scale=4, border=4)
    assert decode(png.getvalue()) == [URL]


def test_the_svg_is_named_for_screen_readers_and_sizes_to_its_container():
    svg = ET.fromstring(str(qr_svg(URL, 'QR code for "Dyfed-Powys"')))
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == 'QR code for "Dyfed-Powys"'
    assert svg.get("width") is None and svg.get("height") is None
