"""Queries over the search index (store/search.py): parsing what was typed, the MATCH
expression, and the hits, ranked and with their snippets (store/search_rank.py).

With the trigram tokenizer any run of three or more letters matches anywhere in a
word, so "møte" finds "Styremøte" and "sikker" finds "sikkerhet" (prefix search
comes with it). Case is folded, diacritics are not: "år" and "ar", "være" and
"vare" stay apart. A two-letter word is too short for a trigram, but every indexed
text has a space before each word, so " år" is one and finds "år", "året", "årlig"
at a word's start. A word typed in capitals, three to five letters ("IKT", "NHN"), is
an abbreviation (`is_abbreviation`): found only where it starts a word, after a space
or a mark ("IKT-strategi", "(IKT)", "e-helse/IKT"), never inside one ("viktig"), and
counted and marked there only. A query of one letter reads titles only, newest first, and stops
at the LIMIT like every query here (or after the newest TITLE_SCAN_ITEMS titles).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter, neg, truediv
from typing import Any, NamedTuple

from .search import COLUMNS as COLUMNS
from .search import INDEX as INDEX
from .search import is_trigram as is_trigram
from .search_rank import ELLIPSIS as ELLIPSIS
from .search_rank import (
    MARK_CLOSE,
    MARK_OPEN,
    WORD_CHARS,
    Needles,
    cut_snippet,
    fold_window,
    is_latin_1,
    mark_text,
    mark_word_starts,
    raise_word_starts,
    score_folded,
    snippet,
)
from .search_rank import _text as _text


@dataclass(frozen=True)
class Query:
    """A typed query: words and phrases, all of which must occur."""

    terms: tuple[str, ...]  # three letters or more, or phrases: anywhere in a word
    short: tuple[str, ...]  # two letters: at the start of a word (after a space)
    tiny: tuple[str, ...]  # one letter: only when nothing else was typed, in titles
    starts: tuple[str, ...] = ()  # abbreviations («IKT»): at the start of a word (after any mark)

    @property
    def empty(self) -> bool:
        return not (self.terms or self.short or self.tiny or self.starts)

    @property
    def words(self) -> tuple[str, ...]:
        return self.terms + self.starts + self.short


def is_abbreviation(word: str) -> bool:
    """Whether a typed word is an abbreviation, to be found only where a word starts:
    three to five letters, all capitals («IKT», «NHN», «HDIR», «EØS»).

    Capitals because that is how a secretary writes an abbreviation, and the only sign
    of one: a lower-case word goes on matching inside compounds («møte» finds
    «Styremøte», «sikkerhet» «informasjonssikkerhet»), and «ikt» cannot be told from a
    part of a word without a dictionary. Up to five letters: a longer word in capitals
    is a word typed with Caps Lock on. Two-letter words of any case start a word anyway.
    Latin-1 letters only: the word-start test works on the folded UTF-8 of those."""
    return 3 <= len(word) <= 5 and word.isalpha() and word.isupper() and is_latin_1(word)


_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»')


def parse_query(text: str) -> Query:
    """Words and "quoted phrases" (or «phrases»).

    A trailing * is accepted and changes nothing: every word already matches as a
    prefix (and, three letters or more, inside a compound). A one-letter word is
    left out when there are longer ones: it is most often a word being typed. A word
    `is_abbreviation` holds for is matched at word starts only; a phrase is matched as
    written, in any case, anywhere.
    """
    phrases: list[str] = []

    def take(match: re.Match[str]) -> str:
        phrases.append(match[1] if match[1] is not None else match[2])
        return " "

    rest = _PHRASE.sub(take, text)
    groups: dict[int, list[str]] = {3: [], 2: [], 1: [], 0: []}  # 0: abbreviations
    for n, piece in enumerate([*phrases, *rest.split()]):
        piece = " ".join(piece.split()).strip("*").strip()
        if piece:
            groups[0 if n >= len(phrases) and is_abbreviation(piece) else min(len(piece), 3)].append(piece)
    unique = {size: tuple(dict.fromkeys(words)) for size, words in groups.items()}
    tiny = unique[1] if not (unique[3] or unique[2] or unique[0]) else ()
    return Query(unique[3], unique[2], tiny, unique[0])


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_expression(query: Query, *, trigram: bool = True) -> str:
    """An FTS5 MATCH string; every term quoted, so "e-helse" or "AND" is just text.

    With trigram, a two-letter word is matched as " xx": a space and the word, the
    start of a word (every indexed text begins with a space). Without trigram
    (unicode61), every word is a prefix query.
    An abbreviation is matched anywhere here, as a word of three letters or more is: the
    test for a word start comes after (`_word_start_window`), as «(IKT)» and
    «e-helse/IKT» have no space before it.
    """
    if not trigram:
        return " ".join(f"{_quote(word)} *" for word in (*query.words, *query.tiny))
    return " ".join([*(_quote(t) for t in (*query.terms, *query.starts)), *(_quote(" " + s) for s in query.short)])


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


def word_start_regex(term: str) -> re.Pattern[str]:
    """`term` at the start of a word (at the text's start, or after a character that
    does not continue a word), its letters in either case as `glob_case` has them."""
    parts = []
    for char in term:
        lower, upper = char.lower(), char.upper()
        if lower != upper and len(lower) == 1 and len(upper) == 1:
            parts.append(f"[{re.escape(lower)}{re.escape(upper)}]")
        else:
            parts.append(re.escape(char))
    return re.compile(f"(?<![{WORD_CHARS}])" + "".join(parts))


# An index that holds every item field a hit shows (migration 0012): the item's state and
# exemption come after its long texts, and reading them from the table's row read its
# overflow pages (SQLite prefers the rowid, hence INDEXED BY).
HIT_INDEX = "agenda_items_search_hit"
_HIT_COLUMNS = (
    "i.id AS item_id, i.meeting_id, i.position, i.title, i.case_year, i.case_seq, i.exempt, i.title_exempt,"
    " i.state, mt.body_id, mt.year, mt.number, mt.date"
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
    snippet_chars: int = 80,
    trigram: bool | None = None,
) -> IndexHits:
    """Matching items, best first (the matches in each column times its weight; bm25 on
    an SQLite without trigram), newest meeting first among equals.

    Each hit has the item's and its meeting's fields, `field`: the first indexed column
    in `snippet_from` order that matched, and `snippet`: about `snippet_chars` of its
    text around the first match, with MARK_OPEN/MARK_CLOSE around the matches (as
    highlight() marks them) and ELLIPSIS where text was left out. A query of one
    letter reads titles, newest meeting first, and stops at the limit; its snippet is
    the title, the words that start with the letter marked. `trigram`: whether the index
    is (read from the schema when not given; a caller that searches often keeps it).
    """
    if query.empty:
        return IndexHits()
    filters, params = _filters(body_id, year, exclude_item_id)
    if trigram is None:
        trigram = is_trigram(conn)
    order = tuple(_COLUMN_AT[name] for name in snippet_from if name in _COLUMN_AT)
    if trigram and not query.words:
        return IndexHits(_title_scan(conn, query.tiny[0], filters, params, limit, snippet_chars))
    params["match"] = match_expression(query, trigram=trigram)
    if not trigram:
        return IndexHits(_ranked_by_bm25(conn, filters, params, limit, order, snippet_chars))
    # Rank only the newest RANKED_MATCHES matches (rowids grow with the archive): FTS5
    # walks its doclist newest first and the query stops there, so a common word costs
    # the same in thirty years' archive as in one. The body and year filters apply inside
    # the walk, so a filtered search gets a full window too. bm25 would read every match
    # to weigh its words, so the window is scored here: matches per column, times the
    # column's weight. The same read brings what a hit shows, and its matches are marked
    # from the texts already read (search_rank.snippet): one pass over the index, not a
    # second MATCH with highlight(), which re-read every trigram's doclist once per hit.
    # The texts come as UTF-8 bytes, as stored: they are counted undecoded, and of each
    # shown hit only its snippet is decoded.
    needles = Needles([*query.terms, *(" " + word for word in query.short)], query.starts)
    hits = IndexHits()
    if query.starts:
        window, folded, hits.stopped_after = _word_start_window(conn, tuple(filters), params, query, needles)
    else:
        window = conn.execute(_window_sql(tuple(filters), RANKED_MATCHES), params).fetchall()
    if not window:
        return hits
    # The bodies' names from their own few rows: joined, they cost a sixth of the query.
    body_names = dict(conn.execute("SELECT id, short_name FROM bodies").fetchall())
    texts = list(map(_TEXTS, window))
    if not query.starts:
        folded = fold_window(texts, needles)
    scores, counts = score_folded(folded, texts, needles, _WEIGHTS)
    # Relative to the best hit, in steps of 0.01: hits within a step are equals, newest
    # meeting first, then in agenda order. One sort, descending: position negated to come
    # in agenda order (a stable sort keeps the window's order among rows equal in every key).
    # The keys are made by C loops (map): a Python loop over the window cost a tenth of the rank.
    ranks = list(map(round, map(truediv, scores, repeat(max(scores) or 1)), repeat(2)))
    keys = list(zip(ranks, map(_DATE_OF, window), map(_MEETING_OF, window), map(neg, map(_POSITION_OF, window)), strict=True))
    width, per_row = _WIDTH, len(COLUMNS)
    for n in sorted(range(len(window)), key=keys.__getitem__, reverse=True)[:limit]:
        row = window[n]
        # The first column in snippet order whose text matched (None: no text did).
        column = next(compress(order, map(counts[n * per_row : (n + 1) * per_row].__getitem__, order)), None)
        if column is None:
            field, text = "", ""
        elif folded is not None and needles.utf8 is not None:  # cut and marked from the bytes folded for the rank
            field, text = _NAMES[column], snippet(row[width + column], folded[n * per_row + column], needles.utf8, snippet_chars)
        else:
            field, text = _NAMES[column], cut_snippet(mark_text(_text(row[width + column]), needles), snippet_chars)
        hits.append(IndexHit._make((*row[:width], body_names[row[_BODY_ID]], field, text, ranks[n])))
    return hits


@lru_cache(maxsize=16)
def _window_sql(filters: tuple[str, ...], size: int) -> str:
    """The window query of `search` with these filters, its newest `size` matches (made
    once: a search is made per key)."""
    # The texts from the index's own content table (FTS5 keeps a column's value there, as
    # c0, c1, … in the index's column order: COLUMNS', as schema_check holds every file's
    # index to), not through the index's columns: those copy each value once more, a fifth
    # of the query (0.9 -> 0.7 ms for two words). Read last (CROSS JOIN), for the matches
    # the filters kept only, as the index's columns were.
    columns = ", ".join(f"CAST(coalesce(c.c{n}, '') AS BLOB)" for n in range(len(COLUMNS)))
    return (
        f"SELECT {_HIT_COLUMNS}, {columns}"
        f" FROM {INDEX} s JOIN agenda_items i INDEXED BY {HIT_INDEX} ON i.id = s.rowid JOIN meetings mt ON mt.id = i.meeting_id"
        f" CROSS JOIN {INDEX}_content c ON c.id = s.rowid"
        f" WHERE {' AND '.join([f'{INDEX} MATCH :match', *filters])}"
        f" ORDER BY s.rowid DESC LIMIT {int(size)}"
    )


# An abbreviation's matches (anywhere, by the index) are read newest first, a page at a
# time, and tested for a word start, until a window's worth pass or WORD_START_SCAN were
# read. Reading a match's texts costs some 45 µs: «IKT» where «viktig» is in most items
# would read every one of them (11 000 at scale 1, 180 000 at 16). So it stops after
# 2 000 (90 ms at most, at any scale; a real council's archive rarely has that many) and
# says so (`IndexHits.stopped_after`): older items with it are found by adding a word, a
# year or a body. (Tested in the index instead, one phrase per mark before it, «(ikt»
# OR « ikt» OR …: 4 ms at scale 1 but 40–240 ms at 16 with another word.)
WORD_START_PAGE = 200
WORD_START_SCAN = 2000
_SEPARATOR = b"\x00"  # between a row's texts joined for the test of its word starts


def _word_start_window(
    conn: sqlite3.Connection, filters: tuple[str, ...], params: dict[str, Any], query: Query, needles: Needles
) -> tuple[list[Any], list[bytes] | None, int]:
    """The newest RANKED_MATCHES matches in which each of the query's abbreviations
    starts a word in some column, and their texts folded for the rank with those word
    starts in capitals (None when the rank decodes: a word beyond Latin-1), and how
    many matches were read if the scan stopped with more unread (else 0)."""
    # Tested on the texts folded as the rank folds them, so they are folded once; when the
    # rank decodes, the abbreviations alone fold them for the test.
    test = needles if needles.utf8 is not None else Needles([], query.starts)
    highs = [high for _, high in test.word_starts]
    per_row = len(COLUMNS)
    window: list[Any] = []
    folded: list[bytes] = []
    read, size, page_params = 0, RANKED_MATCHES, params
    sql = _window_sql(filters, size)  # the first page is an ordinary search's window
    while True:
        page = conn.execute(sql, page_params).fetchall()
        read += len(page)
        low = raise_word_starts(fold_window(list(map(_TEXTS, page)), test) or [], test)
        for n, row in enumerate(page):
            cells = low[n * per_row : (n + 1) * per_row]
            # In the row's texts joined (no abbreviation holds the separator): one find per
            # abbreviation, not a test per text (`bytes in bytes` tries an int first).
            joined = _SEPARATOR.join(cells)
            if all(joined.find(high) >= 0 for high in highs):
                window.append(row)
                folded += cells
        if len(window) >= RANKED_MATCHES or len(page) < size:
            stopped = 0
            break
        if read >= WORD_START_SCAN:
            stopped = read
            break
        size = min(WORD_START_PAGE, WORD_START_SCAN - read)
        sql = _window_sql((*filters, "s.rowid < :before"), size)
        page_params = {**params, "before": page[-1][0]}
    del window[RANKED_MATCHES:], folded[RANKED_MATCHES * per_row :]
    return window, folded if needles.utf8 is not None else None, stopped


def _filters(body_id: int | None, year: int | None, exclude_item_id: int | None) -> tuple[list[str], dict[str, Any]]:
    """The WHERE terms (on `mt` the meeting, `i` the item) and parameters of a search's filters."""
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
    return filters, params


