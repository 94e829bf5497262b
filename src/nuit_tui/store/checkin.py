"""Bring a meeting taken out to a laptop back into the shared archive.

What changed on the laptop since the checkout is found by content with SQLite's
session extension: the rows the laptop changed, as they were at checkout (the base
its triggers kept, store/checkout_log.py) and as they are now, are put side by side
in memory, and `sqlite3session_diff` gives the change set from one to the other. Its rows are then applied to the shared archive
here, in ONE transaction, by a three-way rule per field: a field only the laptop
changed is written; one both changed to different values is a conflict, kept in
`checkin_conflicts` and not written. SQLite's own `sqlite3changeset_apply` cannot do
that part: a change set carries literal ids, and a row made on the laptop must get a
new id on the shared archive with every reference to it remapped; and it compares
`row_version`/`updated_at`, which both sides bump on every save.

apsw only: this runs in its own process (nuit_tui.checkin_worker), because apsw
brings its own SQLite library and two SQLite libraries in one process break each
other's file locks.
"""

from __future__ import annotations

import json
import os
import signal
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import apsw

from . import checkout_log
from .checkin_schema import DERIVED, POSITION_GROUPS, Table, fix_positions, merged_tables, now, renumber_cases
from .checkout_log import BOOKKEEPING
from .row_names import row_name

BUSY_TIMEOUT_MS = 10_000
DELETED_ON_SHARED = "#deleted_on_shared"  # the laptop changed a row the shared archive deleted
DELETED_ON_LAPTOP = "#deleted_on_laptop"  # the laptop deleted a row the shared archive changed
REFUSED = "#refused"  # the shared archive's constraints refuse the laptop's row (its parent is gone, …)


class CheckinError(Exception):
    """A file that cannot be checked in; the message is Norwegian, one line."""


@dataclass
class Change:
    table: str
    op: str  # INSERT, UPDATE, DELETE
    old: tuple[Any, ...] | None
    new: tuple[Any, ...] | None


@dataclass
class Conflict:
    table: str
    row_id: int
    field: str
    base: Any
    shared: Any
    laptop: Any
    resolution: str | None = None  # 'laptop' or 'shared' once chosen
    what: str = ""  # the row as a message names it: «sak 22/23» (store/row_names.py)


@dataclass
class Outcome:
    token: str
    meeting: str = ""
    inserted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    deleted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    conflicts: list[Conflict] = field(default_factory=list)  # found in this run
    pending: int = 0  # conflicts of this checkout still open afterwards
    renumbered: int = 0
    closed: bool = False
    still_out: list[str] = field(default_factory=list)  # the meeting's other copies not yet checked in
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(sum(self.inserted.values()) + sum(self.updated.values()) + sum(self.deleted.values()))


# --- reading the laptop -----------------------------------------------------------------------


def read_changes(laptop: Path) -> tuple[str, apsw.Connection, list[Change], dict[str, list[str]]]:
    """The checkout's token, a connection that holds the laptop's changed rows (in
    `main`; the laptop file itself is attached read-only as `laptop`), and the change
    set from the base to the laptop, as rows.

    Only the rows the laptop's triggers logged are compared (store/checkout_log.py):
    their images at checkout go into an in-memory `base`, their rows as they are now
    into `main`, and the session extension's diff compares the two by content (a field
    changed and changed back is no change)."""
    conn = apsw.Connection(":memory:", flags=apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE | apsw.SQLITE_OPEN_URI)
    try:
        conn.set_busy_timeout(BUSY_TIMEOUT_MS)
        conn.execute("ATTACH ? AS laptop", (f"file:{urllib.parse.quote(str(Path(laptop).resolve()))}?mode=ro",))
        found = conn.execute("SELECT token FROM laptop.checkout_base").fetchall()
    except apsw.NotADBError:
        conn.close()
        raise CheckinError(f"{laptop} er ikke en uttatt kopi (ikke en SQLite-fil)") from None
    except apsw.CantOpenError:
        conn.close()
        raise CheckinError(f"{laptop} kan ikke åpnes (finnes den, og kan den leses?)") from None
    except apsw.SQLError:
        conn.close()  # an SQLite file without the checkout's tables
        raise CheckinError(f"{laptop} er ikke en uttatt kopi (den har ikke merket fra uttaket)") from None
    except apsw.Error as exc:
        conn.close()
        raise CheckinError(f"{laptop} kan ikke leses som en uttatt kopi (SQLite: {exc})") from None
    if len(found) != 1:
        conn.close()
        raise CheckinError(f"{laptop} er ikke en uttatt kopi (den har ikke merket fra uttaket)")
    conn.execute("ATTACH ':memory:' AS base")
    session = apsw.Session(conn, "main")
    tables = merged_tables(conn, "laptop")
    for table in tables:
        name = table.name
        defined = ", ".join(f'"{c}" INTEGER PRIMARY KEY' if c == table.pk else f'"{c}"' for c in table.columns)
        listed = ", ".join(f'"{c}"' for c in table.columns)
        conn.execute(f'CREATE TABLE main."{name}" ({defined}); CREATE TABLE base."{name}" ({defined})')
        conn.execute(
            f'INSERT INTO main."{name}" SELECT {listed} FROM laptop."{name}" WHERE "{table.pk}" IN'
            " (SELECT row_id FROM laptop.checkout_rows WHERE table_name = ?)",
            (name,),
        )
        conn.execute(
            f'INSERT INTO base."{name}" SELECT {checkout_log.base_values(table.columns)}'
            " FROM laptop.checkout_rows WHERE table_name = ? AND image IS NOT NULL",
            (name,),
        )
        session.attach(name)
        session.diff("base", name)
    changes = [Change(c.name, c.op, c.old, c.new) for c in apsw.Changeset.iter(session.changeset())]
    session.close()
    return str(found[0][0]), conn, changes, {t.name: t.columns for t in tables}


