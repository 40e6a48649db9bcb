"""Fail when messages.pot is out of date or the Welsh catalogue is incomplete.

Run with `make check-strings`; the test suite runs the same check.
"""

import io
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
POT = ROOT / "translations" / "messages.pot"
PO = ROOT / "translations" / "cy" / "LC_MESSAGES" / "messages.po"


def extract() -> bytes:
    """Extract the strings afresh, with the same options as `make extract-strings`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "messages.pot"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "babel.messages.frontend",
                "extract",
                "-F",
                "babel.cfg",
                "-k",
                "_l",
                "--no-location",
                "--omit-header",
                "--sort-output",
                "-o",
                str(out),
                ".",
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        return out.read_bytes()


def problems() -> list[str]:
    """Return what is wrong with the catalogues, in words."""
    found = []
    fresh = {m.id for m in read_po(io.BytesIO(extract())) if m.id}
    with POT.open("rb") as pot:
        committed = {m.id for m in read_po(pot) if m.id}
    if fresh != committed:
        found.append(
            f"messages.pot is stale: run `make update-strings` ({len(fresh ^ committed)} strings differ)"
        )
    with PO.open("rb") as po:
        welsh = read_po(po, locale="cy")
    for message in welsh:
        if not message.id:
            continue
        if message.fuzzy:
            found.append(f"fuzzy Welsh: {message.id!r}")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"untranslated Welsh: {message.id!r}")
    missing = fresh - {m.id for m in welsh if m.id}
    found += [f"missing from the Welsh catalogue: {m!r}" for m in sorted(missing, key=str)]
    return found


def main() -> int:
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
