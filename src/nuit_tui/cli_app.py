"""The commands that open the app: `nuit-tui [--db FILE]` and `nuit-tui demo`.

`nuit-tui` alone, or with only --db, is recognised before the command line's parser is
built (`app_only`): the parser imports every command's module, some 30 ms of the first
paint.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from .cli_common import EXIT_OK, UsageError, db_path, say
from .paths import DEMO_DB

if TYPE_CHECKING:
    import argparse


def app_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of `nuit-tui` or `nuit-tui --db FILE` (or --db=FILE), each with or
    without --new - the app and nothing else - as the parser gives them; None for anything
    else. The app then opens without building the parser, which imports every command's
    module (some 30 ms of the first paint), and without argparse itself."""
    new = "--new" in argv
    if new:
        argv = list(argv)
        argv.remove("--new")
    if not argv:
        db = None
    elif len(argv) == 2 and argv[0] == "--db" and argv[1][:1] not in ("", "-"):
        db = argv[1]
    elif len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        db = argv[0].removeprefix("--db=")
    else:
        return None
    # As the parser would give them; not argparse's own Namespace: argparse is not imported
    # on the way to the app (some 3 ms of the first paint).
    return cast("argparse.Namespace", SimpleNamespace(db=db, new=new, func=cmd_app, command=None))


def cmd_app(args: argparse.Namespace) -> int:
    """The app on --db (or NUIT_DB, or the default file). A named file that does not exist
    is refused without --new, as `serve` refuses it: a mistyped --db opened a new, empty
    archive without a word, and the meeting was typed into it. The default file is made
    on the first start, as before."""
    path = db_path(args)
    if not args.db and not os.environ.get("NUIT_DB"):
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists() and not args.new:
        raise UsageError(f"{path} finnes ikke; rett stien, eller gi --new for å lage et nytt, tomt arkiv der")
    return run_tui(path)


def run_tui(path: Path) -> int:
    """The app on a checked file; the Archive itself loads after the first paint."""
    from .cli_backup import warn_location
    from .services.start import ArchiveFile
    from .tui.app import NuitApp

    warn_location(path)
    archive = ArchiveFile(path)
    try:
        NuitApp(archive).run()
    finally:
        archive.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo.builder import ensure_demo

    path = Path(args.db) if args.db else DEMO_DB
    if not args.db:
        path.parent.mkdir(parents=True, exist_ok=True)
    built = ensure_demo(path, fresh=args.fresh)
    if args.no_tui:
        say(f"Demoarkivet er {'bygget' if built else 'allerede på plass'}: {path}")
        return EXIT_OK
    return run_tui(path)
