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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..files import check_target
from ..store import TABLES, check_file, errors, inspect_file
from ..store.connection import connect, open_database, read_only_reason, reader_connection, refuse_non_regular
from ..store.copies import STALE_SECONDS, fsync_dir, fsync_file, remove_stale_temps, verified_copy

BACKUPS_DIR = "backups"
KEEP_ENV = "NUIT_BACKUPS_KEEP"
DEFAULT_KEEP = 7
STALE_TEMP_SECONDS = STALE_SECONDS  # a temporary file this old is left by a crash, not being written


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


def _reader(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves nothing beside a read-only file (see store)."""
    return reader_connection(path)


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
    remove_stale_temps(folder)


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
            fsync_file(copy)
    fsync_dir(folder)
    return target


def _writable_sqlite(db: Path) -> sqlite3.Connection | None:
    """A connection to `db` if it is a sound nuit-tui archive we can write to, else None."""
    try:
        report = inspect_file(db)
    except (errors.CorruptDatabase, errors.NotADatabase, errors.NotNuitDatabase, errors.NewerDatabase, errors.ForeignSchema):
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
    refuse_non_regular(source)
    refuse_non_regular(db)  # a FIFO or device is not replaced by a file
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
    if reason := read_only_reason(db):
        raise errors.ReadOnlyDatabase(f"{db} kan ikke gjenopprettes: {reason}")
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
