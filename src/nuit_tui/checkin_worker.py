"""The checkin's own process: `python -m nuit_tui.checkin_worker LAPTOP --db SHARED
[--dry-run] [--prefer laptop|shared]`, started by `nuit-tui checkin` (cli_share.py).

It opens both files through apsw alone (never the `sqlite3` module: two SQLite
libraries in one process break each other's locks), prints what it did, and exits
0 (checked in, nothing pending), 3 (conflicts pending) or 2 (could not check in;
nothing changed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .domain.labels import field_label, value_label
from .domain.norwegian import count
from .domain.text import clean_text
from .store.row_names import capitalized

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PENDING = 0, 1, 2, 3
PREVIEW = 80


def _shown(value: Any, name: str = "") -> str:
    if value is None or value == "":
        return "(tomt)"
    text = value_label(name, " ".join(str(value).split()))
    return f"«{text if len(text) <= PREVIEW else text[:PREVIEW] + ' …'}»"


def _say(text: str, *, err: bool = False) -> None:
    print(clean_text(text), file=sys.stderr if err else sys.stdout)


def conflict_line(conflict: Any) -> str:
    from .store.checkin import DELETED_ON_LAPTOP, DELETED_ON_SHARED, REFUSED

    what = capitalized(conflict.what)
    if conflict.field == REFUSED:
        line = f"{what}: kan ikke tas inn i arkivet ({conflict.shared})"
    elif conflict.field == DELETED_ON_SHARED:
        line = f"{what}: endret på bærbar, slettet i arkivet"
    elif conflict.field == DELETED_ON_LAPTOP:
        line = f"{what}: slettet på bærbar, endret i arkivet"
    else:
        line = (
            f"{what} · {field_label(conflict.field)}: ved uttak {_shown(conflict.base, conflict.field)}"
            f" · i arkivet {_shown(conflict.shared, conflict.field)} · på bærbar {_shown(conflict.laptop, conflict.field)}"
        )
    if conflict.resolution:
        line += f" → {'bærbar' if conflict.resolution == 'laptop' else 'arkivet'} valgt"
    return line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nuit-tui checkin")
    parser.add_argument("laptop")
    parser.add_argument("--db", required=True)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--prefer", choices=["laptop", "shared"])
    args = parser.parse_args(argv)
    from .store.checkin import CheckinError, check_in

    try:
        done = check_in(Path(args.laptop), Path(args.db), dry_run=args.dry_run, prefer=args.prefer)
    except CheckinError as exc:
        _say(f"nuit-tui: {' '.join(str(exc).split())}", err=True)
        return EXIT_USAGE
    except Exception as exc:  # rolled back already: one line, not a traceback
        _say(f"nuit-tui: uventet feil: {type(exc).__name__}: {' '.join(str(exc).split())}", err=True)
        return EXIT_FAILURE
    counts = (sum(done.inserted.values()), sum(done.updated.values()), sum(done.deleted.values()))
    verb = "Ville sjekket inn" if done.dry_run else "Sjekket inn"
    _say(f"{verb} {done.meeting} fra {args.laptop}: {counts[0]} nye, {counts[1]} endrede, {counts[2]} slettede rader")
    if done.renumbered:
        _say(f"Rekkefølge eller saksnummer rettet på {done.renumbered} saker/rader")
    if done.conflicts:
        _say("Begge har endret samme felt siden uttaket (ingenting er overskrevet):")
        for conflict in done.conflicts:
            _say(f"  {conflict_line(conflict)}")
    if done.pending:
        _say(
            f"{count(done.pending, 'konflikt', 'konflikter')} venter: velg felt for felt i appen"
            " (k i dagsordenen, så Ctrl+B/Ctrl+T),"
            " eller kjør på nytt med --prefer laptop|shared"
        )
    elif done.closed:
        # Another laptop may have the meeting out too: then it is still out, and says where.
        if done.still_out:
            state = "ville fortsatt være" if done.dry_run else "er fortsatt"
            _say(f"{done.meeting} {state} tatt ut til {', '.join(done.still_out)}")
        else:
            _say(f"{done.meeting} {'ville ikke lenger være' if done.dry_run else 'er ikke lenger'} tatt ut")
    if done.dry_run:
        _say("Prøvekjøring: ingenting er lagret")
    return EXIT_PENDING if done.pending else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
