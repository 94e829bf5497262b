"""A deleted row with everything its delete took along, and putting it back.

SQLite's foreign keys say what a delete takes along: rows that reference it with
ON DELETE CASCADE go too (and theirs, in turn), and references with ON DELETE SET
NULL are emptied. `snapshot` reads all of that before the delete; `restore` puts
the rows back with their own ids and the emptied references back, in the caller's
transaction, so an undo is all or nothing.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..domain import models as m
from . import errors
from .archive_store import TABLES, ArchiveStore


@dataclass(frozen=True)
class Snapshot:
    """Rows as stored (parents before children) and the references a delete empties."""

    rows: tuple[tuple[str, dict[str, Any]], ...]
    nulled: tuple[tuple[str, int, str, Any], ...] = field(default=())  # table, id, column, value


def _references(store: ArchiveStore, table: str) -> list[tuple[str, str, str]]:
    """(child table, child column, on delete) for every foreign key pointing at `table`."""
    found = []
    tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for child in tables:
        if child.startswith("search_index") or child == "sqlite_sequence":
            continue
        for fk in store.conn.execute(f"PRAGMA foreign_key_list({child})"):
            # id, seq, table, from, to, on_update, on_delete, match
            if fk[2] == table:
                found.append((child, fk[3], fk[6].upper()))
    return found


def _rows(store: ArchiveStore, table: str, column: str, value: Any) -> list[dict[str, Any]]:
    cursor = store.conn.execute(f"SELECT * FROM {table} WHERE {column} = ? ORDER BY id", [value])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def snapshot(store: ArchiveStore, model: type[m.Record], record_id: int) -> Snapshot:
    """What deleting this record removes or empties; call it in the delete's transaction."""
    rows: list[tuple[str, dict[str, Any]]] = []
    nulled: list[tuple[str, int, str, Any]] = []
    seen: set[tuple[str, int]] = set()

    def take(table: str, row: dict[str, Any]) -> None:
        if (table, row["id"]) in seen:
            return
        seen.add((table, row["id"]))
        rows.append((table, row))
        for child, column, on_delete in _references(store, table):
            for child_row in _rows(store, child, column, row["id"]):
                if on_delete == "CASCADE":
                    take(child, child_row)
                elif on_delete == "SET NULL":
                    nulled.append((child, child_row["id"], column, row["id"]))

    table = TABLES[model]
    with store.read():
        for row in _rows(store, table, "id", record_id):
            take(table, row)
    # A reference emptied from a row that goes anyway needs no putting back.
    nulled = [n for n in nulled if (n[0], n[1]) not in seen]
    return Snapshot(tuple(rows), tuple(nulled))


def restore(store: ArchiveStore, snap: Snapshot) -> None:
    """Put the rows back with their ids, then the emptied references (one transaction)."""
    with store.write() as conn:
        for table, row in snap.rows:
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            try:
                conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
            except sqlite3.IntegrityError:
                # A person registered again since, a parent deleted since: refuse it all.
                raise errors.Conflict("Kan ikke angre slettingen: noe er endret siden") from None
        for table, row_id, column, value in snap.nulled:
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ? AND {column} IS NULL", [value, row_id])


def shift_positions(store: ArchiveStore, table: str, scope: str, scope_id: Any, from_position: int) -> None:
    """Make room at `from_position` in an ordered list (agenda items of a meeting)."""
    with store.write() as conn:
        # row_version moves too: another window holding the old position must reread.
        conn.execute(
            f"UPDATE {table} SET position = position + 1, row_version = row_version + 1 WHERE {scope} = ? AND position >= ?",
            [scope_id, from_position],
        )