def _same_tables(laptop: Path, shared: Path, laptop_tables: dict[str, list[str]], shared_tables: dict[str, Table]) -> None:
    """A copy made by another version of nuit-tui (a column more or less) is refused."""
    for name in sorted(set(laptop_tables) ^ set(shared_tables)) or sorted(laptop_tables):
        if laptop_tables.get(name) != (shared_tables[name].columns if name in shared_tables else None):
            raise CheckinError(
                f"{laptop} og {shared} har ikke samme oppbygning (tabellen {name}); åpne begge i samme versjon av"
                " nuit-tui først. Ingenting er endret"
            )


# --- applying to the shared archive -------------------------------------------------------------


class _Apply:
    def __init__(self, db: apsw.Connection, laptop: apsw.Connection, token: str, meeting_id: int, prefer: str | None):
        self.db, self.laptop, self.token, self.meeting_id, self.prefer = db, laptop, token, meeting_id, prefer
        self.tables = {t.name: t for t in merged_tables(db)}
        self.ids: dict[str, dict[int, int]] = defaultdict(dict)  # laptop id -> shared id, per table
        for table, laptop_id, shared_id in db.execute(
            "SELECT table_name, laptop_id, shared_id FROM checkin_ids WHERE token = ?", (token,)
        ):
            self.ids[table][laptop_id] = shared_id
        self.new_ids: dict[str, set[int]] = defaultdict(set)  # ids made on the laptop
        self.fixups: list[tuple[str, int, str, int]] = []  # table, shared id, column, laptop id
        self.groups: set[tuple[str, tuple[Any, ...]]] = set()
        self.meetings: set[int] = set()
        self.unlock: set[int] = set()
        self.outcome = Outcome(token)

    # values ------------------------------------------------------------------------------

    def remap(self, table: Table, column: str, value: Any) -> Any:
        parent = table.foreign.get(column)
        if parent is None or value is None or value not in self.new_ids[parent]:
            return value
        return self.ids[parent].get(value, _UNMAPPED)

    def shared_row(self, table: Table, row_id: int) -> dict[str, Any] | None:
        cursor = self.db.execute(f"SELECT * FROM {table.name} WHERE {table.pk} = ?", (row_id,))
        row = cursor.fetchone()
        return None if row is None else dict(zip(table.columns, row, strict=True))

    def laptop_row(self, table: Table, row_id: int) -> dict[str, Any] | None:
        row = self.laptop.execute(f"SELECT * FROM {table.name} WHERE {table.pk} = ?", (row_id,)).fetchone()
        return None if row is None else dict(zip(table.columns, row, strict=True))

    def touched(self, table: Table, row: dict[str, Any]) -> None:
        """Note what the row's position group and case numbering are, for afterwards."""
        cols = POSITION_GROUPS.get(table.name)
        if cols and "position" in row:
            self.groups.add((table.name, tuple(row.get(c) for c in cols)))
        if table.name == "agenda_items" and row.get("meeting_id") is not None:
            self.meetings.add(row["meeting_id"])

    def write(self, table: Table, row_id: int, values: dict[str, Any]) -> None:
        sets = ", ".join(f"{col} = ?" for col in values)
        params = list(values.values())
        if table.versioned:
            sets += ", row_version = row_version + 1, updated_at = ?"
            params.append(now())
        self.db.execute(f"UPDATE {table.name} SET {sets} WHERE {table.pk} = ?", [*params, row_id])
        self.outcome.updated[table.name] += 1
        after = self.shared_row(table, row_id) or {}
        self.touched(table, after)

    # conflicts ---------------------------------------------------------------------------

    def guarded(self, table: Table, row_id: int, fn: Any, *args: Any) -> None:
        """One row's change, or (refused by a constraint of the shared archive) none of
        it and a conflict that says why; the rest of the checkin goes on."""
        self.db.execute("SAVEPOINT checkin_row")
        try:
            fn(table, *args)
        except apsw.ConstraintError as exc:
            self.db.execute("ROLLBACK TO checkin_row")
            self.db.execute("RELEASE checkin_row")
            self.conflict(table, row_id, REFUSED, None, str(exc), _as_json(self.laptop_row(table, row_id)))
            return
        self.db.execute("RELEASE checkin_row")

    def conflict(self, table: Table, row_id: int, name: str, base: Any, shared: Any, laptop: Any) -> str | None:
        """A field both sides changed. Returns the side to write ('laptop') or None."""
        known = self.db.execute(
            "SELECT resolution, laptop_value FROM checkin_conflicts"
            " WHERE token = ? AND table_name = ? AND row_id = ? AND field = ?",
            (self.token, table.name, row_id, name),
        ).fetchone()
        if known is not None and known[0] is not None and known[1] == laptop:
            return None  # chosen already, for this very value: the choice stands
        choice = self.prefer
        if name == REFUSED and choice == "laptop":
            choice = None  # cannot be had: it waits until someone lets it go
        self.db.execute(
            "INSERT INTO checkin_conflicts(token, meeting_id, table_name, row_id, field, base_value, shared_value,"
            " laptop_value, found_at, resolved_at, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(token, table_name, row_id, field) DO UPDATE SET base_value = excluded.base_value,"
            " shared_value = excluded.shared_value, laptop_value = excluded.laptop_value,"
            " resolved_at = excluded.resolved_at, resolution = excluded.resolution",
            (self.token, self.meeting_id, table.name, row_id, name, base, shared, laptop, now(),
             now() if choice else None, choice),
        )
        # A row the archive lacks, or whose id there is another row's, is named from the laptop's.
        row = self.laptop_row(table, row_id) if name in (REFUSED, DELETED_ON_SHARED) else None
        what = row_name(self.db, table.name, row_id, row)
        self.outcome.conflicts.append(Conflict(table.name, row_id, name, base, shared, laptop, choice, what))
        return choice

    # the three passes ------------------------------------------------------------------------

    def insert(self, table: Table, change: Change) -> None:
        assert change.new is not None
        laptop_row = dict(zip(table.columns, change.new, strict=True))
        laptop_id = laptop_row.pop(table.pk)
        if laptop_id in self.ids[table.name]:
            return  # brought in by an earlier checkin of this file
        values: dict[str, Any] = {}
        pending: list[tuple[str, int]] = []
        for col, value in laptop_row.items():
            if col in BOOKKEEPING:
                continue
            mapped = self.remap(table, col, value)
            if mapped is _UNMAPPED:  # made on the laptop, later in this pass: set afterwards
                pending.append((col, value))
                mapped = None
            values[col] = mapped
        for cols in table.unique:
            if all(values.get(c) is not None for c in cols):
                where = " AND ".join(f"{c} = ?" for c in cols)
                same = self.db.execute(f"SELECT {table.pk} FROM {table.name} WHERE {where}", [values[c] for c in cols])
                existing = same.fetchone()
                if existing is not None:  # the same thing made on both sides: one row, fields merged
                    self.ids[table.name][laptop_id] = existing[0]
                    self.remember(table, laptop_id, existing[0])
                    self.merge_fields(table, existing[0], {c: (None, v) for c, v in values.items()})
                    return
        if table.versioned:
            values.update(row_version=1, updated_at=now())
        cols_sql = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        self.db.execute(f"INSERT INTO {table.name}({cols_sql}) VALUES ({marks})", list(values.values()))
        shared_id = self.db.last_insert_rowid()
        self.ids[table.name][laptop_id] = shared_id
        self.remember(table, laptop_id, shared_id)
        self.fixups.extend((table.name, shared_id, col, value) for col, value in pending)
        self.outcome.inserted[table.name] += 1
        self.touched(table, values)
        if table.name == "agenda_items" and values.get("case_seq") is not None:
            taken = self.db.execute(
                "SELECT 1 FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id"
                " WHERE i.id != ? AND i.case_year = ? AND i.case_seq = ?"
                " AND m.body_id = (SELECT body_id FROM meetings WHERE id = ?)",
                (shared_id, values["case_year"], values["case_seq"], values["meeting_id"]),
            ).fetchone()
            if taken:
                self.unlock.add(shared_id)

    def remember(self, table: Table, laptop_id: int, shared_id: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO checkin_ids(token, table_name, laptop_id, shared_id) VALUES (?, ?, ?, ?)",
            (self.token, table.name, laptop_id, shared_id),
        )

    def merge_fields(self, table: Table, row_id: int, fields: dict[str, tuple[Any, Any]]) -> None:
        """Three-way per field: `fields` maps a column to (base value, laptop value)."""
        shared = self.shared_row(table, row_id)
        assert shared is not None
        writes: dict[str, Any] = {}
        for col, (base, laptop) in fields.items():
            if col in BOOKKEEPING or col == table.pk:
                continue
            current = shared[col]
            if current == laptop:
                continue
            if current == base:
                writes[col] = laptop
            elif col in DERIVED:
                continue
            elif self.conflict(table, row_id, col, base, current, laptop) == "laptop":
                writes[col] = laptop
        if writes:
            self.touched(table, shared)  # the group it leaves, when it moves
            self.write(table, row_id, writes)

    def update(self, table: Table, change: Change) -> None:
        assert change.old is not None and change.new is not None
        row_id = change.old[table.columns.index(table.pk)]
        fields: dict[str, tuple[Any, Any]] = {}
        for index, col in enumerate(table.columns):
            value = change.new[index]
            if value is apsw.no_change or col in BOOKKEEPING:
                continue
            mapped = self.remap(table, col, value)
            fields[col] = (change.old[index], None if mapped is _UNMAPPED else mapped)
        if not fields:
            return
        if self.shared_row(table, row_id) is None:
            laptop = self.laptop_row(table, row_id)
            if self.conflict(table, row_id, DELETED_ON_SHARED, None, None, _as_json(laptop)) == "laptop" and laptop:
                self.restore(table, laptop)
            return
        self.merge_fields(table, row_id, fields)

    def restore(self, table: Table, row: dict[str, Any]) -> None:
        values = {c: self.remap(table, c, v) for c, v in row.items() if c not in BOOKKEEPING}
        if table.versioned:
            values.update(row_version=1, updated_at=now())
        marks = ", ".join("?" for _ in values)
        self.db.execute(f"INSERT INTO {table.name}({', '.join(values)}) VALUES ({marks})", list(values.values()))
        self.outcome.inserted[table.name] += 1
        self.touched(table, values)

    def delete(self, table: Table, change: Change) -> None:
        assert change.old is not None
        base = dict(zip(table.columns, change.old, strict=True))
        row_id = base[table.pk]
        shared = self.shared_row(table, row_id)
        if shared is None:
            return  # gone already (deleted there too, or with its parent)
        if any(shared[c] != base[c] for c in table.columns if c not in BOOKKEEPING) or self.has_new_children(table, row_id):
            choice = self.conflict(table, row_id, DELETED_ON_LAPTOP, None, _as_json(shared), None)
            if choice != "laptop":
                return
        self.db.execute(f"DELETE FROM {table.name} WHERE {table.pk} = ?", (row_id,))
        self.outcome.deleted[table.name] += 1
        self.touched(table, shared)

    def has_new_children(self, table: Table, row_id: int) -> bool:
        """Rows the delete would take along that the laptop did not delete: added on
        the shared archive since the checkout (the laptop's own went first)."""
        for child in self.tables.values():
            for col in child.cascade:
                if child.foreign[col] == table.name and child.name != table.name:
                    found = self.db.execute(f"SELECT 1 FROM {child.name} WHERE {col} = ? LIMIT 1", (row_id,)).fetchone()
                    if found:
                        return True
        return False

    def run(self, changes: list[Change]) -> None:
        by_table: dict[str, list[Change]] = defaultdict(list)
        for change in changes:
            by_table[change.table].append(change)
        order = [t for t in self.tables.values() if t.name in by_table]
        for table in order:
            pk = table.columns.index(table.pk)
            self.new_ids[table.name] = {c.new[pk] for c in by_table[table.name] if c.op == "INSERT" and c.new}
        for table in order:
            pk = table.columns.index(table.pk)
            for change in sorted((c for c in by_table[table.name] if c.op == "INSERT"), key=lambda c: (c.new or ())[pk]):
                self.guarded(table, (change.new or ())[pk], self.insert, change)
        for table_name, shared_id, col, laptop_id in self.fixups:
            parent = self.tables[table_name].foreign[col]
            self.db.execute(
                f"UPDATE {table_name} SET {col} = ? WHERE id = ?", (self.ids[parent].get(laptop_id), shared_id)
            )
        for table in order:
            pk = table.columns.index(table.pk)
            for change in (c for c in by_table[table.name] if c.op == "UPDATE"):
                self.guarded(table, (change.old or ())[pk], self.update, change)
        for table in reversed(order):
            pk = table.columns.index(table.pk)
            for change in (c for c in by_table[table.name] if c.op == "DELETE"):
                self.guarded(table, (change.old or ())[pk], self.delete, change)
        self.outcome.renumbered += fix_positions(self.db, self.tables, self.groups)
        body_years = {
            (row[0], row[1])
            for meeting_id in self.meetings
            for row in self.db.execute("SELECT body_id, year FROM meetings WHERE id = ?", (meeting_id,))
        }
        self.outcome.renumbered += renumber_cases(self.db, body_years, self.unlock)


