"""QR codes as inline SVG, made on the server by segno (pure Python; no image service).

A printed poster or wallet card is scanned from a wall or a phone's torchlight,
so the code uses error correction level M (about 15 % of it may be dirty or
creased), the standard four-module quiet zone, and black on an explicit white
background that stays white in dark mode.
"""

import segno
from markupsafe import Markup, escape


def qr_svg(url: str, label: str) -> Markup:
    """Return an inline `<svg>` QR code for `url`, named `label` for screen readers.

    The SVG scales to its container (no width or height of its own), so print
    CSS decides its printed size.
    """
    code = segno.make(url, error="m", micro=False, boost_error=False)
    svg = code.svg_inline(
        scale=1,
        border=4,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="qr",
        lineclass=None,
    )
    # segno writes `<svg viewBox=…`: name it for assistive technology.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
