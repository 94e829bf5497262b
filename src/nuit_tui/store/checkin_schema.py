"""What a checkin needs to know of the schema, read from the file through apsw: the
tables it merges (parents before children), their columns, foreign keys and unique
keys, and the two orderings it keeps consistent afterwards (positions, case numbers).

Only the checkin worker imports this (with apsw): the app's own connections are the
`sqlite3` module's, and one process never opens a file through both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import apsw

from ..domain.case_numbers import CaseSlot, MeetingNumbering, renumber_year
from ..domain.enums import MeetingStatus
from .checkout_log import record_tables

# Orderings the checkin recomputes afterwards (fix_positions, renumber_cases): where both
# sides moved a row, the shared archive's place stands and no one is asked.
DERIVED = frozenset({"position", "case_seq", "case_year", "number_locked"})

# Ordered lists: a row's position counts within its group.
POSITION_GROUPS: dict[str, tuple[str, ...]] = {
    "agenda_items": ("meeting_id",),
    "remarks": ("item_id",),
    "attachments": ("item_id",),
    "item_people": ("item_id", "role"),
    "item_links": ("item_id",),
    "attendance": ("meeting_id",),
    "memberships": ("body_id",),
}


def now() -> str:
    """The store's updated_at stamp (UTC, milliseconds)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


@dataclass
class Table:
    name: str
    columns: list[str]
    notnull: set[str]
    pk: str
    foreign: dict[str, str] = field(default_factory=dict)  # column -> parent table
    cascade: set[str] = field(default_factory=set)  # columns whose parent's delete takes this row along
    unique: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def versioned(self) -> bool:
        return "row_version" in self.columns


def merged_tables(conn: apsw.Connection, schema: str = "main") -> list[Table]:
    """The tables a checkin merges (checkout_log.record_tables), parents before children."""
    tables: dict[str, Table] = {}
    for name, columns, pk in record_tables(conn, schema):
        info = list(conn.execute(f'PRAGMA "{schema}".table_info("{name}")'))
        table = Table(name, columns, {row[1] for row in info if row[3]}, pk)
        for fk in conn.execute(f'PRAGMA "{schema}".foreign_key_list("{name}")'):
            table.foreign[fk[3]] = fk[2]
            if str(fk[6]).upper() in ("CASCADE", "RESTRICT"):
                table.cascade.add(fk[3])
        for index in conn.execute(f'PRAGMA "{schema}".index_list("{name}")'):
            if index[2] and index[3] == "u":  # unique, made by a UNIQUE constraint
                cols = tuple(row[2] for row in conn.execute(f'PRAGMA "{schema}".index_info("{index[1]}")'))
                table.unique.append(cols)
        tables[name] = table
    names = list(tables)
    ordered: list[Table] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name not in tables:
            return
        seen.add(name)
        for parent in tables[name].foreign.values():
            if parent != name:
                visit(parent)
        ordered.append(tables[name])

    for name in names:
        visit(name)
    return ordered


def fix_positions(conn: apsw.Connection, tables: dict[str, Table], groups: set[tuple[str, tuple[Any, ...]]]) -> int:
    """Number each touched group 1, 2, 3 … again where two rows share a position
    (both sides added a row at the end); the order is position, then id. Returns
    how many rows moved."""
    moved = 0
    for table_name, key in sorted(groups, key=repr):
        table = tables.get(table_name)
        cols = POSITION_GROUPS.get(table_name)
        if table is None or cols is None:
            continue
        where = " AND ".join(f"{col} IS ?" for col in cols)
        rows = list(conn.execute(f"SELECT id, position FROM {table_name} WHERE {where} ORDER BY position, id", key))
        positions = [row[1] for row in rows]
        if len(set(positions)) == len(positions):
            continue
        stamp = ", row_version = row_version + 1, updated_at = ?" if table.versioned else ""
        for number, (row_id, position) in enumerate(rows, start=1):
            if position != number:
                params: list[Any] = [number, now(), row_id] if table.versioned else [number, row_id]
                conn.execute(f"UPDATE {table_name} SET position = ?{stamp} WHERE id = ?", params)
                moved += 1
    return moved


def renumber_cases(conn: apsw.Connection, body_years: set[tuple[int, int]], unlock: set[int]) -> int:
    """Apply the case numbering rule (domain/case_numbers.py, as services/numbering.py
    does) to each body's year that a checkin touched. Items in `unlock` came from the
    laptop and hold a number the shared archive gave another item meanwhile: they
    give it up and get the next free one. Returns how many items changed number."""
    changed = 0
    for body_id, year in sorted(body_years):
        numbering: list[MeetingNumbering] = []
        items: dict[int, tuple[Any, ...]] = {}
        frozen_ids: set[int] = set()
        meetings = conn.execute(
            "SELECT id, status FROM meetings WHERE body_id = ? AND year = ? ORDER BY date, number", (body_id, year)
        ).fetchall()
        for meeting_id, status in meetings:
            cancelled = status == MeetingStatus.CANCELLED.value
            frozen = MeetingStatus(str(status)).numbers_frozen and not cancelled
            entry = MeetingNumbering(frozen=frozen, cancelled=cancelled)
            for item_id, seq, case_year, locked in conn.execute(
                "SELECT id, case_seq, case_year, number_locked FROM agenda_items"
                " WHERE meeting_id = ? AND kind = 'item' ORDER BY position, id",
                (meeting_id,),
            ):
                if locked and case_year != year:
                    continue  # deferred from last year: its number is last year's
                if item_id in unlock:
                    seq, locked = None, 0
                items[item_id] = (seq, case_year, locked)
                if frozen:
                    frozen_ids.add(item_id)
                entry.items.append(CaseSlot(item_id, seq, bool(locked)))
            numbering.append(entry)
        numbers = renumber_year(numbering)
        for item_id, (_seq, _year, locked) in items.items():
            new_seq = numbers.get(item_id)
            new_year = year if new_seq is not None else None
            new_locked = int(bool(locked) or item_id in frozen_ids) if new_seq is not None else locked
            stored = conn.execute(
                "SELECT case_seq, case_year, number_locked FROM agenda_items WHERE id = ?", (item_id,)
            ).fetchone()
            if stored is None or tuple(stored) != (new_seq, new_year, new_locked):
                conn.execute(
                    "UPDATE agenda_items SET case_seq = ?, case_year = ?, number_locked = ?,"
                    " row_version = row_version + 1, updated_at = ? WHERE id = ?",
                    (new_seq, new_year, new_locked, now(), item_id),
                )
                changed += 1
    return changed
