"""Rows that read but would not be written as they are: a length or a range out of
bounds, stored by an older version (its edits skipped validation). `nuit-tui check`
names them; the file is sound, the rows are to be put right."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..domain.validation import InvalidRecord, checked
from .archive_store import TABLES
from .connection import read_file


def invalid_rows(path: Path) -> list[str]:
    """«deadline_rules 3: Når: Høyst 366 dager før eller etter», one per row, read-only."""

    def look(conn: sqlite3.Connection) -> list[str]:
        existing = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        found: list[str] = []
        for model, table in TABLES.items():
            if table not in existing:
                continue
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")
            names = [d[0] for d in cursor.description]
            while rows := cursor.fetchmany(500):
                for row in rows:
                    values = dict(zip(names, row, strict=True))
                    try:
                        checked(model.stored(values))
                    except InvalidRecord as exc:
                        found.append(f"{table} {values.get('id')}: {exc}")
                    except ValueError as exc:  # not even read back (a value no version stores)
                        found.append(f"{table} {values.get('id')}: kan ikke leses ({type(exc).__name__})")
        return found

    return read_file(path, look)
