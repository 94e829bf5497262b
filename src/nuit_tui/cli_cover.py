"""The command line's cover notes (toppnotater).

`nuit-tui export cover-note --body NUIT --item 17/23 [--format docx|pdf|md|html] [--public]
[--out PATH] [--db PATH]`; registered by cli.build_parser.

A sibling of cli_backup in the layers (pyproject): it imports neither it nor
cli_common (which does), so bad input is said as a `ParseError`, which the command
line answers with one line and exit code 2, like every refusal of bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _archive_path(args: argparse.Namespace) -> Path:
    from .paths import default_db

    return Path(args.db) if getattr(args, "db", None) else default_db()


def cmd_export_cover_note(args: argparse.Namespace) -> int:
    from .cli_common import format_for_out
    from .documents.cover_note import CoverNoteDocument
    from .domain.norwegian import ParseError
    from .domain.text import clean_text
    from .exporters.registry import UnknownFormat, check_format, formats
    from .services import Archive

    fmt = format_for_out(args.format, args.out, "docx", formats(CoverNoteDocument))  # a contradiction is one line, exit 2
    try:
        check_format(CoverNoteDocument, fmt)  # refused before the file is opened
    except UnknownFormat as exc:
        raise ParseError(str(exc)) from None
    archive = Archive.open(_archive_path(args), create=False)
    try:
        body = archive.members.body(args.body)
        item = archive.agenda.find_item(args.item, body_short_name=body.short_name)
        try:
            path = archive.cover_notes.export(
                item.stored_id, fmt=fmt, public=args.public, out=Path(args.out) if args.out else None
            )
        except FileNotFoundError as exc:
            raise ParseError(str(exc).strip("'\"")) from None
    finally:
        archive.close()
    print(clean_text(str(path)), file=sys.stdout)
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser], export_kinds: Any, import_kinds: Any) -> None:
    """`export cover-note` (`command` and `import_kinds`: the other kinds of command a module may add)."""
    from .exporters.formats import DOCUMENT_FORMATS, described

    sub = export_kinds.add_parser(
        "cover-note", help=f"toppnotatet til en sak ({described(DOCUMENT_FORMATS)})", description="toppnotatet til en sak"
    )
    sub.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    sub.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    sub.add_argument("--item", required=True, help="saksnummeret, f.eks. 17/23")
    # The formats are the registry's, checked when the command runs: a format added there needs no change here.
    sub.add_argument("--format", help="docx, pdf, md eller html (standard: endelsen til --out, ellers docx)")
    sub.add_argument("--public", action="store_true", help="offentlig versjon, uten unntatt innhold")
    sub.add_argument("--out", help="fil (standard: exports/Toppnotat_Sak <nr>_<tittel>.<format>)")
    sub.set_defaults(func=cmd_export_cover_note)
