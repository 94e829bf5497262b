"""Opening the archive file safely.

A file is looked at read-only first: if it is not SQLite, not ours, corrupt,
from a newer nuit-tui or not writable, the user gets one clear message and the
file is never touched. Only then is it opened for writing, with WAL and
synchronous=FULL so that every committed edit survives a crash or power cut,
and migrated after a verified backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import errors
from .schema import APPLICATION_ID, MIGRATION_SET, migration_names, migrations

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# quick_check reads every page: a few ms for a small file, seconds at every start for decades of
# minutes. Above this size the open reads the schema only; the daily backup's integrity check and
# `nuit-tui check` still read it all.
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
MIGRATIONS_TABLE = "_sqlite_migrations"


@dataclass
class FileReport:
    """What a read-only look at a file found."""

    path: Path
    exists: bool
    empty: bool = True
    applied: list[str] = field(default_factory=list)

    @property
    def pending(self) -> list[str]:
        return [name for name in migration_names() if name not in self.applied]


def _readonly_connection(path: Path) -> sqlite3.Connection:
    uri = f"file:{path.resolve().as_posix()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


@contextlib.contextmanager
def _left_as_found(path: Path):
    """Reading a WAL-marked file makes empty -wal and -shm files: a refused file is
    left as it was found. (Only empty ones made here: nobody else had it open.)"""
    sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = any(p.exists() for p in sidecars)
    try:
        yield
    except errors.StoreError:
        wal = sidecars[0]
        if not existed and wal.exists() and wal.stat().st_size == 0:
            for sidecar in sidecars:
                with contextlib.suppress(OSError):
                    sidecar.unlink()
        raise


def inspect_file(path: Path) -> FileReport:
    """Read-only checks; raises a StoreError naming the problem."""
    path = Path(path)
    with _left_as_found(path):
        return _inspect_file(path)


def _inspect_file(path: Path) -> FileReport:
    if path.is_dir():
        raise errors.NotADatabase(f"{path} er en mappe, ikke en databasefil")
    if not path.parent.exists():
        raise errors.MissingDirectory(f"Mappen {path.parent} finnes ikke")
    if not path.exists():
        return FileReport(path, exists=False)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise errors.ReadOnlyDatabase(f"{path} kan ikke leses (mangler tilgang)") from None
    if not header:
        return FileReport(path, exists=True)
    if header != SQLITE_MAGIC:
        raise errors.NotADatabase(f"{path} er ikke en nuit-tui-database (ikke en SQLite-fil)")
    try:
        conn = _readonly_connection(path)
        try:
            if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
                check = [row[0] for row in conn.execute("PRAGMA quick_check")]
            else:
                check = ["ok"] if conn.execute("SELECT count(*) FROM sqlite_master").fetchone() else []
            if check != ["ok"]:
                raise errors.CorruptDatabase(
                    f"{path} er skadet ({check[0] if check else 'ukjent feil'}); gjenopprett fra en sikkerhetskopi"
                )
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            applied: list[str] = []
            if MIGRATIONS_TABLE in tables:
                applied = [
                    row[0]
                    for row in conn.execute(
                        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set=? ORDER BY rowid",
                        [MIGRATION_SET],
                    )
                ]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise errors.DatabaseBusy(f"{path} er låst av et annet program; prøv igjen") from None
        raise errors.CorruptDatabase(f"{path} kan ikke leses som database ({exc}); gjenopprett fra en sikkerhetskopi") from None
    if not tables:
        return FileReport(path, exists=True)
    if app_id != APPLICATION_ID and not applied:
        raise errors.NotNuitDatabase(f"{path} er en SQLite-fil, men ikke en nuit-tui-database")
    unknown = [name for name in applied if name not in migration_names()]
    if unknown:
        raise errors.NewerDatabase(
            f"{path} er laget av en nyere versjon av nuit-tui ({unknown[-1]}); oppgrader nuit-tui"
        )
    return FileReport(path, exists=True, empty=False, applied=applied)


def _writable(path: Path) -> bool:
    # WAL needs to create -wal and -shm files beside the database.
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection with the archive's durability settings.

    isolation_level=None: Python opens no transactions behind our back; every
    statement outside an explicit transaction commits at once.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        conn.close()
        raise errors.StoreError(f"{path} kan ikke brukes i WAL-modus (journal_mode={mode})")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def read_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection for one thread that reads (a worker, an export): in WAL
    mode it never waits for a writer, and it cannot write by mistake."""
    uri = f"file:{Path(path).resolve().as_posix()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def backup_to(conn: sqlite3.Connection, destination: Path) -> Path:
    """An online backup (safe while others write), verified before it counts."""
    destination = Path(destination)
    tmp = destination.with_name(destination.name + ".tmp")
    target = sqlite3.connect(str(tmp))
    try:
        conn.backup(target)
        result = [row[0] for row in target.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise errors.CorruptDatabase(f"Sikkerhetskopien {destination} er ikke hel: {result[0]}")
    finally:
        target.close()
    os.replace(tmp, destination)
    return destination


def migration_backup_path(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-migration-{stamp}{path.suffix or '.sqlite'}")


class LazyDatabase:
    """The connection, with sqlite-utils' Database around it made only when asked for
    (migrations, tests): importing sqlite-utils is a large part of the app's start."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: sqlite_utils.Database | None = None

    @property
    def utils(self) -> sqlite_utils.Database:
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._utils

    def __getattr__(self, name: str) -> Any:
        return getattr(self.utils, name)

    def __getitem__(self, name: str) -> Any:
        return self.utils[name]


def open_database(path: Path, *, create: bool = True) -> tuple[LazyDatabase, FileReport]:
    """Check, open and migrate; returns the sqlite-utils Database."""
    path = Path(path)
    with _left_as_found(path):
        report = inspect_file(path)
        if not report.exists and not create:
            raise errors.NotFound(f"{path} finnes ikke")
        if not _writable(path):
            raise errors.ReadOnlyDatabase(f"{path} er skrivebeskyttet; nuit-tui trenger å kunne skrive til filen og mappen")
    try:
        conn = connect(path)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise errors.DatabaseBusy(f"{path} er låst av et annet program; prøv igjen") from None
        raise errors.DatabaseBusy(f"{path} kan ikke åpnes: {exc}") from None
    db = LazyDatabase(conn)
    try:
        if report.pending:
            if report.applied:
                backup_to(conn, migration_backup_path(path))
            migrations.apply(db.utils)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={len(migration_names())}")
            conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('archive_id', ?), ('created_at', ?)",
                [str(uuid.uuid4()), dt.datetime.now(dt.UTC).isoformat(timespec="seconds")],
            )
    except BaseException:
        conn.close()
        raise
    return db, report


@dataclass(frozen=True)
class OpenedFile:
    """An archive file checked, migrated and open; its search index in place."""

    db: LazyDatabase
    report: FileReport


def open_file(path: Path, *, create: bool = True) -> OpenedFile:
    from . import search

    db, report = open_database(path, create=create)
    # A later migration's table rebuild drops the search triggers: put them back.
    search.ensure(db.conn)
    return OpenedFile(db, report)


@dataclass
class CheckResult:
    report: FileReport
    problems: list[str]
    counts: dict[str, int]

    @property
    def sound(self) -> bool:
        return not self.problems


def check_file(path: Path, tables: list[str]) -> CheckResult:
    """Full integrity and schema check, read-only: the file is never modified."""
    path = Path(path)
    report = inspect_file(path)
    if not report.exists:
        raise errors.NotFound(f"{path} finnes ikke")
    if report.empty:
        return CheckResult(report, ["filen er tom (ingen nuit-tui-database ennå)"], {})
    conn = _readonly_connection(path)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        problems = [] if problems == ["ok"] else problems
        problems += [
            f"fremmednøkkel brutt i {row[0]} rad {row[1]}" for row in conn.execute("PRAGMA foreign_key_check")
        ]
        existing = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in tables
            if table in existing
        }
    except sqlite3.DatabaseError as exc:
        raise errors.CorruptDatabase(f"{path} er skadet ({exc})") from None
    finally:
        conn.close()
    return CheckResult(report, problems, counts)
