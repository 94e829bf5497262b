"""The one place that speaks SQL: the archive's named queries, the whole archive in
and out (JSON transfer), integrity, backup and the calendar export's event states,
on top of the record operations and transactions of `record_store.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..domain import models as m
from ..domain.meeting_clock import Position
from . import errors, search
from .connection import backup_to
from .meeting_rows import meeting_filter
from .record_store import TABLES, RecordStore, _cleaned, _integrity_message, _row
from .templates import insert_templates

__all__ = ["TABLES", "ArchiveStore", "open_store"]


class ArchiveStore(RecordStore):
    """Records of the archive; one instance per open file."""

    # --- queries the screens and rules need -----------------------------------------

    def body_by_short_name(self, short_name: str) -> m.Body:
        bodies = self.find(m.Body, "short_name = ? COLLATE NOCASE", [short_name.strip()])
        if not bodies:
            known = ", ".join(b.short_name for b in self.find(m.Body, order_by="position, short_name"))
            raise errors.NotFound(f"Fant ikke utvalget «{short_name}»" + (f" (utvalgene er {known})" if known else ""))
        return bodies[0]

    def meetings_page(
        self, body_id: int | None, *, year: int | None = None, limit: int, offset: int = 0
    ) -> list[m.Meeting]:
        """Newest first; a page at a time, so a long archive costs what is on screen."""
        return self.meetings_of(body_id, year=year, order_by="date DESC, id DESC", limit=limit, offset=offset)

    def meetings_of(
        self, body_id: int | None, *, year: int | None = None, order_by: str, limit: int | None = None, offset: int = 0
    ) -> list[m.Meeting]:
        """Meetings of a body (or all) and a year (or all)."""
        where, params = meeting_filter(body_id, year)
        return self.find(m.Meeting, where, params, order_by=order_by, limit=limit, offset=offset)

    def people_named(self, prefix: str, *, limit: int) -> list[m.Person]:
        """People whose name, or a word of it, starts with `prefix`."""
        pattern = prefix.strip().replace("%", "").replace("_", "")
        return self.find(
            m.Person,
            "name LIKE ? OR name LIKE ?",
            [f"{pattern}%", f"% {pattern}%"],
            order_by="name",
            limit=limit,
        )

    def meeting_by_number(self, body_id: int, year: int, number: int) -> m.Meeting:
        found = self.find(m.Meeting, "body_id = ? AND year = ? AND number = ?", [body_id, year, number])
        if not found:
            raise errors.NotFound(f"Fant ikke møte {number}/{year}")
        return found[0]

    def meetings_of_year(self, body_id: int, year: int) -> list[m.Meeting]:
        return self.find(m.Meeting, "body_id = ? AND year = ?", [body_id, year], order_by="date, number")

    def items_deferred_from(self, item_id: int) -> list[m.AgendaItem]:
        """The copies a deferral put on later agendas (the first is where it went)."""
        return self.find(m.AgendaItem, "deferred_from_id = ?", [item_id], order_by="id")

    def previous_meeting(self, body_id: int, before: dt.date, number: int | None = None) -> m.Meeting | None:
        """The body's meeting (not cancelled) before the one on `before` numbered `number`, in
        the body's order: by date, then number (a second meeting that day follows the first);
        without a number, the last one of an earlier day."""
        same_day = "" if number is None else " OR (date = ? AND number < ?)"
        found = self.find(
            m.Meeting,
            f"body_id = ? AND status != 'cancelled' AND (date < ?{same_day})",
            [body_id, before.isoformat(), *(() if number is None else (before.isoformat(), number))],
            order_by="date DESC, number DESC",
            limit=1,
        )
        return found[0] if found else None

    def max_meeting_number(self, body_id: int, year: int) -> int:
        row = self.conn.execute("SELECT max(number) FROM meetings WHERE body_id = ? AND year = ?", [body_id, year]).fetchone()
        return row[0] or 0

    def agenda(self, meeting_id: int) -> list[m.AgendaItem]:
        return self.find(m.AgendaItem, "meeting_id = ?", [meeting_id], order_by="position, id")

    def waiting_deferrals(self, body_id: int, before: dt.date, number: int | None = None) -> list[m.AgendaItem]:
        """Items deferred to a meeting not yet planned (deferred, and on no later agenda yet)
        from the body's meetings before the one on `before` numbered `number`, in the body's
        order as `previous_meeting` counts it (a morning meeting's before the afternoon's);
        oldest first."""
        same_day = "" if number is None else " OR (meetings.date = ? AND meetings.number < ?)"
        rows = self._select(
            "SELECT agenda_items.* FROM agenda_items JOIN meetings ON meetings.id = agenda_items.meeting_id"
            f" WHERE meetings.body_id = ? AND (meetings.date < ?{same_day}) AND agenda_items.state = 'deferred'"
            " AND NOT EXISTS (SELECT 1 FROM agenda_items AS later WHERE later.deferred_from_id = agenda_items.id)"
            " ORDER BY meetings.date, meetings.number, agenda_items.position, agenda_items.id",
            [body_id, before.isoformat(), *(() if number is None else (before.isoformat(), number))],
        )
        return [m.AgendaItem.stored(row) for row in rows]

    def item_by_case(self, body_id: int, year: int, seq: int) -> m.AgendaItem:
        rows = self._select(
            "SELECT agenda_items.* FROM agenda_items JOIN meetings ON meetings.id = agenda_items.meeting_id"
            " WHERE meetings.body_id = ? AND case_year = ? AND case_seq = ? ORDER BY agenda_items.deferred_from_id IS NOT NULL, meetings.date LIMIT 1",
            [body_id, year, seq],
        )
        if not rows:
            raise errors.NotFound(f"Fant ikke sak {seq}/{year % 100:02d}")
        return m.AgendaItem.stored(rows[0])

    def people_of_item(self, item_id: int, role: m.PersonRole) -> list[m.Person]:
        rows = self._select(
            "SELECT people.* FROM item_people JOIN people ON people.id = item_people.person_id"
            " WHERE item_people.item_id = ? AND item_people.role = ? ORDER BY item_people.position",
            [item_id, role.value],
        )
        return [m.Person.stored(row) for row in rows]

    def members_on(self, body_id: int, day: dt.date) -> list[m.Membership]:
        return self.find(
            m.Membership,
            "body_id = ? AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)",
            [body_id, day.isoformat(), day.isoformat()],
            order_by="position, id",
        )

    # --- where meeting mode is in a meeting being held --------------------------------

    def meeting_position(self, meeting_id: int) -> Position | None:
        """The item meeting mode took up last in the meeting, and when; None if never."""
        row = self.conn.execute(
            "SELECT item_id, taken_up_at FROM meeting_positions WHERE meeting_id = ?", [meeting_id]
        ).fetchone()
        if row is None:
            return None
        try:
            since = dt.datetime.fromisoformat(row[1])
        except (TypeError, ValueError):  # not a time we wrote: as if never taken up
            return None
        return Position(meeting_id, row[0], since)

    def save_meeting_position(self, meeting_id: int, item_id: int, since: dt.datetime) -> None:
        """Record that meeting mode took the item up at `since` (one row per meeting)."""
        with self.write() as conn:
            conn.execute(
                "INSERT INTO meeting_positions (meeting_id, item_id, taken_up_at) VALUES (?, ?, ?)"
                " ON CONFLICT (meeting_id) DO UPDATE SET item_id = excluded.item_id, taken_up_at = excluded.taken_up_at",
                [meeting_id, item_id, since.replace(microsecond=0).isoformat()],
            )

    # --- whole archive (JSON export and import) --------------------------------------

    def dump(self) -> dict[str, list[m.Record]]:
        return {TABLES[model]: self.find(model) for model in TABLES}

    def is_empty(self) -> bool:
        return all(self.count(model) == 0 for model in TABLES)

    def load(
        self, tables: dict[str, Sequence[m.Record]], meta: dict[str, str], templates: Sequence[m.BodyTemplate] = ()
    ) -> None:
        """Insert a whole archive, ids kept, and the bodies' Word templates, in one transaction."""
        if not self.is_empty():
            raise errors.Conflict(f"{self.path} er ikke tom; importer til en ny database")
        try:
            self._load(tables, meta, templates)
        except sqlite3.IntegrityError as exc:  # a deferred key check fails at COMMIT
            raise errors.Conflict(f"Ugyldig innhold: {_integrity_message(exc)}") from None

    def _load(self, tables: dict[str, Sequence[m.Record]], meta: dict[str, str], templates: Sequence[m.BodyTemplate]) -> None:
        with self.write() as conn:
            # Items point to earlier items (deferred_from_id): check keys at commit.
            conn.execute("PRAGMA defer_foreign_keys=ON")
            search.suspend(conn)  # one index rebuild at the end, not one per row
            for table in TABLES.values():
                for record in tables.get(table, []):
                    data = _row(_cleaned(record))
                    columns = ", ".join(data)
                    marks = ", ".join("?" for _ in data)
                    try:
                        conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(data.values()))
                    except sqlite3.IntegrityError as exc:
                        raise errors.Conflict(f"Ugyldig innhold i {table}: {_integrity_message(exc)}") from None
                    except OverflowError:  # beyond SQLite's 64-bit integers
                        raise errors.Conflict(f"Ugyldig innhold i {table}: et tall er for stort") from None
            search.resume(conn)
            try:
                insert_templates(conn, templates)
            except sqlite3.IntegrityError as exc:  # two for one body
                raise errors.Conflict(f"Ugyldig innhold i body_templates: {_integrity_message(exc)}") from None
            for key, value in meta.items():
                conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])

    # --- integrity and backup -----------------------------------------------------

    def integrity_problems(self) -> list[str]:
        problems = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        problems = [] if problems == ["ok"] else problems
        problems += [f"fremmednøkkel brutt i {row[0]} rad {row[1]}" for row in self.conn.execute("PRAGMA foreign_key_check")]
        return problems

    def backup(self, destination: Path) -> Path:
        return backup_to(self.conn, destination)

    # --- calendar export: each event's state at its last export ----------------------

    def calendar_event_states(self, variant: str, uids: Sequence[str]) -> dict[str, tuple[str, int, str]]:
        """uid -> (content hash, sequence, last modified) for 'internal' or 'public', of
        the given events (an export asks a chunk at a time)."""
        rows = self.conn.execute(
            "SELECT uid, content_hash, sequence, last_modified FROM calendar_events"
            " WHERE variant = ? AND uid IN (SELECT value FROM json_each(?))",
            [variant, json.dumps(list(uids))],
        )
        return {uid: (digest, sequence, modified) for uid, digest, sequence, modified in rows}

    def save_calendar_event_states(self, variant: str, states: Iterable[tuple[str, str, int, str]]) -> None:
        """Record (uid, content hash, sequence, last modified) of exported events.
        A read-only archive cannot: its exports repeat the numbers it has."""
        if self.read_only is not None:
            return
        with self.write() as conn:
            conn.executemany(
                "INSERT INTO calendar_events (uid, variant, content_hash, sequence, last_modified) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (uid, variant) DO UPDATE SET content_hash = excluded.content_hash,"
                " sequence = excluded.sequence, last_modified = excluded.last_modified",
                ((uid, variant, digest, sequence, modified) for uid, digest, sequence, modified in states),
            )


def open_store(path: Path, *, create: bool = True) -> ArchiveStore:
    return ArchiveStore(path, create=create)
