"""`flask content check` and `flask content export --format oruk`."""

import json
import re

import pytest

from wellbeing.content import ContentError

from .conftest import make_app

BROKEN_SERVICE = """
[[service]]
id = "broken-line"
category = "wellbeing"
name.en = "Broken line"
summary.en = "A service with a mistake in it."
eligibility.en = "Anyone."
audiences = ["officer"]
nations = ["wales"]
welsh = "yes"
source = "https://example.org/broken"
source_date = "last week"

[[service.contacts]]
kind = "web"
value = "https://example.org/broken"
"""
BROKEN_MESSAGE = (
    r"services/local\.toml: service 'broken-line': field 'source_date': expected a date"
)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def broken_dir(tmp_path):
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "local.toml").write_text(BROKEN_SERVICE, encoding="utf-8")
    return tmp_path


def stale_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "more than 12 months ago" in line]


def test_check_passes_on_the_shipped_data(runner):
    result = runner.invoke(args=["content", "check", "--today", "2026-11-27"])
    assert result.exit_code == 0, result.output
    assert re.search(r"\d+ services, 51 forces; 0 errors, \d+ warnings, \d+ notes", result.output)
    assert "police-care-uk" not in " ".join(stale_lines(result.output))  # checked that day


def test_check_warns_about_stale_entries_but_still_passes(runner):
    today = runner.invoke(args=["content", "check", "--today", "2026-11-27"])
    result = runner.invoke(args=["content", "check", "--today", "2030-01-01"])
    assert result.exit_code == 0, result.output
    stale = stale_lines(result.output)
    assert len(stale) > len(stale_lines(today.output))
    assert (
        "warning: services/wellbeing.toml: service 'police-care-uk': source dated 2026-11-27, "
        "more than 12 months ago" in stale
    )
    assert all(line.startswith("warning: ") for line in stale)
    assert " 0 errors" in result.output.splitlines()[-1]


def test_check_rejects_a_date_it_cannot_read(runner):
    result = runner.invoke(args=["content", "check", "--today", "tomorrow"])
    assert result.exit_code == 2
    assert "--today" in result.output


def test_the_app_refuses_broken_content_naming_file_entry_and_field(broken_dir):
    with pytest.raises(ContentError, match=BROKEN_MESSAGE):
        make_app({"DATA_DIR": str(broken_dir)})


def test_check_fails_on_a_broken_file_naming_file_entry_and_field(broken_dir):
    # A deployer edits their folder after the app started: check reads it afresh.
    app = make_app()
    app.config["DATA_DIR"] = str(broken_dir)
    result = app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 1
    assert re.search(r"^error: content: .*" + BROKEN_MESSAGE, result.output, re.MULTILINE)
    assert result.output.splitlines()[-1] == "1 errors, 0 warnings, 0 notes"


def test_export_writes_open_referral_uk_json(runner, app):
    # tests/test_oruk.py validates every record against the standard's schemas.
    result = runner.invoke(args=["content", "export", "--format", "oruk"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert len(body["services"]) == len(app.extensions["content"].services)
    organization_ids = {o["id"] for o in body["organizations"]}
    assert all(s["organization_id"] in organization_ids for s in body["services"])
    assert [t["name"] for t in body["taxonomies"]] == ["Police Wellbeing Signpost categories"]


def test_export_to_a_file(runner, tmp_path):
    target = tmp_path / "oruk.json"
    result = runner.invoke(args=["content", "export", "--format", "oruk", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))["services"]) >= 30


def test_export_refuses_an_unknown_format(runner):
    result = runner.invoke(args=["content", "export", "--format", "csv"])
    assert result.exit_code == 2
    assert "oruk" in result.output
