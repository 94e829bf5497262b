"""The command line's backup and restore, and its words for file problems.

`nuit-tui backup [--db PATH] [--out PATH]` and
`nuit-tui restore FILE [--db PATH] [--force]`; registered by cli.build_parser.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the app's start (`warn_location`) does without argparse
    import argparse

_warned: set[Path] = set()


def warn_location(path: Path) -> None:
    """One line on stderr when the archive lies on a network share or in a synced folder."""
    from .store.locations import location_warning

    path = Path(path)
    if path in _warned:
        return
    _warned.add(path)
    warning = location_warning(path)
    if warning:
        print(f"nuit-tui: {warning}", file=sys.stderr)


def one_line(message: str) -> str:
    """An error is one line, even when it quotes typed text with line breaks in it."""
    return " ".join(message.split())


def os_error_message(exc: OSError) -> str:
    """A Norwegian line for what the operating system refused."""
    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Disken er full{where}; ingenting ble skrevet. Frigjør plass og prøv igjen"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Mangler skrivetilgang{where}; ingenting ble skrevet"
    if exc.errno == errno.ENOENT:
        return f"Finnes ikke{where}"
    if exc.errno == errno.EIO:
        return f"Lese- eller skrivefeil på disken{where}; ta en sikkerhetskopi så snart som mulig"
    return f"Filfeil{where}: {exc.strerror or exc}"


def _db(args: argparse.Namespace) -> Path:
    from .paths import default_db

    return Path(args.db) if getattr(args, "db", None) else default_db()


def cmd_backup(args: argparse.Namespace) -> int:
    from .services.backup import backup

    db = _db(args)
    warn_location(db)
    made = backup(db, Path(args.out) if args.out else None)
    print(f"Sikkerhetskopi kontrollert og lagret: {made}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .services.backup import restore

    db = _db(args)
    warn_location(db)
    done = restore(Path(args.file), db, force=args.force)
    kept = f"; den gamle er lagret som {done.replaced_copy}" if done.replaced_copy else ""
    print(f"Gjenopprettet {done.db} fra {done.source}{kept}")
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    backup = command(
        "backup", cmd_backup, "ta en kontrollert sikkerhetskopi (trygt mens appen er åpen; standard: backups/ ved databasen)"
    )
    backup.add_argument("--out", help="fil eller mappe for kopien (standard: backups/<navn>-ÅÅÅÅMMDD-TTMMSS.sqlite)")
    restore = command("restore", cmd_restore, "gjenopprett databasen fra en sikkerhetskopi")
    restore.add_argument("file", help="sikkerhetskopien")
    restore.add_argument("--force", action="store_true", help="erstatt en database som finnes (den sikkerhetskopieres først)")
