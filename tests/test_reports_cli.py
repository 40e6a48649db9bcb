"""`flask reports list|show|resolve|export`, and open reports in `flask content check`."""

import datetime as dt
import json

import pytest

from wellbeing.report_store import now

from .conftest import make_app

HOSTILE = "\x1b[2J\x1b[31mred\u202eevil\x00\r\nnext line <b>&amp;"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return make_app({"REPORTS_DB": str(tmp_path_factory.mktemp("r") / "reports.sqlite3")})


@pytest.fixture
def store(app):
    store = app.extensions["reports"]
    with store._write() as conn:
        conn.execute("DELETE FROM report")
    earlier = now() - dt.timedelta(days=3)
    store.add(kind="force", entry_id="gwent", problem="other", section="charities", at=earlier)
    store.add(kind="service", entry_id="samaritans", problem="number", correction=HOSTILE)
    store.add(kind="force", entry_id="gwent", problem="closed", from_provider=True)
    return store


@pytest.fixture
def run(app):
    runner = app.test_cli_runner()

    def invoke(*args):
        result = runner.invoke(args=list(args))
        assert result.exit_code == 0, result.output
        return result.output

    return invoke


def test_list_groups_open_reports_by_entry_oldest_first_with_counts(run, store):
    output = run("reports", "list")
    lines = output.splitlines()
    assert lines[0] == "force:gwent – Gwent Police: 2 open"
    assert "#1 " in lines[1] and "other #charities" in lines[1]
    assert "closed" in lines[2] and "from the service or force" in lines[2]
    assert lines[3] == "service:samaritans – Samaritans: 1 open"
    assert lines[-1] == "3 open reports about 2 entries"


def test_the_review_commands_escape_what_was_sent(run, store):
    [report] = [r for r in store.reports() if r.entry_id == "samaritans"]
    assert report.correction == HOSTILE  # stored exactly as sent
    for output in (run("reports", "list"), run("reports", "show", str(report.id))):
        assert not any(ch in output for ch in "\x1b\u202e\x00\r")
        assert "\\x1b[2J\\x1b[31mred\\u202eevil\\x00\\r\\nnext line <b>&amp;" in output


def test_resolve_records_what_was_done_and_closes_the_report(run, store):
    gwent = store.open_ids("force", "gwent")
    assert run("reports", "resolve", str(gwent[0]), "--note", "Charity link checked") == (
        "resolved 1 reports\n"
    )
    shown = run("reports", "show", str(gwent[0]))
    assert "resolved" in shown and "Charity link checked" in shown
    assert "force:gwent – Gwent Police: 1 open" in run("reports", "list")
    assert "resolved 1 reports" in run(
        "reports", "resolve", "--entry", "force:gwent", "--note", "x"
    )
    assert "gwent" not in run("reports", "list")


def test_resolve_needs_a_note_and_show_an_existing_report(app, store):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["reports", "resolve", "1"]).exit_code == 2
    missing = runner.invoke(args=["reports", "show", "999"])
    assert missing.exit_code == 1 and "no report #999" in missing.output


def test_export_writes_every_report_as_json(run, store, tmp_path):
    out = tmp_path / "reports.json"
    run("reports", "export", "--output", str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [r["entry_id"] for r in exported] == ["gwent", "samaritans", "gwent"]
    assert exported[1]["correction"] == HOSTILE
    assert not {"ip", "user_agent", "address"} & set(exported[0])


def test_content_check_lists_entries_with_open_reports(run, store):
    output = run("content", "check", "--today", "2026-11-27")
    assert "report: force 'gwent': 2 open" in output
    assert "report: service 'samaritans': 1 open" in output
