"""Checkouts as the app sees them (sqlite3): the mark on the shared archive that a
meeting is out, the base image kept in the laptop's copy, and the conflicts a
checkin left for someone to choose. The checkin itself is store/checkin.py (apsw,
in its own process)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from . import checkout_log, errors
from .archive_store import ArchiveStore
from .row_names import row_name

DELETED_ON_SHARED = "#deleted_on_shared"
DELETED_ON_LAPTOP = "#deleted_on_laptop"
REFUSED = "#refused"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def record_checkout(
    store: ArchiveStore, token: str, meeting_id: int, user: str, host: str, file: str, taken_at: str
) -> None:
    with store.write() as conn:
        conn.execute(
            "INSERT INTO checkouts(token, meeting_id, taken_by, host, taken_at, file) VALUES (?, ?, ?, ?, ?, ?)",
            [token, meeting_id, user, host, taken_at, file],
        )


def prepare_copy(copy: Path, token: str, meeting_id: int, taken_at: str) -> None:
    """Make the fresh copy a laptop's copy of this checkout: the mark that says so,
    and the triggers that keep the base (store/checkout_log.py).

    The base lives inside the copy, not beside it: one file to carry, and no base
    that could be lost, or swapped for another checkout's."""
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO checkout_base(token, meeting_id, taken_at) VALUES (?, ?, ?)", [token, meeting_id, taken_at]
        )
        checkout_log.install(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()


def open_checkouts(store: ArchiveStore, meeting_id: int) -> list[dict[str, Any]]:
    with store.read() as conn:
        return _rows(
            conn.execute(
                "SELECT token, taken_by, host, taken_at, file FROM checkouts"
                " WHERE meeting_id = ? AND checked_in_at IS NULL ORDER BY id",
                [meeting_id],
            )
        )


def copy_of(store: ArchiveStore) -> int | None:
    """The meeting this file is a laptop's copy of, or None for a shared archive."""
    with store.read() as conn:
        row = conn.execute("SELECT meeting_id FROM checkout_base LIMIT 1").fetchone()
    return row[0] if row else None


def pending_conflicts(store: ArchiveStore, meeting_id: int) -> list[dict[str, Any]]:
    """The meeting's conflicts waiting for a choice, each with `what`: its row as a message
    names it («sak 22/23», store/row_names.py)."""
    with store.read() as conn:
        found = _rows(
            conn.execute(
                "SELECT * FROM checkin_conflicts WHERE meeting_id = ? AND resolved_at IS NULL ORDER BY id", [meeting_id]
            )
        )
        for row in found:
            row["what"] = row_name(conn, row["table_name"], row["row_id"], _laptop_row(row))
        return found


def _laptop_row(conflict: dict[str, Any]) -> dict[str, Any] | None:
    """The laptop's row, kept as JSON, where the archive lacks it (or holds another row under its id)."""
    if conflict["field"] not in (REFUSED, DELETED_ON_SHARED) or not conflict["laptop_value"]:
        return None
    try:
        row = json.loads(conflict["laptop_value"])
    except ValueError:
        return None
    return row if isinstance(row, dict) else None


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[0] for row in conn.execute("SELECT name FROM pragma_table_info(?)", [table])]


def resolve_conflict(store: ArchiveStore, conflict_id: int, choice: str) -> None:
    """Settle one conflict: 'laptop' writes the laptop's value (or its delete, or its
    row back), 'shared' keeps the archive's. The checkout is back once none is left."""
    if choice not in ("laptop", "shared"):
        raise errors.Conflict(f"Ukjent valg {choice!r}")
    with store.write() as conn:
        found = _rows(conn.execute("SELECT * FROM checkin_conflicts WHERE id = ?", [conflict_id]))
        if not found or found[0]["resolved_at"] is not None:
            raise errors.NotFound("Konflikten er allerede avgjort")
        conflict = found[0]
        table, name, row_id = conflict["table_name"], conflict["field"], conflict["row_id"]
        columns = _columns(conn, table)
        if not columns:
            raise errors.NotFound(f"Tabellen {table} finnes ikke")
        versioned = "row_version" in columns
        if choice == "laptop" and name == REFUSED:
            raise errors.Conflict(f"Arkivet kan ikke ta inn raden ({conflict['shared_value']}); velg arkivets")
        if choice == "laptop" and name == DELETED_ON_LAPTOP:
            conn.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
        elif choice == "laptop" and name == DELETED_ON_SHARED:
            row = {k: v for k, v in json.loads(conflict["laptop_value"]).items() if k in columns}
            if versioned:
                row.update(row_version=1, updated_at=_now())
            marks = ", ".join("?" for _ in row)
            try:
                conn.execute(f"INSERT INTO {table}({', '.join(row)}) VALUES ({marks})", list(row.values()))
            except sqlite3.IntegrityError:
                raise errors.Conflict("Raden kan ikke settes inn igjen: det den hørte til, er slettet") from None
        elif choice == "laptop":
            if name not in columns:
                raise errors.NotFound(f"Feltet {name} finnes ikke")
            stamp = ", row_version = row_version + 1, updated_at = ?" if versioned else ""
            params = [conflict["laptop_value"], _now(), row_id] if versioned else [conflict["laptop_value"], row_id]
            conn.execute(f"UPDATE {table} SET {name} = ?{stamp} WHERE id = ?", params)
        conn.execute(
            "UPDATE checkin_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?", [_now(), choice, conflict_id]
        )
        left = conn.execute(
            "SELECT count(*) FROM checkin_conflicts WHERE token = ? AND resolved_at IS NULL", [conflict["token"]]
        ).fetchone()[0]
        if left == 0:
            conn.execute(
                "UPDATE checkouts SET checked_in_at = ? WHERE token = ? AND checked_in_at IS NULL",
                [_now(), conflict["token"]],
            )
