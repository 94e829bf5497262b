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
import re
import sqlite3
import stat
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from . import errors
from .copies import STALE_SECONDS, remove_stale_temps, verified_copy
from .schema import APPLICATION_ID, MIGRATION_SET, migration_names, migrations
from .schema_check import schema_problems

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# quick_check reads every page: a few ms for a small file, seconds at every start for decades of
# minutes. Above this size the open reads the schema only; the daily backup's integrity check and
# `nuit-tui check` still read it all.
QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024
MIGRATIONS_TABLE = "_sqlite_migrations"
T = TypeVar("T")


@dataclass
class FileReport:
    """What a read-only look at a file found."""

    path: Path
    exists: bool
    empty: bool = True
    applied: list[str] = field(default_factory=list)
    # Why the archive is open read-only ("mappen … er skrivebeskyttet"), or None.
    read_only: str | None = None
    disk_full: bool = False

    @property
    def pending(self) -> list[str]:
        return [name for name in migration_names() if name not in self.applied]


# --- what kind of file, and what the operating system allows ---------------------------

_NON_REGULAR = [
    (stat.S_ISFIFO, "en FIFO (navngitt rør)"),
    (stat.S_ISCHR, "en tegnenhet"),
    (stat.S_ISBLK, "en blokkenhet"),
    (stat.S_ISSOCK, "en socket"),
]


def refuse_non_regular(path: Path) -> None:
    """A FIFO, a device or a socket is never opened (reading a FIFO waits forever;
    SQLite would write a -journal beside /dev/null); a folder is named as such."""
    try:
        mode = Path(path).stat().st_mode
    except OSError:
        return  # missing (or unreadable): said by whoever looks next
    if stat.S_ISDIR(mode):
        raise errors.NotADatabase(f"{path} er en mappe, ikke en databasefil")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _NON_REGULAR if test(mode)), "ikke en vanlig fil")
        raise errors.NotARegularFile(f"{path} er {kind}, ikke en databasefil; oppgi en vanlig fil med --db")


