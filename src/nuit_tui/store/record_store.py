"""Records in and out of the archive file: one connection per thread, the writer,
transactions, and the generic record operations (insert, update, get, find …).

Every write runs in `BEGIN IMMEDIATE` (a deferred transaction that reads and
then writes fails at once with SQLITE_BUSY_SNAPSHOT when another process wrote
in between) and commits before it returns, so an edit is on disk as soon as
the call is done. The archive's named queries build on this in `archive_store.py`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..domain import models as m
from ..domain.text import clean_text, is_clean
from ..domain.validation import InvalidRecord, checked
from . import errors, search
from .connection import OpenedFile, classify, connect, open_file, reader_connection

if TYPE_CHECKING:
    from .writer import Writer

R = TypeVar("R", bound=m.Record)

# Table of each record type, in an order that satisfies foreign keys on insert.
TABLES: dict[type[m.Record], str] = {
    m.Body: "bodies",
    m.Organization: "organizations",
    m.Person: "people",
    m.Membership: "memberships",
    m.Meeting: "meetings",
    m.AgendaItem: "agenda_items",
    m.ItemPerson: "item_people",
    m.AttachmentFile: "attachment_files",
    m.Attachment: "attachments",
    m.ItemLink: "item_links",
    m.CoverSection: "cover_sections",
    m.ExternalDecision: "external_decisions",
    m.Attendance: "attendance",
    m.Remark: "remarks",
    m.FollowUp: "follow_ups",
    m.MinutesUnlock: "minutes_unlocks",
    m.Deadline: "deadlines",
    m.DeadlineRule: "deadline_rules",
}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def _equals(model: type[m.Record], equals: dict[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause of `field = ?` (or `IS NULL`) for each field named; only the model's fields."""
    clauses, params = [], []
    for name, value in equals.items():
        if name not in model.model_fields:
            raise ValueError(f"{model.__name__} has no field {name!r}")
        if value is None:
            clauses.append(f"{name} IS NULL")
        else:
            clauses.append(f"{name} = ?")
            params.append(value.value if isinstance(value, Enum) else value)
    return " AND ".join(clauses) or "1", params


def _row(record: m.Record) -> dict[str, Any]:
    """Column values: ISO dates and times, enum values, booleans as 0/1, bytes as they are."""
    data = record.model_dump(mode="json")
    for name, value in record:
        if isinstance(value, bytes):
            data[name] = value  # a file's content is a BLOB, not the JSON export's base64
    return data


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _cleaned(record: R, *, transient: bool = False) -> R:
    """The record with its text under the input rule (`clean_text`). The models apply
    it when they validate, but `model_copy(update=…)` does not validate: this is the
    write seam every insert and update passes, so nothing else reaches the file.
    As on reading (`models.Record.stored`), a text that is nothing but control
    characters, which an older version may have stored as a name, is kept as it was:
    emptied, its record would no longer read; every way out cleans it. Lone surrogates
    are the exception: no version could store them (they are not UTF-8)."""
    changes = {}
    for name, value in record:
        if isinstance(value, str) and not is_clean(value):
            cleaned = clean_text(value)
            if cleaned.strip() or not value.strip() or not _utf8(value):
                changes[name] = cleaned
    record = record.model_copy(update=changes) if changes else record
    if transient:
        return record
    # Lengths and ranges too: a row written must read back as valid (the export, the year plan).
    try:
        return checked(record)
    except InvalidRecord as exc:
        raise errors.InvalidRow(f"{exc}; endringen ble ikke lagret") from None


def _unsaved(error: errors.StoreError) -> errors.StoreError:
    """A failed write said as what it means for the user's change."""
    if isinstance(error, errors.DiskFull):
        return errors.DiskFull("Disken er full; endringen ble ikke lagret. Frigjør plass og prøv igjen")
    return type(error)(f"{error}; endringen ble ikke lagret")


