"""The command line's e-mail drafts.

`nuit-tui mail notice --body NUIT --meeting 2/2023 [--public] [--out PATH.eml] [--db PATH]`
and `nuit-tui mail minutes …` (approved minutes only); registered by cli.build_parser.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .cli_common import EXIT_OK, UsageError, db_path, format_for_out, open_archive, say


def cmd_mail(args: argparse.Namespace) -> int:
    from .services.mail import write_mail

    format_for_out(None, args.out, "eml")  # m.docx is not a draft's name
    archive = open_archive(db_path(args), create=False)
    try:
        meeting = archive.meetings.find(args.body, args.meeting)
        try:
            result = write_mail(archive, meeting.stored_id, args.what, public=args.public, out=Path(args.out) if args.out else None)
        except FileNotFoundError as exc:
            raise UsageError(str(exc).strip("'\"")) from None
    finally:
        archive.close()
    if result.missing:
        say(f"Uten e-postadresse (ikke med i utkastet): {', '.join(result.missing)}", err=True)
    say(result.path)
    return EXIT_OK


def add_commands(
    command: Callable[..., argparse.ArgumentParser], export_kinds: argparse._SubParsersAction, import_kinds: argparse._SubParsersAction
) -> None:
    mail = command(
        "mail",
        cmd_mail,
        "lag et e-postutkast (.eml, åpnes som ikke sendt i Outlook) med innkallingen eller det godkjente referatet",
    )
    mail.add_argument("what", metavar="HVA", choices=["notice", "minutes"], help="notice (innkalling med vedlegg) eller minutes (godkjent referat)")
    mail.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    mail.add_argument("--meeting", required=True, help="møtenummeret, f.eks. 2/2023")
    mail.add_argument("--public", action="store_true", help="offentlig versjon, uten unntatt innhold og unntatte vedlegg")
    mail.add_argument("--out", help="fil (standard: exports/<utvalg>-<år>-<nr>-innkalling.eml eller -referat.eml)")
