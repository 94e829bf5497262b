"""SQL for the year plan: deadlines, meetings and rules in a date window."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from ..domain import models as m
from ..domain.norwegian import FIRST_DAY, LAST_DAY
from .archive_store import ArchiveStore
from .meeting_rows import meeting_filter


def _body_clause(body_id: int | None, column: str = "body_id") -> tuple[str, list]:
    # A deadline without a body belongs to every body's year plan.
    if body_id is None:
        return "1", []
    return f"({column} = ? OR {column} IS NULL)", [body_id]


def deadlines_between(
    store: ArchiveStore,
    start: dt.date,
    end: dt.date,
    *,
    body_id: int | None = None,
    category: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[m.Deadline]:
    where, params = _body_clause(body_id)
    where += " AND date BETWEEN ? AND ?"
    params += [start.isoformat(), end.isoformat()]
    if category:
        where += " AND category = ?"
        params.append(category)
    return store.find(m.Deadline, where, params, order_by="date, id", limit=limit, offset=offset)


def deadline_days(store: ArchiveStore, start: dt.date, end: dt.date, *, body_id: int | None = None, category: str | None = None) -> dict[dt.date, int]:
    """How many deadlines fall on each day of the window (one row per day, not per deadline)."""
    where, params = _body_clause(body_id)
    where += " AND date BETWEEN ? AND ?"
    params += [start.isoformat(), end.isoformat()]
    if category:
        where += " AND category = ?"
        params.append(category)
    rows = store.conn.execute(f"SELECT date, count(*) FROM deadlines WHERE {where} GROUP BY date", params)
    return {dt.date.fromisoformat(day): count for day, count in rows}


def deadlines_out_of_range(store: ArchiveStore, *, body_id: int | None = None) -> list[m.Deadline]:
    """Deadlines dated outside the range the archive accepts (norwegian.FIRST_DAY..LAST_DAY),
    as an older version could store them: left out of the calendar and the year plan."""
    where, params = _body_clause(body_id)
    where += " AND (date < ? OR date > ?)"
    params += [FIRST_DAY.isoformat(), LAST_DAY.isoformat()]
    return store.find(m.Deadline, where, params, order_by="date, id")


def meetings_between(
    store: ArchiveStore, start: dt.date, end: dt.date, *, body_id: int | None = None, body_ids: list[int] | None = None
) -> list[m.Meeting]:
    """Meetings in the window: of one body, of several (`body_ids`), or of all."""
    params: list[object]
    where, params = ("1", []) if body_id is None else ("body_id = ?", [body_id])
    if body_ids is not None:
        where += " AND body_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(body_ids))
    return store.find(
        m.Meeting, f"{where} AND date BETWEEN ? AND ?", [*params, start.isoformat(), end.isoformat()], order_by="date, id"
    )


def rules(store: ArchiveStore, *, body_id: int | None = None) -> list[m.DeadlineRule]:
    where, params = _body_clause(body_id)
    return store.find(m.DeadlineRule, where, params, order_by="title, id")


def deadlines_titled(store: ArchiveStore, text: str, start: dt.date, end: dt.date) -> list[m.Deadline]:
    """Deadlines in the window whose title holds `text` (anchors of a rule)."""
    pattern = "%" + text.replace("%", "").replace("_", "") + "%"
    return store.find(
        m.Deadline, "title LIKE ? AND date BETWEEN ? AND ?", [pattern, start.isoformat(), end.isoformat()], order_by="date"
    )


def categories(store: ArchiveStore) -> list[str]:
    rows = store.conn.execute(
        "SELECT category FROM deadlines WHERE category != '' UNION SELECT category FROM deadline_rules WHERE category != '' ORDER BY 1"
    )
    return [row[0] for row in rows]


def imported_deadlines(store: ArchiveStore, source: str, body_id: int | None) -> list[m.Deadline]:
    """The deadlines an earlier import of the same document made (they keep the line read)."""
    return store.find(
        m.Deadline, "source = ? AND body_id IS ? AND original_text != ''", [source, body_id], order_by="date, id"
    )


def deadlines_of_other_sources(store: ArchiveStore, source: str, body_id: int | None) -> list[m.Deadline]:
    """The body's deadlines from any other source (or typed in), oldest first."""
    return store.find(m.Deadline, "source != ? AND body_id IS ?", [source, body_id], order_by="id")


# --- the calendar export: every meeting and deadline of a body and year, streamed ---


def iter_meetings(store: ArchiveStore, *, body_id: int | None, year: int | None) -> Iterator[m.Meeting]:
    return store.iter_find(m.Meeting, *meeting_filter(body_id, year), order_by="date, start_time, id")


def iter_deadlines(store: ArchiveStore, *, body_id: int | None, year: int | None, public: bool) -> Iterator[m.Deadline]:
    """Deadlines of a body (with those of no body) and a year; `public` only reads less
    (exempt ones are left out here, the openness rule decides the rest)."""
    clauses: list[str] = ["date BETWEEN ? AND ?"]  # only dates the archive accepts
    params: list[object] = [FIRST_DAY.isoformat(), LAST_DAY.isoformat()]
    if body_id is not None:
        clauses.append("(body_id = ? OR body_id IS NULL)")
        params.append(body_id)
    if year is not None:
        clauses.append("date >= ? AND date < ?")
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    if public:
        clauses.append("exempt = 0")
    return store.iter_find(m.Deadline, " AND ".join(clauses), params, order_by="date, id")


# The columns an agenda line needs, of many meetings at once: one query, not a query
# and a full record per item (the whole archive is thousands of meetings).
AGENDA_LINE_COLUMNS = (
    "meeting_id, id, kind, case_year, case_seq, title, exempt, state, duration_minutes, fixed_start,"
    " title_exempt, exempt_basis"
)


def agenda_line_rows(store: ArchiveStore, meeting_ids: list[int]) -> Iterator[tuple]:
    """Rows of AGENDA_LINE_COLUMNS for the meetings' items, by meeting and position."""
    sql = (
        f"SELECT {AGENDA_LINE_COLUMNS} FROM agenda_items"
        " WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY meeting_id, position, id"
    )
    return iter(store.conn.execute(sql, [json.dumps(meeting_ids)]))


def count_meetings(store: ArchiveStore, *, body_id: int | None, year: int | None) -> int:
    return store.count(m.Meeting, *meeting_filter(body_id, year))
