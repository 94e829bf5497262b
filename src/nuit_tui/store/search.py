"""Full-text search over the archive: an FTS5 index kept in step by triggers.

One index row per agenda item (rowid = the item's id), with a column per text
field plus the item's remarks and follow-ups joined into one column each, so
that a query's words may be found in different fields of the same item and
every hit is an item to open. Breaks are not indexed.

The tokenizer is `trigram` (SQLite ≥ 3.34); what that finds, and the queries
over the index, are in store/search_query.py.

Triggers on agenda_items, remarks and follow_ups keep the index right on every
insert, update and delete (cascades included). sqlite-utils' table.transform()
drops a table's triggers, so `ensure` puts missing ones back and rebuilds the
index; ArchiveStore calls it on every open, after the migrations.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from typing import Any

from . import errors

INDEX = "search_index"
TRIGRAM_MIN_VERSION = (3, 34, 0)

# Indexed columns, in the index's order, with their bm25 weights: a word in the
# title or a decision says more about the item than one in its background.
ITEM_FIELDS = ("title", "description", "purpose", "background", "proposed_decision", "decision", "narrative")
COLUMNS: dict[str, float] = {
    "title": 4.0,
    "description": 1.0,
    "purpose": 1.0,
    "background": 1.0,
    "proposed_decision": 1.5,
    "decision": 2.0,
    "narrative": 1.0,
    "remarks": 1.0,
    "follow_ups": 1.0,
}


_REMARKS_SQL = """(SELECT group_concat(line, char(10)) FROM (
        SELECT CASE WHEN r.speaker != '' THEN r.speaker || ': ' ELSE '' END || r.text AS line
        FROM remarks r WHERE r.item_id = i.id ORDER BY r.position, r.id))"""
_FOLLOW_UPS_SQL = """(SELECT group_concat(line, char(10)) FROM (
        SELECT f.description || CASE WHEN f.closing_note != '' THEN ' – ' || f.closing_note ELSE '' END AS line
        FROM follow_ups f WHERE f.item_id = i.id ORDER BY f.id))"""


def _indexed(expr: str) -> str:
    """A column's value as indexed: line breaks and tabs as spaces, and a space in
    front, so that every word follows a space and " år" (a trigram) finds "år" at
    the start of a word. Empty text is NULL: nothing to index."""
    flat = f"replace(replace(replace(coalesce({expr}, ''), char(13), ' '), char(10), ' '), char(9), ' ')"
    return f"nullif(' ' || {flat}, ' ')"


_VALUES = ", ".join(_indexed(f"i.{name}") for name in ITEM_FIELDS) + f", {_indexed(_REMARKS_SQL)}, {_indexed(_FOLLOW_UPS_SQL)}"


def _fill_sql(where: str) -> str:
    """INSERT the index rows of the items matching `where` (an expression on i)."""
    return (
        f"INSERT INTO {INDEX}(rowid, {', '.join(COLUMNS)}) SELECT i.id, {_VALUES}"
        f" FROM agenda_items i WHERE {where} AND i.kind = 'item'"
    )


def _refresh(item_id: str) -> str:
    """Trigger statements that rewrite one item's row (`item_id` is an SQL expression)."""
    return f"DELETE FROM {INDEX} WHERE rowid = {item_id}; {_fill_sql(f'i.id = {item_id}')};"


def _changed(names: Sequence[str]) -> str:
    return " OR ".join(f"old.{name} IS NOT new.{name}" for name in names)


# name -> SQL. The update triggers fire only when indexed text changed: the store
# writes every column on each update, and a moved item need not be re-indexed.
TRIGGERS: dict[str, str] = {
    "search_item_insert": f"AFTER INSERT ON agenda_items BEGIN {_refresh('new.id')} END",
    "search_item_update": (
        f"AFTER UPDATE ON agenda_items WHEN {_changed((*ITEM_FIELDS, 'kind'))}"
        f" BEGIN {_refresh('new.id')} END"
    ),
    "search_item_delete": f"AFTER DELETE ON agenda_items BEGIN DELETE FROM {INDEX} WHERE rowid = old.id; END",
    "search_remark_insert": f"AFTER INSERT ON remarks BEGIN {_refresh('new.item_id')} END",
    "search_remark_update": (
        f"AFTER UPDATE ON remarks WHEN {_changed(('text', 'speaker', 'item_id', 'position'))}"
        f" BEGIN {_refresh('old.item_id')} {_refresh('new.item_id')} END"
    ),
    "search_remark_delete": f"AFTER DELETE ON remarks BEGIN {_refresh('old.item_id')} END",
    "search_follow_up_insert": f"AFTER INSERT ON follow_ups BEGIN {_refresh('new.item_id')} END",
    "search_follow_up_update": (
        f"AFTER UPDATE ON follow_ups WHEN {_changed(('description', 'closing_note', 'item_id'))}"
        f" BEGIN {_refresh('old.item_id')} {_refresh('new.item_id')} END"
    ),
    "search_follow_up_delete": f"AFTER DELETE ON follow_ups BEGIN {_refresh('old.item_id')} END",
}