class IndexHit(NamedTuple):
    """A matching item: its and its meeting's fields (in _HIT_COLUMNS' order), where it
    matched and the snippet it shows, and its rank (1.0 for the best hit)."""

    item_id: int
    meeting_id: int
    position: int
    title: str
    case_year: int | None
    case_seq: int | None
    exempt: int
    title_exempt: int
    state: str
    body_id: int
    year: int
    number: int
    date: str
    body: str  # the body's short name
    field: str  # the indexed column the snippet is from ("": none matched)
    snippet: str  # marked
    rank: float


class IndexHits(list[IndexHit]):
    """The hits of `search`; `stopped_after` > 0 when an abbreviation's scan for word
    starts stopped at WORD_START_SCAN matches of its letters with more left unread
    (older items with it may exist: another word, a body or a year finds them)."""

    stopped_after: int = 0


_DATE, _MEETING, _POSITION, _TITLE, _BODY_ID = (
    IndexHit._fields.index(name) for name in ("date", "meeting_id", "position", "title", "body_id")
)


_NAMES = tuple(COLUMNS)
_WEIGHTS = list(COLUMNS.values())
_WIDTH = len(IndexHit._fields) - 4  # a window row: the item's and its meeting's fields, then the texts
_TEXTS = itemgetter(slice(_WIDTH, None))
_DATE_OF, _MEETING_OF, _POSITION_OF = (itemgetter(n) for n in (_DATE, _MEETING, _POSITION))
_COLUMN_AT = {name: n for n, name in enumerate(COLUMNS)}


