"""Full-text search over the archive: an FTS5 index kept in step by triggers.

One index row per agenda item (rowid = the item's id), with a column per text
field plus the item's remarks and follow-ups joined into one column each, so
that a query's words may be found in different fields of the same item and
every hit is an item to open. Breaks are not indexed.

The tokenizer is `trigram` (SQLite ≥ 3.34): any run of three or more letters
matches anywhere in a word, so "møte" finds "Styremøte" and "sikker" finds
"sikkerhet" (prefix search comes with it). Case is folded, diacritics are not:
"år" and "ar", "være" and "vare" stay apart. A two-letter word is too short
for a trigram, but every indexed text has a space before each word, so " år"
is one and finds "år", "året", "årlig" at a word's start. A query of one letter
reads titles only, newest first, and stops at the LIMIT like every query here.

Triggers on agenda_items, remarks and follow_ups keep the index right on every
insert, update and delete (cascades included). sqlite-utils' table.transform()
drops a table's triggers, so `ensure` puts missing ones back and rebuilds the
index; ArchiveStore calls it on every open, after the migrations.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import errors
from .search_rank import ELLIPSIS as ELLIPSIS
from .search_rank import MARK_CLOSE, MARK_OPEN, Needles, first_matched, mark_text, score_window

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

# Match markers: control characters that typed text does not contain.

# Letters that continue a word: a short term must start a word, not sit inside one.
_WORD_CHARS = "A-Za-z0-9ÆØÅæøåÄÖÜäöüÉéÈèÁáÓóÍíÚúÑñ"

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


# --- queries -------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """A typed query: words and phrases, all of which must occur."""

    terms: tuple[str, ...]  # three letters or more, or phrases: anywhere in a word
    short: tuple[str, ...]  # two letters: at the start of a word
    tiny: tuple[str, ...]  # one letter: only when nothing else was typed, in titles

    @property
    def empty(self) -> bool:
        return not (self.terms or self.short or self.tiny)

    @property
    def words(self) -> tuple[str, ...]:
        return self.terms + self.short


_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»')


def parse_query(text: str) -> Query:
    """Words and "quoted phrases" (or «phrases»).

    A trailing * is accepted and changes nothing: every word already matches as a
    prefix (and, three letters or more, inside a compound). A one-letter word is
    left out when there are longer ones: it is most often a word being typed.
    """
    pieces: list[str] = []

    def take(match: re.Match[str]) -> str:
        pieces.append(match[1] if match[1] is not None else match[2])
        return " "

    rest = _PHRASE.sub(take, text)
    pieces += rest.split()
    groups: dict[int, list[str]] = {3: [], 2: [], 1: []}
    for piece in pieces:
        piece = " ".join(piece.split()).strip("*").strip()
        if piece:
            groups[min(len(piece), 3)].append(piece)
    unique = {size: tuple(dict.fromkeys(words)) for size, words in groups.items()}
    tiny = unique[1] if not (unique[3] or unique[2]) else ()
    return Query(unique[3], unique[2], tiny)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_expression(query: Query, *, trigram: bool = True) -> str:
    """An FTS5 MATCH string; every term quoted, so "e-helse" or "AND" is just text.

    With trigram, a two-letter word is matched as " xx": a space and the word, the
    start of a word (every indexed text begins with a space). Without trigram
    (unicode61), every word is a prefix query.
    """
    if not trigram:
        return " ".join(f"{_quote(word)} *" for word in (*query.words, *query.tiny))
    return " ".join([*(_quote(t) for t in query.terms), *(_quote(" " + s) for s in query.short)])


def glob_case(text: str) -> str:
    """A GLOB pattern for `text` in any letter case (GLOB and LIKE fold only ASCII)."""
    out = []
    for char in text:
        lower, upper = char.lower(), char.upper()
        if char in "*?[]":
            out.append(f"[{char}]")
        elif lower != upper and len(lower) == 1 and len(upper) == 1:
            out.append(f"[{lower}{upper}]")
        else:
            out.append(char)
    return "".join(out)


def word_start_pattern(term: str) -> str:
    """GLOB pattern: `term` at the start of a word, in a text that begins with a space."""
    return f"*[^{_WORD_CHARS}]{glob_case(term)}*"


def is_trigram(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [INDEX]).fetchone()
    return bool(row) and "trigram" in row[0]


_HIT_COLUMNS = (
    "i.id AS item_id, i.meeting_id, i.position, i.title, i.case_year, i.case_seq, i.exempt, i.title_exempt,"
    " i.state, mt.body_id, mt.year, mt.number, mt.date, b.short_name AS body"
)


def search(
    conn: sqlite3.Connection,
    query: Query,
    *,
    body_id: int | None = None,
    year: int | None = None,
    exclude_item_id: int | None = None,
    limit: int = 50,
    snippet_from: Sequence[str] = tuple(COLUMNS),
) -> list[dict[str, Any]]:
    """Matching items, best first (the matches in each column times its weight; bm25 on
    an SQLite without trigram), newest meeting first among equals.

    Each row has the item's and its meeting's fields and `columns`: the first indexed
    column in `snippet_from` order that matched, its text with MARK_OPEN/MARK_CLOSE
    around the matches (as highlight() marks them); only that one is marked, as only
    it is shown. A query of one letter reads titles, newest meeting first, and stops
    at the limit; its `columns` hold the title, unmarked.
    """
    if query.empty:
        return []
    filters: list[str] = []
    params: dict[str, Any] = {}
    if body_id is not None:
        filters.append("mt.body_id = :body_id")
        params["body_id"] = body_id
    if year is not None:
        filters.append("mt.year = :year")
        params["year"] = year
    if exclude_item_id is not None:
        filters.append("i.id != :exclude")
        params["exclude"] = exclude_item_id
    trigram = is_trigram(conn)
    if trigram and not query.words:
        return _title_scan(conn, query.tiny[0], filters, params, limit)
    params["match"] = match_expression(query, trigram=trigram)
    if not trigram:
        return _ranked_by_bm25(conn, filters, params, limit)
    # Rank only the newest RANKED_MATCHES matches (rowids grow with the archive): FTS5
    # walks its doclist newest first and the query stops there, so a common word costs
    # the same in thirty years' archive as in one. The body and year filters apply inside
    # the walk, so a filtered search gets a full window too. bm25 would read every match
    # to weigh its words, so the window is scored here: matches per column, times the
    # column's weight. The same read brings what a hit shows, and its matches are marked
    # from the texts already read (see `mark`): one pass over the index, not a second
    # MATCH with highlight(), which re-read every trigram's doclist once per hit.
    # The texts come as UTF-8 bytes, as stored: they are counted undecoded (search_rank),
    # and only the one text each shown hit takes its snippet from is decoded.
    columns = ", ".join(f"CAST(coalesce(s.{name}, '') AS BLOB)" for name in COLUMNS)
    cursor = conn.execute(
        f"SELECT {_HIT_COLUMNS}, {columns}"
        f" FROM {INDEX} s JOIN agenda_items i ON i.id = s.rowid JOIN meetings mt ON mt.id = i.meeting_id"
        " JOIN bodies b ON b.id = mt.body_id"
        f" WHERE {' AND '.join([f'{INDEX} MATCH :match', *filters])}"
        f" ORDER BY s.rowid DESC LIMIT {RANKED_MATCHES}",
        params,
    )
    window = cursor.fetchall()
    if not window:
        return []
    names = [d[0] for d in cursor.description][: -len(COLUMNS)]
    width = len(names)
    needles = Needles([term for term in query.terms] + [" " + word for word in query.short])
    scores = score_window([row[width:] for row in window], needles, list(COLUMNS.values()))
    best = max(score for score, _ in scores) or 1
    # Relative to the best hit, in steps of 0.01: hits within a step are equals, newest
    # meeting first, then in agenda order.
    date_at, meeting_at, position_at = names.index("date"), names.index("meeting_id"), names.index("position")
    # One sort, descending: position negated to come in agenda order (a stable sort keeps
    # the window's order among rows equal in every key).
    ranked = sorted(
        range(len(window)),
        key=lambda n: (round(scores[n][0] / best, 2), window[n][date_at], window[n][meeting_at], -window[n][position_at]),
        reverse=True,
    )
    order = [_COLUMN_AT[name] for name in snippet_from if name in _COLUMN_AT]
    hits = []
    for n in ranked[:limit]:
        row, (score, matched) = window[n], scores[n]
        hit = dict(zip(names, row[:width], strict=True))
        column = first_matched(matched, order)
        hit["columns"] = {} if column is None else {_NAMES[column]: mark_text(_text(row[width + column]), needles)}
        hit["rank"] = round(score / best, 2)
        hits.append(hit)
    return hits


_NAMES = tuple(COLUMNS)
_COLUMN_AT = {name: n for n, name in enumerate(COLUMNS)}


def _text(stored: bytes) -> str:
    # What our triggers index is valid UTF-8; bytes that are not (a file altered by
    # another program) are shown as U+FFFD rather than failing the search.
    return stored.decode("utf-8", errors="replace")


def _hits(conn: sqlite3.Connection, item_ids: list[int], rank_of: dict[int, float], match: str) -> list[dict[str, Any]]:
    """The hits' fields and their texts with the matches marked, in the order given."""
    if not item_ids:
        return []
    parts = " || char(31) || ".join(
        f"coalesce(highlight({INDEX}, {n}, '{MARK_OPEN}', '{MARK_CLOSE}'), '')" for n in range(len(COLUMNS))
    )
    marks = ", ".join("?" for _ in item_ids)
    sql = (
        f"SELECT {_HIT_COLUMNS}, {parts} AS texts FROM {INDEX} s JOIN agenda_items i ON i.id = s.rowid"
        " JOIN meetings mt ON mt.id = i.meeting_id JOIN bodies b ON b.id = mt.body_id"
        f" WHERE {INDEX} MATCH ? AND s.rowid IN ({marks})"
    )
    by_id = {}
    for row in _rows(conn.execute(sql, [match, *item_ids])):
        row["columns"] = dict(zip(COLUMNS, (row.pop("texts") or "").split("\x1f"), strict=False))
        row["rank"] = rank_of[row["item_id"]]
        by_id[row["item_id"]] = row
    return [by_id[item_id] for item_id in item_ids if item_id in by_id]