class _Unmapped:
    """A reference to a row made on the laptop that has no id on the shared archive yet."""


_UNMAPPED: Any = _Unmapped()


def _as_json(row: dict[str, Any] | None) -> str | None:
    if row is None:
        return None
    return json.dumps({k: v for k, v in row.items() if not isinstance(v, bytes)}, ensure_ascii=False, default=str)


def _fail_point() -> None:
    """Tests stop a checkin here, with everything applied but not committed:
    NUIT_CHECKIN_FAIL=kill kills the process, =1 raises."""
    how = os.environ.get("NUIT_CHECKIN_FAIL")
    if how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if how == "1":
        raise RuntimeError("stoppet midt i innsjekkingen (test)")


def check_in(laptop: Path, shared: Path, *, dry_run: bool = False, prefer: str | None = None) -> Outcome:
    """Apply what changed on the laptop to the shared archive, in one transaction
    (rolled back at the end for a dry run)."""
    token, laptop_conn, changes, laptop_tables = read_changes(laptop)
    try:
        try:
            db = apsw.Connection(str(shared), flags=apsw.SQLITE_OPEN_READWRITE)
            db.set_busy_timeout(BUSY_TIMEOUT_MS)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA synchronous = FULL")
            # trusted_schema stays as SQLite sets it, as on the app's write connection: the
            # search index's triggers need it, and the command checked both schemas just now.
            db.execute("BEGIN IMMEDIATE")
        except apsw.BusyError:
            raise CheckinError("Det felles arkivet er opptatt; ingenting er endret, prøv igjen om litt") from None
        except apsw.Error as exc:
            raise CheckinError(f"{shared} kan ikke åpnes for skriving ({exc})") from None
        try:
            found = db.execute(
                "SELECT c.meeting_id, b.short_name || ' ' || m.number || '/' || m.year FROM checkouts c"
                " JOIN meetings m ON m.id = c.meeting_id JOIN bodies b ON b.id = m.body_id WHERE c.token = ?",
                (token,),
            ).fetchone()
            # Another laptop's copy holds this checkout's mark too (copied with the archive after it).
            if db.execute("SELECT 1 FROM checkout_base LIMIT 1").fetchone():
                raise CheckinError(f"{shared} er selv en uttatt kopi; sjekk inn i arkivet {laptop} ble tatt ut fra."
                                   " Ingenting er endret")
            if found is None:
                raise CheckinError(f"{laptop} ble ikke tatt ut fra {shared}; ingenting er endret")
            work = _Apply(db, laptop_conn, token, found[0], prefer)
            _same_tables(laptop, shared, laptop_tables, work.tables)
            work.outcome.meeting = found[1]
            work.outcome.dry_run = dry_run
            work.run(changes)
            _fail_point()
            counted = db.execute(
                "SELECT count(*) FROM checkin_conflicts WHERE token = ? AND resolved_at IS NULL", (token,)
            ).fetchone()
            pending = int(counted[0]) if counted else 0
            work.outcome.pending = pending
            if pending == 0:
                closed = db.execute(
                    "UPDATE checkouts SET checked_in_at = ? WHERE token = ? AND checked_in_at IS NULL RETURNING id",
                    (now(), token),
                ).fetchall()
                work.outcome.closed = bool(closed)
            work.outcome.still_out = [str(row[0]) for row in db.execute(
                "SELECT file FROM checkouts WHERE meeting_id = ? AND token != ? AND checked_in_at IS NULL ORDER BY id",
                (found[0], token),
            )]
            if dry_run:
                db.execute("ROLLBACK")
            else:
                db.execute("COMMIT")
            return work.outcome
        except BaseException:
            if not db.get_autocommit():
                db.execute("ROLLBACK")
            raise
        finally:
            db.close()
    finally:
        laptop_conn.close()