def _hits(
    conn: sqlite3.Connection, item_ids: list[int], rank_of: dict[int, float], match: str, order: Sequence[int], size: int
) -> list[IndexHit]:
    """The hits' fields and snippets, the matches marked by highlight(), in the order given."""
    if not item_ids:
        return []
    parts = " || char(31) || ".join(
        f"coalesce(highlight({INDEX}, {n}, '{MARK_OPEN}', '{MARK_CLOSE}'), '')" for n in range(len(COLUMNS))
    )
    marks = ", ".join("?" for _ in item_ids)
    sql = (
        f"SELECT {_HIT_COLUMNS}, b.short_name, {parts} AS texts FROM {INDEX} s JOIN agenda_items i ON i.id = s.rowid"
        " JOIN meetings mt ON mt.id = i.meeting_id JOIN bodies b ON b.id = mt.body_id"
        f" WHERE {INDEX} MATCH ? AND s.rowid IN ({marks})"
    )
    by_id = {}
    for *fields, texts in conn.execute(sql, [match, *item_ids]):
        marked = (texts or "").split("\x1f")
        column = next((c for c in order if c < len(marked) and MARK_OPEN in marked[c]), None)
        field, text = ("", "") if column is None else (_NAMES[column], cut_snippet(marked[column], size))
        by_id[fields[0]] = IndexHit._make((*fields, field, text, rank_of[fields[0]]))
    return [by_id[item_id] for item_id in item_ids if item_id in by_id]


