"""The base a laptop's copy keeps: each row it changes, as it was at checkout.

A checkout puts three triggers per record table into the copy (never into the
shared archive). The first change to a row writes the row as it was into
`checkout_rows` (JSON; a blob as {"b": hex}); a row made on the laptop is noted
with no image. `INSERT OR IGNORE` keeps the first image: later saves of the same
row leave the base alone. A checkin reads only these rows, puts the images and
the laptop's current rows side by side in memory and asks SQLite's session
extension for the change set between them (store/checkin.py): its work grows with
what the laptop changed, not with the archive (a full snapshot of a 4 GB archive
is 4 GB more to write at checkout and to compare at checkin).

The names and SQL are derived from the tables themselves, by the same rule on both
sides: schema_check.py accepts exactly these triggers and no others. Plain SQL over
any connection with `execute` (the `sqlite3` module's or apsw's).
"""

from __future__ import annotations

from typing import Any

PREFIX = "checkout_log_"

# Bookkeeping: recomputed on the shared archive, never compared.
BOOKKEEPING = frozenset({"row_version", "updated_at"})

# Not the meetings' content: the file's own records, the checkout machinery, the
# calendar export's memory of what it last wrote, where meeting mode is in a meeting
# (each file's own), and the search index (its triggers rebuild it from the tables a
# checkin writes).
NOT_MERGED = frozenset(
    {
        "meta",
        "checkouts",
        "checkout_base",
        "checkout_rows",
        "checkin_ids",
        "checkin_conflicts",
        "calendar_events",
        "meeting_positions",
        "_sqlite_migrations",
    }
)


def record_tables(conn: Any, schema: str = "main") -> list[tuple[str, list[str], str]]:
    """(table, columns, primary key) of every table a checkout tracks and a checkin
    merges: ours, with one integer key."""
    found = []
    names = [
        row[0]
        for row in conn.execute(f'SELECT name FROM "{schema}".sqlite_master WHERE type = \'table\' ORDER BY name')
        if not row[0].startswith(("sqlite_", "search_index")) and row[0] not in NOT_MERGED
    ]
    for name in names:
        info = list(conn.execute(f'PRAGMA "{schema}".table_info("{name}")'))
        keys = [row for row in info if row[5]]
        if len(keys) == 1 and str(keys[0][2]).upper() == "INTEGER":
            found.append((name, [row[1] for row in info], keys[0][1]))
    return found


def _image(columns: list[str]) -> str:
    parts = ", ".join(
        f"'{col}', CASE WHEN typeof(OLD.\"{col}\") = 'blob' THEN json_object('b', hex(OLD.\"{col}\"))"
        f' ELSE OLD."{col}" END'
        for col in columns
    )
    return f"json_object({parts})"


def triggers(table: str, columns: list[str], pk: str) -> dict[str, str]:
    """Trigger name -> its CREATE TRIGGER statement."""
    log = "INSERT OR IGNORE INTO checkout_rows(table_name, row_id, image)"
    return {
        f"{PREFIX}{table}_insert": (
            f'CREATE TRIGGER {PREFIX}{table}_insert AFTER INSERT ON "{table}" BEGIN'
            f" {log} VALUES ('{table}', NEW.\"{pk}\", NULL); END"
        ),
        f"{PREFIX}{table}_update": (
            f'CREATE TRIGGER {PREFIX}{table}_update AFTER UPDATE ON "{table}" BEGIN'
            f" {log} VALUES ('{table}', OLD.\"{pk}\", {_image(columns)}); END"
        ),
        f"{PREFIX}{table}_delete": (
            f'CREATE TRIGGER {PREFIX}{table}_delete AFTER DELETE ON "{table}" BEGIN'
            f" {log} VALUES ('{table}', OLD.\"{pk}\", {_image(columns)}); END"
        ),
    }


def all_triggers(conn: Any) -> dict[str, str]:
    made: dict[str, str] = {}
    for table, columns, pk in record_tables(conn):
        made.update(triggers(table, columns, pk))
    return made


def install(conn: Any) -> None:
    """Put the triggers into a laptop's copy (inside the caller's transaction)."""
    for sql in all_triggers(conn).values():
        conn.execute(sql)


def base_values(columns: list[str]) -> str:
    """SQL (over a column `image`) giving the row's columns back from its JSON image."""
    return ", ".join(
        f"CASE json_type(image, '$.\"{col}\"') WHEN 'object' THEN unhex(json_extract(image, '$.\"{col}\".b'))"
        f" ELSE json_extract(image, '$.\"{col}\"') END"
        for col in columns
    )
