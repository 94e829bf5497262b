"""The queries of attachment files: the bytes kept once per content (SHA-256), read
only when asked for, so that lists of attachments never load them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..domain import models as m
from . import errors

if TYPE_CHECKING:
    from .archive_store import ArchiveStore


def put_file(store: ArchiveStore, content: bytes) -> int:
    """The id of a file with these bytes: the stored one when the same content is
    kept already, else a new one (inside the caller's transaction, or its own)."""
    digest = hashlib.sha256(content).hexdigest()
    with store.write() as conn:
        conn.execute(
            "INSERT INTO attachment_files (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
            [digest, len(content), bytes(content)],
        )
        return conn.execute("SELECT id FROM attachment_files WHERE sha256 = ?", [digest]).fetchone()[0]


def file_content(store: ArchiveStore, file_id: int) -> bytes:
    row = store.conn.execute("SELECT content FROM attachment_files WHERE id = ?", [file_id]).fetchone()
    if row is None:
        raise errors.NotFound(f"Filen finnes ikke i arkivet (fil {file_id})")
    return bytes(row[0])


def file_facts(store: ArchiveStore, file_ids: Iterable[int | None]) -> dict[int, tuple[int, str]]:
    """file id -> (size, sha256), without reading the bytes."""
    wanted = sorted({i for i in file_ids if i is not None})
    found: dict[int, tuple[int, str]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for file_id, size, digest in store.conn.execute(
            f"SELECT id, size, sha256 FROM attachment_files WHERE id IN ({marks})", chunk
        ):
            found[file_id] = (size, digest)
    return found


def forget_unused_file(store: ArchiveStore, file_id: int | None) -> None:
    """Drop a file no attachment points to any longer (after its attachment is deleted)."""
    if file_id is None:
        return
    with store.write() as conn:
        conn.execute(
            "DELETE FROM attachment_files WHERE id = ? AND NOT EXISTS (SELECT 1 FROM attachments WHERE file_id = ?)",
            [file_id, file_id],
        )


def meeting_attachments(store: ArchiveStore, meeting_id: int) -> list[m.Attachment]:
    """Every attachment of a meeting's items, in agenda order and each item's order."""
    rows = store._select(
        "SELECT attachments.* FROM attachments JOIN agenda_items ON agenda_items.id = attachments.item_id"
        " WHERE agenda_items.meeting_id = ?"
        " ORDER BY agenda_items.position, agenda_items.id, attachments.position, attachments.id",
        [meeting_id],
    )
    return [m.Attachment.stored(row) for row in rows]
