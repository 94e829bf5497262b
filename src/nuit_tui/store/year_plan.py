"""SQL for the year plan: deadlines, meetings and rules in a date window."""

from __future__ import annotations

import datetime as dt

from ..domain import models as m
from ..domain.norwegian import FIRST_DAY, LAST_DAY
from .archive_store import ArchiveStore


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


def meetings_between(store: ArchiveStore, start: dt.date, end: dt.date, *, body_id: int | None = None) -> list[m.Meeting]:
    where, params = ("1", []) if body_id is None else ("body_id = ?", [body_id])
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
