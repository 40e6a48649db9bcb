"""Deployment: the wheel runs on its own, and the settings are checked once and frozen."""

import dataclasses
import subprocess
import sys
import zipfile

import pytest

from wellbeing.config import PROJECT_ROOT, ConfigError, find_site_dir, load_settings

# Run in the unpacked wheel, away from the source tree: the app must find its
# templates, static files and catalogue inside the package.
SERVE_FROM_WHEEL = """
from wellbeing import create_app
app = create_app({"TESTING": True, "REPORTS_DB": "reports.sqlite3"})
assert app.extensions["settings"].site_dir.name == "site", app.extensions["settings"].site_dir
client = app.test_client()
page = client.get("/cy/")
assert page.status_code == 200, page.status_code
assert "Ffoniwch" in page.get_data(as_text=True)
static = client.get(page.get_data(as_text=True).split('href="/static/css/')[1].split('"')[0].join(["/static/css/", ""]))
assert static.status_code == 200, static.status_code
print("served from", app.extensions["settings"].site_dir)
"""


def test_the_wheel_carries_the_site_and_serves_welsh_from_it(tmp_path):
    # The catalogue must be compiled first (`make wheel` and `make test` do it).
    assert (PROJECT_ROOT / "translations/cy/LC_MESSAGES/messages.mo").exists()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--disable-pip-version-check", "--no-deps",
         "--no-build-isolation", "-w", str(tmp_path / "dist"), str(PROJECT_ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    [wheel] = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "wellbeing/site/templates/base.html",
        "wellbeing/site/static/css/app.css",
        "wellbeing/site/translations/cy/LC_MESSAGES/messages.mo",
        "wellbeing/data/services/crisis.toml",
    ):
        assert required in names
    unpacked = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(unpacked)
    done = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(unpacked)!r})\n"
         + SERVE_FROM_WHEEL],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert str(unpacked / "wellbeing" / "site") in done.stdout


def test_missing_site_files_stop_start_up_naming_where_it_looked(tmp_path):
    (tmp_path / "templates").mkdir()
    with pytest.raises(ConfigError, match=f"static, translations.*not found in {tmp_path}"):
        find_site_dir(str(tmp_path))


@pytest.mark.parametrize(
    ("variable", "value"),
    [("WELLBEING_PROXY_FIX", "one"), ("WELLBEING_REPORT_RETENTION_DAYS", "0")],
)
def test_a_setting_that_is_not_valid_stops_start_up_naming_it(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError, match=variable):
        load_settings()


def test_the_settings_cannot_change_after_start_up():
    settings = load_settings({"BASE_URL": "https://signpost.example/"})
    assert settings.base_url == "https://signpost.example"
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.base_url = "https://evil.example"  # type: ignore[misc]
