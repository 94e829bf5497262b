"""Writing files at the edge: whole or not at all."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write to a temporary file in the same folder, fsync, then rename over the target.

    `data` is the bytes, or chunks of them as they are made (a large export need not
    be held in memory). A crash, a full disk or an error while making the chunks
    leaves either the old file or the new one, never half.
    """
    path = Path(path)
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
    """Write an export to `out`, or else as `name` in `exports_dir` (made when missing)."""
    if out is None:
        exports_dir = Path(exports_dir)
        exports_dir.mkdir(parents=True, exist_ok=True)
        out = exports_dir / name
    return write_atomic(Path(out), data)
