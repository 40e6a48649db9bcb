"""The reports database: created and migrated by the app, WAL, retention, nothing personal,
and many gunicorn workers writing at once."""

import datetime as dt
import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from flask import Flask

from wellbeing import reports
from wellbeing.config import PROJECT_ROOT, default_db, load_config
from wellbeing.report_store import MIGRATIONS, ReportStore, now

from .conftest import make_app

ROOT = Path(__file__).resolve().parents[1]


def test_the_database_is_created_on_first_write_with_wal_and_the_latest_schema(tmp_path):
    path = tmp_path / "new" / "reports.sqlite3"
    store = ReportStore(path)
    assert store.reports() == [] and not path.exists()  # reading creates nothing
    store.add(kind="service", entry_id="samaritans", problem="hours")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    # A second process (a fresh store) keeps what is there.
    assert [r.entry for r in ReportStore(path).reports()] == ["service:samaritans"]


def test_a_database_from_a_newer_app_is_refused_not_damaged(tmp_path):
    path = tmp_path / "reports.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(RuntimeError, match="newer than this app"):
        ReportStore(path).add(kind="service", entry_id="x", problem="other")


def test_the_default_database_is_outside_the_source_tree(monkeypatch):
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    assert not Path(default_db()).is_relative_to(PROJECT_ROOT)
    monkeypatch.setenv("XDG_STATE_HOME", "/var/lib/wellbeing")
    assert default_db() == "/var/lib/wellbeing/police-wellbeing-signpost/reports.sqlite3"


def test_reports_older_than_the_retention_are_deleted(tmp_path):
    store = ReportStore(tmp_path / "reports.sqlite3", retention_days=180)
    today = now()
    store.add(kind="service", entry_id="old", problem="other", at=today - dt.timedelta(days=181))
    assert [r.entry_id for r in store.reports()] == []  # gone before anyone reviews it
    store.add(kind="service", entry_id="kept", problem="other", at=today - dt.timedelta(days=179))
    store.add(kind="service", entry_id="new", problem="other")
    assert [r.entry_id for r in store.reports()] == ["kept", "new"]
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM report").fetchone()[0] == 2


def test_expired_reports_are_deleted_when_the_app_starts(tmp_path):
    path = tmp_path / "reports.sqlite3"
    ReportStore(path).add(
        kind="service", entry_id="old", problem="other", at=now() - dt.timedelta(days=200)
    )
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM report").fetchone()[0] == 1
    app = Flask(__name__)
    app.config.update(load_config({"REPORTS_DB": str(path)}))
    reports.init_app(app)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM report").fetchone()[0] == 0


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="module")
def app(app_dir):
    return make_app({"REPORTS_DB": str(app_dir / "reports.sqlite3"), "REPORT_RETENTION_DAYS": 30})


def test_the_retention_is_configurable(app):
    store = app.extensions["reports"]
    store.add(kind="service", entry_id="x", problem="other", at=now() - dt.timedelta(days=31))
    assert [r.entry_id for r in store.reports()] == []


def test_nothing_about_the_sender_reaches_the_database_the_log_or_the_response(
    app, app_dir, caplog
):
    tmp_path = app_dir
    address, agent = "203.0.113.77", "Mozilla/5.0 (SenderPhone 9; Build/XYZ123)"
    client = app.test_client()
    response = client.post(
        "/report/service/samaritans",
        data={"problem": "number", "correction": "new number"},
        headers={"User-Agent": agent, "Referer": "https://intranet.example/me"},
        environ_base={"REMOTE_ADDR": address},
    )
    assert response.status_code == 303
    thanks = client.get(response.headers["Location"], environ_base={"REMOTE_ADDR": address})
    for name in ("reports.sqlite3", "reports.sqlite3-wal", "reports.sqlite3-shm"):
        if (tmp_path / name).exists():
            raw = (tmp_path / name).read_bytes()
            for secret in (address, agent, "SenderPhone", "intranet.example"):
                assert secret.encode() not in raw, f"{secret} in {name}"
    for text in (caplog.text, str(response.headers), thanks.get_data(as_text=True)):
        assert address not in text and "SenderPhone" not in text


# --- Several gunicorn workers writing at once -------------------------------------------

WORKERS = 8
PER_WORKER = 50
DEADLINE_S = 120  # a hang guard, not a speed target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    """The app under the project's gunicorn.conf.py with 8 workers and its own database."""
    port = _free_port()
    db = tmp_path / "reports.sqlite3"
    log = tmp_path / "gunicorn.log"
    env = dict(
        os.environ,
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY=str(WORKERS),
        GUNICORN_THREADS="4",
        GUNICORN_ACCESS_LOG="-",
        WELLBEING_DB=str(db),
        WELLBEING_REPORT_RATE_LIMIT="0",  # every request comes from 127.0.0.1
    )
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:app"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120  # eight workers on a busy machine
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/report/service/samaritans")
                assert conn.getresponse().status == 200
                conn.close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start: " + log.read_text()) from None
                time.sleep(0.2)
        yield port, db, log
    finally:
        process.terminate()
        process.wait(timeout=20)


def _submit(port: int, n: int) -> int:
    body = urllib.parse.urlencode({"problem": "number", "correction": f"report {n}"})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            "POST",
            "/report/service/samaritans",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"http://127.0.0.1:{port}",
                "Connection": "close",
            },
        )
        return conn.getresponse().status
    finally:
        conn.close()


def test_eight_workers_store_every_parallel_submission_exactly_once(gunicorn):
    port, db, log = gunicorn
    total = WORKERS * PER_WORKER
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=PER_WORKER) as pool:
        statuses = list(pool.map(lambda n: _submit(port, n), range(total)))
    assert time.monotonic() - started < DEADLINE_S
    assert statuses == [303] * total
    with sqlite3.connect(db) as conn:
        stored = [row[0] for row in conn.execute("SELECT correction FROM report")]
    assert sorted(stored) == sorted(f"report {n}" for n in range(total))
    output = log.read_text()
    assert "locked" not in output and "Traceback" not in output
    # All eight workers were up to share the work.
    assert output.count("Booting worker") == WORKERS
