"""Files to import: which reader reads a file, and a folder of them.

The readers (text out of .docx, .pdf and .txt; the notice, the minutes and the cover
note understood) live in `importers/`; this module only picks one per file and kind.
A `.json` file holding a `ReadDocument` (what a reader understood, corrected by hand)
is read as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..domain.norwegian import ParseError
from ..importers.bounded import TEXT_MAX_BYTES, check_json_depth, read_bounded
from ..importers.meeting_record import DocumentKind, ReadDocument

if TYPE_CHECKING:
    from ..importers.source_places import SourcePlaces

KINDS: tuple[DocumentKind, ...] = ("notice", "minutes", "cover_note")
SUFFIXES = (".docx", ".pdf", ".txt", ".md", ".json")
KIND_WORDS: dict[str, str] = {"notice": "innkalling", "minutes": "referat", "cover_note": "toppnotat"}
_A_KIND = {"notice": "en innkalling", "minutes": "et referat", "cover_note": "et toppnotat"}
Reader = Callable[[Path], ReadDocument]


class ImportRefused(ParseError):
    """A file that cannot be imported (bad input: exit 2 in the CLI, a message in the TUI)."""


def _reading() -> tuple[Callable[[Path], str], Callable[..., ReadDocument]]:
    """(text of a file, text read as a kind): the readers in importers/."""
    from ..importers import extract, read_document

    return extract.read_text, read_document.read_text_as


# The marks of each kind on a document's first page; the one found first says the kind.
_MARKS: dict[DocumentKind, re.Pattern[str]] = {
    "minutes": re.compile(r"^\s*(referat fra\b|referat\s*$|protokoll fra\b|til stede\b)", re.IGNORECASE | re.MULTILINE),
    "notice": re.compile(r"^\s*(møte i\b|innkalling\b|dagsorden\b|medlemmer\s+\S)", re.IGNORECASE | re.MULTILINE),
    "cover_note": re.compile(r"^\s*(toppnotat\b|hensikt med saken\b|saksnummer\b|saksbehandler\b)", re.IGNORECASE | re.MULTILINE),
}


def detect_kind(text: str) -> DocumentKind | None:
    """What a document is, from the first of its kind's marks on its first page: the
    minutes' «Referat fra møte» or «Til stede», a notice's «Møte i NUIT», «Innkalling» or
    members listed, a cover note's «Hensikt med saken» or its box (Saksnummer, Saksbehandler)."""
    head = text[:6000]
    found = [(match.start(), kind) for kind, pattern in _MARKS.items() if (match := pattern.search(head))]
    return min(found)[1] if found else None


def _read_json(path: Path, kind: DocumentKind | None) -> ReadDocument:
    data = read_bounded(path, TEXT_MAX_BYTES)
    check_json_depth(data)
    try:
        document = ReadDocument.model_validate(json.loads(bytes(data).decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
        raise ImportRefused(f"{path.name}: ikke et lest dokument i JSON ({type(exc).__name__})") from None
    if kind is not None and document.kind != kind:
        raise ImportRefused(f"{path.name} er et lest dokument av typen «{KIND_WORDS[document.kind]}», ikke «{KIND_WORDS[kind]}»")
    return document


def read_text_as(text: str, kind: DocumentKind, source: str = "") -> ReadDocument:
    """A document's text read as `kind`."""
    return _reading()[1](text, kind, source=source)


def read_document(path: Path, kind: DocumentKind | None = None) -> ReadDocument:
    """What the file says, read by the reader of its kind (`None`: the kind detected)."""
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(f"Finnes ikke eller er ikke en fil: {path}")
    suffix = path.suffix.casefold()
    if suffix not in SUFFIXES:
        raise ImportRefused(f"{path.name}: kan bare lese .docx, .pdf og .txt")
    if suffix == ".json":
        return _something_read(_read_json(path, kind), path)
    read_text, read_text_as = _reading()
    text = read_text(path)
    kind = kind or detect_kind(text)
    if kind is None:
        raise ImportRefused(f"{path.name}: fant ikke ut om dette er en innkalling, et referat eller et toppnotat")
    try:
        document = read_text_as(text, kind, source=path.name)
    except ParseError:
        raise
    except (ValueError, KeyError, IndexError) as exc:
        raise ImportRefused(f"{path.name}: kunne ikke leses som {KIND_WORDS[kind]} ({exc})") from None
    return _something_read(document.model_copy(update={"source": document.source or path.name}), path)


def _something_read(document: ReadDocument, path: Path) -> ReadDocument:
    """The document, unless nothing of its kind was found in it: a file that is not a
    notice (no «Møte 1/2023», no date) is refused as one, not imported as nothing with
    a warning (exit 0)."""
    if document.kind == "cover_note":  # a cover note names its case («Saksnummer 17/23»)
        found: list = [note for note in document.cover_notes if note.case]
        missing = "fant ikke saksnummeret («Saksnummer 17/23») i dokumentet"
    else:
        found, missing = document.meetings, ""
    if not found:
        reason = document.warnings[0] if document.warnings else missing
        why = f": {reason}" if reason else ""
        raise ImportRefused(f"{path.name} ser ikke ut som {_A_KIND[document.kind]}{why}")
    return document


def source_text(path: Path) -> str:
    """The document's text as the reader saw it, to show beside what was understood."""
    path = Path(path)
    if path.suffix.casefold() == ".json":
        return bytes(read_bounded(path, TEXT_MAX_BYTES)).decode("utf-8", errors="replace")
    return _reading()[0](path)


@dataclass
class Source:
    """The file's text in lines as the readers number them, and where in them the document
    read and each of its items stand (a file may hold more than one document)."""

    lines: list[str]
    places: SourcePlaces


def read_source(path: Path, kind: DocumentKind) -> Source:
    """`source_text` in lines, with the places of the document read from it as `kind`; a
    `.json` file is what was read, not the document: the whole of it."""
    from ..importers.page_text import source_lines
    from ..importers.source_places import SourcePlaces, source_places

    text = source_text(path)
    lines = source_lines(text)
    if Path(path).suffix.casefold() == ".json":
        return Source(lines, SourcePlaces(1, len(lines)))
    return Source(lines, source_places(text, kind))


def find_line(lines: list[str], places: SourcePlaces, case: str | None, needles: list[str]) -> int | None:
    """The index in the file's lines where a part stands (`importers.source_places.find_line`)."""
    from ..importers.source_places import find_line

    return find_line(lines, places, case, needles)


def folder_files(folder: Path) -> list[Path]:
    """The files of a folder a reader may read, in name order (not its subfolders)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ImportRefused(f"Finnes ikke eller er ikke en mappe: {folder}")
    return sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.casefold() in SUFFIXES), key=lambda p: p.name.casefold())


@dataclass
class FolderReport:
    """One report for a folder: what each file gave, and the files that could not be read."""

    imported: list[tuple[str, str, int, int]] = field(default_factory=list)  # (file, kind, changes, conflicts)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    repairs: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        return sum(row[3] for row in self.imported)


def iter_read(files: list[Path]) -> Iterator[tuple[Path, ReadDocument | None, str]]:
    """Each file read (or None and why not): a bad file is listed, never fatal."""
    for path in files:
        try:
            yield path, read_document(path), ""
        except (ParseError, OSError) as exc:
            yield path, None, " ".join(str(exc).split())
