"""The code passes ruff (`ruff check .`, `ruff format --check .`) and mypy (config in pyproject.toml)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUFF = Path(sys.executable).with_name("ruff")


@pytest.mark.parametrize(
    "command", [["check", "."], ["format", "--check", "."]], ids=["check", "format"]
)
def test_ruff(command):
    if not RUFF.exists():
        pytest.fail(f"{RUFF} is missing: pip install -e '.[test]'")
    result = subprocess.run([str(RUFF), *command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


MYPY = Path(sys.executable).with_name("mypy")


def test_types():
    """mypy over wellbeing/ (config in pyproject.toml): no errors, no reason-less ignores."""
    if not MYPY.exists():
        pytest.fail(f"{MYPY} is missing: pip install -e '.[test]'")
    result = subprocess.run([str(MYPY)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_type_ignore_says_why():
    bare = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "wellbeing").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "type: ignore" in line and not re.search(r"type: ignore\[[a-z-, ]+\]\s+#\s*\S", line)
    ]
    assert not bare, "a `type: ignore[code]` needs a `# reason` after it: " + ", ".join(bare)