def trigram_available(version: str = sqlite3.sqlite_version) -> bool:
    parts = tuple(int(p) for p in version.split(".")[:3])
    return parts >= TRIGRAM_MIN_VERSION


def _tokenizer() -> str:
    # Without trigram (SQLite < 3.34) words are found by prefix only, not by parts
    # of compounds; diacritics are kept apart either way.
    return "trigram" if trigram_available() else "unicode61 remove_diacritics 0"


# --- schema: create, check, rebuild ----------------------------------------------------


def install(conn: sqlite3.Connection) -> None:
    """Create the index and its triggers and fill it (the migration "0006_search")."""
    conn.execute(f"DROP TABLE IF EXISTS {INDEX}")
    conn.execute(f"CREATE VIRTUAL TABLE {INDEX} USING fts5({', '.join(COLUMNS)}, tokenize='{_tokenizer()}')")
    create_triggers(conn)
    rebuild(conn)


def create_triggers(conn: sqlite3.Connection) -> None:
    for name, body in TRIGGERS.items():
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute(f"CREATE TRIGGER {name} {body}")


def rebuild(conn: sqlite3.Connection) -> None:
    """Refill the whole index from the tables (after a migration, or a repair)."""
    conn.execute(f"DELETE FROM {INDEX}")
    conn.execute(_fill_sql("1"))
    conn.execute(f"INSERT INTO {INDEX}({INDEX}) VALUES ('optimize')")


def suspend(conn: sqlite3.Connection) -> None:
    """Before a bulk load (a JSON import): no triggers while the rows go in, and one
    rebuild after (`resume`), instead of re-indexing an item once per remark. Both
    run in the caller's transaction: a failed load rolls the triggers back too."""
    for name in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def resume(conn: sqlite3.Connection) -> None:
    create_triggers(conn)
    rebuild(conn)


def missing_triggers(conn: sqlite3.Connection) -> list[str]:
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [name for name in TRIGGERS if name not in present]


# Every committed write adds a small segment to the FTS5 index, and a query looks up
# each of its trigrams in every segment: after a morning of autosaves, dozens of them
# doubled a search's time. So segments are merged as soon as two share a level (FTS5's
# default waits for four), a little at every commit (see merge_small_segments).
USERMERGE = 2
MERGE_PAGES = 64


def merge_small_segments(conn: sqlite3.Connection) -> None:
    """A bounded step of merging (at most MERGE_PAGES pages; nothing when there is
    nothing to merge, which costs a few microseconds). Call inside a write."""
    conn.execute(f"INSERT INTO {INDEX}({INDEX}, rank) VALUES('merge', {MERGE_PAGES})")


def _tune(conn: sqlite3.Connection) -> None:
    """Set the index's merge level once per file (it is stored in the index's config)."""
    row = conn.execute(f"SELECT v FROM {INDEX}_config WHERE k = 'usermerge'").fetchone()
    if row is None or row[0] != USERMERGE:
        # Another program writing right now: a tuning, not a reason to refuse the file or
        # to wait for it; the next open sets it.
        timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        conn.execute("PRAGMA busy_timeout=0")
        try:
            with contextlib.suppress(sqlite3.OperationalError):
                conn.execute(f"INSERT INTO {INDEX}({INDEX}, rank) VALUES('usermerge', {USERMERGE})")
        finally:
            conn.execute(f"PRAGMA busy_timeout={int(timeout)}")


def ensure(conn: sqlite3.Connection) -> bool:
    """Put back triggers a table rebuild dropped, and rebuild the index then; True if it did.

    Before the migration "0006_search" has run there is no index, and nothing to do.
    """
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [INDEX]).fetchone()
    if not exists:
        return False
    _tune(conn)
    if not missing_triggers(conn):
        return False
    began = not conn.in_transaction
    if began:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            raise errors.DatabaseBusy("Databasen er opptatt: et annet program skriver til den; prøv igjen om litt") from None
    try:
        create_triggers(conn)
        rebuild(conn)
    except BaseException:
        if began and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if began:
        conn.execute("COMMIT")
    return True


def expected_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """What the index should hold, computed afresh from the tables (for checks and tests)."""
    sql = f"SELECT i.id, {_VALUES} FROM agenda_items i WHERE i.kind = 'item' ORDER BY i.id"
    return [tuple(row) for row in conn.execute(sql)]


def indexed_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in conn.execute(f"SELECT rowid, {', '.join(COLUMNS)} FROM {INDEX} ORDER BY rowid")]


def is_trigram(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [INDEX]).fetchone()
    return bool(row) and "trigram" in row[0]
