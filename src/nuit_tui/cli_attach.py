"""The command line's attachment files.

`nuit-tui attach --body NUIT --item 17/23 FILE [--title T] [--exempt] [--db PATH]` and
`nuit-tui export attachments --body NUIT --meeting 2/2023 [--public] [--out DIR]`;
registered by cli.build_parser.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .cli_common import EXIT_OK, UsageError, db_path, open_archive, say


def cmd_attach(args: argparse.Namespace) -> int:
    from .importers.bounded import size_text

    archive = open_archive(db_path(args), create=False)
    try:
        item = archive.agenda.find_item(args.item, body_short_name=args.body)
        archive.members.body(args.body)  # «--body X --item NUIT 8/22»: the body named must exist too
        attachment = archive.files.attach_file(item.stored_id, Path(args.file), title=args.title, exempt=args.exempt)
        case = archive.agenda.case_label(item, with_body=True)
        size = archive.files.sizes([attachment]).get(attachment.stored_id, 0)
    finally:
        archive.close()
    exempt = " (unntatt offentlighet)" if attachment.exempt else ""
    say(f"{attachment.label or 'Vedlegg'} «{attachment.title}» ({attachment.file_name}, {size_text(size)}) er lagt ved sak {case}{exempt}")
    return EXIT_OK


def cmd_export_attachments(args: argparse.Namespace) -> int:
    archive = open_archive(db_path(args), create=False)
    try:
        meeting = archive.meetings.find(args.body, args.meeting)
        folder = Path(args.out) if args.out else archive.files.default_folder(meeting.stored_id, public=args.public)
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"{folder} er en fil, ikke en mappe; ingenting ble skrevet")
        written = archive.files.export_meeting_files(meeting.stored_id, folder, public=args.public)
    finally:
        archive.close()
    for path in written:
        say(path)
    if not written:
        say(f"Møtet har ingen vedleggsfiler{' som kan offentliggjøres' if args.public else ''}; ingenting ble skrevet", err=True)
    return EXIT_OK


def add_commands(
    command: Callable[..., argparse.ArgumentParser], export_kinds: argparse._SubParsersAction, import_kinds: argparse._SubParsersAction
) -> None:
    attach = command("attach", cmd_attach, "legg en fil ved en sak (filen lagres i arkivet, høyst 100 MiB)")
    attach.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    attach.add_argument("--item", required=True, help="saksnummeret, f.eks. 17/23")
    attach.add_argument("file", help="filen (PDF, Word eller annet)")
    attach.add_argument("--title", help="vedleggets tittel (standard: filnavnet uten endelse)")
    attach.add_argument("--exempt", action="store_true", help="vedlegget er unntatt offentlighet")

    export = export_kinds.add_parser("attachments", help="vedleggsfilene til et møte, navngitt «Vedlegg 4A_Sak 17-23_<tittel>.pdf»")
    export.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    export.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    export.add_argument("--meeting", required=True, help="møtenummeret, f.eks. 2/2023")
    export.add_argument("--public", action="store_true", help="bare det som kan offentliggjøres (uten unntatte vedlegg og saker)")
    export.add_argument("--out", help="mappe (standard: exports/<utvalg>-<år>-<nr>-vedlegg/)")
    export.set_defaults(func=cmd_export_attachments)
