"""Writing files at the edge: whole or not at all."""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path


class NotARegularFile(OSError):
    """The target exists and is a folder, a device, a FIFO or a socket: never written over
    (renaming over /dev/null as root would replace the device). The message is Norwegian."""


_KINDS = (
    (stat.S_ISDIR, "en mappe"),
    (stat.S_ISCHR, "en enhet"),
    (stat.S_ISBLK, "en enhet"),
    (stat.S_ISFIFO, "en FIFO (navngitt rør)"),
    (stat.S_ISSOCK, "en socket"),
)


def check_target(path: Path) -> None:
    """Refuse a target that exists and is not a regular file (a link is followed: a link
    to /dev/null is a device). A missing target, or a regular file, is fine."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError:
        return  # unreadable: the write itself says what is wrong
    if stat.S_ISREG(mode):
        return
    what = next((kind for test, kind in _KINDS if test(mode)), "ikke en vanlig fil")
    raise NotARegularFile(f"{path} er {what}, ikke en vanlig fil; ingenting ble skrevet (oppgi et filnavn)")


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write to a temporary file in the same folder, fsync, then rename over the target.

    `data` is the bytes, or chunks of them as they are made (a large export need not
    be held in memory). A crash, a full disk or an error while making the chunks
    leaves either the old file or the new one, never half.
    """
    path = Path(path)
    check_target(path)
    if not path.parent.exists():
        raise FileNotFoundError(f"Mappen {path.parent} finnes ikke")
    _remove_leftovers(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); an export is for colleagues, so give it
        # the permissions an ordinary new file gets here.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            for chunk in [data] if isinstance(data, bytes | bytearray) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        check_target(path)  # again: a slow export gives time for something to appear there
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return path


LEFTOVER_SECONDS = 600


def _remove_leftovers(path: Path) -> None:
    """Temporary files of an earlier write of `path` that a crash interrupted.

    Only old ones: a younger one may belong to another process writing right now.
    """
    limit = time.time() - LEFTOVER_SECONDS
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < limit:
                leftover.unlink()


def write_export(data: bytes | Iterable[bytes], name: str, *, out: Path | None, exports_dir: Path) -> Path:
    """Write an export to `out`, or else as `name` in `exports_dir` (made when missing).
    `name` is one plain file name (see `documents.names.slug`): it never leaves the folder."""
    if name != Path(name).name or name.startswith(".") or "\\" in name:
        raise ValueError(f"Ugyldig filnavn for eksport: {name!r}")
    if out is None:
        exports_dir = Path(exports_dir)
        exports_dir.mkdir(parents=True, exist_ok=True)
        out = exports_dir / name
    return write_atomic(Path(out), data)
