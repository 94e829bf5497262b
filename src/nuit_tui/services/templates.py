"""A body's Word template (letterhead, logo, styles, header, footer): kept in the archive,
and every Word and PDF file of the body's documents is built on it."""

from __future__ import annotations

from pathlib import Path

from ..exporters import registry
from ..exporters.word_template import MAX_BYTES, checked_template
from ..importers.bounded import read_bounded
from ..store import templates as store
from .archive import Archive


def template_for(archive: Archive, body_id: int) -> bytes | None:
    """The body's template, None for the built-in one."""
    stored = store.body_template(archive.store, body_id)
    return stored.content if stored else None


def paper_template(archive: Archive, meeting_id: int, fmt: str) -> bytes | None:
    """The template a meeting's document in `fmt` is built on (only Word and PDF are)."""
    if fmt not in registry.PAGED:
        return None
    return template_for(archive, archive.meetings.get(meeting_id).body_id)


def template_names(archive: Archive) -> dict[int, str]:
    """body id -> its template's file name."""
    return store.template_names(archive.store)


def set_template(archive: Archive, body_id: int, path: Path) -> str:
    """Check the file and keep it as the body's template; its file name is returned.
    A refused file (too large, not Word) changes nothing."""
    path = Path(path)
    data = checked_template(bytes(read_bounded(path, MAX_BYTES)), path.name)
    archive.members.body_by_id(body_id)  # a body that is gone is refused before the write
    store.set_body_template(archive.store, body_id, path.name, data)
    return path.name


def remove_template(archive: Archive, body_id: int) -> bool:
    """Back to the built-in template; False when the body had none."""
    return store.remove_body_template(archive.store, body_id)
