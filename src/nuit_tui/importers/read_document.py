"""One entry for the import service: a file (or its bytes) and what kind of document it
is, read into a `ReadDocument`. The file is read here (`extract`); the readers take text.
"""

from __future__ import annotations

from pathlib import Path

from .cover_note_reader import read_cover_note
from .exemption import mark_exempt
from .extract import read_text, text_of
from .meeting_record import DocumentKind, ReadDocument
from .minutes_reader import read_minutes
from .notice_reader import read_notice

READERS = {"notice": read_notice, "minutes": read_minutes, "cover_note": read_cover_note}


def read_text_as(text: str, kind: DocumentKind, source: str = "", body: str | None = None) -> ReadDocument:
    return mark_exempt(READERS[kind](text, source=source, body=body))


def read_document(source: Path | str | bytes, kind: DocumentKind, name: str = "", body: str | None = None) -> ReadDocument:
    """Read a notice, minutes or a cover note from a file path, or from its bytes (then
    `name`, the file's name, says the format: .docx, .pdf, .txt, .md)."""
    if isinstance(source, bytes):
        text = text_of(source, name or "dokument.txt")
        label = name
    else:
        text = read_text(source)
        label = Path(source).name
    return read_text_as(text, kind, source=label, body=body)
