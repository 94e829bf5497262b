"""Backups and restores of the archive file.

Every copy is made with SQLite's online backup API (a consistent snapshot, safe
while the app writes), checked with `PRAGMA integrity_check` before it counts,
and put in place by renaming a temporary file in the same folder: a backup is
whole or absent, never half. Copies are single files (journal_mode=DELETE) so
they can be moved anywhere.

Where they go: `backups/` beside the database.
- `<name>-daily-YYYY-MM-DD.sqlite`: one a day, made when the app starts; the
  newest N are kept (NUIT_BACKUPS_KEEP, default 7; 0 turns them off).
- `<name>-YYYYMMDD-HHMMSS.sqlite`: `nuit-tui backup` without --out.
- `<name>-before-restore-YYYYMMDD-HHMMSS.sqlite`: what a restore replaced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..files import check_target
from ..store import TABLES, check_file, errors, inspect_file
from ..store.connection import BUSY_TIMEOUT_MS, connect, open_database

BACKUPS_DIR = "backups"
KEEP_ENV = "NUIT_BACKUPS_KEEP"
DEFAULT_KEEP = 7
STALE_TEMP_SECONDS = 600  # a temporary file this old is left by a crash, not being written


def backups_dir(db: Path) -> Path:
    return Path(db).parent / BACKUPS_DIR


def keep_count(env: Mapping[str, str] | None = None) -> int:
    """How many daily backups to keep."""
    raw = (os.environ if env is None else env).get(KEEP_ENV, "").strip()
    if not raw:
        return DEFAULT_KEEP
    if not raw.isdecimal() or len(raw) > 4:
        raise errors.StoreError(f"{KEEP_ENV}={raw[:20]!r} er ikke et antall (0 slår av daglige sikkerhetskopier)")
    return int(raw)


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_with_sidecars(path: Path) -> None:
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            name.unlink()


def verified_copy(source: sqlite3.Connection, destination: Path) -> Path:
    """Copy the database behind `source` to `destination`, whole or not at all."""
    destination = Path(destination)
    if not destination.parent.is_dir():
        raise errors.MissingDirectory(f"Mappen {destination.parent} finnes ikke")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        target = sqlite3.connect(tmp, isolation_level=None)
        try:
            source.backup(target)
            # One self-contained file: no -wal beside it to forget when it is moved.
            target.execute("PRAGMA journal_mode=DELETE")
            result = [row[0] for row in target.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise errors.CorruptDatabase(f"Sikkerhetskopien ble ikke hel ({result[0]}); prøv igjen")
        finally:
            target.close()
        _fsync_file(tmp)
        check_target(destination)
        os.replace(tmp, destination)
    except sqlite3.Error as exc:
        _remove_with_sidecars(tmp)
        raise errors.StoreError(f"Sikkerhetskopien kunne ikke tas ({exc}); ingenting ble skrevet") from None
    except BaseException:
        _remove_with_sidecars(tmp)
        raise
    _fsync_dir(destination.parent)
    return destination


def _reader(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{Path(path).resolve().as_posix()}?mode=ro", uri=True, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def _sound_archive(path: Path, what: str) -> None:
    """Raise unless `path` is a whole nuit-tui archive (read-only checks)."""
    report = inspect_file(path)
    if not report.exists:
        raise errors.NotFound(f"{path} finnes ikke")
    if report.empty:
        raise errors.NotNuitDatabase(f"{path} er tom; {what}")
    result = check_file(path, list(TABLES.values()))
    if not result.sound:
        raise errors.CorruptDatabase(f"{path} er ikke hel ({result.problems[0]}); {what}")


def backup(db: Path, out: Path | None = None, *, now: dt.datetime | None = None) -> Path:
    """`nuit-tui backup`: a verified copy, safe while the app writes to the file."""
    db = Path(db)
    _sound_archive(db, "det er ingenting å ta kopi av")
    if out is None:
        folder = backups_dir(db)
        folder.mkdir(exist_ok=True)
        out = folder / f"{db.stem}-{_stamp(now)}.sqlite"
    out = Path(out)
    if out.is_dir():
        out = out / f"{db.stem}-{_stamp(now)}.sqlite"
    check_target(out)  # a device, a FIFO: refused with its own words, never replaced
    if out.exists():
        if out.resolve() == db.resolve():
            raise errors.Conflict("Sikkerhetskopien kan ikke skrives over selve databasen")
        raise errors.Conflict(f"{out} finnes allerede; velg et annet navn")
    conn = _reader(db)
    try:
        return verified_copy(conn, out)
    finally:
        conn.close()


# --- the daily backup at app start ------------------------------------------------------

_DAILY = re.compile(r"^(?P<stem>.+)-daily-\d{4}-\d{2}-\d{2}\.sqlite$")


def daily_backups(db: Path) -> list[Path]:
    """The database's daily backups, newest first."""
    folder = backups_dir(db)
    if not folder.is_dir():
        return []
    stem = Path(db).stem
    found = [p for p in folder.iterdir() if (m := _DAILY.match(p.name)) and m["stem"] == stem]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _remove_stale_temps(folder: Path) -> None:
    """Temporary files of a backup that a crash interrupted (never a finished backup)."""
    limit = time.time() - STALE_TEMP_SECONDS
    for path in folder.glob(".*.tmp*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < limit:
                path.unlink()


def daily_backup(db: Path, *, keep: int | None = None, today: dt.date | None = None) -> Path | None:
    """Today's backup, unless it is made already; then only the newest `keep` are kept.

    Opens its own read-only connection, so it may run in a thread beside the app.
    """
    db = Path(db)
    keep = keep_count() if keep is None else keep
    if keep <= 0:
        return None
    folder = backups_dir(db)
    folder.mkdir(exist_ok=True)
    _remove_stale_temps(folder)
    target = folder / f"{db.stem}-daily-{(today or dt.date.today()).isoformat()}.sqlite"
    made = None
    if not target.exists():
        conn = _reader(db)
        try:
            made = verified_copy(conn, target)
        finally:
            conn.close()
    for old in daily_backups(db)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return made


# --- restore -------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    db: Path
    source: Path
    replaced_copy: Path | None  # where the replaced database was saved


def _save_replaced(db: Path) -> Path:
    """Keep what a restore replaces: a verified copy, or (a broken file) its bytes as they are."""
    folder = backups_dir(db)
    folder.mkdir(exist_ok=True)
    target = folder / f"{db.stem}-before-restore-{_stamp()}.sqlite"
    try:
        conn = _reader(db)
        try:
            return verified_copy(conn, target)
        finally:
            conn.close()
    except (errors.StoreError, sqlite3.Error):
        pass
    # Not a sound archive (that may be why it is restored): copy the raw files.
    for suffix in ("", "-wal"):
        source = Path(f"{db}{suffix}")
        if source.exists():
            copy = Path(f"{target}{suffix}")
            shutil.copyfile(source, copy)
            _fsync_file(copy)
    _fsync_dir(folder)
    return target


def _writable_sqlite(db: Path) -> sqlite3.Connection | None:
    """A connection to `db` if it is a sound nuit-tui archive we can write to, else None."""
    try:
        report = inspect_file(db)
    except (errors.CorruptDatabase, errors.NotADatabase, errors.NotNuitDatabase, errors.NewerDatabase):
        return None
    if report.empty:
        return None
    try:
        return connect(db)
    except sqlite3.Error:
        return None


def restore(source: Path, db: Path, *, force: bool = False) -> Restored:
    """`nuit-tui restore`: make `db` a copy of the backup `source`.

    The source must be a whole nuit-tui archive. An existing database is only
    replaced with `force`, and a copy of it is kept first. A sound database is
    overwritten through SQLite (one transaction, so a crash leaves the old or
    the new); a broken one is replaced by renaming.
    """
    source, db = Path(source), Path(db)
    if not source.exists():
        raise errors.NotFound(f"{source} finnes ikke")
    _sound_archive(source, "velg en annen sikkerhetskopi")
    if not db.parent.is_dir():
        raise errors.MissingDirectory(f"Mappen {db.parent} finnes ikke")
    if db.exists() and db.resolve() == source.resolve():
        raise errors.Conflict(f"{source} er selve databasen; velg en sikkerhetskopi")
    occupied = db.exists() and db.stat().st_size > 0
    if occupied and not force:
        raise errors.Conflict(f"{db} finnes allerede; bruk --force for å erstatte den (den sikkerhetskopieres først)")
    if occupied and not os.access(db, os.W_OK):
        raise errors.ReadOnlyDatabase(f"{db} er skrivebeskyttet")
    replaced = _save_replaced(db) if occupied else None
    reader = _reader(source)
    try:
        target = _writable_sqlite(db) if occupied else None
        if target is not None:
            try:
                reader.backup(target)
            except sqlite3.Error as exc:
                raise errors.StoreError(f"Gjenopprettingen mislyktes ({exc}); {db} er uendret") from None
            finally:
                target.close()
        else:
            # Stale -wal/-shm of a broken file must not be replayed into the new one
            # (they are in the copy kept above).
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{db}{suffix}").unlink()
            verified_copy(reader, db)
    finally:
        reader.close()
    # Open once: WAL mode back on, and an older backup's schema migrated (after its own backup).
    restored, _ = open_database(db, create=False)
    restored.conn.close()
    return Restored(db, source, replaced)
