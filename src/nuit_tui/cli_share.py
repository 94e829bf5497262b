"""The command line's checkout and checkin: a meeting taken out to a laptop and
brought back.

`nuit-tui checkout --db SHARED --body NUIT --meeting 3/2023 --out LAPTOP.sqlite`
`nuit-tui checkin LAPTOP.sqlite --db SHARED [--dry-run] [--prefer laptop|shared]`

The checkin runs in its own process (`python -m nuit_tui.checkin_worker`) that opens
both files through apsw alone: this process has them open through `sqlite3` (to
check and migrate them first), and two SQLite libraries in one process must never
share a file. Exit codes of checkin: 0 checked in with nothing pending, 3 conflicts
pending (listed; choose in the app or with --prefer), 2 not checked in (nothing
changed).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .store.errors import NotFound, ReadOnlyDatabase

EXIT_OK, EXIT_USAGE = 0, 2


def _say(text: str, *, err: bool = False) -> None:
    from .domain.text import clean_text

    print(clean_text(text), file=sys.stderr if err else sys.stdout)


def warn_location(path: Path) -> None:
    """One line on stderr when the archive lies on a network share or in a synced folder."""
    from .store.locations import location_warning

    warning = location_warning(Path(path))
    if warning:
        _say(f"nuit-tui: {warning}", err=True)


def _db(args: argparse.Namespace) -> Path:
    from .paths import default_db

    return Path(args.db) if getattr(args, "db", None) else default_db()


def cmd_checkout(args: argparse.Namespace) -> int:
    from .services import Archive

    db = _db(args)
    warn_location(db)
    archive = Archive.open(db, create=False)
    try:
        done = archive.checkouts.check_out(args.body, args.meeting, Path(args.out))
    finally:
        archive.close()
    if done.already_out:
        _say(f"merk: {done.meeting} er allerede tatt ut til {', '.join(done.already_out)}", err=True)
    _say(f"{done.meeting} er tatt ut til {done.copy} av {done.taken_by} {done.when}")
    _say(f"Ta det med tilbake med: nuit-tui checkin {done.copy} --db {db}")
    return EXIT_OK


def cmd_checkin(args: argparse.Namespace) -> int:
    from .services.start import ArchiveFile

    db, laptop = _db(args), Path(args.laptop)
    warn_location(db)
    # The archive is checked (and brought to this version's schema) by the store first,
    # without loading the records (start-up time), and closed before the worker opens it.
    # The laptop's copy is only read, as data: the worker compares its tables with the
    # archive's and refuses a copy whose columns differ.
    if not laptop.is_file():
        raise NotFound(f"{laptop} finnes ikke")
    opened = ArchiveFile(db, create=False)
    refused = opened.read_only
    opened.close()
    if refused:
        raise ReadOnlyDatabase(f"{db} kan ikke skrives ({refused}); ingenting er sjekket inn")
    command = [sys.executable, "-m", "nuit_tui.checkin_worker", str(laptop), "--db", str(db)]
    if args.dry_run:
        command.append("--dry-run")
    if args.prefer:
        command += ["--prefer", args.prefer]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    for line in done.stdout.splitlines():
        _say(line)
    for line in done.stderr.splitlines():
        _say(line, err=True)
    if done.returncode not in (0, 2, 3):
        _say(f"nuit-tui: innsjekkingen stoppet (kode {done.returncode}); det felles arkivet er som før", err=True)
        return 1
    return done.returncode


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    checkout = command("checkout", cmd_checkout, "ta et møte ut til en bærbar (en hel arbeidskopi av arkivet)")
    checkout.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    checkout.add_argument("--meeting", required=True, help="møtenummeret, f.eks. 3/2023")
    checkout.add_argument("--out", required=True, help="arbeidskopien som lages, f.eks. bærbar.sqlite")
    checkin = command(
        "checkin", cmd_checkin,
        "ta med tilbake det som er endret i en uttatt kopi (kode 3: konflikter venter, se --prefer)",
    )
    checkin.add_argument("laptop", help="den uttatte kopien")
    checkin.add_argument("--dry-run", action="store_true", help="vis hva som ville skjedd, lagre ingenting")
    checkin.add_argument(
        "--prefer", choices=["laptop", "shared"],
        help="avgjør konflikter: laptop = den bærbares verdi, shared = arkivets",
    )
