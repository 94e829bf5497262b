"""What the command line's commands share: exit codes, the usage error, printing,
the archive path from --db, opening the archive, and reading --year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .domain.text import clean_text
from .paths import default_db

if TYPE_CHECKING:
    from .services import Archive

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage or bad input: exit 2."""


def say(text: object, *, err: bool = False) -> None:
    """Every line the command line prints goes through here: what the archive (or an
    argument) holds is shown as text, never as a terminal control. An ESC sequence in a
    body's name would otherwise retitle the window, or worse; CR would overwrite a line."""
    print(clean_text(str(text)), file=sys.stderr if err else sys.stdout)


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db()


def open_archive(path: Path, *, create: bool = True) -> Archive:
    from .cli_backup import warn_location
    from .services import Archive

    warn_location(path)
    return Archive.open(path, create=create)


def year_arg(text: str | None) -> int | None:
    """A --year as typed; one clear line (exit 2) when it is not a year."""
    if text is None:
        return None
    if not (text.strip().isascii() and text.strip().isdigit()) or not 1900 <= int(text) <= 2200:
        raise UsageError(f"«{text}» er ikke et årstall")
    return int(text)


# The file endings that name a document format, as --out is written.
_FORMAT_OF_ENDING = {".docx": "docx", ".pdf": "pdf", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".zip": "zip"}
_FORMAT_NAMES = {"docx": "et Word-dokument", "pdf": "en PDF", "md": "Markdown", "html": "HTML", "zip": "en zip-fil"}


def format_for_out(given: str | None, out: str | None, default: str) -> str:
    """The format a document is written in: --format, else the ending of --out (x.pdf: pdf),
    else `default`. A --format the ending of --out contradicts is refused (exit 2), so that
    no Word file is written under a name that says PDF."""
    named = _FORMAT_OF_ENDING.get(Path(out).suffix.lower()) if out else None
    if given is None:
        return named or default
    if named is not None and named != given:
        raise UsageError(
            f"--out {Path(out or '').name} er {_FORMAT_NAMES[named]}, men --format er {given}:"
            f" gi filen endelsen .{given}, eller utelat --format"
        )
    return given
