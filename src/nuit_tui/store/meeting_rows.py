"""The start screen's queries: bodies and a page of meetings as plain rows.

No pydantic records here: the first screen is painted before the models are
imported (see services.start), and a page of rows is all the list shows.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import NamedTuple


class BodyRow(NamedTuple):
    id: int
    short_name: str
    name: str
    position: int


class MeetingRow(NamedTuple):
    id: int
    body_id: int
    year: int
    number: int
    date: dt.date
    start_time: dt.time
    end_time: dt.time
    location: str | None
    video_link: str | None
    status: str  # a MeetingStatus value

    @property
    def ref(self) -> str:
        """The meeting's number as written: "2/2023"."""
        return f"{self.number}/{self.year}"


def body_rows(conn: sqlite3.Connection) -> list[BodyRow]:
    rows = conn.execute("SELECT id, short_name, name, position FROM bodies ORDER BY position, short_name")
    return [BodyRow(*row) for row in rows]


def meeting_filter(body_id: int | None, year: int | None) -> tuple[str, list[int]]:
    """The WHERE clause and parameters for the meetings of a body (or all) in a year (or all)."""
    clauses, params = [], []
    if body_id is not None:
        clauses.append("body_id = ?")
        params.append(body_id)
    if year is not None:
        clauses.append("year = ?")
        params.append(year)
    return " AND ".join(clauses) or "1", params


def meeting_rows(
    conn: sqlite3.Connection, body_id: int | None, *, year: int | None = None, limit: int, offset: int = 0
) -> list[MeetingRow]:
    """Newest first, a page at a time (the date indexes), so a long archive costs what is on screen."""
    where, params = meeting_filter(body_id, year)
    rows = conn.execute(
        "SELECT id, body_id, year, number, date, start_time, end_time, location, video_link, status FROM meetings"
        f" WHERE {where} ORDER BY date DESC, id DESC LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    )
    return [
        MeetingRow(
            id, body, yr, number, dt.date.fromisoformat(day), dt.time.fromisoformat(start), dt.time.fromisoformat(end),
            location, video, status,
        )
        for id, body, yr, number, day, start, end, location, video, status in rows
    ]


def meeting_years(conn: sqlite3.Connection, body_id: int | None) -> list[int]:
    """The years that have meetings, newest first (an index scan, not a table load)."""
    if body_id is None:
        rows = conn.execute("SELECT DISTINCT year FROM meetings ORDER BY year DESC")
    else:
        rows = conn.execute("SELECT DISTINCT year FROM meetings WHERE body_id = ? ORDER BY year DESC", [body_id])
    return [row[0] for row in rows]
