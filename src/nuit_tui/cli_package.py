"""The command line's meeting package:

`nuit-tui export package --body NUIT --meeting 2/2023 [--public] [--format pdf|zip] [--out PATH] [--db PATH]`;
registered by cli.build_parser.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli_common import EXIT_OK, UsageError, db_path, format_for_out, open_archive, say


def cmd_export_package(args: argparse.Namespace) -> int:
    from .exporters import glyphs
    from .services.package import export_package

    fmt = format_for_out(args.format, args.out, "pdf", ("zip",))
    archive = open_archive(db_path(args), create=False)
    try:
        meeting = archive.meetings.find(args.body, args.meeting)
        try:
            with glyphs.collecting() as missing:  # as `export notice` and the app say it
                path = export_package(archive, meeting.stored_id, fmt=fmt, public=args.public, out=Path(args.out) if args.out else None)
        except FileNotFoundError as exc:
            raise UsageError(str(exc).strip("'\"")) from None
    finally:
        archive.close()
    if missing:
        say(f"advarsel: {glyphs.warning(missing)}", err=True)
    say(path)
    return EXIT_OK


def add_commands(export_kinds) -> None:
    package = export_kinds.add_parser(
        "package", help="møtepakken: innkallingen, så hver saks toppnotat og vedlegg, som én PDF eller en zip med enkeltfiler"
    )
    package.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    package.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    package.add_argument("--meeting", required=True, help="møtenummeret, f.eks. 2/2023")
    package.add_argument("--format", choices=["pdf", "zip"], help="pdf: én fil med bokmerker; zip: enkeltfiler (standard: endelsen til --out, ellers pdf)")
    package.add_argument("--public", action="store_true", help="offentlig versjon, uten unntatte saker og vedlegg")
    package.add_argument("--out", help="fil (standard: exports/<utvalg>-<år>-<nr>-pakke.<format>)")
    package.set_defaults(func=cmd_export_package)
