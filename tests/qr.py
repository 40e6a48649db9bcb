"""Decode QR codes in test screenshots with `zbarimg` (Debian's zbar-tools).

Without zbarimg the tests that need it skip, except under `CI=true`, where
`.ci/run` installs it and a missing one is a failure.
"""

import os
import shutil
import subprocess

import pytest


def decode(png: bytes) -> list[str]:
    """Return the text of every QR code zbarimg finds in a PNG image."""
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        if os.environ.get("CI") == "true":
            pytest.fail("zbarimg is missing: apt-get install zbar-tools")
        pytest.skip("zbarimg not installed (apt-get install zbar-tools)")
    done = subprocess.run(
        [zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "-"],
        input=png,
        capture_output=True,
        timeout=30,
        check=False,
    )
    # zbarimg exits 4 when it finds no code: an empty list says so.
    if done.returncode not in (0, 4):
        raise RuntimeError(done.stderr.decode(errors="replace"))
    return done.stdout.decode().splitlines()