def _ranked_by_bm25(
    conn: sqlite3.Connection, filters: list[str], params: dict[str, Any], limit: int, order: Sequence[int], size: int
) -> list[IndexHit]:
    """Without trigram (old SQLite): bm25 over every match, as the index allows."""
    weights = ", ".join(str(w) for w in COLUMNS.values())
    matches = (
        f"SELECT {_HIT_COLUMNS}, bm25({INDEX}, {weights}) AS score"
        f" FROM {INDEX} s JOIN agenda_items i ON i.id = s.rowid JOIN meetings mt ON mt.id = i.meeting_id"
        f" WHERE {' AND '.join([f'{INDEX} MATCH :match', *filters])}"
    )
    ranked = (
        f"SELECT item_id, round(score / nullif(min(score) OVER (), 0), 2) AS rank FROM ({matches})"
        f" ORDER BY rank DESC, date DESC, meeting_id DESC, position LIMIT {int(limit)}"
    )
    rows = conn.execute(ranked, params).fetchall()
    rank_of = {item_id: rank or 0 for item_id, rank in rows}
    return _hits(conn, [item_id for item_id, _ in rows], rank_of, params["match"], order, size)


def case_hits(
    conn: sqlite3.Connection,
    year: int,
    seq: int,
    *,
    body_short_name: str | None = None,
    body_id: int | None = None,
    in_year: int | None = None,
    exclude_item_id: int | None = None,
    limit: int = 50,
) -> list[IndexHit]:
    """The items numbered `seq`/`year` (of the body named, or of any), newest meeting first:
    what a case number typed into the search means (a deferred item's copy on a later
    agenda keeps its number, so it is there too). Their snippet is empty: the case and the
    title are the hit."""
    filters, params = _filters(body_id, in_year, exclude_item_id)
    where = ["i.kind = 'item'", "i.case_year = :case_year", "i.case_seq = :case_seq", *filters]
    params.update(case_year=year, case_seq=seq)
    if body_short_name is not None:
        where.append("upper(b.short_name) = upper(:short)")
        params["short"] = body_short_name
    sql = (
        f"SELECT {_HIT_COLUMNS}, b.short_name FROM agenda_items i"
        " JOIN meetings mt ON mt.id = i.meeting_id JOIN bodies b ON b.id = mt.body_id"
        f" WHERE {' AND '.join(where)} ORDER BY mt.date DESC, mt.id DESC LIMIT {int(limit)}"
    )
    return [IndexHit._make((*row, "", "", 1.0)) for row in conn.execute(sql, params)]