def _ranked_by_bm25(conn: sqlite3.Connection, filters: list[str], params: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    """Without trigram (old SQLite): bm25 over every match, as the index allows."""
    weights = ", ".join(str(w) for w in COLUMNS.values())
    matches = (
        f"SELECT {_HIT_COLUMNS}, bm25({INDEX}, {weights}) AS score"
        f" FROM {INDEX} s JOIN agenda_items i ON i.id = s.rowid"
        " JOIN meetings mt ON mt.id = i.meeting_id JOIN bodies b ON b.id = mt.body_id"
        f" WHERE {' AND '.join([f'{INDEX} MATCH :match', *filters])}"
    )
    ranked = (
        f"SELECT item_id, round(score / nullif(min(score) OVER (), 0), 2) AS rank FROM ({matches})"
        f" ORDER BY rank DESC, date DESC, meeting_id DESC, position LIMIT {int(limit)}"
    )
    rows = conn.execute(ranked, params).fetchall()
    return _hits(conn, [item_id for item_id, _ in rows], {item_id: rank or 0 for item_id, rank in rows}, params["match"])


RANKED_MATCHES = 100


def _title_scan(conn: sqlite3.Connection, letter: str, filters: list[str], params: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    """Items whose title has a word starting with `letter`, newest meeting first:
    meetings are read in date order and the scan stops at the limit."""
    params = {**params, "pattern": word_start_pattern(letter)}
    where = " AND ".join(["i.kind = 'item'", "(' ' || i.title) GLOB :pattern", *filters])
    sql = (
        # CROSS JOIN: meetings first, in date order by their index, so the scan stops at
        # the limit; left to choose, SQLite read every item (70 ms at scale 1) and sorted.
        f"SELECT {_HIT_COLUMNS}, 1.0 AS rank FROM meetings mt"
        " CROSS JOIN agenda_items i ON i.meeting_id = mt.id JOIN bodies b ON b.id = mt.body_id"
        f" WHERE {where} ORDER BY mt.date DESC, mt.id DESC, i.position LIMIT {int(limit)}"
    )
    rows = _rows(conn.execute(sql, params))
    for row in rows:
        row["columns"] = {"title": row["title"]}
    return rows


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
