"""The named queries of a body's Word template (table body_templates, migration 0009)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain import models as m
from .record_store import RecordStore, _now


@dataclass(frozen=True)
class StoredTemplate:
    file_name: str
    content: bytes
    updated_at: str


def body_template(store: RecordStore, body_id: int) -> StoredTemplate | None:
    row = store.conn.execute(
        "SELECT file_name, content, updated_at FROM body_templates WHERE body_id = ?", [body_id]
    ).fetchone()
    return StoredTemplate(row[0], bytes(row[1]), row[2]) if row else None


def template_names(store: RecordStore) -> dict[int, str]:
    """body id -> the file name of its template, for a list of bodies (no contents read)."""
    return dict(store.conn.execute("SELECT body_id, file_name FROM body_templates").fetchall())


def set_body_template(store: RecordStore, body_id: int, file_name: str, content: bytes) -> None:
    with store.write() as conn:
        conn.execute(
            "INSERT INTO body_templates (body_id, file_name, content, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (body_id) DO UPDATE SET file_name = excluded.file_name, content = excluded.content,"
            " updated_at = excluded.updated_at",
            [body_id, file_name, content, _now()],
        )


def remove_body_template(store: RecordStore, body_id: int) -> bool:
    with store.write() as conn:
        return conn.execute("DELETE FROM body_templates WHERE body_id = ?", [body_id]).rowcount > 0


def all_templates(store: RecordStore) -> list[m.BodyTemplate]:
    """Every body's template, for the JSON export."""
    rows = store.conn.execute("SELECT body_id, file_name, content, updated_at FROM body_templates ORDER BY body_id")
    return [
        m.BodyTemplate.model_validate(
            {"body_id": body_id, "file_name": name, "content": bytes(content), "updated_at": at}, context=m.STORED
        )
        for body_id, name, content, at in rows
    ]


def insert_templates(conn: sqlite3.Connection, templates: Iterable[m.BodyTemplate]) -> None:
    """Into an archive being loaded, in its transaction (ArchiveStore.load)."""
    conn.executemany(
        "INSERT INTO body_templates (body_id, file_name, content, updated_at) VALUES (?, ?, ?, ?)",
        [(t.body_id, t.file_name, t.content, t.updated_at) for t in templates],
    )
