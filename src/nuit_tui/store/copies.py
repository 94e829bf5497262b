"""Verified copies of the archive (backups, the copy before a migration), and the
temporary files they are made in.

A copy is written to a hidden temporary file beside its destination,
`.<name>.<8 random characters>.tmp` (with SQLite's `-journal` beside it while it
is written), checked, flushed and renamed: it is whole or absent. A kill leaves
only such a hidden file, which the next copy to the same folder (or the next
start) recognises by its name and removes once it is STALE_SECONDS old — a
younger one may belong to another process copying right now.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
import time
from pathlib import Path

from ..files import check_target
from . import errors

STALE_SECONDS = 600

# mkstemp's names: the prefix we give, 8 characters of its alphabet, our suffix.
_TEMP = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp(?:-journal|-wal|-shm)?$")


def temp_target(name: str) -> str | None:
    """The file a temporary file of ours was for ("nuit.sqlite" for
    ".nuit.sqlite.k3j_x9aa.tmp-journal"), or None when it is not one of ours."""
    match = _TEMP.match(name)
    return match["target"] if match else None


def remove_stale_temps(folder: Path, target: re.Pattern[str] | str | None = None) -> list[Path]:
    """Remove our stale temporary files in `folder` (of the files whose name matches
    `target`, a regular expression or an exact name; of every file when None)."""
    limit = time.time() - STALE_SECONDS
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = temp_target(entry.name)
        if name is None:
            continue
        if isinstance(target, str) and name != target:
            continue
        if isinstance(target, re.Pattern) and not target.fullmatch(name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_with_sidecars(path: Path) -> None:
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            name.unlink()


def verified_copy(source: sqlite3.Connection, destination: Path) -> Path:
    """Copy the database behind `source` to `destination`, whole or not at all.

    SQLite's online backup (a consistent snapshot, safe while others write), one
    self-contained file (journal_mode=DELETE), `PRAGMA integrity_check`ed before it
    counts."""
    destination = Path(destination)
    if not destination.parent.is_dir():
        raise errors.MissingDirectory(f"Mappen {destination.parent} finnes ikke")
    remove_stale_temps(destination.parent, destination.name)
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
        fsync_file(tmp)
        check_target(destination)  # a device or FIFO made meanwhile is never replaced
        os.replace(tmp, destination)
    except sqlite3.Error as exc:
        remove_with_sidecars(tmp)
        if "full" in str(exc):
            raise errors.DiskFull(
                f"Disken er full; sikkerhetskopien {destination.name} ble ikke tatt, og ingenting ble skrevet"
            ) from None
        raise errors.StoreError(f"Sikkerhetskopien kunne ikke tas ({exc}); ingenting ble skrevet") from None
    except BaseException:
        remove_with_sidecars(tmp)
        raise
    fsync_dir(destination.parent)
    return destination
