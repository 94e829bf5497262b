"""The command line's Word template of a body:

`nuit-tui template set --body NUIT FILE.docx [--db PATH]` and
`nuit-tui template remove --body NUIT [--db PATH]`; registered by cli.build_parser.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from .cli_common import EXIT_OK, db_path, open_archive, say


def cmd_template_set(args: argparse.Namespace) -> int:
    from .exporters.word_template import MAX_BYTES, checked_template
    from .importers.bounded import read_bounded
    from .services.templates import set_template

    path = Path(args.file)
    checked_template(bytes(read_bounded(path, MAX_BYTES)), path.name)  # a bad file is refused before the archive is opened
    archive = open_archive(db_path(args), create=False)
    try:
        body = archive.members.body(args.body)
        name = set_template(archive, body.stored_id, path)
    finally:
        archive.close()
    say(f"Word-malen for {body.short_name} er nå {name}: Word- og PDF-filer bygges på den")
    return EXIT_OK


def cmd_template_remove(args: argparse.Namespace) -> int:
    from .services.templates import remove_template

    archive = open_archive(db_path(args), create=False)
    try:
        body = archive.members.body(args.body)
        removed = remove_template(archive, body.stored_id)
    finally:
        archive.close()
    say(f"{body.short_name} bruker nå den innebygde malen" if removed else f"{body.short_name} hadde ingen egen Word-mal")
    return EXIT_OK


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    template = command("template", cmd_template_remove, "Word-malen (brevhode, logo, stiler) et utvalgs dokumenter bygges på")
    actions = template.add_subparsers(dest="action", metavar="HANDLING", parser_class=type(template), required=True)
    set_ = actions.add_parser("set", help="bruk en .docx som utvalgets Word-mal (lagres i arkivet)")
    set_.add_argument("file", help="Word-filen (.docx eller .dotx) med brevhode, logo, stiler, topp- og bunntekst")
    set_.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    set_.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    set_.set_defaults(func=cmd_template_set)
    remove = actions.add_parser("remove", help="tilbake til den innebygde malen")
    remove.add_argument("--body", required=True, help="utvalget, f.eks. NUIT")
    remove.add_argument("--db", help="databasefil", default=argparse.SUPPRESS)
    remove.set_defaults(func=cmd_template_remove)
