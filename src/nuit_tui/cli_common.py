"""What the command line's commands share: exit codes, the usage error, printing,
the archive path from --db, opening the archive, and reading --year."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .domain.text import clean_text
from .paths import default_db

if TYPE_CHECKING:
    import argparse

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


# The file endings that name a format, as --out is written. An ending here that is not a
# format the command writes is refused, so that no file is written under a name that says
# another kind (an iCalendar file as a.docx, an SVG as w.png); an ending not here (none,
# «.bak») names no format and is taken as given.
_FORMAT_OF_ENDING = {
    ".docx": "docx", ".pdf": "pdf", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".zip": "zip",
    ".ics": "ics", ".svg": "svg", ".json": "json", ".eml": "eml", ".txt": "txt", ".csv": "csv", ".xml": "xml",
    ".doc": "doc", ".odt": "odt", ".rtf": "rtf", ".xlsx": "xlsx", ".xls": "xlsx", ".pptx": "pptx",
    ".png": "png", ".jpg": "jpg", ".jpeg": "jpg", ".gif": "gif", ".sqlite": "sqlite",
}
_FORMAT_NAMES = {
    "docx": "et Word-dokument", "pdf": "en PDF", "md": "Markdown", "html": "HTML", "zip": "en zip-fil",
    "ics": "en kalenderfil (iCalendar)", "svg": "et SVG-bilde", "json": "JSON", "eml": "en e-post (.eml)",
    "txt": "ren tekst", "csv": "en CSV-tabell", "xml": "XML", "doc": "et gammelt Word-dokument (.doc)",
    "odt": "et OpenDocument-dokument", "rtf": "et RTF-dokument", "xlsx": "et regneark", "pptx": "en presentasjon",
    "png": "et PNG-bilde", "jpg": "et JPEG-bilde", "gif": "et GIF-bilde", "sqlite": "en database",
}


def _either(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} eller {words[-1]}"


def format_for_out(given: str | None, out: str | None, default: str, others: Sequence[str] = ()) -> str:
    """The format an export is written in: --format, else the ending of --out (x.pdf: pdf),
    else `default`; `others`: the formats the command writes besides `default` (none: it
    writes `default` only, as `export ics`). Refused (exit 2), before any file is opened: a
    --format the ending of --out contradicts, and without --format an ending that names a
    format the command does not write. No Word file is written under a name that says PDF,
    no calendar under a name that says Word; no ending, or one that names no format, is
    taken as given."""
    named = _FORMAT_OF_ENDING.get(Path(out).suffix.lower()) if out else None
    name = Path(out or "").name
    if given is not None:
        if named is not None and named != given:
            raise UsageError(
                f"--out {name} er {_FORMAT_NAMES[named]}, men --format er {given}: gi filen endelsen .{given}, eller utelat --format"
            )
        return given
    writes = [default, *(fmt for fmt in others if fmt != default)]
    if named is None:
        return default
    if named not in writes:
        endings = f"endelsen .{writes[0]}" if len(writes) == 1 else "en av endelsene " + ", ".join(f".{fmt}" for fmt in writes)
        raise UsageError(
            f"--out {name} er {_FORMAT_NAMES[named]}, men her skrives {_either([_FORMAT_NAMES.get(fmt, fmt) for fmt in writes])}:"
            f" gi filen {endings}"
        )
    return named
