"""The file's schema is ours: every table, index, trigger and view, by name and SQL.

A file can carry objects nobody made through nuit-tui: a trigger planted in a
backup runs inside our own transactions (it could undo «unntatt offentlighet»
or delete remarks), a view could shadow a query. So before a file is used, its
schema is compared with what the migrations it has applied create, run once on
an in-memory database (and cached): anything else, or anything changed, and the
file is refused, naming the object.

The replay takes 15-30 ms (most of it SQLite reading the search triggers again at
each schema change), a twentieth of the app's first paint, so what it makes is kept
in the user's cache folder (`NUIT_CACHE_DIR`, else the platform's), under a key of
nuit-tui's version, SQLite's, the migrations applied and the store's schema modules'
sizes and times. The kept copy only ever lets a sound file open sooner: a file that
differs from it is checked again against a fresh replay before it is refused.

Ours besides: SQLite's statistics tables (`sqlite_stat*`, written by ANALYZE and
PRAGMA optimize), `sqlite_sequence`, the automatic indexes of UNIQUE and PRIMARY
KEY, the FTS5 index's shadow tables (whose SQL FTS5 itself writes, and which
differs between SQLite versions), sqlite-utils' migration log, and the search
index made with the tokenizer of an older SQLite.

Why not `PRAGMA trusted_schema=OFF` as well: with it (SQLite 3.40) the search
index's own triggers fail with «unsafe use of virtual table "search_index"»,
and keeping the index without triggers would mean re-indexing by hand at every
write, cascades included. So the write connection keeps SQLite's default and
relies on this check; the read-only connections (inspection, `check`, read-only
archives), which never fire a trigger, turn it off.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .schema import migrations

KIND_NAMES = {"table": "tabellen", "index": "indeksen", "trigger": "triggeren", "view": "visningen"}

# sqlite-utils' log of applied migrations, as sqlite-utils 4 makes it (a test compares).
MIGRATION_LOG = {
    ("table", "_sqlite_migrations"): 'CREATE TABLE "_sqlite_migrations" ( "id" INTEGER PRIMARY KEY, '
    '"migration_set" TEXT, "name" TEXT, "applied_at" TEXT )',
    ("index", "idx__sqlite_migrations_migration_set_name"): 'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name" '
    'ON "_sqlite_migrations" ("migration_set", "name")',
}

# What SQLite makes by itself (ANALYZE, PRAGMA optimize, AUTOINCREMENT).
SQLITE_OWN = {
    ("table", "sqlite_stat1"): "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
    ("table", "sqlite_stat2"): "CREATE TABLE sqlite_stat2(tbl,idx,sampleno,sample)",
    ("table", "sqlite_stat3"): "CREATE TABLE sqlite_stat3(tbl,idx,neq,nlt,ndlt,sample)",
    ("table", "sqlite_stat4"): "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
    ("table", "sqlite_sequence"): "CREATE TABLE sqlite_sequence(name,seq)",
}

FTS5_SHADOWS = ("data", "idx", "content", "docsize", "config")


def normalise(sql: str | None) -> str | None:
    """SQL as compared: runs of white space as one space, none around brackets and
    commas, and "name" the same as name."""
    if sql is None:
        return None
    # String methods, not re.sub with "\1" templates, which expand each match in
    # Python: this runs over the whole schema twice at every open (a fifth of it).
    text = " ".join(sql.split())
    for char in "(),":
        text = text.replace(" " + char, char).replace(char + " ", char)
    return _QUOTED_NAME.sub(_unquoted, text)


_QUOTED_NAME = re.compile(r'"(\w+)"')


def _unquoted(match: re.Match[str]) -> str:
    return match[1]


class _Script:
    """What a migration is handed: enough of sqlite-utils' Database for SQL scripts
    without importing sqlite-utils (a large part of the app's start); a migration
    that needs more gets the real one."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: Any = None

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.conn.executescript(sql)

    def execute(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, tuple(params))

    def _database(self) -> Any:
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._utils

    def __getattr__(self, name: str) -> Any:
        return getattr(self._database(), name)

    def __getitem__(self, name: str) -> Any:
        return self._database()[name]


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(type, name) -> (table it belongs to, normalised SQL) of every schema object."""
    return {
        (kind, name): (table, normalise(sql))
        for kind, name, table, sql in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    }


def _migrated(applied: tuple[str, ...]) -> sqlite3.Connection:
    """An in-memory database made by the migrations named in `applied`, in order."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    script = _Script(conn)
    for name, fn, _ in migrations._steps:
        if name in applied:
            fn(script)
    return conn


Expected = tuple[dict[tuple[str, str], tuple[str, str | None]], dict[str, str | None]]


def _replayed(applied: tuple[str, ...]) -> Expected:
    from . import checkout_log

    conn = _migrated(applied)
    try:
        triggers = {name: normalise(sql) for name, sql in checkout_log.all_triggers(conn).items()}
        return _objects(conn), triggers
    finally:
        conn.close()


# What the replay depends on besides the migrations' names: these modules' code.
_SCHEMA_MODULES = ("schema.py", "search.py", "checkout_log.py", "schema_check.py")
CACHE_FORMAT = 2  # 2: the key kept in the file, its name a CRC (hashlib cost 1.5 ms of the first paint)


def _cache_file(applied: tuple[str, ...]) -> tuple[Path, str] | None:
    from .. import __version__

    folder = os.environ.get("NUIT_CACHE_DIR")
    if not folder:
        import platformdirs

        folder = platformdirs.user_cache_dir("nuit-tui", appauthor=False)
    here = Path(__file__).parent
    try:
        code = [(name, (st := (here / name).stat()).st_size, st.st_mtime_ns) for name in _SCHEMA_MODULES]
    except OSError:
        return None
    key = repr((CACHE_FORMAT, __version__, sqlite3.sqlite_version, applied, code))
    # The name only finds the file; the key in it decides (`_read_kept`), so two keys
    # with one name cost a replay, never a wrong schema.
    data = key.encode()
    return Path(folder) / f"schema-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.json", key


def _read_kept(path: Path, key: str) -> Expected | None:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["key"] != key:
            return None  # another key's file under the same name: replayed, and kept anew
        with contextlib.suppress(OSError):
            os.utime(path)  # used: the newest are kept when the folder is pruned (`_prune`)
        objects = {(kind, name): (table, sql) for kind, name, table, sql in kept["objects"]}
        triggers = dict(kept["checkout_triggers"])
    except (OSError, ValueError, TypeError, KeyError):
        return None  # none kept yet, or not readable: replayed
    if not all(isinstance(v, str) or v is None for pair in objects.values() for v in pair):
        return None
    return objects, triggers


def _keep(path: Path, key: str, expected: Expected) -> None:
    """Written whole or not at all; a folder that cannot be written only costs the replay."""
    from ..files import write_atomic

    objects, triggers = expected
    kept = [[kind, name, table, sql] for (kind, name), (table, sql) in objects.items()]
    text = json.dumps({"key": key, "objects": kept, "checkout_triggers": triggers})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError:
        return
    _prune(path.parent)


KEPT_SCHEMAS = 8  # one per version of nuit-tui and SQLite, and per archive not yet migrated


def _prune(folder: Path) -> None:
    """All but the KEPT_SCHEMAS last used kept schemas removed: every upgrade keeps a new
    one, and the old ones would pile up for good. One removed too soon is only replayed."""
    try:
        kept = sorted(folder.glob("schema-*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    for old in kept[KEPT_SCHEMAS:]:
        with contextlib.suppress(OSError):
            old.unlink()


@functools.lru_cache(maxsize=8)
def _expected(applied: tuple[str, ...], *, replay: bool = False) -> Expected:
    """The schema `applied` makes: kept from an earlier start, unless `replay`."""
    cache = _cache_file(applied)
    if not replay and cache is not None and (kept := _read_kept(*cache)) is not None:
        return kept
    expected = _replayed(applied)
    if cache is not None:
        _keep(*cache, expected)
    return expected


def expected_objects(applied: tuple[str, ...], *, replay: bool = False) -> dict[tuple[str, str], tuple[str, str | None]]:
    """The schema the migrations named in `applied` make, in the order they are registered."""
    return _expected(applied, replay=replay)[0]


def expected_checkout_triggers(applied: tuple[str, ...], *, replay: bool = False) -> dict[str, str | None]:
    """The triggers a checkout puts into a laptop's copy (store/checkout_log.py), as
    they are for the schema `applied` makes: in a copy, these and no others."""
    return _expected(applied, replay=replay)[1]


def _search_index_variants() -> set[str]:
    """The search index as this SQLite makes it, and as one without trigram did."""
    from . import search

    columns = ", ".join(search.COLUMNS)
    return {
        sql
        for tokenizer in ("trigram", "unicode61 remove_diacritics 0")
        if (sql := normalise(f"CREATE VIRTUAL TABLE {search.INDEX} USING fts5({columns}, tokenize='{tokenizer}')"))
    }


def _described(kind: str, name: str) -> str:
    return f"{KIND_NAMES.get(kind, kind)} «{name}»"


def schema_problems(conn: sqlite3.Connection, applied: Iterable[str]) -> list[str]:
    """What in the file's schema is not as nuit-tui makes it; empty when all is ours."""
    applied = tuple(applied)
    found = _objects(conn)
    problems = _differences(found, applied, replay=False)
    if problems:  # never refused on a kept copy's word: against a fresh replay
        problems = _differences(found, applied, replay=True)
    return problems


def _differences(found: dict[tuple[str, str], tuple[str, str | None]], applied: tuple[str, ...], *, replay: bool) -> list[str]:
    from . import search

    expected = expected_objects(applied, replay=replay)
    shadows = {f"{search.INDEX}_{suffix}" for suffix in FTS5_SHADOWS}
    problems: list[str] = []
    for (kind, name), (table, sql) in sorted(found.items()):
        key = (kind, name)
        if key in expected:
            want_table, want_sql = expected[key]
            if kind == "table" and name in shadows:
                continue  # FTS5 writes these; their SQL is its own business
            if kind == "table" and name == search.INDEX and sql in _search_index_variants():
                continue
            if sql != want_sql or table != want_table:
                problems.append(f"{_described(kind, name)} er endret")
        elif key in MIGRATION_LOG:
            if sql != normalise(MIGRATION_LOG[key]):
                problems.append(f"{_described(kind, name)} er endret")
        elif key in SQLITE_OWN:
            if sql != normalise(SQLITE_OWN[key]):
                problems.append(f"{_described(kind, name)} er endret")
        elif kind == "trigger" and name.startswith("checkout_log_"):
            if sql != expected_checkout_triggers(applied, replay=replay).get(name):
                problems.append(f"{_described(kind, name)} er ikke laget av nuit-tui")
        elif kind == "index" and name.startswith("sqlite_autoindex_") and sql is None and (
            ("table", table) in expected
        ):
            continue  # made by SQLite for a UNIQUE or PRIMARY KEY of one of our tables
        else:
            problems.append(f"{_described(kind, name)} er ikke laget av nuit-tui")
    # A table rebuild drops a table's triggers; the search triggers are put back at open.
    optional = {("trigger", name) for name in search.TRIGGERS}
    for key in sorted(expected.keys() - found.keys() - optional):
        problems.append(f"{_described(*key)} mangler")
    return problems