def read_only_reason(path: Path) -> str | None:
    """Why nuit-tui cannot write the archive here (None: it can). WAL writes -wal and
    -shm beside the file, so the folder must be writable too."""
    path = Path(path)
    folder = path.parent
    with contextlib.suppress(OSError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return f"disken der {folder} ligger er montert skrivebeskyttet"
    if folder.exists() and not os.access(folder, os.W_OK):
        return f"mappen {folder} er skrivebeskyttet"
    if path.exists() and not os.access(path, os.W_OK):
        return "filen er skrivebeskyttet"
    return None


def _disk_full(path: Path) -> bool:
    """Less than a MiB free where the file lies: an I/O error there is a full disk."""
    try:
        info = os.statvfs(Path(path).parent)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < 1024 * 1024


_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _PERM, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 3, 26


def classify(path: Path, exc: sqlite3.Error) -> errors.StoreError:
    """The error to tell the user for what SQLite said about the file. Only a
    corrupt file is told to restore a backup: a sound archive on a full or read-only
    disk must not be thrown away for an older copy."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    if primary in (_BUSY, _LOCKED) or (primary is None and ("locked" in text or "busy" in text)):
        return errors.DatabaseBusy(f"{path} er låst av et annet program; prøv igjen")
    if primary == _FULL or (primary in (_IOERR, _CANTOPEN) and _disk_full(path)):
        return errors.DiskFull(f"Disken der {path} ligger er full; frigjør plass og prøv igjen (filen er uendret)")
    if primary in (_READONLY, _PERM, _CANTOPEN) and (reason := read_only_reason(path)):
        return errors.ReadOnlyDatabase(f"{path} kan ikke skrives: {reason}")
    if primary in (_CORRUPT, _NOTADB):
        return errors.CorruptDatabase(f"{path} er skadet ({text}); gjenopprett fra en sikkerhetskopi")
    if primary == _IOERR:
        return errors.DiskError(f"{path} kunne ikke leses eller skrives (disk-I/O-feil: {text}); sjekk disken og prøv igjen")
    return errors.StoreError(f"{path} kan ikke åpnes ({text})")


# --- reading a file without changing it ---------------------------------------------


def _sidecars(path: Path) -> list[Path]:
    return [Path(f"{path}-wal"), Path(f"{path}-shm")]


def _uri(path: Path, *, immutable: bool) -> str:
    # Quoted: a "?" or "#" in a folder name would end the path part of the URI.
    location = quote(Path(path).resolve().as_posix(), safe="/")
    return f"file:{location}?mode=ro" + ("&immutable=1" if immutable else "")


def _readonly_connection(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(_uri(path, immutable=immutable), uri=True, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA trusted_schema=OFF")  # no trigger fires on a reader (see schema_check)
    return conn


def _wants_immutable(path: Path) -> bool:
    """A read-only file (or folder, or mount) that nobody has open in WAL mode (no
    -wal or -shm): `mode=ro` would make 0444 -wal and -shm files beside it (after
    which every write fails), or fail where they cannot be made. `immutable=1`
    reads it as it lies: right for a file nobody writes."""
    return not any(p.exists() for p in _sidecars(path)) and read_only_reason(path) is not None


def reader_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection (for a backup's source): immutable where nothing can be
    made beside the file."""
    return _readonly_connection(path, immutable=_wants_immutable(path))


def _remove_made_sidecars(path: Path) -> None:
    """-wal and -shm that a failed read-only open made (empty -wal: nothing in them)."""
    wal, shm = _sidecars(path)
    with contextlib.suppress(OSError):
        if wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
            shm.unlink()


def read_file(path: Path, read: Callable[[sqlite3.Connection], T]) -> T:
    """`read(conn)` on a read-only connection to `path`; SQLite errors are told by
    what they are. Where -wal and -shm cannot be made (a read-only folder or mount,
    a full disk) and none exist, the file is read as immutable."""
    path = Path(path)
    had_sidecars = any(p.exists() for p in _sidecars(path))
    immutable = _wants_immutable(path)
    while True:
        conn: sqlite3.Connection | None = None
        try:
            conn = _readonly_connection(path, immutable=immutable)
            return read(conn)
        except sqlite3.Error as exc:
            error = classify(path, exc)
            if immutable or had_sidecars or not isinstance(error, errors.DiskFull | errors.ReadOnlyDatabase):
                raise error from None
        finally:
            if conn is not None:
                conn.close()
        _remove_made_sidecars(path)
        immutable = True


@contextlib.contextmanager
def _left_as_found(path: Path):
    """Reading a WAL-marked file makes empty -wal and -shm files: a refused file is
    left as it was found. (Only empty ones made here: nobody else had it open.)"""
    sidecars = _sidecars(path)
    existed = any(p.exists() for p in sidecars)
    try:
        yield
    except errors.StoreError:
        if not existed:
            _remove_made_sidecars(path)
        raise


def inspect_file(path: Path) -> FileReport:
    """Read-only checks; raises a StoreError naming the problem."""
    path = Path(path)
    with _left_as_found(path):
        return _inspect_file(path)


def _inspect_file(path: Path) -> FileReport:
    refuse_non_regular(path)
    if not path.parent.exists():
        raise errors.MissingDirectory(f"Mappen {path.parent} finnes ikke")
    if not path.exists():
        return FileReport(path, exists=False)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise errors.ReadOnlyDatabase(f"{path} kan ikke leses (mangler tilgang)") from None
    except OSError as exc:
        raise errors.DiskError(f"{path} kan ikke leses ({exc.strerror or exc})") from None
    if not header:
        return FileReport(path, exists=True)
    if header != SQLITE_MAGIC:
        raise errors.NotADatabase(f"{path} er ikke en nuit-tui-database (ikke en SQLite-fil)")

    def look(conn: sqlite3.Connection) -> tuple[int, list[tuple[str, str]], list[str], list[str]]:
        if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            check = [row[0] for row in conn.execute("PRAGMA quick_check")]
        else:
            check = ["ok"] if conn.execute("SELECT count(*) FROM sqlite_master").fetchone() else []
        if check != ["ok"]:
            raise errors.CorruptDatabase(
                f"{path} er skadet ({check[0] if check else 'ukjent feil'}); gjenopprett fra en sikkerhetskopi"
            )
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        objects = [(row[0], row[1]) for row in conn.execute("SELECT type, name FROM sqlite_master")]
        applied: list[str] = []
        if ("table", MIGRATIONS_TABLE) in objects:
            applied = [
                row[0]
                for row in conn.execute(
                    f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set=? ORDER BY rowid", [MIGRATION_SET]
                )
            ]
        unknown = [name for name in applied if name not in migration_names()]
        problems = [] if unknown or not objects else schema_problems(conn, applied)
        return app_id, objects, applied, problems

    app_id, objects, applied, problems = read_file(path, look)
    if not objects:
        return FileReport(path, exists=True)
    if app_id != APPLICATION_ID and not applied:
        raise errors.NotNuitDatabase(f"{path} er en SQLite-fil, men ikke en nuit-tui-database")
    unknown = [name for name in applied if name not in migration_names()]
    if unknown:
        raise errors.NewerDatabase(
            f"{path} er laget av en nyere versjon av nuit-tui ({unknown[-1]}); oppgrader nuit-tui"
        )
    if problems:
        more = f" (og {len(problems) - 1} til)" if len(problems) > 1 else ""
        raise errors.ForeignSchema(
            f"{path} brukes ikke: {problems[0]}{more}; filen kan være endret av et annet program"
        )
    return FileReport(path, exists=True, empty=False, applied=applied)


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection with the archive's durability settings.

    isolation_level=None: Python opens no transactions behind our back; every
    statement outside an explicit transaction commits at once.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise errors.StoreError(f"{path} kan ikke brukes i WAL-modus (journal_mode={mode})")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        conn.close()
        raise
    return conn


def backup_to(conn: sqlite3.Connection, destination: Path) -> Path:
    """An online backup (safe while others write), verified before it counts."""
    return verified_copy(conn, destination)


_MIGRATION_BACKUP = "before-migration"


def migration_backup_path(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.{_MIGRATION_BACKUP}-{stamp}{path.suffix or '.sqlite'}")


def remove_stale_migration_temps(path: Path) -> list[Path]:
    """What a kill during an earlier migration backup of `path` left (at the next open):
    hidden temporary files, and the visible `….sqlite.tmp` (and `-journal`) that
    versions before them left."""
    pattern = re.compile(rf"{re.escape(path.stem)}\.{_MIGRATION_BACKUP}-\d{{8}}-\d{{6}}.*")
    removed = remove_stale_temps(path.parent, pattern)
    legacy = re.compile(rf"{re.escape(path.stem)}\.{_MIGRATION_BACKUP}-\d{{8}}-\d{{6}}[^/]*\.tmp(?:-journal)?")
    limit = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if legacy.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < limit:
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
    return removed


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
    """Check, open and migrate; returns the sqlite-utils Database.

    A sound archive nuit-tui cannot write (a read-only file, folder or mount, a full
    disk) is opened read-only: `report.read_only` says why."""
    path = Path(path)
    with _left_as_found(path):
        report = inspect_file(path)
        if not report.exists and not create:
            raise errors.NotFound(f"{path} finnes ikke")
        reason = read_only_reason(path)
        if reason:
            return _open_read_only(path, report, reason)
        remove_stale_migration_temps(path)
        try:
            conn = connect(path)
        except sqlite3.Error as exc:
            error = classify(path, exc)
            if isinstance(error, errors.DiskFull) and report.exists and not report.empty:
                _remove_made_sidecars(path)
                return _open_read_only(path, report, "disken er full", disk_full=True)
            raise error from None
    db = LazyDatabase(conn)
    try:
        if report.pending:
            if report.applied:
                verified_copy(conn, migration_backup_path(path))
            migrations.apply(db.utils)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={len(migration_names())}")
            conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('archive_id', ?), ('created_at', ?)",
                [str(uuid.uuid4()), dt.datetime.now(dt.UTC).isoformat(timespec="seconds")],
            )
    except sqlite3.Error as exc:
        conn.close()
        raise classify(path, exc) from None
    except BaseException:
        conn.close()
        raise
    return db, report


def _open_read_only(path: Path, report: FileReport, reason: str, *, disk_full: bool = False) -> tuple[LazyDatabase, FileReport]:
    if not report.exists or report.empty:
        raise errors.ReadOnlyDatabase(f"{path} kan ikke opprettes: {reason}")
    if report.pending:
        raise errors.ReadOnlyDatabase(
            f"{path} må oppgraderes til denne versjonen av nuit-tui, men kan ikke skrives: {reason}"
        )
    conn = _readonly_connection(path, immutable=disk_full or _wants_immutable(path))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        raise classify(path, exc) from None
    return LazyDatabase(conn), replace(report, read_only=reason, disk_full=disk_full)


@dataclass(frozen=True)
class OpenedFile:
    """An archive file checked, migrated and open; its search index in place."""

    db: LazyDatabase
    report: FileReport


def open_file(path: Path, *, create: bool = True) -> OpenedFile:
    from . import search

    db, report = open_database(path, create=create)
    if report.read_only is None:
        # A later migration's table rebuild drops the search triggers: put them back.
        try:
            search.ensure(db.conn)
        except sqlite3.Error as exc:
            db.conn.close()
            raise classify(Path(path), exc) from None
        except BaseException:
            db.conn.close()
            raise
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

    def look(conn: sqlite3.Connection) -> tuple[list[str], dict[str, int]]:
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
        return problems, counts

    with _left_as_found(path):
        problems, counts = read_file(path, look)
    read_only = read_only_reason(path) or ("disken er full" if _disk_full(path) else None)
    return CheckResult(replace(report, read_only=read_only), problems, counts)
