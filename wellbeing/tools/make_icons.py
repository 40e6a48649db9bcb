"""Render the PNG icons from static/icons/icon.svg with Debian's Chromium.

Run with `make icons` after changing the SVG; the PNGs are committed.
The maskable icon keeps the artwork inside the central 80 % safe zone.
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parents[2] / "static" / "icons"
PAGE = """<!doctype html><html><body style="margin:0;background:{bg}">
<img src="data:image/svg+xml;base64,{svg}" style="display:block;width:{art}px;height:{art}px;margin:{pad}px">
</body></html>"""


def render(browser, size: int, out: Path, maskable: bool = False) -> None:
    """Screenshot the SVG at `size` pixels into `out`."""
    import base64

    svg = base64.b64encode((ICONS / "icon.svg").read_bytes()).decode()
    art = int(size * 0.8) if maskable else size
    pad = (size - art) // 2
    page = browser.new_page(viewport={"width": size, "height": size})
    page.set_content(
        PAGE.format(bg="#1d3f72" if maskable else "transparent", svg=svg, art=art, pad=pad)
    )
    page.screenshot(path=str(out), omit_background=not maskable)
    page.close()


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        render(browser, 192, ICONS / "icon-192.png")
        render(browser, 512, ICONS / "icon-512.png")
        render(browser, 512, ICONS / "icon-maskable-512.png", maskable=True)
        browser.close()


if __name__ == "__main__":
    main()