RANKED_MATCHES = 100


# A one-letter query looks at the titles of this many items at most, the newest: some
# thirty years of four bodies' meetings. A letter that starts no word in them is not looked
# for in older titles (a second letter searches the whole index): else such a letter read
# every title, half a second in the benchmark's largest archive.
TITLE_SCAN_ITEMS = 10_000


def _title_scan(
    conn: sqlite3.Connection, letter: str, filters: list[str], params: dict[str, Any], limit: int, size: int
) -> list[IndexHit]:
    """Items whose title has a word starting with `letter`, newest meeting first: meetings
    are read in date order, and the scan stops at the limit or after TITLE_SCAN_ITEMS items."""
    # The scan reads ids and titles only; which titles have the letter at a word's start is
    # asked here, by a regular expression, and what a hit shows is read for the hits alone.
    # The same test in a GLOB («*[^A-Za-z…][eE]*») cost 5 µs a title, and reading every
    # field of each title scanned as much again: 4 ms for the first fifty of «e».
    where = " AND ".join(["i.kind = 'item'", *filters])
    # CROSS JOIN: meetings first, in date order by their index, so the scan stops at the
    # limit; left to choose, SQLite read every item (70 ms at scale 1) and sorted.
    scan = (
        "SELECT i.id, i.title FROM meetings mt CROSS JOIN agenda_items i ON i.meeting_id = mt.id"
        f" WHERE {where} ORDER BY mt.date DESC, mt.id DESC, i.position LIMIT {TITLE_SCAN_ITEMS}"
    )
    at_word_start = word_start_regex(letter).search
    found: list[int] = []
    for item_id, title in conn.execute(scan, params):
        if at_word_start(title):
            found.append(item_id)
            if len(found) >= limit:
                break
    if not found:
        return []
    shown = (
        f"SELECT {_HIT_COLUMNS}, b.short_name FROM agenda_items i INDEXED BY {HIT_INDEX}"
        " JOIN meetings mt ON mt.id = i.meeting_id JOIN bodies b ON b.id = mt.body_id"
        f" WHERE i.id IN ({', '.join('?' * len(found))})"
    )
    rows = {row[0]: row for row in conn.execute(shown, found)}
    return [
        IndexHit._make((*row, "title", cut_snippet(mark_word_starts(row[_TITLE], [letter]), size), 1.0))
        for row in map(rows.__getitem__, found)
    ]
