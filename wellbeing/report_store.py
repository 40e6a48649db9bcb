"""Reports of wrong or out-of-date entries, kept in SQLite.

An embedded default that needs no set-up: one file (`WELLBEING_DB`), WAL mode so
readers never block the writer, and a schema the app creates and migrates itself
(`PRAGMA user_version` counts the migrations applied). Every write is a short
`BEGIN IMMEDIATE` transaction with a busy timeout, so several gunicorn workers
(and their threads) can write at once: they queue for the write lock instead of
failing with "database is locked". Each operation opens its own connection,
so nothing is shared across a fork or between threads.

Nothing about the person is stored: no IP address, no user agent, no name.
Reports older than the retention period are deleted on every write and before
every review.
"""

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROBLEMS = ("number", "hours", "closed", "force", "other")
BUSY_TIMEOUT_S = 30

# Each entry is one migration; the database's user_version is how many have run.
# Append only: never edit a migration that has shipped.
MIGRATIONS = (
    """
    CREATE TABLE report (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,          -- UTC, ISO 8601, to the second
        kind TEXT NOT NULL,                -- service | force | ...
        entry_id TEXT NOT NULL,
        section TEXT NOT NULL DEFAULT '',  -- part of the entry's page, if given
        problem TEXT NOT NULL,             -- one of PROBLEMS
        correction TEXT NOT NULL DEFAULT '',
        from_provider INTEGER NOT NULL DEFAULT 0,
        lang TEXT NOT NULL,
        resolved_at TEXT,
        resolution TEXT
    );
    CREATE INDEX report_open ON report (resolved_at, kind, entry_id);
    CREATE INDEX report_created ON report (created_at);
    """,
)


@dataclass(frozen=True, slots=True)
class Report:
    id: int
    created_at: str
    kind: str
    entry_id: str
    section: str
    problem: str
    correction: str
    from_provider: bool
    lang: str
    resolved_at: str | None
    resolution: str | None

    @property
    def entry(self) -> str:
        return f"{self.kind}:{self.entry_id}"


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """The open reports about one entry."""

    kind: str
    entry_id: str
    count: int
    oldest: str


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ReportStore:
    """The reports database at `path`; `retention_days` old reports are deleted."""

    def __init__(self, path: str | Path, retention_days: int = 180):
        self.path = Path(path)
        self.retention = dt.timedelta(days=retention_days)
        self._migrated = False
        self._lock = threading.Lock()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # isolation_level=None: transactions are the explicit BEGIN IMMEDIATEs below.
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """Open a migrated database and hold its write lock until the block ends."""
        self._migrate()
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _migrate(self) -> None:
        """Create the file and bring its schema up to date, once per process."""
        if self._migrated:
            return
        with self._lock:
            if self._migrated:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as conn:
                # WAL is a property of the file: set once, kept by every connection.
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("BEGIN IMMEDIATE")  # other processes wait here
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > len(MIGRATIONS):
                    conn.execute("ROLLBACK")
                    raise RuntimeError(
                        f"{self.path}: schema version {version} is newer than this app "
                        f"knows ({len(MIGRATIONS)}); upgrade the app"
                    )
                for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                    for statement in script.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {number}")
                conn.execute("COMMIT")
            self._migrated = True

    def _purge(self, conn: sqlite3.Connection, moment: dt.datetime) -> int:
        cutoff = _timestamp(moment - self.retention)
        return conn.execute("DELETE FROM report WHERE created_at < ?", (cutoff,)).rowcount

    def add(
        self,
        *,
        kind: str,
        entry_id: str,
        problem: str,
        correction: str = "",
        section: str = "",
        from_provider: bool = False,
        lang: str = "en",
        at: dt.datetime | None = None,
    ) -> int:
        """Store one report (and delete expired ones); return its id."""
        if problem not in PROBLEMS:
            raise ValueError(f"unknown problem {problem!r}")
        moment = at or now()
        with self._write() as conn:
            self._purge(conn, now())
            cursor = conn.execute(
                "INSERT INTO report (created_at, kind, entry_id, section, problem, correction,"
                " from_provider, lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _timestamp(moment),
                    kind,
                    entry_id,
                    section,
                    problem,
                    correction,
                    int(from_provider),
                    lang,
                ),
            )
            # An INSERT always sets it.
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def purge(self) -> int:
        """Delete the reports older than the retention period; return how many."""
        with self._write() as conn:
            return self._purge(conn, now())

    def _read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        """Run a query; a database that does not exist yet has no reports (and is not created)."""
        if not self.path.exists():
            return []
        self.purge()
        with self._connect() as conn:
            return conn.execute(sql, params).fetchall()

    def open_by_entry(self) -> list[EntrySummary]:
        """Return the entries with open reports, the longest-waiting first."""
        rows = self._read(
            "SELECT kind, entry_id, COUNT(*) AS count, MIN(created_at) AS oldest FROM report"
            " WHERE resolved_at IS NULL GROUP BY kind, entry_id ORDER BY oldest, kind, entry_id"
        )
        return [EntrySummary(**dict(row)) for row in rows]

    def reports(self, *, open_only: bool = False) -> list[Report]:
        """Return reports, oldest first."""
        where = " WHERE resolved_at IS NULL" if open_only else ""
        rows = self._read(f"SELECT * FROM report{where} ORDER BY created_at, id")
        return [_report(row) for row in rows]

    def get(self, report_id: int) -> Report | None:
        rows = self._read("SELECT * FROM report WHERE id = ?", (report_id,))
        return _report(rows[0]) if rows else None

    def resolve(self, report_ids: list[int], resolution: str) -> list[int]:
        """Mark open reports resolved with what was done; return the ids that were open."""
        resolved = []
        with self._write() as conn:
            for report_id in report_ids:
                cursor = conn.execute(
                    "UPDATE report SET resolved_at = ?, resolution = ?"
                    " WHERE id = ? AND resolved_at IS NULL",
                    (_timestamp(now()), resolution, report_id),
                )
                if cursor.rowcount:
                    resolved.append(report_id)
        return resolved

    def open_ids(self, kind: str, entry_id: str) -> list[int]:
        rows = self._read(
            "SELECT id FROM report WHERE resolved_at IS NULL AND kind = ? AND entry_id = ?"
            " ORDER BY id",
            (kind, entry_id),
        )
        return [row["id"] for row in rows]


def _report(row: sqlite3.Row) -> Report:
    values = dict(row)
    values["from_provider"] = bool(values["from_provider"])
    return Report(**values)