def _integrity_message(exc: sqlite3.IntegrityError) -> str:
    text = str(exc)
    if "UNIQUE" in text:
        return f"finnes allerede ({text.split(':', 1)[-1].strip()})"
    if "FOREIGN KEY" in text:
        return "viser til noe som ikke finnes, eller er i bruk"
    if "CHECK" in text:
        return f"ugyldig verdi ({text})"
    return text



class RecordStore:
    """Typed records over one SQLite file; one instance per open file."""

    def __init__(self, path: Path, *, create: bool = True, opened: OpenedFile | None = None):
        """Open (check, migrate) the file, or take one that `open_file` opened already."""
        self.path = Path(path)
        opened = opened or open_file(self.path, create=create)
        self.db, self.report = opened.db, opened.report
        self._home_conn: sqlite3.Connection = self.db.conn
        self._home = threading.current_thread()
        self._local = threading.local()
        # Read-only connections of other threads (workers), closed when their thread ends.
        self._readers: dict[int, tuple[weakref.ref, sqlite3.Connection]] = {}
        self._readers_lock = threading.Lock()
        self.writer: Writer | None = None
        # Moves with each of this program's own commits (data_version moves only for
        # others'): a screen coming back into view redraws when it moved meanwhile.
        self.commits = 0

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (see store/writer.py): inside a write made while a
        writer runs, the writer's; in the thread that opened the store, the one it
        opened; in any other thread (a worker), a read-only connection of its own."""
        bound = getattr(self._local, "bound", None)
        if bound is not None:
            return bound
        if threading.current_thread() is self._home:
            return self._home_conn
        return self._reader()

    @conn.setter
    def conn(self, conn: sqlite3.Connection) -> None:
        """Replace the opening thread's connection (tests stand a failing one in)."""
        self._home_conn = conn

    def _reader(self) -> sqlite3.Connection:
        me = threading.current_thread()
        ident = threading.get_ident()
        with self._readers_lock:
            for other, (thread, conn) in list(self._readers.items()):
                alive = thread()
                if alive is None or not alive.is_alive():
                    del self._readers[other]
                    with contextlib.suppress(sqlite3.Error):
                        conn.close()
            found = self._readers.get(ident)
            if found is None or found[0]() is not me:
                found = (weakref.ref(me), reader_connection(self.path))
                self._readers[ident] = found
            return found[1]

    def _bind(self, conn: sqlite3.Connection | None) -> None:
        self._local.bound = conn

    def close(self) -> None:
        self.stop_writer()
        with self._readers_lock:
            for thread, conn in self._readers.values():
                alive = thread()
                if alive is None or not alive.is_alive():
                    with contextlib.suppress(sqlite3.Error):
                        conn.close()
                # A worker still reading keeps its connection until its query is done
                # (closed when the last reference goes): closing it under it would crash.
            self._readers.clear()
        if self.read_only is None:
            with contextlib.suppress(sqlite3.Error):
                self._home_conn.execute("PRAGMA optimize")
        self._home_conn.close()

    # --- the writer (the app's; the CLI writes on its one connection) ---------------

    def start_writer(self) -> Writer | None:
        """From now on, writes go through one writer thread and its connection
        (none for a read-only archive: its writes are refused as they come)."""
        if self.writer is None and self.read_only is None:
            from .writer import Writer

            self.writer = Writer(connect(self.path), bind=self._bind)
        return self.writer

    def stop_writer(self) -> None:
        """Finish the queued writes, then write synchronously again."""
        writer, self.writer = self.writer, None
        if writer is not None:
            writer.close()

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        """Run `fn(*args)` as a write: queued on the writer if one runs, else now."""
        if self.writer is not None:
            return self.writer.submit(fn, *args)
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def data_version(self) -> int:
        """Moves when another program commits (not this one's writes)."""
        if self.writer is not None:
            return self.writer.data_version
        return self._home_conn.execute("PRAGMA data_version").fetchone()[0]


    @property
    def read_only(self) -> str | None:
        """Why the archive is open read-only (a read-only file, folder or mount, a full
        disk), or None when it can be changed."""
        return self.report.read_only

    def _refused_write(self) -> errors.StoreError:
        if self.report.disk_full:
            return errors.DiskFull(
                "Disken er full, så arkivet er åpnet skrivebeskyttet; endringen ble ikke lagret. "
                "Frigjør plass og start nuit-tui på nytt"
            )
        return errors.ReadOnlyDatabase(f"Arkivet er åpnet skrivebeskyttet ({self.read_only}); endringen ble ikke lagret")

    # --- transactions -----------------------------------------------------------

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for several reads; never takes the write lock."""
        conn = self.conn
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One atomic, durable change. Nested calls join the outer one."""
        if self.read_only is not None:
            raise self._refused_write()
        writer = self.writer
        if getattr(self._local, "bound", None) is None and (writer is not None or threading.current_thread() is not self._home):
            # A synchronous write while the writer runs: on its connection, in turn.
            # Without a writer, a worker's write goes to the one read-write connection.
            with writer.lock if writer is not None else contextlib.nullcontext():
                self._bind(writer.conn if writer is not None else self._home_conn)
                try:
                    with self.write() as conn:
                        yield conn
                finally:
                    self._bind(None)
            return
        if self.conn.in_transaction:
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            error = classify(self.path, exc)
            if not isinstance(error, errors.DatabaseBusy):
                raise error from None
            # Only after the busy timeout: another program holds the write lock that long.
            raise errors.DatabaseBusy(
                "Databasen er opptatt: et annet program skriver til den; ingenting er endret, prøv igjen om litt"
            ) from None
        try:
            yield self.conn
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and isinstance(
                error := classify(self.path, exc), errors.DiskFull | errors.DiskError | errors.ReadOnlyDatabase
            ):
                raise _unsaved(error) from None
            raise
        else:
            try:
                search.merge_small_segments(self.conn)  # keeps search as fast as the day began
                self.conn.execute("COMMIT")
                self.commits += 1
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError) and isinstance(
                    error := classify(self.path, exc), errors.DiskFull | errors.DiskError | errors.ReadOnlyDatabase
                ):
                    raise _unsaved(error) from None
                raise

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write (`write`) when the archive can be changed; on a read-only archive one
        read transaction, a consistent snapshot in which nothing is written."""
        if self.read_only is None:
            with self.write() as conn:
                yield conn
            return
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    # --- generic records ----------------------------------------------------------

    def _select(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def insert(self, record: R) -> R:
        record = _cleaned(record)
        table = TABLES[type(record)]
        data = _row(record)
        if data.get("id") is None:
            data.pop("id", None)
        stamp: dict[str, Any] = {}
        if isinstance(record, m.Versioned) and record.updated_at is None:
            stamp = {"updated_at": _now()}
            data.update(stamp)
        columns = ", ".join(data)
        marks = ", ".join("?" for _ in data)
        with self.write() as conn:
            try:
                cursor = conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(data.values()))
            except sqlite3.IntegrityError as exc:
                raise errors.Conflict(_integrity_message(exc)) from None
        return record.model_copy(update={"id": cursor.lastrowid, **stamp})

    def update(self, record: R, *, transient: bool = False) -> R:
        """Write back a changed record; a versioned one only if nobody changed it since.

        Every value is checked as on every way in (`errors.InvalidRow` says which), except with
        `transient`: a value held only inside the caller's transaction, never committed
        (a meeting's number parked while the numbers of its year move)."""
        if record.id is None:
            raise ValueError("update needs a stored record")
        record = _cleaned(record, transient=transient)
        table = TABLES[type(record)]
        data = _row(record)
        data.pop("id")
        where, params = "id = ?", [record.id]
        update: dict[str, Any] = {}
        if isinstance(record, m.Versioned):
            where += " AND row_version = ?"
            params.append(record.row_version)
            data["row_version"] = record.row_version + 1
            data["updated_at"] = _now()
            update = {"row_version": data["row_version"], "updated_at": data["updated_at"]}
        assignments = ", ".join(f"{column} = ?" for column in data)
        with self.write() as conn:
            try:
                cursor = conn.execute(
                    f"UPDATE {table} SET {assignments} WHERE {where}", [*data.values(), *params]
                )
            except sqlite3.IntegrityError as exc:
                raise errors.Conflict(_integrity_message(exc)) from None
            if cursor.rowcount == 0:
                exists = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record.id]).fetchone()
                if exists:
                    raise errors.StaleWrite("Noen andre har endret dette i mellomtiden; last på nytt")
                raise errors.NotFound(f"Finnes ikke lenger ({table} {record.id})")
        return record.model_copy(update=update)

    def delete(self, model: type[m.Record], record_id: int) -> None:
        with self.write() as conn:
            try:
                conn.execute(f"DELETE FROM {TABLES[model]} WHERE id = ?", [record_id])
            except sqlite3.IntegrityError as exc:
                raise errors.Conflict(_integrity_message(exc)) from None

    def get(self, model: type[R], record_id: int) -> R:
        rows = self._select(f"SELECT * FROM {TABLES[model]} WHERE id = ?", [record_id])
        if not rows:
            raise errors.NotFound(f"Finnes ikke ({TABLES[model]} {record_id})")
        return model.stored(rows[0])

    def find(
        self,
        model: type[R],
        where: str = "1",
        params: Sequence[Any] = (),
        *,
        order_by: str = "id",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[R]:
        sql = f"SELECT * FROM {TABLES[model]} WHERE {where} ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [model.stored(row) for row in self._select(sql, params)]

    def find_by(
        self, model: type[R], *, order_by: str = "id", limit: int | None = None, offset: int = 0, **equals: Any
    ) -> list[R]:
        """Records whose fields have the given values (None: no value), e.g.
        `find_by(m.Remark, item_id=3, order_by="position, id")`: services name fields, not SQL."""
        where, params = _equals(model, equals)
        return self.find(model, where, params, order_by=order_by, limit=limit, offset=offset)

    def count_by(self, model: type[R], **equals: Any) -> int:
        where, params = _equals(model, equals)
        return self.count(model, where, params)

    def get_many(self, model: type[R], ids: Iterable[int | None]) -> dict[int, R]:
        """The records of these ids that exist, by id (a chunk of ids per query)."""
        wanted = sorted({i for i in ids if i is not None})
        found: dict[int, R] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            found.update({r.id: r for r in self.find(model, f"id IN ({marks})", chunk) if r.id is not None})
        return found

    def iter_find(
        self, model: type[R], where: str = "1", params: Sequence[Any] = (), *, order_by: str = "id", chunk: int = 500
    ) -> Iterator[R]:
        """Like `find`, but a chunk of rows at a time: memory bounded by `chunk`, not the table."""
        cursor = self.conn.execute(f"SELECT * FROM {TABLES[model]} WHERE {where} ORDER BY {order_by}", params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield model.stored(dict(zip(names, row, strict=True)))

    def write_positions(self, records: Sequence[m.Record]) -> None:
        """Number an ordered list 1, 2, 3 … and write only the positions that changed."""
        with self.write():
            for position, record in enumerate(records, start=1):
                # Only ordered records come here, and they all have a position.
                if record.position != position:  # type: ignore[attr-defined]
                    self.update(record.model_copy(update={"position": position}))

    def move_in_order(self, records: Sequence[m.Record], record_id: int, delta: int) -> bool:
        """Move one record of an ordered list up (-1) or down (+1); False at either end."""
        records = list(records)
        index = next(i for i, record in enumerate(records) if record.id == record_id)
        target = index + delta
        if not 0 <= target < len(records):
            return False
        records.insert(target, records.pop(index))
        self.write_positions(records)
        return True

    def count(self, model: type[m.Record], where: str = "1", params: Sequence[Any] = ()) -> int:
        return self.conn.execute(f"SELECT count(*) FROM {TABLES[model]} WHERE {where}", params).fetchone()[0]

    # --- meta -------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self._select("SELECT key, value FROM meta")}

    def set_meta(self, key: str, value: str) -> None:
        with self.write() as conn:
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])
